package verifier

// This file implements the tests of the scalar domain's representation:
// random scalars and members of them (shared by the ALU and branch
// tests), the soundness of syncing and narrowing, the kernel's invariant
// check, and the log format.

import (
	"math"
	"math/rand/v2"
	"strings"
	"testing"
)

// newRand returns a deterministic generator for a test, so that a failure
// reproduces.
func newRand(t testing.TB) *rand.Rand {
	var seed uint64
	for _, c := range t.Name() {
		seed = seed*131 + uint64(c)
	}
	return rand.New(rand.NewPCG(seed, 0x9e3779b97f4a7c15))
}

// interesting returns a random value biased towards the edges the bounds
// logic cares about: small numbers, the sign boundaries of both widths,
// values with few bits, and values that are 32-bit numbers zero- or
// sign-extended.
func interesting(r *rand.Rand) uint64 {
	edges := [...]uint64{
		0, 1, 2, math.MaxUint64, math.MaxUint64 - 1,
		math.MaxInt64, 1 << 63, math.MaxInt32, 1 << 31,
		math.MaxUint32, 1 << 32, 0xffffffff80000000, 0xffffffff7fffffff,
		0x100000000 - 2, 0x1_0000_0001, 0xff, 0x100, 0xffff, 0x10000, 0x7f, 0x80,
		0xffffffffffffff80, 0xffffffffffff8000,
	}
	switch r.IntN(9) {
	case 0:
		return edges[r.IntN(len(edges))]
	case 1:
		return edges[r.IntN(len(edges))] + uint64(r.IntN(9)) - 4
	case 2:
		return uint64(r.Int64N(601) - 300)
	case 3:
		return uint64(r.Uint32())
	case 4:
		return uint64(int64(int32(r.Uint32())))
	case 5:
		v := uint64(0)
		for range r.IntN(4) {
			v |= 1 << r.IntN(64)
		}
		return v
	case 6:
		return r.Uint64() >> r.IntN(64)
	case 7:
		return uint64(-int64(r.Uint64() >> r.IntN(64)))
	}
	return r.Uint64()
}

// spread returns a distance: often small, sometimes large, sometimes huge.
func spread(r *rand.Rand) uint64 {
	switch r.IntN(5) {
	case 0:
		return 0
	case 1:
		return uint64(r.IntN(4))
	case 2:
		return uint64(r.IntN(300))
	case 3:
		return r.Uint64() >> (32 + r.IntN(32))
	}
	return r.Uint64() >> r.IntN(64)
}

// randMask returns a mask of unknown bits in one of the shapes that
// operations produce.
func randMask(r *rand.Rand) uint64 {
	switch r.IntN(8) {
	case 0:
		return 0
	case 1:
		return math.MaxUint64
	case 2:
		return uint64(1)<<r.IntN(64) - 1 // low bits
	case 3:
		return math.MaxUint64 << r.IntN(64) // high bits
	case 4:
		return math.MaxUint32 << 32 // upper half unknown
	case 5:
		return math.MaxUint32 // lower half unknown
	case 6:
		return r.Uint64() & r.Uint64()
	}
	return r.Uint64()
}

