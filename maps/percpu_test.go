// This file implements the tests of the per-CPU view (percpu.go).

package maps

import (
	"bytes"
	"errors"
	"testing"
)

func TestPerCPU(t *testing.T) {
	for _, typ := range []Type{PerCPUArray, PerCPUHash, LRUPerCPUHash} {
		t.Run(typ.String(), func(t *testing.T) {
			m := mustNew(t, Spec{Name: "pc", Type: typ, KeySize: 4, ValueSize: 6, MaxEntries: 2})
			if err := m.UpdatePerCPU(k32(1), [][]byte{[]byte("abcdef")}, UpdateAny); err != nil {
				t.Fatal(err)
			}
			vs, err := m.LookupPerCPU(k32(1))
			if err != nil || len(vs) != PossibleCPUs || string(vs[0]) != "abcdef" {
				t.Fatalf("LookupPerCPU = %q, %v", vs, err)
			}
			// Lookup is the one CPU's value, ValueSize bytes.
			if v, err := m.Lookup(k32(1)); err != nil || string(v) != "abcdef" {
				t.Errorf("Lookup = %q, %v", v, err)
			}
			off, ok := m.LookupPerCPUOffset(k32(1), 0)
			if !ok || !bytes.Equal(m.Values()[off:off+6], []byte("abcdef")) {
				t.Errorf("LookupPerCPUOffset(cpu 0) = %d, %v", off, ok)
			}
			if _, ok := m.LookupPerCPUOffset(k32(1), 1); ok {
				t.Error("LookupPerCPUOffset(cpu 1) hit; callx has one CPU")
			}
			if err := m.UpdatePerCPU(k32(1), [][]byte{[]byte("abcdef"), []byte("abcdef")}, UpdateAny); !errors.Is(err, ErrInvalid) {
				t.Errorf("UpdatePerCPU with two CPUs' values: %v", err)
			}
		})
	}
	m := mustNew(t, Spec{Name: "h", Type: Hash, KeySize: 4, ValueSize: 4, MaxEntries: 1})
	if _, err := m.LookupPerCPU(k32(0)); !errors.Is(err, ErrInvalid) {
		t.Errorf("LookupPerCPU on a hash: %v", err)
	}
	if err := m.UpdatePerCPU(k32(0), [][]byte{k32(0)}, 0); !errors.Is(err, ErrInvalid) {
		t.Errorf("UpdatePerCPU on a hash: %v", err)
	}
	if _, ok := m.LookupPerCPUOffset(k32(0), 0); ok {
		t.Error("LookupPerCPUOffset on a hash hit")
	}
}
