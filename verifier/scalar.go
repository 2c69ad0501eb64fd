package verifier

// This file implements the scalar abstract domain: what the verifier knows
// about a number in a register, as the kernel's struct bpf_reg_state keeps
// it for a SCALAR_VALUE (kernel/bpf/verifier.c): a tnum plus signed and
// unsigned ranges in 64 and 32 bits, and the kernel's way of keeping the
// five in step (reg_bounds_sync and the functions it calls), of narrowing
// and sign-extending (coerce_reg_to_size and its _sx forms), of checking
// its invariants (reg_bounds_sanity_check) and of printing a scalar in the
// verifier log (print_reg_state and print_scalar_ranges in
// kernel/bpf/log.c).
//
// The reference is Linux 6.12 (Debian's linux-source-6.12, 6.12.117, the
// tree the selftests come from). Where the kernel is imprecise, so is this.

import (
	"fmt"
	"math"
	"strconv"
)

// Scalar is what the verifier knows about a scalar register: every
// concrete value it may hold is in all five of VarOff, [SMin, SMax] (as a
// signed 64-bit number), [UMin, UMax] (unsigned), [S32Min, S32Max] (the
// low 32 bits as a signed number) and [U32Min, U32Max] (the low 32 bits
// unsigned). The fields are the kernel's, in its names.
//
// The register's identity (id, precision, liveness) belongs to the
// register state around a Scalar, not to the Scalar.
type Scalar struct {
	VarOff         Tnum
	SMin, SMax     int64
	UMin, UMax     uint64
	S32Min, S32Max int32
	U32Min, U32Max uint32
}

// UnknownScalar knows nothing (__mark_reg_unknown: tnum_unknown and
// unbounded ranges).
func UnknownScalar() Scalar {
	s := Scalar{VarOff: TnumUnknown}
	s.markUnbounded()
	return s
}

// ConstScalar is the constant v (___mark_reg_known).
func ConstScalar(v uint64) Scalar {
	return Scalar{
		VarOff: TnumConst(v),
		SMin:   int64(v), SMax: int64(v),
		UMin: v, UMax: v,
		S32Min: int32(v), S32Max: int32(v),
		U32Min: uint32(v), U32Max: uint32(v),
	}
}

// Contains reports whether x is one of the values s stands for: it is in
// the tnum and in all four ranges.
func (s Scalar) Contains(x uint64) bool {
	return s.VarOff.Contains(x) &&
		int64(x) >= s.SMin && int64(x) <= s.SMax &&
		x >= s.UMin && x <= s.UMax &&
		int32(x) >= s.S32Min && int32(x) <= s.S32Max &&
		uint32(x) >= s.U32Min && uint32(x) <= s.U32Max
}

// IsConst reports whether s is a known constant in the given width: the
// whole tnum, or its low 32 bits (is_reg_const for a scalar).
func (s Scalar) IsConst(subreg32 bool) bool {
	if subreg32 {
		return s.VarOff.SubregIsConst()
	}
	return s.VarOff.IsConst()
}

// ConstValue is the constant of a scalar for which IsConst(subreg32) holds
// (reg_const_value).
func (s Scalar) ConstValue(subreg32 bool) uint64 {
	if subreg32 {
		return s.VarOff.Subreg().Value
	}
	return s.VarOff.Value
}

// IsUnknown reports whether s knows nothing at all.
func (s Scalar) IsUnknown() bool { return s == UnknownScalar() }

// markUnbounded forgets all four ranges and keeps the tnum
// (__mark_reg_unbounded).
func (s *Scalar) markUnbounded() {
	s.mark64Unbounded()
	s.mark32Unbounded()
}

// mark64Unbounded forgets the 64-bit ranges (__mark_reg64_unbounded).
func (s *Scalar) mark64Unbounded() {
	s.SMin, s.SMax = math.MinInt64, math.MaxInt64
	s.UMin, s.UMax = 0, math.MaxUint64
}

// mark32Unbounded forgets the 32-bit ranges (__mark_reg32_unbounded).
func (s *Scalar) mark32Unbounded() {
	s.S32Min, s.S32Max = math.MinInt32, math.MaxInt32
	s.U32Min, s.U32Max = 0, math.MaxUint32
}

