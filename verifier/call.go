package verifier

// This file implements calls: helper calls checked against their
// prototypes (check_helper_call, check_func_arg), bpf-to-bpf calls into
// static subprograms in the caller's context and into global functions
// verified against their prototypes (check_func_call), returns from them
// (prepare_func_exit), and acquired references (ringbuf records).

import (
	"runtime"
	"strings"

	"github.com/callx/callx/asm"
	"github.com/callx/callx/helpers"
)

func helpersID(id int32) helpers.ID { return helpers.ID(id) }

// spinUnlockID is bpf_spin_unlock's id, the one call allowed with a lock
// held.
const spinUnlockID = 94

// callMeta is what checking a call's arguments learns (struct
// bpf_call_arg_meta).
type callMeta struct {
	mapInfo    *MapInfo
	rawMode    bool
	accessSize int
	regno      asm.Register
	releaseReg asm.Register
	refObjID   uint32
	memSize    uint64
	subprog    int
	hasSubprog bool
	funcID     int32
	msizeMax   uint64
	pktAccess  bool
	// constKey is the map key, when it is a constant on the stack of an
	// array (hasConstKey).
	constKey    int64
	hasConstKey bool
}

// Map types whose lookups return something else than a value.
const (
	mapTypeArray       = 2
	mapTypePercpuArray = 6
	mapTypeArrayOfMaps = 12
	mapTypeHashOfMaps  = 13
	mapTypeSockmap     = 15
	mapTypeXskmap      = 17
	mapTypeSockhash    = 18
)

// callerSaved are the registers a call clobbers.
var callerSaved = [...]asm.Register{asm.R0, asm.R1, asm.R2, asm.R3, asm.R4, asm.R5}

