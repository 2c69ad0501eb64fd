package vm

import (
	"encoding/binary"
	"testing"

	"github.com/callx/callx/asm"
	"github.com/callx/callx/maps"
)

func newMap(t *testing.T, spec maps.Spec) *maps.Map {
	t.Helper()
	m, err := maps.New(spec)
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func loadWithMaps(t *testing.T, src string, ms ...*maps.Map) *Program {
	t.Helper()
	insns, err := asm.Assemble([]byte(src), t.Name())
	if err != nil {
		t.Fatal(err)
	}
	p, err := Load(insns, Options{Maps: ms})
	if err != nil {
		t.Fatal(err)
	}
	return p
}

func u32key(k uint32) []byte { return binary.LittleEndian.AppendUint32(nil, k) }

// TestMapLookupUpdate: a counter in an array map, incremented through the
// pointer map_lookup_elem returns, and a hash map updated by the program.
func TestMapLookupUpdate(t *testing.T) {
	counts := newMap(t, maps.Spec{Name: "counts", Type: maps.Array, KeySize: 4, ValueSize: 8, MaxEntries: 4})
	seen := newMap(t, maps.Spec{Name: "seen", Type: maps.Hash, KeySize: 4, ValueSize: 8, MaxEntries: 16})
	p := loadWithMaps(t, `
		w6 = 2
		*(u32 *)(r10 - 4) = r6
		r1 = map_idx(0) ll       // counts
		r2 = r10
		r2 += -4
		call 1                   // map_lookup_elem
		if r0 == 0 goto out
		r1 = 1
		lock *(u64 *)(r0 + 0) += r1
		r7 = *(u64 *)(r0 + 0)
		*(u64 *)(r10 - 16) = r7
		r1 = map_idx(1) ll       // seen
		r2 = r10
		r2 += -4
		r3 = r10
		r3 += -16
		r4 = 0
		call 2                   // map_update_elem
	out:
		exit`, counts, seen)
	m := p.NewMachine()
	for range 3 {
		if ret, err := m.RunRaw(nil); err != nil || ret != 0 {
			t.Fatalf("run: %d, %v", ret, err)
		}
	}
	v, err := counts.Lookup(u32key(2))
	if err != nil || binary.LittleEndian.Uint64(v) != 3 {
		t.Errorf("counts[2] = %x, %v; want 3", v, err)
	}
	v, err = seen.Lookup(u32key(2))
	if err != nil || binary.LittleEndian.Uint64(v) != 3 {
		t.Errorf("seen[2] = %x, %v; want 3", v, err)
	}
}

// TestReadOnlyMap: a program cannot write a frozen .rodata-style map.
func TestReadOnlyMap(t *testing.T) {
	ro := newMap(t, maps.Spec{Name: ".rodata", Type: maps.Array, KeySize: 4, ValueSize: 8, MaxEntries: 1, ReadOnly: true})
	p := loadWithMaps(t, `
		r1 = map_idx_value(0, 0) ll
		r2 = 1
		*(u64 *)(r1 + 0) = r2
		r0 = 0
		exit`, ro)
	if _, err := p.NewMachine().RunRaw(nil); err == nil {
		t.Fatal("a store into a read-only map ran")
	}
}

// TestLoopCallback: bpf_loop runs a callback that sums into the caller's stack.
func TestLoopCallback(t *testing.T) {
	p := loadWithMaps(t, `
		r1 = 0
		*(u64 *)(r10 - 8) = r1
		r1 = 10                 // nr_loops
		r2 = add ll             // callback
		r3 = r10
		r3 += -8                // callback_ctx
		r4 = 0
		call 181                // bpf_loop
		r6 = r0
		r0 = *(u64 *)(r10 - 8)
		r0 <<= 8
		r0 |= r6
		exit
	add:                            // (u32 index, void *ctx)
		r3 = *(u64 *)(r2 + 0)
		r3 += r1
		*(u64 *)(r2 + 0) = r3
		r0 = 0
		exit`)
	ret, err := p.NewMachine().RunRaw(nil)
	if err != nil {
		t.Fatal(err)
	}
	if ret != 45<<8|10 {
		t.Errorf("got sum %d after %d calls, want 45 after 10", ret>>8, ret&0xff)
	}
}

// TestForEachMapElem sums an array's values in a callback that stops at key 2.
func TestForEachMapElem(t *testing.T) {
	arr := newMap(t, maps.Spec{Name: "arr", Type: maps.Array, KeySize: 4, ValueSize: 8, MaxEntries: 4})
	for k := range uint32(4) {
		arr.Update(u32key(k), binary.LittleEndian.AppendUint64(nil, uint64(k+1)*10), maps.UpdateAny)
	}
	p := loadWithMaps(t, `
		r1 = 0
		*(u64 *)(r10 - 8) = r1
		r1 = map_idx(0) ll
		r2 = sum ll
		r3 = r10
		r3 += -8
		r4 = 0
		call 164
		r6 = r0
		r0 = *(u64 *)(r10 - 8)
		r0 <<= 8
		r0 |= r6
		exit
	sum:                            // (map, key, value, ctx)
		r5 = *(u64 *)(r3 + 0)
		r1 = *(u64 *)(r4 + 0)
		r1 += r5
		*(u64 *)(r4 + 0) = r1
		r0 = 0
		r2 = *(u32 *)(r2 + 0)
		if r2 != 2 goto +1
		r0 = 1
		exit`, arr)
	ret, err := p.NewMachine().RunRaw(nil)
	if err != nil {
		t.Fatal(err)
	}
	if ret != 60<<8|3 {
		t.Errorf("got sum %d over %d elements, want 60 over 3", ret>>8, ret&0xff)
	}
}

// TestTailCall: the program in the prog array replaces the caller; a
// missing entry falls through.
func TestTailCall(t *testing.T) {
	jmp := newMap(t, maps.Spec{Name: "jmp", Type: maps.ProgArray, KeySize: 4, ValueSize: 4, MaxEntries: 4})
	caller := loadWithMaps(t, `
		r6 = r1
		r1 = r6
		r2 = map_idx(0) ll
		r3 = 3                  // empty: falls through
		call 12
		r1 = r6
		r2 = map_idx(0) ll
		r3 = 1
		call 12
		r0 = 1
		exit`, jmp)
	callee := loadWithMaps(t, `
		r0 = 77
		exit`, jmp)
	if err := jmp.SetProg(1, callee); err != nil {
		t.Fatal(err)
	}
	ret, err := caller.NewMachine().RunRaw(nil)
	if err != nil || ret != 77 {
		t.Fatalf("got %d, %v; want 77", ret, err)
	}
	jmp.DeleteProg(1)
	if ret, err := caller.NewMachine().RunRaw(nil); err != nil || ret != 1 {
		t.Fatalf("with the entry deleted: got %d, %v; want 1", ret, err)
	}
}

// TestTailCallLimit: a program that tail-calls itself stops after 33.
func TestTailCallLimit(t *testing.T) {
	jmp := newMap(t, maps.Spec{Name: "jmp", Type: maps.ProgArray, KeySize: 4, ValueSize: 4, MaxEntries: 1})
	self := loadWithMaps(t, `
		r2 = map_idx(0) ll
		r3 = 0
		call 12
		r0 = 5
		exit`, jmp)
	jmp.SetProg(0, self)
	m := self.NewMachine()
	ret, err := m.RunRaw(nil)
	if err != nil || ret != 5 {
		t.Fatalf("got %d, %v; want 5", ret, err)
	}
	if got, want := m.Executed(), int64(34*3+2); got != want {
		t.Errorf("executed %d instructions, want %d (34 entries of 3, then 2)", got, want)
	}
}

// TestFunctionPointerInMap: a function value stored in a map (as the
// loader does for function pointers in global data) is called with callx.
func TestFunctionPointerInMap(t *testing.T) {
	data := newMap(t, maps.Spec{Name: ".data", Type: maps.Array, KeySize: 4, ValueSize: 16, MaxEntries: 1})
	value := make([]byte, 16)
	binary.LittleEndian.PutUint64(value[8:], FuncValue(1)) // function 1: the second function
	data.Update(u32key(0), value, maps.UpdateAny)
	src := `
		r1 = map_idx_value(0, 8) ll
		r2 = *(u64 *)(r1 + 0)
		if r2 == 0 goto out
		r1 = 20
		callx r2
		exit
	out:
		r0 = 0
		exit
	triple:
		r0 = r1
		r0 *= 3
		exit`
	insns, err := asm.Assemble([]byte(src), t.Name())
	if err != nil {
		t.Fatal(err)
	}
	// Nothing in the code refers to triple: only Funcs says it is a function.
	p, err := Load(insns, Options{Maps: []*maps.Map{data}, Funcs: []Func{{ID: 0, Slot: 0}, {ID: 1, Slot: 9}}})
	if err != nil {
		t.Fatal(err)
	}
	ret, err := p.NewMachine().RunRaw(nil)
	if err != nil || ret != 60 {
		t.Fatalf("got %d, %v; want 60", ret, err)
	}
}

// TestLoopInlined covers the inlined bpf_loop's edges: a callback that
// stops early, nested loops, zero loops, bad flags, too many loops.
func TestLoopInlined(t *testing.T) {
	tests := []struct {
		desc string
		src  string
		want uint64
	}{
		{"stop at index 3: four calls", `
			r1 = 100
			r2 = stop3 ll
			r3 = 0
			r4 = 0
			call 181
			exit
		stop3:
			r0 = 0
			if r1 != 3 goto +1
			r0 = 1
			exit`, 4},
		{"nested: 3 outer calls of 4 inner ones", `
			r1 = 0
			*(u64 *)(r10 - 8) = r1
			r1 = 3
			r2 = outer ll
			r3 = r10
			r3 += -8
			r4 = 0
			call 181
			r0 = *(u64 *)(r10 - 8)
			exit
		outer:
			r6 = r2
			r1 = 4
			r2 = inner ll
			r3 = r6
			r4 = 0
			call 181
			r0 = 0
			exit
		inner:
			r1 = *(u64 *)(r2 + 0)
			r1 += 1
			*(u64 *)(r2 + 0) = r1
			r0 = 0
			exit`, 12},
		{"zero loops", `
			r1 = 0
			r2 = cb ll
			r3 = 0
			r4 = 0
			call 181
			exit
		cb:
			r0 = 0
			exit`, 0},
		{"flags must be 0", `
			r1 = 1
			r2 = cb ll
			r3 = 0
			r4 = 1
			call 181
			exit
		cb:
			r0 = 0
			exit`, 1<<64 - 22},
		{"at most 1<<23 loops", `
			r1 = 1
			r1 <<= 23
			r1 += 1
			r2 = cb ll
			r3 = 0
			r4 = 0
			call 181
			exit
		cb:
			r0 = 0
			exit`, 1<<64 - 7},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			ret, err := loadWithMaps(t, tt.src).NewMachine().RunRaw(nil)
			if err != nil || ret != tt.want {
				t.Errorf("got %d, %v; want %d", ret, err, tt.want)
			}
		})
	}
}

