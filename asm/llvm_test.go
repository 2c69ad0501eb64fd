package asm

// This file implements the tests of Assemble, Disassemble and
// FormatInstruction that need no LLVM: encodings, errors, round trips.

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"math/rand"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// decodeHex reads bytes written as "b7 01 00 00 05 00 00 00".
func decodeHex(t testing.TB, s string) []byte {
	t.Helper()
	b, err := hex.DecodeString(strings.ReplaceAll(s, " ", ""))
	if err != nil {
		t.Fatalf("bad hex %q: %v", s, err)
	}
	return b
}

// assembleOK assembles src and fails the test on error.
func assembleOK(t testing.TB, src, file string) Program {
	t.Helper()
	p, err := Assemble([]byte(src), file)
	if err != nil {
		t.Fatalf("Assemble(%q): %v", src, err)
	}
	return p
}

// llvmEncodings are single instructions and their encodings as
// llvm-mc-19 -triple bpf -mcpu=v4 produces them (TestLLVMCorpus checks the
// same forms against llvm-mc itself when it is installed).
var llvmEncodings = []struct{ src, want string }{
	{"r1 = 5", "b7 01 00 00 05 00 00 00"},
	{"w1 = 5", "b4 01 00 00 05 00 00 00"},
	{"r1 = r2", "bf 21 00 00 00 00 00 00"},
	{"w1 = w2", "bc 21 00 00 00 00 00 00"},
	{"w0 += w1", "0c 10 00 00 00 00 00 00"},
	{"r0 -= 1", "17 00 00 00 01 00 00 00"},
	{"r1 *= r2", "2f 21 00 00 00 00 00 00"},
	{"w1 /= 3", "34 01 00 00 03 00 00 00"},
	{"r1 %= r2", "9f 21 00 00 00 00 00 00"},
	{"r1 |= 0x10", "47 01 00 00 10 00 00 00"},
	{"r1 &= r2", "5f 21 00 00 00 00 00 00"},
	{"r1 ^= -1", "a7 01 00 00 ff ff ff ff"},
	{"r1 <<= 63", "67 01 00 00 3f 00 00 00"},
	{"w1 >>= w2", "7c 21 00 00 00 00 00 00"},
	{"r1 s>>= 3", "c7 01 00 00 03 00 00 00"},
	{"r1 s/= r2", "3f 21 01 00 00 00 00 00"},
	{"r1 s%= r2", "9f 21 01 00 00 00 00 00"},
	{"w1 s/= -7", "34 01 01 00 f9 ff ff ff"},
	{"w1 s%= w2", "9c 21 01 00 00 00 00 00"},
	{"r1 = -r1", "87 01 00 00 00 00 00 00"},
	{"w1 = -w1", "84 01 00 00 00 00 00 00"},
	{"if r2 s> r3 goto +4", "6d 32 04 00 00 00 00 00"},
	{"if r1 == r2 goto -3", "1d 21 fd ff 00 00 00 00"},
	{"if r1 != 5 goto +1", "55 01 01 00 05 00 00 00"},
	{"if r1 > 0x7fffffff goto +1", "25 01 01 00 ff ff ff 7f"},
	{"if r1 >= r2 goto +1", "3d 21 01 00 00 00 00 00"},
	{"if r1 < -1 goto +1", "a5 01 01 00 ff ff ff ff"},
	{"if r1 <= r2 goto +1", "bd 21 01 00 00 00 00 00"},
	{"if r1 s>= 0 goto +1", "75 01 01 00 00 00 00 00"},
	{"if r1 s< r2 goto +1", "cd 21 01 00 00 00 00 00"},
	{"if r1 s<= -5 goto +1", "d5 01 01 00 fb ff ff ff"},
	{"if r1 & 8 goto +1", "45 01 01 00 08 00 00 00"},
	{"if w1 == w2 goto +1", "1e 21 01 00 00 00 00 00"},
	{"if w1 != 0xffffffff goto +1", "56 01 01 00 ff ff ff ff"},
	{"if w1 s< w2 goto +1", "ce 21 01 00 00 00 00 00"},
	{"if w1 & 1 goto -1", "46 01 ff ff 01 00 00 00"},
	{"goto +0", "05 00 00 00 00 00 00 00"},
	{"goto -1", "05 00 ff ff 00 00 00 00"},
	{"gotol +3", "06 00 00 00 03 00 00 00"},
	{"gotol -32768", "06 00 00 00 00 80 ff ff"},
	{"may_goto +2", "e5 00 02 00 00 00 00 00"},
	{"*(u64 *)(r10 - 8) = r1", "7b 1a f8 ff 00 00 00 00"},
	{"*(u32 *)(r1 + 4) = 7", "62 01 04 00 07 00 00 00"},
	{"*(u32 *)(r1 + 4) = w2", "63 21 04 00 00 00 00 00"},
	{"*(u16 *)(r1 + 0) = -1", "6a 01 00 00 ff ff ff ff"},
	{"*(u8 *)(r10 - 32768) = 255", "72 0a 00 80 ff 00 00 00"},
	{"r0 = *(u8 *)(r1 + 2)", "71 10 02 00 00 00 00 00"},
	{"w0 = *(u16 *)(r1 + 2)", "69 10 02 00 00 00 00 00"},
	{"r0 = *(u32 *)(r1 + 2)", "61 10 02 00 00 00 00 00"},
	{"r0 = *(u64 *)(r1 + 32767)", "79 10 ff 7f 00 00 00 00"},
	{"r0 = *(s8 *)(r1 + 2)", "91 10 02 00 00 00 00 00"},
	{"r0 = *(s16 *)(r1 + 2)", "89 10 02 00 00 00 00 00"},
	{"r0 = *(s32 *)(r1 - 2)", "81 10 fe ff 00 00 00 00"},
	{"lock *(u64 *)(r1 + 0) += r2", "db 21 00 00 00 00 00 00"},
	{"lock *(u64 *)(r1 + 0) &= r2", "db 21 00 00 50 00 00 00"},
	{"lock *(u64 *)(r1 + 0) |= r2", "db 21 00 00 40 00 00 00"},
	{"lock *(u64 *)(r1 + 0) ^= r2", "db 21 00 00 a0 00 00 00"},
	{"lock *(u32 *)(r1 + 4) += w2", "c3 21 04 00 00 00 00 00"},
	{"lock *(u32 *)(r1 + 4) += r2", "c3 21 04 00 00 00 00 00"},
	{"r0 = atomic_fetch_add((u64 *)(r1 + 0), r0)", "db 01 00 00 01 00 00 00"},
	{"r2 = atomic_fetch_and((u64 *)(r1 + 0), r2)", "db 21 00 00 51 00 00 00"},
	{"r2 = atomic_fetch_or((u64 *)(r1 + 0), r2)", "db 21 00 00 41 00 00 00"},
	{"r2 = atomic_fetch_xor((u64 *)(r1 + 0), r2)", "db 21 00 00 a1 00 00 00"},
	{"w0 = atomic_fetch_add((u32 *)(r1 + 0), w0)", "c3 01 00 00 01 00 00 00"},
	{"w3 = atomic_fetch_xor((u32 *)(r1 - 8), w3)", "c3 31 f8 ff a1 00 00 00"},
	{"r0 = xchg_64(r1 + 0, r0)", "db 01 00 00 e1 00 00 00"},
	{"w0 = xchg32_32(r1 + 0, w0)", "c3 01 00 00 e1 00 00 00"},
	{"r0 = cmpxchg_64(r1 + 0, r0, r2)", "db 21 00 00 f1 00 00 00"},
	{"w0 = cmpxchg32_32(r1 + 8, w0, w2)", "c3 21 08 00 f1 00 00 00"},
	{"r1 = be16 r1", "dc 01 00 00 10 00 00 00"},
	{"r1 = be32 r1", "dc 01 00 00 20 00 00 00"},
	{"r1 = be64 r1", "dc 01 00 00 40 00 00 00"},
	{"r1 = le16 r1", "d4 01 00 00 10 00 00 00"},
	{"r1 = le32 r1", "d4 01 00 00 20 00 00 00"},
	{"r1 = le64 r1", "d4 01 00 00 40 00 00 00"},
	{"r1 = bswap16 r1", "d7 01 00 00 10 00 00 00"},
	{"r1 = bswap32 r1", "d7 01 00 00 20 00 00 00"},
	{"r1 = bswap64 r1", "d7 01 00 00 40 00 00 00"},
	{"r1 = (s8)r2", "bf 21 08 00 00 00 00 00"},
	{"r1 = (s16)r2", "bf 21 10 00 00 00 00 00"},
	{"r1 = (s32)r2", "bf 21 20 00 00 00 00 00"},
	{"w1 = (s8)w2", "bc 21 08 00 00 00 00 00"},
	{"w1 = (s16)w2", "bc 21 10 00 00 00 00 00"},
	{"call 1", "85 00 00 00 01 00 00 00"},
	{"callx r2", "8d 02 00 00 00 00 00 00"},
	{"r1 = 0x1234 ll", "18 01 00 00 34 12 00 00 00 00 00 00 00 00 00 00"},
	{"r1 = 0x1122334455667788 ll", "18 01 00 00 88 77 66 55 00 00 00 00 44 33 22 11"},
	{"r1 = -1 ll", "18 01 00 00 ff ff ff ff 00 00 00 00 ff ff ff ff"},
	{"r0 = *(u8 *)skb[2]", "30 00 00 00 02 00 00 00"},
	{"r0 = *(u16 *)skb[r1]", "48 10 00 00 00 00 00 00"},
	{"exit", "95 00 00 00 00 00 00 00"},
}