// checkHelperCall is check_helper_call.
func (v *verifier) checkHelperCall(ins asm.Instruction) (int, error) {
	id := ins.Imm
	p, err := v.helperProto(id)
	if err != nil {
		return 0, err
	}
	if !v.opts.Sleepable && p.mightSleep {
		return 0, v.reject(CodeCall, "helper call might sleep in a non-sleepable prog")
	}
	meta := callMeta{funcID: id, pktAccess: p.pktAccess}
	for i := 0; i < 5; i++ {
		if err := v.checkFuncArg(i, &meta, p); err != nil {
			return 0, err
		}
	}
	if meta.rawMode {
		for i := 0; i < meta.accessSize; i++ {
			if err := v.checkMemAccess(meta.regno, i, 1, accWrite, -1, false, false); err != nil {
				return 0, err
			}
		}
	}
	regs := &v.cur.cur().Regs
	if meta.releaseReg != 0 {
		var err error
		switch {
		case meta.refObjID != 0:
			err = v.releaseReference(meta.refObjID)
		case registerIsNull(&regs[meta.releaseReg]):
		default:
			err = errNotAcquired
		}
		if err != nil {
			return 0, v.reject(CodeReference, "func %s#%d reference has not been acquired before", p.logName, id)
		}
	}
	switch id {
	case helpers.TailCallID:
		if regs[asm.R3].isConstScalar() {
			v.markPrecise(asm.R3)
		}
		if v.cur.ActiveLock != 0 {
			return 0, v.reject(CodeReference, "tail_call cannot be used inside bpf_spin_lock-ed region")
		}
		if len(v.cur.Refs) > 0 {
			r := v.cur.Refs[0]
			v.log.printf("Unreleased reference id=%d alloc_insn=%d\n", r.ID, r.Insn)
			return 0, v.reject(CodeReference, "tail_call would lead to reference leak")
		}
	case helpers.LoopID:
		v.updateLoopInlineState(meta.subprog)
		// Whether bpf_loop's iterations are done depends on r1.
		v.markPrecise(asm.R1)
		caller := v.cur.cur()
		if uint64(caller.callbackDepth) < regs[asm.R1].UMax {
			if err := v.pushCallbackCall(meta.subprog, id); err != nil {
				return 0, err
			}
		} else {
			caller.callbackDepth = 0
			if v.log.level&LogLevel2 != 0 {
				v.log.printf("frame%d bpf_loop iteration limit reached\n", len(v.cur.Frames)-1)
			}
		}
	case helpers.ForEachMapElemID:
		if err := v.pushCallbackCall(meta.subprog, id); err != nil {
			return 0, err
		}
	case 170 /* timer_set_callback */, 180 /* find_vma */, 209 /* user_ringbuf_drain */ :
		return 0, v.reject(CodeUnsupported, "callx: callbacks (%s) are not verified yet", p.logName)
	}
	for _, r := range callerSaved {
		markNotInit(&regs[r])
		regs[r].written = true
		v.scratchReg(r)
	}
	r0 := &regs[asm.R0]
	switch p.ret {
	case retInteger:
		markUnknown(r0)
	case retVoid:
		markNotInit(r0)
	case retMapValue:
		if meta.mapInfo == nil {
			return 0, v.reject(CodeCall, "kernel subsystem misconfigured verifier")
		}
		if (meta.mapInfo.Type == mapTypeArrayOfMaps || meta.mapInfo.Type == mapTypeHashOfMaps) && meta.mapInfo.InnerMap == nil {
			return 0, v.reject(CodeUnsupported, "callx: map-in-map %s has no inner map template", meta.mapInfo.Name)
		}
		flags := p.retFlags
		if id == int32(helpers.FuncMapLookupElem) && canElideValueNullness(meta.mapInfo.Type) &&
			meta.hasConstKey && meta.constKey >= 0 && meta.constKey < int64(meta.mapInfo.MaxEntries) {
			flags &^= PtrMaybeNull
		}
		markKnownZeroPtr(r0, PtrToMapValue|flags)
		r0.Map = meta.mapInfo
		if flags&PtrMaybeNull == 0 && meta.mapInfo.SpinLockOff >= 0 {
			r0.ID = v.newID()
		}
	case retMem:
		markKnownZeroPtr(r0, PtrToMem|p.retFlags)
		r0.MemSize = uint32(meta.memSize)
	case retSocket:
		markKnownZeroPtr(r0, PtrToSocket|p.retFlags)
	case retSockCommon:
		markKnownZeroPtr(r0, PtrToSockCommon|p.retFlags)
	case retTCPSock:
		markKnownZeroPtr(r0, PtrToTCPSock|p.retFlags)
	default:
		return 0, v.reject(CodeUnsupported, "callx: return type of %s#%d not modelled", p.logName, id)
	}
	r0.written = true
	if r0.Type.MaybeNull() {
		r0.ID = v.newID()
	}
	switch {
	case p.ptrCast:
		r0.RefObjID = meta.refObjID
	case p.acquire || (id == int32(helpers.FuncMapLookupElem) && meta.mapInfo != nil &&
		(meta.mapInfo.Type == mapTypeSockmap || meta.mapInfo.Type == mapTypeSockhash)):
		rid := v.acquireReference()
		r0.ID = rid
		r0.RefObjID = rid
	}
	if err := v.refineRetval(r0, id, &meta); err != nil {
		return 0, err
	}
	if err := v.checkMapFuncCompat(meta.mapInfo, id, p); err != nil {
		return 0, err
	}
	if p.changesPktData {
		v.clearAllPktPointers()
	}
	return v.insnIdx + 1, nil
}

var errNotAcquired = &Error{Msg: "not acquired"}

