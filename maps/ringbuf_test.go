// This file implements the tests of ring buffers (ringbuf.go).

package maps

import (
	"bytes"
	"context"
	"encoding/binary"
	"errors"
	"math/rand/v2"
	"testing"
	"time"
)

func newRing(t testing.TB, size uint32) *Map {
	return mustNew(t, Spec{Name: "events", Type: RingBuf, MaxEntries: size})
}

func header(m *Map, dataOff uint32) (length, pgoff uint32) {
	h := m.Values()[dataOff-8:]
	return binary.LittleEndian.Uint32(h), binary.LittleEndian.Uint32(h[4:])
}

func TestRingReserveSubmitRead(t *testing.T) {
	m := newRing(t, 4096)
	off, ok := m.Reserve(5)
	if !ok || off != 8 {
		t.Fatalf("Reserve(5) = %d, %v; want 8", off, ok)
	}
	if l, _ := header(m, off); l != 5|RingBusyBit {
		t.Errorf("header while reserved = %#x, want BUSY|5", l)
	}
	if _, ok := m.ReadRecord(); ok {
		t.Error("read a reserved record")
	}
	copy(m.Values()[off:], "hello")
	m.Submit(off)
	if l, _ := header(m, off); l != 5 {
		t.Errorf("header after submit = %#x, want 5", l)
	}
	if m.Len() != 1 || m.RingQuery(RingAvailData) != 16 {
		t.Errorf("Len %d, avail %d", m.Len(), m.RingQuery(RingAvailData))
	}
	// The next record starts after the header and the data padded to 8.
	off2, ok := m.Reserve(0)
	if !ok || off2 != 8+8+8 {
		t.Errorf("second Reserve = %d, want 24", off2)
	}
	m.Submit(off2)
	rec, ok := m.ReadRecord()
	if !ok || string(rec) != "hello" {
		t.Fatalf("ReadRecord = %q, %v", rec, ok)
	}
	if rec, ok := m.ReadRecord(); !ok || len(rec) != 0 {
		t.Errorf("empty record = %q, %v", rec, ok)
	}
	if _, ok := m.ReadRecord(); ok {
		t.Error("read past the last record")
	}
	for flag, want := range map[uint64]uint64{RingAvailData: 0, RingSize: 4096, RingConsPos: 24, RingProdPos: 24, 9: 0} {
		if got := m.RingQuery(flag); got != want {
			t.Errorf("RingQuery(%d) = %d, want %d", flag, got, want)
		}
	}
}

func TestRingDiscardAndOrder(t *testing.T) {
	m := newRing(t, 4096)
	a, _ := m.Reserve(8)
	b, _ := m.Reserve(8)
	c, _ := m.Reserve(8)
	copy(m.Values()[b:], "bbbbbbbb")
	copy(m.Values()[c:], "cccccccc")
	m.Submit(c)
	m.Submit(b)
	// a is still reserved: nothing can be read past it.
	if _, ok := m.ReadRecord(); ok {
		t.Fatal("read past a reserved record")
	}
	if m.Len() != 2 {
		t.Errorf("Len = %d, want 2 submitted", m.Len())
	}
	m.Discard(a)
	if l, _ := header(m, a); l != 8|RingDiscardBit {
		t.Errorf("discarded header = %#x", l)
	}
	for _, want := range []string{"bbbbbbbb", "cccccccc"} {
		if rec, ok := m.ReadRecord(); !ok || string(rec) != want {
			t.Errorf("ReadRecord = %q, %v; want %q", rec, ok, want)
		}
	}
	if m.RingQuery(RingAvailData) != 0 {
		t.Errorf("avail %d after reading all", m.RingQuery(RingAvailData))
	}
}

func TestRingCommitInvalid(t *testing.T) {
	m := newRing(t, 4096)
	off, _ := m.Reserve(16)
	for _, bad := range []uint32{0, 4, off + 8, off + 1, 4096, 1 << 31} {
		if err := m.Commit(bad, false); !errors.Is(err, ErrInvalid) {
			t.Errorf("Commit(%d): %v", bad, err)
		}
	}
	if err := m.Commit(off, false); err != nil {
		t.Fatal(err)
	}
	if err := m.Commit(off, true); !errors.Is(err, ErrInvalid) {
		t.Errorf("second commit: %v", err)
	}
	m.Submit(12345) // ignored
	if rec, ok := m.ReadRecord(); !ok || len(rec) != 16 {
		t.Errorf("ReadRecord = %v, %v", rec, ok)
	}
	h := mustNew(t, Spec{Name: "h", Type: Hash, KeySize: 4, ValueSize: 4, MaxEntries: 1})
	if _, ok := h.Reserve(8); ok {
		t.Error("Reserve on a hash")
	}
	if err := h.Output([]byte{1}); !errors.Is(err, ErrNotSupported) {
		t.Errorf("Output on a hash: %v", err)
	}
	if err := h.Commit(8, false); !errors.Is(err, ErrNotSupported) {
		t.Errorf("Commit on a hash: %v", err)
	}
	if _, ok := h.ReadRecord(); ok {
		t.Error("ReadRecord on a hash")
	}
	if _, err := m.Lookup(nil); !errors.Is(err, ErrNotSupported) {
		t.Errorf("Lookup on a ringbuf: %v", err)
	}
}

