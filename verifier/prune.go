package verifier

// This file implements state pruning (is_state_visited, states_equal): at
// prune points the verifier keeps the states it has seen; a new state
// that one of them, fully explored, already covers needs no more work,
// and a state equal to one still being explored on the same path is an
// infinite loop.
//
// It follows Linux 6.18: only precise scalars are compared by value
// (precision.go); a kept state forgets, once complete, the registers and
// stack slots no path reads again (liveness.go, stackliveness.go); states
// inside loops are compared by range while the loop's precision marks
// may still grow (scc.go). The states kept, compared and evicted are the
// kernel's, so the processed instruction counts are too.

import (
	"github.com/callx/callx/asm"
	"github.com/callx/callx/helpers"
)

// visitedState is one kept state (struct bpf_verifier_state_list).
type visitedState struct {
	st        *State
	hit, miss int
}

// computePrunePoints marks the instructions where states are compared
// and kept, where the kernel's check_cfg marks them (visit_insn,
// visit_func_call_insn, push_insn): a conditional jump and its target, an
// unconditional jump's target, the instruction after any call or
// function address, a bpf-to-bpf call (and an indirect one) itself, and a
// helper call that runs a callback.
func (v *verifier) computePrunePoints() {
	n := len(v.insns)
	v.prune = make([]bool, n+1)
	v.jmpPoint = make([]bool, n+1)
	mark := func(i int) {
		if i >= 0 && i <= n {
			v.prune[i] = true
		}
	}
	jmp := func(i int) {
		if i >= 0 && i <= n {
			v.prune[i] = true
			v.jmpPoint[i] = true
		}
	}
	for i := 0; i < n; i++ {
		ins := v.insns[i]
		if ins.Op == asm.OpLoadImm64 {
			if ins.Src == asm.PseudoFunc {
				jmp(i + 2)
				mark(i)
				jmp(i + int(ins.Imm) + 1)
			}
			i++
			continue
		}
		cls := ins.Op.Class()
		if cls != asm.ClassJMP && cls != asm.ClassJMP32 {
			continue
		}
		switch op := ins.Op.JumpOp(); op {
		case asm.OpExit:
		case asm.OpCall:
			if v.callsCallback(i) {
				jmp(i)
			}
			jmp(i + 1)
			if ins.Src == asm.PseudoCall || ins.Op == asm.OpCallX {
				mark(i)
				if ins.Src == asm.PseudoCall {
					jmp(i + int(ins.Imm) + 1)
				}
			}
		case asm.OpJA:
			t := i + int(ins.Off) + 1
			if cls == asm.ClassJMP32 {
				t = i + int(ins.Imm) + 1
			}
			jmp(t)
		default:
			mark(i)
			jmp(i + int(ins.Off) + 1)
		}
	}
}

