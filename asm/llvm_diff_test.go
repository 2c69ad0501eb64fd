package asm

// This file implements the differential tests against LLVM: Assemble
// against llvm-mc-19 and clang-19 byte for byte, Disassemble against
// llvm-objdump-19 instruction by instruction. They skip when the tools are
// not installed.
//
// An object's code is compared as a loader would see it: its executable
// sections laid out one after another in section header order (the order
// Assemble uses), and its relocations against code applied:
//
//   - R_BPF_64_32 on a call (llvm-mc sets src 1): the callee is the slot
//     sym.Value/8 + imm + 1 of the symbol's section, the addend being
//     implicit in imm (-1 against a function symbol, off/8 - 1 against a
//     section symbol); imm becomes callee - pc - 1.
//   - R_BPF_64_64 on an ld_imm64: the target is the byte sym.Value + imm64
//     of the symbol's section, which must be executable; the instruction
//     becomes Assemble's function address, src 4 (BPF_PSEUDO_FUNC),
//     imm = target/8 - pc - 1, and the second slot's imm 0.
//
// Calls to local labels in the same section need no relocation: llvm-mc
// resolves them itself.

import (
	"bytes"
	"debug/elf"
	"encoding/binary"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
)

// BPF relocation types (llvm/BinaryFormat/ELFRelocs/BPF.def).
const (
	relocBPF64_64 = 1  // R_BPF_64_64: ld_imm64
	relocBPF64_32 = 10 // R_BPF_64_32: call
)

// llvmTool returns the path of an LLVM tool, or skips the test.
func llvmTool(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s not found (install LLVM 19 for the differential tests against LLVM): %v", name, err)
	}
	return path
}

// runTool runs a command and fails the test with its output on error.
func runTool(t *testing.T, name string, args ...string) []byte {
	t.Helper()
	cmd := exec.Command(name, args...)
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, stderr.Bytes())
	}
	return out
}

// llvmMC assembles file with llvm-mc-19 into an object in a temporary
// directory and returns its path.
func llvmMC(t *testing.T, file string) string {
	mc := llvmTool(t, "llvm-mc-19")
	obj := filepath.Join(t.TempDir(), filepath.Base(file)+".o")
	runTool(t, mc, "-triple", "bpf", "-mcpu=v4", "-filetype=obj", "-o", obj, file)
	return obj
}

// llvmObject is the code of an ELF object as a loader sees it.
type llvmObject struct {
	prog      Program
	base      map[string]int // first slot of each executable section, by name
	relocated map[int]bool   // slots a relocation changed
}

// readObject lays out the executable sections of an object and applies its
// relocations against code, as the comment at the top of this file says.
func readObject(t *testing.T, path string) llvmObject {
	t.Helper()
	f, err := elf.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()

	obj := llvmObject{base: map[string]int{}, relocated: map[int]bool{}}
	baseOf := map[elf.SectionIndex]int{}
	for i, s := range f.Sections {
		if s.Type != elf.SHT_PROGBITS || s.Flags&elf.SHF_EXECINSTR == 0 {
			continue
		}
		data, err := s.Data()
		if err != nil {
			t.Fatal(err)
		}
		if len(data)%InstructionSize != 0 {
			t.Fatalf("section %s: %d bytes, not whole instructions", s.Name, len(data))
		}
		baseOf[elf.SectionIndex(i)] = len(obj.prog)
		obj.base[s.Name] = len(obj.prog)
		for off := 0; off < len(data); off += InstructionSize {
			obj.prog = append(obj.prog, Unmarshal(data[off:]))
		}
	}

	syms, err := f.Symbols()
	if err != nil {
		t.Fatal(err)
	}
	for _, rs := range f.Sections {
		if rs.Type != elf.SHT_REL {
			continue
		}
		base, ok := baseOf[elf.SectionIndex(rs.Info)]
		if !ok {
			continue // relocations of data, BTF, debug info
		}
		data, err := rs.Data()
		if err != nil {
			t.Fatal(err)
		}
		for off := 0; off+16 <= len(data); off += 16 {
			at := binary.LittleEndian.Uint64(data[off:])
			info := binary.LittleEndian.Uint64(data[off+8:])
			symIndex, typ := int(info>>32), uint32(info)
			if symIndex < 1 || symIndex > len(syms) {
				t.Fatalf("%s: relocation at %#x: bad symbol %d", rs.Name, at, symIndex)
			}
			sym := syms[symIndex-1] // Symbols() leaves out the null symbol
			symBase, ok := baseOf[sym.Section]
			if !ok {
				t.Fatalf("%s: relocation at %#x against %q, which is not in code", rs.Name, at, sym.Name)
			}
			pc := base + int(at/InstructionSize)
			ins := &obj.prog[pc]
			switch typ {
			case relocBPF64_32:
				callee := symBase + int(sym.Value/InstructionSize) + int(ins.Imm) + 1
				ins.Imm = int32(callee - pc - 1)
			case relocBPF64_64:
				target := symBase + int((sym.Value+Imm64(*ins, obj.prog[pc+1]))/InstructionSize)
				ins.Src = PseudoFunc
				ins.Imm = int32(target - pc - 1)
				obj.prog[pc+1].Imm = 0
			default:
				t.Fatalf("%s: relocation at %#x: unexpected type %d", rs.Name, at, typ)
			}
			obj.relocated[pc] = true
		}
	}
	return obj
}

