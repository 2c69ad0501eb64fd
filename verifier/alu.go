package verifier

// This file implements ALU instructions on register states (check_alu_op,
// adjust_reg_min_max_vals, adjust_ptr_min_max_vals): the encoding checks,
// moves, arithmetic on scalars through the scalar domain, and the rules
// for arithmetic on pointers.

import (
	"math"

	"github.com/callx/callx/asm"
)

// aluString is the kernel's bpf_alu_string, for messages.
var aluString = [16]string{"+=", "-=", "*=", "/=", "|=", "&=", "<<=", ">>=", "neg", "%=", "^=", "=", "s>>=", "endian"}

func aluOpString(op asm.ALUOp) string { return aluString[op>>4] }

// checkALU is check_alu_op.
func (v *verifier) checkALU(ins asm.Instruction) error {
	op := ins.Op.ALUOp()
	alu64 := ins.Op.Class() == asm.ClassALU64
	src := ins.Op.Source()
	regs := &v.cur.cur().Regs

	switch {
	case op == asm.OpEnd || op == asm.OpNeg:
		if op == asm.OpNeg {
			if src != asm.SourceK || ins.Src != 0 || ins.Off != 0 || ins.Imm != 0 {
				return v.reject(CodeInsn, "BPF_NEG uses reserved fields")
			}
		} else if ins.Src != 0 || ins.Off != 0 || (ins.Imm != 16 && ins.Imm != 32 && ins.Imm != 64) ||
			(alu64 && src != asm.SourceK) {
			return v.reject(CodeInsn, "BPF_END uses reserved fields")
		}
		if err := v.checkReg(ins.Dst, srcOp); err != nil {
			return err
		}
		if v.isPointerValue(&regs[ins.Dst]) {
			return v.reject(CodePointer, "R%d pointer arithmetic prohibited", ins.Dst)
		}
		// Linux 6.18 computes both on scalars (6.12 made them unknown);
		// anything else (a pointer, where pointers may leak) becomes an
		// unknown scalar.
		if regs[ins.Dst].Type != ScalarValue {
			return v.checkReg(ins.Dst, dstOp)
		}
		if err := v.checkReg(ins.Dst, dstOpNoMark); err != nil {
			return err
		}
		dst := &regs[ins.Dst]
		if op == asm.OpNeg || EndMutates(ins) {
			// The value changes: whatever shared its id no longer
			// equals it.
			clearScalarID(dst)
		}
		dst.Scalar = ScalarALU(ins, dst.Scalar, dst.Scalar)
		return v.sanity(dst, "alu")

	case op == asm.OpMov:
		if src == asm.SourceX {
			if !alu64 {
				if (ins.Off != 0 && ins.Off != 8 && ins.Off != 16) || ins.Imm != 0 {
					return v.reject(CodeInsn, "BPF_MOV uses reserved fields")
				}
			} else if ins.Off == 1 { // BPF_ADDR_SPACE_CAST
				return v.reject(CodeUnsupported, "addr_space_cast insn can only be used in a program that has an associated arena")
			} else if (ins.Off != 0 && ins.Off != 8 && ins.Off != 16 && ins.Off != 32) || ins.Imm != 0 {
				return v.reject(CodeInsn, "BPF_MOV uses reserved fields")
			}
			if err := v.checkReg(ins.Src, srcOp); err != nil {
				return err
			}
		} else if ins.Src != 0 || ins.Off != 0 {
			return v.reject(CodeInsn, "BPF_MOV uses reserved fields")
		}
		if err := v.checkReg(ins.Dst, dstOpNoMark); err != nil {
			return err
		}
		dst := &regs[ins.Dst]
		if src == asm.SourceK {
			if alu64 {
				markKnown(dst, uint64(int64(ins.Imm)))
			} else {
				markKnown(dst, uint64(uint32(ins.Imm)))
			}
			return nil
		}
		s := &regs[ins.Src]
		if alu64 {
			if ins.Off == 0 {
				v.assignScalarIDBeforeMov(s)
				copyReg(dst, s)
				return nil
			}
			if v.isPointerValue(s) {
				return v.reject(CodePointer, "R%d sign-extension part of pointer", ins.Src)
			}
			if s.Type != ScalarValue {
				markUnknown(dst)
				return nil
			}
			noSext := s.UMax < 1<<(ins.Off-1)
			if noSext {
				v.assignScalarIDBeforeMov(s)
			}
			copyReg(dst, s)
			if !noSext {
				clearScalarID(dst)
			}
			dst.Scalar.CoerceToSizeSX(int(ins.Off) / 8)
			return v.sanity(dst, "alu")
		}
		if v.isPointerValue(s) {
			return v.reject(CodePointer, "R%d partial copy of pointer", ins.Src)
		}
		if s.Type != ScalarValue {
			markUnknown(dst)
		} else if ins.Off == 0 {
			u32 := regWidth(s) <= 32
			if u32 {
				v.assignScalarIDBeforeMov(s)
			}
			copyReg(dst, s)
			if !u32 {
				clearScalarID(dst)
			}
		} else {
			noSext := s.UMax < 1<<(ins.Off-1)
			if noSext {
				v.assignScalarIDBeforeMov(s)
			}
			copyReg(dst, s)
			if !noSext {
				clearScalarID(dst)
			}
			dst.Scalar.coerceSubregToSizeSX(int(ins.Off) / 8)
		}
		dst.Scalar.zext32To64()
		dst.Scalar.Sync()
		return v.sanity(dst, "alu")

	case op > asm.OpEnd:
		return v.reject(CodeInsn, "invalid BPF_ALU opcode %x", uint8(op)>>4)
	}

	if src == asm.SourceX {
		if ins.Imm != 0 || (ins.Off != 0 && ins.Off != 1) || (ins.Off == 1 && op != asm.OpMod && op != asm.OpDiv) {
			return v.reject(CodeInsn, "BPF_ALU uses reserved fields")
		}
		if err := v.checkReg(ins.Src, srcOp); err != nil {
			return err
		}
	} else if ins.Src != 0 || (ins.Off != 0 && ins.Off != 1) || (ins.Off == 1 && op != asm.OpMod && op != asm.OpDiv) {
		return v.reject(CodeInsn, "BPF_ALU uses reserved fields")
	}
	if err := v.checkReg(ins.Dst, srcOp); err != nil {
		return err
	}
	if (op == asm.OpMod || op == asm.OpDiv) && src == asm.SourceK && ins.Imm == 0 {
		return v.reject(CodeInsn, "div by zero")
	}
	if (op == asm.OpLsh || op == asm.OpRsh || op == asm.OpArsh) && src == asm.SourceK {
		size := int32(32)
		if alu64 {
			size = 64
		}
		if ins.Imm < 0 || ins.Imm >= size {
			return v.reject(CodeInsn, "invalid shift %d", ins.Imm)
		}
	}
	if err := v.checkReg(ins.Dst, dstOpNoMark); err != nil {
		return err
	}
	if err := v.adjustRegMinMax(ins); err != nil {
		return err
	}
	return v.sanity(&regs[ins.Dst], "alu")
}

