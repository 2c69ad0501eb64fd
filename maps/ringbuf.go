// This file implements ring buffers (BPF_MAP_TYPE_RINGBUF): programs
// reserve records, write them in place and submit or discard them; a
// consumer in Go reads the submitted ones in order.
//
// Layout. The data area is Values(), MaxEntries bytes. Each record starts
// with the kernel's 8-byte header: a u32 length (the reserved size, with
// bit 31 BUSY while reserved and bit 30 DISCARD), then a u32 page offset
// (callx writes the page of the header within the data area), then the
// data padded to 8 bytes. Positions (producer, consumer) count bytes from
// the start and grow forever; position p is at offset p mod MaxEntries.
//
// Wrap-around. The kernel maps the data area twice, back to back, so a
// record that runs past the end continues at the start. Values() is one
// plain region, so callx never lets a record wrap: when the next record
// does not fit before the end, the producer first writes a padding record
// there (header with DISCARD set and the length of the rest of the area)
// and places the record at offset 0. The consumer skips padding like any
// discarded record. An empty ring restarts at offset 0, so a record of up
// to MaxEntries-8 bytes always fits in an empty ring, as in the kernel.
//
// Room. As in the kernel, a reservation fails when the producer would get
// more than MaxEntries bytes ahead of the consumer (records not yet read,
// busy ones included); padding counts, so near the end of the area callx
// can refuse a record the kernel would take. The headers in Values() are
// written for programs and tools that look; callx's own bookkeeping is
// kept apart from them, so a program that scribbles over a header cannot
// confuse the consumer.

package maps

import (
	"context"
	"encoding/binary"
	"sort"
	"sync"
)

// Header bits (BPF_RINGBUF_BUSY_BIT, BPF_RINGBUF_DISCARD_BIT) and size.
const (
	RingBusyBit    = 1 << 31
	RingDiscardBit = 1 << 30
	RingHeaderSize = 8
)

// bpf_ringbuf_query flags.
const (
	RingAvailData = 0 // BPF_RB_AVAIL_DATA: bytes not yet consumed
	RingSize      = 1 // BPF_RB_RING_SIZE
	RingConsPos   = 2 // BPF_RB_CONS_POS
	RingProdPos   = 3 // BPF_RB_PROD_POS
)

type recState uint8

const (
	recBusy recState = iota
	recCommitted
	recDiscarded
)

// ringRec is callx's record of a record between reserve and consume.
type ringRec struct {
	pos   uint64 // position of the header
	size  uint32 // data bytes, the header's length
	state recState
}

// span is the bytes the record takes: header and data padded to 8.
func (r ringRec) span() uint64 { return roundUp8(uint64(r.size) + RingHeaderSize) }

type ringBuf struct {
	notSupported
	data []byte
	mask uint64

	mu         sync.Mutex
	cons, prod uint64
	recs       []ringRec // records from cons to prod, by position: recs[head:]
	head       int
	ready      int           // submitted records not yet read
	notify     chan struct{} // has a token when a record may be ready
}

func newRingBuf(data []byte) *ringBuf {
	return &ringBuf{data: data, mask: uint64(len(data)) - 1, notify: make(chan struct{}, 1)}
}

func (r *ringBuf) size() uint64 { return r.mask + 1 }

func (r *ringBuf) writeHeader(pos uint64, length uint32) {
	off := pos & r.mask
	binary.LittleEndian.PutUint32(r.data[off:], length)
	binary.LittleEndian.PutUint32(r.data[off+4:], uint32(off/PageSize))
}

// Reserve is bpf_ringbuf_reserve: it reserves a record of size bytes and
// returns the offset of its data in Values(), or !ok when there is no room
// (the helper then returns NULL). The record is BUSY until Submit or
// Discard; the consumer cannot read past it.
func (m *Map) Reserve(size uint32) (off uint32, ok bool) {
	if m.ring == nil {
		return 0, false
	}
	return m.ring.reserve(size)
}