// isStateVisited is is_state_visited: it reports whether the current
// state is covered by a kept state, and keeps it otherwise.
func (v *verifier) isStateVisited(idx int) (bool, error) {
	cur := v.cur
	force := v.isForceCheckpoint(idx)
	// Keep the state, as the kernel does, only every so often when the
	// path has not gone far since the last one. callx also keeps a state
	// when the path has gone a long way without one (below: the kernel's
	// global counters can starve a path popped again and again, and
	// precision walks would grow with it).
	// A long history forces a new state too (the kernel's 40 entries).
	forceNew := force || v.opts.Flags&flagTestStateFreq != 0 || cur.kernelHistLen > maxKernelHist
	add := forceNew || (v.jmpsSinceState >= 2 && v.insnsSinceState >= 8)
	v.cleanLiveStates(idx)
	list := v.visited[idx]
	kept := list[:0]
	for k, vs := range list {
		old := vs.st
		loop := false
		hit := false
		if old.branches > 0 {
			// old is still being explored: cur went round a loop.
			switch {
			case v.isMayGoto(idx) && old.mayGotoDepth != cur.mayGotoDepth && v.statesEqual(old, cur, rangeWithin):
				// may_goto's iterations have reached a fixed point.
				loop, hit = true, true
			case v.callsCallback(idx):
				// So have a callback's (calls_callback in the kernel).
				hit = v.statesEqual(old, cur, rangeWithin)
			case len(old.Frames) == len(cur.Frames) && old.mayGotoDepth == cur.mayGotoDepth &&
				old.callbackUnroll == cur.callbackUnroll && v.statesEqual(old, cur, exactState):
				// The same state again is a loop that never ends.
				v.log.printf("infinite loop detected at insn %d\n", idx)
				v.log.printf("cur state:")
				v.printState(cur.cur(), true)
				v.log.printf("old state:")
				v.printState(old.Frames[len(cur.Frames)-1], true)
				return false, rejectf(idx, CodeCFG, "infinite loop detected at insn %d", idx)
			}
			if !hit && !forceNew && v.jmpsSinceState < 20 && v.insnsSinceState < 100 {
				// Inside a loop, keep a state only now and then: the
				// iterations differ, and would not prune each other.
				add = false
			}
		} else {
			// In a loop still being explored, old's precision marks may
			// be incomplete: it covers only what its ranges cover.
			loop = v.incompleteMarks(old)
			exact := notExact
			if loop {
				exact = rangeWithin
			}
			hit = v.statesEqual(old, cur, exact)
		}
		if hit {
			vs.hit++
			v.propagatePrecision(old)
			if loop {
				v.addBackedge(old, idx)
			}
			kept = append(kept, list[k:]...)
			v.visited[idx] = kept
			return true, nil
		}
		// Several iterations of a loop would evict the states recorded
		// earlier: count a miss only when this state will be kept.
		if add {
			vs.miss++
		}
		// A state that keeps missing is unlikely to help: drop it, as the
		// kernel does, later for a forced checkpoint still being explored.
		n := 3
		if force && old.branches > 0 {
			n = 64
		}
		if vs.miss > vs.hit*n+n {
			v.curStates--
			continue
		}
		kept = append(kept, vs)
	}
	// The kernel counts the states it compared with, evicted ones too.
	v.stats.MaxStatesPerInsn = max(v.stats.MaxStatesPerInsn, len(list))
	list = kept
	v.visited[idx] = list
	if !add && cur.histLen <= maxSegment {
		return false, nil
	}
	v.jmpsSinceState, v.insnsSinceState = 0, 0
	ks := cur.clone()
	ks.Insn = idx
	ks.branches = 1
	ks.parent = cur.parent
	cur.hist = nil
	cur.histLen = 0
	cur.kernelHistLen = 0
	// Newest first, as the kernel adds to the head of its list: a state
	// is compared with the latest iterations first.
	v.visited[idx] = append([]*visitedState{{st: ks}}, list...)
	v.stats.TotalStates++
	v.curStates++
	if v.curStates > v.stats.PeakStates {
		v.stats.PeakStates = v.curStates
	}
	cur.parent = ks
	v.maybeEnterSCC(ks)
	// Writes from here on are not the kept state's.
	for _, f := range cur.Frames {
		for i := range f.Regs {
			f.Regs[i].written = false
		}
		for i := range f.Stack {
			f.Stack[i].Spilled.written = false
		}
	}
	return false, nil
}

// maxSegment is how many instructions a path goes without a kept state
// before one is kept at the next prune point (callx's own bound on
// precision walks; the kernel's is maxKernelHist).
const maxSegment = 1024

// maxKernelHist is how long the kernel lets a path's history grow
// before it forces a new state.
const maxKernelHist = 40

// isForceCheckpoint is is_force_checkpoint: the instructions where a
// loop's iterations are compared, so a state is always kept there.
func (v *verifier) isForceCheckpoint(i int) bool {
	return v.callsCallback(i) || v.isMayGoto(i)
}

// isMayGoto reports whether instruction i is a may_goto.
func (v *verifier) isMayGoto(i int) bool {
	return v.insns[i].Op == asm.OpCode(asm.ClassJMP)|asm.OpCode(asm.OpJCond)
}