// sanity is reg_bounds_sanity_check: an inconsistent scalar is a verifier
// bug, reported as the kernel reports it.
func (v *verifier) sanity(r *Reg, ctx string) error {
	if r.Type != ScalarValue {
		return nil
	}
	if msg := r.Scalar.SanityCheck(ctx); msg != "" {
		// A violation is a verifier bug (or a dead branch the bounds
		// contradict): with BPF_F_TEST_REG_INVARIANTS it fails the load,
		// otherwise the register becomes unknown, as in the kernel.
		if v.opts.Flags&flagTestRegInvariants != 0 {
			return v.reject(CodeInsn, "%s", msg)
		}
		v.log.printf("%s\n", msg)
		markUnknown(r)
	}
	return nil
}

// adjustRegMinMax is adjust_reg_min_max_vals.
func (v *verifier) adjustRegMinMax(ins asm.Instruction) error {
	regs := &v.cur.cur().Regs
	op := ins.Op.ALUOp()
	alu64 := ins.Op.Class() == asm.ClassALU64
	dst := &regs[ins.Dst]
	var src *Reg
	if ins.Op.Source() == asm.SourceX {
		src = &regs[ins.Src]
	}
	if dst.Type == PtrToArena || (src != nil && src.Type == PtrToArena) {
		return v.reject(CodeUnsupported, "callx: arena pointers are not supported yet")
	}
	if src != nil {
		if src.Type != ScalarValue {
			if dst.Type != ScalarValue {
				if op == asm.OpSub && v.allowPtrLeaks() {
					markUnknown(dst)
					return nil
				}
				return v.reject(CodePointer, "R%d pointer %s pointer prohibited", ins.Dst, aluOpString(op))
			}
			v.markPrecise(ins.Dst)
			off := *dst
			return v.adjustPtr(ins, src, &off)
		}
		if dst.Type != ScalarValue {
			v.markPrecise(ins.Src)
			return v.adjustPtr(ins, dst, src)
		}
	} else {
		k := constScalar(uint64(int64(ins.Imm)))
		if dst.Type != ScalarValue {
			return v.adjustPtr(ins, dst, &k)
		}
		src = &k
	}

	// Two scalars.
	if op == asm.OpAnd || op == asm.OpOr {
		cont, pushed, fork := ScalarALUFork(ins, dst.Scalar, src.Scalar)
		if fork {
			branch, err := v.pushStack(v.insnIdx, v.insnIdx, false)
			if err != nil {
				return err
			}
			branch.cur().Regs[ins.Dst].Scalar = pushed
			dst.Scalar = cont
		}
	}
	srcVal := *src
	dst.Scalar = ScalarALU(ins, dst.Scalar, srcVal.Scalar)
	dst.Type = ScalarValue

	// Linked registers: rX += const keeps the link with an offset.
	if v.bpfCapable() && op == asm.OpAdd && alu64 && dst.ID != 0 &&
		srcVal.Type == ScalarValue && srcVal.VarOff.IsConst() &&
		!(ins.Op.Source() == asm.SourceX && ins.Src == ins.Dst) {
		val := srcVal.VarOff.Value
		if dst.ID&addConstFlag != 0 || val > math.MaxInt32 {
			clearScalarID(dst)
		} else {
			dst.ID |= addConstFlag
			dst.Off = int32(val)
		}
	} else {
		clearScalarID(dst)
	}
	return nil
}

