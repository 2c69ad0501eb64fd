package loader

// This file implements reading the symbol table: symbols by their ELF
// index (relocations name them so), each checked to lie in a section that
// exists.

import (
	"debug/elf"
	"errors"
)

// symbolSize is the size of an Elf64_Sym entry.
const symbolSize = 24

// readSymbols reads the symbol table into l.syms, indexed as relocations
// index it (0 is the null symbol).
func (l *loader) readSymbols() error {
	syms, err := l.symbols()
	if errors.Is(err, elf.ErrNoSymbols) {
		l.syms = make([]elf.Symbol, 1)
		return nil
	}
	if err != nil {
		return wrapf(err, "symbol table", 0, "reading symbols")
	}
	l.syms = append(make([]elf.Symbol, 1, len(syms)+1), syms...)
	for i := 1; i < len(l.syms); i++ {
		s := &l.syms[i]
		if s.Section < elf.SHN_LORESERVE && int(s.Section) >= len(l.sections) {
			return errorf(l.symtabName(), uint64(i)*symbolSize, "symbol %d (%q): section index %d out of range (%d sections)",
				i, s.Name, s.Section, len(l.sections))
		}
		if sec := l.symbolSection(s); sec != nil {
			sec.syms = append(sec.syms, i)
		}
	}
	return nil
}

// symbolsIn returns the symbols defined in a section, in symbol table order.
func (l *loader) symbolsIn(sec *section) []*elf.Symbol {
	syms := make([]*elf.Symbol, len(sec.syms))
	for i, si := range sec.syms {
		syms[i] = &l.syms[si]
	}
	return syms
}

// symbols calls debug/elf, recovering from any panic in it.
func (l *loader) symbols() (syms []elf.Symbol, err error) {
	defer func() {
		if p := recover(); p != nil {
			syms, err = nil, errorf(l.symtabName(), 0, "malformed symbol table (debug/elf: %v)", p)
		}
	}()
	return l.f.Symbols()
}

func (l *loader) symtabName() string {
	if l.symtab != nil {
		return l.symtab.Name
	}
	return "symbol table"
}

// symbolSection returns the loader's section a symbol is defined in, or nil
// for undefined, absolute and common symbols.
func (l *loader) symbolSection(s *elf.Symbol) *section {
	if s.Section == elf.SHN_UNDEF || s.Section >= elf.SHN_LORESERVE || int(s.Section) >= len(l.sections) {
		return nil
	}
	return l.sections[s.Section]
}

// describe names a symbol for messages: its name, or its section's for
// section symbols.
func (l *loader) describe(s *elf.Symbol) string {
	if elf.ST_TYPE(s.Info) == elf.STT_SECTION || s.Name == "" {
		if sec := l.symbolSection(s); sec != nil {
			return sec.Name
		}
	}
	return s.Name
}