// checkFuncArg is check_func_arg for argument i.
func (v *verifier) checkFuncArg(i int, meta *callMeta, p *proto) error {
	a := p.args[i]
	regno := asm.Register(1 + i)
	if a.kind == argDontCare {
		return nil
	}
	if err := v.checkReg(regno, srcOp); err != nil {
		return err
	}
	reg := v.cur.regOf(regno)
	if a.kind == argAnything {
		if v.isPointerValue(reg) {
			return v.reject(CodePointer, "R%d leaks addr into helper function", regno)
		}
		return nil
	}
	if reg.Type.IsPacket() && !v.mayAccessPktDataForHelper(meta) {
		return v.reject(CodeMemory, "helper access to the packet is not allowed")
	}
	// A sockmap's or sockhash's values are sockets
	// (resolve_map_arg_type).
	if a.kind == argMapValue && meta.mapInfo != nil &&
		(meta.mapInfo.Type == mapTypeSockmap || meta.mapInfo.Type == mapTypeSockhash) {
		a.kind = argBTFIDSockCommon
	}
	nullOK := a.flags&argMaybeNull != 0
	// A NULL for an argument that may be NULL skips the type checks.
	// Linux 6.18 no longer marks it precise (6.12 did).
	if !registerIsNull(reg) || !nullOK {
		if err := v.checkRegType(regno, a); err != nil {
			return err
		}
		if err := v.checkFuncArgRegOff(reg, regno, a); err != nil {
			return err
		}
	}
	if a.flags&argRelease != 0 {
		if reg.RefObjID == 0 && !registerIsNull(reg) {
			return v.reject(CodeReference, "R%d must be referenced when passed to release function", regno)
		}
		meta.releaseReg = regno
	}
	if reg.RefObjID != 0 {
		meta.refObjID = reg.RefObjID
	}
	switch a.kind {
	case argConstMapPtr:
		meta.mapInfo = reg.Map
	case argMapKey:
		if meta.mapInfo == nil {
			return v.reject(CodeCall, "invalid map_ptr to access map->key")
		}
		if err := v.checkHelperMemAccess(regno, int(meta.mapInfo.KeySize), accRead, false, nil); err != nil {
			return err
		}
		if canElideValueNullness(meta.mapInfo.Type) {
			meta.constKey, meta.hasConstKey = v.constantMapKey(reg, int(meta.mapInfo.KeySize))
		}
		return nil
	case argMapValue:
		if nullOK && registerIsNull(reg) {
			return nil
		}
		if meta.mapInfo == nil {
			return v.reject(CodeCall, "invalid map_ptr to access map->value")
		}
		meta.rawMode = a.flags&argUninit != 0
		t := accRead
		if a.flags&argWrite != 0 {
			t = accWrite
		}
		return v.checkHelperMemAccess(regno, int(meta.mapInfo.ValueSize), t, false, meta)
	case argSpinLock:
		return v.processSpinLock(regno, meta.funcID == 93)
	case argFunc:
		meta.subprog = reg.Subprog
		meta.hasSubprog = true
	case argMem:
		meta.rawMode = a.flags&argUninit != 0
		if a.flags&argFixedSize != 0 {
			t := accRead
			if a.flags&argWrite != 0 {
				t = accWrite
			}
			if err := v.checkHelperMemAccess(regno, a.size, t, false, meta); err != nil {
				return err
			}
			if a.flags&argAligned != 0 {
				return v.checkPtrAlignment(reg, 0, a.size, true)
			}
		}
	case argConstSize, argConstSizeOrZero:
		t := accRead
		if p.args[i-1].flags&argWrite != 0 {
			t = accWrite
		}
		return v.checkMemSizeReg(reg, regno, t, a.kind == argConstSizeOrZero, meta)
	case argConstAllocSizeOrZero:
		if !reg.VarOff.IsConst() {
			return v.reject(CodeCall, "R%d is not a known constant'", regno)
		}
		meta.memSize = reg.VarOff.Value
		v.markPrecise(regno)
	case argConstStr:
		return v.checkConstStr(reg, regno)
	case argCtx, argRingbufMem, argStack, argSockCommon, argBTFIDSockCommon, argSocket:
	default:
		return v.reject(CodeUnsupported, "callx: argument %d of %s#%d is not modelled", i+1, p.logName, meta.funcID)
	}
	return nil
}

// mayAccessPktDataForHelper is may_access_direct_pkt_data with a helper's
// meta: packet pointers go only to helpers that take them.
func (v *verifier) mayAccessPktDataForHelper(meta *callMeta) bool {
	switch v.opts.Type {
	case "lwt_in", "lwt_out", "lwt_seg6local", "sk_reuseport", "flow_dissector", "cgroup_skb",
		"tc", "action", "xdp", "lwt_xmit", "sk_skb", "sk_msg":
		return meta.pktAccess
	case "cgroup_sockopt":
		return true
	}
	return false
}

