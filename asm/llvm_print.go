package asm

// This file implements Disassemble and FormatInstruction: instructions as
// text in LLVM's BPF assembly syntax, the text llvm-objdump-19 -d --mcpu=v4
// --no-print-imm-hex prints (see llvm_parse.go for the syntax), so that
// Assemble reads it back to the same bytes.
//
// Where LLVM's text loses information, or has no text at all, the printer
// uses the extensions Assemble documents:
//   - jumps and calls are relative (goto +3, call pc+5): a program has no labels;
//   - ld_imm64 prints its constant in hex, unsigned (r1 = 0xffffffffffffffff ll,
//     where llvm-objdump prints -0x1), and its pseudo sources by name
//     (r1 = map_fd(3) ll, r1 = func(pc+5) ll);
//   - a local call prints as call pc+N (llvm-objdump prints call N, the same
//     text as a helper call), a kfunc call as call kfunc(id);
//   - the LLVM ≤ 18 callx encoding (register in imm) prints as LLVM 18 did,
//     callx 2, and the current one as callx r2;
//   - an indirect packet load with an offset prints skb[r1 + 4].

import (
	"fmt"
	"strings"
)

// Disassemble prints the program one instruction per line. When
// p.Validate() is nil, Assemble reads the text back to the same bytes; slots
// that are not valid instructions print as <invalid ...> with their bytes.
func Disassemble(p Program) string {
	var b strings.Builder
	for i := 0; i < len(p); i++ {
		b.WriteString(FormatInstruction(p, i))
		b.WriteByte('\n')
		if isWholeLoadImm64(p, i) && p[i].check() == "" {
			i++
		}
	}
	return b.String()
}

// FormatInstruction returns the text of the instruction at slot i; an
// ld_imm64 takes its constant from slot i+1 too. It never fails: a slot out
// of range, an invalid instruction and the second slot of an ld_imm64 print
// as descriptions in angle brackets.
func FormatInstruction(p Program, i int) string {
	if i < 0 || i >= len(p) {
		return fmt.Sprintf("<no instruction %d>", i)
	}
	ins := p[i]
	if i > 0 && ins.Op == 0 && isWholeLoadImm64(p, i-1) {
		return fmt.Sprintf("<second slot of ld_imm64 at %d>", i-1)
	}
	if ins.check() != "" || (ins.IsLoadImm64() && !isWholeLoadImm64(p, i)) {
		var raw [InstructionSize]byte
		ins.Marshal(raw[:])
		return fmt.Sprintf("<invalid % x>", raw[:])
	}
	if ins.IsLoadImm64() {
		return formatLoadImm64(ins, p[i+1])
	}
	switch ins.Op.Class() {
	case ClassALU, ClassALU64:
		return formatALU(ins)
	case ClassJMP, ClassJMP32:
		return formatJump(ins)
	case ClassLDX:
		return formatLoad(ins)
	case ClassST:
		return fmt.Sprintf("*(%s *)%s = %d", sizeTypes[ins.Op.Size()], address(ins.Dst, ins.Off), ins.Imm)
	case ClassSTX:
		return formatStore(ins)
	}
	return formatPacketLoad(ins) // ClassLD: ld_imm64 is handled above
}

// isWholeLoadImm64 reports whether slot i starts an ld_imm64 whose second
// slot is present and well-formed.
func isWholeLoadImm64(p Program, i int) bool {
	if !p[i].IsLoadImm64() || i+1 >= len(p) {
		return false
	}
	hi := p[i+1]
	return hi.Op == 0 && hi.Dst == 0 && hi.Src == 0 && hi.Off == 0
}

// Type names of access sizes.
var sizeTypes = map[Size]string{SizeB: "u8", SizeH: "u16", SizeW: "u32", SizeDW: "u64"}

// ALU operators, by operation; NEG, MOV and END have forms of their own.
var aluOperatorNames = map[ALUOp]string{
	OpAdd: "+=", OpSub: "-=", OpMul: "*=", OpDiv: "/=", OpOr: "|=", OpAnd: "&=",
	OpLsh: "<<=", OpRsh: ">>=", OpMod: "%=", OpXor: "^=", OpArsh: "s>>=",
}