// randScalar returns a random scalar, synced as the kernel keeps them,
// and one value it contains. It mixes constants, unknowns, tnum-only
// knowledge, small ranges, ranges across the sign boundary of either
// width, 32-bit-only ranges, zero-extended 32-bit values and [-1, 0].
func randScalar(r *rand.Rand) (Scalar, uint64) {
	x := interesting(r)
	switch r.IntN(16) {
	case 0:
		return ConstScalar(x), x
	case 1:
		return UnknownScalar(), x
	case 2: // [-1, 0], in 64 or 32 bits
		x = uint64(-r.Int64N(2))
		s := UnknownScalar()
		if r.IntN(2) == 0 {
			s.SMin, s.SMax = -1, 0
		} else {
			x = x&math.MaxUint32 | r.Uint64()<<32
			s.S32Min, s.S32Max = -1, 0
		}
		s.Sync()
		return s, x
	case 3: // a zero-extended 32-bit result
		x &= math.MaxUint32
		s := UnknownScalar()
		s.VarOff = Tnum{Value: 0, Mask: math.MaxUint32}
		if r.IntN(2) == 0 {
			s.U32Min = uint32(x) - uint32(min(spread(r), uint64(uint32(x))))
			s.U32Max = uint32(x) + uint32(min(spread(r), uint64(math.MaxUint32-uint32(x))))
		}
		s.Sync()
		return s, x
	}
	s := UnknownScalar()
	if r.IntN(3) != 0 {
		m := randMask(r)
		s.VarOff = Tnum{Value: x &^ m, Mask: m}
	}
	// Each range holds x; its ends are a random distance away, clamped
	// so as not to wrap.
	if r.IntN(2) == 0 {
		s.UMin = x - min(spread(r), x)
		s.UMax = x + min(spread(r), math.MaxUint64-x)
	}
	if r.IntN(2) == 0 {
		v := int64(x)
		s.SMin = v - int64(min(spread(r), uint64(v)-1<<63))
		s.SMax = v + int64(min(spread(r), uint64(math.MaxInt64-v)))
	}
	if r.IntN(2) == 0 {
		v := uint32(x)
		s.U32Min = v - uint32(min(spread(r), uint64(v)))
		s.U32Max = v + uint32(min(spread(r), uint64(math.MaxUint32-v)))
	}
	if r.IntN(2) == 0 {
		v := int64(int32(x))
		s.S32Min = int32(v - int64(min(spread(r), uint64(v-math.MinInt32))))
		s.S32Max = int32(v + int64(min(spread(r), uint64(math.MaxInt32-v))))
	}
	s.Sync()
	return s, x
}

// sample returns a random value in s, or seed (a value known to be in s)
// when a few tries find none.
func sample(r *rand.Rand, s Scalar, seed uint64) uint64 {
	fit := func(v uint64) uint64 { return v&s.VarOff.Mask | s.VarOff.Value }
	between := func(lo, hi uint64) uint64 {
		if hi-lo == math.MaxUint64 {
			return r.Uint64()
		}
		return lo + r.Uint64N(hi-lo+1)
	}
	for range 8 {
		var v uint64
		switch r.IntN(8) {
		case 0:
			v = fit(interesting(r))
		case 1:
			v = fit(between(s.UMin, s.UMax))
		case 2:
			v = fit(uint64(s.SMin) + between(0, uint64(s.SMax)-uint64(s.SMin)))
		case 3:
			v = fit(between(s.UMin, s.UMax)&^math.MaxUint32 | between(uint64(s.U32Min), uint64(s.U32Max)))
		case 4:
			v = fit(uint64(s.SMin) + between(0, uint64(s.SMax)-uint64(s.SMin)) +
				uint64(r.IntN(5)) - 2)
		case 5:
			ends := [...]uint64{s.UMin, s.UMax, uint64(s.SMin), uint64(s.SMax)}
			v = fit(ends[r.IntN(len(ends))])
		case 6:
			v = fit(seed + uint64(r.IntN(5)) - 2)
		default:
			v = fit(r.Uint64())
		}
		if s.Contains(v) {
			return v
		}
	}
	return seed
}

// check fails t when s does not hold v.
func check(t *testing.T, what string, s Scalar, v uint64) bool {
	t.Helper()
	if !s.Contains(v) {
		t.Errorf("%s: %#x (%d) not in %v\n  %#v", what, v, int64(v), s, s)
		return false
	}
	return true
}

func TestScalarConstAndUnknown(t *testing.T) {
	u := UnknownScalar()
	if !u.IsUnknown() || u.String() != "scalar()" {
		t.Errorf("unknown = %v", u)
	}
	for _, v := range []uint64{0, 1, math.MaxUint64, 1 << 63, math.MaxUint32} {
		c := ConstScalar(v)
		if !c.Contains(v) || c.Contains(v+1) || !c.IsConst(false) || !c.IsConst(true) || c.ConstValue(false) != v {
			t.Errorf("const %#x = %#v", v, c)
		}
		if line := c.SanityCheck("test"); line != "" {
			t.Errorf("const %#x: %s", v, line)
		}
		synced := c
		synced.Sync()
		if synced != c {
			t.Errorf("sync changed const %#x: %#v", v, synced)
		}
	}
}

