package verifier

// This file implements loads, stores and atomics (check_load_mem,
// check_store_reg, check_atomic, check_mem_access): what each pointer type
// allows, alignment, and the value a load puts in its destination.

import (
	"math"
	"strings"

	"github.com/callx/callx/asm"
	"github.com/cilium/ebpf/btf"
)

// access is a memory access's direction.
type access uint8

const (
	accRead access = iota
	accWrite
)

// checkLoad is check_load_mem for LDX (MEM and MEMSX).
func (v *verifier) checkLoad(ins asm.Instruction) error {
	mode := ins.Op.Mode()
	if mode != asm.ModeMEM && mode != asm.ModeMEMSX {
		return v.reject(CodeInsn, "unknown insn class %d", ins.Op.Class())
	}
	if err := v.checkReg(ins.Src, srcOp); err != nil {
		return err
	}
	if err := v.checkReg(ins.Dst, dstOpNoMark); err != nil {
		return err
	}
	srcType := v.cur.regOf(ins.Src).Type
	if err := v.checkMemAccess(ins.Src, int(ins.Off), ins.Op.Size().Bytes(), accRead, int(ins.Dst), false, mode == asm.ModeMEMSX); err != nil {
		return err
	}
	if err := v.saveAuxPtrType(srcType, true); err != nil {
		return err
	}
	return v.sanity(v.cur.regOf(ins.Dst), "ldx")
}

// checkStoreReg is check_store_reg.
func (v *verifier) checkStoreReg(ins asm.Instruction) error {
	if err := v.checkReg(ins.Src, srcOp); err != nil {
		return err
	}
	if err := v.checkReg(ins.Dst, srcOp); err != nil {
		return err
	}
	dstType := v.cur.regOf(ins.Dst).Type
	if err := v.checkMemAccess(ins.Dst, int(ins.Off), ins.Op.Size().Bytes(), accWrite, int(ins.Src), false, false); err != nil {
		return err
	}
	return v.saveAuxPtrType(dstType, false)
}

// checkStoreImm is the BPF_ST case of do_check.
func (v *verifier) checkStoreImm(ins asm.Instruction) error {
	if err := v.checkReg(ins.Dst, srcOp); err != nil {
		return err
	}
	dstType := v.cur.regOf(ins.Dst).Type
	if err := v.checkMemAccess(ins.Dst, int(ins.Off), ins.Op.Size().Bytes(), accWrite, -1, false, false); err != nil {
		return err
	}
	return v.saveAuxPtrType(dstType, false)
}