// compatibleTypes are the register types each argument kind accepts, in
// the kernel's order (the compatible_reg_types table).
func compatibleTypes(a argSpec) []RegType {
	mem := []RegType{PtrToStack, PtrToPacket, PtrToPacketMeta, PtrToMapKey, PtrToMapValue, PtrToMem,
		PtrToMem | MemRingbuf, PtrToBuf, PtrToBTFID | PtrTrusted}
	switch a.kind {
	case argMapKey, argMapValue:
		return []RegType{PtrToStack, PtrToPacket, PtrToPacketMeta, PtrToMapKey, PtrToMapValue}
	case argConstSize, argConstSizeOrZero, argConstAllocSizeOrZero, argAnything:
		return []RegType{ScalarValue}
	case argConstMapPtr:
		return []RegType{ConstPtrToMap}
	case argCtx:
		return []RegType{PtrToCtx}
	case argSpinLock:
		return []RegType{PtrToMapValue, PtrToBTFID | MemAlloc}
	case argRingbufMem:
		return []RegType{PtrToMem | MemRingbuf}
	case argFunc:
		return []RegType{PtrToFunc}
	case argStack:
		return []RegType{PtrToStack}
	case argConstStr:
		return []RegType{PtrToMapValue}
	case argSockCommon:
		return []RegType{PtrToSockCommon, PtrToSocket, PtrToTCPSock, PtrToXDPSock}
	case argBTFIDSockCommon:
		return []RegType{PtrToSockCommon, PtrToSocket, PtrToTCPSock, PtrToXDPSock, PtrToBTFID, PtrToBTFID | PtrTrusted}
	case argSocket:
		return []RegType{PtrToSocket}
	case argMem:
		return mem
	}
	return nil
}

// checkRegType is check_reg_type.
func (v *verifier) checkRegType(regno asm.Register, a argSpec) error {
	reg := v.cur.regOf(regno)
	types := compatibleTypes(a)
	t := reg.Type
	// A read-only argument accepts read-only memory; the kernel masks
	// the flags the argument allows before comparing.
	if a.kind == argMem && a.flags&argRdonly != 0 {
		t &^= MemRdonly
	}
	if a.flags&argMaybeNull != 0 {
		t &^= PtrMaybeNull
	}
	if a.kind == argMem && t.Base() == PtrToMem {
		t &^= MemAlloc
	}
	for _, c := range types {
		if t == c {
			if a.kind == argMem && reg.Type&MemRdonly != 0 && a.flags&argRdonly == 0 {
				break
			}
			if a.kind == argBTFIDSockCommon && t.Base() == PtrToBTFID && !btfStartsWith(reg.BTFStruct, reg.BTFName, "sock_common") {
				return v.reject(CodeCall, "R%d is of type %s but %s is expected", regno, reg.BTFName, "sock_common")
			}
			return nil
		}
	}
	var names []string
	for _, c := range types {
		names = append(names, c.String())
	}
	return v.reject(CodeCall, "R%d type=%s expected=%s", regno, reg.Type, strings.Join(names, ", "))
}

// checkFuncArgRegOff is check_func_arg_reg_off: a pointer passed to a
// release function must be the object's start; memory pointers may carry
// offsets; other pointers must be unmodified.
func (v *verifier) checkFuncArgRegOff(reg *Reg, regno asm.Register, a argSpec) error {
	if a.flags&argRelease != 0 {
		if reg.Off != 0 {
			return v.reject(CodeReference, "R%d must have zero offset when passed to release func or trusted arg to kfunc", regno)
		}
		return v.checkPtrOffReg(reg, regno, false)
	}
	switch reg.Type {
	case PtrToStack, PtrToPacket, PtrToPacketMeta, PtrToMapKey, PtrToMapValue, PtrToMem,
		PtrToMem | MemRdonly, PtrToMem | MemRingbuf, PtrToBuf, PtrToBuf | MemRdonly, PtrToArena, ScalarValue:
		return nil
	case PtrToBTFID, PtrToBTFID | MemAlloc, PtrToBTFID | PtrTrusted, PtrToBTFID | MemRCU:
		return v.checkPtrOffReg(reg, regno, true)
	}
	return v.checkPtrOffReg(reg, regno, false)
}

