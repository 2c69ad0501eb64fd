package verifier

// This file implements insnString, one instruction as the verifier log
// prints it: the text of print_bpf_insn (kernel/bpf/disasm.c, Linux 6.12)
// with the callbacks do_check passes it (kernel/bpf/verifier.c: cb_call =
// disasm_kfunc_name, no cb_imm), after resolve_pseudo_ldimm64.
//
// Where callx cannot know what the kernel would print, it prints this:
//
//   - ld_imm64 of a map by index (src PseudoMapIdx, imm the index in the
//     program's map table) prints "map[id:N]", and of a pointer into a
//     map's value (PseudoMapIdxValue, the second slot's imm the offset)
//     "map[id:N][0]+off", with N the index + 1: callx maps have no kernel
//     ids, and the kernel's ids start at 1. The kernel's verifier prints
//     neither: with CAP_PERFMON (allow_ptr_leaks) it prints the map's or the
//     value's kernel address in hex, without it "0x0". The form is
//     bpftool's (tools/bpf/bpftool/xlated_dumper.c, print_imm).
//   - ld_imm64 of a map by fd (PseudoMapFD, PseudoMapValue) or of a kernel
//     symbol (PseudoBTFID), which callx's loader never writes and callx
//     cannot resolve, prints "0x0", the kernel's text without
//     allow_ptr_leaks.
//   - a kfunc call prints "call kernel-function#ID" (disasm.c's text
//     without callbacks); the kernel's verifier names the function from its
//     BTF ("call bpf_rcu_read_lock#ID").
//   - a helper call takes its name from helperName instead of the
//     kernel's func_id_str table.
//
// Everything else is the kernel's text, including for instructions the
// verifier rejects only after printing them ("BUG_..." for modes and atomic
// operations print_bpf_insn does not know) and for opcodes it rejects
// before the walk ("(null)", as the kernel's vsnprintf prints a NULL
// string, where disasm.c's tables have no entry).
//
// Linux 6.15 added load-acquire and store-release (atomic imm 0x100 and
// 0x110), which later kernels print as "r0 = load_acquire((u64 *)(r10
// -8))" and "store_release((u64 *)(r10 -8), r0)"; 6.12, and so this
// file, prints "BUG_db". Later kernels also print a table of live
// registers before the walk, whose instruction text is the same.

import (
	"fmt"

	"github.com/callx/callx/asm"
)

