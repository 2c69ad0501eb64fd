package verifier

// This file implements the walk over a program's paths, as the kernel's
// do_check_common and do_check: one state goes instruction by
// instruction; a conditional jump it cannot decide pushes the other side
// on a stack of pending states; an exit or a pruned path pops the next
// one. Every processed instruction counts against the kernel's limit.

import (
	"github.com/cilium/ebpf/btf"

	"github.com/callx/callx/asm"
	"github.com/callx/callx/helpers"
)

// The kernel's complexity limits.
const (
	complexityLimitInsns  = 1_000_000 // BPF_COMPLEXITY_LIMIT_INSNS
	complexityLimitJmpSeq = 8192      // BPF_COMPLEXITY_LIMIT_JMP_SEQ
	maxVarOff             = 1 << 29   // BPF_MAX_VAR_OFF
	maxPacketOff          = 0xffff    // MAX_PACKET_OFF
	beyondPktEnd          = -2        // BEYOND_PKT_END
	atPktEnd              = -1        // AT_PKT_END
)

// pending is a state waiting on the stack, with where the log stood when
// it was pushed (level 1 logs only the failing path).
type pending struct {
	st     *State
	insn   int
	prev   int
	logPos int
}

// verifier holds one verification.
type verifier struct {
	insns   asm.Program
	opts    Options
	cfg     *CFG
	helpers *helpers.Table
	log     vlog
	stats   Stats

	cur       *State
	stack     []pending
	idGen     uint32
	visited   map[int][]*visitedState // states at prune points
	scc       []int                   // each instruction's loop, 0 for none (scc.go)
	sccVisits map[callchain]*sccVisit
	// loopInline is per bpf_loop call instruction (call.go).
	loopInline map[int]loopInline
	prune      []bool // prune points
	// jmpPoint marks where the kernel records a path's history
	// (mark_jmp_point): jump targets and where calls return.
	jmpPoint []bool

	insnIdx  int
	prevInsn int

	// per subprogram
	stackDepth  []int
	globalFunc  []bool
	funcProtos  []*btf.FuncProto
	called      []bool
	verified    []bool
	subprogName []string

	curStates                       int
	jmpsSinceState, insnsSinceState int

	// scratch marks for the log (which registers and slots to print)
	scratchedRegs  uint32
	scratchedStack uint64
	liveness       *liveness
	stackLive      *stackLiveness
	protoCache     map[int32]*proto
	funcSets       map[string]*funcSet
	callxEdges     map[int][]int
	slotBudgets    map[*SlotInfo]*SlotBudget
	ptrTypes       map[int]RegType
	changesPkt     []bool
}

func newVerifier(insns asm.Program, opts Options) *verifier {
	v := &verifier{insns: insns, opts: opts, helpers: opts.Helpers,
		callxEdges: map[int][]int{}, slotBudgets: map[*SlotInfo]*SlotBudget{}}
	if v.helpers == nil {
		v.helpers = helpers.Default()
	}
	v.log.level = opts.LogLevel
	return v
}

// run verifies the program: the control-flow pass, then the main program's
// paths, then every global function the program calls.
func (v *verifier) run() error {
	if len(v.insns) > 1_000_000 {
		return rejectf(0, CodeLimit, "BPF program is too large")
	}
	if err := v.checkInsns(); err != nil {
		v.log.printf("%s\n", err.(*Error).Msg)
		return err
	}
	cfg, err := CheckCFGWith(v.insns, CFGOptions{Privileged: !v.opts.Unprivileged, Roots: v.opts.FuncRoots})
	if err != nil {
		if e, ok := err.(*Error); ok {
			v.log.printf("%s\n", e.Msg)
		}
		return err
	}
	v.cfg = cfg
	v.setupSubprogs()
	if err := v.checkSubprogBTF(); err != nil {
		return err
	}
	if v.opts.Type == "lsm" || v.opts.Type == "struct_ops" || v.opts.Type == "freplace" {
		return rejectf(0, CodeUnsupported, "callx: %s programs are not verified yet", v.opts.Type)
	}
	if v.log.level&LogLevel2 != 0 {
		for i, s := range cfg.Subprogs {
			v.log.printf("func#%d @%d\n", i, s.Start)
		}
	}
	v.computePrunePoints()
	v.scc = v.computeSCCs()
	v.loopInline = map[int]loopInline{}
	v.liveness = computeLiveness(v)
	v.stackLive = newStackLiveness(v)
	v.visited = map[int][]*visitedState{}
	if err := v.checkCommon(0); err != nil {
		return err
	}
	for {
		progress := false
		for i := 1; i < len(cfg.Subprogs); i++ {
			if !v.globalFunc[i] || !v.called[i] || v.verified[i] {
				continue
			}
			if err := v.checkCommon(i); err != nil {
				return err
			}
			if v.log.level&(LogLevel1|LogLevel2) != 0 {
				v.log.printf("Func#%d ('%s') is safe for any args that match its prototype\n", i, v.subprogName[i])
			}
			v.verified[i] = true
			progress = true
		}
		if !progress {
			return v.checkMaxStackDepth()
		}
	}
}

