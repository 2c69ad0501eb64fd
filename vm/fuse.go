package vm

// This file implements the superinstructions that are made after lowering
// (fuse, in lower.go, makes those that replace two ops by one as they are
// emitted). Where a pattern of consecutive ops of one block starts, the
// first op becomes a superinstruction that does them all and goes on after
// the last; the other ops stay where they are, for the jumps that land on
// them. Program.plain keeps every op as it was: when the fast loop stops
// inside a superinstruction (a load from the context, a helper call, the
// budget), it stops at the op of the pattern exec must run, with the ops
// before it done, and exec runs that op from plain. So exec never sees a
// superinstruction, and nothing a superinstruction does differs from the
// ops it stands for, instruction counts included (the ops it skips are in
// its block, and it charges the cost of the jump it ends with).
//
// The patterns are the commonest runs of ops in the packet programs of
// testdata/progs, counted as they run: loads that feed a test, a sum or a
// store, the two-byte loads of the EtherType, bpf_map_lookup_elem with its
// key on the stack, loop counters, return values.

import "slices"

// superinstructions rewrites p.ops in place; p.plain keeps them as they were.
// No pattern starts with an exit or a map lookup: superinstructions end by
// going to those ops (in ops, not plain) to finish.
func (p *Program) superinstructions() {
	p.plain = slices.Clone(p.ops)
	plain, ops := p.plain, p.ops
	var none op
	at := func(k int) *op {
		if k < len(plain) {
			return &plain[k]
		}
		return &none
	}
	for k := range ops {
		a, b, c, d, e := at(k), at(k+1), at(k+2), at(k+3), at(k+4)
		o := &ops[k]
		_, _, jump := jumpCond(b)
		// endsIn makes o a superinstruction that ends with the jump j.
		endsIn := func(kind opKind, j *op) {
			cc, cf, _ := jumpCond(j)
			o.kind, o.cc, o.cf, o.y, o.aux = kind, cc, cf, j.dst, condOperand(j, cf)
			o.target, o.cost, o.skip = j.target, j.cost, j.skip
		}
		switch {
		case a.kind == kLdxB && b.kind == kLdxB && c.kind == kLsh32K && d.kind == kOr32X &&
			b.src == a.src && b.imm == a.imm+1 && a.dst != a.src && b.dst != a.dst &&
			c.dst == b.dst && c.imm == 8 && d.dst == b.dst && d.src == a.dst:
			// wA = *(u8 *)(rS + off); wB = *(u8 *)(rS + off + 1); wB <<= 8; wB |= wA
			// (the EtherType, read a byte at a time), and maybe a test of it
			if _, _, ok := jumpCond(e); ok {
				endsIn(kLdxBHJ, e)
			} else {
				o.kind = kLdxBH
			}
			o.x = b.dst
		case a.kind == kLdxH && b.kind == kBe16 && b.dst == a.dst:
			// wD = *(u16 *)(rS + off); rD = be16 rD (bpf_ntohs), and maybe a test
			if _, _, ok := jumpCond(c); ok {
				endsIn(kLdxHBeJ, c)
			} else {
				o.kind = kLdxHBe
			}
		case a.kind == kLdxDW && (b.kind == kAdd64K || b.kind == kAdd64X && b.src != a.dst) &&
			c.kind == kStxDW && a.dst != a.src && b.dst == a.dst &&
			c.dst == a.src && c.imm == a.imm && c.src == a.dst:
			// rD = *(u64 *)(rS + off); rD += K or rX; *(u64 *)(rS + off) = rD
			if b.kind == kAdd64K {
				o.kind, o.aux = kAddMemK, b.imm
			} else {
				o.kind, o.x = kAddMemX, b.src
			}
		case a.kind == kMovAdd64 && a.dst == 2 && b.kind == kLdImm64 && b.dst == 1 &&
			c.kind == kMapLookup && p.isArray(uint64(b.imm)):
			// r2 = rS + off; r1 = map; call bpf_map_lookup_elem
			o.kind, o.aux = kLookup, b.imm
		case a.kind == kLdxDW && b.kind == kAdd64X && b.dst == a.dst && b.src != a.dst:
			// rD = *(u64 *)(rS + off); rD += rX
			o.kind, o.x = kLdxDWAddX, b.src
		case a.kind == kLdxW && b.kind == kLdxW:
			// two 32-bit loads (xdp_md.data and data_end)
			o.kind, o.x, o.y, o.aux = kLdxW2, b.dst, b.src, b.imm
		case a.kind == kLdxB && b.kind == kStxB && b.src == a.dst:
			// a byte copied
			o.kind, o.x, o.aux = kCopyB, b.dst, b.imm
		case a.kind == kLdxB && b.kind == kLdxB:
			o.kind, o.x, o.y, o.aux = kLdxB2, b.dst, b.src, b.imm
		case (a.kind == kMov32K || a.kind == kMov64K) && b.kind == kExit:
			// rD = K; exit
			v := a.imm
			if a.kind == kMov32K {
				v = int64(uint32(a.imm))
			}
			o.kind, o.imm = kMovKExit, v
		case a.kind == kMov64X && b.kind == kExit:
			o.kind = kMovXExit
		case a.kind == kMov32X && b.kind == kExit:
			o.kind = kMov32XExit
		case jump && condKinds[a.kind] != kInvalid:
			// a load, an increment or a constant, and a conditional jump
			endsIn(condKinds[a.kind], b)
			if a.kind == kMov32K {
				o.imm = int64(uint32(a.imm))
			}
		}
	}
}