// callsCallback reports whether instruction i is a helper call that runs
// a callback (bpf_loop, bpf_for_each_map_elem).
func (v *verifier) callsCallback(i int) bool {
	ins := v.insns[i]
	return ins.IsHelperCall() && (ins.Imm == helpers.LoopID || ins.Imm == helpers.ForEachMapElemID)
}

// idMap pairs ids of the old state with ids of the current one
// (check_ids): the same old id must always meet the same current id.
type idMap struct {
	pairs []idPair
	tmp   uint32
}

type idPair struct{ old, cur uint32 }

// checkScalar is check_scalar_ids: an unlinked scalar gets a fresh id, so
// that an old unlinked scalar cannot meet a current linked one twice.
func (m *idMap) checkScalar(oldID, curID uint32) bool {
	if oldID == 0 {
		m.tmp++
		oldID = 1<<30 | m.tmp
	}
	if curID == 0 {
		m.tmp++
		curID = 1<<30 | m.tmp
	}
	return m.check(oldID, curID)
}

func (m *idMap) check(oldID, curID uint32) bool {
	if oldID == 0 && curID == 0 {
		return true
	}
	if oldID == 0 || curID == 0 {
		return false
	}
	for _, p := range m.pairs {
		if p.old == oldID || p.cur == curID {
			return p.old == oldID && p.cur == curID
		}
	}
	m.pairs = append(m.pairs, idPair{oldID, curID})
	return true
}

// statesEqual reports whether every concrete state cur stands for is one
// that old stands for (exact: the same abstract state).
// exactLevel is how closely states must match (enum exact_level).
type exactLevel int

const (
	notExact    exactLevel = iota // imprecise scalars and dead registers match anything
	rangeWithin                   // every scalar's range must cover the current one's
	exactState                    // the same abstract state
)

// cleanLiveStates is clean_live_states: the complete kept states at idx,
// under the current state's call sites, forget once what no path from
// them reads: dead registers and dead stack slots become uninitialised,
// which matches anything when the states are compared.
func (v *verifier) cleanLiveStates(idx int) {
	for _, vs := range v.visited[idx] {
		st := vs.st
		if st.branches > 0 || st.cleaned || !sameCallsites(st, v.cur) || v.incompleteMarks(st) {
			continue
		}
		st.cleaned = true
		last := len(st.Frames) - 1
		for i, f := range st.Frames {
			// A caller's registers are live as at its call.
			ip := st.Insn
			if i < last {
				ip = st.Frames[i+1].Callsite
			}
			live := v.liveness.in[ip]
			for r := 0; r < int(asm.R10); r++ {
				if live&(1<<r) == 0 {
					markNotInit(&f.Regs[r])
				}
			}
			for spi := range f.Stack {
				if spi >= 64 || !v.stackSlotAlive(st, i, spi) {
					markNotInit(&f.Stack[spi].Spilled)
					f.Stack[spi].Kind = [regSize]slotType{}
				}
			}
		}
	}
}

// sameCallsites is same_callsites: the two states are in the same
// functions, called from the same places.
func sameCallsites(a, b *State) bool {
	if len(a.Frames) != len(b.Frames) {
		return false
	}
	for i := range a.Frames {
		if a.Frames[i].Callsite != b.Frames[i].Callsite {
			return false
		}
	}
	return true
}

func (v *verifier) statesEqual(old, cur *State, exact exactLevel) bool {
	if len(old.Frames) != len(cur.Frames) || old.Speculative != cur.Speculative || old.ActiveRCU != cur.ActiveRCU {
		return false
	}
	if old.ActiveLock != 0 || cur.ActiveLock != 0 {
		if old.ActiveLockPtr != cur.ActiveLockPtr || (old.ActiveLock == 0) != (cur.ActiveLock == 0) {
			return false
		}
	}
	var ids idMap
	if old.ActiveLock != 0 && !ids.check(old.ActiveLock, cur.ActiveLock) {
		return false
	}
	if len(old.Refs) != len(cur.Refs) {
		return false
	}
	for i := range old.Refs {
		if !ids.check(old.Refs[i].ID, cur.Refs[i].ID) {
			return false
		}
	}
	for i := range old.Frames {
		of, cf := old.Frames[i], cur.Frames[i]
		if of.Callsite != cf.Callsite || of.Subprog != cf.Subprog || of.InCallback != cf.InCallback {
			return false
		}
		// A callback iteration deeper than the current one covers
		// nothing: bpf_loop counts its iterations in the frame.
		if of.callbackDepth > cf.callbackDepth {
			return false
		}
		// A callback iteration deeper than the current one covers
		// nothing: bpf_loop counts its iterations in the frame.
		if of.callbackDepth > cf.callbackDepth {
			return false
		}
		for r := 0; r < numRegs; r++ {
			if !regSafe(&of.Regs[r], &cf.Regs[r], &ids, exact) {
				return false
			}
		}
		if !stackSafe(of, cf, &ids, exact, !v.allowUninitStack()) {
			return false
		}
	}
	return true
}