func TestRingFull(t *testing.T) {
	m := newRing(t, 4096)
	if _, ok := m.Reserve(4096 - 8 + 1); ok {
		t.Error("a record larger than the ring")
	}
	if _, ok := m.Reserve(ringMaxRecord + 1); ok {
		t.Error("a record larger than RINGBUF_MAX_RECORD_SZ")
	}
	// The largest record fills the ring exactly.
	off, ok := m.Reserve(4096 - 8)
	if !ok || off != 8 {
		t.Fatalf("Reserve(4088) = %d, %v", off, ok)
	}
	if _, ok := m.Reserve(0); ok {
		t.Error("Reserve in a full ring")
	}
	m.Submit(off)
	if err := m.Output([]byte{1}); !errors.Is(err, ErrNoSpace) || Errno(err) != -11 {
		t.Errorf("Output into a full ring: %v (errno %d)", err, Errno(err))
	}
	if _, ok := m.ReadRecord(); !ok {
		t.Fatal("ReadRecord")
	}
	// Filled with small records, the ring takes exactly 4096 bytes.
	n := 0
	for m.Output(make([]byte, 8)) == nil {
		n++
	}
	if n != 4096/16 {
		t.Errorf("%d 8-byte records fit, want %d", n, 4096/16)
	}
	m.ReadRecord()
	if err := m.Output(make([]byte, 8)); err != nil {
		t.Errorf("Output after reading one: %v", err)
	}
}

func TestRingWrapAround(t *testing.T) {
	m := newRing(t, 4096)
	rec := func(b byte, n int) []byte { return bytes.Repeat([]byte{b}, n) }
	for _, b := range []byte{'a', 'b', 'c'} {
		if err := m.Output(rec(b, 1000)); err != nil { // 1008 bytes each
			t.Fatal(err)
		}
	}
	m.ReadRecord()
	m.ReadRecord() // consumer at 2016, producer at 3024
	// 1508 bytes do not fit in the 1072 before the end: a padding record
	// fills them and the record goes to offset 0.
	off, ok := m.Reserve(1500)
	if !ok || off != 8 {
		t.Fatalf("Reserve(1500) = %d, %v; want 8 (wrapped)", off, ok)
	}
	if l, _ := header(m, 3024+8); l != (1072-8)|RingDiscardBit {
		t.Errorf("padding header = %#x, want DISCARD|1064", l)
	}
	copy(m.Values()[off:], rec('d', 1500))
	m.Submit(off)
	if got := m.RingQuery(RingProdPos); got != 4096+1512 {
		t.Errorf("producer at %d, want %d", got, 4096+1512)
	}
	// Producer 5608, consumer 2016: 3592 used, 504 left.
	if _, ok := m.Reserve(497); ok { // 512 bytes
		t.Error("Reserve(497) overruns the consumer")
	}
	off2, ok := m.Reserve(496) // 504 bytes
	if !ok || off2 != 1512+8 {
		t.Fatalf("Reserve(496) = %d, %v; want 1520", off2, ok)
	}
	m.Discard(off2)
	for _, want := range [][]byte{rec('c', 1000), rec('d', 1500)} {
		if got, ok := m.ReadRecord(); !ok || !bytes.Equal(got, want) {
			t.Fatalf("ReadRecord = %d bytes of %q, %v", len(got), got[:1], ok)
		}
	}
	if _, ok := m.ReadRecord(); ok {
		t.Error("read a discarded record")
	}
	// Empty, with the producer mid-ring: the largest record still fits.
	if off, ok := m.Reserve(4096 - 8); !ok || off != 8 {
		t.Errorf("Reserve(4088) in an empty ring = %d, %v", off, ok)
	}
}

