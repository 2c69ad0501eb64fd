package verifier

// This file implements conditional jumps on register states
// (check_cond_jmp_op): deciding a branch when the operands allow it,
// refining scalars on both sides, linked scalars, NULL checks of
// maybe-NULL pointers, and packet ranges proven by comparisons with
// data_end.

import (
	"github.com/callx/callx/asm"
)

// checkCondJmp is check_cond_jmp_op; it returns the next instruction of
// the current path.
func (v *verifier) checkCondJmp(ins asm.Instruction) (int, error) {
	op := ins.Op.JumpOp()
	idx := v.insnIdx
	if op == asm.OpJCond {
		if ins.Op != asm.OpCode(asm.ClassJMP)|asm.OpCode(asm.OpJCond) || ins.Src != asm.PseudoMayGoto ||
			ins.Dst != 0 || ins.Imm != 0 || ins.Off == 0 {
			return 0, v.reject(CodeInsn, "invalid may_goto off %d imm %d", ins.Off, ins.Imm)
		}
		q, err := v.pushStack(idx+1, idx, false)
		if err != nil {
			return 0, err
		}
		q.mayGotoDepth++
		return idx + int(ins.Off) + 1, nil
	}
	if op > asm.OpJCond {
		return 0, v.reject(CodeInsn, "invalid BPF_JMP/JMP32 opcode %x", uint8(op)>>4)
	}
	if err := v.checkReg(ins.Dst, srcOp); err != nil {
		return 0, err
	}
	regs := &v.cur.cur().Regs
	dst := &regs[ins.Dst]
	var src *Reg
	if ins.Op.Source() == asm.SourceX {
		if ins.Imm != 0 {
			return 0, v.reject(CodeInsn, "BPF_JMP/JMP32 uses reserved fields")
		}
		if err := v.checkReg(ins.Src, srcOp); err != nil {
			return 0, err
		}
		src = &regs[ins.Src]
		if !(isPktPointerAny(dst) && isPktPointerAny(src)) && v.isPointerValue(src) {
			return 0, v.reject(CodePointer, "R%d pointer comparison prohibited", ins.Src)
		}
	} else {
		if ins.Src != 0 {
			return 0, v.reject(CodeInsn, "BPF_JMP/JMP32 uses reserved fields")
		}
		k := constScalar(uint64(int64(ins.Imm)))
		src = &k
	}
	jmp32 := ins.Op.Class() == asm.ClassJMP32

	pred := isBranchTaken(dst, src, op, jmp32)
	if pred != BranchUnknown {
		if dst.Type == ScalarValue {
			v.markPrecise(ins.Dst)
		}
		if ins.Op.Source() == asm.SourceX && src.Type == ScalarValue {
			v.markPrecise(ins.Src)
		}
	}
	switch pred {
	case BranchTaken:
		v.printInsnState(v.cur.cur())
		return idx + int(ins.Off) + 1, nil
	case BranchNotTaken:
		v.printInsnState(v.cur.cur())
		return idx + 1, nil
	}

	// Scalars sharing an id with an operand are refined with it: the
	// history says so for precision tracking, in both branches.
	var linked []linkedReg
	if ins.Op.Source() == asm.SourceX && src.Type == ScalarValue && src.ID != 0 {
		linked = collectLinkedRegs(v.cur, src.ID, linked)
	}
	if dst.Type == ScalarValue && dst.ID != 0 {
		linked = collectLinkedRegs(v.cur, dst.ID, linked)
	}
	if len(linked) > 1 && v.cur.hist != nil {
		v.cur.hist.linked = linked
		v.kernelHist()
	}
	other, err := v.pushStack(idx+int(ins.Off)+1, idx, false)
	if err != nil {
		return 0, err
	}
	oregs := &other.cur().Regs

	if dst.Type == ScalarValue && src.Type == ScalarValue {
		var osrc *Reg
		var srcScalar Scalar = src.Scalar
		if ins.Op.Source() == asm.SourceX {
			osrc = &oregs[ins.Src]
		}
		st := ScalarBranchRefine(ins, dst.Scalar, srcScalar)
		oregs[ins.Dst].Scalar = st.TakenDst
		dst.Scalar = st.FallDst
		if osrc != nil {
			osrc.Scalar = st.TakenSrc
			if ins.Src != ins.Dst {
				src.Scalar = st.FallSrc
			}
		}
		// reg_bounds_sanity_check on the four, in the kernel's order.
		var fake Reg
		checks := []struct {
			r   *Reg
			ctx string
		}{{&oregs[ins.Dst], "true_reg1"}, {osrc, "true_reg2"}, {dst, "false_reg1"}, {src, "false_reg2"}}
		for _, c := range checks {
			r := c.r
			if r == nil || (ins.Op.Source() == asm.SourceK && (c.ctx == "true_reg2" || c.ctx == "false_reg2")) {
				r = &fake
				*r = Reg{Type: ScalarValue}
				if c.ctx == "true_reg2" {
					r.Scalar = st.TakenSrc
				} else {
					r.Scalar = st.FallSrc
				}
			}
			if err := v.sanity(r, c.ctx); err != nil {
				return 0, err
			}
		}
		if ins.Op.Source() == asm.SourceX && src.ID != 0 {
			syncLinkedRegs(v.cur, src)
			syncLinkedRegs(other, osrc)
		}
		if dst.ID != 0 {
			syncLinkedRegs(v.cur, dst)
			syncLinkedRegs(other, &oregs[ins.Dst])
		}
	}

	// Comparing two pointers can lift PTR_MAYBE_NULL from one of them.
	if !jmp32 && ins.Op.Source() == asm.SourceX && isPointer(src) && isPointer(dst) &&
		src.Type.Base() != PtrToBTFID && dst.Type.Base() != PtrToBTFID {
		var eq *[numRegs]Reg
		switch op {
		case asm.OpJEQ:
			eq = oregs
		case asm.OpJNE:
			eq = regs
		}
		if eq != nil {
			if regNotNull(dst) && src.Type.MaybeNull() {
				markPtrNotNull(&eq[ins.Src])
			}
			if regNotNull(src) && dst.Type.MaybeNull() {
				markPtrNotNull(&eq[ins.Dst])
			}
		}
	}

	if !jmp32 && ins.Op.Source() == asm.SourceK && ins.Imm == 0 && (op == asm.OpJEQ || op == asm.OpJNE) &&
		dst.Type.MaybeNull() {
		id, refID := dst.ID, dst.RefObjID
		v.markPtrOrNullRegs(v.cur, id, refID, op == asm.OpJNE)
		v.markPtrOrNullRegs(other, id, refID, op == asm.OpJEQ)
	} else if !v.matchPktPointers(ins, dst, &regs[ins.Src], other) && v.isPointerValue(dst) {
		return 0, v.reject(CodePointer, "R%d pointer comparison prohibited", ins.Dst)
	}
	v.printInsnState(v.cur.cur())
	return idx + 1, nil
}

