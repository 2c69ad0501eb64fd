// This file implements the generator's memory accesses: stack spills and
// fills of scalars and pointers, context reads and writes, XDP packet
// access with and without bounds checks, legacy packet loads, and map
// lookups and map values at constant and variable offsets.

package soundness

import "github.com/callx/callx/asm"

// slotOff is the frame pointer offset of stack slot i.
func slotOff(i int) int16 { return int16(-8 * (i + 1)) }

// size returns an access width, 8 bytes most often.
func (g *gen) size() asm.Size {
	return []asm.Size{asm.SizeDW, asm.SizeW, asm.SizeH, asm.SizeB}[g.s.Weighted(40, 30, 15, 15)]
}

// smaller returns the next smaller access width.
func smaller(s asm.Size) asm.Size {
	switch s {
	case asm.SizeDW:
		return asm.SizeW
	case asm.SizeW:
		return asm.SizeH
	}
	return asm.SizeB
}

// badStackOff returns a stack offset the kernel refuses for a size-byte
// access: misaligned, at or above the frame pointer, or below the stack.
func (g *gen) badStackOff(off int16, size asm.Size) int16 {
	switch g.s.Intn(4) {
	case 0:
		return off + 1
	case 1:
		return 0
	case 2:
		return 8
	}
	return -512 - int16(size.Bytes())
}

// isPointer reports whether k is a pointer the generator may spill.
func isPointer(k vkind) bool {
	switch k {
	case vCtx, vPkt, vPktEnd, vMapValue, vStack, vParentStack:
		return true
	}
	return false
}

// stack spills and fills registers, stores constants, and makes and uses
// pointers into the stack.
func (g *gen) stack() {
	g.note("stack")
	i := g.s.Intn(g.slots)
	off := slotOff(i)
	if r, ok := g.regOf(vParentStack); ok && g.s.Chance(30) {
		g.parentStack(r)
		return
	}
	switch g.s.Weighted(8, 5, 8, 4, 3) {
	case 0: // *(size *)(r10 - off) = src
		size := g.size()
		o := off + int16(g.s.Intn(8/size.Bytes())*size.Bytes())
		if g.fault() {
			o = g.badStackOff(o, size)
		}
		g.b.emit(stx(size, asm.R10, g.scalar(), o))
		g.st.stack[i] = val{kind: vScalar}
	case 1: // *(size *)(r10 - off) = imm
		size := g.size()
		o := off + int16(g.s.Intn(8/size.Bytes())*size.Bytes())
		if g.fault() {
			o = g.badStackOff(o, size)
		}
		g.b.emit(st(size, asm.R10, o, g.imm()))
		g.st.stack[i] = val{kind: vScalar}
	case 2: // dst = *(size *)(r10 - off)
		var written []int
		for j := range g.slots {
			if k := g.st.stack[j].kind; k != vUninit && k != vMixed {
				written = append(written, j)
			}
		}
		if len(written) > 0 {
			i = written[g.s.Intn(len(written))]
			off = slotOff(i)
		}
		dst, _ := g.dst(false)
		slot := g.st.stack[i]
		if isPointer(slot.kind) {
			g.b.emit(ldx(asm.SizeDW, dst, asm.R10, off))
			g.set(dst, slot)
			return
		}
		size := g.size()
		g.b.emit(ldx(size, dst, asm.R10, off+int16(g.s.Intn(8/size.Bytes())*size.Bytes())))
		g.set(dst, val{kind: vScalar})
	case 3: // spill a pointer: *(u64 *)(r10 - off) = ptr
		var ptrs []asm.Register
		for r := asm.R0; r <= asm.R9; r++ {
			if isPointer(g.st.regs[r].kind) {
				ptrs = append(ptrs, r)
			}
		}
		if g.inLoop || len(ptrs) == 0 {
			g.b.emit(stx(asm.SizeDW, asm.R10, g.scalar(), off))
			g.st.stack[i] = val{kind: vScalar}
			return
		}
		r := ptrs[g.s.Intn(len(ptrs))]
		o := off
		if g.fault() {
			o = off + 4 // a misaligned spill
		}
		g.b.emit(stx(asm.SizeDW, asm.R10, r, o))
		g.st.stack[i] = g.st.regs[r]
		g.note("pointer spill")
	case 4: // dst = r10 - off; then through it
		dst, _ := g.dst(false)
		g.b.emit(movReg(dst, asm.R10), addImm(dst, int32(off)))
		g.set(dst, val{kind: vStack, off: int(off)})
		if g.s.Chance(50) {
			k := int16(0)
			if g.fault() {
				k = -off // at the frame pointer
			}
			g.b.emit(st(asm.SizeDW, dst, k, g.imm()))
			if k == 0 {
				g.st.stack[i] = val{kind: vScalar}
			}
		}
	}
}

