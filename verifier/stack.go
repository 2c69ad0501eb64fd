package verifier

// This file implements the stack: bounds of stack accesses, spills and
// fills of registers, byte kinds, reads and writes at constant and
// variable offsets (check_stack_access_within_bounds,
// check_stack_{read,write}_{fixed,var}_off, check_stack_range_initialized).

import (
	"github.com/callx/callx/asm"
)

// accessSrc says whether an instruction or a helper accesses memory
// (enum bpf_access_src).
type accessSrc uint8

const (
	accessDirect accessSrc = iota + 1
	accessHelper
)

// frameOf returns the frame a stack pointer points into (func()).
func (v *verifier) frameOf(r *Reg) *Frame { return v.cur.Frames[r.Frameno] }

// slotAt returns the slot index and the byte index within it of the stack
// byte at offset off (off < 0).
func slotAt(off int) (spi, idx int) {
	slot := -off - 1
	return slot / regSize, slot % regSize
}

// growStack makes the frame's stack at least size bytes, and the
// subprogram's depth with it (grow_stack_state).
func (v *verifier) growStack(f *Frame, size int) {
	n := (size + regSize - 1) / regSize
	for len(f.Stack) < n {
		f.Stack = append(f.Stack, stackSlot{Spilled: notInit()})
	}
	if d := n * regSize; d > v.stackDepth[f.Subprog] {
		v.stackDepth[f.Subprog] = d
	}
}

// checkStackAccessWithinBounds is check_stack_access_within_bounds.
func (v *verifier) checkStackAccessWithinBounds(regno asm.Register, off, size int, src accessSrc, t access) error {
	reg := v.cur.regOf(regno)
	f := v.frameOf(reg)
	extra := " write to"
	switch {
	case src == accessHelper:
		extra = " indirect access to"
	case t == accRead:
		extra = " read from"
	}
	var minOff, maxOff int64
	if reg.VarOff.IsConst() {
		minOff = int64(reg.VarOff.Value) + int64(off)
		maxOff = minOff + int64(size)
	} else {
		if reg.SMax >= maxVarOff || reg.SMin <= -maxVarOff {
			return v.reject(CodeMemory, "invalid unbounded variable-offset%s stack R%d", extra, regno)
		}
		minOff = reg.SMin + int64(off)
		maxOff = reg.SMax + int64(off) + int64(size)
	}
	minValid := int64(-maxBPFStack)
	if t != accWrite && !v.allowUninitStack() {
		minValid = -int64(len(f.Stack) * regSize)
	}
	bad := minOff < minValid || minOff > -1 || maxOff > 0 || size < 0
	if bad {
		if reg.VarOff.IsConst() {
			return v.reject(CodeMemory, "invalid%s stack R%d off=%d size=%d", extra, regno, off, size)
		}
		return v.reject(CodeMemory, "invalid variable-offset%s stack R%d var_off=%s off=%d size=%d", extra, regno, reg.VarOff, off, size)
	}
	v.growStack(f, int(-minOff))
	return nil
}

// checkStackWrite writes size bytes at reg + off from valueReg (-1: the
// immediate of a BPF_ST, or an unknown value).
func (v *verifier) checkStackWrite(regno asm.Register, off, size, valueReg int) error {
	reg := v.cur.regOf(regno)
	f := v.frameOf(reg)
	if reg.VarOff.IsConst() {
		return v.stackWriteFixed(f, off+int(reg.VarOff.Value), size, valueReg)
	}
	return v.stackWriteVar(f, regno, off, size, valueReg)
}

