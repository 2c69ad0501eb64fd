// This file implements the tests of the hash tables (hash.go), mirroring
// the kernel's htab_map_* behaviour.

package maps

import (
	"bytes"
	"encoding/binary"
	"errors"
	"math/rand/v2"
	"testing"
)

func TestHashUpdateSequence(t *testing.T) {
	for _, typ := range []Type{Hash, PerCPUHash} {
		t.Run(typ.String(), func(t *testing.T) {
			m := mustNew(t, Spec{Name: "h", Type: typ, KeySize: 4, ValueSize: 8, MaxEntries: 2})
			steps := []struct {
				desc  string
				op    string // "update", "delete", "lookup"
				key   uint32
				val   uint64
				flags UpdateFlags
				err   error
			}{
				{"create k1", "update", 1, 10, UpdateNoExist, nil},
				{"noexist on k1", "update", 1, 11, UpdateNoExist, ErrKeyExist},
				{"k1 kept", "lookup", 1, 10, 0, nil},
				{"exist on missing k2", "update", 2, 20, UpdateExist, ErrKeyNotExist},
				{"create k2", "update", 2, 20, UpdateAny, nil},
				{"k3 in a full map", "update", 3, 30, UpdateAny, ErrFull},
				{"k3 noexist in a full map", "update", 3, 30, UpdateNoExist, ErrFull},
				{"overwrite k1 in a full map", "update", 1, 12, UpdateAny, nil},
				{"exist on k1", "update", 1, 13, UpdateExist, nil},
				{"k1 overwritten", "lookup", 1, 13, 0, nil},
				{"noexist|exist", "update", 1, 0, UpdateNoExist | UpdateExist, ErrInvalid},
				{"unknown flag", "update", 1, 0, 8, ErrInvalid},
				{"lock without a spin lock", "update", 1, 0, UpdateLock, ErrInvalid},
				{"delete missing k3", "delete", 3, 0, 0, ErrKeyNotExist},
				{"delete k2", "delete", 2, 0, 0, nil},
				{"k2 gone", "lookup", 2, 0, 0, ErrKeyNotExist},
				{"k3 fits now", "update", 3, 30, UpdateAny, nil},
				{"k3", "lookup", 3, 30, 0, nil},
			}
			for _, s := range steps {
				var err error
				switch s.op {
				case "update":
					err = m.Update(k32(s.key), v64(s.val), s.flags)
				case "delete":
					err = m.Delete(k32(s.key))
				case "lookup":
					var v []byte
					v, err = m.Lookup(k32(s.key))
					if err == nil && binary.LittleEndian.Uint64(v) != s.val {
						t.Errorf("%s: value %d, want %d", s.desc, binary.LittleEndian.Uint64(v), s.val)
					}
				}
				if !errors.Is(err, s.err) || (err == nil) != (s.err == nil) {
					t.Errorf("%s: %v, want %v", s.desc, err, s.err)
				}
			}
			if m.Len() != 2 {
				t.Errorf("Len = %d, want 2", m.Len())
			}
		})
	}
}

func TestHashEngineAPI(t *testing.T) {
	m := mustNew(t, Spec{Name: "h", Type: Hash, KeySize: 2, ValueSize: 5, MaxEntries: 4})
	if err := m.UpdateElem([]byte("ab"), []byte("01234"), 0); err != nil {
		t.Fatal(err)
	}
	off, ok := m.LookupOffset([]byte("ab"))
	if !ok || off%8 != 0 || !bytes.Equal(m.Values()[off:off+5], []byte("01234")) {
		t.Fatalf("LookupOffset = %d, %v", off, ok)
	}
	// A program writes through its pointer; the user sees it.
	m.Values()[off] = 'X'
	if v, _ := m.Lookup([]byte("ab")); string(v) != "X1234" {
		t.Errorf("Lookup after a program store = %q", v)
	}
	// Overwriting keeps the slot (in place).
	if err := m.UpdateElem([]byte("ab"), []byte("56789"), uint64(UpdateExist)); err != nil {
		t.Fatal(err)
	}
	if off2, _ := m.LookupOffset([]byte("ab")); off2 != off {
		t.Errorf("overwrite moved the value from %d to %d", off, off2)
	}
	// Errors from the engine API are the bare sentinels.
	if err := m.UpdateElem([]byte("ab"), []byte("56789"), uint64(UpdateNoExist)); err != ErrKeyExist {
		t.Errorf("UpdateElem(NOEXIST) = %v, want the bare ErrKeyExist", err)
	}
	if err := m.DeleteElem([]byte("zz")); err != ErrKeyNotExist {
		t.Errorf("DeleteElem(missing) = %v", err)
	}
	// A deleted element's slot is reused by the next insert; the old
	// offset stays valid memory.
	if err := m.DeleteElem([]byte("ab")); err != nil {
		t.Fatal(err)
	}
	if _, ok := m.LookupOffset([]byte("ab")); ok {
		t.Error("deleted key found")
	}
	_ = m.Values()[off] // still ours
	if err := m.UpdateElem([]byte("cd"), []byte("aaaaa"), 0); err != nil {
		t.Fatal(err)
	}
	if off3, _ := m.LookupOffset([]byte("cd")); off3 != off {
		t.Errorf("new key at %d, want the freed slot %d", off3, off)
	}
}