// parentStack reads or writes the caller's 8-byte stack slot a function
// was given a pointer to.
func (g *gen) parentStack(p asm.Register) {
	g.note("caller stack")
	off := int16(0)
	if g.fault() {
		off = 8
	}
	if g.s.Chance(50) {
		dst, _ := g.dst(false)
		g.b.emit(ldx(asm.SizeDW, dst, p, off))
		g.set(dst, val{kind: vScalar})
		return
	}
	g.b.emit(stx(asm.SizeDW, p, g.scalarNot(p), off))
}

// ctxField is a context field the generator reads.
type ctxField struct {
	off  int16
	kind vkind
}

var (
	xdpFields = []ctxField{{0, vPkt}, {4, vPktEnd}, {8, vMixed}, {12, vScalar}, {16, vScalar}} // egress_ifindex (20) is for devmap programs
	// skbFields are the __sk_buff fields a socket filter may read (all
	// 4 bytes); cb[0..4] at 48..64 it may also write.
	skbFields = []ctxField{{0, vScalar}, {4, vScalar}, {8, vScalar}, {12, vScalar}, {16, vScalar},
		{20, vScalar}, {24, vScalar}, {28, vScalar}, {32, vScalar}, {36, vScalar}, {40, vScalar},
		{44, vScalar}, {48, vScalar}, {52, vScalar}, {56, vScalar}, {60, vScalar}, {64, vScalar},
		{68, vScalar}, {84, vScalar}, {164, vScalar}, {176, vScalar}}
)

// ctxRead reads a context field (or writes one of a socket filter's cb
// words), at a valid offset or, as a fault, not.
func (g *gen) ctxRead() {
	g.note("ctx")
	c, _ := g.regOf(vCtx)
	fields := xdpFields
	if g.typ == Socket {
		fields = skbFields
	}
	f := fields[g.s.Intn(len(fields))]
	size := asm.SizeW
	if g.typ == Socket && g.s.Chance(20) {
		// narrow loads of a field's low bytes
		size = []asm.Size{asm.SizeB, asm.SizeH}[g.s.Intn(2)]
	}
	off := f.off
	if g.fault() {
		switch g.s.Intn(5) {
		case 0:
			off = int16(g.s.Range(-8, 200)) // anywhere
		case 1:
			size = asm.SizeDW
		case 2:
			off++
		case 3:
			if g.typ == XDP {
				g.b.emit(ldAbs(asm.SizeB, 0)) // legacy packet loads are not for XDP
				g.clobber()
				g.set(asm.R0, val{kind: vScalar})
				return
			}
			off = []int16{72, 76, 80, 88, 140, 152}[g.s.Intn(6)] // fields socket filters may not read
		case 4:
			g.b.emit(stx(asm.SizeW, c, g.scalarNot(c), off)) // a store to a read-only field
			return
		}
	}
	if g.typ == Socket && f.off >= 48 && f.off <= 64 && g.s.Chance(30) {
		if g.fault() {
			g.b.emit(st(asm.SizeW, c, off, g.imm())) // BPF_ST into the context
		} else {
			g.b.emit(stx(asm.SizeW, c, g.scalarNot(c), off))
		}
		return
	}
	dst, ok := g.dst(f.kind == vPkt && !g.inLoop && g.s.Chance(50))
	if !ok {
		dst, _ = g.dst(false)
	}
	g.b.emit(ldx(size, dst, c, off))
	v := val{kind: vScalar}
	if size == asm.SizeW && off == f.off {
		v = val{kind: f.kind} // data_meta is vMixed: a pointer the generator does not use
	}
	g.set(dst, v)
}

