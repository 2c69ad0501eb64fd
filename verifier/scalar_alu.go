package verifier

// This file implements ALU instructions on scalars: the bounds and tnum of
// dst after `dst op= src` (adjust_scalar_min_max_vals and the
// scalar{32,}_min_max_* functions of kernel/bpf/verifier.c), moves and
// sign-extending moves (the BPF_MOV part of check_alu_op), and the state
// split the kernel makes before AND and OR on a register in [-1, 0]
// (maybe_fork_scalars). Like the kernel, it tracks add, sub, mul, and, or,
// xor and shifts by a constant, and knows nothing after a division, a
// modulo, a shift by an unknown amount, a negation or a byte swap.

import (
	"math"

	"github.com/callx/callx/asm"
)

// ScalarALU returns what the verifier knows about dst after the ALU or
// ALU64 instruction ins, given what it knows of dst and src before, as
// the kernel computes it for two scalars. For a BPF_K instruction src is
// not read: the operand is the immediate, sign-extended to 64 bits as the
// kernel's fake register holds it. 32-bit operations zero-extend their
// result.
//
// ins is expected to have passed the kernel's checks in check_alu_op
// (reserved fields, "div by zero" for a zero immediate divisor, "invalid
// shift" for an immediate shift out of range); what it returns for other
// encodings is an unknown scalar, never a panic.
//
// Before AND and OR the caller asks ScalarALUFork whether the kernel
// splits the state first.
func ScalarALU(ins asm.Instruction, dst, src Scalar) Scalar {
	alu64 := ins.Op.Class() == asm.ClassALU64
	if ins.Op.Source() == asm.SourceK {
		src = ConstScalar(uint64(int64(ins.Imm)))
	}
	switch op := ins.Op.ALUOp(); op {
	case asm.OpMov:
		return scalarMov(ins, alu64, src)
	case asm.OpNeg:
		// 0 - dst (Linux 6.13+; 6.12 made it unknown).
		return adjustScalar(asm.OpSub, alu64, ConstScalar(0), dst)
	case asm.OpEnd:
		return scalarByteSwap(ins, dst)
	default:
		return adjustScalar(op, alu64, dst, src)
	}
}

// ScalarALUFork reports whether the kernel splits the verifier state
// before the AND or OR instruction ins (maybe_fork_scalars): when dst is
// known to be -1 or 0 (as the 64-bit range [-1, 0], or else the 32-bit
// one) and the operand is a constant, the kernel goes on with dst = -1 and
// pushes a state, at the same instruction, in which dst = 0. It returns
// the two values of dst: cont for the path that goes on, pushed for the
// state to explore later; ScalarALU then runs on each. In the 32-bit case
// only the low half of dst becomes known, as in the kernel.
func ScalarALUFork(ins asm.Instruction, dst, src Scalar) (cont, pushed Scalar, fork bool) {
	op := ins.Op.ALUOp()
	if op != asm.OpAnd && op != asm.OpOr {
		return dst, dst, false
	}
	if ins.Op.Source() == asm.SourceK {
		src = ConstScalar(uint64(int64(ins.Imm)))
	}
	if !src.VarOff.IsConst() {
		return dst, dst, false
	}
	cont, pushed = dst, dst
	switch {
	case dst.SMin == -1 && dst.SMax == 0:
		cont.markKnown(math.MaxUint64)
		pushed.markKnown(0)
	case dst.S32Min == -1 && dst.S32Max == 0:
		cont.mark32Known(math.MaxUint64)
		pushed.mark32Known(0)
	default:
		return dst, dst, false
	}
	return cont, pushed, true
}

// scalarMov is `dst = src`, `dst = imm` and the sign-extending moves
// `dst = (s8, s16, s32)src`, in both widths, for a scalar src (the BPF_MOV
// part of check_alu_op).
func scalarMov(ins asm.Instruction, alu64 bool, src Scalar) Scalar {
	if ins.Op.Source() == asm.SourceK {
		if alu64 {
			return ConstScalar(uint64(int64(ins.Imm)))
		}
		return ConstScalar(uint64(uint32(ins.Imm)))
	}
	if ins.Imm != 0 {
		// addr_space_cast and reserved encodings: not a scalar move.
		return UnknownScalar()
	}
	dst := src
	if alu64 {
		switch ins.Off {
		case 0:
		case 8, 16, 32:
			// No sync afterwards, as in the kernel.
			dst.CoerceToSizeSX(int(ins.Off) / 8)
		default:
			return UnknownScalar()
		}
		return dst
	}
	switch ins.Off {
	case 0:
	case 8, 16:
		dst.coerceSubregToSizeSX(int(ins.Off) / 8)
	default:
		return UnknownScalar()
	}
	dst.zext32To64()
	dst.Sync()
	return dst
}

