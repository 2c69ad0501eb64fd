package loader

// This file implements global data: each .data, .rodata, .bss, .data.*
// and .rodata.* section is an array map with one element, its contents the
// section's bytes, its value type the section's BTF DATASEC. Function
// addresses in the data (R_BPF_64_ABS64 against code) become FuncPointers
// and their bytes are cleared: a function at .text+0 has the address 0,
// and only the relocation says it is a function.
//
// clang leaves the DATASEC sizes and variable offsets of .bss, .data and
// .rodata at 0 in the object; cilium/ebpf's btf package fixes them up from
// the ELF's section sizes and symbol table as it decodes each DATASEC
// (btf.LoadSpecAndExtInfosFromReader reads the whole ELF for that).

import (
	"errors"
	"fmt"

	"github.com/cilium/ebpf/btf"
)

func (l *loader) readDataMap(sec *section) error {
	if sec.Size == 0 {
		return nil // nothing to map: the kernel has no zero-sized values
	}
	m := &Map{
		Name:       sec.Name,
		Type:       mapArray,
		KeySize:    4,
		ValueSize:  uint32(sec.Size),
		MaxEntries: 1,
		Flags:      flagMmapable,
		Section:    sec.Name,
		ReadOnly:   isReadOnlyName(sec.Name),
		Contents:   make([]byte, sec.Size),
	}
	if m.ReadOnly {
		m.Flags |= flagRdonlyProg
	}
	copy(m.Contents, sec.data) // nil for .bss: zeros
	if l.spec != nil {
		ds, err := l.datasec(sec.Name)
		if err != nil {
			return err
		}
		if ds != nil {
			if uint64(ds.Size) != sec.Size {
				return errorf(sec.Name, 0, "BTF DATASEC size %d, section size %d", ds.Size, sec.Size)
			}
			m.ValueBTF = ds
		}
	}
	for _, r := range sec.relocs {
		fi, err := l.dataFuncPointer(sec, r)
		if err != nil {
			return err
		}
		if fi >= 0 {
			m.FuncPointers = append(m.FuncPointers, FuncPointer{Offset: uint32(r.offset), Func: fi})
			clear(m.Contents[r.offset : r.offset+8])
		}
	}
	l.addMap(sec, m)
	return nil
}

// datasec returns the BTF DATASEC named name, with its layout fixed up, or
// nil when there is none.
func (l *loader) datasec(name string) (ds *btf.Datasec, err error) {
	var types []btf.Type
	err = safely(func() error {
		var err error
		types, err = l.spec.AnyTypesByName(name)
		return err
	})
	if errors.Is(err, btf.ErrNotFound) {
		return nil, nil
	}
	if err != nil {
		return nil, wrapf(err, name, 0, "BTF DATASEC")
	}
	for _, t := range types {
		if d, ok := t.(*btf.Datasec); ok {
			if ds != nil {
				return nil, errorf(name, 0, "two BTF DATASECs named %q", name)
			}
			ds = d
		}
	}
	return ds, nil
}

// safely runs f, turning a panic in it (in a dependency decoding hostile
// input) into an error.
func safely(f func() error) (err error) {
	defer func() {
		if p := recover(); p != nil {
			err = fmt.Errorf("malformed input (recovered: %v)", p)
		}
	}()
	return f()
}
