// This file implements the tests of the LRU hash maps (lru.go, hash.go).

package maps

import (
	"errors"
	"fmt"
	"testing"
)

func TestLRUEvictionOrder(t *testing.T) {
	for _, typ := range []Type{LRUHash, LRUPerCPUHash} {
		t.Run(typ.String(), func(t *testing.T) {
			m := mustNew(t, Spec{Name: "lru", Type: typ, KeySize: 4, ValueSize: 4, MaxEntries: 3})
			present := func(want ...uint32) {
				t.Helper()
				got := map[uint32]bool{}
				for _, k := range keys(t, m) {
					got[uint32(k[0])] = true
				}
				if len(got) != len(want) {
					t.Fatalf("keys %v, want %v", got, want)
				}
				for _, k := range want {
					if !got[k] {
						t.Fatalf("keys %v, want %v", got, want)
					}
				}
			}
			up := func(k uint32) {
				t.Helper()
				if err := m.UpdateElem(k32(k), k32(k), 0); err != nil {
					t.Fatalf("UpdateElem(%d): %v", k, err)
				}
			}
			up(1)
			up(2)
			up(3) // MRU first: 3 2 1
			off1, _ := m.LookupOffset(k32(1))
			// That lookup made 1 the most recent: 1 3 2.
			up(4) // evicts 2: 4 1 3
			present(1, 3, 4)
			if off4, _ := m.LookupOffset(k32(4)); off4 == off1 {
				t.Fatal("4 took 1's slot")
			}
			m.LookupOffset(k32(3)) // 3 4 1
			up(5)                  // evicts 1: 5 3 4
			present(3, 4, 5)
			if _, err := m.Lookup(k32(4)); err != nil { // user space: no mark
				t.Fatal(err)
			}
			m.ForEach(func([]byte, uint32) bool { return false }) // no mark either
			up(6)                                                 // evicts 4: 6 5 3
			present(3, 5, 6)
			if err := m.Update(k32(3), k32(33), UpdateExist); err != nil { // 3 6 5
				t.Fatal(err)
			}
			up(7) // evicts 5: 7 3 6
			present(3, 6, 7)
			if err := m.Delete(k32(6)); err != nil { // 7 3
				t.Fatal(err)
			}
			up(8) // room: 8 7 3
			present(3, 7, 8)
			up(9) // evicts 3
			present(7, 8, 9)
			if m.Len() != 3 {
				t.Errorf("Len = %d", m.Len())
			}
		})
	}
}

func TestLRUFlags(t *testing.T) {
	m := mustNew(t, Spec{Name: "lru", Type: LRUHash, KeySize: 4, ValueSize: 4, MaxEntries: 2})
	for _, tt := range []struct {
		key   uint32
		flags UpdateFlags
		err   error
	}{
		{1, UpdateNoExist, nil},
		{1, UpdateNoExist, ErrKeyExist},
		{2, UpdateExist, ErrKeyNotExist},
		{1, UpdateLock, ErrInvalid},
		{1, UpdateNoExist | UpdateExist, ErrInvalid},
		{2, UpdateAny, nil},
		{3, UpdateNoExist, nil}, // full: evicts, never E2BIG
		{4, UpdateAny, nil},
	} {
		err := m.UpdateElem(k32(tt.key), k32(tt.key), uint64(tt.flags))
		if !errors.Is(err, tt.err) || (err == nil) != (tt.err == nil) {
			t.Errorf("UpdateElem(%d, %d): %v, want %v", tt.key, tt.flags, err, tt.err)
		}
	}
	if _, err := m.Lookup(k32(1)); !errors.Is(err, ErrKeyNotExist) {
		t.Errorf("1 not evicted: %v", err)
	}
}

// A long random run against a reference model of exact LRU.
func TestLRUModel(t *testing.T) {
	const max = 8
	m := mustNew(t, Spec{Name: "lru", Type: LRUHash, KeySize: 4, ValueSize: 4, MaxEntries: max})
	var order []uint32 // most recent first
	touch := func(k uint32) {
		for i, x := range order {
			if x == k {
				order = append(order[:i], order[i+1:]...)
				break
			}
		}
		order = append([]uint32{k}, order...)
	}
	has := func(k uint32) bool {
		for _, x := range order {
			if x == k {
				return true
			}
		}
		return false
	}
	seed := uint32(7)
	for step := 0; step < 5000; step++ {
		seed = seed*1664525 + 1013904223
		k := seed >> 28 // 16 keys
		switch (seed >> 8) % 3 {
		case 0:
			_, ok := m.LookupOffset(k32(k))
			if ok != has(k) {
				t.Fatalf("step %d: lookup %d = %v, model %v", step, k, ok, has(k))
			}
			if ok {
				touch(k)
			}
		case 1:
			if err := m.UpdateElem(k32(k), k32(k), 0); err != nil {
				t.Fatal(err)
			}
			if !has(k) && len(order) == max {
				order = order[:max-1]
			}
			touch(k)
		case 2:
			err := m.DeleteElem(k32(k))
			if (err == nil) != has(k) {
				t.Fatalf("step %d: delete %d = %v, model %v", step, k, err, has(k))
			}
			for i, x := range order {
				if x == k {
					order = append(order[:i], order[i+1:]...)
					break
				}
			}
		}
		if m.Len() != len(order) {
			t.Fatalf("step %d: Len %d, model %d (%s)", step, m.Len(), len(order), fmt.Sprint(order))
		}
	}
}
