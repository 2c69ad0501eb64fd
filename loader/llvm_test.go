package loader

// This file implements the differential tests against LLVM: every
// function's bytes and every relocation as llvm-objdump-19 prints them, and
// the map, data and function-pointer facts llvm-readelf-19 shows.

import (
	"debug/elf"
	"encoding/binary"
	"encoding/hex"
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"

	"github.com/callx/callx/asm"
)

func llvmTool(t *testing.T, name string) string {
	t.Helper()
	path, err := exec.LookPath(name)
	if err != nil {
		t.Skipf("%s not found (apt-get install llvm-19): %v", name, err)
	}
	return path
}

func run(t *testing.T, tool string, args ...string) string {
	t.Helper()
	out, err := exec.Command(tool, args...).CombinedOutput()
	if err != nil {
		t.Fatalf("%s %s: %v\n%s", tool, strings.Join(args, " "), err, out)
	}
	return string(out)
}

// elfFacts is what llvm-readelf-19 says about an object.
type elfFacts struct {
	sections []readelfSection // by index
	symbols  []readelfSymbol  // by index
	relocs   map[string][]readelfReloc
}

type readelfSection struct {
	name, typ, flags string
	size             uint64
}

type readelfSymbol struct {
	value    uint64
	typ, ndx string
	name     string
}

type readelfReloc struct {
	offset uint64
	typ    string
	sym    string
}

var (
	reSection = regexp.MustCompile(`^\s*\[\s*(\d+)\]\s+(\S+)\s+(\S+)\s+[0-9a-f]+\s+[0-9a-f]+\s+([0-9a-f]+)\s+[0-9a-f]+\s+([A-Za-z]*)\s+\d+`)
	reSymbol  = regexp.MustCompile(`^\s*(\d+): ([0-9a-f]{16})\s+\d+\s+(\w+)\s+\w+\s+\w+\s+(\w+)\s*(.*)$`)
	reRelSec  = regexp.MustCompile(`^Relocation section '(.*)' at offset`)
	reRel     = regexp.MustCompile(`^([0-9a-f]{16})\s+[0-9a-f]{16}\s+(R_BPF_\w+)\s+[0-9a-f]{16}\s+(.*)$`)
)

func readelf(t *testing.T, file string) *elfFacts {
	tool := llvmTool(t, "llvm-readelf-19")
	facts := &elfFacts{relocs: make(map[string][]readelfReloc)}
	for _, line := range strings.Split(run(t, tool, "-S", "--wide", file), "\n") {
		if m := reSection.FindStringSubmatch(line); m != nil {
			i, _ := strconv.Atoi(m[1])
			size, _ := strconv.ParseUint(m[4], 16, 64)
			for len(facts.sections) <= i {
				facts.sections = append(facts.sections, readelfSection{})
			}
			facts.sections[i] = readelfSection{name: m[2], typ: m[3], flags: m[5], size: size}
		}
	}
	for _, line := range strings.Split(run(t, tool, "-s", "--wide", file), "\n") {
		if m := reSymbol.FindStringSubmatch(line); m != nil {
			v, _ := strconv.ParseUint(m[2], 16, 64)
			facts.symbols = append(facts.symbols, readelfSymbol{value: v, typ: m[3], ndx: m[4], name: m[5]})
		}
	}
	rel := ""
	for _, line := range strings.Split(run(t, tool, "-r", "--wide", file), "\n") {
		if m := reRelSec.FindStringSubmatch(line); m != nil {
			rel = strings.TrimPrefix(m[1], ".rel")
		} else if m := reRel.FindStringSubmatch(line); m != nil {
			off, _ := strconv.ParseUint(m[1], 16, 64)
			facts.relocs[rel] = append(facts.relocs[rel], readelfReloc{offset: off, typ: m[2], sym: strings.TrimSpace(m[3])})
		}
	}
	if len(facts.sections) == 0 || len(facts.symbols) == 0 {
		t.Fatalf("%s: llvm-readelf-19 output not understood", file)
	}
	return facts
}

