// This file implements the concurrency tests: many goroutines use every
// map type at once through both APIs; run them with -race.

package maps

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"math/rand/v2"
	"runtime"
	"sync"
	"testing"
)

const goroutines = 8

// valueFor is the only value ever stored under key k, so that any value
// read can be checked.
func valueFor(k uint32, size int) []byte {
	v := make([]byte, size)
	for i := range v {
		v[i] = byte(k*7 + uint32(i))
	}
	return v
}

func ops(t *testing.T) int {
	if testing.Short() {
		return 500
	}
	return 3000
}

func TestConcurrentMaps(t *testing.T) {
	for _, typ := range []Type{Array, PerCPUArray, Hash, PerCPUHash, LRUHash, LRUPerCPUHash} {
		t.Run(typ.String(), func(t *testing.T) {
			const max, vsize = 64, 12
			m := mustNew(t, Spec{Name: "c", Type: typ, KeySize: 4, ValueSize: vsize, MaxEntries: max})
			keyRange := uint32(2 * max) // half the keys do not fit
			if typ.isArray() {
				keyRange = max + 2 // and two are out of range
			}
			checkValue := func(k uint32, v []byte) {
				if !bytes.Equal(v, valueFor(k, vsize)) && !bytes.Equal(v, make([]byte, vsize)) {
					t.Errorf("key %d: value %x", k, v)
				}
			}
			n := ops(t)
			var wg sync.WaitGroup
			for g := 0; g < goroutines; g++ {
				wg.Add(1)
				go func(g int) {
					defer wg.Done()
					rng := rand.New(rand.NewPCG(uint64(g), 99))
					for i := 0; i < n; i++ {
						k := rng.Uint32N(keyRange)
						key := k32(k)
						switch rng.IntN(10) {
						case 0:
							m.Update(key, valueFor(k, vsize), UpdateFlags(rng.IntN(3)))
						case 1:
							m.UpdateElem(key, valueFor(k, vsize), uint64(rng.IntN(3)))
						case 2:
							m.Delete(key)
						case 3:
							m.DeleteElem(key)
						case 4, 5:
							if v, err := m.Lookup(key); err == nil {
								checkValue(k, v)
							}
						case 6:
							if off, ok := m.LookupOffset(key); ok && (off%8 != 0 || off >= uint32(len(m.Values()))) {
								t.Errorf("LookupOffset(%d) = %d", k, off)
							}
						case 7:
							// A full walk terminates; while others modify the
							// map it may see an element twice, never unboundedly.
							var cur []byte
							for steps := 0; ; steps++ {
								next, err := m.NextKey(cur)
								if err != nil {
									break
								}
								if steps > 4*max {
									t.Errorf("NextKey walk did not end")
									return
								}
								cur = next
							}
						case 8:
							m.ForEach(func(key []byte, off uint32) bool {
								if rng.IntN(8) == 0 {
									m.DeleteElem(key)
								}
								return rng.IntN(20) == 0
							})
						case 9:
							if l := m.Len(); l < 0 || l > max {
								t.Errorf("Len = %d", l)
							}
						}
					}
				}(g)
			}
			wg.Wait()
			// Quiescent: iteration sees every key once, values are right.
			ks := keys(t, m)
			if len(ks) != m.Len() {
				t.Errorf("NextKey visits %d keys, Len %d", len(ks), m.Len())
			}
			seen := map[string]bool{}
			for _, k := range ks {
				if seen[string(k)] {
					t.Errorf("key %x twice", k)
				}
				seen[string(k)] = true
				v, err := m.Lookup(k)
				if err != nil {
					t.Fatal(err)
				}
				checkValue(binary.LittleEndian.Uint32(k), v)
			}
			if h, ok := m.store.(*hashStore); ok {
				if err := h.invariants(); err != nil {
					t.Error(err)
				}
			}
		})
	}
}

