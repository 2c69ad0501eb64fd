package verifier

// This file implements precision tracking (mark_chain_precision and
// backtrack_insn): when a decision depends on a scalar's exact value (a
// branch the verifier decides, a pointer offset, a helper's size
// argument, a return code), the scalars it was computed from are marked
// precise in the kept states of the path, walking the instructions back.
// Pruning compares only precise scalars; an imprecise one matches any
// scalar, as in the kernel. Where the walk meets what it does not model,
// every scalar of the path becomes precise, which is always safe.

import (
	"strconv"

	"github.com/callx/callx/asm"
)

// histEntry is one processed instruction of a state's segment (the
// kernel's insn history, kept here for every instruction).
type histEntry struct {
	idx int
	// stackFrame and stackSlot name the stack slot a spill or fill
	// touched; stackSlot is -1 when none.
	stackFrame, stackSlot int
	// linked are the registers a conditional jump refined together.
	linked []linkedReg
	// kernel says the kernel keeps an entry in its history for this
	// instruction (a jump point, a stack access, linked registers).
	kernel bool
}

// histNode is one link of a state's instruction history: the newest
// entry first, older ones behind it. States share their histories'
// tails, so copying a state copies one pointer (as the kernel shares its
// insn_hist array).
type histNode struct {
	histEntry
	prev *histNode
}

// linkedReg is a register or spilled register sharing a scalar id.
type linkedReg struct {
	frame int
	reg   int // register number, or -1 for a stack slot
	slot  int
}

// backtrack is the set of registers and stack slots whose values a
// decision depends on, per frame (struct backtrack_state).
type backtrack struct {
	frame int
	regs  [maxCallFrames]uint16
	stack [maxCallFrames]uint64
}

func (bt *backtrack) empty() bool {
	for i := 0; i <= bt.frame && i < maxCallFrames; i++ {
		if bt.regs[i] != 0 || bt.stack[i] != 0 {
			return false
		}
	}
	return true
}

func (bt *backtrack) isReg(r asm.Register) bool { return bt.regs[bt.frame]&(1<<r) != 0 }
func (bt *backtrack) setReg(r asm.Register)     { bt.regs[bt.frame] |= 1 << r }
func (bt *backtrack) clearReg(r asm.Register)   { bt.regs[bt.frame] &^= 1 << r }

// leaveCallee walks back from a callee's first instruction into the call
// that made it: what the callee needed of r1-r5 the caller passed. Any
// other register or slot of the callee left in bt is a walk callx cannot
// follow.
func (bt *backtrack) leaveCallee() bool {
	if bt.frame == 0 || bt.stack[bt.frame] != 0 || bt.regs[bt.frame]&^0x3e != 0 {
		return false
	}
	args := bt.regs[bt.frame] & 0x3e
	bt.regs[bt.frame] = 0
	bt.frame--
	bt.regs[bt.frame] |= args
	return true
}

// appendHist records that the current state processes instruction idx.
func (v *verifier) appendHist(idx int) {
	v.cur.hist = &histNode{histEntry: histEntry{idx: idx, stackSlot: -1}, prev: v.cur.hist}
	v.cur.histLen++
	if v.jmpPoint[idx] {
		v.kernelHist()
	}
}

// kernelHist counts the current instruction in the kernel's history
// (push_insn_history), once: the kernel keeps a state when a path's
// history grows long.
func (v *verifier) kernelHist() {
	if h := v.cur.hist; h != nil && !h.kernel {
		h.kernel = true
		v.cur.kernelHistLen++
	}
}

// markHistStack records on the current instruction's entry the stack
// slot a spill or fill used.
func (v *verifier) markHistStack(frame, spi int) {
	if h := v.cur.hist; h != nil {
		h.stackFrame = frame
		h.stackSlot = spi
		v.kernelHist()
	}
}

// markPrecise is mark_chain_precision for a register of the current
// frame.
func (v *verifier) markPrecise(r asm.Register) {
	if !v.bpfCapable() {
		return
	}
	if reg := v.cur.regOf(r); reg.Type != ScalarValue {
		return
	}
	var bt backtrack
	bt.frame = len(v.cur.Frames) - 1
	bt.setReg(r)
	v.backtrackFrom(&bt, true)
}