// isPktPointerAny is reg_is_pkt_pointer_any.
func isPktPointerAny(r *Reg) bool {
	return r.Type == PtrToPacket || r.Type == PtrToPacketMeta || r.Type == PtrToPacketEnd
}

// isBranchTaken is is_branch_taken.
func isBranchTaken(r1, r2 *Reg, op asm.JumpOp, jmp32 bool) Branch {
	if isPktPointerAny(r1) && isPktPointerAny(r2) && !jmp32 {
		return pktPtrBranchTaken(r1, r2, op)
	}
	if isPointer(r1) || isPointer(r2) {
		if jmp32 {
			return BranchUnknown
		}
		if !r2.isConstScalar() {
			op = flipOpcode(op)
			r1, r2 = r2, r1
		}
		if !r2.isConstScalar() {
			return BranchUnknown
		}
		if !regNotNull(r1) {
			return BranchUnknown
		}
		if r2.VarOff.Value != 0 {
			return BranchUnknown
		}
		switch op {
		case asm.OpJEQ:
			return BranchNotTaken
		case asm.OpJNE:
			return BranchTaken
		}
		return BranchUnknown
	}
	return scalarBranchTaken(op, jmp32, r1.Scalar, r2.Scalar)
}

// pktPtrBranchTaken is is_pkt_ptr_branch_taken.
func pktPtrBranchTaken(dst, src *Reg, op asm.JumpOp) Branch {
	var pkt *Reg
	switch {
	case src.Type == PtrToPacketEnd:
		pkt = dst
	case dst.Type == PtrToPacketEnd:
		pkt = src
		op = flipOpcode(op)
	default:
		return BranchUnknown
	}
	if pkt.Range >= 0 {
		return BranchUnknown
	}
	switch op {
	case asm.OpJLE, asm.OpJGT:
		if pkt.Range == beyondPktEnd {
			if op == asm.OpJGT {
				return BranchTaken
			}
			return BranchNotTaken
		}
	case asm.OpJLT, asm.OpJGE:
		if pkt.Range == beyondPktEnd || pkt.Range == atPktEnd {
			if op == asm.OpJGE {
				return BranchTaken
			}
			return BranchNotTaken
		}
	}
	return BranchUnknown
}

