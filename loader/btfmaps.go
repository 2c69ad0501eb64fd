package loader

// This file implements BTF-defined maps (the .maps section), by libbpf's
// rules (parse_btf_map_def): each map is a variable of an anonymous struct
// whose members say
//
//	__uint(name, N)     int (*name)[N]           type, max_entries, map_flags, key_size,
//	                                             value_size, numa_node, pinning, map_extra
//	__type(key, T)      typeof(T) *key           key and value: their types and sizes
//	__array(values, T)  typeof(T) *values[]      last: the programs of a prog array
//	                                             (T a function type) or the inner map
//	                                             of a map-in-map (T a map definition)
//
// A `.values = { [i] = &prog }` initialiser is a R_BPF_64_ABS64 relocation
// in .maps, at the values member's offset + 8*i, against the program (or
// the inner map).

import (
	"debug/elf"
	"slices"

	"github.com/cilium/ebpf/btf"
)

// readBTFMaps reads the maps defined in the .maps section.
func (l *loader) readBTFMaps(sec *section) error {
	if l.spec == nil {
		return wrapf(ErrMissingBTF, sec.Name, 0, "BTF-defined maps need the object's BTF")
	}
	ds, err := l.datasec(sec.Name)
	if err != nil {
		return err
	}
	if ds == nil {
		return wrapf(ErrMissingBTF, sec.Name, 0, "no BTF DATASEC for the section")
	}
	type mapSym struct {
		sym *elf.Symbol
		def *btf.Struct
	}
	vars := make(map[string]*btf.Var, len(ds.Vars))
	for _, vs := range ds.Vars {
		if v, ok := vs.Type.(*btf.Var); ok && vars[v.Name] == nil {
			vars[v.Name] = v
		}
	}
	var syms []mapSym
	for _, s := range l.symbolsIn(sec) {
		if elf.ST_TYPE(s.Info) == elf.STT_SECTION {
			continue
		}
		v := vars[s.Name]
		if v == nil {
			return wrapf(ErrMissingBTF, sec.Name, s.Value, "map %q has no BTF variable", s.Name)
		}
		def, ok := btf.UnderlyingType(v.Type).(*btf.Struct)
		if !ok {
			return errorf(sec.Name, s.Value, "map %q: definition is %s, not a struct", s.Name, v.Type)
		}
		if s.Value > sec.Size || s.Size > sec.Size-s.Value {
			return errorf(sec.Name, s.Value, "map %q: %d bytes beyond the section's %d", s.Name, s.Size, sec.Size)
		}
		syms = append(syms, mapSym{s, def})
	}
	slices.SortStableFunc(syms, func(a, b mapSym) int { return cmpUint64(a.sym.Value, b.sym.Value) })
	type initRange struct {
		m                 *Map
		start, end, first uint64 // the symbol's bytes, and where .values begins
	}
	var ranges []initRange
	for i, ms := range syms {
		if i > 0 && ms.sym.Value == syms[i-1].sym.Value {
			return errorf(sec.Name, ms.sym.Value, "maps %q and %q at the same offset", syms[i-1].sym.Name, ms.sym.Name)
		}
		m, valuesAt, err := l.parseMapDef(ms.sym.Name, ms.def, sec.Name, ms.sym.Value, false)
		if err != nil {
			return err
		}
		m.offset = ms.sym.Value
		l.addMap(sec, m)
		ranges = append(ranges, initRange{m, ms.sym.Value, ms.sym.Value + ms.sym.Size, ms.sym.Value + valuesAt})
	}
	// static initialisation of prog arrays and maps of maps
	for _, r := range sec.relocs {
		if r.typ == relNone {
			continue
		}
		i := slices.IndexFunc(ranges, func(ir initRange) bool { return ir.start <= r.offset && r.offset < ir.end })
		if i < 0 {
			return errorf(sec.Name, r.offset, "%s outside every map definition", relocName(r.typ))
		}
		ir := ranges[i]
		m := ir.m
		if (m.InitProgs == nil && m.InitMaps == nil) || r.offset < ir.first || (r.offset-ir.first)%8 != 0 {
			return errorf(sec.Name, r.offset, "map %q: relocation outside its .values", m.Name)
		}
		if r.typ != relAbs64 {
			return errorf(sec.Name, r.offset, "map %q: %s in .values, want R_BPF_64_ABS64", m.Name, relocName(r.typ))
		}
		idx := (r.offset - ir.first) / 8
		if idx >= uint64(m.MaxEntries) {
			return errorf(sec.Name, r.offset, "map %q: .values[%d] beyond max_entries %d", m.Name, idx, m.MaxEntries)
		}
		sym := &l.syms[r.sym]
		if m.InitProgs != nil {
			fi, err := l.dataFuncPointer(sec, r)
			if err != nil {
				return err
			}
			if fi < 0 || !l.obj.Funcs[fi].Program {
				return errorf(sec.Name, r.offset, "map %q: .values[%d] is %q, not a program", m.Name, idx, l.describe(sym))
			}
			m.InitProgs[uint32(idx)] = l.obj.Funcs[fi].Name
			continue
		}
		inner := -1
		for _, mi := range l.mapsBySection[sec.index] {
			if l.obj.Maps[mi].offset == sym.Value && int(sym.Section) == sec.index && elf.ST_TYPE(sym.Info) != elf.STT_SECTION {
				inner = mi
			}
		}
		if inner < 0 {
			return errorf(sec.Name, r.offset, "map %q: .values[%d] is %q, not a map", m.Name, idx, l.describe(sym))
		}
		m.InitMaps[uint32(idx)] = l.obj.Maps[inner].Name
	}
	return nil
}