// adjustPtr is adjust_ptr_min_max_vals: dst = ptr op off, where dst may be
// the pointer's register or the scalar's (scalar += pointer).
func (v *verifier) adjustPtr(ins asm.Instruction, ptr, off *Reg) error {
	regs := &v.cur.cur().Regs
	dst := &regs[ins.Dst]
	op := ins.Op.ALUOp()
	known := off.VarOff.IsConst()
	sminVal, smaxVal, uminVal, umaxVal := off.SMin, off.SMax, off.UMin, off.UMax
	sminPtr, smaxPtr, uminPtr, umaxPtr := ptr.SMin, ptr.SMax, ptr.UMin, ptr.UMax

	if (known && (sminVal != smaxVal || uminVal != umaxVal)) || sminVal > smaxVal || uminVal > umaxVal {
		markUnknown(dst)
		return nil
	}
	if ins.Op.Class() != asm.ClassALU64 {
		if op == asm.OpSub && v.allowPtrLeaks() {
			markUnknown(dst)
			return nil
		}
		return v.reject(CodePointer, "R%d 32-bit pointer arithmetic prohibited", ins.Dst)
	}
	if ptr.Type.MaybeNull() {
		return v.reject(CodePointer, "R%d pointer arithmetic on %s prohibited, null-check it first", ins.Dst, ptr.Type)
	}
	switch ptr.Type.Base() {
	case PtrToCtx, PtrToMapValue, PtrToMapKey, PtrToStack, PtrToPacketMeta, PtrToPacket,
		PtrToTPBuffer, PtrToBTFID, PtrToMem, PtrToBuf, PtrToFunc, ConstPtrToDynptr:
	case PtrToFlowKeys, ConstPtrToMap:
		if ptr.Type.Base() == PtrToFlowKeys && known {
			break
		}
		if known && sminVal == 0 && op == asm.OpAdd {
			break
		}
		fallthrough
	default:
		return v.reject(CodePointer, "R%d pointer arithmetic on %s prohibited", ins.Dst, ptr.Type)
	}
	p := *ptr
	o := *off
	if dst != ptr {
		w := dst.written
		*dst = p
		dst.written = w
	}
	if err := v.checkRegSaneOffset(&o, p.Type); err != nil {
		return err
	}
	if err := v.checkRegSaneOffset(&p, p.Type); err != nil {
		return err
	}
	dst.mark32Unbounded()

	switch op {
	case asm.OpAdd:
		if known && int64(p.Off)+sminVal == int64(int32(int64(p.Off)+sminVal)) {
			dst.SMin, dst.SMax, dst.UMin, dst.UMax = sminPtr, smaxPtr, uminPtr, umaxPtr
			dst.VarOff = p.VarOff
			dst.Off = p.Off + int32(sminVal)
			dst.Range = p.Range
			break
		}
		var o1, o2 bool
		dst.SMin, o1 = addS64(sminPtr, sminVal)
		dst.SMax, o2 = addS64(smaxPtr, smaxVal)
		if o1 || o2 {
			dst.SMin, dst.SMax = math.MinInt64, math.MaxInt64
		}
		dst.UMin, o1 = addU64(uminPtr, uminVal)
		dst.UMax, o2 = addU64(umaxPtr, umaxVal)
		if o1 || o2 {
			dst.UMin, dst.UMax = 0, math.MaxUint64
		}
		dst.VarOff = p.VarOff.Add(o.VarOff)
		dst.Off = p.Off
		dst.Range = p.Range
		if p.Type.IsPacket() {
			dst.ID = v.newID()
			dst.Range = 0
		}
	case asm.OpSub:
		if dst != ptr {
			return v.reject(CodePointer, "R%d tried to subtract pointer from scalar", ins.Dst)
		}
		if p.Type == PtrToStack {
			return v.reject(CodePointer, "R%d subtraction from stack pointer prohibited", ins.Dst)
		}
		if known && int64(p.Off)-sminVal == int64(int32(int64(p.Off)-sminVal)) {
			dst.SMin, dst.SMax, dst.UMin, dst.UMax = sminPtr, smaxPtr, uminPtr, umaxPtr
			dst.VarOff = p.VarOff
			dst.ID = p.ID
			dst.Off = p.Off - int32(sminVal)
			dst.Range = p.Range
			break
		}
		var o1, o2 bool
		dst.SMin, o1 = subS64(sminPtr, smaxVal)
		dst.SMax, o2 = subS64(smaxPtr, sminVal)
		if o1 || o2 {
			dst.SMin, dst.SMax = math.MinInt64, math.MaxInt64
		}
		if uminPtr < umaxVal {
			dst.UMin, dst.UMax = 0, math.MaxUint64
		} else {
			dst.UMin, dst.UMax = uminPtr-umaxVal, umaxPtr-uminVal
		}
		dst.VarOff = p.VarOff.Sub(o.VarOff)
		dst.Off = p.Off
		dst.Range = p.Range
		if p.Type.IsPacket() {
			dst.ID = v.newID()
			if sminVal < 0 {
				dst.Range = 0
			}
		}
	case asm.OpAnd, asm.OpOr, asm.OpXor:
		return v.reject(CodePointer, "R%d bitwise operator %s on pointer prohibited", ins.Dst, aluOpString(op))
	default:
		return v.reject(CodePointer, "R%d pointer arithmetic with %s operator prohibited", ins.Dst, aluOpString(op))
	}
	if err := v.checkRegSaneOffset(dst, p.Type); err != nil {
		return err
	}
	dst.Scalar.Sync()
	return nil
}

// checkRegSaneOffset is check_reg_sane_offset.
func (v *verifier) checkRegSaneOffset(r *Reg, t RegType) error {
	known := r.VarOff.IsConst()
	val := int64(r.VarOff.Value)
	if known && (val >= maxVarOff || val <= -maxVarOff) {
		return v.reject(CodePointer, "math between %s pointer and %d is not allowed", t, val)
	}
	if r.Off >= maxVarOff || r.Off <= -maxVarOff {
		return v.reject(CodePointer, "%s pointer offset %d is not allowed", t, r.Off)
	}
	if r.SMin == math.MinInt64 {
		return v.reject(CodePointer, "math between %s pointer and register with unbounded min value is not allowed", t)
	}
	if r.SMin >= maxVarOff || r.SMin <= -maxVarOff {
		return v.reject(CodePointer, "value %d makes %s pointer be out of bounds", r.SMin, t)
	}
	return nil
}
