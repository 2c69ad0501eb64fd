package callx

// This file implements reading a program from a file, in any of the forms
// callx takes, and loading it into the engine.

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/callx/callx/asm"
	"github.com/callx/callx/conformance"
	"github.com/callx/callx/vm"
)

// Format is the form a program was read from.
type Format int

// Program formats.
const (
	FormatBytecode    Format = iota // raw 8-byte instructions
	FormatAssembly                  // LLVM BPF assembly (.s)
	FormatConformance               // bpf_conformance data file (.data)
)

func (f Format) String() string {
	return [...]string{"bytecode", "assembly", "conformance"}[f]
}

// Program is a program read from a file, not yet loaded.
type Program struct {
	Name   string
	Format Format
	Insns  asm.Program
	// Input is the program's default input: a .data file's `-- mem`.
	Input []byte
	// Case holds a .data file's expectations (nil for other formats).
	Case *conformance.Case
}

// BadInputError is a file callx cannot read as a program.
type BadInputError struct {
	Path string
	Err  error
}

func (e *BadInputError) Error() string { return fmt.Sprintf("%s: %v", e.Path, e.Err) }
func (e *BadInputError) Unwrap() error { return e.Err }

// Open reads a program; the extension picks the form: .s is LLVM assembly,
// .data a bpf_conformance file, anything else raw bytecode.
func Open(path string) (*Program, error) {
	b, err := os.ReadFile(path)
	if err != nil {
		return nil, &BadInputError{Path: path, Err: errors.Unwrap(err)}
	}
	p, err := Parse(b, path)
	if err != nil {
		return nil, &BadInputError{Path: path, Err: err}
	}
	return p, nil
}

// Parse reads a program from src; name's extension picks the form as in Open.
func Parse(src []byte, name string) (*Program, error) {
	p := &Program{Name: name}
	var err error
	switch strings.ToLower(filepath.Ext(name)) {
	case ".s", ".asm":
		p.Format = FormatAssembly
		p.Insns, err = asm.Assemble(src, name)
	case ".data":
		p.Format = FormatConformance
		p.Case, err = conformance.Parse(src, name)
		if err == nil {
			p.Insns, p.Input = p.Case.Program, p.Case.Mem
		}
	default:
		p.Format = FormatBytecode
		p.Insns, err = asm.Decode(src)
	}
	if err != nil {
		return nil, err
	}
	return p, nil
}

// Load checks and lowers the program for the engine. A *vm.LoadError means
// the engine refuses the program.
func (p *Program) Load(opts vm.Options) (*vm.Program, error) {
	return vm.Load(p.Insns, opts)
}
