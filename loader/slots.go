package loader

// This file implements function-pointer slots (INDIRECT-CALLS.md): every
// global variable, array element or struct field whose BTF type is
// (TYPEDEF/CONST/VOLATILE)* → PTR → FUNC_PROTO. A slot in writable data is
// open world (user space fills it); one in .rodata is a closed-world table.
// Each element's initial value is the function its relocation names, or
// NULL; any other initial bytes are refused: only a relocation makes a
// function value.

import (
	"encoding/binary"
	"fmt"

	"github.com/cilium/ebpf/btf"
)

// Slot is a function pointer, or an array of them, in global data.
type Slot struct {
	Name   string // the variable; "VAR.field", "VAR[2].field" inside structs and arrays of structs
	Map    int    // index in Object.Maps of the global data map holding it
	Offset uint32 // byte offset in the map value
	Count  uint32 // 1, or the number of elements of an array of function pointers (8 bytes apart)
	Proto  *btf.FuncProto
	Init   []int // per element: the Object.Funcs index it is initialised to, or -1 (NULL)
}

// maxSlots bounds the slots of one object; maxSlotDepth the nesting of
// structs and arrays walked to find them.
const (
	maxSlots     = 1 << 16
	maxSlotDepth = 32
)

func (s *Slot) String() string {
	return fmt.Sprintf("%s (map %d+%d, %d × %s)", s.Name, s.Map, s.Offset, s.Count, s.Proto)
}

// readSlots finds the slots of every global data map with a DATASEC.
func (l *loader) readSlots() error {
	for mi, m := range l.obj.Maps {
		ds, ok := m.ValueBTF.(*btf.Datasec)
		if !ok || m.Contents == nil {
			continue
		}
		w := &slotWalker{l: l, mapIndex: mi, m: m, has: make(map[btf.Type]bool), funcAt: make(map[uint64]int)}
		for _, fp := range m.FuncPointers {
			w.funcAt[uint64(fp.Offset)] = fp.Func
		}
		for _, vs := range ds.Vars {
			v, ok := vs.Type.(*btf.Var)
			if !ok {
				continue
			}
			if err := w.walk(v.Type, v.Name, uint64(vs.Offset), 0); err != nil {
				return err
			}
		}
	}
	return nil
}

type slotWalker struct {
	l        *loader
	mapIndex int
	m        *Map
	has      map[btf.Type]bool // memo: does the type hold a function pointer?
	funcAt   map[uint64]int    // the map's function pointers by offset
}

// funcProto returns the prototype t points to, if t is a function pointer.
func funcProto(t btf.Type) *btf.FuncProto {
	if ptr, ok := btf.UnderlyingType(t).(*btf.Pointer); ok {
		if proto, ok := btf.UnderlyingType(ptr.Target).(*btf.FuncProto); ok {
			return proto
		}
	}
	return nil
}

// holds reports whether a value of type t holds a function pointer.
func (w *slotWalker) holds(t btf.Type, depth int) bool {
	if depth > maxSlotDepth {
		return false
	}
	t = btf.UnderlyingType(t)
	if v, ok := w.has[t]; ok {
		return v
	}
	w.has[t] = false // a cycle holds nothing more
	var v bool
	switch t := t.(type) {
	case *btf.Pointer:
		v = funcProto(t) != nil
	case *btf.Array:
		v = t.Nelems > 0 && w.holds(t.Type, depth+1)
	case *btf.Struct:
		v = w.membersHold(t.Members, depth)
	case *btf.Union:
		v = w.membersHold(t.Members, depth)
	}
	w.has[t] = v
	return v
}

func (w *slotWalker) membersHold(ms []btf.Member, depth int) bool {
	for _, m := range ms {
		if m.BitfieldSize == 0 && w.holds(m.Type, depth+1) {
			return true
		}
	}
	return false
}

// walk finds the slots in a value of type t named name at byte off.
func (w *slotWalker) walk(t btf.Type, name string, off uint64, depth int) error {
	if depth > maxSlotDepth || !w.holds(t, depth) {
		return nil
	}
	sec := w.m.Section
	size, err := btf.Sizeof(t)
	if err != nil || off+uint64(size) > uint64(w.m.ValueSize) || size < 0 {
		return errorf(sec, off, "%s: type %s does not fit in the section's %d bytes", name, t, w.m.ValueSize)
	}
	switch t := btf.UnderlyingType(t).(type) {
	case *btf.Pointer:
		return w.add(name, off, 1, funcProto(t))
	case *btf.Array:
		n, elem := uint64(t.Nelems), btf.UnderlyingType(t.Type)
		for {
			inner, ok := elem.(*btf.Array)
			if !ok {
				break
			}
			n *= uint64(inner.Nelems) // bounded: the whole array fits in 4 MiB
			elem = btf.UnderlyingType(inner.Type)
		}
		if n == 0 {
			return nil
		}
		if proto := funcProto(elem); proto != nil {
			return w.add(name, off, n, proto)
		}
		esize, err := btf.Sizeof(elem)
		if err != nil || esize <= 0 || uint64(size)/uint64(esize) != n {
			return errorf(sec, off, "%s: array of %s does not fit in the section's %d bytes", name, elem, w.m.ValueSize)
		}
		for i := uint64(0); i < n; i++ {
			if err := w.walk(elem, fmt.Sprintf("%s[%d]", name, i), off+i*uint64(esize), depth+1); err != nil {
				return err
			}
		}
	case *btf.Struct:
		return w.members(t.Members, name, off, depth)
	case *btf.Union:
		return w.members(t.Members, name, off, depth)
	}
	return nil
}

func (w *slotWalker) members(ms []btf.Member, name string, off uint64, depth int) error {
	for _, m := range ms {
		if m.BitfieldSize != 0 || m.Offset%8 != 0 {
			continue
		}
		field := name
		if m.Name != "" {
			field = name + "." + m.Name
		}
		if err := w.walk(m.Type, field, off+uint64(m.Offset/8), depth+1); err != nil {
			return err
		}
	}
	return nil
}

// add records a slot of n pointers at off, with their initial values.
func (w *slotWalker) add(name string, off, n uint64, proto *btf.FuncProto) error {
	sec := w.m.Section
	if len(w.l.obj.Slots) >= maxSlots {
		return errorf(sec, off, "more than %d function-pointer slots", maxSlots)
	}
	if off+8*n > uint64(len(w.m.Contents)) {
		return errorf(sec, off, "slot %s: %d pointers beyond the section's %d bytes", name, n, len(w.m.Contents))
	}
	s := &Slot{Name: name, Map: w.mapIndex, Offset: uint32(off), Count: uint32(n), Proto: proto, Init: make([]int, n)}
	for i := range s.Init {
		at := off + 8*uint64(i)
		s.Init[i] = -1
		if fi, ok := w.funcAt[at]; ok {
			s.Init[i] = fi
		} else if binary.LittleEndian.Uint64(w.m.Contents[at:]) != 0 {
			elem := name
			if n > 1 {
				elem = fmt.Sprintf("%s[%d]", name, i)
			}
			return errorf(sec, at, "slot %s is initialised to %#x, which is not a function", elem, binary.LittleEndian.Uint64(w.m.Contents[at:]))
		}
	}
	w.l.obj.Slots = append(w.l.obj.Slots, s)
	return nil
}
