package verifier

// This file implements conditional jumps on scalars: whether the verifier
// can tell a branch is always or never taken (is_scalar_branch_taken in
// kernel/bpf/verifier.c), and what it learns about both registers on each
// side when it cannot (reg_set_min_max, regs_refine_cond_op).

import "github.com/callx/callx/asm"

// Branch is what the verifier can tell about a conditional jump.
type Branch int8

// The answers of is_branch_taken.
const (
	BranchUnknown  Branch = -1 // either way: explore both sides
	BranchNotTaken Branch = 0  // always falls through
	BranchTaken    Branch = 1  // always jumps
)

func (b Branch) String() string {
	switch b {
	case BranchNotTaken:
		return "not taken"
	case BranchTaken:
		return "taken"
	}
	return "unknown"
}

// opJNotSet is the negation of JSET, which has no opcode of its own; the
// kernel writes it BPF_JSET | BPF_X (rev_opcode).
const opJNotSet = asm.OpJSET | asm.JumpOp(asm.SourceX)

// flipOpcode turns "a op b" into "b op' a" (flip_opcode).
func flipOpcode(op asm.JumpOp) asm.JumpOp {
	switch op {
	case asm.OpJGE:
		return asm.OpJLE
	case asm.OpJGT:
		return asm.OpJLT
	case asm.OpJLE:
		return asm.OpJGE
	case asm.OpJLT:
		return asm.OpJGT
	case asm.OpJSGE:
		return asm.OpJSLE
	case asm.OpJSGT:
		return asm.OpJSLT
	case asm.OpJSLE:
		return asm.OpJSGE
	case asm.OpJSLT:
		return asm.OpJSGT
	}
	return op // JEQ, JNE, JSET
}

// revOpcode is the condition of the fall-through side (rev_opcode).
func revOpcode(op asm.JumpOp) asm.JumpOp {
	switch op {
	case asm.OpJEQ:
		return asm.OpJNE
	case asm.OpJNE:
		return asm.OpJEQ
	case asm.OpJSET:
		return opJNotSet
	case opJNotSet:
		return asm.OpJSET
	case asm.OpJGE:
		return asm.OpJLT
	case asm.OpJGT:
		return asm.OpJLE
	case asm.OpJLE:
		return asm.OpJGT
	case asm.OpJLT:
		return asm.OpJGE
	case asm.OpJSGE:
		return asm.OpJSLT
	case asm.OpJSGT:
		return asm.OpJSLE
	case asm.OpJSLE:
		return asm.OpJSGT
	case asm.OpJSLT:
		return asm.OpJSGE
	}
	return 0
}

// branchOperand is the second operand of a conditional jump: src for
// BPF_X (dst itself when the jump compares a register with itself), and
// for BPF_K the immediate sign-extended to 64 bits, as the kernel's fake
// register holds it.
func branchOperand(ins asm.Instruction, dst, src Scalar) Scalar {
	switch {
	case ins.Op.Source() == asm.SourceK:
		return ConstScalar(uint64(int64(ins.Imm)))
	case ins.Dst == ins.Src:
		return dst
	}
	return src
}

// ScalarBranchTaken tells whether the conditional jump ins (JMP or JMP32,
// any condition but JA) on two scalars is always taken, never taken, or
// either (is_scalar_branch_taken, which is what is_branch_taken does for
// two scalars). For a BPF_K jump src is not read. JMP32 compares the low
// halves.
//
// The answer is the kernel's, imprecise where it is: `if r1 == r1` is
// BranchUnknown unless r1 is a constant.
func ScalarBranchTaken(ins asm.Instruction, dst, src Scalar) Branch {
	return scalarBranchTaken(ins.Op.JumpOp(), ins.Op.Class() == asm.ClassJMP32, dst, branchOperand(ins, dst, src))
}