// markKnown makes s the constant v (___mark_reg_known).
func (s *Scalar) markKnown(v uint64) { *s = ConstScalar(v) }

// mark32Known makes the low 32 bits of s the constant v and leaves the
// 64-bit ranges as they were (__mark_reg32_known).
func (s *Scalar) mark32Known(v uint64) {
	s.VarOff = s.VarOff.ConstSubreg(uint32(v))
	s.S32Min, s.S32Max = int32(v), int32(v)
	s.U32Min, s.U32Max = uint32(v), uint32(v)
}

// update32Bounds narrows the 32-bit ranges to what the tnum's low half
// allows (__update_reg32_bounds).
func (s *Scalar) update32Bounds() {
	t := s.VarOff.Subreg()
	// The signed minimum has the sign bit set if it may be, and the other
	// unknown bits clear; the maximum the other way round.
	s.S32Min = max(s.S32Min, int32(uint32(t.Value|t.Mask&0x80000000)))
	s.S32Max = min(s.S32Max, int32(uint32(t.Value|t.Mask&0x7fffffff)))
	s.U32Min = max(s.U32Min, uint32(t.Value))
	s.U32Max = min(s.U32Max, uint32(t.Value|t.Mask))
}

// update64Bounds narrows the 64-bit ranges to what the tnum allows
// (__update_reg64_bounds).
func (s *Scalar) update64Bounds() {
	t := s.VarOff
	s.SMin = max(s.SMin, int64(t.Value|t.Mask&(1<<63)))
	s.SMax = min(s.SMax, int64(t.Value|t.Mask&math.MaxInt64))
	s.UMin = max(s.UMin, t.Value)
	s.UMax = min(s.UMax, t.Value|t.Mask)
}

// updateBounds narrows all four ranges to the tnum (__update_reg_bounds).
func (s *Scalar) updateBounds() {
	s.update32Bounds()
	s.update64Bounds()
}

// deduce32Bounds narrows the 32-bit ranges from the 64-bit ones and from
// each other (__reg32_deduce_bounds).
func (s *Scalar) deduce32Bounds() {
	// When the upper halves of the 64-bit bounds are equal, the low halves
	// form a range too.
	if s.UMin>>32 == s.UMax>>32 {
		s.U32Min = max(s.U32Min, uint32(s.UMin))
		s.U32Max = min(s.U32Max, uint32(s.UMax))
		if int32(s.UMin) <= int32(s.UMax) {
			s.S32Min = max(s.S32Min, int32(s.UMin))
			s.S32Max = min(s.S32Max, int32(s.UMax))
		}
	}
	if s.SMin>>32 == s.SMax>>32 {
		if uint32(s.SMin) <= uint32(s.SMax) {
			s.U32Min = max(s.U32Min, uint32(s.SMin))
			s.U32Max = min(s.U32Max, uint32(s.SMax))
		}
		if int32(s.SMin) <= int32(s.SMax) {
			s.S32Min = max(s.S32Min, int32(s.SMin))
			s.S32Max = min(s.S32Max, int32(s.SMax))
		}
	}
	// Upper halves that are two consecutive numbers (0xffffffff then 0
	// included), with the low halves going from negative to non-negative:
	// the low halves form a signed range, e.g. [-1, 1] for s64 [-1, 1].
	if uint32(s.UMin>>32)+1 == uint32(s.UMax>>32) &&
		int32(s.UMin) < 0 && int32(s.UMax) >= 0 {
		s.S32Min = max(s.S32Min, int32(s.UMin))
		s.S32Max = min(s.S32Max, int32(s.UMax))
	}
	if uint32(s.SMin>>32)+1 == uint32(s.SMax>>32) &&
		int32(s.SMin) < 0 && int32(s.SMax) >= 0 {
		s.S32Min = max(s.S32Min, int32(s.SMin))
		s.S32Max = min(s.S32Max, int32(s.SMax))
	}
	// A u32 range that does not cross the sign bit is an s32 range.
	if int32(s.U32Min) <= int32(s.U32Max) {
		s.S32Min = max(s.S32Min, int32(s.U32Min))
		s.S32Max = min(s.S32Max, int32(s.U32Max))
	}
	// An s32 range that does not cross the sign boundary is a u32 range;
	// one that does may still overlap the u32 range on one side only.
	if uint32(s.S32Min) <= uint32(s.S32Max) {
		s.U32Min = max(uint32(s.S32Min), s.U32Min)
		s.U32Max = min(uint32(s.S32Max), s.U32Max)
	} else if s.U32Max < uint32(s.S32Min) {
		// The u32 range meets only the non-negative part.
		s.S32Min = int32(s.U32Min)
		s.U32Max = min(s.U32Max, uint32(s.S32Max))
	} else if uint32(s.S32Max) < s.U32Min {
		// The u32 range meets only the negative part.
		s.S32Max = int32(s.U32Max)
		s.U32Min = max(s.U32Min, uint32(s.S32Min))
	}
}