// checkAtomic is check_atomic and check_atomic_rmw.
func (v *verifier) checkAtomic(ins asm.Instruction) error {
	switch ins.Imm {
	case asm.AtomicAdd, asm.AtomicAdd | asm.AtomicFetch, asm.AtomicAnd, asm.AtomicAnd | asm.AtomicFetch,
		asm.AtomicOr, asm.AtomicOr | asm.AtomicFetch, asm.AtomicXor, asm.AtomicXor | asm.AtomicFetch,
		asm.AtomicXchg, asm.AtomicCmpXchg:
	default:
		return v.reject(CodeInsn, "BPF_ATOMIC uses invalid atomic opcode %02x", ins.Imm)
	}
	size := ins.Op.Size()
	if size != asm.SizeW && size != asm.SizeDW {
		return v.reject(CodeInsn, "invalid atomic operand size")
	}
	if err := v.checkReg(ins.Src, srcOp); err != nil {
		return err
	}
	if err := v.checkReg(ins.Dst, srcOp); err != nil {
		return err
	}
	if ins.Imm == asm.AtomicCmpXchg {
		if err := v.checkReg(asm.R0, srcOp); err != nil {
			return err
		}
		if v.isPointerValue(v.cur.regOf(asm.R0)) {
			return v.reject(CodePointer, "R%d leaks addr into mem", 0)
		}
	}
	if v.isPointerValue(v.cur.regOf(ins.Src)) {
		return v.reject(CodePointer, "R%d leaks addr into mem", ins.Src)
	}
	dt := v.cur.regOf(ins.Dst).Type
	if d := v.cur.regOf(ins.Dst); dt == PtrToMapValue && d.Map != nil {
		lo := int64(ins.Off) + int64(d.Off) + d.SMin
		if sl := slotsOverlap(d.Map, lo, lo+int64(size.Bytes())+int64(d.UMax)-d.SMin); sl != nil {
			return v.reject(CodeCall, "atomic operation on function pointer slot %s is not allowed", sl.Name)
		}
	}
	switch {
	case dt == PtrToCtx, dt.IsPacket(), dt == PtrToFlowKeys, isSkPointer(dt), dt == PtrToArena:
		return v.reject(CodeMemory, "BPF_ATOMIC stores into R%d %s is not allowed", ins.Dst, dt)
	}
	load := -1
	if ins.Imm&asm.AtomicFetch != 0 {
		load = int(ins.Src)
		if ins.Imm == asm.AtomicCmpXchg {
			load = 0
		}
		if err := v.checkReg(asm.Register(load), dstOp); err != nil {
			return err
		}
	}
	n := size.Bytes()
	if err := v.checkMemAccess(ins.Dst, int(ins.Off), n, accRead, -1, true, false); err != nil {
		return err
	}
	if load >= 0 {
		if err := v.checkMemAccess(ins.Dst, int(ins.Off), n, accRead, load, true, false); err != nil {
			return err
		}
	}
	if err := v.saveAuxPtrType(dt, false); err != nil {
		return err
	}
	return v.checkMemAccess(ins.Dst, int(ins.Off), n, accWrite, -1, true, false)
}

// isSkPointer is type_is_sk_pointer.
func isSkPointer(t RegType) bool {
	switch t.Base() {
	case PtrToSockCommon, PtrToSocket, PtrToTCPSock, PtrToXDPSock:
		return true
	}
	return false
}