// packetWindow is how many bytes past data a bounds check proves.
func (g *gen) packetWindow() int {
	switch g.s.Intn(3) {
	case 0:
		return []int{14, 20, 34, 42, 54, 64}[g.s.Intn(6)]
	case 1:
		return g.s.Range(1, 16)
	}
	return g.s.Range(1, 64)
}

// packet loads data and data_end from the XDP context and checks a window
// of the packet: as a guard (return unless the window is in the packet,
// and use it in all that follows) or around a block that uses it. Faults:
// no check, a check one byte short, the comparison the wrong way round.
func (g *gen) packet() {
	g.note("packet")
	c, _ := g.regOf(vCtx)
	p, ok := g.dst(!g.inLoop && g.s.Chance(60))
	if !ok || p == c {
		p = g.otherWritable(c)
	}
	e := g.otherWritable(p, c)
	t := g.otherWritable(p, c, e)
	g.b.emit(ldx(asm.SizeW, p, c, 0), ldx(asm.SizeW, e, c, 4))
	g.set(p, val{kind: vPkt})
	g.set(e, val{kind: vPktEnd})
	n := g.packetWindow()
	checked := n
	switch {
	case g.fault():
		checked = 0 // no check at all
	case g.fault():
		checked = n - 1 // one byte short
	}
	inverted := g.fault()
	if g.s.Chance(50) { // guard: if (data + n > data_end) return
		if checked > 0 {
			ok := g.b.newLabel()
			g.b.emit(movReg(t, p), addImm(t, int32(checked)))
			if inverted {
				g.b.jmpReg(false, asm.OpJGT, t, e, ok)
			} else {
				g.b.jmpReg(false, asm.OpJLE, t, e, ok)
			}
			g.b.emit(movImm(asm.R0, g.retval()), exit())
			g.b.bind(ok)
			g.set(t, val{kind: vMixed})
		}
		g.set(p, val{kind: vPkt, rng: n})
		g.note("packet guard")
		g.packetAccessOn(p)
		return
	}
	skip := g.b.newLabel()
	if checked > 0 {
		g.b.emit(movReg(t, p), addImm(t, int32(checked)))
		if inverted {
			g.b.jmpReg(false, asm.OpJLE, t, e, skip)
		} else {
			g.b.jmpReg(false, asm.OpJGT, t, e, skip)
		}
		g.set(t, val{kind: vMixed})
	}
	before := g.st
	g.set(p, val{kind: vPkt, rng: n})
	g.depth++
	g.packetAccessOn(p)
	if g.s.Chance(40) {
		g.packetVar(p, e)
	}
	if g.depth < 3 {
		g.block(g.s.Intn(3))
	}
	g.depth--
	after := g.st
	if g.dead {
		after = before
		g.dead = false
	}
	g.b.bind(skip)
	g.st = mergeStates(before, after)
}

// otherWritable returns a writable register other than the given ones.
func (g *gen) otherWritable(not ...asm.Register) asm.Register {
	var rs []asm.Register
	for r := asm.R0; r <= asm.R9; r++ {
		ok := g.writable(r)
		for _, n := range not {
			ok = ok && r != n
		}
		if ok {
			rs = append(rs, r)
		}
	}
	return rs[g.s.Intn(len(rs))]
}