// checkHelperMemAccess is check_helper_mem_access.
func (v *verifier) checkHelperMemAccess(regno asm.Register, size int, t access, zeroOK bool, meta *callMeta) error {
	reg := v.cur.regOf(regno)
	switch reg.Type.Base() {
	case PtrToPacket, PtrToPacketMeta:
		return v.checkPacketAccess(regno, int(reg.Off), size, zeroOK)
	case PtrToMapKey:
		if t == accWrite {
			return v.reject(CodeMemory, "R%d cannot write into %s", regno, reg.Type)
		}
		return v.checkMemRegion(regno, int(reg.Off), size, int64(reg.Map.KeySize), false)
	case PtrToMapValue:
		if err := v.checkMapAccessType(reg.Map, int(reg.Off), size, t); err != nil {
			return err
		}
		if t == accWrite {
			lo := int64(reg.Off) + reg.SMin
			if sl := slotsOverlap(reg.Map, lo, int64(reg.Off)+int64(reg.UMax)+int64(size)); sl != nil {
				return v.reject(CodeCall, "helper may write into function pointer slot %s", sl.Name)
			}
		}
		return v.checkMapAccess(regno, int(reg.Off), size, zeroOK, false)
	case PtrToMem:
		if reg.Type&MemRdonly != 0 && t == accWrite {
			return v.reject(CodeMemory, "R%d cannot write into %s", regno, reg.Type)
		}
		return v.checkMemRegion(regno, int(reg.Off), size, int64(reg.MemSize), zeroOK)
	case PtrToStack:
		raw := meta != nil && meta.rawMode
		if raw {
			meta.accessSize = size
			meta.regno = regno
		}
		return v.checkStackRangeInitialized(regno, int(reg.Off), size, zeroOK, accessHelper, raw, t == accWrite)
	case PtrToCtx:
		return v.reject(CodeUnsupported, "callx: helper access to the context is not modelled")
	}
	if zeroOK && size == 0 && registerIsNull(reg) {
		return nil
	}
	return v.reject(CodeCall, "R%d type=%s expected=%s", regno, reg.Type, PtrToStack)
}

// maxVarSize is BPF_MAX_VAR_SIZ.
const maxVarSize = 1 << 29

// checkMemSizeReg is check_mem_size_reg.
func (v *verifier) checkMemSizeReg(reg *Reg, regno asm.Register, t access, zeroOK bool, meta *callMeta) error {
	if meta != nil {
		meta.msizeMax = reg.UMax
	}
	if !reg.VarOff.IsConst() {
		meta = nil
	}
	if reg.SMin < 0 {
		return v.reject(CodeCall, "R%d min value is negative, either use unsigned or 'var &= const'", regno)
	}
	if reg.UMin == 0 && !zeroOK {
		return v.reject(CodeCall, "R%d invalid zero-sized read: u64=[%d,%d]", regno, int64(reg.UMin), int64(reg.UMax))
	}
	if reg.UMax >= maxVarSize {
		return v.reject(CodeCall, "R%d unbounded memory access, use 'var &= const' or 'if (var < const)'", regno)
	}
	if err := v.checkHelperMemAccess(regno-1, int(reg.UMax), t, zeroOK, meta); err != nil {
		return err
	}
	v.markPrecise(regno)
	return nil
}

// checkConstStr is check_reg_const_str: a NUL-terminated string in a
// read-only map at a constant offset.
func (v *verifier) checkConstStr(reg *Reg, regno asm.Register) error {
	m := reg.Map
	if m == nil || !m.ReadOnly {
		return v.reject(CodeCall, "R%d does not point to a readonly map'", regno)
	}
	if !reg.VarOff.IsConst() {
		return v.reject(CodeCall, "R%d is not a constant address'", regno)
	}
	if err := v.checkMapAccess(regno, int(reg.Off), 1, false, false); err != nil {
		return err
	}
	off := int(reg.Off) + int(reg.VarOff.Value)
	if off < 0 || off >= len(m.Contents) || !strings.Contains(string(m.Contents[off:]), "\x00") {
		return v.reject(CodeCall, "string is not zero-terminated")
	}
	return nil
}

// checkMapFuncCompat is check_map_func_compatibility for the map types
// callx has.
func (v *verifier) checkMapFuncCompat(m *MapInfo, id int32, p *proto) error {
	if m == nil {
		return nil
	}
	if msg := v.mapFuncCompatible(m.Type, id); msg != "" {
		return v.reject(CodeCall, "%s", msg)
	}
	return nil
}

// processSpinLock is process_spin_lock.
func (v *verifier) processSpinLock(regno asm.Register, lock bool) error {
	reg := v.cur.regOf(regno)
	if !reg.VarOff.IsConst() {
		return v.reject(CodeCall, "R%d doesn't have constant offset. bpf_spin_lock has to be at the constant offset", regno)
	}
	if reg.Map == nil {
		return v.reject(CodeUnsupported, "callx: spin lock outside a map value")
	}
	if reg.Map.SpinLockOff < 0 {
		return v.reject(CodeCall, "map '%s' has no valid bpf_spin_lock", reg.Map.Name)
	}
	if off := int64(reg.VarOff.Value) + int64(reg.Off); off != int64(reg.Map.SpinLockOff) {
		return v.reject(CodeCall, "off %d doesn't point to 'struct bpf_spin_lock' that is at %d", off, reg.Map.SpinLockOff)
	}
	if lock {
		if v.cur.ActiveLock != 0 {
			return v.reject(CodeReference, "Locking two bpf_spin_locks are not allowed")
		}
		v.cur.ActiveLock = reg.ID
		v.cur.ActiveLockPtr = reg.Map
		return nil
	}
	if v.cur.ActiveLock == 0 {
		return v.reject(CodeReference, "bpf_spin_unlock without taking a lock")
	}
	if v.cur.ActiveLockPtr != reg.Map || v.cur.ActiveLock != reg.ID {
		return v.reject(CodeReference, "bpf_spin_unlock of different lock")
	}
	v.cur.ActiveLock = 0
	v.cur.ActiveLockPtr = nil
	return nil
}

