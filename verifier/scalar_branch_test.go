package verifier

// This file implements the tests of conditional jumps on scalars: a branch
// the domain calls never (or always) taken is never (always) taken by any
// pair of values, and the refined states on each side hold every pair of
// values that goes that way; and hand-worked kernel results.

import (
	"fmt"
	"math"
	"math/rand/v2"
	"testing"

	"github.com/callx/callx/asm"
)

// concreteCond reports whether the conditional jump ins is taken for
// these register values, as the engine decides it (vm/interp.go). For
// BPF_K the operand is the sign-extended immediate; JMP32 compares the low
// halves.
func concreteCond(ins asm.Instruction, dst, src uint64) bool {
	if ins.Op.Source() == asm.SourceK {
		src = uint64(int64(ins.Imm))
	}
	if ins.Op.Class() == asm.ClassJMP32 {
		dst, src = uint64(uint32(dst)), uint64(uint32(src))
		return cond(ins.Op.JumpOp(), dst, src, int64(int32(dst)), int64(int32(src)))
	}
	return cond(ins.Op.JumpOp(), dst, src, int64(dst), int64(src))
}

func cond(op asm.JumpOp, a, b uint64, sa, sb int64) bool {
	switch op {
	case asm.OpJEQ:
		return a == b
	case asm.OpJNE:
		return a != b
	case asm.OpJGT:
		return a > b
	case asm.OpJGE:
		return a >= b
	case asm.OpJLT:
		return a < b
	case asm.OpJLE:
		return a <= b
	case asm.OpJSGT:
		return sa > sb
	case asm.OpJSGE:
		return sa >= sb
	case asm.OpJSLT:
		return sa < sb
	case asm.OpJSLE:
		return sa <= sb
	case asm.OpJSET:
		return a&b != 0
	}
	panic("bad condition")
}

var conditions = []struct {
	name string
	op   asm.JumpOp
}{
	{"jeq", asm.OpJEQ}, {"jne", asm.OpJNE}, {"jset", asm.OpJSET},
	{"jgt", asm.OpJGT}, {"jge", asm.OpJGE}, {"jlt", asm.OpJLT}, {"jle", asm.OpJLE},
	{"jsgt", asm.OpJSGT}, {"jsge", asm.OpJSGE}, {"jslt", asm.OpJSLT}, {"jsle", asm.OpJSLE},
}

func jmpIns(class asm.Class, src asm.Source, op asm.JumpOp, imm int32) asm.Instruction {
	ins := asm.Instruction{Op: asm.OpCode(class) | asm.OpCode(src) | asm.OpCode(op), Dst: asm.R1, Off: 1, Imm: imm}
	if src == asm.SourceX {
		ins.Src = asm.R2
	}
	return ins
}

// TestScalarBranchSound: for every condition, width and operand source,
// random abstract operands and random values in them: a decided branch
// goes the way it was decided, and an undecided one refines both
// registers, on each side, to states that hold the values going that way.
// Comparing a register with itself is covered too.
func TestScalarBranchSound(t *testing.T) {
	const pairs, samples = 20000, 16 // about 320,000 concrete cases per form
	for _, c := range conditions {
		for _, class := range []asm.Class{asm.ClassJMP, asm.ClassJMP32} {
			for _, src := range []asm.Source{asm.SourceK, asm.SourceX} {
				name := fmt.Sprintf("%s%s_%s", c.name, map[asm.Class]string{asm.ClassJMP: "", asm.ClassJMP32: "32"}[class],
					map[asm.Source]string{asm.SourceK: "k", asm.SourceX: "x"}[src])
				t.Run(name, func(t *testing.T) {
					t.Parallel()
					r := newRand(t)
					for i := range pairs {
						ins := jmpIns(class, src, c.op, 0)
						dst, xd := randScalar(r)
						other, xo := randScalar(r)
						switch {
						case src == asm.SourceK:
							// Often an immediate near dst, to hit the edges.
							ins.Imm = int32(interesting(r))
							if r.IntN(2) == 0 {
								ins.Imm = int32(sample(r, dst, xd)) + int32(r.IntN(5)) - 2
							}
						case i%16 == 0:
							ins.Src = ins.Dst // if r1 op r1
							other, xo = dst, xd
						case r.IntN(4) == 0: // a constant near dst
							xo = sample(r, dst, xd) + uint64(r.IntN(5)) - 2
							other = ConstScalar(xo)
						}
						if !testBranch(t, r, ins, dst, other, xd, xo, samples) {
							return
						}
					}
				})
			}
		}
	}
}