// parseMapDef reads a map definition struct. It returns the map and the
// byte offset of its values member (0 without one).
func (l *loader) parseMapDef(name string, def *btf.Struct, section string, at uint64, inner bool) (*Map, uint64, error) {
	m := &Map{Name: name, Section: section}
	var valuesAt uint64
	var keySize, valueSize uint32 // from key_size / value_size
	for i, mem := range def.Members {
		switch mem.Name {
		case "type", "max_entries", "map_flags", "numa_node", "key_size", "value_size", "pinning", "map_extra":
			n, ok := uintMember(mem.Type)
			if !ok {
				return nil, 0, errorf(section, at, "map %q: member %q is %s, not __uint(%s, N)", name, mem.Name, mem.Type, mem.Name)
			}
			switch mem.Name {
			case "type":
				m.Type = n
			case "max_entries":
				m.MaxEntries = n
			case "map_flags":
				m.Flags = n
			case "numa_node":
				m.NumaNode = n
			case "key_size":
				keySize = n
			case "value_size":
				valueSize = n
			case "pinning":
				m.Pinning = n
			case "map_extra":
				m.MapExtra = uint64(n)
			}
		case "key", "value":
			ptr, ok := btf.As[*btf.Pointer](mem.Type)
			if !ok {
				return nil, 0, errorf(section, at, "map %q: member %q is %s, not __type(%s, T)", name, mem.Name, mem.Type, mem.Name)
			}
			size, err := btf.Sizeof(ptr.Target)
			if err != nil || size < 0 || uint64(size) > 1<<32-1 {
				return nil, 0, wrapf(err, section, at, "map %q: size of %s type %s", name, mem.Name, ptr.Target)
			}
			if mem.Name == "key" {
				m.KeyBTF, m.KeySize = ptr.Target, uint32(size)
			} else {
				m.ValueBTF, m.ValueSize = ptr.Target, uint32(size)
			}
		case "values":
			isProgArray := m.Type == mapProgArray
			isMapInMap := m.Type == mapArrayOfMaps || m.Type == mapHashOfMaps
			if !isProgArray && !isMapInMap {
				return nil, 0, errorf(section, at, "map %q: values in a map that is neither a prog array nor a map of maps (type %d; type must come first)", name, m.Type)
			}
			if i != len(def.Members)-1 {
				return nil, 0, errorf(section, at, "map %q: values must be the last member", name)
			}
			arr, ok := mem.Type.(*btf.Array)
			if !ok || arr.Nelems != 0 {
				return nil, 0, errorf(section, at, "map %q: values is %s, not a zero-sized array", name, mem.Type)
			}
			ptr, ok := btf.UnderlyingType(arr.Type).(*btf.Pointer)
			if !ok {
				return nil, 0, errorf(section, at, "map %q: values holds %s, not pointers", name, arr.Type)
			}
			target := btf.UnderlyingType(ptr.Target)
			if isProgArray {
				if _, ok := target.(*btf.FuncProto); !ok {
					return nil, 0, errorf(section, at, "map %q: a prog array's values must point to functions, not %s", name, target)
				}
				m.InitProgs = make(map[uint32]string)
			} else {
				st, ok := target.(*btf.Struct)
				if !ok {
					return nil, 0, errorf(section, at, "map %q: a map of maps' values must point to a map definition, not %s", name, target)
				}
				if inner {
					return nil, 0, errorf(section, at, "map %q: maps of maps of maps are not supported", name)
				}
				in, _, err := l.parseMapDef(name+".inner", st, section, at, true)
				if err != nil {
					return nil, 0, err
				}
				m.Inner = in
				m.InitMaps = make(map[uint32]string)
			}
			if m.ValueSize != 0 && m.ValueSize != 4 {
				return nil, 0, errorf(section, at, "map %q: value size %d, but values are 4-byte ids", name, m.ValueSize)
			}
			m.ValueSize = 4
			valuesAt = uint64(mem.Offset / 8)
		default:
			return nil, 0, errorf(section, at, "map %q: unknown member %q", name, mem.Name)
		}
	}
	for _, c := range []struct {
		what         string
		size, member *uint32
	}{{"key", &keySize, &m.KeySize}, {"value", &valueSize, &m.ValueSize}} {
		if *c.size != 0 && *c.member != 0 && *c.size != *c.member {
			return nil, 0, errorf(section, at, "map %q: %s_size %d conflicts with the %s type's size %d", name, c.what, *c.size, c.what, *c.member)
		}
		if *c.member == 0 {
			*c.member = *c.size
		}
	}
	if err := checkMapType(m, section, at); err != nil {
		return nil, 0, err
	}
	return m, valuesAt, nil
}

// uintMember reads the N of __uint(name, N): a pointer to an array of N.
func uintMember(t btf.Type) (uint32, bool) {
	ptr, ok := btf.As[*btf.Pointer](t)
	if !ok {
		return 0, false
	}
	arr, ok := btf.As[*btf.Array](ptr.Target)
	if !ok {
		return 0, false
	}
	return arr.Nelems, true
}