func TestHashFillEveryEntry(t *testing.T) {
	const n = 1000
	m := mustNew(t, Spec{Name: "h", Type: Hash, KeySize: 4, ValueSize: 4, MaxEntries: n})
	offs := map[uint32]bool{}
	for i := uint32(0); i < n; i++ {
		if err := m.Update(k32(i), k32(i), UpdateNoExist); err != nil {
			t.Fatalf("Update(%d): %v", i, err)
		}
		off, _ := m.LookupOffset(k32(i))
		if offs[off] || off >= uint32(len(m.Values())) {
			t.Fatalf("key %d at offset %d: reused or out of range", i, off)
		}
		offs[off] = true
	}
	if err := m.Update(k32(n), k32(n), UpdateAny); !errors.Is(err, ErrFull) || Errno(err) != -7 {
		t.Errorf("Update into a full map: %v (errno %d)", err, Errno(err))
	}
}

func TestHashNextKeyEveryKeyOnce(t *testing.T) {
	rng := rand.New(rand.NewPCG(1, 2))
	m := mustNew(t, Spec{Name: "h", Type: Hash, KeySize: 8, ValueSize: 8, MaxEntries: 500})
	want := map[uint64]bool{}
	for round := 0; round < 5; round++ {
		for i := 0; i < 300; i++ {
			k := rng.Uint64N(1000)
			if rng.IntN(3) == 0 {
				if m.Delete(v64(k)) == nil {
					delete(want, k)
				}
			} else if m.Update(v64(k), v64(k), UpdateAny) == nil {
				want[k] = true
			}
		}
		got := keys(t, m)
		seen := map[uint64]bool{}
		for _, k := range got {
			x := binary.LittleEndian.Uint64(k)
			if seen[x] {
				t.Fatalf("round %d: key %d visited twice", round, x)
			}
			seen[x] = true
			if !want[x] {
				t.Fatalf("round %d: key %d visited but not in the map", round, x)
			}
		}
		if len(seen) != len(want) || m.Len() != len(want) {
			t.Fatalf("round %d: visited %d keys, Len %d, want %d", round, len(seen), m.Len(), len(want))
		}
	}
	// The order is stable while the map is unmodified.
	a, b := keys(t, m), keys(t, m)
	for i := range a {
		if !bytes.Equal(a[i], b[i]) {
			t.Fatalf("iteration order changed at %d", i)
		}
	}
	// A key not in the map starts over, as htab_map_get_next_key does.
	first, _ := m.NextKey(nil)
	if k, err := m.NextKey(v64(5000)); err != nil || !bytes.Equal(k, first) {
		t.Errorf("NextKey(missing) = %x, %v; want the first key %x", k, err, first)
	}
}

func TestHashNextKeyEmpty(t *testing.T) {
	m := mustNew(t, Spec{Name: "h", Type: Hash, KeySize: 4, ValueSize: 4, MaxEntries: 4})
	if _, err := m.NextKey(nil); !errors.Is(err, ErrKeyNotExist) {
		t.Errorf("NextKey on an empty map: %v", err)
	}
	if _, err := m.NextKey([]byte{1}); !errors.Is(err, ErrInvalid) {
		t.Errorf("NextKey with a short key: %v", err)
	}
}

// The usual way to drain a map from user space: read the next key, then
// delete the current one.
func TestHashDeleteWhileIterating(t *testing.T) {
	m := mustNew(t, Spec{Name: "h", Type: Hash, KeySize: 4, ValueSize: 4, MaxEntries: 64})
	for i := uint32(0); i < 50; i++ {
		m.Update(k32(i), k32(i), UpdateAny)
	}
	var k []byte
	n := 0
	for {
		next, err := m.NextKey(k)
		if err != nil {
			break
		}
		if k != nil {
			if err := m.Delete(k); err != nil {
				t.Fatal(err)
			}
		}
		k = next
		n++
	}
	m.Delete(k)
	if n != 50 || m.Len() != 0 {
		t.Errorf("visited %d, %d left", n, m.Len())
	}
}

func TestHashForEach(t *testing.T) {
	m := mustNew(t, Spec{Name: "h", Type: Hash, KeySize: 4, ValueSize: 8, MaxEntries: 100})
	for i := uint32(0); i < 40; i++ {
		m.Update(k32(i), v64(uint64(i)*3), UpdateAny)
	}
	seen := map[uint32]int{}
	// The callback deletes odd keys, including the one it was given, as a
	// program's callback may.
	n := m.ForEach(func(key []byte, off uint32) bool {
		i := binary.LittleEndian.Uint32(key)
		seen[i]++
		if v := binary.LittleEndian.Uint64(m.Values()[off:]); v != uint64(i)*3 {
			t.Errorf("key %d: value %d", i, v)
		}
		if i%2 == 1 {
			if err := m.DeleteElem(key); err != nil {
				t.Errorf("DeleteElem(%d) in the callback: %v", i, err)
			}
		}
		return false
	})
	if n != 40 || len(seen) != 40 {
		t.Errorf("ForEach visited %d (%d distinct), want 40", n, len(seen))
	}
	if m.Len() != 20 {
		t.Errorf("Len = %d after deleting the odd keys, want 20", m.Len())
	}
	if n := m.ForEach(func([]byte, uint32) bool { return true }); n != 1 {
		t.Errorf("ForEach stopping at once visited %d", n)
	}
}

func TestPerCPUHashRefusesLock(t *testing.T) {
	m := mustNew(t, Spec{Name: "p", Type: PerCPUHash, KeySize: 4, ValueSize: 8, MaxEntries: 1})
	if err := m.UpdateElem(k32(1), v64(1), uint64(UpdateLock)); !errors.Is(err, ErrInvalid) {
		t.Errorf("UpdateElem with BPF_F_LOCK: %v, want ErrInvalid", err)
	}
}