// markPtrNotNull is mark_ptr_not_null_reg: a map value from a map of
// maps is the inner map, from a socket map a socket.
func markPtrNotNull(r *Reg) {
	if r.Type.Base() == PtrToMapValue && r.Map != nil {
		switch m := r.Map; {
		case m.InnerMap != nil && (m.Type == mapTypeArrayOfMaps || m.Type == mapTypeHashOfMaps):
			r.Type = ConstPtrToMap
			r.Map = m.InnerMap
		case m.Type == mapTypeXskmap:
			r.Type = PtrToXDPSock
		case m.Type == mapTypeSockmap || m.Type == mapTypeSockhash:
			r.Type = PtrToSocket
		default:
			r.Type = PtrToMapValue
		}
		return
	}
	r.Type &^= PtrMaybeNull
}

// markPtrOrNullRegs is mark_ptr_or_null_regs: every register of the state
// holding the same maybe-NULL pointer becomes NULL (a scalar 0) or the
// pointer.
func (v *verifier) markPtrOrNullRegs(st *State, id, refID uint32, isNull bool) {
	if refID != 0 && refID == id && isNull {
		st.releaseRefState(id)
	}
	forEachReg(st, func(r *Reg) {
		if !r.Type.MaybeNull() || r.ID != id {
			return
		}
		if isNull {
			w := r.written
			*r = constScalar(0)
			r.written = w
			return
		}
		markPtrNotNull(r)
		if !(r.Type.Base() == PtrToMapValue && r.Map != nil && r.Map.SpinLockOff >= 0) {
			r.ID = 0
		}
	})
}

// matchPktPointers is try_match_pkt_pointers.
func (v *verifier) matchPktPointers(ins asm.Instruction, dst, src *Reg, other *State) bool {
	if ins.Op.Source() != asm.SourceX || ins.Op.Class() == asm.ClassJMP32 {
		return false
	}
	this := v.cur
	isInitPkt := func(r *Reg, t RegType) bool {
		return r.Type == t && r.Off == 0 && r.VarOff.EqualsConst(0)
	}
	dstFirst := (dst.Type == PtrToPacket && src.Type == PtrToPacketEnd) ||
		(dst.Type == PtrToPacketMeta && isInitPkt(src, PtrToPacket))
	srcFirst := (dst.Type == PtrToPacketEnd && src.Type == PtrToPacket) ||
		(isInitPkt(dst, PtrToPacket) && src.Type == PtrToPacketMeta)
	d, s := *dst, *src
	switch ins.Op.JumpOp() {
	case asm.OpJGT:
		if dstFirst {
			findGoodPktPointers(this, &d, false)
			markPktEnd(other, ins.Dst, true)
		} else if srcFirst {
			findGoodPktPointers(other, &s, true)
			markPktEnd(this, ins.Src, false)
		} else {
			return false
		}
	case asm.OpJLT:
		if dstFirst {
			findGoodPktPointers(other, &d, true)
			markPktEnd(this, ins.Dst, false)
		} else if srcFirst {
			findGoodPktPointers(this, &s, false)
			markPktEnd(other, ins.Src, true)
		} else {
			return false
		}
	case asm.OpJGE:
		if dstFirst {
			findGoodPktPointers(this, &d, true)
			markPktEnd(other, ins.Dst, false)
		} else if srcFirst {
			findGoodPktPointers(other, &s, false)
			markPktEnd(this, ins.Src, true)
		} else {
			return false
		}
	case asm.OpJLE:
		if dstFirst {
			findGoodPktPointers(other, &d, false)
			markPktEnd(this, ins.Dst, true)
		} else if srcFirst {
			findGoodPktPointers(this, &s, true)
			markPktEnd(other, ins.Src, false)
		} else {
			return false
		}
	default:
		return false
	}
	return true
}

