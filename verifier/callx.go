package verifier

// This file implements indirect calls (INDIRECT-CALLS.md): where function
// values come from — a frozen table of functions in read-only global data
// (the closed world: every target is known and verified as a direct
// call), or an open-world slot in writable global data typed by its BTF
// FUNC_PROTO (func_or_null until checked against NULL) — what `callx`
// requires of its register and arguments, and what may be written into a
// slot.

import (
	"sort"
	"strconv"
	"strings"

	"github.com/callx/callx/asm"
	"github.com/cilium/ebpf/btf"
)

// SlotInfo is an open-world function-pointer slot in a writable global
// data map: Count pointers of prototype Proto, 8 bytes apart, from Offset.
type SlotInfo struct {
	Name   string
	Offset uint32
	Count  uint32
	Proto  *btf.FuncProto
}

// SlotBudget is what the verifier learnt about the calls through a slot:
// the deepest call-frame count and combined stack below which a callee
// filled into it runs (INDIRECT-CALLS.md, budgets).
type SlotBudget struct {
	Slot   *SlotInfo
	Frames int // frames in use at the deepest callx through the slot, the caller's included
	Stack  int // their combined stack depth in bytes, each frame rounded up to 32
}

// funcSet is the set of functions a register may hold after a load from
// a function table at a variable offset.
type funcSet struct {
	subprogs []int
	key      string
}

// internFuncSet returns the one funcSet for these subprograms.
func (v *verifier) internFuncSet(subs []int) *funcSet {
	sort.Ints(subs)
	var b strings.Builder
	for _, s := range subs {
		b.WriteString(strconv.Itoa(s))
		b.WriteByte(',')
	}
	k := b.String()
	if v.funcSets == nil {
		v.funcSets = map[string]*funcSet{}
	}
	if fs, ok := v.funcSets[k]; ok {
		return fs
	}
	fs := &funcSet{subprogs: subs, key: k}
	v.funcSets[k] = fs
	return fs
}

// slotAtOffset returns the open-world slot an access of size bytes at off
// in a map value overlaps, and whether the access covers exactly one of
// its elements.
func slotAtOffset(m *MapInfo, off int64, size int) (s *SlotInfo, exact bool) {
	for _, sl := range m.Slots {
		start := int64(sl.Offset)
		end := start + 8*int64(sl.Count)
		if off < end && off+int64(size) > start {
			return sl, size == 8 && (off-start)%8 == 0
		}
	}
	return nil, false
}

// slotsOverlap reports whether [lo, hi) of a map value touches a slot.
func slotsOverlap(m *MapInfo, lo, hi int64) *SlotInfo {
	for _, sl := range m.Slots {
		start := int64(sl.Offset)
		end := start + 8*int64(sl.Count)
		if lo < end && hi > start {
			return sl
		}
	}
	return nil
}