// testBranch checks ins on dst and src; it reports whether all held.
func testBranch(t *testing.T, r *rand.Rand, ins asm.Instruction, dst, src Scalar, xd, xs uint64, samples int) bool {
	t.Helper()
	same := ins.Op.Source() == asm.SourceX && ins.Dst == ins.Src
	taken := ScalarBranchTaken(ins, dst, src)
	var st ScalarBranchStates
	if taken == BranchUnknown {
		st = ScalarBranchRefine(ins, dst, src)
		st.SanityCheck() // dead sides may break invariants; the kernel logs and goes on
	}
	for i := range samples {
		x, y := xd, xs
		if i > 0 {
			x, y = sample(r, dst, xd), sample(r, src, xs)
		}
		if same {
			y = x
		}
		c := concreteCond(ins, x, y)
		switch {
		case taken == BranchTaken && !c, taken == BranchNotTaken && c:
			t.Errorf("%v: %v for %#x, %#x\n  dst %v\n  src %v", ins, taken, x, y, dst, src)
			return false
		case taken != BranchUnknown:
			continue
		}
		d, s, side := st.FallDst, st.FallSrc, "fall-through"
		if c {
			d, s, side = st.TakenDst, st.TakenSrc, "taken"
		}
		if ins.Op.Source() == asm.SourceK {
			y = uint64(int64(ins.Imm))
		}
		if !d.Contains(x) || !s.Contains(y) {
			t.Errorf("%v, %s with %#x, %#x:\n  dst %v\n  src %v\n  -> dst %v\n  -> src %v", ins, side, x, y, dst, src, d, s)
			return false
		}
	}
	return true
}

// FuzzScalarBranch checks one conditional jump on two fuzzed scalars.
func FuzzScalarBranch(f *testing.F) {
	f.Add(uint8(0x2d), int32(0), uint64(5), uint64(0xff), uint64(10), uint64(0), uint64(0), uint64(0))
	f.Add(uint8(0x46), int32(1), uint64(1<<63), uint64(1<<63|1), uint64(0), uint64(0), uint64(3), uint64(math.MaxUint64))
	f.Add(uint8(0xc5), int32(-1), uint64(0), uint64(math.MaxUint64), uint64(0), uint64(0), uint64(100), uint64(0))
	f.Fuzz(func(t *testing.T, opcode uint8, imm int32, x, xm, y, ym, spreadX, spreadY uint64) {
		ins := asm.Instruction{Op: asm.OpCode(opcode), Dst: asm.R1, Src: asm.R2, Off: 1, Imm: imm}
		op := ins.Op.JumpOp()
		if !ins.Op.Class().IsJump() || op == asm.OpJA || op == asm.OpCall || op == asm.OpExit || op >= asm.OpJCond ||
			ins.Op.Source() == asm.SourceX && ins.Imm != 0 {
			return
		}
		dst := fuzzScalar(x, xm, spreadX)
		src := fuzzScalar(y, ym, spreadY)
		testBranch(t, rand.New(rand.NewPCG(x, y)), ins, dst, src, x, y, 8)
	})
}