// safeToCompute reports whether the kernel tracks the result of op at all
// (is_safe_to_compute_dst_reg_range): add, sub, mul, and, or and xor
// always; shifts only by a constant below the width; nothing else.
func safeToCompute(op asm.ALUOp, alu64 bool, src Scalar) bool {
	switch op {
	case asm.OpAdd, asm.OpSub, asm.OpAnd, asm.OpXor, asm.OpOr, asm.OpMul:
		return true
	case asm.OpLsh, asm.OpRsh, asm.OpArsh:
		width := uint64(32)
		var isConst bool
		if alu64 {
			width = 64
			isConst = src.VarOff.IsConst() && src.SMin == src.SMax && src.UMin == src.UMax
		} else {
			isConst = src.VarOff.SubregIsConst() && src.S32Min == src.S32Max && src.U32Min == src.U32Max
		}
		// The kernel compares the 64-bit umax with the width in both
		// cases: a 32-bit shift by a register whose upper half is not
		// known zero is not tracked.
		return isConst && src.UMax < width
	}
	return false
}

// adjustScalar computes dst op= src for two scalars
// (adjust_scalar_min_max_vals): both widths' ranges are computed, then a
// 32-bit result is zero-extended, then everything is synced.
func adjustScalar(op asm.ALUOp, alu64 bool, dst, src Scalar) Scalar {
	if !safeToCompute(op, alu64, src) {
		return UnknownScalar()
	}
	switch op {
	case asm.OpAdd:
		dst.add32(src)
		dst.add64(src)
		dst.VarOff = dst.VarOff.Add(src.VarOff)
	case asm.OpSub:
		dst.sub32(src)
		dst.sub64(src)
		dst.VarOff = dst.VarOff.Sub(src.VarOff)
	case asm.OpMul:
		dst.VarOff = dst.VarOff.Mul(src.VarOff)
		dst.mul32(src)
		dst.mul64(src)
	case asm.OpAnd:
		dst.VarOff = dst.VarOff.And(src.VarOff)
		dst.and32(src)
		dst.and64(src)
	case asm.OpOr:
		dst.VarOff = dst.VarOff.Or(src.VarOff)
		dst.or32(src)
		dst.or64(src)
	case asm.OpXor:
		dst.VarOff = dst.VarOff.Xor(src.VarOff)
		dst.xor32(src)
		dst.xor64(src)
	case asm.OpLsh:
		if alu64 {
			dst.lsh64(src)
		} else {
			dst.lsh32(src)
		}
	case asm.OpRsh:
		if alu64 {
			dst.rsh64(src)
		} else {
			dst.rsh32(src)
		}
	case asm.OpArsh:
		if alu64 {
			dst.arsh64(src)
		} else {
			dst.arsh32(src)
		}
	}
	if !alu64 {
		dst.zext32To64()
	}
	dst.Sync()
	return dst
}

// Overflow-checked arithmetic (the kernel's check_{add,sub}_overflow): the
// wrapped result, and whether it wrapped.

func addS64(a, b int64) (int64, bool)   { r := a + b; return r, (a^r)&(b^r) < 0 }
func subS64(a, b int64) (int64, bool)   { r := a - b; return r, (a^b)&(a^r) < 0 }
func addU64(a, b uint64) (uint64, bool) { r := a + b; return r, r < a }
func addS32(a, b int32) (int32, bool)   { r := a + b; return r, (a^r)&(b^r) < 0 }
func subS32(a, b int32) (int32, bool)   { r := a - b; return r, (a^b)&(a^r) < 0 }
func addU32(a, b uint32) (uint32, bool) { r := a + b; return r, r < a }