// backtrackFrom walks the current state's instructions and then its
// ancestors', marking precise what bt holds where each kept state is.
func (v *verifier) backtrackFrom(bt *backtrack, skipFirst bool) {
	v.backtrackState(v.cur, v.insnIdx, bt, skipFirst)
}

// backtrackState is __mark_chain_precision from a given state at
// instruction lastIdx (the current one, or a backedge's). It reports
// whether it marked anything new.
func (v *verifier) backtrackState(start *State, lastIdx int, bt *backtrack, skipFirst bool) (changed bool) {
	st := start
	subseq := -1
	walked := 0
	logging := v.log.level&LogLevel2 != 0
	allPrecise := func() bool {
		return v.markAllPreciseFrom(start) || changed
	}
	for {
		if logging {
			first := lastIdx
			for h := st.hist; h != nil; h = h.prev {
				first = h.idx
			}
			v.log.printf("mark_precise: frame%d: last_idx %d first_idx %d subseq_idx %d \n", bt.frame, lastIdx, first, subseq)
		}
		if subseq < 0 && !skipFirst {
			// The instruction a pruned state stopped at, not processed:
			// the one after the newest of its history.
			subseq = lastIdx
		}
		for h := st.hist; h != nil; h = h.prev {
			if skipFirst {
				skipFirst = false
				subseq = h.idx
				continue
			}
			if logging {
				v.log.printf("mark_precise: frame%d: regs=%s stack=%s before %d: %s\n", bt.frame,
					fmtRegMask(bt.regs[bt.frame]), fmtStackMask(bt.stack[bt.frame]), h.idx,
					insnString(v.insns, h.idx, v.helperLogName))
			}
			walked++
			if walked > maxBacktrackWalk {
				return allPrecise()
			}
			syncLinked(&h.histEntry, bt)
			ok := v.backtrackInsn(&h.histEntry, subseq, bt)
			syncLinked(&h.histEntry, bt)
			subseq = h.idx
			if !ok {
				return allPrecise()
			}
			if bt.empty() {
				return changed
			}
		}
		skipFirst = false
		st = st.parent
		if st == nil {
			break
		}
		if st.allPrecise {
			// Every scalar from here back is precise already.
			return changed
		}
		for fr := bt.frame; fr >= 0; fr-- {
			if fr >= len(st.Frames) {
				return allPrecise()
			}
			f := st.Frames[fr]
			for r := 0; r < numRegs; r++ {
				if bt.regs[fr]&(1<<r) == 0 {
					continue
				}
				reg := &f.Regs[r]
				if reg.Type != ScalarValue || reg.Precise {
					bt.regs[fr] &^= 1 << r
					continue
				}
				reg.Precise = true
				changed = true
			}
			for spi := 0; spi < 64; spi++ {
				if bt.stack[fr]&(1<<uint(spi)) == 0 {
					continue
				}
				if spi >= len(f.Stack) || !f.Stack[spi].isSpilledScalar() || f.Stack[spi].Spilled.Precise {
					bt.stack[fr] &^= 1 << uint(spi)
					continue
				}
				f.Stack[spi].Spilled.Precise = true
				changed = true
			}
			if logging {
				v.log.printf("mark_precise: frame%d: parent state regs=%s stack=%s: ", fr,
					fmtRegMask(bt.regs[fr]), fmtStackMask(bt.stack[fr]))
				v.printStateOf(st, f, true)
			}
		}
		if bt.empty() {
			return changed
		}
		if st.hist != nil {
			lastIdx = st.hist.idx
		}
	}
	if !bt.empty() {
		// Reached the start: only a global function's arguments may be
		// left, and they are imprecise by nature.
		ok := bt.frame == 0 && bt.stack[0] == 0 && bt.regs[0]&^0x3e == 0
		if !ok {
			return allPrecise()
		}
	}
	return changed
}

// syncLinked is sync_linked_regs: registers and slots a conditional jump
// refined together are precise together, before and after h.
func syncLinked(h *histEntry, bt *backtrack) {
	if len(h.linked) == 0 {
		return
	}
	any := false
	for _, l := range h.linked {
		if l.frame >= maxCallFrames {
			continue
		}
		if (l.reg >= 0 && bt.regs[l.frame]&(1<<l.reg) != 0) || (l.reg < 0 && bt.stack[l.frame]&(1<<uint(l.slot)) != 0) {
			any = true
		}
	}
	if !any {
		return
	}
	for _, l := range h.linked {
		if l.frame >= maxCallFrames {
			continue
		}
		if l.reg >= 0 {
			bt.regs[l.frame] |= 1 << l.reg
		} else {
			bt.stack[l.frame] |= 1 << uint(l.slot)
		}
	}
}

