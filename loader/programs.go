package loader

// This file implements functions and programs: every function symbol in an
// executable section becomes a Func with its instructions; every function
// in a section other than .text is a program, named by its symbol and
// typed by its section name.

import (
	"debug/elf"
	"fmt"
	"slices"

	"github.com/callx/callx/asm"
	"github.com/cilium/ebpf/btf"
)

// Func is one function of the object, as the object has it.
type Func struct {
	Name    string
	Section string
	Offset  int         // slot offset in its section
	Size    int         // slots, up to the next function or the end of the section
	Global  bool        // verified alone against its BTF prototype: STB_GLOBAL or STB_WEAK, and not hidden (libbpf makes hidden globals static, in BTF too)
	Program bool        // the entry of a program (a function in a section other than .text)
	BTF     *btf.Func   // from .BTF.ext func_info; nil without BTF
	Insns   asm.Program // its instructions as in the object, before relocation

	refs []ref // resolved relocations and pc-relative calls, by slot
}

// Program is one program of the object: its entry function first, then
// every subprogram it needs, linked (doc.go says how).
type Program struct {
	Name      string // the entry function's symbol name
	Section   string
	Type      ProgType
	AttachTo  string // what follows the first slash in the section name, if anything
	Sleepable bool   // a ".s" section (fentry.s/, lsm.s/, ...)
	Frags     bool   // an XDP ".frags" section
	Insns     asm.Program
	Funcs     []FuncRef  // the object functions in Insns, entry first
	FuncInfo  []FuncInfo // from .BTF.ext, at Insns slots
	LineInfo  []LineInfo // from .BTF.ext, at Insns slots, in slot order

	obj *Object // for the names in Disassemble
}

// FuncRef says where an object function is in a program's instructions.
type FuncRef struct {
	Func int // index in Object.Funcs
	Slot int // first slot in Program.Insns
}

// FuncInfo is one func_info record: the BTF function starting at Slot.
type FuncInfo struct {
	Slot int
	Func *btf.Func
}

// LineInfo is one line_info record: the source line of the instructions
// from Slot on.
type LineInfo struct {
	Slot   int
	File   string
	Line   uint32
	Column uint32
	Source string // the text of the source line
}

// readFuncs makes a Func of every function symbol in every executable
// section, and checks the functions tile their section.
func (l *loader) readFuncs() error {
	for _, sec := range l.sections {
		if sec.kind != sectionCode {
			continue
		}
		if len(sec.data)%asm.InstructionSize != 0 {
			return errorf(sec.Name, uint64(len(sec.data)), "size %d is not a whole number of instructions", len(sec.data))
		}
		insns := make(asm.Program, len(sec.data)/asm.InstructionSize)
		for i := range insns {
			insns[i] = asm.Unmarshal(sec.data[i*asm.InstructionSize:])
		}
		if err := l.relocateCORE(sec, insns); err != nil {
			return err
		}
		var syms []*elf.Symbol
		for _, s := range l.symbolsIn(sec) {
			if elf.ST_TYPE(s.Info) == elf.STT_FUNC {
				syms = append(syms, s)
			}
		}
		slices.SortStableFunc(syms, func(a, b *elf.Symbol) int { return cmpUint64(a.Value, b.Value) })
		if len(insns) > 0 && (len(syms) == 0 || syms[0].Value != 0) {
			return errorf(sec.Name, 0, "instructions that belong to no function symbol")
		}
		for i, s := range syms {
			switch {
			case s.Value%asm.InstructionSize != 0:
				return errorf(sec.Name, s.Value, "function %q does not start on an instruction", s.Name)
			case s.Value >= uint64(len(sec.data)):
				return errorf(sec.Name, s.Value, "function %q starts beyond the section's %d bytes", s.Name, len(sec.data))
			case i > 0 && s.Value == syms[i-1].Value:
				return errorf(sec.Name, s.Value, "functions %q and %q at the same offset", syms[i-1].Name, s.Name)
			}
		}
		for i, s := range syms {
			end := uint64(len(sec.data))
			if i+1 < len(syms) {
				end = syms[i+1].Value
			}
			start := int(s.Value / asm.InstructionSize)
			vis := elf.ST_VISIBILITY(s.Other)
			fn := &Func{
				Name:    s.Name,
				Section: sec.Name,
				Offset:  start,
				Size:    int(end/asm.InstructionSize) - start,
				Global:  elf.ST_BIND(s.Info) != elf.STB_LOCAL && vis != elf.STV_HIDDEN && vis != elf.STV_INTERNAL,
				Program: sec.Name != ".text",
				Insns:   insns[start : end/asm.InstructionSize : end/asm.InstructionSize],
			}
			if fn.Program && elf.ST_BIND(s.Info) == elf.STB_LOCAL {
				return errorf(sec.Name, s.Value, "program %q is static: libbpf loads only global functions as programs", s.Name)
			}
			l.funcsBySection[sec.index] = append(l.funcsBySection[sec.index], len(l.obj.Funcs))
			l.obj.Funcs = append(l.obj.Funcs, fn)
		}
	}
	return l.readFuncInfo()
}

// readPrograms links every program.
func (l *loader) readPrograms() error {
	for i, fn := range l.obj.Funcs {
		if fn.Program {
			l.obj.Programs = append(l.obj.Programs, l.obj.LinkFunc(i))
		}
	}
	return nil
}

// LinkFunc links function i of Object.Funcs as if it were a program: its
// instructions first, then every subprogram it needs (link.go). A program's
// entry gives its Program again; another function gives a Program with its
// name and no type, which is what an open-world callee is verified as. It
// returns nil when i is out of range.
func (o *Object) LinkFunc(i int) *Program {
	if i < 0 || i >= len(o.Funcs) {
		return nil
	}
	fn := o.Funcs[i]
	p := &Program{Name: fn.Name, Section: fn.Section, obj: o}
	if fn.Program {
		p.AttachTo = attachTarget(fn.Section)
		if d := sectionType(fn.Section); d != nil {
			p.Type, p.Sleepable, p.Frags = d.typ, d.sleepable, d.frags
		}
	}
	p.Insns, p.Funcs = o.link(i)
	p.FuncInfo, p.LineInfo = o.extInfo(p.Funcs)
	return p
}

// Program returns the program named name, or nil.
func (o *Object) Program(name string) *Program {
	for _, p := range o.Programs {
		if p.Name == name {
			return p
		}
	}
	return nil
}

// FuncIndex returns the index in Funcs of the function named name, or -1.
// Static functions of different sections may share a name: the first wins.
func (o *Object) FuncIndex(name string) int {
	for i, fn := range o.Funcs {
		if fn.Name == name {
			return i
		}
	}
	return -1
}

func (p *Program) String() string {
	return fmt.Sprintf("%s (%s, %d insns)", p.Name, p.Section, len(p.Insns))
}
