package verifier

// This file implements the control-flow pass, as Linux 6.12's
// add_subprog_and_kfunc, check_subprogs and check_cfg (with visit_insn and
// push_insn) do it in kernel/bpf/verifier.c: subprogram boundaries, jumps
// that stay inside their subprogram, subprograms that cannot fall through
// into the next, a depth-first walk that finds back-edges (rejected only
// for unprivileged programs) and unreachable instructions, and jumps into
// the second slot of an ld_imm64.
//
// The kernel's order is kept, so that a program with several faults is
// rejected for the same one: first the subprogram starts (add_subprog),
// then the per-subprogram jump and last-instruction checks
// (check_subprogs), then the walk (check_cfg), and last the scan for
// unreachable slots and jumps into ld_imm64.
//
// What the kernel checks elsewhere is not here: recursion and the combined
// stack depth (check_max_stack_depth), kfunc resolution (add_kfunc_call),
// ld_imm64 well-formedness (resolve_pseudo_ldimm64), opcode validity
// (do_check), and "infinite loop detected at insn %d", which the kernel
// reports from is_state_visited during the walk over states, not from
// check_cfg (a jump to itself is, to check_cfg, an ordinary back-edge).

import (
	"slices"

	"github.com/callx/callx/asm"
)

// maxSubprogs is the kernel's BPF_MAX_SUBPROGS.
const maxSubprogs = 256

// Subprog is one subprogram: the slots [Start, End).
type Subprog struct {
	Start, End int
}

// CFG is what the control-flow pass learns about a program.
type CFG struct {
	// Subprogs are the program's subprograms in slot order; the first
	// starts at slot 0 and each ends where the next starts.
	Subprogs []Subprog
	// JumpTargets marks the slots that a jump or call can reach other than
	// by falling through (the kernel's jmp points for branch targets).
	JumpTargets []bool
}

// SubprogAt returns the index of the subprogram holding slot i, or -1.
func (c *CFG) SubprogAt(i int) int {
	k, found := slices.BinarySearchFunc(c.Subprogs, i, func(s Subprog, i int) int { return s.Start - i })
	if found {
		return k
	}
	if k == 0 || i >= c.Subprogs[len(c.Subprogs)-1].End {
		return -1
	}
	return k - 1
}

// CFGOptions selects the kernel's behaviour for the pass.
type CFGOptions struct {
	// Privileged is the kernel's env->bpf_capable (CAP_BPF or
	// CAP_SYS_ADMIN): bpf-to-bpf calls, PSEUDO_FUNC loads and kfunc calls
	// are allowed and back-edges (bounded loops) are left to the state
	// walk. Unprivileged, both are rejected here.
	Privileged bool
	// Roots are functions that no instruction calls or names but that
	// function pointers in global data do (INDIRECT-CALLS.md): each starts
	// a subprogram and a walk of its own.
	Roots []int
}

// CheckCFG runs the control-flow pass with the privileged kernel's rules.
func CheckCFG(insns asm.Program) (*CFG, error) {
	return CheckCFGWith(insns, CFGOptions{Privileged: true})
}

// CheckCFGWith runs the control-flow pass with the given options. A
// rejection is an *Error whose Msg is the kernel's log line.
func CheckCFGWith(insns asm.Program, opts CFGOptions) (*CFG, error) {
	if len(insns) == 0 {
		// bpf_prog_load fails with E2BIG before the verifier runs, and logs nothing.
		return nil, errorf(0, "program has no instructions")
	}
	starts, err := addSubprogs(insns, opts)
	if err != nil {
		return nil, err
	}
	if err := checkSubprogs(insns, starts); err != nil {
		return nil, err
	}
	w := &cfgWalk{insns: insns, opts: opts,
		state: make([]uint8, len(insns)), jmp: make([]bool, len(insns))}
	if err := w.run(); err != nil {
		return nil, err
	}
	c := &CFG{JumpTargets: w.jmp}
	for k, s := range starts {
		end := len(insns)
		if k+1 < len(starts) {
			end = starts[k+1]
		}
		c.Subprogs = append(c.Subprogs, Subprog{Start: s, End: end})
	}
	return c, nil
}