// extensionEncodings are the forms Assemble reads beyond llvm-mc: those
// Disassemble prints for encodings LLVM has no text for, the kernel log's
// pc-relative targets, wider gotol offsets, upper case.
var extensionEncodings = []struct{ src, want string }{
	{"call pc+5", "85 10 00 00 05 00 00 00"},
	{"call pc-1", "85 10 00 00 ff ff ff ff"},
	{"call kfunc(1234)", "85 20 00 00 d2 04 00 00"},
	{"call kfunc(1234, 2)", "85 20 02 00 d2 04 00 00"},
	{"callx 2", "8d 00 00 00 02 00 00 00"},
	{"callx r0", "8d 00 00 00 00 00 00 00"},
	{"r0 = *(u16 *)skb[r1 + 4]", "48 10 00 00 04 00 00 00"},
	{"r0 = *(u32 *)skb[r1 - 4]", "40 10 00 00 fc ff ff ff"},
	{"r0 = *(u32 *)skb[r1 + -4]", "40 10 00 00 fc ff ff ff"},
	{"r1 = map_fd(3) ll", "18 11 00 00 03 00 00 00 00 00 00 00 00 00 00 00"},
	{"r1 = map_fd(3) ll", "18 11 00 00 03 00 00 00 00 00 00 00 00 00 00 00"},
	{"r1 = map_value(3, 16) ll", "18 21 00 00 03 00 00 00 00 00 00 00 10 00 00 00"},
	{"r1 = btf_id(1234) ll", "18 31 00 00 d2 04 00 00 00 00 00 00 00 00 00 00"},
	{"r2 = func(pc+5) ll", "18 42 00 00 05 00 00 00 00 00 00 00 00 00 00 00"},
	{"r2 = func(pc-3) ll", "18 42 00 00 fd ff ff ff 00 00 00 00 00 00 00 00"},
	{"r1 = map_idx(0) ll", "18 51 00 00 00 00 00 00 00 00 00 00 00 00 00 00"},
	{"r1 = map_idx_value(1, 0xffffffff)", "18 61 00 00 01 00 00 00 00 00 00 00 ff ff ff ff"},
	{"gotol +40000", "06 00 00 00 40 9c 00 00"},
	{"gotol -2147483648", "06 00 00 00 00 00 00 80"},
	{"goto pc+3", "05 00 03 00 00 00 00 00"},
	{"may_goto pc-2", "e5 00 fe ff 00 00 00 00"},
	{"r0 = atomic_fetch_or((u32 *)(r1 + 0), r0)", "c3 01 00 00 41 00 00 00"},
	{"r0 = xchg32_32(r1 + 0, r0)", "c3 01 00 00 e1 00 00 00"},
	{"r0 = *(u32 *)(r1)", "61 10 00 00 00 00 00 00"},
	{"R1 = 1", "b7 01 00 00 01 00 00 00"},
	{"EXIT", "95 00 00 00 00 00 00 00"},
	{"r1 = 0", "b7 01 00 00 00 00 00 00"},
	{"r1 = -0", "b7 01 00 00 00 00 00 00"},
	{"w1 = -2147483648", "b4 01 00 00 00 00 00 80"},
	{"*(u8 *)(r1 + 0) = 0xffffffff", "72 01 00 00 ff ff ff ff"},
	{"if r1 > r2 goto -0x3 <LBB0_1>", "2d 21 fd ff 00 00 00 00"},
	{"gotol +0x3 <.text+0x110>", "06 00 00 00 03 00 00 00"},
	{"r1 = 1; r2 = 2", "b7 01 00 00 01 00 00 00 b7 02 00 00 02 00 00 00"},
	{"; int x = 1;\n\t; a source line\nexit", "95 00 00 00 00 00 00 00"},
}

