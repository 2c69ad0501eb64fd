// This file implements the tests of New's validation (check.go).

package maps

import (
	"errors"
	"strings"
	"testing"
)

func TestNewValidation(t *testing.T) {
	tests := []struct {
		desc string
		spec Spec
		err  error  // nil: valid
		want string // in the message
	}{
		{"array", Spec{Type: Array, KeySize: 4, ValueSize: 1, MaxEntries: 1}, nil, ""},
		{"array key 8", Spec{Type: Array, KeySize: 8, ValueSize: 4, MaxEntries: 1}, ErrInvalid, "key size 8"},
		{"array value 0", Spec{Type: Array, KeySize: 4, ValueSize: 0, MaxEntries: 1}, ErrInvalid, "value size 0"},
		{"array max 0", Spec{Type: Array, KeySize: 4, ValueSize: 4}, ErrInvalid, "max entries 0"},
		{"array mmapable", Spec{Type: Array, KeySize: 4, ValueSize: 4, MaxEntries: 1, Flags: FlagMmapable}, nil, ""},
		{"array no prealloc", Spec{Type: Array, KeySize: 4, ValueSize: 4, MaxEntries: 1, Flags: FlagNoPrealloc}, ErrInvalid, "flags 0x1"},
		{"array rdonly+wronly", Spec{Type: Array, KeySize: 4, ValueSize: 4, MaxEntries: 1, Flags: FlagRdonly | FlagWronly}, ErrInvalid, "read-only and write-only"},
		{"array preserve elems", Spec{Type: Array, KeySize: 4, ValueSize: 4, MaxEntries: 1, Flags: FlagPreserveElems}, ErrInvalid, "preserve"},
		{"percpu array mmapable", Spec{Type: PerCPUArray, KeySize: 4, ValueSize: 4, MaxEntries: 1, Flags: FlagMmapable}, ErrInvalid, "mmapable"},
		{"percpu array numa", Spec{Type: PerCPUArray, KeySize: 4, ValueSize: 4, MaxEntries: 1, Flags: FlagNUMANode}, ErrInvalid, "NUMA"},
		{"percpu array 32K", Spec{Type: PerCPUArray, KeySize: 4, ValueSize: 32 << 10, MaxEntries: 1}, nil, ""},
		{"percpu array 32K+1", Spec{Type: PerCPUArray, KeySize: 4, ValueSize: 32<<10 + 1, MaxEntries: 1}, ErrTooBig, "value size 32769"},
		{"prog array", Spec{Type: ProgArray, KeySize: 4, ValueSize: 4, MaxEntries: 8}, nil, ""},
		{"prog array value 8", Spec{Type: ProgArray, KeySize: 4, ValueSize: 8, MaxEntries: 8}, ErrInvalid, "value size 8"},
		{"prog array rdonly prog", Spec{Type: ProgArray, KeySize: 4, ValueSize: 4, MaxEntries: 8, Flags: FlagRdonlyProg}, ErrInvalid, "flags"},
		{"prog array key 8", Spec{Type: ProgArray, KeySize: 8, ValueSize: 4, MaxEntries: 8}, ErrInvalid, "key size 8"},
		{"hash", Spec{Type: Hash, KeySize: 3, ValueSize: 5, MaxEntries: 7}, nil, ""},
		{"hash no prealloc", Spec{Type: Hash, KeySize: 4, ValueSize: 4, MaxEntries: 1, Flags: FlagNoPrealloc}, nil, ""},
		{"hash key 0", Spec{Type: Hash, KeySize: 0, ValueSize: 4, MaxEntries: 1}, ErrInvalid, "key size 0"},
		{"hash value 0", Spec{Type: Hash, KeySize: 4, ValueSize: 0, MaxEntries: 1}, ErrInvalid, "value size 0"},
		{"hash max 0", Spec{Type: Hash, KeySize: 4, ValueSize: 4}, ErrInvalid, "max entries 0"},
		{"hash mmapable", Spec{Type: Hash, KeySize: 4, ValueSize: 4, MaxEntries: 1, Flags: FlagMmapable}, ErrInvalid, "flags 0x400"},
		{"hash no common lru", Spec{Type: Hash, KeySize: 4, ValueSize: 4, MaxEntries: 1, Flags: FlagNoCommonLRU}, ErrInvalid, "no common LRU"},
		{"hash too big", Spec{Type: Hash, KeySize: 2 << 20, ValueSize: 2 << 20, MaxEntries: 1}, ErrTooBig, "key size"},
		{"lru no prealloc", Spec{Type: LRUHash, KeySize: 4, ValueSize: 4, MaxEntries: 1, Flags: FlagNoPrealloc}, ErrNotSupported, "preallocated"},
		{"lru no common lru", Spec{Type: LRUHash, KeySize: 4, ValueSize: 4, MaxEntries: 1, Flags: FlagNoCommonLRU}, nil, ""},
		{"lru numa no common", Spec{Type: LRUHash, KeySize: 4, ValueSize: 4, MaxEntries: 1, Flags: FlagNoCommonLRU | FlagNUMANode}, ErrInvalid, "NUMA"},
		{"percpu hash numa", Spec{Type: PerCPUHash, KeySize: 4, ValueSize: 4, MaxEntries: 1, Flags: FlagNUMANode}, ErrInvalid, "NUMA"},
		{"lru percpu too big", Spec{Type: LRUPerCPUHash, KeySize: 4, ValueSize: 40000, MaxEntries: 1}, ErrTooBig, "per-CPU"},
		{"ringbuf", Spec{Type: RingBuf, MaxEntries: 4096}, nil, ""},
		{"ringbuf 3 pages", Spec{Type: RingBuf, MaxEntries: 3 * 4096}, ErrInvalid, "power of 2"},
		{"ringbuf 2048", Spec{Type: RingBuf, MaxEntries: 2048}, ErrInvalid, "page size"},
		{"ringbuf 0", Spec{Type: RingBuf}, ErrInvalid, "max entries 0"},
		{"ringbuf key", Spec{Type: RingBuf, KeySize: 4, MaxEntries: 4096}, ErrInvalid, "key size 4"},
		{"ringbuf value", Spec{Type: RingBuf, ValueSize: 4, MaxEntries: 4096}, ErrInvalid, "value size 4"},
		{"ringbuf flags", Spec{Type: RingBuf, MaxEntries: 4096, Flags: FlagRdonlyProg}, ErrInvalid, "flags"},
		{"perf event array", Spec{Type: 4, KeySize: 4, ValueSize: 4, MaxEntries: 1}, ErrNotSupported, "Type(4)"},
		{"spin lock", Spec{Type: Hash, KeySize: 4, ValueSize: 8, MaxEntries: 1, HasSpinLock: true, SpinLockOffset: 4}, nil, ""},
		{"spin lock past value", Spec{Type: Array, KeySize: 4, ValueSize: 8, MaxEntries: 1, HasSpinLock: true, SpinLockOffset: 8}, ErrInvalid, "spin lock offset 8"},
		{"spin lock unaligned", Spec{Type: Array, KeySize: 4, ValueSize: 8, MaxEntries: 1, HasSpinLock: true, SpinLockOffset: 2}, ErrInvalid, "spin lock offset 2"},
		{"spin lock in lru", Spec{Type: LRUHash, KeySize: 4, ValueSize: 8, MaxEntries: 1, HasSpinLock: true}, ErrNotSupported, "bpf_spin_lock"},
		{"huge array", Spec{Type: Array, KeySize: 4, ValueSize: 8, MaxEntries: 1 << 30}, ErrNoMemory, "max entries 1073741824"},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			tt.spec.Name = "m_" + strings.ReplaceAll(tt.desc, " ", "_")
			m, err := New(tt.spec)
			if tt.err == nil {
				if err != nil {
					t.Fatalf("New: %v", err)
				}
				if m.Spec().Name != tt.spec.Name {
					t.Errorf("Spec().Name = %q", m.Spec().Name)
				}
				return
			}
			if !errors.Is(err, tt.err) {
				t.Fatalf("New: %v, want %v", err, tt.err)
			}
			msg := err.Error()
			if !strings.Contains(msg, tt.spec.Name) || !strings.Contains(msg, tt.want) {
				t.Errorf("New: %q, want the map's name and %q", msg, tt.want)
			}
		})
	}
}