// Jump conditions, by operation.
var jumpConditionNames = map[JumpOp]string{
	OpJEQ: "==", OpJNE: "!=", OpJGT: ">", OpJGE: ">=", OpJLT: "<", OpJLE: "<=", OpJSET: "&",
	OpJSGT: "s>", OpJSGE: "s>=", OpJSLT: "s<", OpJSLE: "s<=",
}

// register names a register at a width: r1 for 64 bits, w1 for 32.
func register(r Register, w bool) string {
	if w {
		return fmt.Sprintf("w%d", r)
	}
	return fmt.Sprintf("r%d", r)
}

// address prints a memory operand, (r10 - 8).
func address(base Register, off int16) string {
	return fmt.Sprintf("(r%d %s)", base, displacement(off))
}

// displacement prints the offset of a memory operand: + 4, - 8.
func displacement(off int16) string {
	if off < 0 {
		return fmt.Sprintf("- %d", -int(off))
	}
	return fmt.Sprintf("+ %d", off)
}

func formatALU(ins Instruction) string {
	w := ins.Op.Class() == ClassALU
	dst := register(ins.Dst, w)
	switch op := ins.Op.ALUOp(); op {
	case OpNeg:
		return fmt.Sprintf("%s = -%s", dst, dst)
	case OpEnd:
		name := "le"
		switch {
		case !w:
			name = "bswap"
		case ins.Op.Source() == SourceX:
			name = "be"
		}
		return fmt.Sprintf("r%d = %s%d r%d", ins.Dst, name, ins.Imm, ins.Dst)
	case OpMov:
		if ins.Op.Source() == SourceK {
			return fmt.Sprintf("%s = %d", dst, ins.Imm)
		}
		if ins.Off != 0 {
			return fmt.Sprintf("%s = (s%d)%s", dst, ins.Off, register(ins.Src, w))
		}
		return fmt.Sprintf("%s = %s", dst, register(ins.Src, w))
	default:
		operator := aluOperatorNames[op]
		if ins.Off == 1 { // signed division and modulo
			operator = "s" + operator
		}
		if ins.Op.Source() == SourceX {
			return fmt.Sprintf("%s %s %s", dst, operator, register(ins.Src, w))
		}
		return fmt.Sprintf("%s %s %d", dst, operator, ins.Imm)
	}
}

func formatJump(ins Instruction) string {
	w := ins.Op.Class() == ClassJMP32
	switch op := ins.Op.JumpOp(); {
	case ins.Op == OpExitK:
		return "exit"
	case ins.Op == OpCallX:
		if ins.Dst == 0 && ins.Imm != 0 {
			return fmt.Sprintf("callx %d", ins.Imm) // LLVM ≤ 18: the register in imm
		}
		return fmt.Sprintf("callx r%d", ins.Dst)
	case ins.Op == OpCallK:
		switch ins.Src {
		case PseudoCall:
			return fmt.Sprintf("call pc%+d", ins.Imm)
		case PseudoKfuncCall:
			if ins.Off != 0 {
				return fmt.Sprintf("call kfunc(%d, %d)", ins.Imm, ins.Off)
			}
			return fmt.Sprintf("call kfunc(%d)", ins.Imm)
		}
		return fmt.Sprintf("call %d", ins.Imm)
	case op == OpJA && w:
		return fmt.Sprintf("gotol %+d", ins.Imm)
	case op == OpJA:
		return fmt.Sprintf("goto %+d", ins.Off)
	case op == OpJCond:
		return fmt.Sprintf("may_goto %+d", ins.Off)
	case ins.Op.Source() == SourceX:
		return fmt.Sprintf("if %s %s %s goto %+d", register(ins.Dst, w), jumpConditionNames[op], register(ins.Src, w), ins.Off)
	default:
		return fmt.Sprintf("if %s %s %d goto %+d", register(ins.Dst, w), jumpConditionNames[op], ins.Imm, ins.Off)
	}
}