func TestAssembleEncodings(t *testing.T) {
	for _, tables := range [][]struct{ src, want string }{llvmEncodings, extensionEncodings} {
		for _, tc := range tables {
			p, err := Assemble([]byte(tc.src), "")
			if err != nil {
				t.Errorf("%s: %v", tc.src, err)
				continue
			}
			if got, want := p.Bytes(), decodeHex(t, tc.want); !bytes.Equal(got, want) {
				t.Errorf("%s:\n got % x\nwant % x", tc.src, got, want)
			}
		}
	}
}

// TestAssembleLabels checks label resolution: jumps fill off, gotol imm,
// call imm with src 1, ld_imm64 of a function src 4 with imm pc-relative.
func TestAssembleLabels(t *testing.T) {
	src := `
main:                       # slot 0
	r2 = my_func ll         # slots 0-1: my_func is slot 6, imm = 6-0-1
	call my_func            # slot 2: imm = 6-2-1
	if r0 == 0 goto out     # slot 3: off = 5-3-1
	gotol main              # slot 4: imm = 0-4-1
out:
	exit                    # slot 5
my_func:
	goto my_func            # slot 6: off = 6-6-1
`
	want := []Instruction{
		{Op: OpLoadImm64, Dst: R2, Src: PseudoFunc, Imm: 5}, {},
		{Op: OpCallK, Src: PseudoCall, Imm: 3},
		{Op: OpCode(ClassJMP) | OpCode(OpJEQ), Off: 1},
		{Op: OpCode(ClassJMP32) | OpCode(OpJA), Imm: -5},
		{Op: OpExitK},
		{Op: OpCode(ClassJMP) | OpCode(OpJA), Off: -1},
	}
	p := assembleOK(t, src, "labels.s")
	if fmt.Sprint(p) != fmt.Sprint(Program(want)) {
		t.Errorf("got\n%v\nwant\n%v", p, want)
	}
}