// invariants checks the hash table's bookkeeping: the index, the slots'
// keys, the free list and the LRU list agree.
func (h *hashStore) invariants() error {
	h.mu.Lock()
	defer h.mu.Unlock()
	used := 0
	for s, k := range h.keys {
		if k == "" {
			continue
		}
		used++
		if got, ok := h.index[k]; !ok || got != uint32(s) {
			return fmt.Errorf("slot %d: key %x indexed at %d, %v", s, k, got, ok)
		}
	}
	if used != len(h.index) {
		return fmt.Errorf("%d used slots, %d indexed keys", used, len(h.index))
	}
	free := map[uint32]bool{}
	for _, s := range h.free {
		if free[s] || h.keys[s] != "" {
			return fmt.Errorf("free slot %d used or listed twice", s)
		}
		free[s] = true
	}
	if used+len(free) != len(h.keys) {
		return fmt.Errorf("%d used + %d free != %d slots", used, len(free), len(h.keys))
	}
	if h.lru != nil {
		n := 0
		prev := noSlot
		for s := h.lru.head; s != noSlot; s = h.lru.next[s] {
			if h.keys[s] == "" || h.lru.prev[s] != prev || n > len(h.keys) {
				return fmt.Errorf("LRU list broken at slot %d", s)
			}
			prev = s
			n++
		}
		if n != used || h.lru.tail != prev {
			return fmt.Errorf("LRU list has %d slots, %d used", n, used)
		}
	}
	return nil
}

func TestConcurrentProgArray(t *testing.T) {
	m := mustNew(t, Spec{Name: "jmp", Type: ProgArray, KeySize: 4, ValueSize: 4, MaxEntries: 8})
	progs := []string{"a", "b", "c"}
	var wg sync.WaitGroup
	for g := 0; g < goroutines; g++ {
		wg.Add(1)
		go func(g int) {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(g), 7))
			for i := 0; i < ops(t); i++ {
				idx := rng.Uint32N(9)
				switch rng.IntN(4) {
				case 0:
					m.SetProg(idx, &progs[rng.IntN(3)])
				case 1:
					m.DeleteProg(idx)
				default:
					if p, ok := m.Prog(idx); ok {
						if s := *p.(*string); s != "a" && s != "b" && s != "c" {
							t.Errorf("Prog(%d) = %q", idx, s)
						}
					}
				}
			}
		}(g)
	}
	wg.Wait()
}

// Producers reserve, write and submit (or discard, or Output) while a
// consumer reads: every submitted record arrives once, intact, and each
// producer's records in the order it reserved them.
func TestConcurrentRingBuf(t *testing.T) {
	m := newRing(t, 16384)
	const producers = 4
	perProducer := ops(t)
	var wg sync.WaitGroup
	var submitted [producers]int
	for p := 0; p < producers; p++ {
		wg.Add(1)
		go func(p int) {
			defer wg.Done()
			rng := rand.New(rand.NewPCG(uint64(p), 5))
			for seq := 0; seq < perProducer; {
				size := 8 + rng.IntN(300)
				rec := make([]byte, size)
				binary.LittleEndian.PutUint32(rec, uint32(p))
				binary.LittleEndian.PutUint32(rec[4:], uint32(seq))
				for i := 8; i < size; i++ {
					rec[i] = byte(p + seq + i)
				}
				switch rng.IntN(4) {
				case 0:
					if m.Output(rec) != nil {
						runtime.Gosched()
						continue
					}
					submitted[p]++
				case 1:
					off, ok := m.Reserve(uint32(size))
					if !ok {
						runtime.Gosched()
						continue
					}
					copy(m.Values()[off:], rec)
					m.Discard(off)
				default:
					off, ok := m.Reserve(uint32(size))
					if !ok {
						runtime.Gosched()
						continue
					}
					copy(m.Values()[off:], rec)
					m.Submit(off)
					submitted[p]++
				}
				seq++
			}
		}(p)
	}
	done, stop := make(chan struct{}), make(chan struct{})
	var received [producers]int
	last := [producers]int{-1, -1, -1, -1}
	go func() {
		defer close(done)
		check := func(rec []byte) {
			p, seq := int(binary.LittleEndian.Uint32(rec)), int(binary.LittleEndian.Uint32(rec[4:]))
			if p >= producers || seq <= last[p] {
				t.Errorf("record from %d seq %d after seq %d", p, seq, last[p])
				return
			}
			for i := 8; i < len(rec); i++ {
				if rec[i] != byte(p+seq+i) {
					t.Errorf("record %d/%d corrupt at byte %d", p, seq, i)
					return
				}
			}
			last[p] = seq
			received[p]++
		}
		for {
			rec, ok := m.ReadRecord()
			if ok {
				check(rec)
				continue
			}
			select {
			case <-stop:
				for rec, ok := m.ReadRecord(); ok; rec, ok = m.ReadRecord() {
					check(rec)
				}
				return
			default:
				runtime.Gosched()
			}
		}
	}()
	wg.Wait()
	close(stop)
	<-done
	if received != submitted {
		t.Errorf("received %v, submitted %v", received, submitted)
	}
	if m.RingQuery(RingAvailData) != 0 {
		t.Errorf("%d bytes left", m.RingQuery(RingAvailData))
	}
}