// packetAccess accesses the packet through a checked packet pointer.
func (g *gen) packetAccess() {
	var checked []asm.Register
	for r := asm.R0; r <= asm.R9; r++ {
		if v := g.st.regs[r]; v.kind == vPkt && v.rng > v.off {
			checked = append(checked, r)
		}
	}
	if len(checked) == 0 {
		g.alu()
		return
	}
	p := checked[g.s.Intn(len(checked))]
	if g.st.regs[p].rng > 0 && g.s.Chance(25) {
		if e, ok := g.regOf(vPktEnd); ok {
			g.packetVar(p, e)
			return
		}
	}
	if g.s.Chance(20) && g.writable(p) {
		// p += k, within the window
		v := g.st.regs[p]
		k := g.s.Intn(v.rng + 1)
		q := g.otherWritable(p)
		g.b.emit(movReg(q, p), addImm(q, int32(k)))
		g.set(q, val{kind: vPkt, off: v.off + k, rng: v.rng})
		p = q
	}
	g.packetAccessOn(p)
}

// packetAccessOn loads from or stores to the packet at a constant offset
// from p inside the checked window (or, as a fault, one byte past it).
func (g *gen) packetAccessOn(p asm.Register) {
	g.note("packet access")
	v := g.st.regs[p]
	size := g.size()
	for size != asm.SizeB && v.rng-v.off < size.Bytes() {
		size = smaller(size) // what the window holds
	}
	lo, hi := -v.off, v.rng-v.off-size.Bytes()
	if hi < lo {
		return // nothing of the window is left past p
	}
	off := g.s.Range(lo, hi)
	if g.fault() {
		off = hi + 1 // one byte past the window
	}
	switch g.s.Weighted(6, 3, 2) {
	case 0:
		dst := g.otherWritable(p)
		g.b.emit(ldx(size, dst, p, int16(off)))
		g.set(dst, val{kind: vScalar})
	case 1:
		g.b.emit(stx(size, p, g.scalarNot(p), int16(off)))
	case 2:
		g.b.emit(st(size, p, int16(off), g.imm()))
	}
}

// packetVar accesses the packet at a variable offset read from the packet:
// q = p + (u8)p[0]; if (q + m > data_end) skip; access q[0..m).
func (g *gen) packetVar(p, end asm.Register) {
	if g.st.regs[p].off != 0 || g.st.regs[p].rng < 4 || g.st.regs[end].kind != vPktEnd {
		return
	}
	g.note("packet variable offset")
	v := g.otherWritable(p, end)
	switch {
	case g.fault():
		g.b.emit(ldx(asm.SizeW, v, p, 0)) // up to 2^32: too far for a packet pointer
	case g.s.Chance(50):
		g.b.emit(ldx(asm.SizeB, v, p, 0))
	default:
		g.b.emit(ldx(asm.SizeH, v, p, 0), aluImm(true, asm.OpAnd, v, 0x7f))
	}
	g.set(v, val{kind: vScalar})
	q := g.otherWritable(p, end, v)
	t := g.otherWritable(p, end, v, q)
	m := g.s.Range(1, 8)
	skip := g.b.newLabel()
	early := g.fault() // the check before the variable offset is added
	if early {
		g.b.emit(movReg(t, p), addImm(t, int32(m)))
		g.b.jmpReg(false, asm.OpJGT, t, end, skip)
		g.b.emit(movReg(q, p), aluReg(true, asm.OpAdd, q, v))
	} else {
		g.b.emit(movReg(q, p), aluReg(true, asm.OpAdd, q, v))
		g.b.emit(movReg(t, q), addImm(t, int32(m)))
		g.b.jmpReg(false, asm.OpJGT, t, end, skip)
	}
	size := asm.SizeB
	if m >= 2 && g.s.Chance(50) {
		size = asm.SizeH
	}
	off := g.s.Intn(m - size.Bytes() + 1)
	if g.fault() {
		off = m - size.Bytes() + 1
	}
	if g.s.Chance(50) {
		g.b.emit(ldx(size, t, q, int16(off)))
	} else {
		g.b.emit(st(size, q, int16(off), g.imm()))
	}
	g.b.bind(skip)
	g.set(q, val{kind: vMixed})
	g.set(t, val{kind: vMixed})
}