// checkMemAccess is check_mem_access: regno + off, size bytes, read into
// or written from valueReg (-1: an unknown value, or not kept).
func (v *verifier) checkMemAccess(regno asm.Register, off, size int, t access, valueReg int, strictOnce, ldsx bool) error {
	regs := &v.cur.cur().Regs
	reg := &regs[regno]
	if err := v.checkPtrAlignment(reg, off, size, strictOnce); err != nil {
		return err
	}
	off += int(reg.Off)
	var value *Reg
	if valueReg >= 0 {
		value = &regs[valueReg]
	}
	leak := func(what string) error {
		if t == accWrite && value != nil && v.isPointerValue(value) {
			return v.reject(CodePointer, "R%d leaks addr into %s", valueReg, what)
		}
		return nil
	}
	switch b := reg.Type.Base(); {
	case reg.Type == PtrToMapKey:
		if t == accWrite {
			return v.reject(CodeMemory, "write to change key R%d not allowed", regno)
		}
		if err := v.checkMemRegion(regno, off, size, int64(reg.Map.KeySize), false); err != nil {
			return err
		}
		if value != nil {
			markUnknown(value)
		}
	case reg.Type == PtrToMapValue:
		if err := leak("map"); err != nil {
			return err
		}
		if err := v.checkMapAccessType(reg.Map, off, size, t); err != nil {
			return err
		}
		if err := v.checkMapAccess(regno, off, size, false, true); err != nil {
			return err
		}
		if t == accWrite {
			var imm int32
			isImm := valueReg < 0 && v.insns[v.insnIdx].Op.Class() == asm.ClassST
			if isImm {
				imm = v.insns[v.insnIdx].Imm
			}
			if err := v.checkSlotStore(reg, off, size, value, imm, isImm); err != nil {
				return err
			}
		}
		if t == accRead && value != nil {
			if ok, err := v.loadFuncValue(reg, off, size, value); err != nil {
				return err
			} else if ok {
				break
			}
			if c := reg.Map.Contents; reg.Map.ReadOnly && reg.VarOff.IsConst() && c != nil {
				at := off + int(reg.VarOff.Value)
				if at < 0 || at+size > len(c) {
					return v.reject(CodeMemory, "callx: read-only map read out of its contents")
				}
				var x uint64
				for i := size - 1; i >= 0; i-- {
					x = x<<8 | uint64(c[at+i])
				}
				if ldsx {
					x = uint64(sext(x, size))
				}
				markKnown(value, x)
			} else {
				markUnknown(value)
			}
		}
	case b == PtrToMem:
		if reg.Type.MaybeNull() {
			return v.reject(CodeMemory, "R%d invalid mem access '%s'", regno, reg.Type)
		}
		rdonly := reg.Type&MemRdonly != 0
		if t == accWrite && rdonly {
			return v.reject(CodeMemory, "R%d cannot write into %s", regno, reg.Type)
		}
		if err := leak("mem"); err != nil {
			return err
		}
		if err := v.checkMemRegion(regno, off, size, int64(reg.MemSize), false); err != nil {
			return err
		}
		if value != nil && (t == accRead || rdonly) {
			markUnknown(value)
		}
	case reg.Type == PtrToCtx:
		if err := leak("ctx"); err != nil {
			return err
		}
		if err := v.checkPtrOffReg(reg, regno, false); err != nil {
			return err
		}
		info, ok := ctxAccessWith(v.opts.Type, v.opts.AttachTo, off, size, t == accWrite,
			ctxOptions{Unprivileged: v.opts.Unprivileged, SignExtend: ldsx, KernelBTF: v.kernelBTF()})
		if info.Log != "" {
			v.log.printf("%s", info.Log)
		}
		if !ok {
			return v.reject(CodeMemory, "invalid bpf_context access off=%d size=%d", off, size)
		}
		if t == accRead && value != nil {
			if info.Type == ScalarValue {
				markUnknown(value)
			} else {
				markKnownZeroPtr(value, info.Type)
				value.BTFName = info.BTFName
				if st, ok := info.BTFType.(*btf.Struct); ok {
					value.BTFStruct = st
				}
				if info.Type.MaybeNull() {
					value.ID = v.newID()
				}
			}
		}
	case reg.Type == PtrToStack:
		if err := v.checkStackAccessWithinBounds(regno, off, size, accessDirect, t); err != nil {
			return err
		}
		if t == accRead {
			if err := v.checkStackRead(regno, off, size, valueReg); err != nil {
				return err
			}
		} else if err := v.checkStackWrite(regno, off, size, valueReg); err != nil {
			return err
		}
	case reg.Type.IsPacket():
		if t == accWrite && !v.mayAccessDirectPktData(t) {
			return v.reject(CodeMemory, "cannot write into packet")
		}
		if err := leak("packet"); err != nil {
			return err
		}
		if err := v.checkPacketAccess(regno, off, size, false); err != nil {
			return err
		}
		if t == accRead && value != nil {
			markUnknown(value)
		}
	case reg.Type == PtrToFlowKeys:
		if err := leak("flow keys"); err != nil {
			return err
		}
		if size < 0 || off < 0 || off+size > flowKeysSize {
			return v.reject(CodeMemory, "invalid access to flow keys off=%d size=%d", off, size)
		}
		if t == accRead && value != nil {
			markUnknown(value)
		}
	case isSkPointer(reg.Type) && !reg.Type.MaybeNull():
		if t == accWrite {
			return v.reject(CodeMemory, "R%d cannot write into %s", regno, reg.Type)
		}
		if reg.SMin < 0 {
			return v.reject(CodeMemory, "R%d min value is negative, either use unsigned index or do a if (index >=0) check.", regno)
		}
		if ok, msg := sockAccess(reg.Type, off, size, false); !ok {
			return v.reject(CodeMemory, "R%d %s", regno, msg)
		}
		if !sockLoadConverts(reg.Type, off) {
			return v.reject(CodeMemory, "bpf verifier is misconfigured")
		}
		if value != nil {
			markUnknown(value)
		}
	case b == PtrToBTFID && !reg.Type.MaybeNull() && reg.BTFStruct != nil:
		if !reg.VarOff.IsConst() || reg.VarOff.Value != 0 {
			return v.reject(CodeMemory, "R%d is ptr_%s invalid variable offset: off=%d, var_off=%s", regno, reg.BTFName, off, reg.VarOff)
		}
		res, ok, msg := btfStructAccess(reg.BTFStruct, off, size, t == accWrite, reg.Type)
		if !ok {
			if strings.HasPrefix(msg, "is ptr_") {
				return v.reject(CodeMemory, "R%d %s", regno, msg)
			}
			return v.reject(CodeMemory, "%s", msg)
		}
		if value != nil && t == accRead {
			markBTFLoad(value, res)
		}
	case b == ConstPtrToMap && reg.Map != nil:
		if err := v.checkPtrToMapAccess(reg, regno, off, size, t, value); err != nil {
			return err
		}
	case b == ScalarValue, b == NotInit, b == PtrToPacketEnd, b == PtrToFunc, reg.Type.MaybeNull():
		return v.reject(CodeMemory, "R%d invalid mem access '%s'", regno, reg.Type)
	default:
		e := v.reject(CodeUnsupported, "R%d invalid mem access '%s'", regno, reg.Type)
		return e
	}
	if size < regSize && value != nil && t == accRead && value.Type == ScalarValue {
		if ldsx {
			value.Scalar.CoerceToSizeSX(size)
		} else {
			value.Scalar.CoerceToSize(size)
		}
	}
	return nil
}