// acquireReference records a new reference (acquire_reference_state).
func (v *verifier) acquireReference() uint32 {
	id := v.newID()
	v.cur.Refs = append(v.cur.Refs, ref{ID: id, Insn: v.insnIdx})
	return id
}

// releaseRefState drops a reference from the state's list.
func (s *State) releaseRefState(id uint32) bool {
	for i, r := range s.Refs {
		if r.ID == id {
			s.Refs = append(s.Refs[:i], s.Refs[i+1:]...)
			return true
		}
	}
	return false
}

// releaseReference is release_reference: the reference goes, and every
// register holding it becomes invalid.
func (v *verifier) releaseReference(id uint32) error {
	if !v.cur.releaseRefState(id) {
		return errNotAcquired
	}
	forEachReg(v.cur, func(r *Reg) {
		if r.RefObjID == id {
			markUnknownOrInvalid(r)
		}
	})
	return nil
}

// markUnknownOrInvalid is mark_reg_invalid in privileged mode.
func markUnknownOrInvalid(r *Reg) { markUnknown(r) }

// clearAllPktPointers is clear_all_pkt_pointers: after a helper that may
// move the packet, every packet pointer is stale.
func (v *verifier) clearAllPktPointers() {
	forEachReg(v.cur, func(r *Reg) {
		if isPktPointerAny(r) {
			markUnknownOrInvalid(r)
		}
	})
}

// checkReferenceLeak is check_reference_leak at an exit.
func (v *verifier) checkReferenceLeak() error {
	if len(v.cur.Frames) > 1 {
		return nil
	}
	if len(v.cur.Refs) == 0 {
		return nil
	}
	for _, r := range v.cur.Refs {
		v.log.printf("Unreleased reference id=%d alloc_insn=%d\n", r.ID, r.Insn)
	}
	e := rejectf(v.insnIdx, CodeReference, "Unreleased reference id=%d alloc_insn=%d", v.cur.Refs[0].ID, v.cur.Refs[0].Insn)
	return e
}

// checkFuncCall is check_func_call for a bpf-to-bpf call.
func (v *verifier) checkFuncCall(ins asm.Instruction) (int, error) {
	target := v.insnIdx + int(ins.Imm) + 1
	sub := v.cfg.SubprogAt(target)
	if sub < 0 || v.cfg.Subprogs[sub].Start != target {
		return 0, v.reject(CodeCFG, "verifier bug. No program starts at insn %d", target)
	}
	if len(v.cur.Frames) >= maxCallFrames {
		return 0, v.reject(CodeLimit, "the call stack of %d frames is too deep !", len(v.cur.Frames)+1)
	}
	if v.globalFunc[sub] {
		if err := v.checkGlobalCallArgs(sub); err != nil {
			return 0, err
		}
		if v.log.level&(LogLevel1|LogLevel2) != 0 {
			v.log.printf("Func#%d ('%s') is global and assumed valid.\n", sub, v.subprogName[sub])
		}
		v.called[sub] = true
		regs := &v.cur.cur().Regs
		for _, r := range callerSaved {
			markNotInit(&regs[r])
			regs[r].written = true
			v.scratchReg(r)
		}
		markUnknown(&regs[asm.R0])
		if v.changesPkt[sub] {
			v.clearAllPktPointers()
		}
		return v.insnIdx + 1, nil
	}
	v.enterSubprog(v.cur, sub)
	if caller, callee := v.cur.Frames[len(v.cur.Frames)-2], v.cur.cur(); v.log.level&LogLevel2 != 0 {
		v.log.printf("caller:\n")
		v.printState(caller, true)
		v.log.printf("callee:\n")
		v.printState(callee, true)
	}
	return target, nil
}

