package verifier

// This file implements tnums, the kernel verifier's tracked numbers
// (kernel/bpf/tnum.c, include/linux/tnum.h): what is known about each bit
// of a 64-bit value. Every function names the kernel function it follows;
// the results are the kernel's, bit for bit, imprecisions included.

import (
	"fmt"
	"math/bits"
)

// Tnum is a tracked number: each bit is known 0, known 1 or unknown. A bit
// set in Mask is unknown; a bit clear in Mask has the value of that bit in
// Value. Value never has a bit set where Mask does.
//
// A Tnum stands for the set of every x with x&^Mask == Value.
type Tnum struct {
	Value uint64
	Mask  uint64
}

// TnumUnknown knows nothing: every 64-bit value (tnum_unknown).
var TnumUnknown = Tnum{Value: 0, Mask: ^uint64(0)}

// TnumConst is the constant v (tnum_const).
func TnumConst(v uint64) Tnum { return Tnum{Value: v} }

// TnumRange is the smallest tnum holding every value in [min, max]
// (tnum_range). It may hold more: TnumRange(0, 2) holds 3 as well. The
// bits from the highest one where min and max differ down are unknown.
func TnumRange(min, max uint64) Tnum {
	n := bits.Len64(min ^ max)
	if n > 63 {
		return TnumUnknown
	}
	delta := uint64(1)<<n - 1
	return Tnum{Value: min &^ delta, Mask: delta}
}

// Contains reports whether x is one of the values a stands for.
func (a Tnum) Contains(x uint64) bool { return x&^a.Mask == a.Value }

// IsConst reports whether every bit is known (tnum_is_const).
func (a Tnum) IsConst() bool { return a.Mask == 0 }

// EqualsConst reports whether a is the constant b (tnum_equals_const).
func (a Tnum) EqualsConst(b uint64) bool { return a.IsConst() && a.Value == b }

// IsUnknown reports whether no bit is known (tnum_is_unknown).
func (a Tnum) IsUnknown() bool { return a.Mask == ^uint64(0) }

// Lsh shifts a left by a fixed amount (tnum_lshift). Callers keep shift
// below 64, as the kernel's do.
func (a Tnum) Lsh(shift uint8) Tnum {
	return Tnum{Value: a.Value << shift, Mask: a.Mask << shift}
}

// Rsh shifts a right, unsigned, by a fixed amount (tnum_rshift).
func (a Tnum) Rsh(shift uint8) Tnum {
	return Tnum{Value: a.Value >> shift, Mask: a.Mask >> shift}
}

// Arsh shifts a right, arithmetically, by a fixed amount in a register of
// the given width, 32 or 64 (tnum_arshift). An unknown sign bit makes the
// bits shifted in unknown. The 32-bit form works on the low half and
// returns it zero-extended.
func (a Tnum) Arsh(shift uint8, width int) Tnum {
	if width == 32 {
		return Tnum{
			Value: uint64(uint32(int32(uint32(a.Value)) >> shift)),
			Mask:  uint64(uint32(int32(uint32(a.Mask)) >> shift)),
		}
	}
	return Tnum{
		Value: uint64(int64(a.Value) >> shift),
		Mask:  uint64(int64(a.Mask) >> shift),
	}
}

// Add is a + b (tnum_add): the carries that unknown bits may cause are
// unknown.
func (a Tnum) Add(b Tnum) Tnum {
	sm := a.Mask + b.Mask
	sv := a.Value + b.Value
	sigma := sm + sv
	chi := sigma ^ sv
	mu := chi | a.Mask | b.Mask
	return Tnum{Value: sv &^ mu, Mask: mu}
}

// Sub is a - b (tnum_sub).
func (a Tnum) Sub(b Tnum) Tnum {
	dv := a.Value - b.Value
	alpha := dv + a.Mask
	beta := dv - b.Mask
	chi := alpha ^ beta
	mu := chi | a.Mask | b.Mask
	return Tnum{Value: dv &^ mu, Mask: mu}
}

// And is a & b (tnum_and).
func (a Tnum) And(b Tnum) Tnum {
	alpha := a.Value | a.Mask
	beta := b.Value | b.Mask
	v := a.Value & b.Value
	return Tnum{Value: v, Mask: alpha & beta &^ v}
}

// Or is a | b (tnum_or).
func (a Tnum) Or(b Tnum) Tnum {
	v := a.Value | b.Value
	mu := a.Mask | b.Mask
	return Tnum{Value: v, Mask: mu &^ v}
}

// Xor is a ^ b (tnum_xor).
func (a Tnum) Xor(b Tnum) Tnum {
	v := a.Value ^ b.Value
	mu := a.Mask | b.Mask
	return Tnum{Value: v &^ mu, Mask: mu}
}

