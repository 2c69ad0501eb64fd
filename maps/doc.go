// Package maps implements BPF maps with the kernel's semantics: arrays,
// hash tables, LRU hash tables, their per-CPU variants, prog arrays and
// ring buffers, safe for concurrent use from many goroutines.
//
// # Two APIs
//
// The user-space API (Lookup, Update, Delete, NextKey, LookupPerCPU,
// SetProg, ReadRecord) is bpf()'s: it copies keys and values in and out,
// checks their sizes, honours FlagRdonly, FlagWronly and Freeze, and wraps
// errors with the map's name and the operation.
//
// The engine API (Values, LookupOffset, UpdateElem, DeleteElem, ForEach,
// Prog, Reserve, Submit, Discard, Output, SpinLock) is what the helpers
// use from inside a program run. Every value lives in one arena, Values(),
// allocated once, 8-byte aligned and never moved; the engine maps it as
// one memory region and a pointer to a value is an offset in it. Nothing
// on this path copies a value, and errors are bare sentinels, so that
// failing calls do not allocate either.
//
// # Layout and preallocation
//
// Value slots are round_up(ValueSize, 8) bytes, the kernel's elem_size:
// value i of an array is at i*round_up(ValueSize, 8). Hash tables are
// preallocated like the kernel's default: MaxEntries slots in the arena, a
// free list, an index from key to slot. FlagNoPrealloc is accepted and
// changes nothing. Updating an existing key overwrites its slot in place;
// deleting a key returns its slot to the free list, where a program may
// still hold a pointer to it (it is still the map's memory, as with the
// kernel's RCU). Keys of arrays are 4-byte little-endian indexes (bpfel).
//
// # Per-CPU maps
//
// callx runs programs as one CPU (PossibleCPUs == 1). A per-CPU map has one
// value per key, stored like its non-per-CPU sibling, and a program sees
// ValueSize bytes. Lookup and Update copy ValueSize bytes: the one CPU's
// value. The kernel's bpf() instead copies round_up(ValueSize, 8) bytes
// per possible CPU, back to back; for one CPU that is the same value plus
// padding. LookupPerCPU and UpdatePerCPU give the per-CPU shape as one
// []byte per CPU; LookupPerCPUOffset is bpf_map_lookup_percpu_elem.
//
// # LRU
//
// LRU maps keep an exact LRU order and evict the least recently used
// element when a new key arrives in a full map (see lru.go for how this
// differs from the kernel's approximate LRU). Program lookups and all
// updates count as use; user-space lookups and iteration do not.
//
// # Ring buffers
//
// Records have the kernel's 8-byte header. Values() is mapped once (the
// kernel maps the data twice so records may wrap), so a record that would
// wrap is placed at offset 0 after a padding record (see ringbuf.go).
// ReadRecord and ReadRecordWait consume from Go.
//
// # Concurrency
//
// Every structural operation (insert, delete, eviction, iteration step,
// reserve, commit, consume) holds the map's lock; arrays and prog arrays
// look up without one. Value bytes are shared memory as in the kernel:
// programs read and write them without locks, bpf_spin_lock (SpinLock,
// the lock word in the value) orders them when a program wants order,
// and UpdateLock/LookupLocked (BPF_F_LOCK) copy under that lock. Copies by
// the user-space API are ordered among themselves by the map's lock, so
// they never tear each other.
//
// # Errors
//
// Errors match the kernel's, and Errno gives the negative errno a helper
// returns: ErrKeyNotExist (ENOENT), ErrKeyExist (EEXIST), ErrFull (E2BIG,
// a full hash map or an array index out of range), ErrInvalid (EINVAL, bad
// flags or sizes; deleting from an array, which is also ErrNotSupported),
// ErrPermission (EPERM), ErrNoSpace (EAGAIN, bpf_ringbuf_output with no
// room), ErrNotSupported (ENOTSUPP). New validates a Spec like the
// kernel's map_alloc_check, in the same order, and its errors name the map
// and the field.
package maps