// backtrackInsn is backtrack_insn: what instruction h needed for bt to
// hold after it. It returns false where it cannot tell.
func (v *verifier) backtrackInsn(h *histEntry, subseq int, bt *backtrack) bool {
	ins := v.insns[h.idx]
	dst, src := ins.Dst, ins.Src
	switch cls := ins.Op.Class(); cls {
	case asm.ClassALU, asm.ClassALU64:
		if !bt.isReg(dst) {
			return true
		}
		op := ins.Op.ALUOp()
		switch {
		case op == asm.OpEnd || op == asm.OpNeg:
		case op == asm.OpMov:
			bt.clearReg(dst)
			if ins.Op.Source() == asm.SourceX && src != asm.R10 {
				bt.setReg(src)
			}
		default:
			if ins.Op.Source() == asm.SourceX && src != asm.R10 {
				bt.setReg(src)
			}
		}
	case asm.ClassLDX:
		if !bt.isReg(dst) {
			return true
		}
		bt.clearReg(dst)
		if h.stackSlot >= 0 {
			if h.stackFrame >= maxCallFrames || h.stackSlot >= 64 {
				return false
			}
			bt.stack[h.stackFrame] |= 1 << uint(h.stackSlot)
		}
	case asm.ClassSTX, asm.ClassST:
		if ins.Op.Mode() == asm.ModeATOMIC {
			if h.stackSlot >= 0 && bt.stack[h.stackFrame]&(1<<uint(h.stackSlot)) != 0 {
				return false
			}
			if ins.Imm&asm.AtomicFetch != 0 {
				load := src
				if ins.Imm == asm.AtomicCmpXchg {
					load = asm.R0
				}
				if bt.isReg(load) {
					bt.clearReg(load)
				}
			}
			return true
		}
		if h.stackSlot < 0 {
			return true
		}
		if h.stackFrame >= maxCallFrames || h.stackSlot >= 64 {
			return false
		}
		bit := uint64(1) << uint(h.stackSlot)
		if bt.stack[h.stackFrame]&bit == 0 {
			return true
		}
		bt.stack[h.stackFrame] &^= bit
		if cls == asm.ClassSTX {
			bt.setReg(src)
		}
	case asm.ClassJMP, asm.ClassJMP32:
		switch op := ins.Op.JumpOp(); op {
		case asm.OpCall:
			if ins.Op == asm.OpCallX {
				if subseq == h.idx+1 {
					// Through an open-world slot: like a helper.
					bt.clearReg(asm.R0)
					return bt.regs[bt.frame]&0x3e == 0
				}
				return bt.leaveCallee()
			}
			if ins.Src == asm.PseudoCall {
				sub := v.cfg.SubprogAt(h.idx + int(ins.Imm) + 1)
				if sub >= 0 && v.globalFunc[sub] {
					bt.clearReg(asm.R0)
					return bt.regs[bt.frame]&0x3e == 0
				}
				return bt.leaveCallee()
			}
			if ins.Src != asm.PseudoCallHelper {
				return false
			}
			if v.callsCallback(h.idx) && h.idx != subseq-1 {
				// Back from a callback's first instruction to the
				// helper that called it: its r1-r5 were not arguments
				// the program passed.
				if bt.frame == 0 || bt.stack[bt.frame] != 0 || bt.regs[bt.frame]&^0x3e != 0 {
					return false
				}
				bt.regs[bt.frame] = 0
				bt.frame--
				return true
			}
			bt.clearReg(asm.R0)
			return bt.regs[bt.frame]&0x3e == 0
		case asm.OpExit:
			if bt.frame+1 >= maxCallFrames {
				return false
			}
			// Back from the instruction after a return into the
			// callee's exit. From a subprogram, r0 was the callee's;
			// from a callback, the caller's registers stay as they are.
			// Back into a callback from the helper that calls it: the
			// helper set r1-r5, not the callback.
			if subseq >= 0 && v.callsCallback(subseq) {
				bt.regs[bt.frame] &^= 0x3e
			}
			fromSubprog := subseq-1 >= 0 && (v.insns[subseq-1].IsLocalCall() || v.insns[subseq-1].IsCallX())
			r0 := fromSubprog && bt.isReg(asm.R0)
			if fromSubprog && bt.regs[bt.frame]&0x3e != 0 {
				return false
			}
			bt.clearReg(asm.R0)
			bt.frame++
			bt.regs[bt.frame] = 0
			bt.stack[bt.frame] = 0
			if r0 {
				bt.setReg(asm.R0)
			}
			return true
		case asm.OpJA, asm.OpJCond:
		default:
			if ins.Op.Source() == asm.SourceX {
				if bt.isReg(dst) || bt.isReg(src) {
					bt.setReg(dst)
					bt.setReg(src)
				}
			}
		}
	case asm.ClassLD:
		if ins.Op.Mode() == asm.ModeIMM {
			if bt.isReg(dst) {
				bt.clearReg(dst)
			}
			return true
		}
		return false
	}
	return true
}