// symbol returns the symbol named name (section symbols by their section's name).
func (f *elfFacts) symbol(t *testing.T, name string) (readelfSymbol, readelfSection) {
	t.Helper()
	for _, s := range f.symbols {
		if s.name == name && s.typ != "FILE" {
			i, err := strconv.Atoi(s.ndx)
			if err != nil || i >= len(f.sections) {
				t.Fatalf("symbol %s in section %s", name, s.ndx)
			}
			return s, f.sections[i]
		}
	}
	t.Fatalf("no symbol %s", name)
	return readelfSymbol{}, readelfSection{}
}

// funcSymbolAt names the function symbol at value in section sec.
func (f *elfFacts) funcSymbolAt(sec string, value uint64) string {
	for _, s := range f.symbols {
		if i, err := strconv.Atoi(s.ndx); err == nil && i < len(f.sections) && f.sections[i].name == sec && s.typ == "FUNC" && s.value == value {
			return s.name
		}
	}
	return "<none>"
}

// objdumpFunc is one function as llvm-objdump-19 -d prints it.
type objdumpFunc struct {
	section, name string
	offset        uint64
	bytes         []byte
}

type objdumpReloc struct {
	section string
	offset  uint64
	typ     string
	sym     string
}

var (
	reDisSection = regexp.MustCompile(`^Disassembly of section (.*):$`)
	reDisFunc    = regexp.MustCompile(`^([0-9a-f]{16}) <(.*)>:$`)
	reDisInsn    = regexp.MustCompile(`^\s*\d+:\t((?:[0-9a-f]{2} ?)+)\t`)
	reDisReloc   = regexp.MustCompile(`^\t\t([0-9a-f]{16}):  (R_BPF_\w+)\t(.*)$`)
)

func objdump(t *testing.T, file string) ([]*objdumpFunc, []objdumpReloc) {
	out := run(t, llvmTool(t, "llvm-objdump-19"), "-d", "-r", file)
	var (
		funcs  []*objdumpFunc
		relocs []objdumpReloc
		sec    string
	)
	for _, line := range strings.Split(out, "\n") {
		switch m := (struct{ s, f, i, r []string }{reDisSection.FindStringSubmatch(line), reDisFunc.FindStringSubmatch(line), reDisInsn.FindStringSubmatch(line), reDisReloc.FindStringSubmatch(line)}); {
		case m.s != nil:
			sec = m.s[1]
		case m.f != nil:
			off, _ := strconv.ParseUint(m.f[1], 16, 64)
			funcs = append(funcs, &objdumpFunc{section: sec, name: m.f[2], offset: off})
		case m.i != nil:
			b, err := hex.DecodeString(strings.ReplaceAll(strings.TrimSpace(m.i[1]), " ", ""))
			if err != nil || len(funcs) == 0 {
				t.Fatalf("%s: bad line %q", file, line)
			}
			funcs[len(funcs)-1].bytes = append(funcs[len(funcs)-1].bytes, b...)
		case m.r != nil:
			off, _ := strconv.ParseUint(m.r[1], 16, 64)
			relocs = append(relocs, objdumpReloc{sec, off, m.r[2], m.r[3]})
		}
	}
	if len(funcs) == 0 {
		t.Fatalf("%s: llvm-objdump-19 output not understood:\n%s", file, out)
	}
	return funcs, relocs
}

