package asm

// This file implements the tests of the bpf_conformance assembler: encodings
// of every instruction form, label resolution, the error for each kind of
// bad input, and a fuzz target.

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
)

func TestAssembleConformance(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want Program
	}{
		{"mov imm", "mov %r0, 1", Program{{Op: 0xb7, Imm: 1}}},
		{"mov negative imm", "mov %r1, -13", Program{{Op: 0xb7, Dst: R1, Imm: -13}}},
		{"mov32 reg", "mov32 %r0, %r1", Program{{Op: 0xbc, Src: R1}}},
		{"add32 hex pattern", "add32 %r1, 0xffffffff", Program{{Op: 0x04, Dst: R1, Imm: -1}}},
		{"imm32 extremes", "mov %r1, -2147483648\nmov %r2, 2147483647\nmov %r3, -0x80000000",
			Program{{Op: 0xb7, Dst: R1, Imm: -1 << 31}, {Op: 0xb7, Dst: R2, Imm: 1<<31 - 1}, {Op: 0xb7, Dst: R3, Imm: -1 << 31}}},
		{"alu64 ops", "sub %r1, %r2\nmul %r1, 3\ndiv %r1, %r2\nor %r1, 4\nand %r1, %r2\nlsh %r1, 5\nrsh %r1, %r2\nmod %r1, 6\nxor %r1, %r2\narsh %r1, 7",
			Program{
				{Op: 0x1f, Dst: R1, Src: R2}, {Op: 0x27, Dst: R1, Imm: 3}, {Op: 0x3f, Dst: R1, Src: R2},
				{Op: 0x47, Dst: R1, Imm: 4}, {Op: 0x5f, Dst: R1, Src: R2}, {Op: 0x67, Dst: R1, Imm: 5},
				{Op: 0x7f, Dst: R1, Src: R2}, {Op: 0x97, Dst: R1, Imm: 6}, {Op: 0xaf, Dst: R1, Src: R2},
				{Op: 0xc7, Dst: R1, Imm: 7},
			}},
		{"signed division", "sdiv %r1, %r2\nsdiv32 %r1, 3\nsmod %r1, -3\nsmod32 %r1, %r2",
			Program{
				{Op: 0x3f, Dst: R1, Src: R2, Off: 1}, {Op: 0x34, Dst: R1, Imm: 3, Off: 1},
				{Op: 0x97, Dst: R1, Imm: -3, Off: 1}, {Op: 0x9c, Dst: R1, Src: R2, Off: 1},
			}},
		{"neg", "neg %r0\nneg32 %r3", Program{{Op: 0x87}, {Op: 0x84, Dst: R3}}},
		{"movsx", "movsx832 %r2, %r1\nmovsx1632 %r2, %r1\nmovsx864 %r2, %r1\nmovsx1664 %r2, %r1\nmovsx3264 %r2, %r1",
			Program{
				{Op: 0xbc, Dst: R2, Src: R1, Off: 8}, {Op: 0xbc, Dst: R2, Src: R1, Off: 16},
				{Op: 0xbf, Dst: R2, Src: R1, Off: 8}, {Op: 0xbf, Dst: R2, Src: R1, Off: 16},
				{Op: 0xbf, Dst: R2, Src: R1, Off: 32},
			}},
		{"byte swaps", "be16 %r0\nbe64 %r1\nle32 %r2\nbswap16 %r3\nswap64 %r4",
			Program{
				{Op: 0xdc, Imm: 16}, {Op: 0xdc, Dst: R1, Imm: 64}, {Op: 0xd4, Dst: R2, Imm: 32},
				{Op: 0xd7, Dst: R3, Imm: 16}, {Op: 0xd7, Dst: R4, Imm: 64},
			}},
		{"lddw hex", "lddw %r0, 0x1122334455667788",
			Program{{Op: 0x18, Imm: 0x55667788}, {Imm: 0x11223344}}},
		{"lddw decimal", "lddw %r1, 2147483648", Program{{Op: 0x18, Dst: R1, Imm: -1 << 31}, {}}},
		{"lddw negative", "lddw %r1, -1", Program{{Op: 0x18, Dst: R1, Imm: -1}, {Imm: -1}}},
		{"lddw max", "lddw %r1, 18446744073709551615", Program{{Op: 0x18, Dst: R1, Imm: -1}, {Imm: -1}}},
		{"loads", "ldxb %r0, [%r1+2]\nldxh %r0, [%r1]\nldxw %r0, [%r1-0x4]\nldxdw %r0, [%r10-8]",
			Program{
				{Op: 0x71, Src: R1, Off: 2}, {Op: 0x69, Src: R1}, {Op: 0x61, Src: R1, Off: -4},
				{Op: 0x79, Src: R10, Off: -8},
			}},
		{"sign-extending loads", "ldxsb %r0, [%r10-1]\nldxsh %r0, [%r10-2]\nldxsw %r0, [%r10-4]",
			Program{{Op: 0x91, Src: R10, Off: -1}, {Op: 0x89, Src: R10, Off: -2}, {Op: 0x81, Src: R10, Off: -4}}},
		{"stores", "stb [%r10-1], 0x7f\nsth [%r0], 0x1234\nstw [%r10-4], -1\nstdw [%r10-16], 0xab",
			Program{
				{Op: 0x72, Dst: R10, Off: -1, Imm: 0x7f}, {Op: 0x6a, Imm: 0x1234},
				{Op: 0x62, Dst: R10, Off: -4, Imm: -1}, {Op: 0x7a, Dst: R10, Off: -16, Imm: 0xab},
			}},
		{"register stores", "stxb [%r10-8], %r1\nstxh [%r1+2], %r2\nstxw [%r1], %r3\nstxdw [%r10-8], %r0",
			Program{
				{Op: 0x73, Dst: R10, Src: R1, Off: -8}, {Op: 0x6b, Dst: R1, Src: R2, Off: 2},
				{Op: 0x63, Dst: R1, Src: R3}, {Op: 0x7b, Dst: R10, Off: -8},
			}},
		{"conditional jumps", "jeq %r1, 1, +1\njgt %r1, %r2, -1\njge32 %r1, 0x80000000, +0\njset32 %r1, %r2, +2\njsle %r1, -1, +3",
			Program{
				{Op: 0x15, Dst: R1, Imm: 1, Off: 1}, {Op: 0x2d, Dst: R1, Src: R2, Off: -1},
				{Op: 0x36, Dst: R1, Imm: -1 << 31}, {Op: 0x4e, Dst: R1, Src: R2, Off: 2},
				{Op: 0xd5, Dst: R1, Imm: -1, Off: 3},
			}},
		{"every jump op", "jne %r1, 0, +0\njsgt %r1, 0, +0\njsge %r1, 0, +0\njlt %r1, 0, +0\njle %r1, 0, +0\njslt %r1, 0, +0",
			Program{
				{Op: 0x55, Dst: R1}, {Op: 0x65, Dst: R1}, {Op: 0x75, Dst: R1},
				{Op: 0xa5, Dst: R1}, {Op: 0xb5, Dst: R1}, {Op: 0xc5, Dst: R1},
			}},
		{"labels", "mov %r1, 0\nja L2\nL1:\nmov %r2, 0\nexit\nL2:\nmov %r0, 0\nja L1",
			Program{
				{Op: 0xb7, Dst: R1}, {Op: 0x05, Off: 2}, {Op: 0xb7, Dst: R2}, {Op: 0x95},
				{Op: 0xb7}, {Op: 0x05, Off: -4},
			}},
		{"label counts lddw as two slots", "lddw %r0, 1\njeq %r0, 1, done\nlddw %r0, 2\ndone:\nexit",
			Program{
				{Op: 0x18, Imm: 1}, {}, {Op: 0x15, Imm: 1, Off: 2}, {Op: 0x18, Imm: 2}, {}, {Op: 0x95},
			}},
		{"label on the instruction line", "ja end\nend: exit", Program{{Op: 0x05}, {Op: 0x95}}},
		{"first exit is a label", "jne %r0, 0, exit\nmov %r0, 1\nexit\nexit",
			Program{{Op: 0x55, Off: 1}, {Op: 0xb7, Imm: 1}, {Op: 0x95}, {Op: 0x95}}},
		{"explicit exit label wins", "ja exit\nexit\nexit:\nexit",
			Program{{Op: 0x05, Off: 1}, {Op: 0x95}, {Op: 0x95}}},
		{"ja32", "ja32 target\nmov %r0, 0\ntarget:\nja32 -3",
			Program{{Op: 0x06, Imm: 1}, {Op: 0xb7}, {Op: 0x06, Imm: -3}}},
		{"calls", "call 5\ncall helper 7\ncall runtime 3\ncall %r2",
			Program{{Op: 0x85, Imm: 5}, {Op: 0x85, Imm: 7}, {Op: 0x85, Src: 2, Imm: 3}, {Op: 0x8d, Dst: R2}}},
		{"local call", "call local f\nexit\nf:\nmov %r0, 1\nexit",
			Program{{Op: 0x85, Src: 1, Imm: 1}, {Op: 0x95}, {Op: 0xb7, Imm: 1}, {Op: 0x95}}},
		{"atomics", "lock add [%r10-8], %r1\nlock add32 [%r10-4], %r1\nlock fetch and [%r10-8], %r3\n" +
			"lock fetch or32 [%r10-4], %r3\nlock xor [%r1+0], %r2\nlock xchg [%r10-8], %r1\n" +
			"lock xchg32 [%r10-8], %r1\nlock cmpxchg [%r10-8], %r1\nlock cmpxchg32 [%r10-8], %r1",
			Program{
				{Op: 0xdb, Dst: R10, Src: R1, Off: -8, Imm: 0x00},
				{Op: 0xc3, Dst: R10, Src: R1, Off: -4, Imm: 0x00},
				{Op: 0xdb, Dst: R10, Src: R3, Off: -8, Imm: 0x51},
				{Op: 0xc3, Dst: R10, Src: R3, Off: -4, Imm: 0x41},
				{Op: 0xdb, Dst: R1, Src: R2, Imm: 0xa0},
				{Op: 0xdb, Dst: R10, Src: R1, Off: -8, Imm: 0xe1},
				{Op: 0xc3, Dst: R10, Src: R1, Off: -8, Imm: 0xe1},
				{Op: 0xdb, Dst: R10, Src: R1, Off: -8, Imm: 0xf1},
				{Op: 0xc3, Dst: R10, Src: R1, Off: -8, Imm: 0xf1},
			}},
		{"comments, blanks and separators", "# a comment\n\n\tmov\t%r0,1 # trailing\nadd %r0 2\n  exit  ",
			Program{{Op: 0xb7, Imm: 1}, {Op: 0x07, Imm: 2}, {Op: 0x95}}},
		{"CRLF line ends", "mov %r0, 1\r\nexit\r\n", Program{{Op: 0xb7, Imm: 1}, {Op: 0x95}}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := AssembleConformance([]byte(tt.src), "test.data")
			if err != nil {
				t.Fatalf("AssembleConformance: %v", err)
			}
			if !reflect.DeepEqual(got, tt.want) {
				t.Errorf("got\n%v\nwant\n%v", got, tt.want)
			}
		})
	}
}