// add32 is scalar32_min_max_add: each range is added end to end, and
// becomes unbounded if either end may overflow.
func (s *Scalar) add32(src Scalar) {
	lo, o1 := addS32(s.S32Min, src.S32Min)
	hi, o2 := addS32(s.S32Max, src.S32Max)
	if o1 || o2 {
		s.S32Min, s.S32Max = math.MinInt32, math.MaxInt32
	} else {
		s.S32Min, s.S32Max = lo, hi
	}
	ulo, o1 := addU32(s.U32Min, src.U32Min)
	uhi, o2 := addU32(s.U32Max, src.U32Max)
	if o1 || o2 {
		s.U32Min, s.U32Max = 0, math.MaxUint32
	} else {
		s.U32Min, s.U32Max = ulo, uhi
	}
}

// add64 is scalar_min_max_add.
func (s *Scalar) add64(src Scalar) {
	lo, o1 := addS64(s.SMin, src.SMin)
	hi, o2 := addS64(s.SMax, src.SMax)
	if o1 || o2 {
		s.SMin, s.SMax = math.MinInt64, math.MaxInt64
	} else {
		s.SMin, s.SMax = lo, hi
	}
	ulo, o1 := addU64(s.UMin, src.UMin)
	uhi, o2 := addU64(s.UMax, src.UMax)
	if o1 || o2 {
		s.UMin, s.UMax = 0, math.MaxUint64
	} else {
		s.UMin, s.UMax = ulo, uhi
	}
}

// sub32 is scalar32_min_max_sub: [a, b] - [c, d] = [a - d, b - c] unless
// that may overflow.
func (s *Scalar) sub32(src Scalar) {
	lo, o1 := subS32(s.S32Min, src.S32Max)
	hi, o2 := subS32(s.S32Max, src.S32Min)
	if o1 || o2 {
		s.S32Min, s.S32Max = math.MinInt32, math.MaxInt32
	} else {
		s.S32Min, s.S32Max = lo, hi
	}
	if s.U32Min < src.U32Max {
		s.U32Min, s.U32Max = 0, math.MaxUint32
	} else {
		s.U32Min -= src.U32Max
		s.U32Max -= src.U32Min
	}
}

// sub64 is scalar_min_max_sub.
func (s *Scalar) sub64(src Scalar) {
	lo, o1 := subS64(s.SMin, src.SMax)
	hi, o2 := subS64(s.SMax, src.SMin)
	if o1 || o2 {
		s.SMin, s.SMax = math.MinInt64, math.MaxInt64
	} else {
		s.SMin, s.SMax = lo, hi
	}
	if s.UMin < src.UMax {
		s.UMin, s.UMax = 0, math.MaxUint64
	} else {
		s.UMin -= src.UMax
		s.UMax -= src.UMin
	}
}

// mul32 is scalar32_min_max_mul: only non-negative operands below 2^16
// are tracked; anything else leaves the 32-bit ranges unbounded.
func (s *Scalar) mul32(src Scalar) {
	if src.S32Min < 0 || s.S32Min < 0 || src.U32Max > math.MaxUint16 || s.U32Max > math.MaxUint16 {
		s.mark32Unbounded()
		return
	}
	s.U32Min *= src.U32Min
	s.U32Max *= src.U32Max
	if s.U32Max > math.MaxInt32 {
		s.S32Min, s.S32Max = math.MinInt32, math.MaxInt32
	} else {
		s.S32Min, s.S32Max = int32(s.U32Min), int32(s.U32Max)
	}
}

// mul64 is scalar_min_max_mul: only non-negative operands below 2^32 are
// tracked.
func (s *Scalar) mul64(src Scalar) {
	if src.SMin < 0 || s.SMin < 0 || src.UMax > math.MaxUint32 || s.UMax > math.MaxUint32 {
		s.mark64Unbounded()
		return
	}
	s.UMin *= src.UMin
	s.UMax *= src.UMax
	if s.UMax > math.MaxInt64 {
		s.SMin, s.SMax = math.MinInt64, math.MaxInt64
	} else {
		s.SMin, s.SMax = int64(s.UMin), int64(s.UMax)
	}
}

// signed32FromUnsigned sets the s32 range from the u32 range when that
// does not cross the sign bit, and unbounds it otherwise.
func (s *Scalar) signed32FromUnsigned() {
	if int32(s.U32Min) <= int32(s.U32Max) {
		s.S32Min, s.S32Max = int32(s.U32Min), int32(s.U32Max)
	} else {
		s.S32Min, s.S32Max = math.MinInt32, math.MaxInt32
	}
}

