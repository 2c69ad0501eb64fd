package loader

// This file implements relocations: reading the SHT_REL sections that
// apply to code, global data and maps, and resolving each relocation in
// code into a reference (a call, a function address, a map, global data).
//
// clang-19 writes (measured, INDIRECT-CALLS.md):
//   - R_BPF_64_64 on ld_imm64: maps by their symbol; global variables by the
//     section symbol with the offset in the instruction's imm, or by the
//     variable's symbol (offset = symbol value + imm); function addresses by
//     .text + imm, or by the global function's symbol (imm 0);
//   - R_BPF_64_32 on calls: by the section symbol, imm = target slot - 1 (so
//     target = symbol value / 8 + imm + 1), or by a global function's symbol
//     (imm -1); calls inside a section have no relocation and a pc-relative imm;
//   - R_BPF_64_ABS64 in data: a pointer, the addend in the 8 data bytes.
// For named function symbols the symbol's value is the target, never the
// instruction's addend.

import (
	"debug/elf"
	"encoding/binary"
	"fmt"
	"slices"
	"strconv"

	"github.com/callx/callx/asm"
)

// relocType is a BPF relocation type.
type relocType uint32

// BPF relocation types (llvm/BinaryFormat/ELFRelocs/BPF.def).
const (
	relNone     relocType = 0  // R_BPF_NONE
	rel64_64    relocType = 1  // R_BPF_64_64: ld_imm64
	relAbs64    relocType = 2  // R_BPF_64_ABS64: 64-bit address in data
	relAbs32    relocType = 3  // R_BPF_64_ABS32: 32-bit address in data (debug info)
	relNoDyld32 relocType = 4  // R_BPF_64_NODYLD32: 32-bit address in .BTF/.BTF.ext
	rel64_32    relocType = 10 // R_BPF_64_32: call
)

var relocNames = map[relocType]string{
	relNone: "R_BPF_NONE", rel64_64: "R_BPF_64_64", relAbs64: "R_BPF_64_ABS64",
	relAbs32: "R_BPF_64_ABS32", relNoDyld32: "R_BPF_64_NODYLD32", rel64_32: "R_BPF_64_32",
}

func relocName(t relocType) string {
	if s, ok := relocNames[t]; ok {
		return s
	}
	return fmt.Sprintf("relocation type %d", uint32(t))
}

// reloc is one relocation entry, applying to the section that holds it.
type reloc struct {
	offset uint64 // byte offset in the section relocated
	typ    relocType
	sym    uint32 // symbol index
}

const relEntrySize = 16 // Elf64_Rel

// readRelocations reads the relocation sections of code, data and maps
// sections into their section's relocs, sorted by offset.
func (l *loader) readRelocations() error {
	for _, rs := range l.sections {
		if rs.Type != elf.SHT_REL && rs.Type != elf.SHT_RELA {
			continue
		}
		if rs.Info >= uint32(len(l.sections)) {
			return errorf(rs.Name, 0, "applies to section %d; there are %d", rs.Info, len(l.sections))
		}
		target := l.sections[rs.Info]
		switch target.kind {
		case sectionCode, sectionData, sectionBTFMaps:
		default:
			continue // debug info, BTF, legacy maps: nothing to relocate
		}
		if rs.Type == elf.SHT_RELA {
			return wrapf(ErrUnsupported, rs.Name, 0, "RELA relocations")
		}
		if target.relocs != nil {
			return errorf(rs.Name, 0, "second relocation section for %s", target.Name)
		}
		data, err := readSectionData(rs.Section)
		if err != nil {
			return wrapf(err, rs.Name, 0, "reading relocations")
		}
		if len(data)%relEntrySize != 0 {
			return errorf(rs.Name, uint64(len(data)), "size %d is not a multiple of %d", len(data), relEntrySize)
		}
		target.relocs = make([]reloc, 0, len(data)/relEntrySize)
		for off := 0; off < len(data); off += relEntrySize {
			info := binary.LittleEndian.Uint64(data[off+8:])
			r := reloc{offset: binary.LittleEndian.Uint64(data[off:]), typ: relocType(uint32(info)), sym: uint32(info >> 32)}
			if _, ok := relocNames[r.typ]; !ok {
				return errorf(target.Name, r.offset, "unknown relocation type %d (in %s)", uint32(r.typ), rs.Name)
			}
			if r.sym == 0 || uint64(r.sym) >= uint64(len(l.syms)) {
				return errorf(target.Name, r.offset, "%s names symbol %d; the symbol table has %d", relocName(r.typ), r.sym, len(l.syms))
			}
			if r.offset >= target.Size {
				return errorf(target.Name, r.offset, "%s beyond the end of the section (%d bytes)", relocName(r.typ), target.Size)
			}
			target.relocs = append(target.relocs, r)
		}
		slices.SortStableFunc(target.relocs, func(a, b reloc) int { return cmpUint64(a.offset, b.offset) })
		for i := 1; i < len(target.relocs); i++ {
			if target.relocs[i].offset == target.relocs[i-1].offset {
				return errorf(target.Name, target.relocs[i].offset, "two relocations at the same offset")
			}
		}
	}
	return nil
}