// TestAssembleSections checks the layout: executable sections one after
// another in the order they first appear, .text (which exists from the
// start, as in llvm-mc) first; data sections are left out.
func TestAssembleSections(t *testing.T) {
	src := `
	.section prog,"ax",@progbits
entry:
	call helper             # prog slot 0: slot 1 of the program
	exit
	.data
counter:
	.long 0
	.text
f:
	r0 = 1                  # .text slot 0: slot 0 of the program
	.section prog,"ax",@progbits
	r0 = 2
helper:
	exit                    # prog slot 3: slot 4 of the program
`
	p := assembleOK(t, src, "")
	got := Disassemble(p)
	want := "r0 = 1\ncall pc+2\nexit\nr0 = 2\nexit\n"
	if got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

// TestAssembleErrors checks that errors are *SyntaxError on the right line.
func TestAssembleErrors(t *testing.T) {
	far := "goto far\n" + strings.Repeat("r0 = 0\n", 40000) + "far:\nexit\n"
	tests := []struct {
		name string
		src  string
		line int
		msg  string
	}{
		{"unknown mnemonic", "r0 = 0\nfoo r1\nexit", 2, `unknown instruction "foo"`},
		{"unknown operand", "r0 = 0\nr0 = foo\nexit", 2, `unknown operand "foo"`},
		{"bad register r11", "\n\nr11 = 1", 3, "invalid register r11"},
		{"bad register in memory", "r0 = *(u64 *)(r12 + 0)", 1, "invalid register r12"},
		{"bad register w", "w1 = w2\nw1 += w16", 2, "invalid register w16"},
		{"widths differ", "w1 = r2", 1, "w1 and r2 have different widths"},
		{"widths differ in jump", "if r1 > w2 goto +1", 1, "r1 and w2 have different widths"},
		{"offset out of range", "r0 = 1\nr0 = *(u32 *)(r1 + 32768)", 2, "offset 32768 out of range [-32768, 32767]"},
		{"negative offset out of range", "*(u64 *)(r10 - 32769) = r1", 1, "offset -32769 out of range [-32768, 32767]"},
		{"jump offset out of range", "goto +32768", 1, "jump offset 32768 out of range [-32768, 32767]"},
		{"jump to far label", far, 1, `jump to "far" is 40000 instructions away, out of range [-32768, 32767]; use gotol`},
		{"undefined label", "r0 = 0\nif r0 == 0 goto nowhere\nexit", 2, `undefined label "nowhere"`},
		{"undefined function", "call nowhere\nexit", 1, `undefined label "nowhere"`},
		{"immediate out of range", "r1 = 2147483648", 1, "immediate 2147483648 out of range [-2147483648, 2147483647]"},
		{"negative immediate out of range", "r1 = -2147483649", 1, "immediate -2147483649 out of range [-2147483648, 2147483647]"},
		{"32-bit immediate out of range", "w1 = 4294967296", 1, "immediate 4294967296 out of range [-2147483648, 4294967295]"},
		{"64-bit jump immediate unsigned", "if r1 == 0xffffffff goto +1", 1, "immediate 4294967295 out of range"},
		{"u64 store immediate unsigned", "*(u64 *)(r1 + 0) = 0xffffffff", 1, "immediate 4294967295 out of range"},
		{"ld_imm64 out of range", "r1 = 0x10000000000000000 ll", 1, "does not fit 64 bits"},
		{"ld_imm64 negative out of range", "r1 = -9223372036854775809 ll", 1, "out of range [-9223372036854775808, 18446744073709551615]"},
		{"helper id out of range", "call 2147483648", 1, "helper id 2147483648 out of range"},
		{"malformed number", "r1 = 0x1234ll", 1, `malformed number "0x1234ll"`},
		{"malformed octal", "r1 = 09", 1, `malformed number "09"`},
		{"label redefined", "a:\nexit\na:\nexit", 3, `label "a" redefined (first defined at line 1)`},
		{"data label", ".data\nx:\n.long 0\n.text\nr1 = x ll\nexit", 5, `label "x" is in section .data, which is not executable`},
		{"instruction in data", ".section .maps,\"aw\",@progbits\nr0 = 0", 2, "instruction in section .maps, which is not executable"},
		{"jump across sections", "goto g\n.section s,\"ax\"\ng:\nexit", 1, `jump to label "g" in another section (s)`},
		{"no instructions", "# nothing\n.text\n", 1, "no instructions"},
		{"trailing tokens", "exit exit", 1, `unexpected "exit" after the instruction`},
		{"unsupported directive", ".text\n.rept 3\nexit", 2, "directive .rept is not supported in a code section"},
		{"padding alignment", ".p2align 4\nexit", 1, "alignment beyond 8 bytes"},
		{"numeric label", "1:\nexit", 1, "numeric label 1: is not supported"},
		{"atomic registers", "r0 = atomic_fetch_add((u64 *)(r1 + 0), r2)", 1, "returns into its source register"},
		{"atomic width", "lock *(u64 *)(r1 + 0) += w2", 1, "takes r registers, not w2"},
		{"atomic size", "lock *(u16 *)(r1 + 0) += r2", 1, "atomic operations take u32 or u64"},
		{"cmpxchg form", "r1 = cmpxchg_64(r1 + 0, r0, r2)", 1, "compare-and-exchange is written"},
		{"sign-extending load into w", "w0 = *(s16 *)(r1 + 0)", 1, "sign-extending load writes an r register"},
		{"wide load into w", "w0 = *(u64 *)(r1 + 0)", 1, "8-byte load writes an r register"},
		{"signed store", "*(s32 *)(r1 + 0) = r2", 1, "stores take an unsigned type"},
		{"movsx s32 on w", "w1 = (s32)w2", 1, "expected (s8), (s16)"},
		{"byte swap on w", "w1 = be16 w1", 1, "a byte swap is written"},
		{"negation of another register", "r1 = -r2", 1, "negation must be r1 = -r1"},
		{"callx w", "callx w1", 1, "callx takes a 64-bit register"},
		{"ld_imm64 into w", "w1 = 5 ll", 1, "ld_imm64 loads an r register"},
		{"missing goto", "if r1 > r2 +1", 1, `expected goto, found "+"`},
		{"bad condition", "if r1 =< r2 goto +1", 1, "expected a condition"},
		{"jump to register", "goto r1", 1, "found register r1"},
		{"unterminated string", ".section \"xdp", 1, "unterminated string"},
		{"kernel opcode mismatch", "0: (b7) r0 = r1", 1, "opcode (b7) does not match the instruction, which encodes as (bf)"},
		{"kernel line without instruction", "0: (b7)", 1, "no instruction after (b7)"},
		{"error in the second statement", "exit\nr0 = 0; r0 = r11; exit", 2, "invalid register r11"},
		{"comment after ;", "r0 = 0 ; set r0", 1, `unknown instruction "set"`},
		{"unterminated annotation", "goto +1 <x", 1, `expected ">", found end of line`},
	}
	for _, tc := range tests {
		t.Run(tc.name, func(t *testing.T) {
			p, err := Assemble([]byte(tc.src), "test.s")
			if p != nil {
				t.Errorf("got a program with the error")
			}
			var se *SyntaxError
			if !errors.As(err, &se) {
				t.Fatalf("got %v (%T), want a *SyntaxError", err, err)
			}
			if se.File != "test.s" || se.Line != tc.line || !strings.Contains(se.Msg, tc.msg) {
				t.Errorf("got %q, want test.s:%d: ...%s...", err, tc.line, tc.msg)
			}
		})
	}
}

// TestAssembleKernelLog reads a verifier log and compares it with the same
// program in LLVM's syntax.
func TestAssembleKernelLog(t *testing.T) {
	log := `
0: (b7) r0 = 0                        ; R0_w=0
1: (bf) r2 = r10                      ; R2_w=fp0 R10=fp0
2: (07) r2 += -8
3: (18) r1 = 0xffff888100000000
5: (85) call bpf_map_lookup_elem#1
6: (15) if r0 == 0x0 goto pc+2
7: (61) r1 = *(u32 *)(r0 +0)
8: (c3) lock *(u32 *)(r0 +0) += r1
9: (db) r1 = atomic64_fetch_add((u64 *)(r10 -8), r1)
10: (c3) r0 = atomic_cmpxchg((u32 *)(r10 -8), r0, r1)
11: (db) r2 = atomic64_xchg((u64 *)(r10 -16), r2)
12: (55) if r1 != 0xffffffff goto pc-3
13: (85) call pc+2
14: (bc) w1 = (s8)w2
15: (e5) may_goto pc+0
16: (06) gotol pc-3
17: (d7) r1 = bswap32 r1
18: (95) exit
`
	llvm := `
	r0 = 0
	r2 = r10
	r2 += -8
	r1 = 0xffff888100000000 ll
	call 1
	if r0 == 0 goto +2
	w1 = *(u32 *)(r0 + 0)
	lock *(u32 *)(r0 + 0) += w1
	r1 = atomic_fetch_add((u64 *)(r10 - 8), r1)
	w0 = cmpxchg32_32(r10 - 8, w0, w1)
	r2 = xchg_64(r10 - 16, r2)
	if r1 != -1 goto -3
	call pc+2
	w1 = (s8)w2
	may_goto +0
	gotol -3
	r1 = bswap32 r1
	exit
`
	got := assembleOK(t, log, "verifier.log")
	want := assembleOK(t, llvm, "want.s")
	if !bytes.Equal(got.Bytes(), want.Bytes()) {
		t.Errorf("got\n%swant\n%s", Disassemble(got), Disassemble(want))
	}
}

// corpusFiles lists the .s files of the LLVM corpus.
func corpusFiles(t testing.TB) []string {
	t.Helper()
	files, err := filepath.Glob(filepath.Join("testdata", "llvm", "*.s"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no corpus in testdata/llvm: %v", err)
	}
	return files
}

// TestRoundTripCorpus: Assemble, Disassemble, Assemble gives the same bytes.
func TestRoundTripCorpus(t *testing.T) {
	for _, file := range corpusFiles(t) {
		src, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		p := assembleOK(t, string(src), file)
		text := Disassemble(p)
		q, err := Assemble([]byte(text), "disassembly of "+file)
		if err != nil {
			t.Errorf("%s: reading the disassembly back: %v", file, err)
			continue
		}
		if !bytes.Equal(p.Bytes(), q.Bytes()) {
			t.Errorf("%s: round trip differs:\n%s", file, diffPrograms(p, q))
		}
	}
}

// diffPrograms lists the slots where two programs differ.
func diffPrograms(a, b Program) string {
	var sb strings.Builder
	for i := 0; i < max(len(a), len(b)); i++ {
		switch {
		case i >= len(a):
			fmt.Fprintf(&sb, "slot %d: missing, want %s\n", i, FormatInstruction(b, i))
		case i >= len(b):
			fmt.Fprintf(&sb, "slot %d: %s, want nothing\n", i, FormatInstruction(a, i))
		case a[i] != b[i]:
			fmt.Fprintf(&sb, "slot %d: %+v %s, want %+v %s\n", i, a[i], FormatInstruction(a, i), b[i], FormatInstruction(b, i))
		}
	}
	return sb.String()
}

// randomInstruction makes an instruction from any opcode byte and fields
// drawn from values that matter, so that many of them are valid.
func randomInstruction(r *rand.Rand) Instruction {
	offs := []int16{0, 0, 0, 1, -1, 8, 16, 32, 32767, -32768, int16(r.Uint32())}
	imms := []int32{0, 0, 1, -1, 2, 10, 16, 32, 64, AtomicFetch, AtomicXchg, AtomicCmpXchg,
		AtomicOr, AtomicAnd, AtomicXor, AtomicOr | AtomicFetch, 2147483647, -2147483648, int32(r.Uint32())}
	reg := func() Register {
		if r.Intn(20) == 0 {
			return Register(r.Intn(16))
		}
		return Register(r.Intn(11))
	}
	return Instruction{
		Op:  OpCode(r.Intn(256)),
		Dst: reg(),
		Src: reg(),
		Off: offs[r.Intn(len(offs))],
		Imm: imms[r.Intn(len(imms))],
	}
}

// TestDisassembleRandom: every valid instruction prints as text that
// Assemble reads back to the same bytes.
func TestDisassembleRandom(t *testing.T) {
	r := rand.New(rand.NewSource(1))
	valid := 0
	for n := 0; n < 1000000; n++ {
		p := Program{randomInstruction(r)}
		if p[0].IsLoadImm64() {
			p = append(p, Instruction{Imm: int32(r.Uint32())})
		}
		if p.Validate() != nil {
			continue
		}
		valid++
		text := Disassemble(p)
		q, err := Assemble([]byte(text), "")
		if err != nil {
			t.Fatalf("%+v prints as %q, which does not assemble: %v", p[0], text, err)
		}
		if !bytes.Equal(p.Bytes(), q.Bytes()) {
			t.Fatalf("%+v prints as %q, which assembles to %+v", p[0], text, q)
		}
	}
	if valid < 20000 {
		t.Errorf("only %d valid instructions generated", valid)
	}
}

func TestFormatInstruction(t *testing.T) {
	p := Program{
		{Op: OpLoadImm64, Dst: R1, Imm: 1}, {Imm: 2},
		{Op: 0x8e},
		{Op: OpLoadImm64, Dst: R1, Src: 7},
		{},
		{Op: OpLoadImm64},
	}
	tests := []struct {
		i    int
		want string
	}{
		{-1, "<no instruction -1>"},
		{0, "r1 = 0x200000001 ll"},
		{1, "<second slot of ld_imm64 at 0>"},
		{2, "<invalid 8e 00 00 00 00 00 00 00>"},
		{3, "<invalid 18 71 00 00 00 00 00 00>"},
		{5, "<invalid 18 00 00 00 00 00 00 00>"}, // truncated: no second slot
		{6, "<no instruction 6>"},
	}
	for _, tc := range tests {
		if got := FormatInstruction(p, tc.i); got != tc.want {
			t.Errorf("FormatInstruction(p, %d) = %q, want %q", tc.i, got, tc.want)
		}
	}
}

func TestDisassembleForms(t *testing.T) {
	p := Program{
		{Op: OpCode(ClassJMP) | OpCode(OpJSGT) | OpCode(SourceX), Dst: R1, Src: R2, Off: -3},
		{Op: OpCallK, Src: PseudoCall, Imm: -7},
		{Op: OpCallX, Dst: R2},
		{Op: OpCallX, Imm: 3},
		{Op: OpLoadImm64, Dst: R1, Src: PseudoMapValue, Imm: 3}, {Imm: 16},
		{Op: OpLoadImm64, Dst: R2, Src: PseudoFunc, Imm: 5}, {},
		{Op: OpLoadImm64, Dst: R3}, {Imm: -1},
		{Op: OpCode(ClassLD) | OpCode(ModeIND) | OpCode(SizeH), Src: R1, Imm: -4},
		{Op: OpExitK},
	}
	want := `if r1 s> r2 goto -3
call pc-7
callx r2
callx 3
r1 = map_value(3, 16) ll
r2 = func(pc+5) ll
r3 = 0xffffffff00000000 ll
r0 = *(u16 *)skb[r1 - 4]
exit
`
	if got := Disassemble(p); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}
