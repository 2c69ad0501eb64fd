// This file implements the tests of arrays and per-CPU arrays (array.go),
// mirroring the kernel's array_map_* behaviour.

package maps

import (
	"bytes"
	"errors"
	"testing"
)

func TestArrayUpdateLookup(t *testing.T) {
	for _, typ := range []Type{Array, PerCPUArray} {
		t.Run(typ.String(), func(t *testing.T) {
			m := mustNew(t, Spec{Name: "a", Type: typ, KeySize: 4, ValueSize: 12, MaxEntries: 4})
			val := []byte("hello world!")
			tests := []struct {
				desc  string
				key   []byte
				value []byte
				flags UpdateFlags
				err   error
			}{
				{"any", k32(1), val, UpdateAny, nil},
				{"exist: every index exists", k32(2), val, UpdateExist, nil},
				{"noexist: every index exists", k32(0), val, UpdateNoExist, ErrKeyExist},
				{"index = max_entries", k32(4), val, UpdateAny, ErrFull},
				{"index out of range beats noexist", k32(9), val, UpdateNoExist, ErrFull},
				{"noexist|exist", k32(0), val, UpdateNoExist | UpdateExist, ErrInvalid},
				{"unknown flag", k32(0), val, 8, ErrInvalid},
				{"lock without a spin lock", k32(0), val, UpdateLock, ErrInvalid},
				{"short key", []byte{1, 0}, val, UpdateAny, ErrInvalid},
				{"short value", k32(0), val[:4], UpdateAny, ErrInvalid},
			}
			for _, tt := range tests {
				err := m.Update(tt.key, tt.value, tt.flags)
				if !errors.Is(err, tt.err) || (tt.err == nil) != (err == nil) {
					t.Errorf("%s: Update: %v, want %v", tt.desc, err, tt.err)
				}
				err = m.UpdateElem(tt.key, tt.value, uint64(tt.flags))
				if !errors.Is(err, tt.err) || (tt.err == nil) != (err == nil) {
					t.Errorf("%s: UpdateElem: %v, want %v", tt.desc, err, tt.err)
				}
			}
			for i, want := range [][]byte{make([]byte, 12), val, val, make([]byte, 12)} {
				got, err := m.Lookup(k32(uint32(i)))
				if err != nil || !bytes.Equal(got, want) {
					t.Errorf("Lookup(%d) = %q, %v; want %q", i, got, err, want)
				}
				off, ok := m.LookupOffset(k32(uint32(i)))
				if !ok || off != uint32(i)*16 {
					t.Errorf("LookupOffset(%d) = %d, %v; want %d", i, off, ok, i*16)
				}
				if !bytes.Equal(m.Values()[off:off+12], want) {
					t.Errorf("Values()[%d:] = %q", off, m.Values()[off:off+12])
				}
			}
			if _, err := m.Lookup(k32(4)); !errors.Is(err, ErrKeyNotExist) {
				t.Errorf("Lookup(4): %v, want ErrKeyNotExist", err)
			}
			if _, ok := m.LookupOffset(k32(4)); ok {
				t.Error("LookupOffset(max_entries) hit")
			}
			if _, ok := m.LookupOffset([]byte{0}); ok {
				t.Error("LookupOffset(short key) hit")
			}
			err := m.Delete(k32(1))
			if !errors.Is(err, ErrNotSupported) || Errno(err) != -22 {
				t.Errorf("Delete: %v (errno %d), want ErrNotSupported with EINVAL", err, Errno(err))
			}
			if err := m.DeleteElem(k32(1)); Errno(err) != -22 {
				t.Errorf("DeleteElem: %v, want EINVAL", err)
			}
			if m.Len() != 4 {
				t.Errorf("Len = %d, want 4", m.Len())
			}
		})
	}
}