// TestScalarSyncSound: syncing never loses a value, never widens a range,
// and leaves a state the kernel's invariant check accepts; a second sync
// keeps every value too.
func TestScalarSyncSound(t *testing.T) {
	r := newRand(t)
	for range 200000 {
		s, x := randScalar(r) // synced once already
		if !check(t, "sync", s, x) {
			return
		}
		before := s
		if line := s.SanityCheck("sync"); line != "" {
			t.Fatalf("%s\n  %#v", line, before)
		}
		s.Sync()
		if s.UMin < before.UMin || s.UMax > before.UMax || s.SMin < before.SMin || s.SMax > before.SMax ||
			s.U32Min < before.U32Min || s.U32Max > before.U32Max || s.S32Min < before.S32Min || s.S32Max > before.S32Max ||
			!before.VarOff.In(s.VarOff) {
			t.Fatalf("sync widened %#v\n  to %#v", before, s)
		}
		for range 4 {
			check(t, "resync", s, sample(r, before, x))
		}
	}
}

// TestScalarSyncExamples: deductions the kernel makes, each worked out by
// hand from __reg_deduce_bounds and friends.
func TestScalarSyncExamples(t *testing.T) {
	tests := []struct {
		desc string
		in   func(*Scalar)
		want string
	}{
		{"u64 [10, 20] gives every other range",
			func(s *Scalar) { s.UMin, s.UMax = 10, 20 },
			"scalar(smin=umin=smin32=umin32=10,smax=umax=smax32=umax32=20,var_off=(0x0; 0x1f))"},
		{"s64 [-3, -1] is u64 [2^64-3, 2^64-1]",
			func(s *Scalar) { s.SMin, s.SMax = -3, -1 },
			"scalar(smin=smin32=-3,smax=smax32=-1,umin=0xfffffffffffffffd,umin32=0xfffffffd,var_off=(0xfffffffffffffffc; 0x3))"},
		{"same upper half: the low halves form a range",
			func(s *Scalar) { s.UMin, s.UMax = 0x1_0000_000a, 0x1_0000_000f },
			"scalar(smin=umin=0x10000000a,smax=umax=0x10000000f,smin32=umin32=10,smax32=umax32=15,var_off=(0x100000008; 0x7))"},
		{"s64 [-1, 1] gives s32 [-1, 1] across the upper halves",
			func(s *Scalar) { s.SMin, s.SMax = -1, 1 },
			"scalar(smin=smin32=-1,smax=smax32=1)"},
		{"u32 range pulls the 64-bit one in (mixed bounds)",
			func(s *Scalar) { s.UMin, s.UMax = 0x1_0000_0000, 0x3_8000_0000; s.S32Min, s.S32Max = 1, math.MaxInt32 },
			"scalar(smin=umin=0x100000001,smax=umax=0x37fffffff,smin32=umin32=1,umax32=0x7fffffff,var_off=(0x0; 0x37fffffff))"},
		{"s32 non-negative and s64 within s32: the value is the low half",
			func(s *Scalar) { s.SMin, s.SMax = math.MinInt32, 100; s.S32Min, s.S32Max = 0, 50 },
			"scalar(smin=smin32=0,smax=umax=smax32=umax32=50,var_off=(0x0; 0x3f))"},
		{"s64 across the sign boundary, u64 meets only the non-negative part",
			func(s *Scalar) { s.SMin, s.SMax = -128, 127; s.UMax = 0xffffffffffffff00 },
			"scalar(smin=smin32=0,smax=umax=smax32=umax32=127,var_off=(0x0; 0x7f))"},
		{"s64 across the sign boundary, u64 meets both parts",
			func(s *Scalar) { s.SMin, s.SMax = -128, 127; s.UMax = 0xffffffffffffff80 },
			"scalar(smin=smin32=-128,smax=smax32=127,umax=0xffffffffffffff80)"},
		{"tnum gives the ranges",
			func(s *Scalar) { s.VarOff = Tnum{Value: 0x10, Mask: 0x0f} },
			"scalar(smin=umin=smin32=umin32=16,smax=umax=smax32=umax32=31,var_off=(0x10; 0xf))"},
		{"tnum with unknown sign bit",
			func(s *Scalar) { s.VarOff = Tnum{Value: 1, Mask: 1 << 63} },
			"scalar(smin=0x8000000000000001,smax=smax32=umax32=1,umin=smin32=umin32=1,umax=0x8000000000000001,var_off=(0x1; 0x8000000000000000))"},
	}
	for _, tt := range tests {
		s := UnknownScalar()
		tt.in(&s)
		s.Sync()
		if got := s.String(); got != tt.want {
			t.Errorf("%s:\n got %s\nwant %s", tt.desc, got, tt.want)
		}
	}
}

