// This file implements the tests of prog arrays (progarray.go).

package maps

import (
	"errors"
	"testing"
)

func TestProgArray(t *testing.T) {
	m := mustNew(t, Spec{Name: "jmp", Type: ProgArray, KeySize: 4, ValueSize: 4, MaxEntries: 4})
	type prog struct{ name string }
	p := &prog{"next"}
	if _, ok := m.Prog(0); ok {
		t.Error("empty slot has a program")
	}
	if err := m.SetProg(2, p); err != nil {
		t.Fatal(err)
	}
	if got, ok := m.Prog(2); !ok || got != p {
		t.Errorf("Prog(2) = %v, %v", got, ok)
	}
	if _, ok := m.Prog(4); ok {
		t.Error("Prog(max_entries) hit")
	}
	if err := m.SetProg(4, p); !errors.Is(err, ErrFull) || Errno(err) != -7 {
		t.Errorf("SetProg(max_entries): %v", err)
	}
	if err := m.DeleteProg(1); !errors.Is(err, ErrKeyNotExist) {
		t.Errorf("DeleteProg(empty): %v", err)
	}
	if err := m.DeleteProg(9); !errors.Is(err, ErrFull) {
		t.Errorf("DeleteProg(out of range): %v", err)
	}
	if err := m.Delete(k32(2)); err != nil {
		t.Errorf("Delete(2): %v", err)
	}
	if _, ok := m.Prog(2); ok {
		t.Error("deleted slot has a program")
	}
	m.SetProg(3, p)
	if err := m.SetProg(3, nil); err != nil {
		t.Fatal(err)
	}
	if _, ok := m.Prog(3); ok {
		t.Error("SetProg(nil) did not clear")
	}
	if _, err := m.Lookup(k32(0)); !errors.Is(err, ErrNotSupported) {
		t.Errorf("Lookup: %v", err)
	}
	if err := m.Update(k32(0), k32(0), UpdateAny); !errors.Is(err, ErrNotSupported) {
		t.Errorf("Update: %v", err)
	}
	if err := m.DeleteElem(k32(0)); err != ErrNotSupported {
		t.Errorf("DeleteElem: %v", err)
	}
	if got := keys(t, m); len(got) != 4 {
		t.Errorf("NextKey visits %d indexes, want all 4", len(got))
	}
	if len(m.Values()) != 0 || m.ForEach(func([]byte, uint32) bool { return false }) != 0 {
		t.Error("a prog array has values")
	}
	h := mustNew(t, Spec{Name: "h", Type: Hash, KeySize: 4, ValueSize: 4, MaxEntries: 1})
	if err := h.SetProg(0, p); !errors.Is(err, ErrNotSupported) {
		t.Errorf("SetProg on a hash: %v", err)
	}
	if _, ok := h.Prog(0); ok {
		t.Error("Prog on a hash hit")
	}
}