func scalarBranchTaken(op asm.JumpOp, jmp32 bool, r1, r2 Scalar) Branch {
	t1, t2 := r1.VarOff, r2.VarOff
	umin1, umax1, smin1, smax1 := r1.UMin, r1.UMax, r1.SMin, r1.SMax
	umin2, umax2, smin2, smax2 := r2.UMin, r2.UMax, r2.SMin, r2.SMax
	if jmp32 {
		t1, t2 = t1.Subreg(), t2.Subreg()
		umin1, umax1 = uint64(r1.U32Min), uint64(r1.U32Max)
		smin1, smax1 = int64(r1.S32Min), int64(r1.S32Max)
		umin2, umax2 = uint64(r2.U32Min), uint64(r2.U32Max)
		smin2, smax2 = int64(r2.S32Min), int64(r2.S32Max)
	}
	// never reports whether r1 == r2 is impossible, for JEQ and JNE.
	never := func() bool {
		if !t1.Overlap(t2) || umin1 > umax2 || umax1 < umin2 || smin1 > smax2 || smax1 < smin2 {
			return true
		}
		// Inconclusive 64-bit ranges: the 32-bit ones may still rule a
		// value out.
		return !jmp32 && (r1.U32Min > r2.U32Max || r1.U32Max < r2.U32Min ||
			r1.S32Min > r2.S32Max || r1.S32Max < r2.S32Min)
	}
	decide := func(yes, no bool) Branch {
		switch {
		case yes:
			return BranchTaken
		case no:
			return BranchNotTaken
		}
		return BranchUnknown
	}

	switch op {
	case asm.OpJEQ:
		if t1.IsConst() && t2.IsConst() {
			return decide(t1.Value == t2.Value, true)
		}
		return decide(false, never())
	case asm.OpJNE:
		if t1.IsConst() && t2.IsConst() {
			return decide(t1.Value != t2.Value, true)
		}
		return decide(never(), false)
	case asm.OpJSET:
		if !r2.IsConst(jmp32) {
			t1, t2 = t2, t1
			r1, r2 = r2, r1
		}
		if !r2.IsConst(jmp32) {
			return BranchUnknown
		}
		return decide(t1.Value&^t1.Mask&t2.Value != 0, (t1.Mask|t1.Value)&t2.Value == 0)
	case asm.OpJGT:
		return decide(umin1 > umax2, umax1 <= umin2)
	case asm.OpJSGT:
		return decide(smin1 > smax2, smax1 <= smin2)
	case asm.OpJLT:
		return decide(umax1 < umin2, umin1 >= umax2)
	case asm.OpJSLT:
		return decide(smax1 < smin2, smin1 >= smax2)
	case asm.OpJGE:
		return decide(umin1 >= umax2, umax1 < umin2)
	case asm.OpJSGE:
		return decide(smin1 >= smax2, smax1 < smin2)
	case asm.OpJLE:
		return decide(umax1 <= umin2, umin1 > umax2)
	case asm.OpJSLE:
		return decide(smax1 <= smin2, smin1 > smax2)
	}
	return BranchUnknown
}

// ScalarBranchStates are the two operands of a conditional jump on each
// side of it: where the jump is taken and where it falls through. For a
// BPF_K jump the Src fields are the kernel's fake register for the
// immediate, refined like any other.
type ScalarBranchStates struct {
	TakenDst, TakenSrc Scalar
	FallDst, FallSrc   Scalar
}

// ScalarBranchRefine narrows dst and src on each side of the conditional
// jump ins, when ScalarBranchTaken could not decide it (reg_set_min_max):
// the condition, or its negation, refines both registers, and each is
// synced. When ins compares a register with itself, both operands are the
// same register, refined twice, as in the kernel.
//
// The kernel then checks the invariants of the four, in the order of
// SanityCheck, and logs any violation.
func ScalarBranchRefine(ins asm.Instruction, dst, src Scalar) ScalarBranchStates {
	op := ins.Op.JumpOp()
	jmp32 := ins.Op.Class() == asm.ClassJMP32
	src = branchOperand(ins, dst, src)
	same := ins.Op.Source() == asm.SourceX && ins.Dst == ins.Src

	var st ScalarBranchStates
	side := func(op asm.JumpOp, d, s *Scalar) {
		*d = dst
		if same {
			s = d
		} else {
			*s = src
		}
		refineCond(d, s, op, jmp32)
		d.Sync()
		s.Sync()
	}
	side(revOpcode(op), &st.FallDst, &st.FallSrc)
	side(op, &st.TakenDst, &st.TakenSrc)
	if same {
		st.TakenSrc, st.FallSrc = st.TakenDst, st.FallDst
	}
	return st
}

// SanityCheck runs Scalar.SanityCheck on the four states in the kernel's
// order (true_reg1, true_reg2, false_reg1, false_reg2) and returns the log
// lines of the violations, if any.
func (st *ScalarBranchStates) SanityCheck() []string {
	var lines []string
	for _, c := range []struct {
		s   *Scalar
		ctx string
	}{
		{&st.TakenDst, "true_reg1"},
		{&st.TakenSrc, "true_reg2"},
		{&st.FallDst, "false_reg1"},
		{&st.FallSrc, "false_reg2"},
	} {
		if line := c.s.SanityCheck(c.ctx); line != "" {
			lines = append(lines, line)
		}
	}
	return lines
}