// TestAssembleConformanceWords checks the encoding against the raw words
// that bpf_conformance's lddw.data lists beside its assembly.
func TestAssembleConformanceWords(t *testing.T) {
	prog, err := AssembleConformance([]byte("lddw %r0, 0x1122334455667788\nexit\n"), "")
	if err != nil {
		t.Fatal(err)
	}
	want := []uint64{0x5566778800000018, 0x1122334400000000, 0x0000000000000095}
	if len(prog) != len(want) {
		t.Fatalf("got %d slots, want %d", len(prog), len(want))
	}
	for i, ins := range prog {
		if ins.Word() != want[i] {
			t.Errorf("slot %d: word %#016x, want %#016x", i, ins.Word(), want[i])
		}
	}
}

func TestAssembleConformanceErrors(t *testing.T) {
	tests := []struct {
		name string
		src  string
		line int
		msg  string // substring of the message
	}{
		{"empty", "", 1, "no instructions"},
		{"only comments", "# nothing\n\n", 3, "no instructions"},
		{"only a label", "L1:\n", 2, "no instructions"},
		{"lock missing source", "lock or [%r10-8]\nexit", 1, "Invalid number of operands for lock"},
		{"lock alone", "lock\nexit", 1, "Invalid number of operands for lock"},
		{"lock fetch alone", "lock fetch", 1, "Invalid number of operands for lock"},
		{"lock unknown op", "lock sub [%r10-8], %r1", 1, "Invalid atomic operation: sub"},
		{"lock register as memory", "lock add %r10, %r1", 1, "Invalid memory operand"},
		{"register out of range", "mov %r0, 1\nor %r0, %r50\nexit", 2, "Invalid register: %r50"},
		{"register r11", "mov %r11, 1", 1, "Invalid register"},
		{"register leading zero", "mov %r01, 1", 1, "Invalid register"},
		{"register without percent", "mov r0, 1", 1, "Invalid register"},
		{"register garbage", "mov %rx, %r1", 1, "Invalid register"},
		{"unknown mnemonic", "# Invalid mnemonic\nldxq %r0, %r1\nexit", 2, "Invalid mnemonic: ldxq"},
		{"mnemonic case", "MOV %r0, 1", 1, "Invalid mnemonic"},
		{"bad 32 suffix", "exit32", 1, "Invalid mnemonic"},
		{"movsx3232", "movsx3232 %r0, %r1", 1, "Invalid mnemonic"},
		{"memory operand without brackets", "ldxb %r0, %r1\nexit", 1, "Invalid memory operand"},
		{"memory operand unclosed", "ldxb %r0, [%r1+2", 1, "Invalid memory operand"},
		{"memory operand without register", "stb [-8], 1", 1, "Invalid register"},
		{"offset out of range", "ldxb %r0, [%r1+0x10000]", 1, "Invalid offset"},
		{"offset just out of range", "ldxb %r0, [%r1+32768]", 1, "Invalid offset"},
		{"offset double sign", "ldxb %r0, [%r1+-2]", 1, "Invalid offset"},
		{"jump offset out of range", "ja +32768", 1, "Invalid offset"},
		{"operand count lddw", "lddw %r0\nexit", 1, "Invalid number of operands for lddw"},
		{"operand count mov", "mov %r0", 1, "Invalid number of operands for mov"},
		{"operand count neg", "neg %r0, 1", 1, "Invalid number of operands for neg"},
		{"operand count exit", "exit %r0", 1, "Invalid number of operands for exit"},
		{"operand count jump", "jeq %r0, 1", 1, "Invalid number of operands for jeq"},
		{"operand count call", "call", 1, "Invalid number of operands for call"},
		{"operand count be16", "be16", 1, "Invalid number of operands for be16"},
		{"undefined label", "ja NOT_A_LABEL\nexit", 1, "Invalid label: NOT_A_LABEL"},
		{"undefined label reported at its line", "mov %r0, 0\n\njeq %r0, 0, nowhere\nexit", 3, "Invalid label: nowhere"},
		{"bad label definition", "1abc:\nexit", 1, "Invalid label"},
		{"bad jump target", "ja 3", 1, "Invalid label"},
		{"duplicate label", "a:\nmov %r0, 0\na:\nexit", 3, "Duplicate label: a"},
		{"imm32 decimal range", "# Immediate is out of 32-bit range (signed decimal)\nmov32 %r0, 2147483648\nexit", 2, "out of the 32-bit range"},
		{"imm32 hex range", "mov32 %r0, 0x100000000\nexit", 1, "out of the 32-bit range"},
		{"imm32 negative range", "mov %r0, -2147483649", 1, "out of the 32-bit range"},
		{"imm32 negative hex range", "mov %r0, -0x80000001", 1, "out of the 32-bit range"},
		{"imm64 range", "lddw %r0, 0x10000000000000000", 1, "Invalid immediate"},
		{"imm64 negative range", "lddw %r0, -9223372036854775809", 1, "out of the 64-bit range"},
		{"immediate garbage", "mov %r0, 1x", 1, "Invalid immediate: 1x"},
		{"immediate underscore", "mov %r0, 1_000", 1, "Invalid immediate"},
		{"immediate octal prefix", "mov %r0, 0o17", 1, "Invalid immediate"},
		{"call mode", "call far 3", 1, "Invalid call mode"},
		{"call helper garbage", "call foo", 1, "Invalid immediate: foo"},
		{"call register out of range", "call %r11", 1, "Invalid register"},
		{"call local undefined", "call local nowhere\nexit", 1, "Invalid label: nowhere"},
		{"jump too far", "ja far\n" + strings.Repeat("mov %r0, 0\n", 1<<15) + "far: exit", 1, "out of range"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			prog, err := AssembleConformance([]byte(tt.src), "x.data")
			if err == nil {
				t.Fatalf("no error; program %v", prog)
			}
			if prog != nil {
				t.Errorf("program %v returned with the error", prog)
			}
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("error %T %v is not a *SyntaxError", err, err)
			}
			if se.File != "x.data" || se.Line != tt.line {
				t.Errorf("error at %s:%d, want x.data:%d (%v)", se.File, se.Line, tt.line, err)
			}
			if !strings.Contains(se.Msg, tt.msg) {
				t.Errorf("message %q does not contain %q", se.Msg, tt.msg)
			}
		})
	}
}