// legacyLoad is a socket filter's LD_ABS or LD_IND: r0 = ntoh(packet[k]),
// which ends the program (returning 0) when k is past the packet, and
// clobbers r1-r5 as a call does.
func (g *gen) legacyLoad() {
	g.note("ld_abs")
	size := []asm.Size{asm.SizeB, asm.SizeH, asm.SizeW}[g.s.Intn(3)]
	k := int32(g.s.Range(0, 64))
	if g.s.Chance(60) {
		g.b.emit(ldAbs(size, k))
	} else {
		g.b.emit(ldInd(size, g.scalar(), k))
	}
	g.clobber()
	g.set(asm.R0, val{kind: vScalar})
}

// keySlot writes a key for map m on the stack and returns its slot.
func (g *gen) keySlot(m int) int {
	spec := g.maps[m]
	i := g.s.Intn(g.slots)
	off := slotOff(i)
	key := int32(g.s.Intn(int(spec.MaxEntries) + 1)) // one past the end, now and then
	switch {
	case g.fault():
		// no key written: the kernel lets privileged programs pass uninitialised stack
	case spec.KeySize == 4 && g.s.Chance(70):
		g.b.emit(st(asm.SizeW, asm.R10, off, key))
	case spec.KeySize == 4:
		g.b.emit(stx(asm.SizeW, asm.R10, g.scalar(), off))
	case g.s.Chance(70):
		g.b.emit(st(asm.SizeDW, asm.R10, off, key))
	default:
		g.b.emit(stx(asm.SizeDW, asm.R10, g.scalar(), off))
	}
	g.st.stack[i] = val{kind: vScalar}
	return i
}

// pickMap returns a map index: the array and the hash mostly.
func (g *gen) pickMap() int { return g.s.Weighted(45, 45, 10) }

// mapLookup looks a key up in a map and uses the value: after a NULL
// check that returns (the value is then usable in all that follows), in
// the block a NULL check guards, or (a fault) without a check.
func (g *gen) mapLookup() {
	g.note("map lookup")
	m := g.pickMap()
	slot := g.keySlot(m)
	keyOff := int32(slotOff(slot))
	if g.fault() {
		keyOff += 4 // the key runs past its slot
	}
	g.b.emit(movReg(asm.R2, asm.R10), addImm(asm.R2, keyOff))
	g.b.ldImm64(asm.R1, asm.PseudoMapIdx, uint64(m))
	g.b.emit(callHelper(helperMapLookup))
	g.clobber()
	g.set(asm.R0, val{kind: vMapValueOrNull, m: m})
	switch {
	case g.fault():
		g.set(asm.R0, val{kind: vMapValue, m: m}) // used without a NULL check
		g.mapAccess()
	case g.s.Chance(45): // if (!v) return
		ok := g.b.newLabel()
		g.b.jmpImm(false, asm.OpJNE, asm.R0, 0, ok)
		g.b.emit(movImm(asm.R0, g.retval()), exit())
		g.b.bind(ok)
		g.set(asm.R0, val{kind: vMapValue, m: m})
		if !g.inLoop && g.s.Chance(50) {
			if p, ok := g.dst(true); ok {
				g.b.emit(movReg(p, asm.R0))
				g.set(p, g.st.regs[0])
			}
		}
		g.note("map guard")
		g.mapAccess()
	default: // if (v) { ... }
		skip := g.b.newLabel()
		g.b.jmpImm(false, asm.OpJEQ, asm.R0, 0, skip)
		before := g.st
		g.set(asm.R0, val{kind: vMapValue, m: m})
		g.depth++
		g.mapAccess()
		if g.depth < 3 {
			g.block(g.s.Intn(3))
		}
		g.depth--
		after := g.st
		if g.dead {
			after, g.dead = before, false
		}
		g.b.bind(skip)
		g.st = mergeStates(before, after)
	}
}