func TestNewRdonlyProgSetsReadOnly(t *testing.T) {
	m := mustNew(t, Spec{Name: "ro", Type: Array, KeySize: 4, ValueSize: 4, MaxEntries: 1, Flags: FlagRdonlyProg})
	if !m.Spec().ReadOnly {
		t.Fatal("ReadOnly not set by FlagRdonlyProg")
	}
	if err := m.UpdateElem(k32(0), k32(1), 0); !errors.Is(err, ErrPermission) || Errno(err) != -1 {
		t.Errorf("UpdateElem on a read-only map: %v", err)
	}
	if err := m.Update(k32(0), k32(1), UpdateAny); err != nil {
		t.Errorf("Update from user space on a BPF_F_RDONLY_PROG map: %v", err)
	}
}

func TestValuesLayout(t *testing.T) {
	for _, tt := range []struct {
		spec Spec
		size int
	}{
		{Spec{Type: Array, KeySize: 4, ValueSize: 5, MaxEntries: 3}, 3 * 8},
		{Spec{Type: PerCPUArray, KeySize: 4, ValueSize: 16, MaxEntries: 2}, 2 * 16},
		{Spec{Type: Hash, KeySize: 4, ValueSize: 12, MaxEntries: 10}, 10 * 16},
		{Spec{Type: LRUPerCPUHash, KeySize: 4, ValueSize: 1, MaxEntries: 4}, 4 * 8},
		{Spec{Type: RingBuf, MaxEntries: 8192}, 8192},
		{Spec{Type: ProgArray, KeySize: 4, ValueSize: 4, MaxEntries: 4}, 0},
	} {
		m := mustNew(t, tt.spec)
		v := m.Values()
		if len(v) != tt.size {
			t.Errorf("%v: len(Values()) = %d, want %d", tt.spec.Type, len(v), tt.size)
		}
		if len(v) > 0 && uintptrOf(v)%8 != 0 {
			t.Errorf("%v: Values() not 8-byte aligned", tt.spec.Type)
		}
	}
}

func TestTypeString(t *testing.T) {
	for typ, want := range map[Type]string{
		Hash: "hash", Array: "array", ProgArray: "prog_array", PerCPUHash: "percpu_hash",
		PerCPUArray: "percpu_array", LRUHash: "lru_hash", LRUPerCPUHash: "lru_percpu_hash",
		RingBuf: "ringbuf", 99: "Type(99)",
	} {
		if got := typ.String(); got != want {
			t.Errorf("Type(%d).String() = %q, want %q", uint32(typ), got, want)
		}
	}
}
