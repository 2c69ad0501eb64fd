// This file implements Map: creation, the user-space API (which copies
// keys and values in and out) and the engine API (which hands out offsets
// into the value arena), dispatching to the store of each map type.

package maps

import (
	"sync/atomic"
	"unsafe"
)

// UpdateFlags are the flags of an update (BPF_ANY, BPF_NOEXIST, BPF_EXIST,
// BPF_F_LOCK).
type UpdateFlags uint64

// The update flags.
const (
	UpdateAny     UpdateFlags = 0 // BPF_ANY: create or overwrite
	UpdateNoExist UpdateFlags = 1 // BPF_NOEXIST: create only
	UpdateExist   UpdateFlags = 2 // BPF_EXIST: overwrite only
	UpdateLock    UpdateFlags = 4 // BPF_F_LOCK: copy under the value's bpf_spin_lock
)

// store is what each map type implements. Keys have been checked to be
// KeySize long and values ValueSize long; errors are bare sentinels.
type store interface {
	// lookup is bpf_map_lookup_elem: the offset of the key's value (LRU
	// maps mark the element used).
	lookup(key []byte) (off uint32, ok bool)
	// lookupCopy copies the key's value into dst (user space: LRU maps do
	// not mark the element), under the value's spin lock if locked.
	lookupCopy(key, dst []byte, locked bool) error
	update(key, value []byte, flags uint64) error
	delete(key []byte) error
	// nextKey returns the key after key; nil key asks for the first.
	nextKey(key []byte) ([]byte, error)
	forEach(fn func(key []byte, valueOff uint32) (stop bool)) int
	count() int
}

// Map is a BPF map. All its methods are safe for concurrent use.
//
// The values of every map but a ring buffer or a prog array live in one
// arena, Values(), allocated once and never moved: a program's pointer to
// a value is an offset in it. Values are shared memory, as in the kernel:
// programs read and write them without locks; the map's own structure
// (which keys exist, free slots, LRU order, ring positions) is guarded by
// the map's locks.
type Map struct {
	spec     Spec
	values   []byte
	elemSize uint32
	frozen   atomic.Bool

	store store
	progs *progArray // ProgArray only
	ring  *ringBuf   // RingBuf only
}

// New creates a map, validating spec like the kernel's map_alloc_check
// (see check.go). Every map is preallocated: its arena holds MaxEntries
// zeroed value slots; FlagNoPrealloc is accepted and changes nothing.
func New(spec Spec) (*Map, error) {
	if err := check(spec); err != nil {
		return nil, err
	}
	if spec.Flags&FlagRdonlyProg != 0 {
		spec.ReadOnly = true
	}
	m := &Map{
		spec:     spec,
		values:   newArena(valuesSize(spec)),
		elemSize: uint32(elemSize(spec)),
	}
	switch t := spec.Type; {
	case t.isArray():
		m.store = &arrayStore{m: m}
	case t.isHash():
		m.store = newHashStore(m)
	case t == ProgArray:
		m.progs = newProgArray(spec.MaxEntries)
		m.store = m.progs
	case t == RingBuf:
		m.ring = newRingBuf(m.values)
		m.store = m.ring
	}
	return m, nil
}

// newArena allocates n zeroed bytes aligned to 8, so that 4- and 8-byte
// words in values (bpf_spin_lock, atomics) are aligned as in the kernel.
func newArena(n uint64) []byte {
	if n == 0 {
		return []byte{}
	}
	words := make([]uint64, (n+7)/8)
	return unsafe.Slice((*byte)(unsafe.Pointer(unsafe.SliceData(words))), n)
}

// Spec returns the map's spec (with ReadOnly set if Flags asked for it).
func (m *Map) Spec() Spec { return m.spec }

// Values returns the value arena: one []byte, never reallocated, holding
// every value slot (value i of an array at i*round_up(ValueSize, 8)), or
// a ring buffer's data area. It is empty for a prog array.
func (m *Map) Values() []byte { return m.values }

// Len returns the number of elements: the number of keys of a hash map,
// MaxEntries for an array or a prog array (every index is a key), the
// number of submitted records not yet read for a ring buffer.
func (m *Map) Len() int { return m.store.count() }