func TestPerCPUArrayRefusesLock(t *testing.T) {
	m := mustNew(t, Spec{Name: "p", Type: PerCPUArray, KeySize: 4, ValueSize: 8, MaxEntries: 1})
	// bpf_percpu_array_update: flags > BPF_EXIST is EINVAL, before the index.
	if err := m.UpdateElem(k32(7), v64(1), uint64(UpdateLock)); !errors.Is(err, ErrInvalid) {
		t.Errorf("UpdateElem with BPF_F_LOCK: %v, want ErrInvalid", err)
	}
}

func TestArrayNextKey(t *testing.T) {
	m := mustNew(t, Spec{Name: "a", Type: Array, KeySize: 4, ValueSize: 4, MaxEntries: 3})
	for _, tt := range []struct {
		key  []byte
		next []byte
		err  error
	}{
		{nil, k32(0), nil},
		{k32(0), k32(1), nil},
		{k32(1), k32(2), nil},
		{k32(2), nil, ErrKeyNotExist},
		{k32(3), k32(0), nil}, // out of range: start over, as the kernel does
		{k32(1 << 31), k32(0), nil},
		{[]byte{1}, nil, ErrInvalid},
	} {
		next, err := m.NextKey(tt.key)
		if !errors.Is(err, tt.err) || (err == nil) != (tt.err == nil) || !bytes.Equal(next, tt.next) {
			t.Errorf("NextKey(%x) = %x, %v; want %x, %v", tt.key, next, err, tt.next, tt.err)
		}
	}
	if got := keys(t, m); len(got) != 3 {
		t.Errorf("iteration visits %d keys, want 3", len(got))
	}
}

func TestArrayForEach(t *testing.T) {
	m := mustNew(t, Spec{Name: "a", Type: Array, KeySize: 4, ValueSize: 8, MaxEntries: 5})
	var seen []uint32
	n := m.ForEach(func(key []byte, off uint32) bool {
		i := uint32(key[0])
		if off != i*8 {
			t.Errorf("key %d at offset %d", i, off)
		}
		seen = append(seen, i)
		return false
	})
	if n != 5 || len(seen) != 5 {
		t.Errorf("ForEach visited %d (%v), want 5", n, seen)
	}
	// Stopping counts the element that stopped, as bpf_for_each_map_elem.
	if n := m.ForEach(func(key []byte, _ uint32) bool { return key[0] == 1 }); n != 2 {
		t.Errorf("ForEach stopping at 1 visited %d, want 2", n)
	}
}

func TestArrayPermissions(t *testing.T) {
	ro := mustNew(t, Spec{Name: "ro", Type: Array, KeySize: 4, ValueSize: 4, MaxEntries: 1, Flags: FlagRdonly})
	if err := ro.Update(k32(0), k32(1), UpdateAny); !errors.Is(err, ErrPermission) {
		t.Errorf("Update on BPF_F_RDONLY: %v", err)
	}
	if err := ro.UpdateElem(k32(0), k32(1), 0); err != nil {
		t.Errorf("UpdateElem on BPF_F_RDONLY (programs may write): %v", err)
	}
	wo := mustNew(t, Spec{Name: "wo", Type: Array, KeySize: 4, ValueSize: 4, MaxEntries: 1, Flags: FlagWronly})
	if _, err := wo.Lookup(k32(0)); !errors.Is(err, ErrPermission) {
		t.Errorf("Lookup on BPF_F_WRONLY: %v", err)
	}
	if _, err := wo.NextKey(nil); !errors.Is(err, ErrPermission) {
		t.Errorf("NextKey on BPF_F_WRONLY: %v", err)
	}
	fr := mustNew(t, Spec{Name: "rodata", Type: Array, KeySize: 4, ValueSize: 4, MaxEntries: 1})
	if err := fr.Update(k32(0), k32(42), UpdateAny); err != nil {
		t.Fatal(err)
	}
	fr.Freeze()
	if err := fr.Update(k32(0), k32(1), UpdateAny); !errors.Is(err, ErrPermission) || !fr.Frozen() {
		t.Errorf("Update after Freeze: %v", err)
	}
	if v, err := fr.Lookup(k32(0)); err != nil || v[0] != 42 {
		t.Errorf("Lookup after Freeze: %v, %v", v, err)
	}
}
