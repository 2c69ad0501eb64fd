package verifier

// This file implements the kernel's (6.18) stack liveness analysis: which
// stack slots some path may still read at an instruction. Pruning forgets
// the others in a state it keeps, as it forgets dead registers
// (liveness.go).
//
// The walk reports every stack read and every full 8-byte stack write,
// per call chain (the call sites that led to the function, and the
// function) and instruction. Joined over the paths walked so far, a read
// may happen ("may read", a union) and a write must happen ("must
// write", an intersection). When a path ends or a function returns, a
// backward dataflow over the function's instructions turns them into the
// slots live before each instruction, and what a function reads of, or
// surely writes into, its callers' frames is carried to the call site.

import (
	"strconv"
	"strings"
)

// liveChain names a function as the walk reached it: the call sites of
// the frames above, and the function's first instruction (the kernel's
// struct callchain in liveness.c).
type liveChain struct {
	callsites [maxCallFrames]int
	curframe  int
}

// String is fmt_callchain: "(callsite,...,start)".
func (c liveChain) String() string {
	var b strings.Builder
	b.WriteByte('(')
	for i := 0; i <= c.curframe; i++ {
		if i > 0 {
			b.WriteByte(',')
		}
		b.WriteString(strconv.Itoa(c.callsites[i]))
	}
	b.WriteByte(')')
	return b.String()
}

// slotMasks are one instruction's marks for the slots of one frame, a
// bit per slot (struct per_frame_masks).
type slotMasks struct {
	mayRead      uint64 // slots the instruction may read
	mustWrite    uint64 // slots it surely writes whole
	mustWriteAcc uint64 // slots it or every path after it surely writes
	liveBefore   uint64 // slots it or a path after it may read
}

// funcInstance is a function under one call chain (struct func_instance).
type funcInstance struct {
	chain    liveChain
	spStarts [maxCallFrames]int
	// frames[f][i] are the marks for frame f's slots at instruction
	// start+i, nil until one is made.
	frames           [maxCallFrames][]slotMasks
	mustWriteSet     []bool // the instruction's must-write was set once
	updated          bool   // marks changed since the last dataflow
	mustWriteDropped bool   // a must-write shrank
}

func (fi *funcInstance) start() int { return fi.chain.callsites[fi.chain.curframe] }

// masks returns the marks of frame f at instruction insn, nil when none
// were made.
func (fi *funcInstance) masks(f, insn int) *slotMasks {
	if fi.frames[f] == nil {
		return nil
	}
	return &fi.frames[f][insn-fi.start()]
}

// allocMasks returns the marks of frame f at instruction insn, making
// the frame's marks on first use.
func (fi *funcInstance) allocMasks(f, insn int) *slotMasks {
	if fi.frames[f] == nil {
		fi.frames[f] = make([]slotMasks, len(fi.mustWriteSet))
	}
	return fi.masks(f, insn)
}

// stackLiveness is the analysis (struct bpf_liveness).
type stackLiveness struct {
	instances map[liveChain]*funcInstance
	// cur is the current state's innermost instance, nil until asked
	// for after the state's functions change (the kernel's cur_instance).
	cur *funcInstance
	// The full writes of the instruction being checked, per frame.
	writeAcc  [maxCallFrames]uint64
	writeInsn int
	writeInst *funcInstance
	// postorder lists each subprogram's instructions, successors first.
	postorder [][]int
}

// newStackLiveness prepares the analysis for v's program.
func newStackLiveness(v *verifier) *stackLiveness {
	l := &stackLiveness{instances: map[liveChain]*funcInstance{}}
	for _, sp := range v.cfg.Subprogs {
		l.postorder = append(l.postorder, v.postorder(sp))
	}
	return l
}

// postorder is the depth-first postorder of a subprogram's instructions
// from its start, fall-through edges before jumps, calls not entering
// their callees (the kernel's insn_postorder).
func (v *verifier) postorder(sp Subprog) []int {
	seen := make([]bool, sp.End-sp.Start)
	var order []int
	type frame struct{ insn, next int }
	stack := []frame{{insn: sp.Start}}
	seen[0] = true
	for len(stack) > 0 {
		top := &stack[len(stack)-1]
		succ := v.successors(top.insn)
		if top.next < len(succ) {
			w := succ[top.next]
			top.next++
			if w >= sp.Start && w < sp.End && !seen[w-sp.Start] {
				seen[w-sp.Start] = true
				stack = append(stack, frame{insn: w})
			}
			continue
		}
		order = append(order, top.insn)
		stack = stack[:len(stack)-1]
	}
	return order
}