// TestLLVMCorpus assembles every corpus file with llvm-mc-19 and with
// Assemble and compares the code byte for byte.
func TestLLVMCorpus(t *testing.T) {
	llvmTool(t, "llvm-mc-19")
	for _, file := range corpusFiles(t) {
		t.Run(filepath.Base(file), func(t *testing.T) {
			want := readObject(t, llvmMC(t, file)).prog
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			got := assembleOK(t, string(src), file)
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Errorf("Assemble differs from llvm-mc-19:\n%s", diffPrograms(got, want))
			}
		})
	}
}

// TestLLVMEncodings checks the single-instruction table of llvm_test.go
// against llvm-mc-19, so that the table stays true without LLVM installed.
func TestLLVMEncodings(t *testing.T) {
	var src strings.Builder
	var want []byte
	for _, tc := range llvmEncodings {
		fmt.Fprintf(&src, "\t%s\n", tc.src)
		want = append(want, decodeHex(t, tc.want)...)
	}
	file := filepath.Join(t.TempDir(), "encodings.s")
	if err := os.WriteFile(file, []byte(src.String()), 0o644); err != nil {
		t.Fatal(err)
	}
	got := readObject(t, llvmMC(t, file)).prog.Bytes()
	if !bytes.Equal(got, want) {
		t.Errorf("llvm-mc-19 disagrees with the table:\n%s",
			diffPrograms(bytesToProgram(got), bytesToProgram(want)))
	}
}

func bytesToProgram(b []byte) Program {
	var p Program
	for off := 0; off+InstructionSize <= len(b); off += InstructionSize {
		p = append(p, Unmarshal(b[off:]))
	}
	return p
}

// TestClangOutput compiles the C files of the corpus with clang-19 twice,
// to assembly and to an object, and checks that Assemble turns the assembly
// into the object's code.
func TestClangOutput(t *testing.T) {
	clang := llvmTool(t, "clang-19")
	llvmTool(t, "llvm-mc-19") // the LLVM 19 toolchain, not a lone clang
	files, err := filepath.Glob(filepath.Join("testdata", "llvm", "*.c"))
	if err != nil || len(files) == 0 {
		t.Fatalf("no C files in testdata/llvm: %v", err)
	}
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			dir := t.TempDir()
			asmFile, objFile := filepath.Join(dir, "out.s"), filepath.Join(dir, "out.o")
			flags := []string{"-target", "bpf", "-mcpu=v4", "-O2", "-g", "-Wno-visibility"}
			runTool(t, clang, append(flags, "-S", "-o", asmFile, file)...)
			runTool(t, clang, append(flags, "-c", "-o", objFile, file)...)
			src, err := os.ReadFile(asmFile)
			if err != nil {
				t.Fatal(err)
			}
			got := assembleOK(t, string(src), file)
			want := readObject(t, objFile).prog
			if !bytes.Equal(got.Bytes(), want.Bytes()) {
				t.Errorf("Assemble differs from clang-19 -c:\n%s", diffPrograms(got, want))
			}
		})
	}
}