// regSafe is regsafe: old covers cur.
func regSafe(old, cur *Reg, ids *idMap, exact exactLevel) bool {
	if exact == exactState {
		return regExact(old, cur, ids)
	}
	if old.Type == NotInit {
		return exact == notExact || cur.Type == NotInit
	}
	if cur.Type == NotInit {
		return false
	}
	if old.Type != cur.Type {
		return false
	}
	switch old.Type.Base() {
	case ScalarValue:
		if !old.Precise && exact == notExact {
			return true
		}
		if !ids.checkScalar(old.ID, cur.ID) {
			return false
		}
		if old.ID&addConstFlag != cur.ID&addConstFlag || (old.ID&addConstFlag != 0 && old.Off != cur.Off) {
			return false
		}
		return scalarRangeWithin(&old.Scalar, &cur.Scalar) && cur.VarOff.In(old.VarOff)
	case PtrToMapKey, PtrToMapValue, PtrToMem, PtrToBuf, PtrToTPBuffer:
		if old.Map != cur.Map || old.MemSize != cur.MemSize || old.Off != cur.Off {
			return false
		}
		return scalarRangeWithin(&old.Scalar, &cur.Scalar) && cur.VarOff.In(old.VarOff) &&
			ids.check(old.ID, cur.ID) && ids.check(old.RefObjID, cur.RefObjID)
	case PtrToPacketMeta, PtrToPacket:
		if old.Range > cur.Range || (old.Range < 0 && old.Range != cur.Range) {
			return false
		}
		if old.Off != cur.Off {
			return false
		}
		if !ids.check(old.ID, cur.ID) {
			return false
		}
		return scalarRangeWithin(&old.Scalar, &cur.Scalar) && cur.VarOff.In(old.VarOff)
	case PtrToStack:
		return old.Frameno == cur.Frameno && old.Off == cur.Off &&
			scalarRangeWithin(&old.Scalar, &cur.Scalar) && cur.VarOff.In(old.VarOff)
	case ConstPtrToMap:
		return old.Map == cur.Map
	case PtrToFunc:
		return old.Subprog == cur.Subprog && old.Off == cur.Off && old.FuncSet == cur.FuncSet && old.Slot == cur.Slot
	default:
		return regExact(old, cur, ids)
	}
}

// regExact compares two registers field by field, ids through the map.
func regExact(old, cur *Reg, ids *idMap) bool {
	if old.Type != cur.Type || old.Off != cur.Off || old.Scalar != cur.Scalar || old.Range != cur.Range ||
		old.Map != cur.Map || old.MemSize != cur.MemSize || old.Frameno != cur.Frameno ||
		old.Subprog != cur.Subprog || old.BTFName != cur.BTFName || old.FuncSet != cur.FuncSet || old.Slot != cur.Slot {
		return false
	}
	return ids.check(old.ID, cur.ID) && ids.check(old.RefObjID, cur.RefObjID)
}

// scalarRangeWithin is range_within.
func scalarRangeWithin(old, cur *Scalar) bool {
	return old.UMin <= cur.UMin && old.UMax >= cur.UMax &&
		old.SMin <= cur.SMin && old.SMax >= cur.SMax &&
		old.U32Min <= cur.U32Min && old.U32Max >= cur.U32Max &&
		old.S32Min <= cur.S32Min && old.S32Max >= cur.S32Max
}