// Map flags that restrict programs (BPF_F_RDONLY_PROG, BPF_F_WRONLY_PROG).
const (
	mapFlagRdonlyProg = 1 << 7
	mapFlagWronlyProg = 1 << 8
)

// checkMapAccessType is check_map_access_type: a program may not write a
// map it may only read (.rodata, BPF_F_RDONLY_PROG), nor read one it may
// only write.
func (v *verifier) checkMapAccessType(m *MapInfo, off, size int, t access) error {
	if t == accWrite && (m.ReadOnly || m.Flags&mapFlagRdonlyProg != 0) {
		return v.reject(CodeMemory, "write into map forbidden, value_size=%d off=%d size=%d", m.ValueSize, off, size)
	}
	if t == accRead && m.Flags&mapFlagWronlyProg != 0 {
		return v.reject(CodeMemory, "read from map forbidden, value_size=%d off=%d size=%d", m.ValueSize, off, size)
	}
	return nil
}

// saveAuxPtrType is save_aux_ptr_type: one load or store instruction may
// not be used with a context (or socket) pointer on one path and another
// pointer type on another, since the kernel rewrites context accesses.
func (v *verifier) saveAuxPtrType(t RegType, allowTrustMismatch bool) error {
	if v.ptrTypes == nil {
		v.ptrTypes = map[int]RegType{}
	}
	prev, ok := v.ptrTypes[v.insnIdx]
	if !ok {
		v.ptrTypes[v.insnIdx] = t
		return nil
	}
	mismatchOK := func(t RegType) bool {
		switch t.Base() {
		case PtrToCtx, PtrToSocket, PtrToSockCommon, PtrToTCPSock, PtrToXDPSock, PtrToBTFID, PtrToArena:
			return false
		}
		return true
	}
	if t != prev && (!mismatchOK(t) || !mismatchOK(prev)) {
		if allowTrustMismatch && t.Base() == PtrToBTFID && prev.Base() == PtrToBTFID {
			v.ptrTypes[v.insnIdx] = PtrToBTFID | PtrUntrusted
			return nil
		}
		return v.reject(CodePointer, "same insn cannot be used with different pointers")
	}
	return nil
}

// flowKeysSize is sizeof(struct bpf_flow_keys).
const flowKeysSize = 56