// loadFuncValue types an 8-byte load from a map value that holds function
// pointers: a function (or a set of them) from a read-only table, or
// func_or_null from an open-world slot. It reports false when the load
// is an ordinary one.
func (v *verifier) loadFuncValue(reg *Reg, off, size int, dst *Reg) (bool, error) {
	m := reg.Map
	if m == nil || (len(m.FuncTable) == 0 && len(m.Slots) == 0) {
		return false, nil
	}
	if m.ReadOnly && len(m.FuncTable) > 0 {
		if size != 8 {
			return false, nil
		}
		lo := int64(off) + reg.SMin
		hi := int64(off) + int64(reg.UMax)
		if !reg.VarOff.IsConst() && (!reg.VarOff.Add(TnumConst(uint64(int64(off)))).IsAligned(8) || hi-lo > 8*int64(maxSubprogs)) {
			return false, nil
		}
		if reg.VarOff.IsConst() {
			lo = int64(off) + int64(reg.VarOff.Value)
			hi = lo
		}
		var subs []int
		seen := map[int]bool{}
		for o := lo; o <= hi; o += 8 {
			slot, ok := m.FuncTable[uint32(o)]
			if !ok {
				return false, nil // an entry that is not a function: a plain load
			}
			sub := v.cfg.SubprogAt(slot)
			if sub < 0 || v.cfg.Subprogs[sub].Start != slot {
				return false, nil
			}
			if !seen[sub] {
				seen[sub] = true
				subs = append(subs, sub)
			}
		}
		markKnownZeroPtr(dst, PtrToFunc)
		if len(subs) == 1 {
			dst.Subprog = subs[0]
		} else {
			dst.Subprog = -1
			dst.FuncSet = v.internFuncSet(subs)
		}
		return true, nil
	}
	if !reg.VarOff.IsConst() {
		if lo, hi := int64(off)+reg.SMin, int64(off)+int64(reg.UMax)+int64(size); slotsOverlap(m, lo, hi) != nil {
			// A variable index into a writable table of slots: each
			// element has the same prototype when it is one array.
			sl, _ := slotAtOffset(m, lo, size)
			if sl != nil && size == 8 && lo >= int64(sl.Offset) && hi <= int64(sl.Offset)+8*int64(sl.Count) &&
				reg.VarOff.Add(TnumConst(uint64(int64(off)-int64(sl.Offset)))).IsAligned(8) {
				markKnownZeroPtr(dst, PtrToFunc|PtrMaybeNull)
				dst.Slot = sl
				dst.ID = v.newID()
				return true, nil
			}
		}
		return false, nil
	}
	at := int64(off) + int64(reg.VarOff.Value)
	sl, exact := slotAtOffset(m, at, size)
	if sl == nil || !exact {
		return false, nil
	}
	markKnownZeroPtr(dst, PtrToFunc|PtrMaybeNull)
	dst.Slot = sl
	dst.ID = v.newID()
	return true, nil
}

// checkSlotStore is the open world's rule for writes into slots: an
// 8-byte store of a function whose prototype matches the slot's, or of
// zero. Everything else that overlaps a slot is refused, naming it.
func (v *verifier) checkSlotStore(reg *Reg, off, size int, value *Reg, imm int32, isImm bool) error {
	m := reg.Map
	if m == nil || len(m.Slots) == 0 {
		return nil
	}
	lo := int64(off) + reg.SMin
	hi := int64(off) + int64(reg.UMax) + int64(size)
	sl := slotsOverlap(m, lo, hi)
	if sl == nil {
		return nil
	}
	exact := reg.VarOff.IsConst()
	if exact {
		_, exact = slotAtOffset(m, int64(off)+int64(reg.VarOff.Value), size)
	}
	if !exact {
		return v.reject(CodeCall, "store of %d bytes into function pointer slot %s is not allowed", size, sl.Name)
	}
	switch {
	case isImm && imm == 0:
		return nil
	case value != nil && registerIsNull(value):
		return nil
	case value != nil && value.Type == PtrToFunc && value.Slot == nil && value.FuncSet == nil:
		if fp := v.funcProtos[value.Subprog]; fp == nil || !protoCompatible(sl.Proto, fp) {
			return v.reject(CodeCall, "function %s does not match the prototype of slot %s", v.subprogName[value.Subprog], sl.Name)
		}
		return nil
	case value != nil && value.Type == PtrToFunc && value.Slot != nil:
		if !protoCompatible(sl.Proto, value.Slot.Proto) {
			return v.reject(CodeCall, "function pointer of slot %s does not match the prototype of slot %s", value.Slot.Name, sl.Name)
		}
		return nil
	}
	what := "an unknown value"
	if value != nil {
		what = value.Type.String()
	}
	return v.reject(CodeCall, "only a matching function or 0 may be stored into function pointer slot %s, not %s", sl.Name, what)
}

