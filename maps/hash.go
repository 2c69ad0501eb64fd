// This file implements the hash tables (BPF_MAP_TYPE_HASH, PERCPU_HASH,
// LRU_HASH, LRU_PERCPU_HASH), preallocated like the kernel's: MaxEntries
// value slots in the arena, an index from key to slot, and a free list.

package maps

import (
	"sync"
	"sync/atomic"
	"unsafe"
)

// hashStore is a preallocated hash table. Slot s holds its value at
// s*round_up(ValueSize, 8) in the arena; keys[s] is its key, "" when the
// slot is free (keys are never empty). Slots are handed out from the free
// list (last freed, first reused), then in order up to MaxEntries; len(keys)
// is the high-water mark, so a map that never fills costs only what it
// uses besides its arena.
//
// Iteration (NextKey, ForEach) is in slot order. It is stable while the
// map is not modified, and, like the kernel's walk over its buckets, it
// neither repeats nor skips an element that stays in the map while
// others are added or deleted, except that an element added into a freed
// slot behind the cursor is not seen.
type hashStore struct {
	m     *Map
	lru   *lruList // LRU maps only
	mu    sync.RWMutex
	index map[string]uint32
	keys  []string
	free  []uint32
}

func newHashStore(m *Map) *hashStore {
	h := &hashStore{m: m, index: make(map[string]uint32)}
	if m.spec.Type.isLRU() {
		h.lru = newLRUList()
	}
	return h
}

func (h *hashStore) off(slot uint32) uint32 { return slot * h.m.elemSize }

// lookup is bpf_map_lookup_elem. An LRU map moves the element to the front
// of its list, so it takes the lock exclusively; the others share it.
func (h *hashStore) lookup(key []byte) (uint32, bool) {
	if h.lru != nil {
		h.mu.Lock()
		s, ok := h.index[string(key)]
		if ok {
			h.lru.touch(s)
		}
		h.mu.Unlock()
		return h.off(s), ok
	}
	h.mu.RLock()
	s, ok := h.index[string(key)]
	h.mu.RUnlock()
	return h.off(s), ok
}

// lookupCopy is the user-space lookup: it copies, and leaves LRU order
// alone (the kernel's htab_lru_map_lookup_elem_sys).
func (h *hashStore) lookupCopy(key, dst []byte, locked bool) error {
	h.mu.RLock()
	defer h.mu.RUnlock()
	s, ok := h.index[string(key)]
	if !ok {
		return ErrKeyNotExist
	}
	return h.m.copyOutLocked(dst, h.off(s), locked)
}

// update follows htab_map_update_elem and its per-CPU and LRU variants:
// unknown flags EINVAL (BPF_F_LOCK only for a hash with a spin lock);
// then BPF_NOEXIST on an existing key EEXIST, BPF_EXIST on a missing one
// ENOENT; a new key in a full map E2BIG, or, for an LRU map, the least
// recently used element makes room. An existing key is overwritten in
// place; in an LRU map it becomes the most recently used.
func (h *hashStore) update(key, value []byte, flags uint64) error {
	lock := flags&uint64(UpdateLock) != 0
	if h.m.spec.Type == Hash {
		if flags&^uint64(UpdateLock) > uint64(UpdateExist) || lock && !h.m.spec.HasSpinLock {
			return ErrInvalid
		}
	} else if flags > uint64(UpdateExist) {
		return ErrInvalid
	}
	mode := UpdateFlags(flags &^ uint64(UpdateLock))

	h.mu.Lock()
	defer h.mu.Unlock()
	if s, ok := h.index[string(key)]; ok {
		if mode == UpdateNoExist {
			return ErrKeyExist
		}
		if h.lru != nil {
			h.lru.touch(s)
		}
		return h.m.copyInLocked(h.off(s), value, lock)
	}
	if mode == UpdateExist {
		return ErrKeyNotExist
	}
	s, ok := h.alloc()
	if !ok {
		return ErrFull
	}
	k := string(key)
	h.keys[s] = k
	h.index[k] = s
	if h.lru != nil {
		h.lru.pushFront(s)
	}
	off := h.off(s)
	if h.m.spec.HasSpinLock {
		// A new element's lock starts unlocked (check_and_init_map_value).
		atomic.StoreUint32((*uint32)(unsafe.Pointer(&h.m.values[off+h.m.spec.SpinLockOffset])), 0)
	}
	h.m.copyIn(off, value)
	return nil
}

// alloc takes a free slot: a freed one, a never used one, or (LRU) the
// least recently used element's. Called with mu held.
func (h *hashStore) alloc() (uint32, bool) {
	if n := len(h.free); n > 0 {
		s := h.free[n-1]
		h.free = h.free[:n-1]
		return s, true
	}
	if n := uint32(len(h.keys)); n < h.m.spec.MaxEntries {
		h.keys = append(h.keys, "")
		if h.lru != nil {
			h.lru.grow()
		}
		return n, true
	}
	if h.lru != nil && h.lru.tail != noSlot {
		s := h.lru.tail
		h.remove(s)
		return s, true
	}
	return 0, false
}

// remove takes slot s out of the index (and the LRU list). Called with mu
// held; the caller frees or reuses the slot. Its value stays where it is:
// a program may still hold a pointer to it, as under the kernel's RCU.
func (h *hashStore) remove(s uint32) {
	delete(h.index, h.keys[s])
	h.keys[s] = ""
	if h.lru != nil {
		h.lru.unlink(s)
	}
}

func (h *hashStore) delete(key []byte) error {
	h.mu.Lock()
	defer h.mu.Unlock()
	s, ok := h.index[string(key)]
	if !ok {
		return ErrKeyNotExist
	}
	h.remove(s)
	h.free = append(h.free, s)
	return nil
}

// nextKey: the key in the next used slot after key's; from nil or a key
// not in the map (as htab_map_get_next_key does), the first.
func (h *hashStore) nextKey(key []byte) ([]byte, error) {
	h.mu.RLock()
	defer h.mu.RUnlock()
	start := 0
	if key != nil {
		if s, ok := h.index[string(key)]; ok {
			start = int(s) + 1
		}
	}
	if s, ok := h.usedFrom(start); ok {
		return []byte(h.keys[s]), nil
	}
	return nil, ErrKeyNotExist
}

// usedFrom returns the first used slot at or after s. Called with mu held.
func (h *hashStore) usedFrom(s int) (int, bool) {
	for ; s < len(h.keys); s++ {
		if h.keys[s] != "" {
			return s, true
		}
	}
	return 0, false
}

// forEach walks the slots, taking the lock for each step but not while fn
// runs, so fn may update or delete (even the element it was given).
func (h *hashStore) forEach(fn func([]byte, uint32) bool) int {
	key := make([]byte, h.m.spec.KeySize)
	n := 0
	for s := 0; ; s++ {
		h.mu.RLock()
		s2, ok := h.usedFrom(s)
		if ok {
			copy(key, h.keys[s2])
		}
		h.mu.RUnlock()
		if !ok {
			return n
		}
		s = s2
		n++
		if fn(key, h.off(uint32(s))) {
			return n
		}
	}
}

func (h *hashStore) count() int {
	h.mu.RLock()
	defer h.mu.RUnlock()
	return len(h.index)
}
