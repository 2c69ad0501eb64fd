package helpers

import (
	"encoding/binary"
	"math/rand/v2"
	"testing"
)

// ipChecksum is RFC 1071's checksum of a header whose checksum field is
// zero, as the 16-bit value stored in the packet (read little-endian, as
// a BPF program on x86 reads it).
func ipChecksum(h []byte) uint16 {
	var s uint32
	for i := 0; i+1 < len(h); i += 2 {
		s += uint32(binary.BigEndian.Uint16(h[i:]))
	}
	for s>>16 != 0 {
		s = s&0xffff + s>>16
	}
	be := ^uint16(s)
	return be>>8 | be<<8
}

// TestCsumReplace checks the incremental updates (RFC 1624) against a
// checksum computed again from scratch, for random headers and changes
// of 16- and 32-bit fields.
func TestCsumReplace(t *testing.T) {
	rng := rand.New(rand.NewPCG(7, 9))
	for range 10000 {
		h := make([]byte, 20)
		for i := range h {
			h[i] = byte(rng.Uint32())
		}
		h[10], h[11] = 0, 0
		sum := ipChecksum(h)
		if rng.IntN(2) == 0 { // a 32-bit field: the destination address
			from := binary.LittleEndian.Uint32(h[16:])
			to := rng.Uint32()
			binary.LittleEndian.PutUint32(h[16:], to)
			got := csumReplace4(sum, from, to)
			if want := ipChecksum(h); got != want && !(got == 0xffff && want == 0) && !(got == 0 && want == 0xffff) {
				t.Fatalf("replace4 %08x -> %08x: got %04x, want %04x", from, to, got, want)
			}
		} else { // a 16-bit field: the identification
			from := uint32(binary.LittleEndian.Uint16(h[4:]))
			to := uint32(uint16(rng.Uint32()))
			binary.LittleEndian.PutUint16(h[4:], uint16(to))
			got := csumReplace4(sum, from, to)
			if want := ipChecksum(h); got != want && !(got == 0xffff && want == 0) && !(got == 0 && want == 0xffff) {
				t.Fatalf("replace2 %04x -> %04x: got %04x, want %04x", from, to, got, want)
			}
		}
	}
}

// TestCsumDiff: csum_diff's result, folded into a checksum with
// csum_replace_by_diff, updates it as recomputing would.
func TestCsumDiff(t *testing.T) {
	rng := rand.New(rand.NewPCG(3, 4))
	for range 10000 {
		h := make([]byte, 20)
		for i := range h {
			h[i] = byte(rng.Uint32())
		}
		h[10], h[11] = 0, 0
		sum := ipChecksum(h)
		old := append([]byte(nil), h[12:20]...)
		for i := 12; i < 20; i++ {
			h[i] = byte(rng.Uint32())
		}
		var diff [maxCsumDiffLen]byte
		n := 0
		for i := 0; i < 8; i += 4 {
			binary.LittleEndian.PutUint32(diff[n:], ^binary.LittleEndian.Uint32(old[i:]))
			n += 4
		}
		n += copy(diff[n:], h[12:20])
		got := csumReplaceByDiff(sum, csumPartial(diff[:n], 0))
		if want := ipChecksum(h); got != want && !(got == 0xffff && want == 0) && !(got == 0 && want == 0xffff) {
			t.Fatalf("got %04x, want %04x", got, want)
		}
	}
}