// deduce64Bounds narrows the signed and unsigned 64-bit ranges from each
// other (__reg64_deduce_bounds).
func (s *Scalar) deduce64Bounds() {
	// A u64 range that does not cross the sign bit is an s64 range.
	if int64(s.UMin) <= int64(s.UMax) {
		s.SMin = max(s.SMin, int64(s.UMin))
		s.SMax = min(s.SMax, int64(s.UMax))
	}
	// An s64 range that does not cross the sign boundary is a u64 range;
	// one that does may still overlap the u64 range on one side only.
	if uint64(s.SMin) <= uint64(s.SMax) {
		s.UMin = max(uint64(s.SMin), s.UMin)
		s.UMax = min(uint64(s.SMax), s.UMax)
	} else if s.UMax < uint64(s.SMin) {
		// The u64 range meets only the non-negative part.
		s.SMin = int64(s.UMin)
		s.UMax = min(s.UMax, uint64(s.SMax))
	} else if uint64(s.SMax) < s.UMin {
		// The u64 range meets only the negative part.
		s.SMax = int64(s.UMax)
		s.UMin = max(s.UMin, uint64(s.SMin))
	}
}

// deduceMixedBounds narrows the 64-bit ranges from the 32-bit ones
// (__reg_deduce_mixed_bounds): the low halves of the 64-bit bounds are
// replaced by the 32-bit bounds where that tightens them.
func (s *Scalar) deduceMixedBounds() {
	const hi = ^uint64(0xffffffff)

	// u32 into u64 and s64.
	s.UMin = max(s.UMin, s.UMin&hi|uint64(s.U32Min))
	s.UMax = min(s.UMax, s.UMax&hi|uint64(s.U32Max))
	s.SMin = max(s.SMin, int64(uint64(s.SMin)&hi|uint64(s.U32Min)))
	s.SMax = min(s.SMax, int64(uint64(s.SMax)&hi|uint64(s.U32Max)))

	// s32 too, when it is also a valid u32 range.
	if uint32(s.S32Min) <= uint32(s.S32Max) {
		lo, hi32 := uint64(uint32(s.S32Min)), uint64(uint32(s.S32Max))
		s.UMin = max(s.UMin, s.UMin&hi|lo)
		s.UMax = min(s.UMax, s.UMax&hi|hi32)
		s.SMin = max(s.SMin, int64(uint64(s.SMin)&hi|lo))
		s.SMax = min(s.SMax, int64(uint64(s.SMax)&hi|hi32))
	}

	// A 64-bit value within [S32_MIN, S32_MAX] is the sign extension of
	// its low half; when that half is non-negative, so is the value, and
	// the 64-bit ranges are the s32 range (the case after a sign-extending
	// load).
	if s.S32Min >= 0 && s.SMin >= math.MinInt32 && s.SMax <= math.MaxInt32 {
		s.SMin, s.SMax = int64(s.S32Min), int64(s.S32Max)
		s.UMin, s.UMax = uint64(s.S32Min), uint64(s.S32Max)
		s.VarOff = s.VarOff.Intersect(TnumRange(uint64(s.SMin), uint64(s.SMax)))
	}
}

// deduceBounds is one round of deductions between the ranges
// (__reg_deduce_bounds).
func (s *Scalar) deduceBounds() {
	s.deduce32Bounds()
	s.deduce64Bounds()
	s.deduceMixedBounds()
}