// checkPtrAlignment is check_ptr_alignment. Strict alignment holds for
// stack accesses always, and for others when BPF_F_STRICT_ALIGNMENT asks
// (x86-64 has efficient unaligned access).
func (v *verifier) checkPtrAlignment(reg *Reg, off, size int, strictOnce bool) error {
	strict := v.opts.Flags&flagStrictAlignment != 0 && v.opts.Flags&flagAnyAlignment == 0
	strict = strict || strictOnce
	desc := ""
	switch reg.Type {
	case PtrToPacket, PtrToPacketMeta:
		if !strict || size == 1 {
			return nil
		}
		ro := reg.VarOff.Add(TnumConst(uint64(int64(2 + int(reg.Off) + off))))
		if !ro.IsAligned(uint64(size)) {
			return v.reject(CodeMemory, "misaligned packet access off %d+%s+%d+%d size %d", 2, reg.VarOff, reg.Off, off, size)
		}
		return nil
	case PtrToFlowKeys:
		desc = "flow keys "
	case PtrToMapKey:
		desc = "key "
	case PtrToMapValue:
		desc = "value "
	case PtrToCtx:
		desc = "context "
	case PtrToStack:
		desc = "stack "
		strict = true
	case PtrToSocket:
		desc = "sock "
	case PtrToSockCommon:
		desc = "sock_common "
	case PtrToTCPSock:
		desc = "tcp_sock "
	case PtrToXDPSock:
		desc = "xdp_sock "
	case PtrToArena:
		return nil
	}
	if !strict || size == 1 {
		return nil
	}
	ro := reg.VarOff.Add(TnumConst(uint64(int64(int(reg.Off) + off))))
	if !ro.IsAligned(uint64(size)) {
		return v.reject(CodeMemory, "misaligned %saccess off %s+%d+%d size %d", desc, reg.VarOff, reg.Off, off, size)
	}
	return nil
}

// Load flags the verifier reads (BPF_F_*).
const (
	flagStrictAlignment   = 1 << 0
	flagAnyAlignment      = 1 << 1
	flagTestStateFreq     = 1 << 3
	flagTestRegInvariants = 1 << 7
)

// checkMemAccessSize reports __check_mem_access's failure, in the words
// for the register's type.
func (v *verifier) memAccessError(regno asm.Register, off int64, size int, memSize int64) error {
	reg := v.cur.regOf(regno)
	switch reg.Type.Base() {
	case PtrToMapKey:
		return v.reject(CodeMemory, "invalid access to map key, key_size=%d off=%d size=%d", memSize, int32(off), size)
	case PtrToMapValue:
		return v.reject(CodeMemory, "invalid access to map value, value_size=%d off=%d size=%d", memSize, int32(off), size)
	case PtrToPacket, PtrToPacketMeta, PtrToPacketEnd:
		return v.reject(CodeMemory, "invalid access to packet, off=%d size=%d, R%d(id=%d,off=%d,r=%d)", int32(off), size, regno, reg.ID, int32(off), memSize)
	}
	return v.reject(CodeMemory, "invalid access to memory, mem_size=%d off=%d size=%d", uint32(memSize), int32(off), size)
}

// memOK is __check_mem_access's condition.
func memOK(off int64, size int, memSize int64, zeroOK bool) bool {
	sizeOK := size > 0 || (size == 0 && zeroOK)
	return off >= 0 && sizeOK && off+int64(size) <= memSize
}

// checkMemRegion is check_mem_region_access.
func (v *verifier) checkMemRegion(regno asm.Register, off, size int, memSize int64, zeroOK bool) error {
	reg := v.cur.regOf(regno)
	if reg.SMin < 0 && (reg.SMin == math.MinInt64 ||
		int64(off)+reg.SMin != int64(int32(int64(off)+reg.SMin)) || reg.SMin+int64(off) < 0) {
		return v.reject(CodeMemory, "R%d min value is negative, either use unsigned index or do a if (index >=0) check.", regno)
	}
	if lo := reg.SMin + int64(off); !memOK(int64(int32(lo)), size, memSize, zeroOK) {
		v.memAccessError(regno, int64(int32(lo)), size, memSize)
		return v.reject(CodeMemory, "R%d min value is outside of the allowed memory range", regno)
	}
	if reg.UMax >= maxVarOff {
		return v.reject(CodeMemory, "R%d unbounded memory access, make sure to bounds check any such access", regno)
	}
	if hi := int64(reg.UMax) + int64(off); !memOK(int64(int32(hi)), size, memSize, zeroOK) {
		v.memAccessError(regno, int64(int32(hi)), size, memSize)
		return v.reject(CodeMemory, "R%d max value is outside of the allowed memory range", regno)
	}
	return nil
}