// findGoodPktPointers is find_good_pkt_pointers: every packet pointer
// with the same id as r gets the range r's comparison proved.
func findGoodPktPointers(st *State, r *Reg, rightOpen bool) {
	if r.Off < 0 || (r.Off == 0 && rightOpen) {
		return
	}
	if r.UMax > maxPacketOff || r.UMax+uint64(r.Off) > maxPacketOff {
		return
	}
	newRange := r.Off
	if rightOpen {
		newRange++
	}
	forEachReg(st, func(x *Reg) {
		if x.Type == r.Type && x.ID == r.ID && x.Range < newRange {
			x.Range = newRange
		}
	})
}

// markPktEnd is mark_pkt_end.
func markPktEnd(st *State, regno asm.Register, rangeOpen bool) {
	r := &st.cur().Regs[regno]
	if r.Type != PtrToPacket {
		return
	}
	if rangeOpen {
		r.Range = beyondPktEnd
	} else {
		r.Range = atPktEnd
	}
}

// syncLinkedRegs is collect_linked_regs and sync_linked_regs: every
// scalar with known's id (in registers and spills of every frame) learns
// what known learned, shifted by the constant it was added.
func syncLinkedRegs(st *State, known *Reg) {
	id := known.ID &^ addConstFlag
	if id == 0 {
		return
	}
	k := *known
	forEachReg(st, func(r *Reg) {
		if r == known || r.Type != ScalarValue || r.ID&^addConstFlag != id {
			return
		}
		if (r.ID&addConstFlag == 0 && k.ID&addConstFlag == 0) || r.Off == k.Off {
			w := r.written
			*r = k
			r.written = w
			return
		}
		savedOff, savedID, w := r.Off, r.ID, r.written
		*r = k
		r.Off, r.ID, r.written = savedOff, savedID, w
		delta := ConstScalar(uint64(int64(savedOff - k.Off)))
		r.Scalar.add32(delta)
		r.Scalar.add64(delta)
		r.VarOff = r.VarOff.Add(delta.VarOff)
	})
}

// collectLinkedRegs is collect_linked_regs: the registers and spilled
// registers of every frame that hold a scalar with the given id.
func collectLinkedRegs(st *State, id uint32, out []linkedReg) []linkedReg {
	id &^= addConstFlag
	for fr, f := range st.Frames {
		for r := 0; r < int(asm.R10); r++ {
			x := &f.Regs[r]
			if x.Type == ScalarValue && x.ID&^addConstFlag == id {
				out = append(out, linkedReg{frame: fr, reg: r})
			}
		}
		for spi := range f.Stack {
			if f.Stack[spi].isSpill() {
				x := &f.Stack[spi].Spilled
				if x.Type == ScalarValue && x.ID&^addConstFlag == id && spi < 64 {
					out = append(out, linkedReg{frame: fr, reg: -1, slot: spi})
				}
			}
		}
	}
	return out
}