// signed64FromUnsigned is signed32FromUnsigned in 64 bits.
func (s *Scalar) signed64FromUnsigned() {
	if int64(s.UMin) <= int64(s.UMax) {
		s.SMin, s.SMax = int64(s.UMin), int64(s.UMax)
	} else {
		s.SMin, s.SMax = math.MinInt64, math.MaxInt64
	}
}

// and32 is scalar32_min_max_and; s.VarOff already holds the result's
// tnum. The minimum comes from the tnum, the maximum is the smaller of the
// operands' maxima.
func (s *Scalar) and32(src Scalar) {
	t := s.VarOff.Subreg()
	if src.VarOff.SubregIsConst() && s.VarOff.SubregIsConst() {
		s.mark32Known(t.Value)
		return
	}
	s.U32Min = uint32(t.Value)
	s.U32Max = min(s.U32Max, src.U32Max)
	s.signed32FromUnsigned()
}

// and64 is scalar_min_max_and.
func (s *Scalar) and64(src Scalar) {
	if src.VarOff.IsConst() && s.VarOff.IsConst() {
		s.markKnown(s.VarOff.Value)
		return
	}
	s.UMin = s.VarOff.Value
	s.UMax = min(s.UMax, src.UMax)
	s.signed64FromUnsigned()
	s.updateBounds()
}

// or32 is scalar32_min_max_or: the maximum comes from the tnum, the
// minimum is the larger of the operands' minima.
func (s *Scalar) or32(src Scalar) {
	t := s.VarOff.Subreg()
	if src.VarOff.SubregIsConst() && s.VarOff.SubregIsConst() {
		s.mark32Known(t.Value)
		return
	}
	s.U32Min = max(s.U32Min, src.U32Min)
	s.U32Max = uint32(t.Value | t.Mask)
	s.signed32FromUnsigned()
}

// or64 is scalar_min_max_or.
func (s *Scalar) or64(src Scalar) {
	if src.VarOff.IsConst() && s.VarOff.IsConst() {
		s.markKnown(s.VarOff.Value)
		return
	}
	s.UMin = max(s.UMin, src.UMin)
	s.UMax = s.VarOff.Value | s.VarOff.Mask
	s.signed64FromUnsigned()
	s.updateBounds()
}

// xor32 is scalar32_min_max_xor: both ends come from the tnum.
func (s *Scalar) xor32(src Scalar) {
	t := s.VarOff.Subreg()
	if src.VarOff.SubregIsConst() && s.VarOff.SubregIsConst() {
		s.mark32Known(t.Value)
		return
	}
	s.U32Min = uint32(t.Value)
	s.U32Max = uint32(t.Value | t.Mask)
	s.signed32FromUnsigned()
}

// xor64 is scalar_min_max_xor.
func (s *Scalar) xor64(src Scalar) {
	if src.VarOff.IsConst() && s.VarOff.IsConst() {
		s.markKnown(s.VarOff.Value)
		return
	}
	s.UMin = s.VarOff.Value
	s.UMax = s.VarOff.Value | s.VarOff.Mask
	s.signed64FromUnsigned()
	s.updateBounds()
}

// lsh32Bounds shifts the u32 range left by [lo, hi] and forgets the s32
// range (__scalar32_min_max_lsh); if the top bit may be shifted out the
// u32 range is unbounded too.
func (s *Scalar) lsh32Bounds(lo, hi uint64) {
	s.S32Min, s.S32Max = math.MinInt32, math.MaxInt32
	if hi > 31 || uint64(s.U32Max) > 1<<(31-hi) {
		s.U32Min, s.U32Max = 0, math.MaxUint32
	} else {
		s.U32Min <<= lo
		s.U32Max <<= hi
	}
}

// lsh32 is scalar32_min_max_lsh: a 32-bit left shift by a constant.
func (s *Scalar) lsh32(src Scalar) {
	sub := s.VarOff.Subreg()
	s.lsh32Bounds(uint64(src.U32Min), uint64(src.U32Max))
	s.VarOff = sub.Lsh(uint8(src.U32Min)).Subreg()
	s.mark64Unbounded()
	s.update32Bounds()
}

