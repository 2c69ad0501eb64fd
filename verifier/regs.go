package verifier

// This file implements reading and writing registers as the kernel's
// check_reg_arg does, and the small operations on register states the
// rest of the verifier shares (mark_reg_unknown, mark_reg_known_zero,
// copy_register_state, ...).

import (
	"github.com/callx/callx/asm"
)

// regOp says how an instruction uses a register (enum reg_arg_type).
type regOp int

const (
	srcOp       regOp = iota // read: must be initialised
	dstOp                    // written: becomes an unknown scalar
	dstOpNoMark              // written: the caller sets it
)

// checkReg is check_reg_arg on the current frame.
func (v *verifier) checkReg(r asm.Register, op regOp) error {
	if r >= numRegs {
		return v.reject(CodeRegister, "R%d is invalid", r)
	}
	v.scratchReg(r)
	reg := v.cur.regOf(r)
	if op == srcOp {
		if reg.Type == NotInit {
			return v.reject(CodeRegister, "R%d !read_ok", r)
		}
		return nil
	}
	if r == asm.R10 {
		return v.reject(CodeRegister, "frame pointer is read only")
	}
	reg.written = true
	if op == dstOp {
		markUnknown(reg)
	}
	return nil
}

// markUnknown makes r an unknown scalar (mark_reg_unknown), keeping its
// liveness mark.
func markUnknown(r *Reg) {
	w := r.written
	*r = unknownScalar()
	r.written = w
}

// markKnown makes r the scalar constant c (__mark_reg_known after
// mark_reg_unknown).
func markKnown(r *Reg, c uint64) {
	w := r.written
	*r = constScalar(c)
	r.written = w
}

// markKnownZeroPtr makes r a pointer of type t at offset 0
// (mark_reg_known_zero then setting the type).
func markKnownZeroPtr(r *Reg, t RegType) {
	w := r.written
	*r = pointerReg(t)
	r.written = w
}

// markNotInit makes r uninitialised.
func markNotInit(r *Reg) {
	w := r.written
	*r = notInit()
	r.written = w
}

// copyReg is copy_register_state: dst becomes src, keeping dst's liveness.
func copyReg(dst, src *Reg) {
	w := dst.written
	*dst = *src
	dst.written = w
}

// isPointerValue is is_pointer_value in privileged mode
// (__is_pointer_value with allow_ptr_leaks: nothing is a leak).
func (v *verifier) isPointerValue(r *Reg) bool {
	if v.allowPtrLeaks() {
		return false
	}
	return r.Type != ScalarValue
}

// isPointer reports whether r holds a pointer, whatever the privileges
// (__is_pointer_value(false, reg)).
func isPointer(r *Reg) bool { return r.Type != ScalarValue }

// regNotNull is reg_not_null: a pointer known not to be NULL. Context,
// stack and packet pointers are not among them, as in the kernel.
func regNotNull(r *Reg) bool {
	t := r.Type
	if t.MaybeNull() {
		return false
	}
	// A non-NULL base plus an offset this wide may still wrap to zero.
	if r.SMin <= -maxVarOff || r.SMax >= maxVarOff {
		return false
	}
	switch t.Base() {
	case PtrToSocket, PtrToTCPSock, PtrToXDPSock, PtrToBuf, PtrToMapValue, PtrToMapKey,
		PtrToSockCommon, PtrToMem, ConstPtrToMap:
		return true
	case PtrToBTFID:
		return t&PtrTrusted != 0 || t&MemRCU != 0 || t&MemAlloc != 0
	}
	return false
}

// registerIsNull is register_is_null: a known-zero scalar.
func registerIsNull(r *Reg) bool { return r.Type == ScalarValue && r.VarOff.EqualsConst(0) }

// isSpillable is is_spillable_regtype: types that spill as themselves.
func isSpillable(t RegType) bool {
	switch t.Base() {
	case PtrToMapValue, PtrToStack, PtrToCtx, PtrToPacket, PtrToPacketMeta, PtrToPacketEnd,
		PtrToFlowKeys, ConstPtrToMap, PtrToSocket, PtrToSockCommon, PtrToTCPSock, PtrToXDPSock,
		PtrToBTFID, PtrToBuf, PtrToMem, PtrToFunc, PtrToMapKey, PtrToArena:
		return true
	}
	return false
}

// regWidth is get_reg_width: how many low bits of the scalar may be set.
func regWidth(r *Reg) int {
	m := r.VarOff.Value | r.VarOff.Mask
	n := 0
	for m != 0 {
		n++
		m >>= 1
	}
	return n
}

// assignScalarIDBeforeMov gives src an id before a copy so that the copy
// and the original are refined together (assign_scalar_id_before_mov).
func (v *verifier) assignScalarIDBeforeMov(src *Reg) {
	if src.Type != ScalarValue {
		return
	}
	if src.ID&addConstFlag != 0 {
		// The kernel refuses to link a register that went through
		// rX += const with another.
		src.ID = 0
		src.Off = 0
	}
	if src.ID == 0 && !src.VarOff.IsConst() {
		src.ID = v.newID()
	}
}

// addConstFlag is BPF_ADD_CONST: the register is a linked register's
// value plus Off.
const addConstFlag = 1 << 31

// clearScalarID is clear_scalar_id.
func clearScalarID(r *Reg) {
	r.ID = 0
	r.Off = 0
}

// forEachReg calls f on every register and spilled register of every
// frame of st (bpf_for_each_reg_in_vstate).
func forEachReg(st *State, f func(r *Reg)) {
	for _, fr := range st.Frames {
		for i := range fr.Regs {
			f(&fr.Regs[i])
		}
		for i := range fr.Stack {
			if fr.Stack[i].isSpill() {
				f(&fr.Stack[i].Spilled)
			}
		}
	}
}

// The kernel's privilege switches: env->bpf_capable (CAP_BPF),
// env->allow_ptr_leaks and env->allow_uninit_stack (CAP_PERFMON).
func (v *verifier) bpfCapable() bool       { return !v.opts.Unprivileged }
func (v *verifier) allowPtrLeaks() bool    { return !v.opts.Unprivileged && !v.opts.NoPerfmon }
func (v *verifier) allowUninitStack() bool { return !v.opts.Unprivileged && !v.opts.NoPerfmon }