// insnString returns the text the kernel's verifier log prints for the
// instruction at slot i of prog (without the leading "i: " and without the
// newline), e.g. "(b7) r0 = 0", "(85) call bpf_map_lookup_elem#1",
// "(18) r1 = map[id:1]". For an ld_imm64 the second slot's imm joins the
// first's; a slot past the end of prog reads as zero. helperName gives a
// helper's kernel name for an id ("bpf_map_lookup_elem"), or "" when it is
// unknown, and then, as the kernel, insnString prints "unknown"; it may be
// nil. insnString returns "" when i is out of range.
func insnString(prog asm.Program, i int, helperName func(id int32) string) string {
	if i < 0 || i >= len(prog) {
		return ""
	}
	ins := prog[i]
	code := uint8(ins.Op)
	dst, src := uint8(ins.Dst)&0x0f, uint8(ins.Src)&0x0f
	class := ins.Op.Class()

	switch class {
	case asm.ClassALU, asm.ClassALU64:
		return insnALU(ins, code, dst, src)

	case asm.ClassSTX:
		size := insnTable(insnLdstString[:], int(ins.Op.Size()>>3))
		switch {
		case ins.Op.Mode() == asm.ModeMEM:
			return fmt.Sprintf("(%02x) *(%s *)(r%d %+d) = r%d", code, size, dst, ins.Off, src)
		case ins.Op.Mode() != asm.ModeATOMIC:
		case ins.Imm == asm.AtomicAdd || ins.Imm == asm.AtomicAnd || ins.Imm == asm.AtomicOr || ins.Imm == asm.AtomicXor:
			return fmt.Sprintf("(%02x) lock *(%s *)(r%d %+d) %s r%d", code, size, dst, ins.Off,
				insnTable(insnALUString[:], int(ins.Imm&0xf0)>>4), src)
		case ins.Imm == asm.AtomicAdd|asm.AtomicFetch || ins.Imm == asm.AtomicAnd|asm.AtomicFetch ||
			ins.Imm == asm.AtomicOr|asm.AtomicFetch || ins.Imm == asm.AtomicXor|asm.AtomicFetch:
			return fmt.Sprintf("(%02x) r%d = atomic%s_fetch_%s((%s *)(r%d %+d), r%d)", code, src, insnAtomic64(ins),
				insnTable(insnAtomicALUString[:], int(ins.Imm&0xf0)>>4), size, dst, ins.Off, src)
		case ins.Imm == asm.AtomicCmpXchg:
			return fmt.Sprintf("(%02x) r0 = atomic%s_cmpxchg((%s *)(r%d %+d), r0, r%d)", code, insnAtomic64(ins),
				size, dst, ins.Off, src)
		case ins.Imm == asm.AtomicXchg:
			return fmt.Sprintf("(%02x) r%d = atomic%s_xchg((%s *)(r%d %+d), r%d)", code, src, insnAtomic64(ins),
				size, dst, ins.Off, src)
		}
		return fmt.Sprintf("BUG_%02x", code)

	case asm.ClassST:
		switch ins.Op.Mode() {
		case asm.ModeMEM:
			return fmt.Sprintf("(%02x) *(%s *)(r%d %+d) = %d", code,
				insnTable(insnLdstString[:], int(ins.Op.Size()>>3)), dst, ins.Off, ins.Imm)
		case 0xc0: // BPF_NOSPEC, which only the verifier itself inserts
			return fmt.Sprintf("(%02x) nospec", code)
		}
		return fmt.Sprintf("BUG_st_%02x", code)

	case asm.ClassLDX:
		var size string
		switch ins.Op.Mode() {
		case asm.ModeMEM:
			size = insnTable(insnLdstString[:], int(ins.Op.Size()>>3))
		case asm.ModeMEMSX:
			size = insnTable(insnLdsxString[:], int(ins.Op.Size()>>3))
		default:
			return fmt.Sprintf("BUG_ldx_%02x", code)
		}
		return fmt.Sprintf("(%02x) r%d = *(%s *)(r%d %+d)", code, dst, size, src, ins.Off)

	case asm.ClassLD:
		size := insnTable(insnLdstString[:], int(ins.Op.Size()>>3))
		switch {
		case ins.Op.Mode() == asm.ModeABS:
			return fmt.Sprintf("(%02x) r0 = *(%s *)skb[%d]", code, size, ins.Imm)
		case ins.Op.Mode() == asm.ModeIND:
			return fmt.Sprintf("(%02x) r0 = *(%s *)skb[r%d + %d]", code, size, src, ins.Imm)
		case ins.Op.Mode() == asm.ModeIMM && ins.Op.Size() == asm.SizeDW:
			var hi asm.Instruction
			if i+1 < len(prog) {
				hi = prog[i+1]
			}
			return fmt.Sprintf("(%02x) r%d = %s", code, dst, insnImm64(ins, hi, src))
		}
		return fmt.Sprintf("BUG_ld_%02x", code)
	}

	// JMP and JMP32.
	op := ins.Op.JumpOp()
	switch {
	case op == asm.OpCall && ins.Op == asm.OpCallX:
		// Linux 6.12 has no indirect call; bpf-next and callx print the
		// register (INDIRECT-CALLS.md).
		return fmt.Sprintf("(%02x) callx r%d", code, ins.Dst)
	case op == asm.OpCall:
		if src == asm.PseudoCall {
			return fmt.Sprintf("(%02x) call pc%+d", code, ins.Imm)
		}
		return fmt.Sprintf("(%02x) call %s#%d", code, insnCallName(ins, src, helperName), ins.Imm)
	case code == uint8(asm.ClassJMP)|uint8(asm.OpJA):
		return fmt.Sprintf("(%02x) goto pc%+d", code, ins.Off)
	case code == uint8(asm.ClassJMP)|uint8(asm.OpJCond) && src == asm.PseudoMayGoto:
		return fmt.Sprintf("(%02x) may_goto pc%+d", code, ins.Off)
	case code == uint8(asm.ClassJMP32)|uint8(asm.OpJA):
		return fmt.Sprintf("(%02x) gotol pc%+d", code, ins.Imm)
	case code == uint8(asm.OpExitK):
		return fmt.Sprintf("(%02x) exit", code)
	}
	r := insnRegPrefix(class == asm.ClassJMP32)
	opStr := insnTable(insnJmpString[:], int(op)>>4)
	if ins.Op.Source() == asm.SourceX {
		return fmt.Sprintf("(%02x) if %c%d %s %c%d goto pc%+d", code, r, dst, opStr, r, src, ins.Off)
	}
	return fmt.Sprintf("(%02x) if %c%d %s 0x%x goto pc%+d", code, r, dst, opStr, uint32(ins.Imm), ins.Off)
}

