// This file implements prog arrays (BPF_MAP_TYPE_PROG_ARRAY), the tables
// of bpf_tail_call. A slot holds an opaque program handle set from Go
// (where the kernel stores a program referenced by a file descriptor);
// programs read it only through tail calls, without a lock.

package maps

import (
	"encoding/binary"
	"sync/atomic"
)

type progSlot struct{ prog any }

type progArray struct {
	notSupported
	slots []atomic.Pointer[progSlot]
}

func newProgArray(n uint32) *progArray {
	return &progArray{slots: make([]atomic.Pointer[progSlot], n)}
}

// SetProg stores a program handle at index (nil clears the slot). An index
// >= MaxEntries is ErrFull (E2BIG), as for the kernel's fd arrays; a map
// that is not a prog array ErrNotSupported.
func (m *Map) SetProg(index uint32, prog any) error {
	if m.progs == nil {
		return m.wrap("set prog", ErrNotSupported)
	}
	if err := m.userCanWrite(); err != nil {
		return m.wrap("set prog", err)
	}
	if index >= uint32(len(m.progs.slots)) {
		return m.wrap("set prog", ErrFull)
	}
	if prog == nil {
		m.progs.slots[index].Store(nil)
	} else {
		m.progs.slots[index].Store(&progSlot{prog})
	}
	return nil
}

// Prog returns the program handle at index, for bpf_tail_call: !ok for an
// empty slot or an index out of range. It takes no lock.
func (m *Map) Prog(index uint32) (any, bool) {
	if m.progs == nil || index >= uint32(len(m.progs.slots)) {
		return nil, false
	}
	p := m.progs.slots[index].Load()
	if p == nil {
		return nil, false
	}
	return p.prog, true
}

// DeleteProg clears the slot at index: ErrFull (E2BIG) out of range,
// ErrKeyNotExist for an empty slot, as fd_array_map_delete_elem.
func (m *Map) DeleteProg(index uint32) error {
	if m.progs == nil {
		return m.wrap("delete prog", ErrNotSupported)
	}
	if err := m.userCanWrite(); err != nil {
		return m.wrap("delete prog", err)
	}
	return m.wrap("delete prog", m.progs.clear(index))
}

func (p *progArray) clear(index uint32) error {
	if index >= uint32(len(p.slots)) {
		return ErrFull
	}
	if p.slots[index].Swap(nil) == nil {
		return ErrKeyNotExist
	}
	return nil
}

// delete is Delete on a prog array: DeleteProg. (DeleteElem refuses: a
// program cannot delete from a prog array, the verifier says so.)
func (p *progArray) delete(key []byte) error {
	return p.clear(binary.LittleEndian.Uint32(key))
}

// nextKey walks every index, set or not, as the kernel does (its prog
// arrays share array_map_get_next_key).
func (p *progArray) nextKey(key []byte) ([]byte, error) {
	return arrayNextKey(key, uint32(len(p.slots)))
}

func (p *progArray) count() int { return len(p.slots) }