// protoCompatible is the structural match of two function prototypes:
// the same number of parameters, struct pointers by struct name,
// integers by size, and the same kind of result.
func protoCompatible(a, b *btf.FuncProto) bool {
	if a == nil || b == nil || len(a.Params) != len(b.Params) {
		return false
	}
	for i := range a.Params {
		if !typeCompatible(a.Params[i].Type, b.Params[i].Type) {
			return false
		}
	}
	return typeCompatible(a.Return, b.Return)
}

func typeCompatible(a, b btf.Type) bool {
	a, b = btf.UnderlyingType(a), btf.UnderlyingType(b)
	switch at := a.(type) {
	case *btf.Void:
		_, ok := b.(*btf.Void)
		return ok
	case *btf.Int, *btf.Enum:
		sa, err1 := btf.Sizeof(a)
		sb, err2 := btf.Sizeof(b)
		_, bi := b.(*btf.Int)
		_, be := b.(*btf.Enum)
		return err1 == nil && err2 == nil && sa == sb && (bi || be)
	case *btf.Pointer:
		bp, ok := b.(*btf.Pointer)
		if !ok {
			return false
		}
		return structName(at.Target) == structName(bp.Target)
	}
	return false
}

// structName is the name of the struct (or forward declaration) a type
// resolves to, or "" for anything else.
func structName(t btf.Type) string {
	switch t := btf.UnderlyingType(t).(type) {
	case *btf.Struct:
		return t.Name
	case *btf.Fwd:
		return t.Name
	}
	return ""
}

// ctxTwins are the kernel structs behind each UAPI context, which a
// prototype may name instead.
var ctxTwins = map[string]string{"xdp_buff": "xdp_md", "sk_buff": "__sk_buff"}

// checkCallX is the `callx` instruction.
func (v *verifier) checkCallX(ins asm.Instruction) (int, error) {
	if ins.Src != 0 || ins.Off != 0 || ins.Imm != 0 {
		return 0, v.reject(CodeInsn, "BPF_CALL|BPF_X uses reserved fields")
	}
	r := ins.Dst
	if err := v.checkReg(r, srcOp); err != nil {
		return 0, err
	}
	reg := *v.cur.regOf(r)
	switch {
	case reg.Type == PtrToFunc|PtrMaybeNull:
		return 0, v.reject(CodeCall, "R%d invalid func pointer: func_or_null, check it against NULL first", r)
	case reg.Type != PtrToFunc:
		return 0, v.reject(CodeCall, "R%d has type %s, expected func", r, reg.Type)
	}
	if reg.Off != 0 {
		return 0, v.reject(CodePointer, "dereference of modified func ptr R%d off=%d disallowed", r, reg.Off)
	}
	if !reg.VarOff.IsConst() || reg.VarOff.Value != 0 {
		return 0, v.reject(CodePointer, "variable func access var_off=%s disallowed", reg.VarOff)
	}
	if reg.Slot != nil {
		return v.callSlot(r, &reg)
	}
	targets := []int{reg.Subprog}
	if reg.FuncSet != nil {
		targets = reg.FuncSet.subprogs
	}
	for _, sub := range targets {
		if sub < 0 || sub >= len(v.cfg.Subprogs) {
			return 0, v.reject(CodeCall, "callx target is not a function")
		}
		if v.globalFunc[sub] {
			return 0, v.reject(CodeCall, "callx target %s is not a static function", v.subprogName[sub])
		}
		if len(v.cur.Frames) >= maxCallFrames {
			return 0, v.reject(CodeLimit, "the call stack of %d frames is too deep !", len(v.cur.Frames)+1)
		}
		caller := v.cur.cur().Subprog
		v.callxEdges[caller] = append(v.callxEdges[caller], sub)
	}
	// Every target but the first is a path of its own.
	for _, sub := range targets[1:] {
		st, err := v.pushStack(v.cfg.Subprogs[sub].Start, v.insnIdx, false)
		if err != nil {
			return 0, err
		}
		v.enterSubprog(st, sub)
	}
	v.enterSubprog(v.cur, targets[0])
	return v.cfg.Subprogs[targets[0]].Start, nil
}