// successors is bpf_insn_successors: the instructions control may go
// to next within the function.
func (v *verifier) successors(i int) []int {
	_, _, next := v.useDef(i)
	return next
}

// chainOf is compute_callchain: the call chain of st's frame f.
func (v *verifier) chainOf(st *State, f int) (liveChain, [maxCallFrames]int) {
	var c liveChain
	var starts [maxCallFrames]int
	for i := 0; i <= f; i++ {
		starts[i] = v.cfg.Subprogs[st.Frames[i].Subprog].Start
		if i < f {
			c.callsites[i] = st.Frames[i+1].Callsite
		}
	}
	c.curframe = f
	c.callsites[f] = starts[f]
	return c, starts
}

// instance returns the function instance of a call chain, made on first
// use.
func (v *verifier) instance(c liveChain, starts [maxCallFrames]int) *funcInstance {
	l := v.stackLive
	if fi := l.instances[c]; fi != nil {
		return fi
	}
	sp := v.cfg.Subprogs[v.cfg.SubprogAt(c.callsites[c.curframe])]
	fi := &funcInstance{chain: c, spStarts: starts, mustWriteSet: make([]bool, sp.End-sp.Start)}
	l.instances[c] = fi
	return fi
}

// instanceOf returns the instance of st's frame f.
func (v *verifier) instanceOf(st *State, f int) *funcInstance {
	return v.instance(v.chainOf(st, f))
}

// markStackRead is bpf_mark_stack_read: the current instruction may read
// the slots of frame f in mask.
func (v *verifier) markStackRead(f int, mask uint64) {
	markRead(v.curInstance(), f, v.insnIdx, mask)
}

func markRead(fi *funcInstance, f, insn int, mask uint64) {
	m := fi.allocMasks(f, insn)
	if m.mayRead|mask != m.mayRead && (m.mayRead|mask|m.liveBefore) != m.liveBefore {
		fi.updated = true
	}
	m.mayRead |= mask
}

// markStackWrite is bpf_mark_stack_write: the current instruction writes
// the slots of frame f in mask whole.
func (v *verifier) markStackWrite(f int, mask uint64) {
	v.stackLive.writeAcc[f] |= mask
}

// resetStackWrites is bpf_reset_stack_write_marks, before an instruction.
func (v *verifier) resetStackWrites() {
	v.resetWritesFor(v.curInstance(), v.insnIdx)
}

// curInstance is the current state's innermost function instance, looked
// up once per change of the state's functions: a call resets it
// (enterSubprog), and so does every return and path's end
// (updateLiveStack), as bpf_reset_live_stack_callchain does.
func (v *verifier) curInstance() *funcInstance {
	l := v.stackLive
	if l.cur == nil {
		l.cur = v.instanceOf(v.cur, len(v.cur.Frames)-1)
	}
	return l.cur
}

func (v *verifier) resetWritesFor(fi *funcInstance, insn int) {
	l := v.stackLive
	l.writeInst, l.writeInsn = fi, insn
	for i := range l.writeAcc {
		l.writeAcc[i] = 0
	}
}

// commitStackWrites is bpf_commit_stack_write_marks, after an
// instruction: what it wrote joins what it wrote on other paths.
func (v *verifier) commitStackWrites() {
	l := v.stackLive
	fi := l.writeInst
	if fi == nil {
		return
	}
	idx := l.writeInsn - fi.start()
	for f := 0; f <= fi.chain.curframe; f++ {
		mask := l.writeAcc[f]
		if mask == 0 && !fi.mustWriteSet[idx] {
			continue
		}
		m := fi.allocMasks(f, l.writeInsn)
		old := m.mustWrite
		if fi.mustWriteSet[idx] {
			mask &= old
		}
		if old != mask {
			m.mustWrite = mask
			fi.updated = true
		}
		if old&^mask != 0 {
			fi.mustWriteDropped = true
		}
	}
	fi.mustWriteSet[idx] = true
	l.writeInst = nil
}

// updateLiveStack is bpf_update_live_stack: run the dataflow for the
// current state's functions whose marks changed, innermost first, so a
// callee's marks reach its call site before the caller's dataflow.
func (v *verifier) updateLiveStack() {
	v.stackLive.cur = nil
	for f := len(v.cur.Frames) - 1; f >= 0; f-- {
		fi := v.instanceOf(v.cur, f)
		if fi.updated {
			v.updateInstance(fi)
			fi.updated = false
			fi.mustWriteDropped = false
		}
	}
}