// checkMapAccess is check_map_access: the value's bounds, and the special
// fields (spin lock, timer, ...) no load or store may touch.
func (v *verifier) checkMapAccess(regno asm.Register, off, size int, zeroOK, direct bool) error {
	reg := v.cur.regOf(regno)
	if err := v.checkMemRegion(regno, off, size, int64(reg.Map.ValueSize), zeroOK); err != nil {
		return err
	}
	if p := int64(reg.Map.SpinLockOff); p >= 0 {
		if reg.SMin+int64(off) < p+4 && p < int64(reg.UMax)+int64(off)+int64(size) {
			return v.reject(CodeMemory, "bpf_spin_lock cannot be accessed directly by load/store")
		}
	}
	return nil
}

// checkPtrOffReg is __check_ptr_off_reg: ctx and the like may only be
// dereferenced at their original address.
func (v *verifier) checkPtrOffReg(reg *Reg, regno asm.Register, fixedOffOK bool) error {
	if reg.Off < 0 {
		return v.reject(CodePointer, "negative offset %s ptr R%d off=%d disallowed", reg.Type, regno, reg.Off)
	}
	if !fixedOffOK && reg.Off != 0 {
		return v.reject(CodePointer, "dereference of modified %s ptr R%d off=%d disallowed", reg.Type, regno, reg.Off)
	}
	if !reg.VarOff.IsConst() || reg.VarOff.Value != 0 {
		return v.reject(CodePointer, "variable %s access var_off=%s disallowed", reg.Type, reg.VarOff)
	}
	return nil
}

// mayAccessDirectPktData is may_access_direct_pkt_data without a helper.
func (v *verifier) mayAccessDirectPktData(t access) bool {
	switch v.opts.Type {
	case "lwt_in", "lwt_out", "lwt_seg6local", "sk_reuseport", "flow_dissector", "cgroup_skb":
		return t != accWrite
	case "tc", "action", "xdp", "lwt_xmit", "sk_skb", "sk_msg", "cgroup_sockopt":
		return true
	}
	return false
}

// checkPacketAccess is check_packet_access.
func (v *verifier) checkPacketAccess(regno asm.Register, off, size int, zeroOK bool) error {
	reg := v.cur.regOf(regno)
	if reg.SMin < 0 {
		return v.reject(CodeMemory, "R%d min value is negative, either use unsigned index or do a if (index >=0) check.", regno)
	}
	if reg.Range < 0 || !memOK(int64(off), size, int64(reg.Range), zeroOK) {
		if reg.Range >= 0 {
			v.memAccessError(regno, int64(off), size, int64(reg.Range))
		}
		return v.reject(CodeMemory, "R%d offset is outside of the packet", regno)
	}
	return nil
}

