package verifier

// This file implements the static register liveness analysis
// (compute_live_registers): which registers some path may still read at
// each instruction. A kept state forgets the others before it is
// compared (cleanLiveStates in prune.go); stackliveness.go does the same
// for stack slots.

import "github.com/callx/callx/asm"

// liveness holds the registers live at the start of each instruction.
type liveness struct {
	in []uint16
}

// useDef returns the registers instruction i reads and writes, and its
// successors.
func (v *verifier) useDef(i int) (use, def uint16, succ []int) {
	ins := v.insns[i]
	bit := func(r asm.Register) uint16 { return 1 << r }
	next := []int{i + 1}
	switch cls := ins.Op.Class(); cls {
	case asm.ClassALU, asm.ClassALU64:
		op := ins.Op.ALUOp()
		switch {
		case op == asm.OpMov:
			if ins.Op.Source() == asm.SourceX {
				use = bit(ins.Src)
			}
		case op == asm.OpNeg || op == asm.OpEnd:
			use = bit(ins.Dst)
		default:
			use = bit(ins.Dst)
			if ins.Op.Source() == asm.SourceX {
				use |= bit(ins.Src)
			}
		}
		def = bit(ins.Dst)
	case asm.ClassLDX:
		use, def = bit(ins.Src), bit(ins.Dst)
	case asm.ClassST:
		use = bit(ins.Dst)
	case asm.ClassSTX:
		use = bit(ins.Src) | bit(ins.Dst)
		if ins.Op.Mode() == asm.ModeATOMIC {
			if ins.Imm == asm.AtomicCmpXchg {
				use |= bit(asm.R0)
				def = bit(asm.R0)
			} else if ins.Imm&asm.AtomicFetch != 0 {
				def = bit(ins.Src)
			}
		}
	case asm.ClassLD:
		switch ins.Op.Mode() {
		case asm.ModeIMM:
			def = bit(ins.Dst)
			next = []int{i + 2}
		default:
			// LD_ABS and LD_IND: the kernel's compute_insn_live_regs
			// keeps its defaults for them, every register read and
			// none written.
			use = 0xffff
		}
	case asm.ClassJMP, asm.ClassJMP32:
		switch op := ins.Op.JumpOp(); op {
		case asm.OpExit:
			use = bit(asm.R0)
			next = nil
		case asm.OpCall:
			use = 0x3e
			if ins.Op == asm.OpCallX {
				use |= bit(ins.Dst)
			}
			if ins.Src == asm.PseudoCallHelper {
				if p, err := v.lookupProto(ins.Imm); err == nil {
					use = 0
					for k, a := range p.args {
						if a.kind != argDontCare {
							use |= bit(asm.Register(k + 1))
						}
					}
				}
			}
			def = 0x3f
		case asm.OpJA:
			if cls == asm.ClassJMP32 {
				next = []int{i + int(ins.Imm) + 1}
			} else {
				next = []int{i + int(ins.Off) + 1}
			}
		case asm.OpJCond:
			next = []int{i + 1, i + int(ins.Off) + 1}
		default:
			use = bit(ins.Dst)
			if ins.Op.Source() == asm.SourceX {
				use |= bit(ins.Src)
			}
			next = []int{i + 1, i + int(ins.Off) + 1}
		}
	}
	return use, def, next
}

// computeLiveness solves the backward dataflow over the whole program;
// calls do not cross into their callees (a callee's frame is its own).
func computeLiveness(v *verifier) *liveness {
	n := len(v.insns)
	l := &liveness{in: make([]uint16, n)}
	uses := make([]uint16, n)
	defs := make([]uint16, n)
	succs := make([][]int, n)
	for i := 0; i < n; i++ {
		uses[i], defs[i], succs[i] = v.useDef(i)
		if v.insns[i].Op == asm.OpLoadImm64 {
			i++
		}
	}
	const fp = 1 << asm.R10
	for changed := true; changed; {
		changed = false
		for i := n - 1; i >= 0; i-- {
			if i > 0 && v.insns[i-1].Op == asm.OpLoadImm64 {
				continue
			}
			var out uint16
			for _, s := range succs[i] {
				if s >= 0 && s < n {
					out |= l.in[s]
				}
			}
			in := uses[i] | (out &^ defs[i]) | fp
			if in != l.in[i] {
				l.in[i] = in
				changed = true
			}
		}
	}
	return l
}