// checkCommon walks every path from subprogram sub's entry
// (do_check_common).
func (v *verifier) checkCommon(sub int) error {
	v.sccVisits = map[callchain]*sccVisit{}
	v.stackLive.cur = nil
	st := &State{Frames: []*Frame{v.newFrame(-1, 0, sub)}, branches: 1}
	regs := &st.Frames[0].Regs
	if sub != 0 {
		v.log.printf("Validating %s() func#%d...\n", v.subprogName[sub], sub)
		if err := v.prepareGlobalArgs(sub, regs); err != nil {
			return err
		}
	} else {
		regs[asm.R1] = pointerReg(PtrToCtx)
	}
	v.cur = st
	v.stack = v.stack[:0]
	v.insnIdx = v.cfg.Subprogs[sub].Start
	v.prevInsn = -1
	// Counted as the kernel's insn_processed: every instruction walked,
	// pruned ones too, the one being checked included.
	v.insnsSinceState = 0
	v.markAllScratched()
	return v.doCheck()
}

// newFrame returns a frame with every register uninitialised but r10.
func (v *verifier) newFrame(callsite, frameno, sub int) *Frame {
	f := &Frame{Frameno: frameno, Callsite: callsite, Subprog: sub}
	for i := range f.Regs {
		f.Regs[i] = notInit()
	}
	f.Regs[asm.R10] = Reg{Type: PtrToStack, Scalar: ConstScalar(0), Frameno: frameno}
	return f
}