// mapDirect loads the address of a value of the one-element array
// directly (map_idx_value, as clang does for global data).
func (g *gen) mapDirect() {
	g.note("map direct value")
	m := 2
	off := g.s.Intn(int(g.maps[m].ValueSize))
	if g.fault() {
		if g.s.Chance(50) {
			m = 0 // direct access needs a single-element array
		} else {
			off = int(g.maps[m].ValueSize)
		}
	}
	dst, _ := g.dst(!g.inLoop && g.s.Chance(50))
	g.b.ldMapValue(dst, m, uint32(off))
	g.set(dst, val{kind: vMapValue, m: m, off: off})
	g.mapAccess()
}

// mapAccess loads, stores or updates atomically a map value through a
// pointer to it, at a constant offset or at a variable one bounded by a
// mask or a branch (or, as faults, bounded one byte too loosely, by a
// signed comparison only, or not at all).
func (g *gen) mapAccess() {
	p, ok := g.regOf(vMapValue)
	if !ok {
		return
	}
	g.note("map access")
	v := g.st.regs[p]
	vs := int(g.maps[v.m].ValueSize)
	size := g.size()
	lo, hi := -v.off, vs-v.off-size.Bytes()
	switch g.s.Weighted(50, 35, 15) {
	case 0: // constant offset
		off := g.s.Range(lo, hi)
		if g.fault() {
			off = []int{hi + 1, lo - 1}[g.s.Intn(2)]
		}
		switch g.s.Weighted(5, 3, 2) {
		case 0:
			dst := g.otherWritable(p)
			g.b.emit(ldx(size, dst, p, int16(off)))
			g.set(dst, val{kind: vScalar})
		case 1:
			g.b.emit(stx(size, p, g.scalarNot(p), int16(off)))
		case 2:
			g.b.emit(st(size, p, int16(off), g.imm()))
		}
	case 1: // variable offset
		g.note("map variable offset")
		if hi < 0 {
			return
		}
		idx := g.otherWritable(p)
		if g.s.Chance(50) {
			g.b.emit(ldx(g.size(), idx, p, int16(lo))) // from the value itself
		} else {
			g.b.emit(movReg(idx, g.scalarNot(idx, p)))
		}
		g.set(idx, val{kind: vScalar})
		q := g.otherWritable(p, idx)
		access := func() {
			g.b.emit(movReg(q, p), aluReg(true, asm.OpAdd, q, idx))
			if g.s.Chance(50) {
				g.b.emit(ldx(size, q, q, 0))
				g.set(q, val{kind: vScalar})
			} else {
				g.b.emit(st(size, q, 0, g.imm()))
				g.set(q, val{kind: vMixed})
			}
		}
		if g.s.Chance(50) { // idx &= mask
			mask := 1
			for mask*2-1 <= hi {
				mask *= 2
			}
			mask--
			if g.fault() {
				mask = mask*2 + 1
			}
			if !g.fault() {
				g.b.emit(aluImm(true, asm.OpAnd, idx, int32(mask)))
			}
			access()
			return
		}
		skip := g.b.newLabel()
		switch {
		case g.fault():
			g.b.jmpImm(false, asm.OpJGT, idx, int32(hi+1), skip) // one too many
		case g.fault():
			g.b.jmpImm(false, asm.OpJSGT, idx, int32(hi), skip) // negative indexes pass
		default:
			g.b.jmpImm(false, asm.OpJGT, idx, int32(hi), skip)
		}
		access()
		g.b.bind(skip)
		g.set(q, val{kind: vMixed})
	case 2: // atomics
		g.note("atomic")
		size = []asm.Size{asm.SizeW, asm.SizeDW}[g.s.Intn(2)]
		n := size.Bytes()
		first := (lo + v.off + n - 1) / n * n // the first aligned offset in the value
		last := (vs - n) / n * n
		if last < first {
			return
		}
		off := first + n*g.s.Intn((last-first)/n+1) - v.off
		if g.fault() {
			off++
		}
		ops := []int32{asm.AtomicAdd, asm.AtomicOr, asm.AtomicAnd, asm.AtomicXor,
			asm.AtomicAdd | asm.AtomicFetch, asm.AtomicXor | asm.AtomicFetch, asm.AtomicXchg}
		o := ops[g.s.Intn(len(ops))]
		src := g.scalarNot(p)
		if o&asm.AtomicFetch != 0 && !g.writable(src) {
			o = asm.AtomicAdd // a fetch would overwrite src: a loop counter, say
		}
		if g.s.Chance(15) && p != asm.R0 && g.writable(asm.R0) && src != asm.R0 {
			o = asm.AtomicCmpXchg // compares with r0, loads into r0
			g.b.emit(movImm(asm.R0, g.imm()))
			g.set(asm.R0, val{kind: vScalar})
		}
		g.b.emit(atomic(size, p, src, int16(off), o))
		if o&asm.AtomicFetch != 0 {
			g.set(src, val{kind: vScalar})
		}
	}
}

