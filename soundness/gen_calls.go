// This file implements the generator's calls: helpers without pointer
// arguments, the packet-moving XDP helpers, bpf_skb_load_bytes,
// bpf-to-bpf calls and bpf_loop callbacks, and the functions they call.

package soundness

import "github.com/callx/callx/asm"

// helper calls a helper that takes nothing and returns a number
// (ktime_get_ns, get_prandom_u32, get_smp_processor_id) or, as a fault, a
// helper id the kernel does not have.
func (g *gen) helper() {
	g.note("helper")
	ids := []int32{helperKtimeGetNs, helperPrandomU32, helperSmpProcessor}
	id := ids[g.s.Intn(len(ids))]
	if g.fault() {
		id = 10000
	}
	g.b.emit(callHelper(id))
	g.clobber()
	g.set(asm.R0, val{kind: vScalar})
}

// xdpAdjust moves the start or the end of the packet
// (bpf_xdp_adjust_head, bpf_xdp_adjust_tail): every packet pointer is
// invalid after it, which the generator forgets as a fault.
func (g *gen) xdpAdjust() {
	g.note("xdp adjust")
	c, _ := g.regOf(vCtx)
	if c != asm.R1 {
		g.b.emit(movReg(asm.R1, c))
	}
	g.b.emit(movImm(asm.R2, int32(g.s.Range(-16, 16))))
	if g.s.Chance(50) {
		g.b.emit(callHelper(helperXDPAdjustHead))
	} else {
		g.b.emit(callHelper(helperXDPAdjustTail))
	}
	g.clobber()
	g.set(asm.R0, val{kind: vScalar})
	if g.fault() {
		return // packet pointers used after the packet moved
	}
	for r := range g.st.regs {
		if k := g.st.regs[r].kind; k == vPkt || k == vPktEnd {
			g.st.regs[r] = val{kind: vMixed}
		}
	}
	for i := range g.st.stack {
		if k := g.st.stack[i].kind; k == vPkt || k == vPktEnd {
			g.st.stack[i] = val{kind: vMixed}
		}
	}
}

// skbLoadBytes copies packet bytes to the stack with bpf_skb_load_bytes:
// a buffer of whole slots, a constant length that fits it (or, as a
// fault, one byte more, or zero).
func (g *gen) skbLoadBytes() {
	g.note("skb_load_bytes")
	c, _ := g.regOf(vCtx)
	n := g.s.Range(1, 4)
	start := g.s.Intn(g.slots - n + 1)
	length := g.s.Range(1, 8*n)
	if g.fault() {
		length = []int{8*n + 1, 0}[g.s.Intn(2)]
	}
	if c != asm.R1 {
		g.b.emit(movReg(asm.R1, c))
	}
	g.b.emit(movImm(asm.R2, int32(g.s.Range(0, 64))))
	g.b.emit(movReg(asm.R3, asm.R10), addImm(asm.R3, int32(slotOff(start+n-1))))
	g.b.emit(movImm(asm.R4, int32(length)))
	g.b.emit(callHelper(helperSkbLoadBytes))
	g.clobber()
	g.set(asm.R0, val{kind: vScalar})
	for j := start; j < start+n; j++ {
		g.st.stack[j] = val{kind: vScalar}
	}
}

