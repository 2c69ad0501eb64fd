package loader

// This file implements the tests of errors: objects patched to be wrong in
// one way each, and truncated at every length.

import (
	"bytes"
	"debug/elf"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func bytesReader(b []byte) *bytes.Reader { return bytes.NewReader(b) }

// patched loads a test object, lets patch change its bytes (with the
// parsed ELF to find things), and loads the result.
func patched(t *testing.T, name string, patch func(b []byte, f *elf.File)) error {
	t.Helper()
	b, err := os.ReadFile(filepath.Join("testdata", name+".bpf.o"))
	if err != nil {
		t.Fatal(err)
	}
	f, err := elf.NewFile(bytes.NewReader(b))
	if err != nil {
		t.Fatal(err)
	}
	patch(b, f)
	obj, err := Load(bytes.NewReader(b), name)
	if (obj == nil) == (err == nil) {
		t.Fatalf("Load returned %v and %v", obj, err)
	}
	return err
}

// shdr returns the file offset of section header i.
func shdr(b []byte, i int) int {
	return int(binary.LittleEndian.Uint64(b[0x28:])) + i*int(binary.LittleEndian.Uint16(b[0x3a:]))
}

// renameSection overwrites a section's name with another of the same length.
func renameSection(t *testing.T, b []byte, f *elf.File, from, to string) {
	t.Helper()
	strndx := int(binary.LittleEndian.Uint16(b[0x3e:]))
	for i, s := range f.Sections {
		if s.Name == from {
			at := int(f.Sections[strndx].Offset) + int(binary.LittleEndian.Uint32(b[shdr(b, i):]))
			copy(b[at:at+len(to)], to)
			return
		}
	}
	t.Fatalf("no section %s", from)
}

func sectionOf(t *testing.T, f *elf.File, name string) *elf.Section {
	t.Helper()
	s := f.Section(name)
	if s == nil {
		t.Fatalf("no section %s", name)
	}
	return s
}

// symbolEntry returns the file offset of the symbol table entry named name.
func symbolEntry(t *testing.T, f *elf.File, name string) int {
	t.Helper()
	syms, err := f.Symbols()
	if err != nil {
		t.Fatal(err)
	}
	for i, s := range syms {
		if s.Name == name {
			return int(sectionOf(t, f, ".symtab").Offset) + (i+1)*symbolSize
		}
	}
	t.Fatalf("no symbol %s", name)
	return 0
}

func TestCorruptObjects(t *testing.T) {
	for _, tt := range []struct {
		desc    string
		file    string
		patch   func(t *testing.T, b []byte, f *elf.File)
		section string
		offset  uint64
		msg     string
		is      error
	}{
		{"unknown relocation type", "xdp_counter", func(t *testing.T, b []byte, f *elf.File) {
			b[sectionOf(t, f, ".relxdp").Offset+8] = 0x7f
		}, "xdp", 0x40, "unknown relocation type 127", nil},
		{"bad symbol index", "xdp_counter", func(t *testing.T, b []byte, f *elf.File) {
			binary.LittleEndian.PutUint32(b[sectionOf(t, f, ".relxdp").Offset+12:], 0xffff)
		}, "xdp", 0x40, "names symbol 65535", nil},
		{"relocation beyond its section", "xdp_counter", func(t *testing.T, b []byte, f *elf.File) {
			binary.LittleEndian.PutUint64(b[sectionOf(t, f, ".relxdp").Offset:], 0x10000)
		}, "xdp", 0x10000, "beyond the end of the section", nil},
		{"R_BPF_64_64 on an instruction that is not ld_imm64", "xdp_counter", func(t *testing.T, b []byte, f *elf.File) {
			binary.LittleEndian.PutUint64(b[sectionOf(t, f, ".relxdp").Offset:], 0x8)
		}, "xdp", 0x8, "not ld_imm64", nil},
		{"relocation on the second slot of an ld_imm64", "xdp_counter", func(t *testing.T, b []byte, f *elf.File) {
			binary.LittleEndian.PutUint64(b[sectionOf(t, f, ".relxdp").Offset:], 0x48)
		}, "xdp", 0x48, "R_BPF_64_64 on the second slot of an ld_imm64", nil},
		{"relocation in the middle of an instruction", "xdp_counter", func(t *testing.T, b []byte, f *elf.File) {
			binary.LittleEndian.PutUint64(b[sectionOf(t, f, ".relxdp").Offset:], 0x44)
		}, "xdp", 0x44, "in the middle of an instruction", nil},
		{"R_BPF_64_ABS64 in code", "xdp_counter", func(t *testing.T, b []byte, f *elf.File) {
			b[sectionOf(t, f, ".relxdp").Offset+8] = 2
		}, "xdp", 0x40, "R_BPF_64_ABS64 against \".rodata\" in code", nil},
		{"call into the middle of a function", "xdp_counter", func(t *testing.T, b []byte, f *elf.File) {
			b[sectionOf(t, f, "xdp").Offset+0xe8+4] = 7 // call .text+8 slots: inside count
		}, "xdp", 0xe8, `call to ".text": .text+64 is not the start of a function`, nil},
		{"pc-relative call out of the section", "calls", func(t *testing.T, b []byte, f *elf.File) {
			b[sectionOf(t, f, ".text").Offset+4] = 100
		}, ".text", 0, "pc-relative reference: .text+808 is not the start of a function", nil},
		{"global data offset out of the section", "xdp_counter", func(t *testing.T, b []byte, f *elf.File) {
			b[sectionOf(t, f, "xdp").Offset+0x1d8+4] = 8 // banner: .rodata+8 of 8 bytes
		}, "xdp", 0x1d8, `offset 8 outside .rodata (8 bytes)`, nil},
		{"function pointer into the middle of a function", "funcptrs", func(t *testing.T, b []byte, f *elf.File) {
			b[sectionOf(t, f, ".data").Offset+16] = 0x20
		}, ".data", 16, `function pointer to ".text": .text+32 is not the start of a function`, nil},
		{"slot initialised without a relocation", "funcptrs", func(t *testing.T, b []byte, f *elf.File) {
			b[sectionOf(t, f, ".data").Offset+32] = 0x18
		}, ".data", 32, "slot handlers[1].fn is initialised to 0x18, which is not a function", nil},
		{"unknown legacy map type", "tc_socket", func(t *testing.T, b []byte, f *elf.File) {
			b[sectionOf(t, f, "maps").Offset] = 99
		}, "maps", 0, `map "legacy_counts": unknown map type 99`, nil},
		{"legacy map type 0", "tc_socket", func(t *testing.T, b []byte, f *elf.File) {
			b[sectionOf(t, f, "maps").Offset+20] = 0
		}, "maps", 20, `map "legacy_hash": unknown map type 0`, nil},
		{"static program", "xdp_counter", func(t *testing.T, b []byte, f *elf.File) {
			at := symbolEntry(t, f, "xdp_frags_pass") + 4 // st_info
			b[at] = byte(elf.STB_LOCAL)<<4 | byte(elf.STT_FUNC)
		}, "xdp.frags", 0, `program "xdp_frags_pass" is static`, nil},
		{"symbol in a section that does not exist", "seed", func(t *testing.T, b []byte, f *elf.File) {
			binary.LittleEndian.PutUint16(b[symbolEntry(t, f, "trace_kfree_skb")+6:], 200)
		}, ".symtab", 13 * symbolSize, "section index 200 out of range", nil},
		{"code that belongs to no function", "seed", func(t *testing.T, b []byte, f *elf.File) {
			binary.LittleEndian.PutUint64(b[symbolEntry(t, f, "trace_kfree_skb")+8:], 8)
		}, "tp_btf/kfree_skb", 0, "instructions that belong to no function symbol", nil},
		{"function starting beyond its section, after one inside", "calls", func(t *testing.T, b []byte, f *elf.File) {
			binary.LittleEndian.PutUint64(b[symbolEntry(t, f, "leaf")+8:], 0x10000)
		}, ".text", 0x10000, `function "leaf" starts beyond the section's`, nil},
		{"not BPF", "seed", func(t *testing.T, b []byte, f *elf.File) {
			binary.LittleEndian.PutUint16(b[18:], uint16(elf.EM_X86_64))
		}, "ELF header", 18, "machine is EM_X86_64, not EM_BPF", nil},
		{"big-endian", "seed", func(t *testing.T, b []byte, f *elf.File) {
			b[5] = byte(elf.ELFDATA2MSB)
		}, "ELF header", 0, "not an ELF file", nil},
		{"not an ELF file", "seed", func(t *testing.T, b []byte, f *elf.File) {
			copy(b, "\x7fELG")
		}, "ELF header", 0, "not an ELF file", nil},
		{".maps without BTF", "calls", func(t *testing.T, b []byte, f *elf.File) {
			renameSection(t, b, f, ".BTF", ".XTF")
		}, ".maps", 0, "BTF-defined maps need the object's BTF", ErrMissingBTF},
		{"func_info naming another function", "calls", func(t *testing.T, b []byte, f *elf.File) {
			// swap the names of two .text functions in the symbol table
			mid, top := symbolEntry(t, f, "mid"), symbolEntry(t, f, "top")
			nm, nt := binary.LittleEndian.Uint32(b[mid:]), binary.LittleEndian.Uint32(b[top:])
			binary.LittleEndian.PutUint32(b[mid:], nt)
			binary.LittleEndian.PutUint32(b[top:], nm)
		}, ".text", 0, `func_info names "mid"; the symbol is "top"`, nil},
	} {
		t.Run(tt.desc, func(t *testing.T) {
			err := patched(t, tt.file, func(b []byte, f *elf.File) { tt.patch(t, b, f) })
			var e *Error
			if !errors.As(err, &e) {
				t.Fatalf("want *Error, got %v", err)
			}
			if e.Section != tt.section || e.Offset != tt.offset || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("got %q (section %q offset %#x), want %s+%#x: %s", err, e.Section, e.Offset, tt.section, tt.offset, tt.msg)
			}
			if tt.is != nil && !errors.Is(err, tt.is) {
				t.Errorf("%v is not %v", err, tt.is)
			}
		})
	}
}

// A truncated object is an error at every length, never a panic.
func TestTruncated(t *testing.T) {
	good, _ := objects(t)
	for _, file := range good {
		b, err := os.ReadFile(file)
		if err != nil {
			t.Fatal(err)
		}
		for n := 0; n < len(b); n += 1 + n/16 {
			obj, err := Load(bytes.NewReader(b[:n]), file)
			var e *Error
			if obj != nil || !errors.As(err, &e) || e.Section == "" {
				t.Fatalf("%s cut at %d: %v, %v", file, n, obj, err)
			}
		}
	}
}