// TestScalarBranchExamples compares with the kernel on hand-worked cases:
// r1 = unknown & 0xff compared in various ways (each also checked against
// the log of a running 6.18 kernel, which agrees here), and states from
// the kernel's selftests.
func TestScalarBranchExamples(t *testing.T) {
	byte1 := ScalarALU(aluIns(asm.ClassALU64, asm.SourceK, asm.OpAnd, 0, 0xff), UnknownScalar(), Scalar{})
	tests := []struct {
		desc           string
		ins            asm.Instruction
		dst, src       Scalar
		taken          Branch
		wantT, wantF   string // dst on each side
		wantTS, wantFS string // src on each side ("" not checked)
	}{
		{desc: "if r1 > 10", ins: jmpIns(asm.ClassJMP, asm.SourceK, asm.OpJGT, 10), dst: byte1, taken: BranchUnknown,
			wantT: "scalar(smin=umin=smin32=umin32=11,smax=umax=smax32=umax32=255,var_off=(0x0; 0xff))",
			wantF: "scalar(smin=smin32=0,smax=umax=smax32=umax32=10,var_off=(0x0; 0xf))"},
		{desc: "if r1 s< 0 on a byte is never taken", ins: jmpIns(asm.ClassJMP, asm.SourceK, asm.OpJSLT, 0), dst: byte1, taken: BranchNotTaken},
		{desc: "if r1 <= 255 on a byte is always taken", ins: jmpIns(asm.ClassJMP, asm.SourceK, asm.OpJLE, 255), dst: byte1, taken: BranchTaken},
		{desc: "if r1 == 0x100 on a byte: tnums do not overlap", ins: jmpIns(asm.ClassJMP, asm.SourceK, asm.OpJEQ, 0x100), dst: byte1, taken: BranchNotTaken},
		{desc: "if r1 != 0x100 on a byte", ins: jmpIns(asm.ClassJMP, asm.SourceK, asm.OpJNE, 0x100), dst: byte1, taken: BranchTaken},
		{desc: "if r1 == 7", ins: jmpIns(asm.ClassJMP, asm.SourceK, asm.OpJEQ, 7), dst: byte1, taken: BranchUnknown,
			wantT: "7", wantF: "scalar(smin=smin32=0,smax=umax=smax32=umax32=255,var_off=(0x0; 0xff))"},
		{desc: "if r1 != 0 at the edge", ins: jmpIns(asm.ClassJMP, asm.SourceK, asm.OpJNE, 0), dst: byte1, taken: BranchUnknown,
			wantT: "scalar(smin=umin=smin32=umin32=1,smax=umax=smax32=umax32=255,var_off=(0x0; 0xff))", wantF: "0"},
		{desc: "if r1 & 0x80 (one bit)", ins: jmpIns(asm.ClassJMP, asm.SourceK, asm.OpJSET, 0x80), dst: byte1, taken: BranchUnknown,
			wantT: "scalar(smin=umin=smin32=umin32=128,smax=umax=smax32=umax32=255,var_off=(0x80; 0x7f))",
			wantF: "scalar(smin=smin32=0,smax=umax=smax32=umax32=127,var_off=(0x0; 0x7f))"},
		{desc: "if r1 & 0x81 (two bits: the taken side learns nothing)", ins: jmpIns(asm.ClassJMP, asm.SourceK, asm.OpJSET, 0x81), dst: byte1, taken: BranchUnknown,
			wantT: "scalar(smin=smin32=0,smax=umax=smax32=umax32=255,var_off=(0x0; 0xff))",
			wantF: "scalar(smin=smin32=0,smax=umax=smax32=umax32=126,var_off=(0x0; 0x7e))"},
		{desc: "if r1 & 0x100 on a byte", ins: jmpIns(asm.ClassJMP, asm.SourceK, asm.OpJSET, 0x100), dst: byte1, taken: BranchNotTaken},
		{desc: "if w1 s> -1 on an unknown", ins: jmpIns(asm.ClassJMP32, asm.SourceK, asm.OpJSGT, -1), dst: UnknownScalar(), taken: BranchUnknown,
			wantT: "scalar(smax=0x7fffffff7fffffff,umax=0xffffffff7fffffff,smin32=0,umax32=0x7fffffff,var_off=(0x0; 0xffffffff7fffffff))",
			wantF: "scalar(smin=0x8000000080000000,umin=umin32=0x80000000,smax32=-1,var_off=(0x80000000; 0xffffffff7fffffff))"},
		{desc: "if r1 < r2, both bytes", ins: jmpIns(asm.ClassJMP, asm.SourceX, asm.OpJLT, 0), dst: byte1, src: byte1, taken: BranchUnknown,
			wantT:  "scalar(smin=smin32=0,smax=umax=smax32=umax32=254,var_off=(0x0; 0xff))",
			wantF:  "scalar(smin=smin32=0,smax=umax=smax32=umax32=255,var_off=(0x0; 0xff))",
			wantTS: "scalar(smin=umin=smin32=umin32=1,smax=umax=smax32=umax32=255,var_off=(0x0; 0xff))",
			wantFS: "scalar(smin=smin32=0,smax=umax=smax32=umax32=255,var_off=(0x0; 0xff))"},
		{desc: "if r1 == r2 intersects", ins: jmpIns(asm.ClassJMP, asm.SourceX, asm.OpJEQ, 0), dst: byte1,
			src: ScalarALU(aluIns(asm.ClassALU64, asm.SourceK, asm.OpAnd, 0, 0x3c), UnknownScalar(), Scalar{}), taken: BranchUnknown,
			wantT:  "scalar(smin=smin32=0,smax=umax=smax32=umax32=60,var_off=(0x0; 0x3c))",
			wantTS: "scalar(smin=smin32=0,smax=umax=smax32=umax32=60,var_off=(0x0; 0x3c))",
			wantF:  "scalar(smin=smin32=0,smax=umax=smax32=umax32=255,var_off=(0x0; 0xff))"},
		{desc: "if r1 == r1 is not decided by the kernel", ins: asm.Instruction{Op: asm.OpCode(asm.ClassJMP) | asm.OpCode(asm.SourceX) | asm.OpCode(asm.OpJEQ), Dst: asm.R1, Src: asm.R1},
			dst: byte1, src: UnknownScalar(), taken: BranchUnknown,
			wantT: "scalar(smin=smin32=0,smax=umax=smax32=umax32=255,var_off=(0x0; 0xff))",
			wantF: "scalar(smin=smin32=0,smax=umax=smax32=umax32=255,var_off=(0x0; 0xff))"},
		// verifier_bounds.c: "bounds deduction cross sign boundary, positive
		// overlap" (r0 = (s8)r0; if r0 > 0xffffffffffffff00) and "two
		// overlaps" (... > 0xffffffffffffff80).
		{desc: "selftest: cross sign boundary, positive overlap", ins: jmpIns(asm.ClassJMP, asm.SourceX, asm.OpJGT, 0),
			dst: sx8(UnknownScalar()), src: ConstScalar(0xffffffffffffff00), taken: BranchUnknown,
			wantF: "scalar(smin=smin32=0,smax=umax=smax32=umax32=127,var_off=(0x0; 0x7f))"},
		{desc: "selftest: cross sign boundary, two overlaps", ins: jmpIns(asm.ClassJMP, asm.SourceX, asm.OpJGT, 0),
			dst: sx8(UnknownScalar()), src: ConstScalar(0xffffffffffffff80), taken: BranchUnknown,
			wantF: "scalar(smin=smin32=-128,smax=smax32=127,umax=0xffffffffffffff80)"},
	}
	for _, tt := range tests {
		got := ScalarBranchTaken(tt.ins, tt.dst, tt.src)
		if got != tt.taken {
			t.Errorf("%s: %v, want %v", tt.desc, got, tt.taken)
			continue
		}
		if got != BranchUnknown {
			continue
		}
		st := ScalarBranchRefine(tt.ins, tt.dst, tt.src)
		for _, c := range []struct {
			side string
			s    Scalar
			want string
		}{
			{"taken dst", st.TakenDst, tt.wantT}, {"fall-through dst", st.FallDst, tt.wantF},
			{"taken src", st.TakenSrc, tt.wantTS}, {"fall-through src", st.FallSrc, tt.wantFS},
		} {
			if c.want != "" && c.s.String() != c.want {
				t.Errorf("%s, %s:\n got %v\nwant %s", tt.desc, c.side, c.s, c.want)
			}
		}
		if lines := st.SanityCheck(); lines != nil {
			t.Errorf("%s: %v", tt.desc, lines)
		}
	}
}