// condKinds are the ops a conditional jump fuses with, and what they become.
var condKinds = map[opKind]opKind{kLdxB: kLdxBJ, kLdxW: kLdxWJ, kLdxDW: kLdxDWJ, kAdd64K: kAddKJ,
	kMov32K: kMovKJ, kMov64K: kMovKJ}

// isArray reports whether a map reference names an array, whose lookups
// the interpreter inlines.
func (p *Program) isArray(ref uint64) bool {
	i, ok := mapIndex(ref)
	if !ok || i >= len(p.maps) {
		return false
	}
	_, _, ok = p.maps[i].ArrayLayout()
	return ok
}

// Conditions in the generic form that superinstructions ending in a jump
// evaluate (see cond in interp.go). Both operands are put in an order-
// preserving form: a 32-bit comparison shifts them to the top of the word
// (cf&32 is the shift), a signed one flips their sign bits (cf&0x80); then
// c = (a < b) | (a == b)<<1 | (a&b != 0)<<2 and the jump is taken when bit
// c of cc is set. cf&1: the second operand is a register (its number in
// aux), else the constant, already in that form, is aux.
const (
	ccEQ  = 0xcc // c&2 != 0
	ccNE  = 0x33 // c&2 == 0
	ccGT  = 0x11 // c&3 == 0
	ccGE  = 0x55 // c&1 == 0
	ccLT  = 0xaa // c&1 != 0
	ccLE  = 0xee // c&3 != 0
	ccSET = 0xf0 // c&4 != 0

	cfX      = 1
	cf32     = 32
	cfSigned = 0x80
)

// jumpCond returns the generic form of a conditional jump op.
func jumpCond(o *op) (cc, cf uint8, ok bool) {
	k := o.kind
	if k < kJeq64K || k > kJset32X {
		return 0, 0, false
	}
	i := int(k - kJeq64K) // the kinds go EQ NE GT GE LT LE SGT SGE SLT SLE SET, K then X, 64 then 32
	if i%2 == 1 {
		cf |= cfX
	}
	if i >= 22 {
		cf |= cf32
		i -= 22
	}
	switch i / 2 {
	case 0:
		cc = ccEQ
	case 1:
		cc = ccNE
	case 2, 6:
		cc = ccGT
	case 3, 7:
		cc = ccGE
	case 4, 8:
		cc = ccLT
	case 5, 9:
		cc = ccLE
	case 10:
		cc = ccSET
	}
	if i/2 >= 6 && i/2 <= 9 {
		cf |= cfSigned
	}
	return cc, cf, true
}

// condOperand is the second operand of a jump in generic form: its register,
// or its constant in order-preserving form.
func condOperand(o *op, cf uint8) int64 {
	if cf&cfX != 0 {
		return int64(o.src)
	}
	return int64(uint64(o.imm)<<(cf&cf32) ^ uint64(cf&cfSigned)<<56)
}
