package verifier

// This file implements the tests of tnums: every operation holds every
// concrete result of its operands' values, and the kernel's answers on
// hand-worked examples.

import (
	"math"
	"math/bits"
	"math/rand/v2"
	"strings"
	"testing"
)

// randTnum returns a random tnum and one of its values.
func randTnum(r *rand.Rand) (Tnum, uint64) {
	x := interesting(r)
	m := randMask(r)
	return Tnum{Value: x &^ m, Mask: m}, x
}

// member returns a random value of a.
func member(r *rand.Rand, a Tnum) uint64 {
	v := r.Uint64()
	if r.IntN(4) == 0 {
		v = interesting(r)
	}
	return a.Value | v&a.Mask
}

func TestTnumOpsSound(t *testing.T) {
	type binop struct {
		name     string
		abstract func(a, b Tnum) Tnum
		concrete func(x, y uint64) uint64
	}
	ops := []binop{
		{"add", Tnum.Add, func(x, y uint64) uint64 { return x + y }},
		{"sub", Tnum.Sub, func(x, y uint64) uint64 { return x - y }},
		{"and", Tnum.And, func(x, y uint64) uint64 { return x & y }},
		{"or", Tnum.Or, func(x, y uint64) uint64 { return x | y }},
		{"xor", Tnum.Xor, func(x, y uint64) uint64 { return x ^ y }},
		{"mul", Tnum.Mul, func(x, y uint64) uint64 { return x * y }},
	}
	for _, op := range ops {
		t.Run(op.name, func(t *testing.T) {
			t.Parallel()
			r := newRand(t)
			for range 100000 {
				a, _ := randTnum(r)
				b, _ := randTnum(r)
				c := op.abstract(a, b)
				if c.Value&c.Mask != 0 {
					t.Fatalf("%v %s %v = %v: value and mask overlap", a, op.name, b, c)
				}
				for range 8 {
					x, y := member(r, a), member(r, b)
					if z := op.concrete(x, y); !c.Contains(z) {
						t.Fatalf("%v %s %v = %v, but %#x %s %#x = %#x", a, op.name, b, c, x, op.name, y, z)
					}
				}
			}
		})
	}
}

func TestTnumShiftsAndCastsSound(t *testing.T) {
	r := newRand(t)
	for range 200000 {
		a, _ := randTnum(r)
		x := member(r, a)
		n := uint8(r.IntN(64))
		n32 := n & 31
		checks := []struct {
			name string
			got  Tnum
			want uint64
		}{
			{"lsh", a.Lsh(n), x << n},
			{"rsh", a.Rsh(n), x >> n},
			{"arsh", a.Arsh(n, 64), uint64(int64(x) >> n)},
			{"arsh32", a.Arsh(n32, 32), uint64(uint32(int32(x) >> n32))},
			{"cast1", a.Cast(1), x & 0xff},
			{"cast2", a.Cast(2), x & 0xffff},
			{"cast4", a.Cast(4), x & 0xffffffff},
			{"subreg", a.Subreg(), uint64(uint32(x))},
			{"clear subreg", a.ClearSubreg(), x &^ 0xffffffff},
		}
		for _, c := range checks {
			if !c.got.Contains(c.want) {
				t.Fatalf("%s(%v, %d) = %v lacks %#x (from %#x)", c.name, a, n, c.got, c.want, x)
			}
		}
		b, _ := randTnum(r)
		y := member(r, b)
		if w := a.WithSubreg(b); !w.Contains(x&^0xffffffff | y&0xffffffff) {
			t.Fatalf("with subreg(%v, %v) = %v", a, b, w)
		}
		if w := a.ConstSubreg(uint32(y)); !w.Contains(x&^0xffffffff|y&0xffffffff) || !w.SubregIsConst() {
			t.Fatalf("const subreg(%v, %#x) = %v", a, uint32(y), w)
		}
	}
}

func TestTnumRangeSound(t *testing.T) {
	r := newRand(t)
	for range 200000 {
		lo := interesting(r)
		hi := lo + min(spread(r), math.MaxUint64-lo)
		tr := TnumRange(lo, hi)
		for _, v := range []uint64{lo, hi, lo + (hi-lo)/2, lo + r.Uint64N(hi-lo+1)} {
			if v >= lo && v <= hi && !tr.Contains(v) {
				t.Fatalf("range(%#x, %#x) = %v lacks %#x", lo, hi, tr, v)
			}
		}
	}
}

// TestTnumOverlapIntersect: Overlap says no only when no value is in both,
// and then Intersect holds every value in both.
func TestTnumOverlapIntersect(t *testing.T) {
	r := newRand(t)
	for range 200000 {
		a, x := randTnum(r)
		var b Tnum
		if r.IntN(2) == 0 {
			m := randMask(r)
			b = Tnum{Value: x &^ m, Mask: m} // shares x with a
		} else {
			b, _ = randTnum(r)
		}
		v := member(r, a)
		if b.Contains(v) {
			if !a.Overlap(b) {
				t.Fatalf("%v and %v share %#x but do not overlap", a, b, v)
			}
			if i := a.Intersect(b); !i.Contains(v) {
				t.Fatalf("%v ∩ %v = %v lacks %#x", a, b, i, v)
			}
		}
		if a.In(b) != (b.Mask&^a.Mask == 0 && a.Contains(b.Value)) {
			t.Fatalf("in(%v, %v) = %v", a, b, a.In(b))
		}
	}
}