// doCheck is the kernel's do_check.
func (v *verifier) doCheck() error {
	doPrintState := false
	for {
		if v.insnIdx < 0 || v.insnIdx >= len(v.insns) {
			return v.reject(CodeCFG, "invalid insn idx %d insn_cnt %d", v.insnIdx, len(v.insns))
		}
		ins := v.insns[v.insnIdx]
		v.stats.Processed++
		v.insnsSinceState++
		if v.stats.Processed > complexityLimitInsns {
			return v.reject(CodeLimit, "BPF program is too large. Processed %d insn", v.stats.Processed)
		}
		v.cur.PrevInsn = v.prevInsn
		if v.prune[v.insnIdx] {
			pruned, err := v.isStateVisited(v.insnIdx)
			if err != nil {
				return err
			}
			if pruned {
				if v.log.level&(LogLevel1|LogLevel2) != 0 {
					if doPrintState {
						v.log.printf("\nfrom %d to %d%s: safe\n", v.prevInsn, v.insnIdx, v.speculativeNote())
					} else {
						v.log.printf("%d: safe\n", v.insnIdx)
					}
				}
				done, err := v.processExit()
				if err != nil {
					return err
				}
				if done {
					return nil
				}
				doPrintState = true
				continue
			}
		}
		if v.log.level&LogLevel2 != 0 && doPrintState {
			v.log.printf("\nfrom %d to %d%s:", v.prevInsn, v.insnIdx, v.speculativeNote())
			v.printState(v.cur.cur(), true)
			doPrintState = false
		}
		if v.log.level&(LogLevel1|LogLevel2) != 0 {
			if v.scratched() {
				v.printInsnState(v.cur.cur())
			}
			v.printInsn(v.insnIdx)
		}
		v.prevInsn = v.insnIdx
		v.appendHist(v.insnIdx)

		var err error
		next := v.insnIdx + 1
		v.resetStackWrites()
		switch cls := ins.Op.Class(); cls {
		case asm.ClassALU, asm.ClassALU64:
			err = v.checkALU(ins)
		case asm.ClassLDX:
			err = v.checkLoad(ins)
		case asm.ClassSTX:
			if ins.Op.Mode() == asm.ModeATOMIC {
				err = v.checkAtomic(ins)
				break
			}
			if ins.Op.Mode() != asm.ModeMEM || ins.Imm != 0 {
				return v.reject(CodeInsn, "BPF_STX uses reserved fields")
			}
			err = v.checkStoreReg(ins)
		case asm.ClassST:
			if ins.Op.Mode() != asm.ModeMEM || ins.Src != 0 {
				return v.reject(CodeInsn, "BPF_ST uses reserved fields")
			}
			err = v.checkStoreImm(ins)
		case asm.ClassJMP, asm.ClassJMP32:
			v.jmpsSinceState++
			switch op := ins.Op.JumpOp(); op {
			case asm.OpCall:
				if ins.Op == asm.OpCallX {
					if v.cur.ActiveLock != 0 {
						return v.reject(CodeReference, "function calls are not allowed while holding a lock")
					}
					next, err = v.checkCallX(ins)
					v.scratchReg(asm.R0)
					break
				}
				if ins.Op.Source() != asm.SourceK || (ins.Src != asm.PseudoKfuncCall && ins.Off != 0) ||
					(ins.Src != 0 && ins.Src != asm.PseudoCall && ins.Src != asm.PseudoKfuncCall) ||
					ins.Dst != 0 || cls == asm.ClassJMP32 {
					return v.reject(CodeInsn, "BPF_CALL uses reserved fields")
				}
				if v.cur.ActiveLock != 0 && !(ins.Src == 0 && ins.Imm == spinUnlockID) {
					return v.reject(CodeReference, "function calls are not allowed while holding a lock")
				}
				switch ins.Src {
				case asm.PseudoCall:
					next, err = v.checkFuncCall(ins)
				case asm.PseudoKfuncCall:
					return v.reject(CodeUnsupported, "callx: kfunc calls are not supported yet")
				default:
					next, err = v.checkHelperCall(ins)
				}
				v.scratchReg(asm.R0)
			case asm.OpJA:
				if ins.Op.Source() != asm.SourceK || ins.Src != 0 || ins.Dst != 0 ||
					(cls == asm.ClassJMP && ins.Imm != 0) || (cls == asm.ClassJMP32 && ins.Off != 0) {
					return v.reject(CodeInsn, "BPF_JA uses reserved fields")
				}
				if cls == asm.ClassJMP {
					next = v.insnIdx + int(ins.Off) + 1
				} else {
					next = v.insnIdx + int(ins.Imm) + 1
				}
			case asm.OpExit:
				if ins.Op.Source() != asm.SourceK || ins.Imm != 0 || ins.Src != 0 || ins.Dst != 0 || cls == asm.ClassJMP32 {
					return v.reject(CodeInsn, "BPF_EXIT uses reserved fields")
				}
				if v.cur.ActiveLock != 0 && len(v.cur.Frames) == 1 {
					return v.reject(CodeReference, "bpf_spin_unlock is missing")
				}
				if err := v.checkReferenceLeak(); err != nil {
					return err
				}
				if len(v.cur.Frames) > 1 {
					next, err = v.prepareFuncExit()
					if err != nil {
						return err
					}
					doPrintState = true
					v.insnIdx = next
					continue
				}
				if err := v.checkReturnCode(); err != nil {
					return err
				}
				done, err := v.processExit()
				if err != nil {
					return err
				}
				if done {
					return nil
				}
				doPrintState = true
				continue
			default:
				next, err = v.checkCondJmp(ins)
			}
		case asm.ClassLD:
			switch ins.Op.Mode() {
			case asm.ModeABS, asm.ModeIND:
				next, err = v.checkLdAbs(ins)
			case asm.ModeIMM:
				err = v.checkLdImm(ins)
				next = v.insnIdx + 2
			default:
				return v.reject(CodeInsn, "invalid BPF_LD mode")
			}
		default:
			return v.reject(CodeInsn, "unknown insn class %d", cls)
		}
		if err != nil {
			return err
		}
		v.commitStackWrites()
		v.insnIdx = next
	}
}

// processExit ends the current path and takes the next pending one; done
// reports that none is left.
func (v *verifier) processExit() (done bool, err error) {
	v.markAllScratched()
	v.updateBranchCounts(v.cur)
	v.updateLiveStack()
	if len(v.stack) == 0 {
		return true, nil
	}
	p := v.stack[len(v.stack)-1]
	v.stack = v.stack[:len(v.stack)-1]
	v.cur = p.st
	v.insnIdx = p.insn
	v.prevInsn = p.prev
	if v.log.level&LogLevel2 == 0 {
		v.log.truncate(p.logPos)
	}
	return false, nil
}