// TestDisassembleMatchesObjdump compares Disassemble with
// llvm-objdump-19 -d --mcpu=v4 --no-print-imm-hex on the corpus objects,
// instruction by instruction, after normalising whitespace and dropping the
// <symbol+offset> objdump appends to branch targets. The forms differ,
// legitimately, in three places:
//   - slots changed by a relocation are skipped: objdump prints them as the
//     object holds them, before linking (r2 = 72 ll, call -1);
//   - a local call is call pc+N in Disassemble, call N in objdump, which
//     prints helper and local calls alike: pc is removed before comparing;
//   - ld_imm64 constants are hex in Disassemble, decimal and signed in
//     objdump: they are compared as numbers.
func TestDisassembleMatchesObjdump(t *testing.T) {
	llvmTool(t, "llvm-mc-19")
	objdump := llvmTool(t, "llvm-objdump-19")
	for _, file := range corpusFiles(t) {
		t.Run(filepath.Base(file), func(t *testing.T) {
			objPath := llvmMC(t, file)
			obj := readObject(t, objPath)
			out := runTool(t, objdump, "-d", "--mcpu=v4", "--no-print-imm-hex", objPath)
			compared := 0
			base := -1
			for _, line := range strings.Split(string(out), "\n") {
				if name, ok := strings.CutPrefix(line, "Disassembly of section "); ok {
					b, ok := obj.base[strings.TrimSuffix(name, ":")]
					if !ok {
						t.Fatalf("objdump disassembles section %s, which is not code", name)
					}
					base = b
					continue
				}
				slot, want, ok := parseObjdumpLine(line)
				if !ok {
					continue
				}
				pc := base + slot
				if base < 0 || pc >= len(obj.prog) {
					t.Fatalf("objdump line %q is outside the code", line)
				}
				if obj.relocated[pc] {
					continue
				}
				got := FormatInstruction(obj.prog, pc)
				if g, w := normaliseForObjdump(obj.prog[pc], got), normaliseObjdump(want); g != w {
					t.Errorf("slot %d: Disassemble %q, llvm-objdump-19 %q", pc, got, want)
				}
				compared++
			}
			if compared == 0 {
				t.Errorf("no instructions compared")
			}
		})
	}
}

// parseObjdumpLine reads `      12:	05 00 ff ff 00 00 00 00	goto -1 <LBB0_1>`.
func parseObjdumpLine(line string) (slot int, text string, ok bool) {
	fields := strings.Split(line, "\t")
	if len(fields) < 3 || !strings.HasSuffix(fields[0], ":") {
		return 0, "", false
	}
	slot, err := strconv.Atoi(strings.TrimSpace(strings.TrimSuffix(fields[0], ":")))
	if err != nil {
		return 0, "", false
	}
	return slot, strings.Join(fields[2:], " "), true
}

// normaliseObjdump drops the branch target annotation and extra spaces.
func normaliseObjdump(text string) string {
	if i := strings.LastIndex(text, " <"); i >= 0 && strings.HasSuffix(text, ">") {
		text = text[:i]
	}
	return strings.Join(strings.Fields(text), " ")
}

// normaliseForObjdump rewrites Disassemble's text of ins into objdump's
// where they legitimately differ (see TestDisassembleMatchesObjdump).
func normaliseForObjdump(ins Instruction, text string) string {
	switch {
	case ins.IsLocalCall():
		return fmt.Sprintf("call %d", ins.Imm)
	case ins.IsLoadImm64() && ins.Src == PseudoNone:
		lhs, rhs, _ := strings.Cut(text, " = ")
		v, err := strconv.ParseUint(strings.TrimSuffix(rhs, " ll"), 0, 64)
		if err != nil {
			return text
		}
		return fmt.Sprintf("%s = %d ll", lhs, int64(v))
	}
	return strings.Join(strings.Fields(text), " ")
}

// TestAssembleObjdumpText reads llvm-objdump-19's own text back: every
// instruction llvm-objdump-19 -d --mcpu=v4 prints (hex immediates, <target>
// annotations) assembles to the bytes it was printed from. Skipped: slots
// changed by a relocation, and local calls, which objdump prints like helper
// calls (call 0x4), with src 1 only in the bytes.
func TestAssembleObjdumpText(t *testing.T) {
	llvmTool(t, "llvm-mc-19")
	objdump := llvmTool(t, "llvm-objdump-19")
	for _, file := range corpusFiles(t) {
		t.Run(filepath.Base(file), func(t *testing.T) {
			objPath := llvmMC(t, file)
			obj := readObject(t, objPath)
			out := runTool(t, objdump, "-d", "--mcpu=v4", objPath)
			compared := 0
			base := -1
			for _, line := range strings.Split(string(out), "\n") {
				if name, ok := strings.CutPrefix(line, "Disassembly of section "); ok {
					base = obj.base[strings.TrimSuffix(name, ":")]
					continue
				}
				slot, text, ok := parseObjdumpLine(line)
				if !ok || base < 0 {
					continue
				}
				pc := base + slot
				if pc >= len(obj.prog) || obj.relocated[pc] || obj.prog[pc].IsLocalCall() {
					continue
				}
				want := obj.prog[pc : pc+1]
				if obj.prog[pc].IsLoadImm64() {
					want = obj.prog[pc : pc+2]
				}
				got, err := Assemble([]byte(text), "objdump")
				if err != nil {
					t.Errorf("slot %d: %v", pc, err)
					continue
				}
				if !bytes.Equal(got.Bytes(), want.Bytes()) {
					t.Errorf("slot %d: %q assembles to % x, want % x", pc, text, got.Bytes(), want.Bytes())
				}
				compared++
			}
			if compared == 0 {
				t.Errorf("no instructions compared")
			}
		})
	}
}
