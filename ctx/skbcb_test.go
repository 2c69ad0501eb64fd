package ctx

import "testing"

// TestSKBControlBlock: cb[] is 20 bytes that any aligned access of 1, 2,
// 4 or 8 bytes may read and write, as in the kernel; words stay
// little-endian.
func TestSKBControlBlock(t *testing.T) {
	s := &SKB{}
	if !s.storeCB(skbCB, 8, 0x1122334455667788) {
		t.Fatal("8-byte store at cb[0] refused")
	}
	if s.CB[0] != 0x55667788 || s.CB[1] != 0x11223344 {
		t.Fatalf("cb words %#x %#x", s.CB[0], s.CB[1])
	}
	for _, c := range []struct {
		off  uint32
		size int
		want uint64
		ok   bool
	}{
		{skbCB, 1, 0x88, true},
		{skbCB + 1, 1, 0x77, true},
		{skbCB + 2, 2, 0x5566, true},
		{skbCB + 4, 4, 0x11223344, true},
		{skbCB, 8, 0x1122334455667788, true},
		{skbCB + 1, 2, 0, false},  // misaligned
		{skbCB + 16, 8, 0, false}, // past cb[4]
		{skbCB + 12, 8, 0, false}, // misaligned 8 bytes
		{skbCB + 16, 4, 0, true},  // cb[4]
		{skbHash, 4, 0, false},    // not cb
	} {
		v, ok := s.loadCB(c.off, c.size)
		if ok != c.ok || v != c.want {
			t.Errorf("load %d bytes at %d: %#x %v, want %#x %v", c.size, c.off, v, ok, c.want, c.ok)
		}
	}
	if !s.storeCB(skbCB+5, 1, 0xab) || s.CB[1] != 0x1122ab44 {
		t.Errorf("1-byte store at cb+5: cb[1] = %#x", s.CB[1])
	}
}