func TestScalarString(t *testing.T) {
	unknown := UnknownScalar()
	tests := []struct {
		s    Scalar
		want string
	}{
		{ConstScalar(1), "1"},
		{ConstScalar(0), "0"},
		{ConstScalar(math.MaxUint64), "-1"},
		{ConstScalar(32767), "32767"},
		{ConstScalar(32768), "0x8000"},
		{ConstScalar(uint64(1) << 63), "0x8000000000000000"},
		{ConstScalar(0xffffffff), "0xffffffff"},
		{ConstScalar(uint64(math.MaxUint64 - 32768 + 1)), "-32768"},
		{ConstScalar(uint64(math.MaxUint64 - 32768)), "0xffffffffffff7fff"},
		{unknown, "scalar()"},
		// Only the tnum: the ranges say nothing beyond it.
		{Scalar{VarOff: Tnum{Value: 0, Mask: math.MaxUint32 << 32}, SMin: math.MinInt64, SMax: math.MaxInt64, UMax: math.MaxUint64,
			S32Min: 0, S32Max: 0, U32Min: 0, U32Max: 0}.synced(),
			"scalar(smax=0x7fffffff00000000,umax=0xffffffff00000000,smin32=0,smax32=umax32=0,var_off=(0x0; 0xffffffff00000000))"},
		// From the kernel's selftests (verifier_bounds.c).
		{Scalar{VarOff: Tnum{Value: 0xfffffffffffffc00, Mask: 0x3ff},
			SMin: -655, SMax: -146, UMin: 0xfffffffffffffd71, UMax: 0xffffffffffffff6e,
			S32Min: -655, S32Max: -146, U32Min: 0xfffffd71, U32Max: 0xffffff6e},
			"scalar(smin=smin32=-655,smax=smax32=-146,umin=0xfffffffffffffd71,umax=0xffffffffffffff6e,umin32=0xfffffd71,umax32=0xffffff6e,var_off=(0xfffffffffffffc00; 0x3ff))"},
		// A 32-bit signed bound in hex is printed as 32 bits.
		{Scalar{VarOff: TnumUnknown, SMin: math.MinInt64, SMax: math.MaxInt64, UMax: math.MaxUint64,
			S32Min: -100000, S32Max: math.MaxInt32, U32Max: math.MaxUint32},
			"scalar(smin32=0xfffe7960)"},
		// A negative signed bound does not merge with an unsigned one.
		{Scalar{VarOff: TnumUnknown, SMin: -1, SMax: math.MaxInt64, UMin: math.MaxUint64, UMax: math.MaxUint64,
			S32Min: math.MinInt32, S32Max: math.MaxInt32, U32Max: math.MaxUint32},
			"scalar(smin=-1,umin=0xffffffffffffffff)"},
	}
	for _, tt := range tests {
		if got := tt.s.String(); got != tt.want {
			t.Errorf("%#v:\n got %s\nwant %s", tt.s, got, tt.want)
		}
	}
	r := ConstScalar(5)
	if got := string(r.AppendLog(nil, "id=2")); got != "5" {
		t.Errorf("constant with id = %s, want 5", got)
	}
	w := UnknownScalar()
	w.UMax = 7
	w.Sync()
	if got := string(w.AppendLog([]byte("R1="), "id=2")); got != "R1=scalar(id=2,smin=smin32=0,smax=umax=smax32=umax32=7,var_off=(0x0; 0x7))" {
		t.Errorf("with id: %s", got)
	}
	if got := string(unknown.AppendLog(nil, "id=3")); got != "scalar(id=3)" {
		t.Errorf("unknown with id: %s", got)
	}
}