// isPseudoFunc reports whether ins is an ld_imm64 of a function's address
// (the kernel's bpf_pseudo_func).
func isPseudoFunc(ins asm.Instruction) bool {
	return ins.Op == asm.OpLoadImm64 && ins.Src == asm.PseudoFunc
}

// isKfuncCall is the kernel's bpf_pseudo_kfunc_call.
func isKfuncCall(ins asm.Instruction) bool {
	return ins.Op == asm.OpCallK && ins.Src == asm.PseudoKfuncCall
}

// addSubprogs finds the subprogram starts as add_subprog_and_kfunc does:
// slot 0, and the target of every pc-relative call and PSEUDO_FUNC load,
// scanning every slot (the second slot of an ld_imm64 has opcode 0 and is
// neither). It returns them sorted.
func addSubprogs(insns asm.Program, opts CFGOptions) ([]int, error) {
	starts := []int{0}
	for _, r := range opts.Roots {
		if r <= 0 || r >= len(insns) {
			continue
		}
		if k, found := slices.BinarySearch(starts, r); !found {
			starts = slices.Insert(starts, k, r)
		}
	}
	for i, ins := range insns {
		if !isPseudoFunc(ins) && !ins.IsLocalCall() && !isKfuncCall(ins) {
			continue
		}
		if !opts.Privileged {
			return nil, errorf(i, "loading/calling other bpf or kernel functions are allowed for CAP_BPF and CAP_SYS_ADMIN")
		}
		if isKfuncCall(ins) {
			continue // add_kfunc_call: resolved against BTF, not here
		}
		off := i + int(ins.Imm) + 1
		if off < 0 || off >= len(insns) {
			return nil, errorf(i, "call to invalid destination")
		}
		k, found := slices.BinarySearch(starts, off)
		if found {
			continue
		}
		if len(starts) >= maxSubprogs {
			return nil, errorf(i, "too many subprograms")
		}
		starts = slices.Insert(starts, k, off)
	}
	return starts, nil
}

// checkSubprogs is the kernel's check_subprogs: every jump stays inside its
// subprogram, and every subprogram's last slot is an exit or an
// unconditional jump, so that none falls through into the next.
func checkSubprogs(insns asm.Program, starts []int) error {
	cur := 0
	start, end := starts[0], len(insns)
	if len(starts) > 1 {
		end = starts[1]
	}
	for i, ins := range insns {
		class := ins.Op.Class()
		if class.IsJump() && ins.Op.JumpOp() != asm.OpExit && ins.Op.JumpOp() != asm.OpCall {
			off := i + int(ins.Off) + 1
			if ins.Op == asm.OpCode(asm.ClassJMP32)|asm.OpCode(asm.OpJA) {
				off = i + int(ins.Imm) + 1
			}
			if off < start || off >= end {
				return errorf(i, "jump out of range from insn %d to %d", i, off)
			}
		}
		if i == end-1 {
			if ins.Op != asm.OpExitK &&
				ins.Op != asm.OpCode(asm.ClassJMP32)|asm.OpCode(asm.OpJA) &&
				ins.Op != asm.OpCode(asm.ClassJMP)|asm.OpCode(asm.OpJA) {
				return errorf(i, "last insn is not an exit or jmp")
			}
			start = end
			cur++
			if cur+1 < len(starts) {
				end = starts[cur+1]
			} else {
				end = len(insns)
			}
		}
	}
	return nil
}

// The walk's slot states and edge kinds, as in the kernel (FALLTHROUGH
// and BRANCH).
const (
	discovered      = 0x10
	explored        = 0x20
	edgeFallthrough = 1
	edgeBranch      = 2
)

// What visit and push return besides an error: the kernel's
// DONE_EXPLORING and KEEP_EXPLORING.
const (
	doneExploring = 0
	keepExploring = 1
)

// cfgWalk is check_cfg's depth-first walk from slot 0.
type cfgWalk struct {
	insns asm.Program
	opts  CFGOptions
	state []uint8
	stack []int
	jmp   []bool
}