// Mul is a * b (tnum_mul): long multiplication over the bits of a, keeping
// the product of the known parts apart from the sum of the partial
// products that unknown bits contribute (https://arxiv.org/abs/2105.05398).
func (a Tnum) Mul(b Tnum) Tnum {
	accV := a.Value * b.Value
	accM := Tnum{}
	for a.Value != 0 || a.Mask != 0 {
		switch {
		case a.Value&1 != 0: // a known 1: b's unknown bits carry over
			accM = accM.Add(Tnum{Mask: b.Mask})
		case a.Mask&1 != 0: // an unknown bit: all of b may carry over
			accM = accM.Add(Tnum{Mask: b.Value | b.Mask})
		}
		a = a.Rsh(1)
		b = b.Lsh(1)
	}
	return Tnum{Value: accV}.Add(accM)
}

// Overlap reports whether a and b may hold the same value: their known
// bits agree wherever both are known (tnum_overlap).
func (a Tnum) Overlap(b Tnum) bool {
	mu := ^a.Mask & ^b.Mask
	return a.Value&mu == b.Value&mu
}

// Intersect is what both a and b know (tnum_intersect). Where a and b
// disagree on a known bit the result says 1, as the kernel's does; only
// callers that know the sets overlap get a meaningful answer.
func (a Tnum) Intersect(b Tnum) Tnum {
	v := a.Value | b.Value
	mu := a.Mask & b.Mask
	return Tnum{Value: v &^ mu, Mask: mu}
}

// Cast keeps the low size bytes of a and clears the rest (tnum_cast);
// size is 1, 2, 4 or 8.
func (a Tnum) Cast(size int) Tnum {
	if size >= 8 {
		return a
	}
	m := uint64(1)<<(size*8) - 1
	return Tnum{Value: a.Value & m, Mask: a.Mask & m}
}

// IsAligned reports whether every value of a is a multiple of size, a
// power of two (tnum_is_aligned).
func (a Tnum) IsAligned(size uint64) bool {
	if size == 0 {
		return true
	}
	return (a.Value|a.Mask)&(size-1) == 0
}

// In reports whether every value of b is a value of a (tnum_in).
func (a Tnum) In(b Tnum) bool {
	if b.Mask&^a.Mask != 0 {
		return false
	}
	return a.Value == b.Value&^a.Mask
}

// Subreg is the low 32 bits of a, zero-extended (tnum_subreg).
func (a Tnum) Subreg() Tnum { return a.Cast(4) }

// ClearSubreg is a with its low 32 bits known zero (tnum_clear_subreg).
func (a Tnum) ClearSubreg() Tnum { return a.Rsh(32).Lsh(32) }

// WithSubreg is a with its low 32 bits taken from sub (tnum_with_subreg).
func (a Tnum) WithSubreg(sub Tnum) Tnum { return a.ClearSubreg().Or(sub.Subreg()) }

// ConstSubreg is a with its low 32 bits the constant v (tnum_const_subreg).
func (a Tnum) ConstSubreg(v uint32) Tnum { return a.WithSubreg(TnumConst(uint64(v))) }

// SubregIsConst reports whether the low 32 bits are all known
// (tnum_subreg_is_const).
func (a Tnum) SubregIsConst() bool { return a.Subreg().Mask == 0 }

// String prints a the way the kernel's verifier log does (tnum_strn in
// kernel/bpf/log.c): a constant as a number (decimal up to 65535, hex
// beyond), anything else as "(value; mask)" in hex.
func (a Tnum) String() string {
	if a.Mask == 0 {
		return string(appendUnum(nil, a.Value))
	}
	return fmt.Sprintf("(%#x; %#x)", a.Value, a.Mask)
}

// Binary prints a as 64 tristate digits, most significant first: 0, 1 or
// x for unknown (tnum_sbin).
func (a Tnum) Binary() string {
	var b [64]byte
	for i := range b {
		bit := uint64(1) << (63 - i)
		switch {
		case a.Mask&bit != 0:
			b[i] = 'x'
		case a.Value&bit != 0:
			b[i] = '1'
		default:
			b[i] = '0'
		}
	}
	return string(b[:])
}

// Bswap16 is tnum_bswap16: the low two bytes swapped, the rest cleared
// (known zero).
func (a Tnum) Bswap16() Tnum {
	return Tnum{Value: uint64(bits.ReverseBytes16(uint16(a.Value))), Mask: uint64(bits.ReverseBytes16(uint16(a.Mask)))}
}

// Bswap32 is tnum_bswap32.
func (a Tnum) Bswap32() Tnum {
	return Tnum{Value: uint64(bits.ReverseBytes32(uint32(a.Value))), Mask: uint64(bits.ReverseBytes32(uint32(a.Mask)))}
}

// Bswap64 is tnum_bswap64.
func (a Tnum) Bswap64() Tnum {
	return Tnum{Value: bits.ReverseBytes64(a.Value), Mask: bits.ReverseBytes64(a.Mask)}
}
