// This file implements benchmarks of the engine API, the path programs
// take: lookups, updates and ring buffer output should not allocate.

package maps

import "testing"

func BenchmarkLookupOffset(b *testing.B) {
	for _, typ := range []Type{Array, Hash, LRUHash} {
		b.Run(typ.String(), func(b *testing.B) {
			m := mustNew(b, Spec{Name: "b", Type: typ, KeySize: 4, ValueSize: 8, MaxEntries: 1024})
			for i := uint32(0); i < 1024; i++ {
				m.Update(k32(i), v64(uint64(i)), UpdateAny)
			}
			keys := make([][]byte, 1024)
			for i := range keys {
				keys[i] = k32(uint32(i))
			}
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if _, ok := m.LookupOffset(keys[i&1023]); !ok {
					b.Fatal("miss")
				}
			}
		})
	}
}

func BenchmarkUpdateElemExisting(b *testing.B) {
	m := mustNew(b, Spec{Name: "b", Type: Hash, KeySize: 4, ValueSize: 8, MaxEntries: 1024})
	key, val := k32(7), v64(1)
	m.UpdateElem(key, val, 0)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if err := m.UpdateElem(key, val, 0); err != nil {
			b.Fatal(err)
		}
	}
}

func BenchmarkRingOutput(b *testing.B) {
	m := mustNew(b, Spec{Name: "b", Type: RingBuf, MaxEntries: 1 << 16})
	rec := make([]byte, 64)
	b.ReportAllocs()
	for i := 0; i < b.N; i++ {
		if m.Output(rec) != nil {
			b.Fatal("full")
		}
		m.ring.mu.Lock() // consume without copying
		m.ring.cons = m.ring.prod
		m.ring.recs, m.ring.head, m.ring.ready = m.ring.recs[:0], 0, 0
		m.ring.mu.Unlock()
	}
}