// Freeze makes the map read-only for user space, as BPF_MAP_FREEZE does:
// Update and Delete then fail with ErrPermission. Programs still write
// unless the spec is ReadOnly.
func (m *Map) Freeze() { m.frozen.Store(true) }

// Frozen reports whether Freeze was called.
func (m *Map) Frozen() bool { return m.frozen.Load() }

func (m *Map) checkKey(key []byte) error {
	if uint32(len(key)) != m.spec.KeySize {
		return ErrInvalid
	}
	return nil
}

func (m *Map) checkKeyValue(key, value []byte) error {
	if uint32(len(key)) != m.spec.KeySize || uint32(len(value)) != m.spec.ValueSize {
		return ErrInvalid
	}
	return nil
}

func (m *Map) userCanRead() error {
	if m.spec.Flags&FlagWronly != 0 {
		return ErrPermission
	}
	return nil
}

func (m *Map) userCanWrite() error {
	if m.spec.Flags&FlagRdonly != 0 || m.frozen.Load() {
		return ErrPermission
	}
	return nil
}

// Lookup returns a copy of the key's value (ValueSize bytes; for a per-CPU
// map, the value of the one CPU). It does not mark an LRU element used,
// as the kernel's bpf() lookup does not. A missing key is ErrKeyNotExist.
func (m *Map) Lookup(key []byte) ([]byte, error) {
	return m.lookup(key, false)
}

// LookupLocked is Lookup with BPF_F_LOCK: the value is copied while its
// bpf_spin_lock is held. The spec must have HasSpinLock.
func (m *Map) LookupLocked(key []byte) ([]byte, error) {
	return m.lookup(key, true)
}

func (m *Map) lookup(key []byte, locked bool) ([]byte, error) {
	if err := m.userCanRead(); err != nil {
		return nil, m.wrap("lookup", err)
	}
	if locked && !m.spec.HasSpinLock {
		return nil, m.wrap("lookup", ErrInvalid)
	}
	if err := m.checkKey(key); err != nil {
		return nil, m.wrap("lookup", err)
	}
	dst := make([]byte, m.spec.ValueSize)
	if err := m.store.lookupCopy(key, dst, locked); err != nil {
		return nil, m.wrap("lookup", err)
	}
	return dst, nil
}

// Update creates or overwrites the key's value with a copy of value
// (ValueSize bytes). Errors, as the kernel's: flags other than
// UpdateNoExist, UpdateExist and UpdateLock (where the map allows it)
// ErrInvalid; UpdateNoExist on an existing key (always, for an array)
// ErrKeyExist; UpdateExist on a missing key ErrKeyNotExist; a new key in a
// full hash map, or an array index >= MaxEntries, ErrFull (E2BIG). An LRU
// map evicts instead of failing.
func (m *Map) Update(key, value []byte, flags UpdateFlags) error {
	if err := m.userCanWrite(); err != nil {
		return m.wrap("update", err)
	}
	if flags&UpdateLock != 0 && !m.spec.HasSpinLock {
		return m.wrap("update", ErrInvalid)
	}
	if err := m.checkKeyValue(key, value); err != nil {
		return m.wrap("update", err)
	}
	return m.wrap("update", m.store.update(key, value, uint64(flags)))
}

// Delete deletes the key. A missing key is ErrKeyNotExist; an array
// refuses with an error that is ErrNotSupported and has the kernel's errno,
// EINVAL.
func (m *Map) Delete(key []byte) error {
	if err := m.userCanWrite(); err != nil {
		return m.wrap("delete", err)
	}
	if err := m.checkKey(key); err != nil {
		return m.wrap("delete", err)
	}
	return m.wrap("delete", m.store.delete(key))
}

// NextKey returns the key after key, as BPF_MAP_GET_NEXT_KEY does: a nil
// key, or (as in the kernel) a key that is not in a hash map, or an array
// index >= MaxEntries, gives the first key; the last key gives
// ErrKeyNotExist. The order is stable while the map is not modified, so
// iterating from nil visits every key exactly once.
func (m *Map) NextKey(key []byte) ([]byte, error) {
	if err := m.userCanRead(); err != nil {
		return nil, m.wrap("next key", err)
	}
	if key != nil {
		if err := m.checkKey(key); err != nil {
			return nil, m.wrap("next key", err)
		}
	}
	next, err := m.store.nextKey(key)
	return next, m.wrap("next key", err)
}