// stackWriteFixed is check_stack_write_fixed_off.
func (v *verifier) stackWriteFixed(f *Frame, off, size, valueReg int) error {
	spi, _ := slotAt(off)
	slot := &f.Stack[spi]
	cur := v.cur.cur()
	ins := v.insns[v.insnIdx]
	if !v.allowPtrLeaks() && slot.isSpill() && !slot.isSpilledScalar() && size != regSize {
		return v.reject(CodeMemory, "attempt to corrupt spilled pointer on stack")
	}
	var reg *Reg
	if valueReg >= 0 {
		reg = &cur.Regs[valueReg]
	}
	v.scratchSlot(spi)
	isST := ins.Op.Class() == asm.ClassST
	switch {
	case reg != nil && off%regSize == 0 && reg.Type == ScalarValue && v.bpfCapable():
		fits := regWidth(reg) <= 8*size
		if fits {
			v.assignScalarIDBeforeMov(reg)
		}
		saveRegisterState(slot, reg, size)
		if !fits {
			slot.Spilled.ID = 0
		}
		v.markHistStack(f.Frameno, spi)
	case reg == nil && off%regSize == 0 && isST && v.bpfCapable():
		tmp := constScalar(uint64(int64(ins.Imm)))
		saveRegisterState(slot, &tmp, size)
		v.markHistStack(f.Frameno, spi)
	case reg != nil && isSpillable(reg.Type):
		if size != regSize {
			return v.reject(CodeMemory, "invalid size of register spill")
		}
		if f != cur && reg.Type == PtrToStack {
			return v.reject(CodeMemory, "cannot spill pointers to stack into stack frame of the caller")
		}
		saveRegisterState(slot, reg, size)
		v.markHistStack(f.Frameno, spi)
	default:
		kind := stackMisc
		scrubSpecialSlot(slot)
		if size == regSize {
			slot.Spilled.written = true
		}
		if (reg != nil && registerIsNull(reg)) || (reg == nil && isST && ins.Imm == 0) {
			if valueReg >= 0 {
				v.markPrecise(asm.Register(valueReg))
			}
			kind = stackZero
		}
		s := -off - 1
		for i := 0; i < size; i++ {
			slot.Kind[(s-i)%regSize] = kind
		}
	}
	// Only a write of the whole slot kills what was in it.
	if off%regSize == 0 && size == regSize {
		v.markStackWrite(f.Frameno, 1<<uint(spi))
	}
	return nil
}

// saveRegisterState spills reg into slot (save_register_state): the
// size bytes the register fills become spill bytes, the others misc.
func saveRegisterState(slot *stackSlot, reg *Reg, size int) {
	slot.Spilled = *reg
	slot.Spilled.written = size == regSize
	i := regSize
	for ; i > regSize-size; i-- {
		slot.Kind[i-1] = stackSpill
	}
	for ; i > 0; i-- {
		markStackSlotMisc(&slot.Kind[i-1])
	}
}

// markStackSlotMisc is mark_stack_slot_misc in privileged mode: zero
// and uninitialised bytes keep their kind.
func markStackSlotMisc(k *slotType) {
	if *k == stackZero || *k == stackInvalid {
		return
	}
	*k = stackMisc
}

// scrubSpecialSlot is scrub_special_slot: a slot that held a spill
// becomes misc bytes.
func scrubSpecialSlot(slot *stackSlot) {
	if slot.isSpill() {
		for i := range slot.Kind {
			if slot.Kind[i] != stackInvalid {
				slot.Kind[i] = stackMisc
			}
		}
	}
	slot.Spilled = notInit()
}

// stackWriteVar is check_stack_write_var_off.
func (v *verifier) stackWriteVar(f *Frame, regno asm.Register, off, size, valueReg int) error {
	cur := v.cur.cur()
	ptr := &cur.Regs[regno]
	ins := v.insns[v.insnIdx]
	minOff := int(ptr.SMin) + off
	maxOff := int(ptr.SMax) + off + size
	writingZero := (valueReg >= 0 && registerIsNull(&cur.Regs[valueReg])) ||
		(valueReg < 0 && ins.Op.Class() == asm.ClassST && ins.Imm == 0)
	zeroUsed := false
	defer func() {
		if zeroUsed && valueReg >= 0 {
			v.markPrecise(asm.Register(valueReg))
		}
	}()
	for i := minOff; i < maxOff; i++ {
		spi, idx := slotAt(i)
		slot := &f.Stack[spi]
		v.scratchSlot(spi)
		k := &slot.Kind[idx]
		if !v.allowPtrLeaks() && *k != stackMisc && *k != stackZero {
			return v.reject(CodeMemory, "spilled ptr in range of var-offset stack write; insn %d, ptr off: %d", v.insnIdx, i)
		}
		if writingZero && *k == stackSpill && slot.isSpilledScalar() && slot.Spilled.VarOff.EqualsConst(0) {
			zeroUsed = true
			continue
		}
		scrubSpecialSlot(slot)
		nk := stackMisc
		if writingZero && *k == stackZero {
			nk = stackZero
			zeroUsed = true
		}
		if *k == stackInvalid && !v.allowUninitStack() {
			return v.reject(CodeMemory, "uninit stack in range of var-offset write prohibited for !root; insn %d, off: %d", v.insnIdx, i)
		}
		*k = nk
	}
	return nil
}

