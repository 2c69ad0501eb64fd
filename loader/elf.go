package loader

// This file implements Open and Load: reading an ELF object with
// debug/elf, checking that it is a 64-bit little-endian BPF relocatable
// object, and running the loader's passes in order.

import (
	"debug/elf"
	"errors"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/cilium/ebpf/btf"
)

// Object is a BPF ELF object, loaded: nothing in it refers to the file.
type Object struct {
	Name     string
	License  string
	Programs []*Program
	Maps     []*Map  // BTF-defined, legacy, and global data maps, in the order of their sections and offsets in the file
	Funcs    []*Func // every function in executable sections, by section then offset
	Slots    []*Slot // every function-pointer slot in global data (INDIRECT-CALLS.md)
	BTF      *btf.Spec
	CORE     CORE // how its CO-RE relocations were applied (core.go)

	ext *btf.ExtInfos // func_info and line_info by section; nil without .BTF.ext
}

// Open loads the object file at path; the object is named after the file
// without its directory and its ".o" suffix. An error opening the file is
// the os package's; an error in its contents is an *Error, as from Load.
func Open(path string) (*Object, error) {
	return OpenWith(path, Options{})
}

// Options tune how an object loads.
type Options struct {
	// CORETarget is the BTF the object's CO-RE relocations are applied
	// against (the selftests' __btf_path); nil means the running
	// kernel's, or, where it cannot be read, the object's own types.
	CORETarget *btf.Spec
}

// OpenWith is Open with options.
func OpenWith(path string, opts Options) (*Object, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	return LoadWith(f, strings.TrimSuffix(filepath.Base(path), ".o"), opts)
}

// Load reads a BPF ELF object from r. The name names the object in errors
// and in Object.Name. Every error is an *Error.
func Load(r io.ReaderAt, name string) (*Object, error) {
	return LoadWith(r, name, Options{})
}

// LoadWith is Load with options.
func LoadWith(r io.ReaderAt, name string, opts Options) (*Object, error) {
	obj, err := load(r, name, opts)
	if err != nil {
		var e *Error
		if !errors.As(err, &e) {
			e = &Error{Section: "ELF header", Msg: "reading object", Err: err}
		}
		if e.File == "" {
			e.File = name
		}
		return nil, e
	}
	return obj, nil
}

// loader holds what the passes share while an object loads.
type loader struct {
	obj      *Object
	opts     Options
	r        io.ReaderAt
	f        *elf.File
	sections []*section   // by ELF section index
	syms     []elf.Symbol // by ELF symbol index; 0 is the null symbol
	symtab   *section     // the SHT_SYMTAB section
	spec     *btf.Spec    // nil without .BTF

	funcsBySection map[int][]int // executable section index → Object.Funcs indexes, by offset
	mapsBySection  map[int][]int // .maps / maps / data section index → Object.Maps indexes, by offset
}

func load(r io.ReaderAt, name string, opts Options) (*Object, error) {
	f, err := openELF(r)
	if err != nil {
		return nil, err
	}
	l := &loader{
		obj:            &Object{Name: name},
		opts:           opts,
		r:              r,
		f:              f,
		funcsBySection: make(map[int][]int),
		mapsBySection:  make(map[int][]int),
	}
	passes := []func() error{
		l.readSections,    // sections.go
		l.readSymbols,     // symbols.go
		l.readRelocations, // relocations.go
		l.readBTF,         // funcinfo.go
		l.readLicense,     // sections.go
		l.readFuncs,       // programs.go
		l.readMaps,        // maps.go
		l.resolveCode,     // relocations.go
		l.readPrograms,    // programs.go
		l.readSlots,       // slots.go
	}
	for _, pass := range passes {
		if err := pass(); err != nil {
			return nil, err
		}
	}
	return l.obj, nil
}

// openELF parses the ELF header and section headers, recovering from any
// panic in debug/elf, and checks the object is one this loader reads.
func openELF(r io.ReaderAt) (f *elf.File, err error) {
	defer func() {
		if p := recover(); p != nil {
			f, err = nil, errorf("ELF header", 0, "malformed ELF file (debug/elf: %v)", p)
		}
	}()
	f, err = elf.NewFile(r)
	if err != nil {
		return nil, wrapf(err, "ELF header", 0, "not an ELF file")
	}
	switch {
	case f.Class != elf.ELFCLASS64:
		return nil, errorf("ELF header", 4, "%v object: BPF objects are 64-bit", f.Class)
	case f.Data != elf.ELFDATA2LSB:
		return nil, wrapf(ErrUnsupported, "ELF header", 5, "big-endian BPF object")
	case f.Machine != elf.EM_BPF:
		return nil, errorf("ELF header", 18, "machine is %v, not EM_BPF", f.Machine)
	case f.Type != elf.ET_REL:
		return nil, errorf("ELF header", 16, "type is %v, not a relocatable object (ET_REL)", f.Type)
	}
	return f, nil
}