// stackSafe is stacksafe: every stack byte the old state had
// initialised must be covered by the current one.
func stackSafe(old, cur *Frame, ids *idMap, exact exactLevel, unpriv bool) bool {
	oldN, curN := len(old.Stack)*regSize, len(cur.Stack)*regSize
	for i := 0; i < oldN; i++ {
		spi, b := i/regSize, i%regSize
		os := &old.Stack[spi]
		ok := os.Kind[b]
		if exact != notExact && (i >= curN || ok != cur.Stack[spi].Kind[b]) {
			return false
		}
		if ok == stackInvalid {
			continue
		}
		if !unpriv && ok == stackMisc {
			continue
		}
		if i >= curN {
			return false
		}
		cs := &cur.Stack[spi]
		oldReg, curReg := scalarRegForStack(os), scalarRegForStack(cs)
		if oldReg != nil && curReg != nil {
			if !regSafe(oldReg, curReg, ids, exact) {
				return false
			}
			i += regSize - 1 - b
			continue
		}
		ck := cs.Kind[b]
		if ok == stackMisc && ck == stackZero {
			continue
		}
		if ok != ck {
			return false
		}
		if b != regSize-1 {
			continue
		}
		if os.Kind[regSize-1] == stackSpill && !regSafe(&os.Spilled, &cs.Spilled, ids, exact) {
			return false
		}
	}
	return true
}

// scalarRegForStack is scalar_reg_for_stack: a spilled 64-bit scalar, or
// an unknown scalar for a slot of misc bytes.
func scalarRegForStack(s *stackSlot) *Reg {
	if s.isSpilledScalar() && s.Kind == [regSize]slotType{stackSpill, stackSpill, stackSpill, stackSpill, stackSpill, stackSpill, stackSpill, stackSpill} {
		return &s.Spilled
	}
	for _, k := range s.Kind {
		if k != stackMisc {
			return nil
		}
	}
	r := unknownScalar()
	return &r
}

// findPrevEntry is find_prev_entry: the kept state at insn that is an
// ancestor of the current path (the previous iteration of a loop or
// callback), if any.
func (v *verifier) findPrevEntry(insn int) *State {
	// The nearest kept ancestor at insn: walk the path back, not the
	// list of states (the kernel's dfs_depth test), and not too far.
	n := 0
	for p := v.cur.parent; p != nil && n < maxPrevEntryWalk; p, n = p.parent, n+1 {
		if p.Insn != insn || p.branches == 0 || len(p.Frames) != len(v.cur.Frames) {
			continue
		}
		same := true
		for i := range p.Frames {
			if p.Frames[i].Callsite != v.cur.Frames[i].Callsite {
				same = false
			}
		}
		if same {
			return p
		}
	}
	return nil
}

// maxPrevEntryWalk bounds how far back findPrevEntry looks; without a
// previous entry the iterations are not widened, which only costs
// precision.
const maxPrevEntryWalk = 256

// widenImpreciseScalars is widen_imprecise_scalars: a scalar that is not
// precise and changed since the previous iteration becomes unknown, so
// that the iterations reach a fixed point.
func widenImpreciseScalars(old, cur *State) {
	var ids idMap
	widen := func(o, c *Reg) {
		if o.Type != ScalarValue || c.Type != ScalarValue || o.Precise || c.Precise || regExact(o, c, &ids) {
			return
		}
		markUnknown(c)
	}
	for fr := len(old.Frames) - 1; fr >= 0; fr-- {
		fo, fc := old.Frames[fr], cur.Frames[fr]
		for i := range fo.Regs {
			widen(&fo.Regs[i], &fc.Regs[i])
		}
		for i := 0; i < len(fo.Stack) && i < len(fc.Stack); i++ {
			if fo.Stack[i].isSpill() && fc.Stack[i].isSpill() {
				widen(&fo.Stack[i].Spilled, &fc.Stack[i].Spilled)
			}
		}
	}
}