// insnALU prints an ALU or ALU64 instruction.
func insnALU(ins asm.Instruction, code, dst, src uint8) string {
	class := ins.Op.Class()
	op := ins.Op.ALUOp()
	r := insnRegPrefix(class == asm.ClassALU)
	switch {
	case op == asm.OpEnd && class == asm.ClassALU64:
		return fmt.Sprintf("(%02x) r%d = bswap%d r%d", code, dst, ins.Imm, dst)
	case op == asm.OpEnd:
		order := "le"
		if ins.Op.Source() == asm.SourceX { // BPF_TO_BE
			order = "be"
		}
		return fmt.Sprintf("(%02x) r%d = %s%d r%d", code, dst, order, ins.Imm, dst)
	case op == asm.OpNeg:
		return fmt.Sprintf("(%02x) %c%d = -%c%d", code, r, dst, r, dst)
	case ins.Op == asm.OpCode(asm.ClassALU64)|asm.OpCode(asm.OpMov)|asm.OpCode(asm.SourceX) && ins.Off == 1:
		// BPF_ADDR_SPACE_CAST
		return fmt.Sprintf("(%02x) r%d = addr_space_cast(r%d, %d, %d)", code, dst, src,
			uint32(ins.Imm)>>16, uint16(ins.Imm))
	case ins.Op == asm.OpCode(asm.ClassALU64)|asm.OpCode(asm.OpMov)|asm.OpCode(asm.SourceX) && ins.Off == -1:
		// BPF_ADDR_PERCPU, which only the verifier itself inserts
		return fmt.Sprintf("(%02x) r%d = &(void __percpu *)(r%d)", code, dst, src)
	}
	opStr := insnTable(insnALUString[:], int(op)>>4)
	if (op == asm.OpDiv || op == asm.OpMod) && ins.Off == 1 {
		opStr = "s" + opStr // "s/=", "s%="
	}
	if ins.Op.Source() == asm.SourceX {
		cast := ""
		if op == asm.OpMov && (ins.Off == 8 || ins.Off == 16 || ins.Off == 32) {
			cast = "(s" + fmt.Sprint(ins.Off) + ")"
		}
		return fmt.Sprintf("(%02x) %c%d %s %s%c%d", code, r, dst, opStr, cast, r, src)
	}
	return fmt.Sprintf("(%02x) %c%d %s %d", code, r, dst, opStr, ins.Imm)
}

// insnImm64 prints the value of an ld_imm64 whose slots are lo and hi.
func insnImm64(lo, hi asm.Instruction, src uint8) string {
	switch src {
	case asm.PseudoMapIdx:
		return fmt.Sprintf("map[id:%d]", uint64(uint32(lo.Imm))+1)
	case asm.PseudoMapIdxValue:
		return fmt.Sprintf("map[id:%d][0]+%d", uint64(uint32(lo.Imm))+1, uint32(hi.Imm))
	case asm.PseudoMapFD, asm.PseudoMapValue, asm.PseudoBTFID:
		return "0x0" // a kernel address, hidden without allow_ptr_leaks
	}
	return fmt.Sprintf("0x%x", asm.Imm64(lo, hi))
}

// insnCallName is __func_get_name for a call that is not pc-relative.
func insnCallName(ins asm.Instruction, src uint8, helperName func(id int32) string) string {
	switch {
	case src == asm.PseudoCallHelper && ins.Imm >= 0:
		if helperName != nil {
			if name := helperName(ins.Imm); name != "" {
				return name
			}
		}
		if ins.Imm == 0 {
			return "bpf_unspec" // func_id_str[BPF_FUNC_unspec]
		}
	case src == asm.PseudoKfuncCall:
		return "kernel-function"
	}
	return "unknown"
}

// insnAtomic64 is the "64" of the 64-bit atomics' names.
func insnAtomic64(ins asm.Instruction) string {
	if ins.Op.Size() == asm.SizeDW {
		return "64"
	}
	return ""
}

// insnRegPrefix is 'w' for 32-bit operands and 'r' for 64-bit ones.
func insnRegPrefix(w bool) byte {
	if w {
		return 'w'
	}
	return 'r'
}

// insnTable reads an entry of one of disasm.c's string tables, "(null)"
// where it has none, as the kernel's vsnprintf prints a NULL string.
func insnTable(table []string, i int) string {
	if i < 0 || i >= len(table) || table[i] == "" {
		return "(null)"
	}
	return table[i]
}

// disasm.c's tables, by operation (op >> 4) or size (size >> 3).
var (
	insnALUString = [16]string{
		"+=", "-=", "*=", "/=", "|=", "&=", "<<=", ">>=",
		"neg", "%=", "^=", "=", "s>>=", "endian",
	}
	insnAtomicALUString = [16]string{
		asm.AtomicAdd >> 4: "add", asm.AtomicOr >> 4: "or",
		asm.AtomicAnd >> 4: "and", asm.AtomicXor >> 4: "xor",
	}
	insnLdstString = [4]string{"u32", "u16", "u8", "u64"}
	insnLdsxString = [3]string{"s32", "s16", "s8"} // no 64-bit entry, as in the kernel
	insnJmpString  = [16]string{
		"jmp", "==", ">", ">=", "&", "!=", "s>", "s>=",
		"call", "exit", "<", "<=", "s<", "s<=",
	}
)