// pushCallbackCall is push_callback_call: the callback's body, in a new
// frame, is a path of its own from the helper call; the current path goes
// on after the call. When the callback returns, its path comes back to
// the call, which pushes the next iteration, until the states there
// repeat.
func (v *verifier) pushCallbackCall(sub int, id int32) error {
	if len(v.cur.Frames) >= maxCallFrames {
		return v.reject(CodeLimit, "the call stack of %d frames is too deep", len(v.cur.Frames)+1)
	}
	if sub < 0 || sub >= len(v.cfg.Subprogs) {
		return v.reject(CodeCall, "verifier bug: callback subprogram not found")
	}
	st, err := v.pushStack(v.cfg.Subprogs[sub].Start, v.insnIdx, false)
	if err != nil {
		return err
	}
	caller := st.cur()
	callee := v.newFrame(v.insnIdx, len(st.Frames), sub)
	callee.InCallback = true
	callee.CallbackRetMin, callee.CallbackRetMax = 0, 1
	callee.refsAtEntry = len(st.Refs)
	switch id {
	case helpers.LoopID:
		callee.Regs[asm.R1] = unknownScalar()
		callee.Regs[asm.R2] = caller.Regs[asm.R3]
	case helpers.ForEachMapElemID:
		m := caller.Regs[asm.R1].Map
		callee.Regs[asm.R1] = pointerReg(ConstPtrToMap)
		callee.Regs[asm.R1].Map = m
		callee.Regs[asm.R2] = pointerReg(PtrToMapKey)
		callee.Regs[asm.R2].Map = m
		callee.Regs[asm.R3] = pointerReg(PtrToMapValue)
		callee.Regs[asm.R3].Map = m
		callee.Regs[asm.R4] = caller.Regs[asm.R3]
	}
	for r := asm.R1; r <= asm.R5; r++ {
		callee.Regs[r].written = false
	}
	st.Frames = append(st.Frames, callee)
	st.callbackUnroll++
	caller.callbackDepth++
	v.cur.cur().callbackDepth = 0
	return nil
}

// prepareFuncExit is prepare_func_exit: back to the caller with r0, or,
// from a callback, back to the helper call that runs it again.
func (v *verifier) prepareFuncExit() (int, error) {
	v.updateLiveStack()
	callee := v.cur.cur()
	r0 := &callee.Regs[asm.R0]
	if callee.InCallback {
		if r0.Type == NotInit {
			return 0, v.reject(CodeRegister, "R0 !read_ok")
		}
		if r0.Type != ScalarValue {
			return 0, v.reject(CodeReturn, "R0 not a scalar value")
		}
		v.markPrecise(asm.R0)
		if r0.SMin < callee.CallbackRetMin || r0.SMax > callee.CallbackRetMax {
			return 0, v.reject(CodeReturn, "%s", invalidScalar("At callback return", r0, callee.CallbackRetMin, callee.CallbackRetMax))
		}
		if len(v.cur.Refs) != callee.refsAtEntry {
			r := v.cur.Refs[len(v.cur.Refs)-1]
			return 0, v.reject(CodeReference, "Unreleased reference id=%d alloc_insn=%d", r.ID, r.Insn)
		}
		v.cur.Frames = v.cur.Frames[:len(v.cur.Frames)-1]
		if v.log.level&LogLevel2 != 0 {
			v.log.printf("returning from callee:\n")
			v.printState(callee, true)
			v.log.printf("to caller at %d:\n", callee.Callsite)
			v.printState(v.cur.cur(), true)
		}
		if prev := v.findPrevEntry(callee.Callsite); prev != nil {
			widenImpreciseScalars(prev, v.cur)
		}
		return callee.Callsite, nil
	}
	if r0.Type == PtrToStack {
		return 0, v.reject(CodePointer, "cannot return stack pointer to the caller")
	}
	v.cur.Frames = v.cur.Frames[:len(v.cur.Frames)-1]
	caller := v.cur.cur()
	caller.Regs[asm.R0] = *r0
	caller.Regs[asm.R0].written = true
	if v.log.level&LogLevel2 != 0 {
		v.log.printf("returning from callee:\n")
		v.printState(callee, true)
		v.log.printf("to caller at %d:\n", callee.Callsite+1)
		v.printState(caller, true)
	}
	// Stack pointers into the callee's frame are dead now.
	forEachReg(v.cur, func(r *Reg) {
		if r.Type == PtrToStack && r.Frameno >= len(v.cur.Frames) {
			markUnknown(r)
		}
	})
	return callee.Callsite + 1, nil
}