// boundOffset narrows the tnum to the unsigned ranges
// (__reg_bound_offset).
func (s *Scalar) boundOffset() {
	v64 := s.VarOff.Intersect(TnumRange(s.UMin, s.UMax))
	v32 := v64.Subreg().Intersect(TnumRange(uint64(s.U32Min), uint64(s.U32Max)))
	s.VarOff = v64.ClearSubreg().Or(v32)
}

// Sync brings the tnum and the four ranges in step, as the kernel does
// after every operation (reg_bounds_sync): ranges from the tnum, three
// rounds of deductions between the ranges, the tnum from the ranges, and
// the ranges from the tnum again.
func (s *Scalar) Sync() {
	s.updateBounds()
	s.deduceBounds()
	s.deduceBounds()
	s.deduceBounds()
	s.boundOffset()
	s.updateBounds()
}

// SanityCheck checks the invariants the kernel checks after an ALU
// operation and after refining a branch (reg_bounds_sanity_check): every
// range has min <= max, and a constant tnum (or low half) agrees with the
// ranges. When one fails it returns the kernel's log line for it, with ctx
// naming the place ("alu", "true_reg1", ...), and forgets the ranges (the
// kernel does so unless BPF_F_TEST_REG_INVARIANTS asks it to fail the
// program). It returns "" when s is sane.
func (s *Scalar) SanityCheck(ctx string) string {
	var msg string
	switch {
	case s.UMin > s.UMax || s.SMin > s.SMax || s.U32Min > s.U32Max || s.S32Min > s.S32Max:
		msg = "range bounds violation"
	case s.VarOff.IsConst() && (s.UMin != s.VarOff.Value || s.UMax != s.VarOff.Value ||
		s.SMin != int64(s.VarOff.Value) || s.SMax != int64(s.VarOff.Value)):
		msg = "const tnum out of sync with range bounds"
	case s.VarOff.SubregIsConst() && !s.subregConstInSync():
		msg = "const subreg tnum out of sync with range bounds"
	default:
		return ""
	}
	line := fmt.Sprintf("REG INVARIANTS VIOLATION (%s): %s u64=[%#x, %#x] "+
		"s64=[%#x, %#x] u32=[%#x, %#x] s32=[%#x, %#x] var_off=(%#x, %#x)",
		ctx, msg, s.UMin, s.UMax, uint64(s.SMin), uint64(s.SMax),
		s.U32Min, s.U32Max, uint32(s.S32Min), uint32(s.S32Max),
		s.VarOff.Value, s.VarOff.Mask)
	s.markUnbounded()
	return line
}

func (s *Scalar) subregConstInSync() bool {
	v := uint32(s.VarOff.Value)
	return s.U32Min == v && s.U32Max == v && s.S32Min == int32(v) && s.S32Max == int32(v)
}

// assign32Into64 sets the 64-bit ranges of a zero-extended 32-bit result
// from its 32-bit ranges (__reg_assign_32_into_64).
func (s *Scalar) assign32Into64() {
	s.UMin, s.UMax = uint64(s.U32Min), uint64(s.U32Max)
	// The s32 range carries over only when it is non-negative; otherwise
	// the tnum refines [0, U32_MAX] later.
	if s.S32Min >= 0 && s.S32Max >= 0 {
		s.SMin, s.SMax = int64(s.S32Min), int64(s.S32Max)
	} else {
		s.SMin, s.SMax = 0, math.MaxUint32
	}
}

// zext32To64 zero-extends the low half into the register, as every 32-bit
// ALU operation does (zext_32_to_64). The caller syncs.
func (s *Scalar) zext32To64() {
	s.VarOff = s.VarOff.Subreg()
	s.assign32Into64()
}