// TestForEachHashAndStop: for_each_map_elem over a hash map goes through
// the helper; any nonzero callback result stops, as in the kernel.
func TestForEachHashAndStop(t *testing.T) {
	h := newMap(t, maps.Spec{Name: "h", Type: maps.Hash, KeySize: 4, ValueSize: 8, MaxEntries: 8})
	arr := newMap(t, maps.Spec{Name: "a", Type: maps.Array, KeySize: 4, ValueSize: 8, MaxEntries: 8})
	for k := range uint32(5) {
		h.Update(u32key(k), binary.LittleEndian.AppendUint64(nil, 1), maps.UpdateAny)
	}
	src := `
		r1 = map_idx(0) ll
		r2 = count ll
		r3 = 0
		r4 = 0
		call 164
		r6 = r0
		r1 = map_idx(1) ll
		r2 = stop ll
		r3 = 0
		r4 = 0
		call 164
		r0 <<= 8
		r0 |= r6
		exit
	count:
		r0 = 0
		exit
	stop:
		r0 = 2
		exit`
	ret, err := loadWithMaps(t, src, h, arr).NewMachine().RunRaw(nil)
	if err != nil || ret != 1<<8|5 {
		t.Fatalf("got %#x, %v; want 5 hash elements visited, then 1 array element", ret, err)
	}
}