// lsh64Bounds is __scalar64_min_max_lsh. Shifting by exactly 32 keeps the
// signed range, scaled, since compilers sign-extend a low half with
// `<<= 32; s>>= 32`.
func (s *Scalar) lsh64Bounds(lo, hi uint64) {
	if lo == 32 && hi == 32 {
		s.SMax = int64(s.S32Max) << 32
		s.SMin = int64(s.S32Min) << 32
	} else {
		s.SMin, s.SMax = math.MinInt64, math.MaxInt64
	}
	if s.UMax > 1<<(63-hi) {
		s.UMin, s.UMax = 0, math.MaxUint64
	} else {
		s.UMin <<= lo
		s.UMax <<= hi
	}
}

// lsh64 is scalar_min_max_lsh: the 64-bit bounds use the 32-bit ones
// before those are shifted, so they come first.
func (s *Scalar) lsh64(src Scalar) {
	s.lsh64Bounds(src.UMin, src.UMax)
	s.lsh32Bounds(src.UMin, src.UMax)
	s.VarOff = s.VarOff.Lsh(uint8(src.UMin))
	s.updateBounds()
}

// rsh32 is scalar32_min_max_rsh: an unsigned shift tells nothing of the
// sign, so the signed ranges are rebuilt from the rest.
func (s *Scalar) rsh32(src Scalar) {
	sub := s.VarOff.Subreg()
	s.S32Min, s.S32Max = math.MinInt32, math.MaxInt32
	s.VarOff = sub.Rsh(uint8(src.U32Min))
	s.U32Min >>= src.U32Max
	s.U32Max >>= src.U32Min
	s.mark64Unbounded()
	s.update32Bounds()
}

// rsh64 is scalar_min_max_rsh. The 32-bit ranges are rebuilt from the
// tnum, since the bits shifted into the low half come from the high one.
func (s *Scalar) rsh64(src Scalar) {
	s.SMin, s.SMax = math.MinInt64, math.MaxInt64
	s.VarOff = s.VarOff.Rsh(uint8(src.UMin))
	s.UMin >>= src.UMax
	s.UMax >>= src.UMin
	s.mark32Unbounded()
	s.updateBounds()
}

// arsh32 is scalar32_min_max_arsh: the shift is a constant here, and
// shifting arithmetically keeps the order of signed values.
func (s *Scalar) arsh32(src Scalar) {
	n := src.U32Min
	s.S32Min >>= n
	s.S32Max >>= n
	s.VarOff = s.VarOff.Subreg().Arsh(uint8(n), 32)
	s.U32Min, s.U32Max = 0, math.MaxUint32
	s.mark64Unbounded()
	s.update32Bounds()
}

// arsh64 is scalar_min_max_arsh.
func (s *Scalar) arsh64(src Scalar) {
	n := src.UMin
	s.SMin >>= n
	s.SMax >>= n
	s.VarOff = s.VarOff.Arsh(uint8(n), 64)
	s.UMin, s.UMax = 0, math.MaxUint64
	s.mark32Unbounded()
	s.updateBounds()
}

// EndMutates reports whether the byte-order instruction ins changes its
// register (on this little-endian host, every one but le64).
func EndMutates(ins asm.Instruction) bool {
	return ins.Op.Class() == asm.ClassALU64 || ins.Op.Source() == asm.SourceX || ins.Imm != 64
}

// scalarByteSwap is scalar_byte_swap (Linux 6.18): bswap, and to_be on
// this little-endian host, swap the known bits and lose the ranges; the
// 16- and 32-bit forms then truncate, as to_le does alone.
func scalarByteSwap(ins asm.Instruction, s Scalar) Scalar {
	swap := ins.Op.Class() == asm.ClassALU64 || ins.Op.Source() == asm.SourceX
	if swap {
		switch ins.Imm {
		case 16:
			s.VarOff = s.VarOff.Bswap16()
		case 32:
			s.VarOff = s.VarOff.Bswap32()
		case 64:
			s.VarOff = s.VarOff.Bswap64()
		}
		s.markUnbounded()
	}
	if ins.Imm == 16 || ins.Imm == 32 {
		s.CoerceToSize(int(ins.Imm) / 8)
	}
	s.Sync()
	return s
}