// conformanceAsmSections returns the assembly sections of the suite's
// tests, when the shared folder is present, as fuzz seeds.
func conformanceAsmSections(tb testing.TB) [][]byte {
	files, _ := filepath.Glob(filepath.Join("..", "..", "shared", "conformance", "tests", "*.data"))
	var seeds [][]byte
	for _, file := range files {
		data, err := os.ReadFile(file)
		if err != nil {
			tb.Fatal(err)
		}
		var asm strings.Builder
		inAsm := false
		for _, line := range strings.Split(string(data), "\n") {
			if strings.HasPrefix(strings.TrimSpace(line), "--") {
				inAsm = strings.Contains(line, "asm")
				continue
			}
			if inAsm {
				asm.WriteString(line + "\n")
			}
		}
		seeds = append(seeds, []byte(asm.String()))
	}
	return seeds
}

func FuzzAssembleConformance(f *testing.F) {
	for _, seed := range []string{
		"mov %r0, 1\nexit",
		"lddw %r0, 0x1122334455667788\nexit",
		"ldxb %r0, [%r1+2]\nstxdw [%r10-8], %r0\nstw [%r10-4], -1\nexit",
		"jeq %r1, 0x80, L\nja32 L\nL: call local f\nexit\nf: call %r2\nexit",
		"lock fetch add32 [%r10-8], %r1\nlock cmpxchg [%r10-8], %r1\nexit",
		"movsx1664 %r0, %r1\nbe16 %r0\nbswap64 %r0\nsdiv32 %r0, -3\nneg %r0\nexit",
		"call 5\ncall runtime 3\njne32 %r0, %r1, +1\nexit",
	} {
		f.Add([]byte(seed))
	}
	for _, seed := range conformanceAsmSections(f) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		prog, err := AssembleConformance(src, "fuzz")
		if (prog == nil) != (err != nil) {
			t.Fatalf("program %v with error %v: want exactly one of them", prog, err)
		}
		if err != nil {
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("error %T %v is not a *SyntaxError", err, err)
			}
			if lines := strings.Count(string(src), "\n") + 1; se.Line < 1 || se.Line > lines {
				t.Fatalf("error line %d outside 1..%d: %v", se.Line, lines, err)
			}
		}
	})
}

func ExampleAssembleConformance() {
	src := `
mov %r0, 0
jne %r1, 0, exit   # the first exit is also the label "exit"
lddw %r0, 0x1122334455667788
exit
`
	prog, err := AssembleConformance([]byte(src), "example.data")
	if err != nil {
		fmt.Println(err)
		return
	}
	for _, ins := range prog {
		fmt.Printf("%#016x\n", ins.Word())
	}
	_, err = AssembleConformance([]byte("or %r0, %r50\n"), "bad.data")
	fmt.Println(err)
	// Output:
	// 0x00000000000000b7
	// 0x0000000000020155
	// 0x5566778800000018
	// 0x1122334400000000
	// 0x0000000000000095
	// bad.data:1: Invalid register: %r50
}