// callFunc calls a new function (bpf-to-bpf) with up to three arguments:
// scalars, the context, a pointer to one of this frame's written stack
// slots, a map value pointer.
func (g *gen) callFunc() {
	g.note("bpf-to-bpf call")
	f := &pendingFunc{at: g.b.newLabel(), frame: g.frame + 1}
	nargs := g.s.Intn(4)
	for i := range nargs {
		r := asm.R1 + asm.Register(i)
		arg := val{kind: vScalar}
		switch g.s.Weighted(6, 2, 2, 1) {
		case 1:
			if c, ok := g.persistentOf(vCtx); ok {
				g.b.emit(movReg(r, c))
				arg = val{kind: vCtx}
				break
			}
			g.b.emit(movImm(r, g.imm()))
		case 2:
			slot := g.s.Intn(g.slots)
			if g.st.stack[slot].kind != vScalar {
				g.b.emit(st(asm.SizeDW, asm.R10, slotOff(slot), g.imm()))
				g.st.stack[slot] = val{kind: vScalar}
			}
			g.b.emit(movReg(r, asm.R10), addImm(r, int32(slotOff(slot))))
			arg = val{kind: vParentStack}
		case 3:
			if p, ok := g.persistentOf(vMapValue); ok {
				g.b.emit(movReg(r, p))
				arg = g.st.regs[p]
				break
			}
			g.b.emit(movImm(r, g.imm()))
		default:
			g.b.emit(movImm(r, g.imm()))
		}
		f.args = append(f.args, arg)
	}
	g.b.call(f.at)
	g.funcs = append(g.funcs, f)
	g.clobber()
	g.set(asm.R0, val{kind: vScalar})
}

// persistentOf returns a register among r6-r9 holding a value of kind k.
func (g *gen) persistentOf(k vkind) (asm.Register, bool) {
	for r := asm.R6; r <= asm.R9; r++ {
		if g.st.regs[r].kind == k {
			return r, true
		}
	}
	return 0, false
}

// bpfLoop calls bpf_loop(n, callback, ctx, 0) with a new callback, whose
// context is nothing or a pointer to one of this frame's stack slots.
func (g *gen) bpfLoop() {
	g.note("bpf_loop")
	f := &pendingFunc{at: g.b.newLabel(), frame: g.frame + 1, callback: true}
	f.args = []val{{kind: vScalar}, {kind: vScalar}}
	if g.s.Chance(50) {
		slot := g.s.Intn(g.slots)
		g.b.emit(st(asm.SizeDW, asm.R10, slotOff(slot), g.imm()))
		g.st.stack[slot] = val{kind: vScalar}
		g.b.emit(movReg(asm.R3, asm.R10), addImm(asm.R3, int32(slotOff(slot))))
		f.args[1] = val{kind: vParentStack}
	} else {
		g.b.emit(movImm(asm.R3, 0))
	}
	g.b.emit(movImm(asm.R1, int32(g.s.Range(1, 8))))
	g.b.ldFunc(asm.R2, f.at)
	g.b.emit(movImm(asm.R4, 0))
	g.b.emit(callHelper(helperLoop))
	g.funcs = append(g.funcs, f)
	g.clobber()
	g.set(asm.R0, val{kind: vScalar})
}

// function generates a subprogram or a callback, after the main program:
// a body of snippets on its own stack, and a return of a scalar (0 or 1
// for callbacks; as faults, 2, or nothing).
func (g *gen) function(f *pendingFunc) {
	saved := *g
	g.st = frameState{}
	for i, a := range f.args {
		g.st.regs[asm.R1+asm.Register(i)] = a
	}
	g.st.regs[10] = val{kind: vStack}
	g.frame, g.slots, g.depth = f.frame, subSlots, 0
	g.inLoop, g.canExit, g.dead = false, false, false
	g.b.bind(f.at)
	if len(f.args) > 0 && f.args[0].kind == vCtx && g.s.Chance(70) {
		g.b.emit(movReg(asm.R6, asm.R1))
		g.st.regs[6] = val{kind: vCtx}
	}
	g.block(g.s.Intn(6) + 1)
	switch {
	case g.fault():
		if f.callback {
			g.b.emit(movImm(asm.R0, 2)) // callbacks return 0 or 1
		} else if g.st.regs[0].kind != vScalar {
			g.b.emit(movReg(asm.R0, asm.R10)) // a pointer returned
		}
	case !f.callback && g.st.regs[0].kind == vScalar && g.s.Chance(40):
	default:
		g.b.emit(movImm(asm.R0, g.retval()))
	}
	g.b.emit(exit())
	// Keep what the whole program shares: the layout, the functions, the
	// counts; restore the caller's frame.
	saved.b, saved.funcs, saved.features = g.b, g.funcs, g.features
	saved.faults, saved.faultsLeft = g.faults, g.faultsLeft
	*g = saved
}