// formatLoad prints LDX: narrow zero-extending loads write a w register, as
// llvm-objdump prints them for v3 and later; the others an r register.
func formatLoad(ins Instruction) string {
	size := ins.Op.Size()
	if ins.Op.Mode() == ModeMEMSX {
		return fmt.Sprintf("r%d = *(s%s *)%s", ins.Dst, strings.TrimPrefix(sizeTypes[size], "u"), address(ins.Src, ins.Off))
	}
	return fmt.Sprintf("%s = *(%s *)%s", register(ins.Dst, size != SizeDW), sizeTypes[size], address(ins.Src, ins.Off))
}

func formatStore(ins Instruction) string {
	size := ins.Op.Size()
	w := size != SizeDW
	mem := address(ins.Dst, ins.Off)
	src := register(ins.Src, w)
	if ins.Op.Mode() == ModeMEM {
		return fmt.Sprintf("*(%s *)%s = %s", sizeTypes[size], mem, src)
	}
	// Atomics; Validate admits only these operations.
	suffix := "_64" // of xchg and cmpxchg
	if w {
		suffix = "32_32"
	}
	switch ins.Imm {
	case AtomicAdd, AtomicOr, AtomicAnd, AtomicXor:
		return fmt.Sprintf("lock *(%s *)%s %s %s", sizeTypes[size], mem, aluOperatorNames[ALUOp(ins.Imm)], src)
	case AtomicXchg:
		return fmt.Sprintf("%s = xchg%s(r%d %s, %s)", src, suffix, ins.Dst, displacement(ins.Off), src)
	case AtomicCmpXchg:
		r0 := register(R0, w)
		return fmt.Sprintf("%s = cmpxchg%s(r%d %s, %s, %s)", r0, suffix, ins.Dst, displacement(ins.Off), r0, src)
	}
	return fmt.Sprintf("%s = atomic_fetch_%s((%s *)%s, %s)", src, fetchNames[ins.Imm&^AtomicFetch], sizeTypes[size], mem, src)
}

// Names of atomic operations with fetch.
var fetchNames = map[int32]string{AtomicAdd: "add", AtomicOr: "or", AtomicAnd: "and", AtomicXor: "xor"}

// formatPacketLoad prints the legacy BPF_ABS and BPF_IND loads.
func formatPacketLoad(ins Instruction) string {
	size := sizeTypes[ins.Op.Size()]
	if ins.Op.Mode() == ModeABS {
		return fmt.Sprintf("r0 = *(%s *)skb[%d]", size, ins.Imm)
	}
	switch {
	case ins.Imm > 0:
		return fmt.Sprintf("r0 = *(%s *)skb[r%d + %d]", size, ins.Src, ins.Imm)
	case ins.Imm < 0:
		return fmt.Sprintf("r0 = *(%s *)skb[r%d - %d]", size, ins.Src, -int64(ins.Imm))
	}
	return fmt.Sprintf("r0 = *(%s *)skb[r%d]", size, ins.Src)
}

// Names of the pseudo ld_imm64 forms, by src_reg.
var pseudoNames = map[Register]string{
	PseudoMapFD: "map_fd", PseudoMapValue: "map_value", PseudoBTFID: "btf_id",
	PseudoFunc: "func", PseudoMapIdx: "map_idx", PseudoMapIdxValue: "map_idx_value",
}

func formatLoadImm64(lo, hi Instruction) string {
	if lo.Src == PseudoNone {
		return fmt.Sprintf("r%d = %#x ll", lo.Dst, Imm64(lo, hi))
	}
	arg := fmt.Sprint(lo.Imm)
	if lo.Src == PseudoFunc {
		arg = fmt.Sprintf("pc%+d", lo.Imm)
	}
	if hi.Imm != 0 {
		arg += fmt.Sprintf(", %d", hi.Imm)
	}
	return fmt.Sprintf("r%d = %s(%s) ll", lo.Dst, pseudoNames[lo.Src], arg)
}