func (s Scalar) synced() Scalar { s.Sync(); return s }

// tnumScalar is what the kernel knows of a value of which it knows t.
func tnumScalar(t Tnum) Scalar {
	s := UnknownScalar()
	s.VarOff = t
	s.Sync()
	return s
}

func TestScalarSanityCheck(t *testing.T) {
	s := ConstScalar(5)
	s.UMin = 6
	line := s.SanityCheck("alu")
	want := "REG INVARIANTS VIOLATION (alu): range bounds violation u64=[0x6, 0x5] s64=[0x5, 0x5] u32=[0x5, 0x5] s32=[0x5, 0x5] var_off=(0x5, 0x0)"
	if line != want {
		t.Errorf("got  %s\nwant %s", line, want)
	}
	if s.UMin != 0 || s.UMax != math.MaxUint64 || s.VarOff != TnumConst(5) {
		t.Errorf("after a violation the ranges are forgotten and the tnum kept: %#v", s)
	}
	s = ConstScalar(5)
	s.UMax = 7
	if line := s.SanityCheck("true_reg1"); !strings.Contains(line, "(true_reg1): const tnum out of sync with range bounds") {
		t.Errorf("got %q", line)
	}
	s = UnknownScalar()
	s.VarOff = Tnum{Value: 3, Mask: math.MaxUint32 << 32}
	s.Sync()
	s.U32Max = 4
	if line := s.SanityCheck("false_reg2"); !strings.Contains(line, "const subreg tnum out of sync") {
		t.Errorf("got %q", line)
	}
}

// TestScalarCoerceSound: narrowing and sign-extending keep every value.
func TestScalarCoerceSound(t *testing.T) {
	r := newRand(t)
	for range 100000 {
		s, x := randScalar(r)
		for _, size := range []int{1, 2, 4} {
			v := sample(r, s, x)
			z := s
			z.CoerceToSize(size)
			check(t, "coerce", z, v&(uint64(1)<<(size*8)-1))
			sx := s
			sx.CoerceToSizeSX(size)
			check(t, "coerce sx", sx, uint64(sext(v, size)))
		}
	}
}

func TestScalarCoerceExamples(t *testing.T) {
	s := UnknownScalar()
	s.CoerceToSize(1)
	if got, want := s.String(), "scalar(smin=smin32=0,smax=umax=smax32=umax32=255,var_off=(0x0; 0xff))"; got != want {
		t.Errorf("u8 of unknown:\n got %s\nwant %s", got, want)
	}
	s = UnknownScalar()
	s.CoerceToSizeSX(1)
	// set_sext64_default_val, not synced.
	if got, want := s.String(), "scalar(smin=smin32=-128,smax=smax32=127)"; got != want {
		t.Errorf("s8 of unknown:\n got %s\nwant %s", got, want)
	}
	s = UnknownScalar()
	s.SMin, s.SMax = 0x180, 0x1fe // low bytes 0x80..0xfe: all negative as s8
	s.Sync()
	s.CoerceToSizeSX(1)
	if got, want := s.String(), "scalar(smin=smin32=-128,smax=smax32=-2,umin=0xffffffffffffff80,umax=0xfffffffffffffffe,umin32=0xffffff80,umax32=0xfffffffe,var_off=(0xffffffffffffff80; 0x7f))"; got != want {
		t.Errorf("s8 of [0x180, 0x1fe]:\n got %s\nwant %s", got, want)
	}
}