// CoerceToSize keeps the low size bytes of s, zero-extended, as after a
// narrow load or a narrowing spill fill (coerce_reg_to_size); size is 1, 2
// or 4.
func (s *Scalar) CoerceToSize(size int) {
	s.VarOff = s.VarOff.Cast(size)
	mask := uint64(1)<<(size*8) - 1
	if s.UMin&^mask == s.UMax&^mask {
		s.UMin &= mask
		s.UMax &= mask
	} else {
		s.UMin, s.UMax = 0, mask
	}
	s.SMin, s.SMax = int64(s.UMin), int64(s.UMax)
	// Below 32 bits the 32-bit ranges are truncated too: let the sync
	// recompute them from the 64-bit ones.
	if size < 4 {
		s.mark32Unbounded()
	}
	s.Sync()
}

// sext sign-extends the low size bytes of v.
func sext(v uint64, size int) int64 {
	switch size {
	case 1:
		return int64(int8(v))
	case 2:
		return int64(int16(v))
	}
	return int64(int32(v))
}

// CoerceToSizeSX sign-extends the low size bytes of s into the register,
// as `r1 = (s8)r2` and the sign-extending loads do
// (coerce_reg_to_size_sx); size is 1, 2 or 4. Like the kernel, it does
// not sync.
func (s *Scalar) CoerceToSizeSX(size int) {
	if s.VarOff.IsConst() {
		s.markKnown(uint64(sext(s.VarOff.Value, size)))
		return
	}
	bits := uint(size * 8)
	// When the signed bounds agree above the low size bytes, so do all the
	// values between them, and sign-extending the low bytes is monotonic
	// if both ends extend to the same sign.
	if uint64(s.SMax)>>bits == uint64(s.SMin)>>bits {
		a, b := sext(uint64(s.SMax), size), sext(uint64(s.SMin), size)
		lo, hi := min(a, b), max(a, b)
		if (lo >= 0) == (hi >= 0) {
			s.SMin, s.SMax = lo, hi
			s.S32Min, s.S32Max = int32(lo), int32(hi)
			s.UMin, s.UMax = uint64(lo), uint64(hi)
			s.U32Min, s.U32Max = uint32(lo), uint32(hi)
			s.VarOff = TnumRange(uint64(lo), uint64(hi))
			return
		}
	}
	// set_sext64_default_val
	lo, hi := sext(1<<(bits-1), size), sext(1<<(bits-1)-1, size)
	s.SMin, s.SMax = lo, hi
	s.S32Min, s.S32Max = int32(lo), int32(hi)
	s.UMin, s.UMax = 0, math.MaxUint64
	s.U32Min, s.U32Max = 0, math.MaxUint32
	s.VarOff = TnumUnknown
}

// coerceSubregToSizeSX sign-extends the low size bytes (1 or 2) of s into
// the low 32 bits, as `w1 = (s8)w2` does (coerce_subreg_to_size_sx). Only
// the 32-bit ranges are set; the caller zero-extends.
func (s *Scalar) coerceSubregToSizeSX(size int) {
	if s.VarOff.IsConst() {
		v := uint64(sext(s.VarOff.Value, size))
		s.VarOff = TnumConst(v)
		s.S32Min, s.S32Max = int32(v), int32(v)
		s.U32Min, s.U32Max = uint32(v), uint32(v)
		return
	}
	bits := uint(size * 8)
	if uint32(s.S32Max)>>bits == uint32(s.S32Min)>>bits {
		a, b := int32(sext(uint64(s.S32Max), size)), int32(sext(uint64(s.S32Min), size))
		lo, hi := min(a, b), max(a, b)
		if (lo >= 0) == (hi >= 0) {
			s.S32Min, s.S32Max = lo, hi
			s.U32Min, s.U32Max = uint32(lo), uint32(hi)
			s.VarOff = TnumRange(uint64(int64(lo)), uint64(int64(hi))).Subreg()
			return
		}
	}
	// set_sext32_default_val
	s.S32Min, s.S32Max = int32(sext(1<<(bits-1), size)), int32(sext(1<<(bits-1)-1, size))
	s.U32Min, s.U32Max = 0, math.MaxUint32
	s.VarOff = TnumUnknown.Subreg()
}

// String prints s as the kernel's verifier log prints a scalar register
// (print_reg_state): a constant as its value ("1", "-1", "0xffffffff"),
// anything else as "scalar(...)" with the ranges that say something and
// the tnum when it is not unknown, e.g.
// "scalar(smin=smin32=0,smax=umax=smax32=umax32=255,var_off=(0x0; 0xff))".
// An unknown scalar is "scalar()".
func (s Scalar) String() string { return string(s.AppendLog(nil)) }