// updateInstance is update_instance: the fixed point of the slots live
// before, and surely written after, each instruction of the function.
func (v *verifier) updateInstance(fi *funcInstance) {
	if fi.mustWriteDropped {
		for f := range fi.frames {
			for i := range fi.frames[f] {
				fi.frames[f][i].mustWriteAcc = 0
			}
		}
	}
	order := v.stackLive.postorder[v.cfg.SubprogAt(fi.start())]
	n := 0
	for changed := true; changed; {
		n++
		changed = false
		for f := 0; f <= fi.chain.curframe; f++ {
			if fi.frames[f] == nil {
				continue
			}
			for _, insn := range order {
				if v.updateInsn(fi, f, insn) {
					changed = true
				}
			}
		}
	}
	if v.log.level&LogLevel2 != 0 {
		v.log.printf("%s live stack update done in %d iterations\n", fi.chain, n)
	}
	if fi.chain.curframe > 0 {
		v.propagateToOuter(fi)
	}
}

// updateInsn is update_insn: one step of the dataflow.
func (v *verifier) updateInsn(fi *funcInstance, f, insn int) bool {
	succ := v.successors(insn)
	if len(succ) == 0 {
		return false
	}
	m := fi.masks(f, insn)
	var after uint64
	acc := ^uint64(0)
	for _, s := range succ {
		sm := fi.masks(f, s)
		after |= sm.liveBefore
		acc &= sm.mustWriteAcc
	}
	acc |= m.mustWrite
	before := (after &^ m.mustWrite) | m.mayRead
	changed := before != m.liveBefore || acc != m.mustWriteAcc
	if v.log.level&LogLevel2 != 0 && (m.mayRead != 0 || m.mustWrite != 0 || insn == fi.start() || v.prune[insn]) {
		v.logMaskChange(fi.chain, "live", f, insn, m.liveBefore, before)
		v.logMaskChange(fi.chain, "written", f, insn, m.mustWriteAcc, acc)
	}
	m.liveBefore = before
	m.mustWriteAcc = acc
	return changed
}

// logMaskChange is log_mask_change: "(0) frame 0 insn 3 +live -8,-16 ".
func (v *verifier) logMaskChange(c liveChain, what string, f, insn int, old, cur uint64) {
	diff := old ^ cur
	if diff == 0 {
		return
	}
	v.log.printf("%s frame %d insn %d ", c, f, insn)
	if ones := cur & diff; ones != 0 {
		v.log.printf("+%s %s ", what, fmtStackMask(ones))
	}
	if zeros := ^cur & diff; zeros != 0 {
		v.log.printf("-%s %s", what, fmtStackMask(zeros))
	}
	v.log.printf("\n")
}

// propagateToOuter is propagate_to_outer_instance: what the function
// reads of its callers' frames is read at the call site, and what it
// surely writes there is written by the call.
func (v *verifier) propagateToOuter(fi *funcInstance) {
	c := fi.chain
	outer := c
	outer.callsites[c.curframe] = 0
	outer.curframe--
	outer.callsites[outer.curframe] = fi.spStarts[outer.curframe]
	outerStarts := fi.spStarts
	outerStarts[c.curframe] = 0
	out := v.instance(outer, outerStarts)
	callsite := c.callsites[c.curframe-1]
	v.resetWritesFor(out, callsite)
	for f := 0; f < c.curframe; f++ {
		m := fi.masks(f, fi.start())
		if m == nil {
			continue
		}
		v.stackLive.writeAcc[f] |= m.mustWriteAcc
		markRead(out, f, callsite, m.liveBefore)
	}
	v.commitStackWrites()
}

// stackSlotAlive is bpf_stack_slot_alive for the state st: some path
// from st may read slot spi of frame f, in the current function or
// after a call returns (or, for a callback, when the helper calls it
// again).
func (v *verifier) stackSlotAlive(st *State, f, spi int) bool {
	last := len(st.Frames) - 1
	cur := v.instanceOf(st, last)
	if liveBefore(cur, st.Insn, f, spi) {
		return true
	}
	for i := f; i < last; i++ {
		callsite := cur.chain.callsites[i]
		fi := v.instanceOf(st, i)
		at := callsite + 1
		if v.callsCallback(callsite) {
			at = callsite
		}
		if liveBefore(fi, at, f, spi) {
			return true
		}
	}
	return false
}

func liveBefore(fi *funcInstance, insn, f, spi int) bool {
	m := fi.masks(f, insn)
	return m != nil && m.liveBefore&(1<<uint(spi)) != 0
}