func TestTnumExamples(t *testing.T) {
	u := TnumUnknown
	c := TnumConst
	tests := []struct {
		desc      string
		got, want Tnum
	}{
		{"range 0..2 holds 3 too", TnumRange(0, 2), Tnum{0, 3}},
		{"range of one value", TnumRange(5, 5), c(5)},
		{"range across bit 4", TnumRange(15, 16), Tnum{0, 0x1f}},
		{"full range", TnumRange(0, math.MaxUint64), u},
		{"range with top bit differing", TnumRange(1, 1<<63), u},
		{"x & 0xff", u.And(c(0xff)), Tnum{0, 0xff}},
		{"x | 1", u.And(c(0xf0)).Or(c(1)), Tnum{1, 0xf0}},
		{"(0..3) + 1", Tnum{0, 3}.Add(c(1)), Tnum{0, 7}},
		{"(0..3) + 4", Tnum{0, 3}.Add(c(4)), Tnum{4, 3}},
		{"4 - (0..3)", c(4).Sub(Tnum{0, 3}), Tnum{0, 7}},
		// 3 or 9: 6.12's tnum_mul gives x..x1; kernels with the union-based
		// tnum_mul get x0x1.
		{"x1 * 3", Tnum{1, 2}.Mul(c(3)), Tnum{1, 0xe}},
		{"(0..0xf) * (0..0xff)", Tnum{0, 0xf}.Mul(Tnum{0, 0xff}), Tnum{0, 0xfff}},
		{"const * const", c(6).Mul(c(7)), c(42)},
		{"x ^ x is not known", Tnum{0, 1}.Xor(Tnum{0, 1}), Tnum{0, 1}},
		{"arsh of unknown sign", Tnum{0, 1 << 63}.Arsh(60, 64), Tnum{0, 0xfffffffffffffff8}},
		{"arsh of negative", c(1<<63).Arsh(63, 64), c(math.MaxUint64)},
		{"arsh32 zero-extends", c(0x80000000).Arsh(31, 32), c(0xffffffff)},
		{"arsh32 of a 64-bit value reads the low half", c(0x1_7fff_ffff).Arsh(4, 32), c(0x07ffffff)},
		{"intersect of disagreeing bits says 1", c(1).Intersect(c(2)), c(3)},
		{"with subreg", Tnum{0, math.MaxUint64}.WithSubreg(c(7)), Tnum{7, 0xffffffff00000000}},
	}
	for _, tt := range tests {
		if tt.got != tt.want {
			t.Errorf("%s: got %v, want %v", tt.desc, tt.got, tt.want)
		}
	}
	if !TnumRange(0, 2).In(c(3)) {
		t.Error("tnum_in(range(0, 2), 3) is true in the kernel")
	}
	if (Tnum{0, 0xf}).In(Tnum{0, 0x1f}) {
		t.Error("(0; 0x1f) is not in (0; 0xf)")
	}
	if !(Tnum{8, 0xf0}).IsAligned(8) || (Tnum{8, 0xf4}).IsAligned(8) || !c(3).IsAligned(0) {
		t.Error("IsAligned")
	}
}

func TestTnumString(t *testing.T) {
	tests := []struct {
		t    Tnum
		want string
	}{
		{TnumConst(0), "0"},
		{TnumConst(65535), "65535"},
		{TnumConst(65536), "0x10000"},
		{TnumConst(math.MaxUint64), "0xffffffffffffffff"},
		{Tnum{0, 0xff}, "(0x0; 0xff)"},
		{Tnum{0xfffffffffffffc00, 0x3ff}, "(0xfffffffffffffc00; 0x3ff)"},
		{TnumUnknown, "(0x0; 0xffffffffffffffff)"},
	}
	for _, tt := range tests {
		if got := tt.t.String(); got != tt.want {
			t.Errorf("%#v: got %s, want %s", tt.t, got, tt.want)
		}
	}
	if got, want := (Tnum{0b100, 0b011}).Binary(), strings.Repeat("0", 61)+"1xx"; got != want {
		t.Errorf("binary: got %s", got)
	}
}

// FuzzTnum checks every binary operation on two fuzzed tnums and members.
func FuzzTnum(f *testing.F) {
	f.Add(uint64(0), uint64(0xff), uint64(3), uint64(0), uint64(1), uint64(0xfe))
	f.Add(uint64(1<<63), uint64(1<<62), uint64(0), uint64(math.MaxUint64), uint64(math.MaxUint64), uint64(5))
	f.Fuzz(func(t *testing.T, av, am, bv, bm, xr, yr uint64) {
		a, b := Tnum{av &^ am, am}, Tnum{bv &^ bm, bm}
		x, y := a.Value|xr&a.Mask, b.Value|yr&b.Mask
		n := uint8(yr & 63)
		for _, c := range []struct {
			name string
			got  Tnum
			want uint64
		}{
			{"add", a.Add(b), x + y},
			{"sub", a.Sub(b), x - y},
			{"and", a.And(b), x & y},
			{"or", a.Or(b), x | y},
			{"xor", a.Xor(b), x ^ y},
			{"mul", a.Mul(b), x * y},
			{"lsh", a.Lsh(n), x << n},
			{"rsh", a.Rsh(n), x >> n},
			{"arsh", a.Arsh(n, 64), uint64(int64(x) >> n)},
			{"range", TnumRange(min(x, y), max(x, y)), x},
		} {
			if !c.got.Contains(c.want) {
				t.Fatalf("%s(%v, %v) = %v lacks %#x", c.name, a, b, c.got, c.want)
			}
		}
		if a.Contains(y) != (bits.OnesCount64((y^a.Value)&^a.Mask) == 0) {
			t.Fatal("contains")
		}
	})
}
