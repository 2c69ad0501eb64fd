// This file implements the package's examples.

package maps_test

import (
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/callx/callx/maps"
)

func key(i uint32) []byte { return binary.LittleEndian.AppendUint32(nil, i) }

func ExampleNew() {
	_, err := maps.New(maps.Spec{Name: "counts", Type: maps.Array, KeySize: 8, ValueSize: 8, MaxEntries: 16})
	fmt.Println(err)
	fmt.Println(maps.Errno(err))
	// Output:
	// map "counts": key size 8, want 4 for type array: invalid argument
	// -22
}

// A hash map used from user space: copies in and out, the kernel's flags
// and errors.
func ExampleMap_Update() {
	m, _ := maps.New(maps.Spec{Name: "flows", Type: maps.Hash, KeySize: 4, ValueSize: 8, MaxEntries: 2})
	m.Update(key(1), make([]byte, 8), maps.UpdateNoExist)
	m.Update(key(2), make([]byte, 8), maps.UpdateAny)
	err := m.Update(key(1), make([]byte, 8), maps.UpdateNoExist)
	fmt.Println(err, maps.Errno(err))
	err = m.Update(key(3), make([]byte, 8), maps.UpdateAny)
	fmt.Println(errors.Is(err, maps.ErrFull), maps.Errno(err))
	_, err = m.Lookup(key(3))
	fmt.Println(err)
	// Output:
	// map "flows": update: key already exists -17
	// true -7
	// map "flows": lookup: key does not exist
}

// What bpf_map_lookup_elem does in the engine: the value is an offset in
// the arena, which the program then reads and writes in place.
func ExampleMap_LookupOffset() {
	m, _ := maps.New(maps.Spec{Name: "stats", Type: maps.Array, KeySize: 4, ValueSize: 8, MaxEntries: 4})
	off, ok := m.LookupOffset(key(2))
	fmt.Println(off, ok)
	v := m.Values()[off : off+8]
	binary.LittleEndian.PutUint64(v, binary.LittleEndian.Uint64(v)+1) // (*value)++
	got, _ := m.Lookup(key(2))
	fmt.Println(binary.LittleEndian.Uint64(got))
	_, ok = m.LookupOffset(key(4))
	fmt.Println(ok)
	// Output:
	// 16 true
	// 1
	// false
}

func ExampleMap_NextKey() {
	m, _ := maps.New(maps.Spec{Name: "h", Type: maps.Hash, KeySize: 4, ValueSize: 4, MaxEntries: 8})
	for _, k := range []uint32{30, 10, 20} {
		m.Update(key(k), key(k*2), maps.UpdateAny)
	}
	sum := uint32(0)
	for k, err := m.NextKey(nil); err == nil; k, err = m.NextKey(k) {
		v, _ := m.Lookup(k)
		sum += binary.LittleEndian.Uint32(v)
	}
	fmt.Println(m.Len(), sum)
	// Output: 3 120
}

// A ring buffer: a program reserves, writes in place and submits; Go reads.
func ExampleMap_Reserve() {
	rb, _ := maps.New(maps.Spec{Name: "events", Type: maps.RingBuf, MaxEntries: 4096})
	off, ok := rb.Reserve(5)
	fmt.Println(off, ok) // after the 8-byte header
	copy(rb.Values()[off:], "hello")
	rb.Submit(off)

	off, _ = rb.Reserve(3)
	rb.Discard(off)
	rb.Output([]byte("world"))

	for rec, ok := rb.ReadRecord(); ok; rec, ok = rb.ReadRecord() {
		fmt.Printf("%s\n", rec)
	}
	// Output:
	// 8 true
	// hello
	// world
}

// LRU maps evict the least recently used element; a program's lookup
// counts as a use.
func ExampleMap_UpdateElem() {
	m, _ := maps.New(maps.Spec{Name: "lru", Type: maps.LRUHash, KeySize: 4, ValueSize: 4, MaxEntries: 2})
	m.UpdateElem(key(1), key(0), 0)
	m.UpdateElem(key(2), key(0), 0)
	m.LookupOffset(key(1))          // 1 is now the most recent
	m.UpdateElem(key(3), key(0), 0) // evicts 2
	for _, k := range []uint32{1, 2, 3} {
		_, ok := m.LookupOffset(key(k))
		fmt.Println(k, ok)
	}
	// Output:
	// 1 true
	// 2 false
	// 3 true
}

func ExampleMap_LookupPerCPU() {
	m, _ := maps.New(maps.Spec{Name: "pkts", Type: maps.PerCPUArray, KeySize: 4, ValueSize: 8, MaxEntries: 1})
	m.Update(key(0), binary.LittleEndian.AppendUint64(nil, 7), maps.UpdateAny)
	vs, _ := m.LookupPerCPU(key(0))
	fmt.Println(len(vs), binary.LittleEndian.Uint64(vs[0]))
	// Output: 1 7
}