// mapUpdate updates (or deletes) an element: the key on the stack, the
// value on the stack or in another map value.
func (g *gen) mapUpdate() {
	g.note("map update")
	m := g.s.Weighted(50, 50)
	vs := int(g.maps[m].ValueSize)
	if g.s.Chance(25) {
		slot := g.keySlot(m)
		g.b.emit(movReg(asm.R2, asm.R10), addImm(asm.R2, int32(slotOff(slot))))
		g.b.ldImm64(asm.R1, asm.PseudoMapIdx, uint64(m))
		g.b.emit(callHelper(helperMapDelete))
		g.clobber()
		g.set(asm.R0, val{kind: vScalar})
		return
	}
	// The key first (writing it may take a register), then the value
	// (r3), from the registers that the key pointer and the map reference
	// overwrite.
	slot := g.keySlot(m)
	if p, ok := g.regOf(vMapValue); ok && g.st.regs[p].m == m && g.st.regs[p].off == 0 && g.s.Chance(40) {
		g.b.emit(movReg(asm.R3, p))
	} else {
		n := (vs + 7) / 8
		if n >= g.slots {
			return
		}
		start := g.s.Intn(g.slots - n + 1)
		if slot >= start && slot < start+n {
			start = (slot + 1) % (g.slots - n + 1) // not over the key
			if slot >= start && slot < start+n {
				start = 0
			}
		}
		for j := start; j < start+n; j++ {
			if !g.fault() {
				g.b.emit(st(asm.SizeDW, asm.R10, slotOff(j), g.imm()))
			}
			g.st.stack[j] = val{kind: vScalar}
		}
		off := int32(slotOff(start + n - 1))
		if g.fault() {
			off += 8 // the value runs past the stack
		}
		g.b.emit(movReg(asm.R3, asm.R10), addImm(asm.R3, off))
	}
	g.set(asm.R3, val{kind: vMixed})
	g.b.emit(movReg(asm.R2, asm.R10), addImm(asm.R2, int32(slotOff(slot))))
	g.b.ldImm64(asm.R1, asm.PseudoMapIdx, uint64(m))
	g.b.emit(movImm(asm.R4, int32(g.s.Intn(3)))) // BPF_ANY, BPF_NOEXIST, BPF_EXIST
	g.b.emit(callHelper(helperMapUpdate))
	g.clobber()
	g.set(asm.R0, val{kind: vScalar})
}