// markAllPreciseFrom is mark_all_scalars_precise: every scalar of
// start's kept ancestors becomes precise (each state once, so the big
// hammer stays linear). It reports whether one was not before.
func (v *verifier) markAllPreciseFrom(start *State) (changed bool) {
	for st := start.parent; st != nil && !st.allPrecise; st = st.parent {
		st.allPrecise = true
		changed = true
		for _, f := range st.Frames {
			for i := range f.Regs {
				if f.Regs[i].Type == ScalarValue {
					f.Regs[i].Precise = true
				}
			}
			for i := range f.Stack {
				if f.Stack[i].isSpilledScalar() {
					f.Stack[i].Spilled.Precise = true
				}
			}
		}
	}
	return changed
}

// propagatePrecision is propagate_precision: when old prunes the current
// state, what old needed precise the current path needs precise too.
func (v *verifier) propagatePrecision(old *State) {
	v.propagatePrecisionTo(old, v.cur, v.insnIdx)
}

// propagatePrecisionTo is propagate_precision from old into the state
// cur at instruction idx; it reports whether it marked anything new.
func (v *verifier) propagatePrecisionTo(old, cur *State, idx int) bool {
	var bt backtrack
	bt.frame = len(cur.Frames) - 1
	logging := v.log.level&LogLevel2 != 0
	for fr := len(old.Frames) - 1; fr >= 0; fr-- {
		if fr >= maxCallFrames {
			continue
		}
		f := old.Frames[fr]
		first := true
		note := func(format string, arg int) {
			if logging {
				if first {
					v.log.printf("frame %d: propagating "+format, fr, arg)
				} else {
					v.log.printf(","+format, arg)
				}
			}
			first = false
		}
		for r := 0; r < int(asm.R10); r++ {
			if f.Regs[r].Type == ScalarValue && f.Regs[r].Precise {
				bt.regs[fr] |= 1 << r
				note("r%d", r)
			}
		}
		for spi := range f.Stack {
			if spi < 64 && f.Stack[spi].isSpilledScalar() && f.Stack[spi].Spilled.Precise {
				bt.stack[fr] |= 1 << uint(spi)
				note("fp%d", (-spi-1)*regSize)
			}
		}
		if !first && logging {
			v.log.printf("\n")
		}
	}
	if bt.empty() {
		return false
	}
	// The pruned instruction itself was not processed: nothing to skip.
	return v.backtrackState(cur, idx, &bt, false)
}

// fmtRegMask prints a register mask as the kernel's fmt_reg_mask: "r1,r6".
func fmtRegMask(m uint16) string {
	out := ""
	for r := 0; r < 16; r++ {
		if m&(1<<r) != 0 {
			if out != "" {
				out += ","
			}
			out += "r" + strconv.Itoa(r)
		}
	}
	return out
}

// fmtStackMask prints a stack slot mask as fmt_stack_mask: "-8,-16".
func fmtStackMask(m uint64) string {
	out := ""
	for i := 0; i < 64; i++ {
		if m&(1<<uint(i)) != 0 {
			if out != "" {
				out += ","
			}
			out += "-" + strconv.Itoa((i+1)*regSize)
		}
	}
	return out
}

// maxBacktrackWalk bounds the instructions one precision walk goes back
// over before it marks the whole path precise instead.
const maxBacktrackWalk = 4096