// pushStack saves a copy of the current state to continue at insn later
// (push_stack) and returns the copy.
func (v *verifier) pushStack(insn, prev int, speculative bool) (*State, error) {
	st := v.cur.clone()
	st.Insn = insn
	st.Speculative = st.Speculative || speculative
	v.stack = append(v.stack, pending{st: st, insn: insn, prev: prev, logPos: v.log.len()})
	if len(v.stack) > complexityLimitJmpSeq {
		return nil, v.reject(CodeLimit, "The sequence of %d jumps is too complex.", len(v.stack))
	}
	if st.parent != nil {
		st.parent.branches++
	}
	return st, nil
}

// updateBranchCounts tells the states a path came through that it is
// done (update_branch_counts): a state with no branch left is complete,
// and may prune others.
func (v *verifier) updateBranchCounts(st *State) {
	for st != nil {
		st.branches--
		if st.branches > 0 {
			return
		}
		v.maybeExitSCC(st)
		st = st.parent
	}
}

func (v *verifier) speculativeNote() string {
	if v.cur.Speculative {
		return " (speculative execution)"
	}
	return ""
}

// reject returns an *Error at the current instruction, and logs its
// message as the kernel does.
func (v *verifier) reject(code Code, format string, args ...any) error {
	e := rejectf(v.insnIdx, code, format, args...)
	v.log.printf("%s\n", e.Msg)
	return e
}

// newID returns a fresh id (++env->id_gen).
func (v *verifier) newID() uint32 {
	v.idGen++
	return v.idGen
}

// checkInsns rejects what resolve_pseudo_ldimm64 and the decoder reject
// before the walk: unknown opcodes and malformed ld_imm64.
func (v *verifier) checkInsns() error {
	for i := 0; i < len(v.insns); i++ {
		ins := v.insns[i]
		if ins.Op == asm.OpLoadImm64 {
			if i+1 >= len(v.insns) || v.insns[i+1].Op != 0 || v.insns[i+1].Dst != 0 ||
				v.insns[i+1].Src != 0 || v.insns[i+1].Off != 0 {
				return rejectf(i, CodeInsn, "invalid bpf_ld_imm64 insn")
			}
			if ins.Src == asm.PseudoMapIdx || ins.Src == asm.PseudoMapIdxValue {
				if int(ins.Imm) < 0 || int(ins.Imm) >= len(v.opts.Maps) || v.opts.Maps[ins.Imm] == nil {
					return rejectf(i, CodeInsn, "fd %d is not pointing to valid bpf_map", ins.Imm)
				}
				m := v.opts.Maps[ins.Imm]
				if msg := v.mapProgCompatibility(m); msg != "" {
					return rejectf(i, CodeInsn, "%s", msg)
				}
				if ins.Src == asm.PseudoMapIdxValue {
					// Direct value access: only a one-element array has
					// an address for its value (map_direct_value_addr).
					off := uint32(v.insns[i+1].Imm)
					switch {
					case off >= maxVarOff:
						return rejectf(i, CodeInsn, "direct value offset of %d is not allowed", off)
					case m.Type != mapTypeArray:
						return rejectf(i, CodeInsn, "no direct value access support for this map type")
					case m.MaxEntries != 1 || off >= m.ValueSize:
						return rejectf(i, CodeInsn, "invalid access to map value pointer, value_size=%d off=%d", m.ValueSize, off)
					}
				}
			}
			i++
			continue
		}
		if ins.Op.Class() == asm.ClassLD && ins.Op.Mode() == asm.ModeIMM {
			return rejectf(i, CodeInsn, "invalid BPF_LD_IMM insn")
		}
	}
	return nil
}

// mapProgCompatibility is check_map_prog_compatibility: what a program
// type may not use in the maps it refers to.
func (v *verifier) mapProgCompatibility(m *MapInfo) string {
	tracing := false
	switch v.opts.Type {
	case "kprobe", "tracepoint", "perf_event", "raw_tp", "raw_tp.w":
		tracing = true
	}
	if m.SpinLockOff >= 0 {
		if v.opts.Type == "socket" {
			return "socket filter progs cannot use bpf_spin_lock yet"
		}
		if tracing {
			return "tracing progs cannot use bpf_spin_lock yet"
		}
	}
	if m.HasTimer && tracing {
		return "tracing progs cannot use bpf_timer yet"
	}
	if m.Type == 26 { // BPF_MAP_TYPE_STRUCT_OPS
		return "bpf_struct_ops map cannot be used in prog"
	}
	if v.opts.Sleepable {
		switch m.Type {
		case 1, 9, 2, 5, 6, 10, 12, 13, 27, 31, 28, 24, 29, 32, 22, 23, 33:
		default:
			return "Sleepable programs can only use array, hash, ringbuf and local storage maps"
		}
	}
	return ""
}