// checkLdImm is check_ld_imm: constants, maps, map values, functions.
func (v *verifier) checkLdImm(ins asm.Instruction) error {
	if ins.Op.Size() != asm.SizeDW {
		return v.reject(CodeInsn, "invalid BPF_LD_IMM insn")
	}
	if ins.Off != 0 {
		return v.reject(CodeInsn, "BPF_LD_IMM64 uses reserved fields")
	}
	if err := v.checkReg(ins.Dst, dstOp); err != nil {
		return err
	}
	dst := v.cur.regOf(ins.Dst)
	next := v.insns[v.insnIdx+1]
	switch ins.Src {
	case 0:
		markKnown(dst, asm.Imm64(ins, next))
	case asm.PseudoMapIdx, asm.PseudoMapFD:
		m := v.mapAt(ins)
		if m == nil {
			return v.reject(CodeInsn, "fd %d is not pointing to valid bpf_map", ins.Imm)
		}
		markKnownZeroPtr(dst, ConstPtrToMap)
		dst.Map = m
	case asm.PseudoMapIdxValue, asm.PseudoMapValue:
		m := v.mapAt(ins)
		if m == nil {
			return v.reject(CodeInsn, "fd %d is not pointing to valid bpf_map", ins.Imm)
		}
		markKnownZeroPtr(dst, PtrToMapValue)
		dst.Map = m
		dst.Off = next.Imm
	case asm.PseudoFunc:
		target := v.insnIdx + int(ins.Imm) + 1
		sub := v.cfg.SubprogAt(target)
		if len(v.opts.FuncInfo) == 0 {
			return v.reject(CodeInsn, "missing btf func_info")
		}
		if sub >= 0 && v.globalFunc[sub] {
			return v.reject(CodeCall, "callback function not static")
		}
		markKnownZeroPtr(dst, PtrToFunc)
		dst.Subprog = sub
	default:
		return v.reject(CodeUnsupported, "callx: ld_imm64 with src %d is not supported yet", ins.Src)
	}
	return nil
}

// mapAt returns the map an ld_imm64 names.
func (v *verifier) mapAt(ins asm.Instruction) *MapInfo {
	i := int(ins.Imm)
	if i < 0 || i >= len(v.opts.Maps) {
		return nil
	}
	return v.opts.Maps[i]
}

// checkLdAbs is check_ld_abs: legacy packet loads, for socket filters
// and tc programs. In a subprogram the load's hidden early exit (r0 = 0,
// return) is a path of its own; it returns the next instruction.
func (v *verifier) checkLdAbs(ins asm.Instruction) (int, error) {
	if err := v.checkLdAbsRegs(ins); err != nil {
		return 0, err
	}
	if len(v.cur.Frames) > 1 {
		if _, err := v.pushStack(v.insnIdx+1, v.insnIdx, false); err != nil {
			return 0, err
		}
		markKnown(v.cur.regOf(asm.R0), 0)
		return v.prepareFuncExit()
	}
	return v.insnIdx + 1, nil
}

func (v *verifier) checkLdAbsRegs(ins asm.Instruction) error {
	switch v.opts.Type {
	case "socket", "tc", "action":
	default:
		return v.reject(CodeInsn, "BPF_LD_[ABS|IND] instructions not allowed for this program type")
	}
	if ins.Dst != 0 || ins.Off != 0 || ins.Op.Size() == asm.SizeDW ||
		(ins.Op.Mode() == asm.ModeABS && ins.Src != 0) {
		return v.reject(CodeInsn, "BPF_LD_[ABS|IND] uses reserved fields")
	}
	if err := v.checkReg(asm.R6, srcOp); err != nil {
		return err
	}
	if len(v.cur.Refs) > 0 {
		return v.reject(CodeReference, "BPF_LD_[ABS|IND] cannot be mixed with socket references")
	}
	if v.cur.ActiveLock != 0 {
		return v.reject(CodeReference, "BPF_LD_[ABS|IND] cannot be used inside bpf_spin_lock-ed region")
	}
	if r6 := v.cur.regOf(asm.R6); r6.Type != PtrToCtx {
		return v.reject(CodeMemory, "at the time of BPF_LD_ABS|IND R6 != pointer to skb")
	}
	if ins.Op.Mode() == asm.ModeIND {
		if err := v.checkReg(ins.Src, srcOp); err != nil {
			return err
		}
	}
	if err := v.checkPtrOffReg(v.cur.regOf(asm.R6), asm.R6, false); err != nil {
		return err
	}
	regs := &v.cur.cur().Regs
	for r := asm.R1; r <= asm.R5; r++ {
		markNotInit(&regs[r])
		v.scratchReg(r)
	}
	markUnknown(&regs[asm.R0])
	regs[asm.R0].written = true
	v.scratchReg(asm.R0)
	return nil
}