// LookupOffset is bpf_map_lookup_elem: the offset in Values() of the key's
// value, or !ok if the key is missing (or the map has no values). It marks
// an LRU element used. It does not allocate.
func (m *Map) LookupOffset(key []byte) (off uint32, ok bool) {
	if uint32(len(key)) != m.spec.KeySize {
		return 0, false
	}
	return m.store.lookup(key)
}

// UpdateElem is bpf_map_update_elem from a program: Update's semantics,
// and the element becomes the most recently used of an LRU map. It
// refuses a ReadOnly map with ErrPermission. Errors are the bare
// sentinels (no allocation); pass them to Errno.
func (m *Map) UpdateElem(key, value []byte, flags uint64) error {
	if m.spec.ReadOnly {
		return ErrPermission
	}
	if err := m.checkKeyValue(key, value); err != nil {
		return err
	}
	return m.store.update(key, value, flags)
}

// DeleteElem is bpf_map_delete_elem from a program: Delete's semantics,
// bare sentinel errors. It refuses a ReadOnly map with ErrPermission.
func (m *Map) DeleteElem(key []byte) error {
	if m.spec.ReadOnly {
		return ErrPermission
	}
	if m.progs != nil {
		return ErrNotSupported
	}
	if err := m.checkKey(key); err != nil {
		return err
	}
	return m.store.delete(key)
}

// ForEach is bpf_for_each_map_elem: it calls fn with each key and the
// offset of its value in Values() until fn returns true, and returns how
// many times it called fn. fn may update and delete elements of the map
// (no lock is held while it runs); key is only valid during the call. A
// prog array or a ring buffer has no elements to visit: 0.
func (m *Map) ForEach(fn func(key []byte, valueOff uint32) (stop bool)) int {
	return m.store.forEach(fn)
}

// copyIn copies a value into the slot at off, leaving the spin lock word
// alone as the kernel's copy_map_value does.
func (m *Map) copyIn(off uint32, value []byte) {
	dst := m.values[off : off+m.spec.ValueSize]
	if !m.spec.HasSpinLock {
		copy(dst, value)
		return
	}
	l := m.spec.SpinLockOffset
	copy(dst[:l], value[:l])
	copy(dst[l+4:], value[l+4:])
}

// copyOut copies the value at off into dst, with a zero spin lock word.
func (m *Map) copyOut(dst []byte, off uint32) {
	src := m.values[off : off+m.spec.ValueSize]
	if !m.spec.HasSpinLock {
		copy(dst, src)
		return
	}
	l := m.spec.SpinLockOffset
	copy(dst[:l], src[:l])
	clear(dst[l : l+4])
	copy(dst[l+4:], src[l+4:])
}

// copyInLocked is copyIn under the value's spin lock when locked (BPF_F_LOCK).
func (m *Map) copyInLocked(off uint32, value []byte, locked bool) error {
	if !locked {
		m.copyIn(off, value)
		return nil
	}
	lock := off + m.spec.SpinLockOffset
	if !m.spinLockWait(lock) {
		return ErrBusy
	}
	m.copyIn(off, value)
	m.SpinUnlock(lock)
	return nil
}

// copyOutLocked is copyOut under the value's spin lock when locked.
func (m *Map) copyOutLocked(dst []byte, off uint32, locked bool) error {
	if !locked {
		m.copyOut(dst, off)
		return nil
	}
	lock := off + m.spec.SpinLockOffset
	if !m.spinLockWait(lock) {
		return ErrBusy
	}
	m.copyOut(dst, off)
	m.SpinUnlock(lock)
	return nil
}

// notSupported is the store of maps without keys and values (prog arrays
// and ring buffers implement what they have on top of it).
type notSupported struct{}

func (notSupported) lookup([]byte) (uint32, bool)          { return 0, false }
func (notSupported) lookupCopy([]byte, []byte, bool) error { return ErrNotSupported }
func (notSupported) update([]byte, []byte, uint64) error   { return ErrNotSupported }
func (notSupported) delete([]byte) error                   { return ErrNotSupported }
func (notSupported) nextKey([]byte) ([]byte, error)        { return nil, ErrNotSupported }
func (notSupported) forEach(func([]byte, uint32) bool) int { return 0 }