// refineCond narrows r1 and r2 to the values for which "r1 op r2" holds
// (regs_refine_cond_op). r1 and r2 may be the same register.
func refineCond(r1, r2 *Scalar, op asm.JumpOp, jmp32 bool) {
	// GE, GT, SGE and SGT are LE, LT, SLE and SLT with the operands
	// swapped.
	switch op {
	case asm.OpJGE, asm.OpJGT, asm.OpJSGE, asm.OpJSGT:
		op = flipOpcode(op)
		r1, r2 = r2, r1
	}

	switch op {
	case asm.OpJEQ:
		if jmp32 {
			r1.U32Min = max(r1.U32Min, r2.U32Min)
			r1.U32Max = min(r1.U32Max, r2.U32Max)
			r1.S32Min = max(r1.S32Min, r2.S32Min)
			r1.S32Max = min(r1.S32Max, r2.S32Max)
			r2.U32Min, r2.U32Max = r1.U32Min, r1.U32Max
			r2.S32Min, r2.S32Max = r1.S32Min, r1.S32Max
			t := r1.VarOff.Subreg().Intersect(r2.VarOff.Subreg())
			r1.VarOff = r1.VarOff.WithSubreg(t)
			r2.VarOff = r2.VarOff.WithSubreg(t)
		} else {
			r1.UMin = max(r1.UMin, r2.UMin)
			r1.UMax = min(r1.UMax, r2.UMax)
			r1.SMin = max(r1.SMin, r2.SMin)
			r1.SMax = min(r1.SMax, r2.SMax)
			r2.UMin, r2.UMax = r1.UMin, r1.UMax
			r2.SMin, r2.SMax = r1.SMin, r1.SMax
			r1.VarOff = r1.VarOff.Intersect(r2.VarOff)
			r2.VarOff = r1.VarOff
		}

	case asm.OpJNE:
		// Only a constant operand teaches anything, and only when it is
		// at an end of the other's range.
		if !r2.IsConst(jmp32) {
			r1, r2 = r2, r1
		}
		if !r2.IsConst(jmp32) {
			return
		}
		val := r2.ConstValue(jmp32)
		if jmp32 {
			if r1.U32Min == uint32(val) {
				r1.U32Min++
			}
			if r1.U32Max == uint32(val) {
				r1.U32Max--
			}
			if r1.S32Min == int32(val) {
				r1.S32Min++
			}
			if r1.S32Max == int32(val) {
				r1.S32Max--
			}
		} else {
			if r1.UMin == val {
				r1.UMin++
			}
			if r1.UMax == val {
				r1.UMax--
			}
			if r1.SMin == int64(val) {
				r1.SMin++
			}
			if r1.SMax == int64(val) {
				r1.SMax--
			}
		}

	case asm.OpJSET:
		if !r2.IsConst(jmp32) {
			r1, r2 = r2, r1
		}
		if !r2.IsConst(jmp32) {
			return
		}
		// "r1 & val" is true: only a single bit says which bit is set.
		val := r2.ConstValue(jmp32)
		if val == 0 || val&(val-1) != 0 {
			return
		}
		if jmp32 {
			t := r1.VarOff.Subreg().Or(TnumConst(val))
			r1.VarOff = r1.VarOff.WithSubreg(t)
		} else {
			r1.VarOff = r1.VarOff.Or(TnumConst(val))
		}

	case opJNotSet:
		if !r2.IsConst(jmp32) {
			r1, r2 = r2, r1
		}
		if !r2.IsConst(jmp32) {
			return
		}
		// "r1 & val" is false: every bit of val is clear. The ranges are
		// forgotten first so that a dead branch cannot break invariants.
		val := r2.ConstValue(jmp32)
		r1.markUnbounded()
		if jmp32 {
			t := r1.VarOff.Subreg().And(TnumConst(^val))
			r1.VarOff = r1.VarOff.WithSubreg(t)
		} else {
			r1.VarOff = r1.VarOff.And(TnumConst(^val))
		}

	case asm.OpJLE:
		if jmp32 {
			r1.U32Max = min(r1.U32Max, r2.U32Max)
			r2.U32Min = max(r1.U32Min, r2.U32Min)
		} else {
			r1.UMax = min(r1.UMax, r2.UMax)
			r2.UMin = max(r1.UMin, r2.UMin)
		}
	case asm.OpJLT:
		// As in C, r2's max - 1 and r1's min + 1 wrap; they do only on
		// branches that ScalarBranchTaken decides, which are not refined.
		if jmp32 {
			r1.U32Max = min(r1.U32Max, r2.U32Max-1)
			r2.U32Min = max(r1.U32Min+1, r2.U32Min)
		} else {
			r1.UMax = min(r1.UMax, r2.UMax-1)
			r2.UMin = max(r1.UMin+1, r2.UMin)
		}
	case asm.OpJSLE:
		if jmp32 {
			r1.S32Max = min(r1.S32Max, r2.S32Max)
			r2.S32Min = max(r1.S32Min, r2.S32Min)
		} else {
			r1.SMax = min(r1.SMax, r2.SMax)
			r2.SMin = max(r1.SMin, r2.SMin)
		}
	case asm.OpJSLT:
		if jmp32 {
			r1.S32Max = min(r1.S32Max, r2.S32Max-1)
			r2.S32Min = max(r1.S32Min+1, r2.S32Min)
		} else {
			r1.SMax = min(r1.SMax, r2.SMax-1)
			r2.SMin = max(r1.SMin+1, r2.SMin)
		}
	}
}