// Every function's instructions, as the object has them, are the bytes
// llvm-objdump-19 disassembles, at the same place.
func TestLLVMFunctions(t *testing.T) {
	good, _ := objects(t)
	for _, file := range good {
		obj, err := Open(file)
		if err != nil {
			t.Fatal(err)
		}
		funcs, _ := objdump(t, file)
		if len(funcs) != len(obj.Funcs) {
			t.Errorf("%s: llvm-objdump-19 shows %d functions, the loader %d", file, len(funcs), len(obj.Funcs))
		}
		for _, lf := range funcs {
			i := -1
			for j, fn := range obj.Funcs {
				if fn.Name == lf.name && fn.Section == lf.section {
					i = j
				}
			}
			if i < 0 {
				t.Errorf("%s: no function %s in %s", file, lf.name, lf.section)
				continue
			}
			fn := obj.Funcs[i]
			if uint64(fn.Offset)*8 != lf.offset || string(fn.Insns.Bytes()) != string(lf.bytes) {
				t.Errorf("%s: %s at %s+%d differs from llvm-objdump-19's at +%d:\n%x\n%x", file, fn.Name, fn.Section, fn.Offset*8, lf.offset, fn.Insns.Bytes(), lf.bytes)
			}
		}
	}
}

// Every relocation llvm-objdump-19 shows in code is resolved to the map,
// global data or function llvm-readelf-19's symbol table says.
func TestLLVMRelocations(t *testing.T) {
	good, _ := objects(t)
	total := 0
	for _, file := range good {
		obj, err := Open(file)
		if err != nil {
			t.Fatal(err)
		}
		facts := readelf(t, file)
		_, relocs := objdump(t, file)
		for _, r := range relocs {
			total++
			fi := -1
			for j, fn := range obj.Funcs {
				if fn.Section == r.section && uint64(fn.Offset)*8 <= r.offset && r.offset < uint64(fn.Offset+fn.Size)*8 {
					fi = j
				}
			}
			if fi < 0 {
				t.Errorf("%s: relocation at %s+%#x in no function", file, r.section, r.offset)
				continue
			}
			fn := obj.Funcs[fi]
			p := obj.LinkFunc(fi)
			slot := int(r.offset/8) - fn.Offset
			raw, ins := fn.Insns[slot], p.Insns[slot]
			sym, symSec := facts.symbol(t, r.sym)
			where := file + ": " + r.section + "+0x" + strconv.FormatUint(r.offset, 16) + " " + r.typ + " " + r.sym
			targetFunc := func(addr uint64) string {
				if sym.typ == "FUNC" {
					return sym.name
				}
				return facts.funcSymbolAt(symSec.name, addr)
			}
			linkedTarget := funcNameAt(obj, p, slot+1+int(ins.Imm))
			switch {
			case r.typ == "R_BPF_64_32":
				if want := targetFunc(uint64(int64(sym.value) + (int64(raw.Imm)+1)*8)); !ins.IsLocalCall() || linkedTarget != want {
					t.Errorf("%s: linked to %s (%s), want a call to %s", where, asm.FormatInstruction(p.Insns, slot), linkedTarget, want)
				}
			case r.typ != "R_BPF_64_64":
				t.Errorf("%s: unexpected relocation type in code", where)
			case symSec.name == ".maps" || symSec.name == "maps":
				if ins.Src != asm.PseudoMapIdx || obj.Maps[ins.Imm].Name != r.sym {
					t.Errorf("%s: linked to %s, want map %s", where, asm.FormatInstruction(p.Insns, slot), r.sym)
				}
			case strings.Contains(symSec.flags, "X"):
				if want := targetFunc(uint64(int64(sym.value) + int64(raw.Imm))); ins.Src != asm.PseudoFunc || linkedTarget != want {
					t.Errorf("%s: linked to %s (%s), want the address of %s", where, asm.FormatInstruction(p.Insns, slot), linkedTarget, want)
				}
			default:
				want := uint64(int64(sym.value) + int64(raw.Imm))
				if ins.Src != asm.PseudoMapIdxValue || obj.Maps[ins.Imm].Section != symSec.name || uint64(p.Insns[slot+1].Imm) != want {
					t.Errorf("%s: linked to %s, want %s+%d", where, asm.FormatInstruction(p.Insns, slot), symSec.name, want)
				}
			}
		}
	}
	if total < 30 {
		t.Errorf("only %d relocations checked", total)
	}
}