// refineRetval is do_refine_retval_range: some helpers' integer results
// are known to lie in a range.
func (v *verifier) refineRetval(r0 *Reg, id int32, meta *callMeta) error {
	if r0.Type != ScalarValue {
		return nil
	}
	const maxErrno = 4095
	switch helpers.ID(id) {
	case helpers.FuncGetStack, helpers.FuncGetTaskStack, helpers.FuncProbeReadStr,
		helpers.FuncProbeReadKernelStr, helpers.FuncProbeReadUserStr:
		r0.SMax = int64(meta.msizeMax)
		r0.S32Max = int32(meta.msizeMax)
		r0.SMin = -maxErrno
		r0.S32Min = -maxErrno
		r0.Scalar.Sync()
	case helpers.FuncGetSMPProcessorID:
		n := uint64(runtime.NumCPU() - 1)
		r0.UMin, r0.UMax, r0.SMin, r0.SMax = 0, n, 0, int64(n)
		r0.U32Min, r0.U32Max, r0.S32Min, r0.S32Max = 0, uint32(n), 0, int32(n)
		r0.Scalar.Sync()
	default:
		return nil
	}
	return v.sanity(r0, "retval")
}

// loopInline is what the kernel records of a bpf_loop call to inline it
// (struct bpf_loop_inline_state): the same callback, with flags 0, on
// every path.
type loopInline struct {
	fit      bool
	callback int
}

// updateLoopInlineState is update_loop_inline_state: it marks the flags
// register precise while the call may still be inlined, since inlining
// relies on it being 0.
func (v *verifier) updateLoopInlineState(callback int) {
	st, seen := v.loopInline[v.insnIdx]
	if !seen {
		v.loopInline[v.insnIdx] = loopInline{fit: v.loopFlagIsZero(), callback: callback}
		return
	}
	if !st.fit {
		return
	}
	st.fit = v.loopFlagIsZero() && st.callback == callback
	v.loopInline[v.insnIdx] = st
}

// loopFlagIsZero is loop_flag_is_zero.
func (v *verifier) loopFlagIsZero() bool {
	if !registerIsNull(v.cur.regOf(asm.R4)) {
		return false
	}
	v.markPrecise(asm.R4)
	return true
}

// canElideValueNullness is can_elide_value_nullness: a lookup in these
// maps with a constant key below max_entries cannot return NULL.
func canElideValueNullness(mapType uint32) bool {
	return mapType == mapTypeArray || mapType == mapTypePercpuArray
}

// constantMapKey is get_constant_map_key (Linux 6.14+): the key a stack
// pointer points to, when its bytes are all zero or are one constant
// scalar spilled whole. The spill is marked precise: the verdict on the
// lookup depends on it.
func (v *verifier) constantMapKey(key *Reg, keySize int) (int64, bool) {
	if !v.bpfCapable() || key.Type != PtrToStack || !key.VarOff.IsConst() {
		return 0, false
	}
	f := v.frameOf(key)
	slot := -(int(key.Off) + int(key.VarOff.Value)) - 1
	spi, off := slot/regSize, slot%regSize
	if spi < 0 || spi >= len(f.Stack) {
		return 0, false
	}
	kinds := &f.Stack[spi].Kind
	zeros := 0
	for i := off; i >= 0 && kinds[i] == stackZero; i-- {
		zeros++
	}
	if zeros >= keySize {
		return 0, true
	}
	if !f.Stack[spi].isSpilledScalar() {
		return 0, false
	}
	spill := 0
	for i := off; i >= 0 && kinds[i] == stackSpill; i-- {
		spill++
	}
	if spill != keySize || !f.Stack[spi].Spilled.VarOff.IsConst() {
		return 0, false
	}
	// The kernel marks the slot in the current frame, whichever frame
	// the key is in.
	var bt backtrack
	bt.frame = len(v.cur.Frames) - 1
	if spi < 64 {
		bt.stack[bt.frame] |= 1 << uint(spi)
	}
	v.backtrackFrom(&bt, true)
	return int64(f.Stack[spi].Spilled.VarOff.Value), true
}