// Random reserves, commits in any order and reads against a model: the
// records in reservation order, each busy, submitted or discarded. Reads
// return the submitted ones in order, never past a busy one, intact; an
// empty ring takes any record that fits.
func TestRingModel(t *testing.T) {
	const size = 8192
	m := newRing(t, size)
	rng := rand.New(rand.NewPCG(3, 4))
	type rec struct {
		off   uint32
		data  []byte
		state recState
	}
	var q []*rec // reservation order, not yet consumed
	seq := byte(0)
	wraps := 0
	for step := 0; step < 50000; step++ {
		switch rng.IntN(5) {
		case 0, 1:
			n := rng.IntN(700)
			if rng.IntN(50) == 0 {
				n = rng.IntN(size - 8)
			}
			empty := m.RingQuery(RingAvailData) == 0
			prod := m.RingQuery(RingProdPos)
			off, ok := m.Reserve(uint32(n))
			if !ok {
				if empty {
					t.Fatalf("step %d: Reserve(%d) failed in an empty ring", step, n)
				}
				continue
			}
			if uint64(off-8) != prod%size {
				wraps++
			}
			if uint64(off)+uint64(n) > size {
				t.Fatalf("step %d: record at %d+%d runs past the end", step, off, n)
			}
			seq++
			r := &rec{off: off, data: bytes.Repeat([]byte{seq}, n)}
			copy(m.Values()[off:], r.data)
			q = append(q, r)
		case 2, 3:
			var busy []*rec
			for _, r := range q {
				if r.state == recBusy {
					busy = append(busy, r)
				}
			}
			if len(busy) == 0 {
				continue
			}
			r := busy[rng.IntN(len(busy))]
			if rng.IntN(4) == 0 {
				m.Discard(r.off)
				r.state = recDiscarded
			} else {
				m.Submit(r.off)
				r.state = recCommitted
			}
		case 4:
			for len(q) > 0 && q[0].state == recDiscarded {
				q = q[1:]
			}
			got, ok := m.ReadRecord()
			if len(q) == 0 || q[0].state == recBusy {
				if ok {
					t.Fatalf("step %d: read %d bytes past a busy record or an empty ring", step, len(got))
				}
				continue
			}
			if !ok || !bytes.Equal(got, q[0].data) {
				t.Fatalf("step %d: ReadRecord = %d bytes, %v; want %d bytes of %d", step, len(got), ok, len(q[0].data), q[0].data[:1])
			}
			q = q[1:]
		}
	}
	if wraps < 10 {
		t.Errorf("only %d records were placed after a padding record", wraps)
	}
	for _, r := range q {
		if r.state == recBusy {
			m.Submit(r.off)
		}
	}
	for {
		if _, ok := m.ReadRecord(); !ok {
			break
		}
	}
	if m.RingQuery(RingAvailData) != 0 || m.Len() != 0 {
		t.Errorf("after draining: avail %d, Len %d", m.RingQuery(RingAvailData), m.Len())
	}
}

// Records come out in reservation order, whatever the commit order.
func TestRingOrderIsReservationOrder(t *testing.T) {
	m := newRing(t, 4096)
	rng := rand.New(rand.NewPCG(5, 6))
	for round := 0; round < 200; round++ {
		var offs []uint32
		for i := 0; i < 1+rng.IntN(10); i++ {
			off, ok := m.Reserve(uint32(4 + rng.IntN(200)))
			if !ok {
				break
			}
			binary.LittleEndian.PutUint32(m.Values()[off:], uint32(i))
			offs = append(offs, off)
		}
		for _, i := range rng.Perm(len(offs)) {
			m.Submit(offs[i])
		}
		for i := range offs {
			rec, ok := m.ReadRecord()
			if !ok || binary.LittleEndian.Uint32(rec) != uint32(i) {
				t.Fatalf("round %d: record %d = %v, %v", round, i, rec, ok)
			}
		}
	}
}

func TestRingReadRecordWait(t *testing.T) {
	m := newRing(t, 4096)
	ctx, cancel := context.WithTimeout(context.Background(), 10*time.Millisecond)
	defer cancel()
	if _, err := m.ReadRecordWait(ctx); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("ReadRecordWait on an empty ring: %v", err)
	}
	go func() {
		time.Sleep(5 * time.Millisecond)
		m.Output([]byte("late"))
	}()
	rec, err := m.ReadRecordWait(context.Background())
	if err != nil || string(rec) != "late" {
		t.Errorf("ReadRecordWait = %q, %v", rec, err)
	}
}
