// This file implements small helpers shared by the package's tests.

package maps

import (
	"encoding/binary"
	"testing"
	"unsafe"
)

// k32 is a 4-byte little-endian key or value.
func k32(i uint32) []byte { return binary.LittleEndian.AppendUint32(nil, i) }

// v64 is an 8-byte little-endian value.
func v64(v uint64) []byte { return binary.LittleEndian.AppendUint64(nil, v) }

func mustNew(t testing.TB, s Spec) *Map {
	t.Helper()
	m, err := New(s)
	if err != nil {
		t.Fatalf("New(%+v): %v", s, err)
	}
	return m
}

// keys returns every key NextKey visits from nil, failing on a loop.
func keys(t testing.TB, m *Map) [][]byte {
	t.Helper()
	var out [][]byte
	var k []byte
	for {
		next, err := m.NextKey(k)
		if err != nil {
			if Errno(err) != -2 {
				t.Fatalf("NextKey(%x): %v", k, err)
			}
			return out
		}
		out = append(out, next)
		if len(out) > int(m.Spec().MaxEntries)+1 {
			t.Fatalf("NextKey visits more than MaxEntries keys")
		}
		k = next
	}
}

// uintptrOf is the address of b's first byte, to check alignment.
func uintptrOf(b []byte) uintptr { return uintptr(unsafe.Pointer(unsafe.SliceData(b))) }