func (w *cfgWalk) run() error {
	roots := append([]int{0}, w.opts.Roots...)
	for _, root := range roots {
		if root < 0 || root >= len(w.insns) || w.state[root] != 0 {
			continue
		}
		w.state[root] = discovered
		w.stack = append(w.stack, root)
		for len(w.stack) > 0 {
			t := w.stack[len(w.stack)-1]
			r, err := w.visit(t)
			if err != nil {
				return err
			}
			if r == doneExploring {
				w.state[t] = explored
				w.stack = w.stack[:len(w.stack)-1]
			}
		}
	}
	for i := 0; i < len(w.insns); i++ {
		if w.state[i] != explored {
			return errorf(i, "unreachable insn %d", i)
		}
		if w.insns[i].IsLoadImm64() {
			if w.state[i+1] != 0 {
				return errorf(i, "jump into the middle of ldimm64 insn %d", i)
			}
			i++
		}
	}
	return nil
}

// visit is the kernel's visit_insn: it pushes the next unexplored
// successor of t, or reports t done.
func (w *cfgWalk) visit(t int) (int, error) {
	ins := w.insns[t]
	if isPseudoFunc(ins) {
		return w.visitCall(t, true)
	}
	class := ins.Op.Class()
	if !class.IsJump() {
		size := 1
		if ins.IsLoadImm64() {
			size = 2
		}
		return w.push(t, t+size, edgeFallthrough)
	}
	switch ins.Op.JumpOp() {
	case asm.OpExit:
		return doneExploring, nil
	case asm.OpCall:
		return w.visitCall(t, ins.Src == asm.PseudoCall && ins.Op == asm.OpCallK)
	case asm.OpJA:
		if ins.Op.Source() != asm.SourceK {
			// The kernel fails with EINVAL and logs nothing.
			return 0, errorf(t, "BPF_JA with BPF_X source")
		}
		off := int(ins.Off)
		if class == asm.ClassJMP32 {
			off = int(ins.Imm)
		}
		r, err := w.push(t, t+off+1, edgeFallthrough)
		if err == nil && r == doneExploring {
			w.jmp[t+off+1] = true
		}
		return r, err
	default:
		r, err := w.push(t, t+1, edgeFallthrough)
		if err != nil || r != doneExploring {
			return r, err
		}
		return w.push(t, t+int(ins.Off)+1, edgeBranch)
	}
}

// visitCall is visit_func_call_insn: the fall-through edge past the call
// (or the ld_imm64), then, for a bpf-to-bpf call or a function's address,
// an edge into the callee.
func (w *cfgWalk) visitCall(t int, visitCallee bool) (int, error) {
	size := 1
	if w.insns[t].IsLoadImm64() {
		size = 2
	}
	r, err := w.push(t, t+size, edgeFallthrough)
	if err != nil || r != doneExploring {
		return r, err
	}
	if t+size < len(w.insns) {
		w.jmp[t+size] = true
	}
	if visitCallee {
		return w.push(t, t+int(w.insns[t].Imm)+1, edgeBranch)
	}
	return r, nil
}

// push is the kernel's push_insn: it follows the edge t→w of kind e unless
// already followed, rejecting a target outside the program and, when
// unprivileged, an edge back to a slot still on the stack.
func (w *cfgWalk) push(t, to int, e uint8) (int, error) {
	if e == edgeFallthrough && w.state[t] >= discovered|edgeFallthrough {
		return doneExploring, nil
	}
	if e == edgeBranch && w.state[t] >= discovered|edgeBranch {
		return doneExploring, nil
	}
	if to < 0 || to >= len(w.insns) {
		return 0, errorf(t, "jump out of range from insn %d to %d", t, to)
	}
	if e == edgeBranch {
		w.jmp[to] = true
	}
	switch {
	case w.state[to] == 0: // tree edge
		w.state[t] = discovered | e
		w.state[to] = discovered
		w.stack = append(w.stack, to)
		return keepExploring, nil
	case w.state[to]&0xf0 == discovered: // back edge
		if w.opts.Privileged {
			return doneExploring, nil
		}
		return 0, errorf(t, "back-edge from insn %d to %d", t, to)
	default: // forward or cross edge
		w.state[t] = discovered | e
		return doneExploring, nil
	}
}