func cmpUint64(a, b uint64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// refKind is what a relocated (or pc-relative) instruction refers to.
type refKind uint8

const (
	refCall   refKind = iota // call pc+N: target is a function
	refFunc                  // ld_imm64 PseudoFunc: target is a function
	refMap                   // ld_imm64 PseudoMapIdx: target is a map
	refGlobal                // ld_imm64 PseudoMapIdxValue: target is a data map, off the offset
)

// ref is one reference from a function's instruction, resolved.
type ref struct {
	slot   int // in the function
	kind   refKind
	target int    // Object.Funcs or Object.Maps index
	off    uint32 // offset in the map value (refGlobal)
}

// resolveCode resolves every relocation and every pc-relative call in
// every function into refs.
func (l *loader) resolveCode() error {
	for _, sec := range l.sections {
		if sec.kind != sectionCode {
			continue
		}
		byOffset := make(map[uint64]reloc, len(sec.relocs))
		for _, r := range sec.relocs {
			if r.offset%asm.InstructionSize != 0 {
				return errorf(sec.Name, r.offset, "%s in the middle of an instruction", relocName(r.typ))
			}
			if r.typ != relNone {
				byOffset[r.offset] = r
			}
		}
		for _, fi := range l.funcsBySection[sec.index] {
			if err := l.resolveFunc(sec, l.obj.Funcs[fi], byOffset); err != nil {
				return err
			}
		}
		for _, r := range sec.relocs {
			if _, left := byOffset[r.offset]; left { // resolveFunc deletes what it resolves
				return errorf(sec.Name, r.offset, "%s on the second slot of an ld_imm64", relocName(r.typ))
			}
		}
	}
	return nil
}

func (l *loader) resolveFunc(sec *section, fn *Func, relocs map[uint64]reloc) error {
	for i := 0; i < len(fn.Insns); i++ {
		ins := fn.Insns[i]
		at := uint64(fn.Offset+i) * asm.InstructionSize
		r, relocated := relocs[at]
		delete(relocs, at)
		isLoad := ins.IsLoadImm64()
		if isLoad && i+1 >= len(fn.Insns) {
			return errorf(sec.Name, at, "ld_imm64 without its second slot at the end of %s", fn.Name)
		}
		var (
			rf  ref
			err error
			ok  bool
		)
		switch {
		case relocated:
			rf, err = l.resolveReloc(sec, fn, i, r)
			ok = true
		case ins.Op == asm.OpCallK && ins.Src == asm.PseudoCall, isLoad && ins.Src == asm.PseudoFunc:
			// pc-relative inside the section, no relocation
			rf.kind = refCall
			if isLoad {
				rf.kind = refFunc
			}
			rf.target, err = l.funcTarget(sec, int64(fn.Offset+i)+1+int64(ins.Imm), sec.Name, at, "pc-relative reference")
			ok = true
		case isLoad && ins.Src != asm.PseudoNone && ins.Src != asm.PseudoBTFID:
			err = errorf(sec.Name, at, "ld_imm64 with src_reg %d and no relocation: nothing says which map", ins.Src)
		}
		if err != nil {
			return err
		}
		if ok {
			rf.slot = i
			fn.refs = append(fn.refs, rf)
		}
		if isLoad {
			i++
		}
	}
	return nil
}

// resolveReloc resolves the relocation r on instruction i of fn.
func (l *loader) resolveReloc(sec *section, fn *Func, i int, r reloc) (ref, error) {
	ins := fn.Insns[i]
	at := r.offset
	sym := &l.syms[r.sym]
	target := l.symbolSection(sym)
	name := l.describe(sym)
	if target == nil {
		if sym.Section == elf.SHN_UNDEF {
			return ref{}, wrapf(ErrUnsupported, sec.Name, at, "%s against extern %q (kfuncs and ksyms)", relocName(r.typ), name)
		}
		return ref{}, errorf(sec.Name, at, "%s against %q, which is in no section", relocName(r.typ), name)
	}
	isFuncSym := elf.ST_TYPE(sym.Info) == elf.STT_FUNC
	switch r.typ {
	case rel64_32:
		if ins.Op != asm.OpCallK || ins.Src != asm.PseudoCall {
			return ref{}, errorf(sec.Name, at, "R_BPF_64_32 against %q on an instruction that is not a BPF-to-BPF call", name)
		}
		if target.kind != sectionCode {
			return ref{}, errorf(sec.Name, at, "call to %q in %s, which is not code", name, target.Name)
		}
		if sym.Value%asm.InstructionSize != 0 {
			return ref{}, errorf(sec.Name, at, "call to %q at byte %d of %s, not an instruction boundary", name, sym.Value, target.Name)
		}
		slot := int64(sym.Value / asm.InstructionSize)
		if !isFuncSym {
			slot += int64(ins.Imm) + 1
		}
		fi, err := l.funcTarget(target, slot, sec.Name, at, "call to "+strconv.Quote(name))
		return ref{kind: refCall, target: fi}, err
	case rel64_64:
		if !ins.IsLoadImm64() {
			return ref{}, errorf(sec.Name, at, "R_BPF_64_64 against %q on an instruction that is not ld_imm64", name)
		}
		if hi := fn.Insns[i+1].Imm; hi != 0 {
			return ref{}, errorf(sec.Name, at, "ld_imm64 of %q with a 64-bit addend (upper half %#x)", name, uint32(hi))
		}
		off := int64(sym.Value) + int64(ins.Imm)
		switch target.kind {
		case sectionBTFMaps, sectionLegacyMaps:
			for _, mi := range l.mapsBySection[target.index] {
				if m := l.obj.Maps[mi]; int64(m.offset) == off {
					return ref{kind: refMap, target: mi}, nil
				}
			}
			return ref{}, errorf(sec.Name, at, "ld_imm64 of %q: no map at %s+%#x", name, target.Name, off)
		case sectionData:
			maps := l.mapsBySection[target.index]
			if len(maps) == 0 {
				return ref{}, errorf(sec.Name, at, "ld_imm64 of %q in %s, which is empty", name, target.Name)
			}
			m := l.obj.Maps[maps[0]]
			if off < 0 || off >= int64(m.ValueSize) {
				return ref{}, errorf(sec.Name, at, "ld_imm64 of %q: offset %d outside %s (%d bytes)", name, off, target.Name, m.ValueSize)
			}
			return ref{kind: refGlobal, target: maps[0], off: uint32(off)}, nil
		case sectionCode:
			if isFuncSym {
				off = int64(sym.Value) // the symbol, never the addend
			}
			if off%asm.InstructionSize != 0 {
				return ref{}, errorf(sec.Name, at, "address of %q+%d is not an instruction boundary", name, off)
			}
			fi, err := l.funcTarget(target, off/asm.InstructionSize, sec.Name, at, "address of "+strconv.Quote(name))
			return ref{kind: refFunc, target: fi}, err
		}
		return ref{}, errorf(sec.Name, at, "ld_imm64 of %q in section %s, which is not a map, global data or code", name, target.Name)
	}
	return ref{}, errorf(sec.Name, at, "%s against %q in code", relocName(r.typ), name)
}

// funcAt returns the index of the function starting at slot in code
// section sec.
func (l *loader) funcAt(sec *section, slot int64) (int, bool) {
	funcs := l.funcsBySection[sec.index]
	i, found := slices.BinarySearchFunc(funcs, slot, func(fi int, slot int64) int {
		return cmpInt64(int64(l.obj.Funcs[fi].Offset), slot)
	})
	if !found {
		return -1, false
	}
	return funcs[i], true
}

// funcTarget is funcAt with the error placed at the referring instruction.
func (l *loader) funcTarget(sec *section, slot int64, where string, at uint64, what string) (int, error) {
	fi, ok := l.funcAt(sec, slot)
	if !ok {
		return -1, errorf(where, at, "%s: %s+%d is not the start of a function", what, sec.Name, slot*asm.InstructionSize)
	}
	return fi, nil
}

func cmpInt64(a, b int64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// dataFuncPointer resolves relocation r in a data or .maps section: the
// index of the function it points to, or -1 when it is not a function
// (a pointer to data is left as it is, as libbpf leaves it).
func (l *loader) dataFuncPointer(sec *section, r reloc) (int, error) {
	switch r.typ {
	case relNone:
		return -1, nil
	case relAbs64, relAbs32, relNoDyld32:
	default:
		return -1, errorf(sec.Name, r.offset, "%s in data", relocName(r.typ))
	}
	sym := &l.syms[r.sym]
	target := l.symbolSection(sym)
	name := l.describe(sym)
	if target == nil {
		if sym.Section == elf.SHN_UNDEF {
			return -1, wrapf(ErrUnsupported, sec.Name, r.offset, "%s against extern %q", relocName(r.typ), name)
		}
		return -1, nil
	}
	if target.kind != sectionCode {
		return -1, nil
	}
	if r.typ != relAbs64 {
		return -1, errorf(sec.Name, r.offset, "%s: a 32-bit address of function %q", relocName(r.typ), name)
	}
	if sec.data == nil || r.offset+8 > uint64(len(sec.data)) {
		return -1, errorf(sec.Name, r.offset, "function pointer to %q beyond the section's %d bytes", name, len(sec.data))
	}
	addr := sym.Value + binary.LittleEndian.Uint64(sec.data[r.offset:])
	if addr%asm.InstructionSize != 0 || addr/asm.InstructionSize > uint64(len(target.data)) {
		return -1, errorf(sec.Name, r.offset, "function pointer to %s+%d, not an instruction", target.Name, addr)
	}
	return l.funcTarget(target, int64(addr/asm.InstructionSize), sec.Name, r.offset, "function pointer to "+strconv.Quote(name))
}
