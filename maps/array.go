// This file implements arrays and per-CPU arrays (BPF_MAP_TYPE_ARRAY,
// BPF_MAP_TYPE_PERCPU_ARRAY): MaxEntries values preallocated and zeroed,
// value i at offset i*round_up(ValueSize, 8), keys 4-byte little-endian
// indexes. Every index exists; none can be deleted.

package maps

import (
	"encoding/binary"
	"sync"
)

type arrayStore struct {
	m *Map
	// mu orders the copies of the user-space and helper API among
	// themselves (the kernel copies without a lock and readers may see a
	// torn value; Go's race detector would rightly object). Programs'
	// own loads and stores do not take it.
	mu sync.RWMutex
}

// index decodes a key (the kernel's u32 index, little-endian as on bpfel).
func (a *arrayStore) index(key []byte) uint32 { return binary.LittleEndian.Uint32(key) }

func (a *arrayStore) lookup(key []byte) (uint32, bool) {
	i := a.index(key)
	if i >= a.m.spec.MaxEntries {
		return 0, false
	}
	return i * a.m.elemSize, true
}

func (a *arrayStore) lookupCopy(key, dst []byte, locked bool) error {
	off, ok := a.lookup(key)
	if !ok {
		return ErrKeyNotExist
	}
	a.mu.RLock()
	defer a.mu.RUnlock()
	return a.m.copyOutLocked(dst, off, locked)
}

// update follows array_map_update_elem and bpf_percpu_array_update: unknown
// flags EINVAL, index out of range E2BIG, BPF_NOEXIST EEXIST (every index
// exists), BPF_F_LOCK without a spin lock (or on a per-CPU array) EINVAL.
func (a *arrayStore) update(key, value []byte, flags uint64) error {
	lock := flags&uint64(UpdateLock) != 0
	if a.m.spec.Type == PerCPUArray && lock || flags&^uint64(UpdateLock) > uint64(UpdateExist) {
		return ErrInvalid
	}
	off, ok := a.lookup(key)
	if !ok {
		return ErrFull
	}
	if flags&uint64(UpdateNoExist) != 0 {
		return ErrKeyExist
	}
	if lock && !a.m.spec.HasSpinLock {
		return ErrInvalid
	}
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.m.copyInLocked(off, value, lock)
}

func (a *arrayStore) delete([]byte) error { return errArrayDelete }

// nextKey follows array_map_get_next_key: from nil or an index out of
// range, 0; from the last index, ENOENT.
func (a *arrayStore) nextKey(key []byte) ([]byte, error) {
	return arrayNextKey(key, a.m.spec.MaxEntries)
}

func arrayNextKey(key []byte, max uint32) ([]byte, error) {
	next := uint32(0)
	if key != nil {
		i := binary.LittleEndian.Uint32(key)
		switch {
		case i >= max:
			next = 0
		case i == max-1:
			return nil, ErrKeyNotExist
		default:
			next = i + 1
		}
	}
	return binary.LittleEndian.AppendUint32(nil, next), nil
}

// forEach visits every index in order, as bpf_for_each_array_elem does.
func (a *arrayStore) forEach(fn func([]byte, uint32) bool) int {
	key := make([]byte, 4)
	n := 0
	for i := uint32(0); i < a.m.spec.MaxEntries; i++ {
		binary.LittleEndian.PutUint32(key, i)
		n++
		if fn(key, i*a.m.elemSize) {
			break
		}
	}
	return n
}

func (a *arrayStore) count() int { return int(a.m.spec.MaxEntries) }

// ArrayLayout describes the value arena of an array or per-CPU array map,
// for engines that index it directly (as the kernel's verifier inlines
// array lookups): value i is at i*elemSize for i < maxEntries. ok is false
// for other map types.
func (m *Map) ArrayLayout() (elemSize, maxEntries uint32, ok bool) {
	if _, isArray := m.store.(*arrayStore); !isArray {
		return 0, 0, false
	}
	return m.elemSize, m.spec.MaxEntries, true
}