// checkStackRead reads size bytes at reg + off into dstReg (-1: not kept).
func (v *verifier) checkStackRead(regno asm.Register, off, size, dstReg int) error {
	reg := v.cur.regOf(regno)
	f := v.frameOf(reg)
	if reg.VarOff.IsConst() {
		return v.stackReadFixed(f, off+int(reg.VarOff.Value), size, dstReg)
	}
	if dstReg < 0 {
		return v.reject(CodeMemory, "variable offset stack pointer cannot be passed into helper function")
	}
	if err := v.checkStackRangeInitialized(regno, off, size, false, accessDirect, false, false); err != nil {
		return err
	}
	minOff := int(reg.SMin) + off
	maxOff := int(reg.SMax) + off
	v.markRegStackRead(f, minOff, maxOff+size, dstReg)
	return nil
}

// markRegStackRead is mark_reg_stack_read: all-zero bytes read as the
// constant 0, anything else as an unknown scalar.
func (v *verifier) markRegStackRead(f *Frame, minOff, maxOff, dstReg int) {
	zeros := 0
	for i := minOff; i < maxOff; i++ {
		spi, idx := slotAt(i)
		v.scratchSlot(spi)
		if f.Stack[spi].Kind[idx] != stackZero {
			break
		}
		zeros++
	}
	dst := &v.cur.cur().Regs[dstReg]
	if zeros == maxOff-minOff {
		markKnown(dst, 0)
	} else {
		markUnknown(dst)
	}
	dst.written = true
}

// stackReadFixed is check_stack_read_fixed_off.
func (v *verifier) stackReadFixed(f *Frame, off, size, dstReg int) error {
	spi, _ := slotAt(off)
	s := -off - 1
	slot := &f.Stack[spi]
	cur := v.cur.cur()
	v.scratchSlot(spi)
	v.markStackRead(f.Frameno, 1<<uint(spi))
	if slot.isSpill() {
		spillSize := 1
		for i := regSize - 1; i > 0 && slot.Kind[i-1] == stackSpill; i-- {
			spillSize++
		}
		if size != regSize || spillSize != regSize {
			if slot.Spilled.Type != ScalarValue {
				return v.reject(CodeMemory, "invalid size of register fill")
			}
			if dstReg < 0 {
				return nil
			}
			dst := &cur.Regs[dstReg]
			if size <= spillSize && stackNarrowAccessOK(off, size, spillSize) {
				copyReg(dst, &slot.Spilled)
				if regWidth(&slot.Spilled) > size*8 {
					clearScalarID(dst)
				}
				v.markHistStack(f.Frameno, spi)
			} else {
				spills, zeros := 0, 0
				for i := 0; i < size; i++ {
					switch slot.Kind[(s-i)%regSize] {
					case stackSpill:
						spills++
					case stackMisc:
					case stackZero:
						zeros++
					case stackInvalid:
						if !v.allowUninitStack() {
							return v.reject(CodeMemory, "invalid read from stack off %d+%d size %d", off, i, size)
						}
					default:
						return v.reject(CodeMemory, "invalid read from stack off %d+%d size %d", off, i, size)
					}
				}
				if spills == size && slot.Spilled.VarOff.EqualsConst(0) {
					markKnown(dst, 0)
					v.markHistStack(f.Frameno, spi)
				} else if zeros == size {
					markKnown(dst, 0)
				} else {
					markUnknown(dst)
				}
			}
			dst.written = true
			return nil
		}
		if dstReg >= 0 {
			dst := &cur.Regs[dstReg]
			copyReg(dst, &slot.Spilled)
			dst.written = true
			v.markHistStack(f.Frameno, spi)
		} else if v.isPointerValue(&slot.Spilled) {
			return v.reject(CodePointer, "leaking pointer from stack off %d", off)
		}
		return nil
	}
	for i := 0; i < size; i++ {
		switch slot.Kind[(s-i)%regSize] {
		case stackMisc, stackZero:
		case stackInvalid:
			if !v.allowUninitStack() {
				return v.reject(CodeMemory, "invalid read from stack off %d+%d size %d", off, i, size)
			}
		default:
			return v.reject(CodeMemory, "invalid read from stack off %d+%d size %d", off, i, size)
		}
	}
	if dstReg >= 0 {
		v.markRegStackRead(f, off, off+size, dstReg)
	}
	return nil
}