// Maps, global data and function pointers agree with llvm-readelf-19:
// one data map per non-empty data section, of its size; one map per
// symbol in .maps and maps; one function pointer per R_BPF_64_ABS64
// against code in data; one static initialiser per one in .maps.
func TestLLVMMapFacts(t *testing.T) {
	good, _ := objects(t)
	for _, file := range good {
		obj, err := Open(file)
		if err != nil {
			t.Fatal(err)
		}
		facts := readelf(t, file)
		raw, err := elf.Open(file)
		if err != nil {
			t.Fatal(err)
		}
		defer raw.Close()
		mapSymbols := map[string]int{}
		for _, s := range facts.symbols {
			if i, err := strconv.Atoi(s.ndx); err == nil && i < len(facts.sections) && s.typ == "OBJECT" {
				mapSymbols[facts.sections[i].name]++
			}
		}
		count := func(section string) int {
			n := 0
			for _, m := range obj.Maps {
				if m.Section == section {
					n++
				}
			}
			return n
		}
		for _, sec := range facts.sections {
			switch {
			case sec.name == ".maps" || sec.name == "maps":
				if count(sec.name) != mapSymbols[sec.name] {
					t.Errorf("%s: %d maps in %s, llvm-readelf-19 shows %d symbols", file, count(sec.name), sec.name, mapSymbols[sec.name])
				}
			case isDataSectionName(sec.name) && (sec.typ == "PROGBITS" || sec.typ == "NOBITS") && sec.size > 0:
				i := obj.MapIndex(sec.name)
				if i < 0 || uint64(obj.Maps[i].ValueSize) != sec.size || count(sec.name) != 1 {
					t.Errorf("%s: section %s (%d bytes) is not one map of its size", file, sec.name, sec.size)
					continue
				}
				m := obj.Maps[i]
				var data []byte
				if sec.typ == "PROGBITS" {
					if data, err = raw.Section(sec.name).Data(); err != nil {
						t.Fatal(err)
					}
				}
				var want []string
				for _, r := range facts.relocs[sec.name] {
					sym, symSec := facts.symbol(t, r.sym)
					if r.typ != "R_BPF_64_ABS64" || !strings.Contains(symSec.flags, "X") {
						continue
					}
					addr := sym.value + binary.LittleEndian.Uint64(data[r.offset:])
					want = append(want, strconv.FormatUint(r.offset, 10)+":"+facts.funcSymbolAt(symSec.name, addr))
				}
				var got []string
				for _, fp := range m.FuncPointers {
					got = append(got, strconv.FormatUint(uint64(fp.Offset), 10)+":"+obj.Funcs[fp.Func].Name)
				}
				if strings.Join(got, " ") != strings.Join(want, " ") {
					t.Errorf("%s: %s function pointers %v, llvm-readelf-19 says %v", file, sec.name, got, want)
				}
			}
		}
		if n := mapSymbols["maps"]; n > 0 {
			for _, m := range obj.Maps {
				if m.Section == "maps" && facts.sections[sectionIndex(facts, "maps")].size != uint64(n)*bpfMapDefSize {
					t.Errorf("%s: legacy map definitions are not %d bytes", file, bpfMapDefSize)
				}
			}
		}
		inits := 0
		for _, m := range obj.Maps {
			inits += len(m.InitProgs) + len(m.InitMaps)
		}
		if want := len(facts.relocs[".maps"]); inits != want {
			t.Errorf("%s: %d static initialisers in .maps, llvm-readelf-19 shows %d relocations", file, inits, want)
		}
	}
}

func sectionIndex(f *elfFacts, name string) int {
	for i, s := range f.sections {
		if s.name == name {
			return i
		}
	}
	return -1
}