// sx8 is `r = (s8)r`.
func sx8(s Scalar) Scalar {
	return ScalarALU(aluIns(asm.ClassALU64, asm.SourceX, asm.OpMov, 8, 0), UnknownScalar(), s)
}

// TestScalarBranchSelftestNegativeOverlap replays verifier_bounds.c's
// "bounds deduction cross sign boundary, negative overlap" (6.12), run
// with BPF_F_TEST_REG_INVARIANTS, up to the state its __msg checks:
//
//	call bpf_get_prandom_u32
//	w3 = w0
//	w6 = (s8)w0
//	r0 = (s8)r0
//	if w6 >= 0xf0000000 goto l0
//	r0 += r6
//	r6 += 400
//	r0 -= r6   ; R0=scalar(smin=smin32=-655,...)
func TestScalarBranchSelftestNegativeOverlap(t *testing.T) {
	r0 := UnknownScalar()
	r6 := ScalarALU(aluIns(asm.ClassALU, asm.SourceX, asm.OpMov, 8, 0), UnknownScalar(), r0)
	r0 = ScalarALU(aluIns(asm.ClassALU64, asm.SourceX, asm.OpMov, 8, 0), r0, r0)
	jge := jmpIns(asm.ClassJMP32, asm.SourceK, asm.OpJGE, int32(-0x10000000)) // 0xf0000000
	if b := ScalarBranchTaken(jge, r6, Scalar{}); b != BranchUnknown {
		t.Fatalf("if w6 >= 0xf0000000: %v", b)
	}
	st := ScalarBranchRefine(jge, r6, Scalar{})
	if lines := st.SanityCheck(); lines != nil {
		t.Fatal(lines)
	}
	r6 = st.FallDst
	r0 = ScalarALU(aluIns(asm.ClassALU64, asm.SourceX, asm.OpAdd, 0, 0), r0, r6)
	r6 = ScalarALU(aluIns(asm.ClassALU64, asm.SourceK, asm.OpAdd, 0, 400), r6, Scalar{})
	r0 = ScalarALU(aluIns(asm.ClassALU64, asm.SourceX, asm.OpSub, 0, 0), r0, r6)
	want := "scalar(smin=smin32=-655,smax=smax32=-146,umin=0xfffffffffffffd71,umax=0xffffffffffffff6e,umin32=0xfffffd71,umax32=0xffffff6e,var_off=(0xfffffffffffffc00; 0x3ff))"
	if got := r0.String(); got != want {
		t.Errorf("r0:\n got %s\nwant %s", got, want)
	}
	if line := r0.SanityCheck("alu"); line != "" {
		t.Error(line)
	}
}