// stackNarrowAccessOK is bpf_stack_narrow_access_ok on little endian: a
// narrow fill must read the spill's low bytes.
func stackNarrowAccessOK(off, fillSize, spillSize int) bool {
	_ = spillSize
	return off%regSize == 0 || fillSize == 0
}

// checkStackRangeInitialized is check_stack_range_initialized: helper
// arguments (and variable-offset reads) must point to initialised bytes;
// a helper that may write them (clobber) leaves them unknown.
func (v *verifier) checkStackRangeInitialized(regno asm.Register, off, size int, zeroOK bool, src accessSrc, rawMode, mayWrite bool) error {
	reg := v.cur.regOf(regno)
	f := v.frameOf(reg)
	extra := ""
	if src == accessHelper {
		extra = " indirect"
	}
	if size == 0 && !zeroOK {
		return v.reject(CodeMemory, "invalid zero-sized read")
	}
	// A helper's bounds are checked as for writes; only a helper that
	// may write the memory leaves it unknown (as Linux 6.18 does: a
	// helper that only reads keeps spilled registers as they are).
	boundsType := accRead
	clobber := false
	if src == accessHelper {
		boundsType = accWrite
		clobber = mayWrite
	}
	if err := v.checkStackAccessWithinBounds(regno, off, size, src, boundsType); err != nil {
		return err
	}
	var minOff, maxOff int
	if reg.VarOff.IsConst() {
		minOff = int(reg.VarOff.Value) + off
		maxOff = minOff
	} else {
		if !v.allowPtrLeaks() {
			return v.reject(CodeMemory, "R%d%s variable offset stack access prohibited for !root, var_off=%s", regno, extra, reg.VarOff)
		}
		rawMode = false
		minOff = int(reg.SMin) + off
		maxOff = int(reg.SMax) + off
	}
	if rawMode {
		return nil
	}
	for i := minOff; i < maxOff+size; i++ {
		spi, idx := slotAt(i)
		slot := &f.Stack[spi]
		k := &slot.Kind[idx]
		switch {
		case *k == stackMisc:
		case *k == stackZero || (*k == stackInvalid && v.allowUninitStack()):
			if clobber {
				*k = stackMisc
			}
		case slot.isSpill() && (slot.Spilled.Type == ScalarValue || v.allowPtrLeaks()):
			if clobber {
				markUnknown(&slot.Spilled)
				for j := range slot.Kind {
					if slot.Kind[j] == stackSpill {
						slot.Kind[j] = stackMisc
					}
				}
			}
		default:
			if reg.VarOff.IsConst() {
				return v.reject(CodeMemory, "invalid%s read from stack R%d off %d+%d size %d", extra, regno, minOff, i-minOff, size)
			}
			return v.reject(CodeMemory, "invalid%s read from stack R%d var_off %s+%d size %d", extra, regno, reg.VarOff, i-minOff, size)
		}
		v.scratchSlot(spi)
		v.markStackRead(f.Frameno, 1<<uint(spi))
	}
	return nil
}