// AppendLog appends s to b as String prints it; attrs, if any, come first
// inside the parentheses, as the register printer puts "id=2" there. A
// constant prints as its value alone, attributes or not, as in the kernel.
func (s Scalar) AppendLog(b []byte, attrs ...string) []byte {
	if s.VarOff.IsConst() {
		return appendSnum(b, int64(s.VarOff.Value))
	}
	b = append(b, "scalar("...)
	sep := ""
	for _, a := range attrs {
		b = append(b, sep...)
		b = append(b, a...)
		sep = ","
	}
	b = s.appendRanges(b, &sep)
	if !s.VarOff.IsUnknown() {
		b = append(b, sep...)
		b = append(b, "var_off="...)
		b = append(b, s.VarOff.String()...)
	}
	return append(b, ')')
}

// appendRanges appends the bounds that say something, merging equal ones
// (print_scalar_ranges): each bound is compared with the later ones of the
// same kind (min with min, max with max), and equal values print once
// under every name, e.g. "smax=umax=smax32=umax32=255"; a negative signed
// bound never merges with a non-negative one. 32-bit signed bounds that
// print in hex print as 32-bit numbers, not sign-extended.
func (s Scalar) appendRanges(b []byte, sep *string) []byte {
	s32 := func(v int32) uint64 {
		if isSnumDecimal(int64(v)) {
			return uint64(int64(v))
		}
		return uint64(uint32(v))
	}
	type bound struct {
		name string
		val  uint64
		omit bool
	}
	bs := [...]bound{
		{"smin", uint64(s.SMin), s.SMin == math.MinInt64},
		{"smax", uint64(s.SMax), s.SMax == math.MaxInt64},
		{"umin", s.UMin, s.UMin == 0},
		{"umax", s.UMax, s.UMax == math.MaxUint64},
		{"smin32", s32(s.S32Min), s.S32Min == math.MinInt32},
		{"smax32", s32(s.S32Max), s.S32Max == math.MaxInt32},
		{"umin32", uint64(s.U32Min), s.U32Min == 0},
		{"umax32", uint64(s.U32Max), s.U32Max == math.MaxUint32},
	}
	for i := range bs {
		m1 := &bs[i]
		if m1.omit {
			continue
		}
		neg1 := m1.name[0] == 's' && int64(m1.val) < 0
		b = append(b, *sep...)
		b = append(b, m1.name...)
		b = append(b, '=')
		*sep = ","
		for j := i + 2; j < len(bs); j += 2 {
			m2 := &bs[j]
			if m2.omit || m2.val != m1.val {
				continue
			}
			if neg2 := m2.name[0] == 's' && int64(m2.val) < 0; neg2 != neg1 {
				continue
			}
			m2.omit = true
			b = append(b, m2.name...)
			b = append(b, '=')
		}
		if m1.name[0] == 's' {
			b = appendSnum(b, int64(m1.val))
		} else {
			b = appendUnum(b, m1.val)
		}
	}
	return b
}

// The log prints small numbers in decimal and the rest in hex
// (is_unum_decimal, is_snum_decimal in kernel/bpf/log.c).
func isUnumDecimal(v uint64) bool { return v <= math.MaxUint16 }
func isSnumDecimal(v int64) bool  { return v >= math.MinInt16 && v <= math.MaxInt16 }

// appendUnum appends an unsigned number as the log prints it (verbose_unum).
func appendUnum(b []byte, v uint64) []byte {
	if isUnumDecimal(v) {
		return strconv.AppendUint(b, v, 10)
	}
	return strconv.AppendUint(append(b, "0x"...), v, 16)
}

// appendSnum appends a signed number as the log prints it (verbose_snum):
// a negative number outside the decimal range prints as its 64-bit two's
// complement in hex.
func appendSnum(b []byte, v int64) []byte {
	if isSnumDecimal(v) {
		return strconv.AppendInt(b, v, 10)
	}
	return strconv.AppendUint(append(b, "0x"...), uint64(v), 16)
}
