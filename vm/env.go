package vm

// This file implements helpers.Env: what helper functions see of the
// running program (its memory, its maps, its context) and how they call
// back into it (bpf_loop, bpf_for_each_map_elem).

import (
	"fmt"

	"github.com/callx/callx/maps"
)

// Map returns the map a map reference names.
func (m *Machine) Map(ref uint64) (*maps.Map, error) {
	idx, ok := mapIndex(ref)
	if !ok || idx >= len(m.cur.maps) {
		return nil, fmt.Errorf("%#x is not a map reference", ref)
	}
	return m.cur.maps[idx], nil
}

// MapPointer returns the program address of byte off of the map's values.
func (m *Machine) MapPointer(mp *maps.Map, off uint32) uint64 {
	for i, x := range m.cur.maps {
		if x == mp {
			return regionBase(mapRegion(i)) + uint64(off)
		}
	}
	return 0
}

// MapAt returns the map whose values hold the address, and the offset in them.
func (m *Machine) MapAt(addr uint64) (*maps.Map, uint32, error) {
	region, off := SplitAddr(addr)
	i := region - FirstMapRegion
	if i < 0 || i >= len(m.cur.maps) || off >= uint64(len(m.cur.maps[i].Values())) {
		return nil, 0, fmt.Errorf("%#x is not a pointer into a map value", addr)
	}
	return m.cur.maps[i], uint32(off), nil
}

// Call runs the function value fn as a callback with r1-r5 set, in a new
// frame below the current one, and returns its r0.
func (m *Machine) Call(fn uint64, r1, r2, r3, r4, r5 uint64) (uint64, error) {
	id, ok := funcID(fn)
	p := m.cur
	if !ok || uint64(id) >= uint64(len(p.funcEntry)) || p.funcEntry[id] < 0 {
		return 0, fmt.Errorf("callback %#x is not a function value", fn)
	}
	if m.depth+1 >= MaxFrames {
		return 0, ErrCallDepth
	}
	depth, base, regs := m.depth, m.base, m.regs
	v, err := m.exec(int(p.funcEntry[id]), depth+1, [5]uint64{r1, r2, r3, r4, r5})
	m.depth, m.base, m.regs = depth, base, regs
	return v, err
}

// Context returns the context of the current run (nil for raw programs).
func (m *Machine) Context() any { return m.ctx }

// Printk writes bpf_trace_printk output.
func (m *Machine) Printk(s string) {
	if m.printk != nil {
		m.printk(s)
	}
}

// scratchSlot is the scratch memory a helper at one call depth may use.
const scratchSlot = 512

// Scratch copies b into scratch memory the program can read but not
// write, and returns its address. Each call depth has its own slot, so a
// helper's scratch stays put while the callbacks it runs call helpers.
func (m *Machine) Scratch(b []byte) (uint64, error) {
	if len(b) > scratchSlot {
		return 0, fmt.Errorf("%d bytes of scratch memory, at most %d", len(b), scratchSlot)
	}
	off := (m.depth & (MaxFrames - 1)) * scratchSlot
	copy(m.scratch[off:], b)
	return regionBase(ScratchRegion) + uint64(off), nil
}

// array is what the interpreter needs to index an array map's values.
type array struct {
	base       uint64 // address of value 0
	elemSize   uint64 // 0: not an array
	maxEntries uint64
}