// enterSubprog pushes a frame for a static call of sub from the current
// instruction onto st (setup_func_entry): r1-r5 pass, the caller's become
// unreadable.
func (v *verifier) enterSubprog(st *State, sub int) {
	caller := st.cur()
	callee := v.newFrame(v.insnIdx, len(st.Frames), sub)
	for r := asm.R1; r <= asm.R5; r++ {
		callee.Regs[r] = caller.Regs[r]
		callee.Regs[r].written = false
	}
	for _, r := range callerSaved {
		markNotInit(&caller.Regs[r])
	}
	st.Frames = append(st.Frames, callee)
	if st == v.cur {
		// The call's own stack writes are not recorded: the current
		// function changed (bpf_reset_live_stack_callchain).
		v.stackLive.writeInst = nil
		v.stackLive.cur = nil
	}
}

// callSlot is callx through an open-world slot: the arguments against
// the slot's prototype, then the callee's effects as the prototype says.
func (v *verifier) callSlot(r asm.Register, reg *Reg) (int, error) {
	sl := reg.Slot
	p := sl.Proto
	if p == nil || len(p.Params) > 5 {
		return 0, v.reject(CodeCall, "slot %s has no usable prototype", sl.Name)
	}
	regs := &v.cur.cur().Regs
	for i, param := range p.Params {
		argno := asm.R1 + asm.Register(i)
		if err := v.checkReg(argno, srcOp); err != nil {
			return 0, err
		}
		a := &regs[argno]
		switch t := btf.UnderlyingType(param.Type).(type) {
		case *btf.Int, *btf.Enum:
			if a.Type != ScalarValue {
				return 0, v.reject(CodeCall, "R%d is %s, slot %s argument %d expects a scalar", argno, a.Type, sl.Name, i+1)
			}
		case *btf.Pointer:
			name := structName(t.Target)
			want := ctxStructName(v.opts.Type)
			if twin, ok := ctxTwins[name]; ok {
				name = twin
			}
			if name == "" || name != want || a.Type != PtrToCtx {
				return 0, v.reject(CodeCall, "R%d is %s, slot %s argument %d expects the context (struct %s *)", argno, a.Type, sl.Name, i+1, structName(t.Target))
			}
			if err := v.checkPtrOffReg(a, argno, false); err != nil {
				return 0, err
			}
		default:
			return 0, v.reject(CodeUnsupported, "callx: slot %s argument %d of this type is not supported yet", sl.Name, i+1)
		}
	}
	v.recordSlotBudget(sl)
	for _, cr := range callerSaved {
		markNotInit(&regs[cr])
		regs[cr].written = true
		v.scratchReg(cr)
	}
	switch t := btf.UnderlyingType(p.Return).(type) {
	case *btf.Void:
	case *btf.Int, *btf.Enum:
		markUnknown(&regs[asm.R0])
		if size, err := btf.Sizeof(t); err == nil && size < 8 {
			regs[asm.R0].Scalar.CoerceToSize(size)
		}
	default:
		return 0, v.reject(CodeUnsupported, "callx: slot %s returns a type that is not supported yet", sl.Name)
	}
	return v.insnIdx + 1, nil
}

// recordSlotBudget notes the frames and stack in use at a call through
// a slot.
func (v *verifier) recordSlotBudget(sl *SlotInfo) {
	frames := len(v.cur.Frames)
	stack := 0
	for _, f := range v.cur.Frames {
		stack += max((v.stackDepth[f.Subprog]+31)&^31, 32)
	}
	b := v.slotBudgets[sl]
	if b == nil {
		b = &SlotBudget{Slot: sl}
		v.slotBudgets[sl] = b
	}
	b.Frames = max(b.Frames, frames)
	b.Stack = max(b.Stack, stack)
}