func (r *ringBuf) reserve(size uint32) (uint32, bool) {
	if size > ringMaxRecord {
		return 0, false
	}
	rec := ringRec{size: size, state: recBusy}
	n := r.size()
	span := rec.span()
	if span > n {
		return 0, false
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	if r.cons == r.prod && r.prod&r.mask+span > n {
		r.cons = (r.prod + r.mask) &^ r.mask // empty: restart at offset 0
		r.prod = r.cons
	}
	start := r.prod
	pad := uint64(0)
	if start&r.mask+span > n {
		pad = n - start&r.mask
	}
	if start+pad+span-r.cons > n {
		return 0, false
	}
	if pad > 0 {
		r.writeHeader(start, uint32(pad-RingHeaderSize)|RingDiscardBit)
		r.recs = append(r.recs, ringRec{pos: start, size: uint32(pad - RingHeaderSize), state: recDiscarded})
	}
	rec.pos = start + pad
	r.writeHeader(rec.pos, size|RingBusyBit)
	r.recs = append(r.recs, rec)
	r.prod = rec.pos + span
	return uint32(rec.pos&r.mask + RingHeaderSize), true
}

// Submit is bpf_ringbuf_submit: the record whose data is at off becomes
// readable. An offset that is not a reserved record's is ignored (Commit
// reports it).
func (m *Map) Submit(off uint32) { _ = m.Commit(off, false) }

// Discard is bpf_ringbuf_discard: the record whose data is at off is
// dropped; the consumer skips it.
func (m *Map) Discard(off uint32) { _ = m.Commit(off, true) }

// Commit submits (or discards) the reserved record whose data is at off.
// It returns ErrInvalid when off is not the data of a reserved, not yet
// committed record, and ErrNotSupported on a map that is not a ring buffer.
func (m *Map) Commit(off uint32, discard bool) error {
	if m.ring == nil {
		return ErrNotSupported
	}
	return m.ring.commit(off, discard)
}

func (r *ringBuf) commit(off uint32, discard bool) error {
	if off < RingHeaderSize || off%8 != 0 || uint64(off) >= r.size() {
		return ErrInvalid
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	// The header's position: the one in [cons, prod) at offset off-8.
	hdr := uint64(off - RingHeaderSize)
	pos := r.cons + (hdr-r.cons&r.mask)&r.mask
	recs := r.recs[r.head:]
	i := sort.Search(len(recs), func(i int) bool { return recs[i].pos >= pos })
	if i == len(recs) || recs[i].pos != pos || recs[i].state != recBusy {
		return ErrInvalid
	}
	rec := &recs[i]
	if discard {
		rec.state = recDiscarded
		r.writeHeader(rec.pos, rec.size|RingDiscardBit)
		return nil
	}
	rec.state = recCommitted
	r.writeHeader(rec.pos, rec.size)
	r.ready++
	r.signal()
	return nil
}

// signal leaves a token for ReadRecordWait.
func (r *ringBuf) signal() {
	select {
	case r.notify <- struct{}{}:
	default:
	}
}

// Output is bpf_ringbuf_output: reserve, copy data, submit. No room is
// ErrNoSpace (the helper returns -EAGAIN).
func (m *Map) Output(data []byte) error {
	if m.ring == nil {
		return ErrNotSupported
	}
	if uint64(len(data)) > ringMaxRecord {
		return ErrNoSpace
	}
	off, ok := m.ring.reserve(uint32(len(data)))
	if !ok {
		return ErrNoSpace
	}
	copy(m.values[off:], data)
	return m.ring.commit(off, false)
}

// ReadRecord is the consumer: it returns a copy of the next submitted
// record, skipping discarded ones, and frees its room. It returns !ok when
// no record is ready: none left, or the next one is still reserved (a
// record submitted after it waits, as in the kernel).
func (m *Map) ReadRecord() ([]byte, bool) {
	if m.ring == nil {
		return nil, false
	}
	return m.ring.read()
}

func (r *ringBuf) read() ([]byte, bool) {
	r.mu.Lock()
	defer r.mu.Unlock()
	defer r.compact()
	for r.head < len(r.recs) {
		rec := r.recs[r.head]
		if rec.state == recBusy {
			return nil, false
		}
		var out []byte
		if rec.state == recCommitted {
			off := rec.pos&r.mask + RingHeaderSize
			out = append([]byte(nil), r.data[off:off+uint64(rec.size)]...)
		}
		r.head++
		r.cons = rec.pos + rec.span()
		if rec.state == recCommitted {
			r.ready--
			if r.ready > 0 {
				r.signal()
			}
			return out, true
		}
	}
	return nil, false
}

// compact drops consumed records from the front of recs.
func (r *ringBuf) compact() {
	switch {
	case r.head == len(r.recs):
		r.recs, r.head = r.recs[:0], 0
	case r.head >= 64 && r.head >= len(r.recs)/2:
		n := copy(r.recs, r.recs[r.head:])
		r.recs, r.head = r.recs[:n], 0
	}
}

// ReadRecordWait is ReadRecord that waits for a record until ctx is done.
func (m *Map) ReadRecordWait(ctx context.Context) ([]byte, error) {
	if m.ring == nil {
		return nil, m.wrap("read record", ErrNotSupported)
	}
	for {
		if rec, ok := m.ring.read(); ok {
			return rec, nil
		}
		select {
		case <-m.ring.notify:
		case <-ctx.Done():
			return nil, ctx.Err()
		}
	}
}

// RingQuery is bpf_ringbuf_query: RingAvailData, RingSize, RingConsPos or
// RingProdPos; 0 for other flags or other maps.
func (m *Map) RingQuery(flag uint64) uint64 {
	r := m.ring
	if r == nil {
		return 0
	}
	r.mu.Lock()
	defer r.mu.Unlock()
	switch flag {
	case RingAvailData:
		return r.prod - r.cons
	case RingSize:
		return r.size()
	case RingConsPos:
		return r.cons
	case RingProdPos:
		return r.prod
	}
	return 0
}

func (r *ringBuf) count() int {
	r.mu.Lock()
	defer r.mu.Unlock()
	return r.ready
}