// kernelBTF is the running kernel's BTF for tracing programs, whose
// contexts and objects it types; nil elsewhere or where it is missing.
func (v *verifier) kernelBTF() *btf.Spec {
	switch v.opts.Type {
	case "tp_btf", "fentry", "fexit", "fmod_ret", "lsm", "iter", "struct_ops":
	default:
		return nil
	}
	return v.runningKernelBTF()
}

// runningKernelBTF is Options.KernelBTF, or else the running kernel's
// BTF; nil where there is none.
func (v *verifier) runningKernelBTF() *btf.Spec {
	if v.opts.KernelBTF != nil {
		return v.opts.KernelBTF
	}
	spec, err := btf.LoadKernelSpec()
	if err != nil {
		return nil
	}
	return spec
}

// checkPtrToMapAccess is check_ptr_to_map_access: a program may read the
// kernel's struct for a map (struct bpf_array for an array, say) through
// a map pointer, as a PTR_TO_BTF_ID of that struct, where the kernel's
// BTF is at hand.
func (v *verifier) checkPtrToMapAccess(reg *Reg, regno asm.Register, off, size int, t access, value *Reg) error {
	spec := v.runningKernelBTF()
	if spec == nil {
		return v.reject(CodeUnsupported, "map_ptr access not supported without CONFIG_DEBUG_INFO_BTF")
	}
	name, ok := mapBTFStruct[reg.Map.Type]
	if !ok {
		return v.reject(CodeUnsupported, "map_ptr access not supported for map type %d", reg.Map.Type)
	}
	var st *btf.Struct
	if spec.TypeByName(name, &st) != nil {
		return v.reject(CodeUnsupported, "map_ptr access not supported for map type %d", reg.Map.Type)
	}
	if !v.allowPtrLeaks() {
		return v.reject(CodeMemory, "'struct %s' access is allowed only to CAP_PERFMON and CAP_SYS_ADMIN", name)
	}
	off += int(reg.Off)
	res, ok, msg := btfMapPtrAccess(st, off, size, t == accWrite)
	if !ok {
		if strings.HasPrefix(msg, "is ") {
			return v.reject(CodeMemory, "R%d %s", regno, msg)
		}
		return v.reject(CodeMemory, "%s", msg)
	}
	if value != nil && t == accRead {
		markBTFLoad(value, res)
	}
	return nil
}

// markBTFLoad is mark_btf_ld_reg: what a load from a kernel struct gives,
// a scalar or a pointer typed by BTF.
func markBTFLoad(value *Reg, res btfAccessResult) {
	if res.Type == ScalarValue {
		markUnknown(value)
		return
	}
	markKnownZeroPtr(value, res.Type)
	value.BTFName = res.BTFName
	value.BTFStruct = res.Struct
}

// mapBTFStruct is each map type's kernel struct (map->ops->map_btf_id).
var mapBTFStruct = map[uint32]string{
	1: "bpf_htab", 2: "bpf_array", 3: "bpf_array", 4: "bpf_array", 5: "bpf_htab",
	6: "bpf_array", 7: "bpf_stack_map", 8: "bpf_array", 9: "bpf_htab", 10: "bpf_htab",
	11: "lpm_trie", 12: "bpf_array", 13: "bpf_htab", 14: "bpf_dtab", 15: "bpf_stab",
	16: "bpf_cpu_map", 17: "xsk_map", 18: "bpf_shtab", 19: "bpf_cgroup_storage_map",
	20: "reuseport_array", 21: "bpf_cgroup_storage_map", 22: "bpf_queue_stack",
	23: "bpf_queue_stack", 24: "bpf_local_storage_map", 25: "bpf_dtab",
	26: "bpf_struct_ops_map", 27: "bpf_ringbuf_map", 28: "bpf_local_storage_map",
	29: "bpf_local_storage_map", 30: "bpf_bloom_filter", 31: "bpf_ringbuf_map",
	32: "bpf_local_storage_map", 33: "bpf_arena",
}
