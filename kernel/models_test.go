// This file implements the models of the test programs: for a frame,
// what each program under testdata/progs returns and leaves in the
// packet, written in Go from the programs' header comments.

package kernel

import (
	"bytes"
	"encoding/binary"
	"testing"
)

// firewallBlocked are the sources the firewall test blocks; the third
// never appears in the captures.
var firewallBlocked = [][4]byte{[4]byte(blockedA), [4]byte(blockedB), {203, 0, 113, 9}}

func firewallIsBlocked(src [4]byte) bool {
	for _, b := range firewallBlocked {
		if b == src {
			return true
		}
	}
	return false
}

// firewallSource is the IPv4 source firewall.bpf.c sees: through one
// 802.1Q or 802.1ad tag, with a whole fixed header and ihl >= 5.
func firewallSource(f []byte) ([4]byte, bool) {
	typ, l3, ok := etherType(f, true, true)
	if !ok || typ != etherIPv4 {
		return [4]byte{}, false
	}
	ip, ok := ipv4At(f, l3)
	if !ok || ip.ihl < 5 {
		return [4]byte{}, false
	}
	return ip.src, true
}

// lbBackends fill lb.bpf.c's backends; slot 3 is left empty.
var lbBackends = [4]struct {
	mac  [6]byte
	addr [4]byte
}{
	{[6]byte{0x02, 0, 0, 0, 0xbe, 0x00}, [4]byte{10, 0, 1, 10}},
	{[6]byte{0x02, 0, 0, 0, 0xbe, 0x01}, [4]byte{10, 0, 1, 11}},
	{[6]byte{0x02, 0, 0, 0, 0xbe, 0x02}, [4]byte{10, 0, 1, 12}},
}

// lbHash is lb.bpf.c's FNV-1a over the 5-tuple, each field as the
// little-endian host loads it from the packet.
func lbHash(saddr, daddr uint32, sport, dport uint16, proto uint8) uint32 {
	h := uint32(2166136261)
	for _, w := range []uint32{saddr, daddr, uint32(sport)<<16 | uint32(dport), uint32(proto)} {
		h = (h ^ w) * 16777619
	}
	return h
}

func lbModel(f []byte) want {
	typ, l3, _ := etherType(f, false, false)
	ip, ok := ipv4At(f, l3)
	if typ != etherIPv4 || !ok || ip.proto != protoUDP || ip.dst != [4]byte(vip) ||
		ip.frag&0x3fff != 0 || ip.ihl < 5 || len(f) < ip.l4()+8 {
		return want{retval: xdpPass}
	}
	l4 := ip.l4()
	slot := lbHash(le32(f[l3+12:]), le32(f[l3+16:]), le16(f[l4:]), le16(f[l4+2:]), protoUDP) % 4
	be := lbBackends[slot]
	if be.addr == [4]byte{} {
		return want{retval: xdpDrop}
	}
	out := bytes.Clone(f)
	copy(out[6:12], f[0:6])
	copy(out[0:6], be.mac[:])
	copy(out[l3+16:], be.addr[:])
	fixChecksums(out, ip)
	return want{retval: xdpTX, data: out}
}

// counterProto is the IP protocol counter.bpf.c counts a frame under.
func counterProto(f []byte) (byte, bool) {
	typ, l3, ok := etherType(f, true, false)
	switch {
	case !ok:
	case typ == etherIPv4 && len(f) >= l3+20:
		return f[l3+9], true
	case typ == etherIPv6 && len(f) >= l3+40:
		return f[l3+6], true
	}
	return 0, false
}

// tcMarks fill tc_mark.bpf.c's marks: 10.0.0.53 is dropped.
var tcMarks = map[[4]byte]uint32{
	[4]byte(server):    0x100,
	[4]byte(vip):       0x200,
	[4]byte(dnsServer): 0xffffffff,
}

func tcMarkModel(f []byte) want {
	if typ, _, _ := etherType(f, false, false); typ != etherIPv4 {
		return want{retval: tcOK}
	}
	ip, ok := ipv4At(f, 14)
	if !ok {
		return want{retval: tcShot}
	}
	switch mark, found := tcMarks[ip.dst]; {
	case !found:
		return want{retval: tcOK}
	case mark == 0xffffffff:
		return want{retval: tcShot}
	default:
		return want{retval: tcOK, mark: mark}
	}
}

// socketFilterModel: the program sees the packet from the network header;
// the kernel gives back the frame with a zeroed Ethernet header.
func socketFilterModel(f []byte) want {
	out := append(make([]byte, 14), f[14:]...)
	reject := want{retval: 0, data: out}
	if typ, _, _ := etherType(f, false, false); typ != etherIPv4 {
		return reject
	}
	ip, ok := ipv4At(f, 14)
	if !ok || ip.ihl < 5 || ip.proto != protoUDP || ip.frag&0x1fff != 0 || len(f) < ip.l4()+8 {
		return reject
	}
	if be16(f[ip.l4()+2:]) != 5353 {
		return reject
	}
	return want{retval: uint32(len(f) - 14), data: out}
}

func adjustModel(f []byte) want {
	if typ, _, _ := etherType(f, false, false); typ != etherIPv4 {
		return want{retval: xdpPass}
	}
	ip, ok := ipv4At(f, 14)
	if !ok || ip.totLen < 20 || 14+ip.totLen > len(f) {
		return want{retval: xdpDrop}
	}
	trimmed := f[:14+ip.totLen]
	meta := func(action uint32) []byte { return append(u32(uint32(len(f))), u32(action)...) }
	if ip.proto == protoIPIP {
		if ip.ihl != 5 {
			return want{retval: xdpDrop, data: bytes.Clone(trimmed)}
		}
		out := append(bytes.Clone(trimmed[:14]), trimmed[34:]...)
		return want{retval: xdpPass, data: out, meta: meta(xdpPass)}
	}
	outer := []byte{
		0x45, 0, 0, 0, // version, ihl, tos, tot_len
		0, 0, 0x40, 0, // id, DF
		64, protoIPIP, 0, 0, // ttl, protocol, check
		10, 1, 0, 1, // saddr
		10, 1, 0, 2, // daddr
	}
	binary.BigEndian.PutUint16(outer[2:], uint16(ip.totLen+20))
	binary.BigEndian.PutUint16(outer[10:], ipv4Checksum(outer))
	out := append(append(bytes.Clone(trimmed[:14]), outer...), trimmed[14:]...)
	return want{retval: xdpTX, data: out, meta: meta(xdpTX)}
}

// checkRingbuf checks the records of ringbuf.bpf.c: a summary per frame,
// an event per even-length frame.
func checkRingbuf(t *testing.T, c *Collection, ran [][]byte) {
	var events, summaries [][]byte
	for i, f := range ran {
		head := make([]byte, 32)
		copy(head, f)
		submitted := uint32(0)
		if len(f)%2 == 0 {
			events = append(events, append(append(u32(uint32(i)), u32(uint32(len(f)))...), head...))
			submitted = 1
		}
		summaries = append(summaries, append(append(u32(uint32(i)), u32(uint32(len(f)))...), u32(submitted)...))
	}
	for _, ring := range []struct {
		name string
		want [][]byte
	}{{"events", events}, {"summaries", summaries}} {
		got, err := c.ReadRingbuf(ring.name)
		if err != nil {
			t.Fatal(err)
		}
		if len(got) != len(ring.want) {
			t.Errorf("%s: %d records, want %d", ring.name, len(got), len(ring.want))
			continue
		}
		for i := range got {
			if !bytes.Equal(got[i], ring.want[i]) {
				t.Errorf("%s record %d: %x, want %x", ring.name, i, got[i], ring.want[i])
			}
		}
	}
	if len(events) == len(ran) || len(events) == 0 {
		t.Errorf("%d of %d frames have an even length: the capture does not exercise discard", len(events), len(ran))
	}
}

func loopsModel(f []byte) want {
	if typ, _, _ := etherType(f, false, false); typ != etherIPv4 {
		return want{retval: xdpPass}
	}
	ip, ok := ipv4At(f, 14)
	if !ok || ip.ihl < 5 || len(f) < ip.l4() {
		return want{retval: xdpDrop}
	}
	if csumFold(csumAdd(0, f[14:ip.l4()])) != 0 {
		return want{retval: xdpDrop}
	}
	return want{retval: xdpPass}
}

func tailcallModel(f []byte) want {
	typ, _, _ := etherType(f, false, false)
	ip, ok := ipv4At(f, 14)
	if typ != etherIPv4 || !ok {
		return want{retval: xdpPass}
	}
	switch ip.proto {
	case protoTCP:
		return want{retval: xdpDrop} // prog_a
	case protoICMP:
		return want{retval: xdpTX} // prog_b
	}
	return want{retval: xdpAborted} // empty slot
}

func spinlockClass(f []byte) int {
	typ, _, _ := etherType(f, false, false)
	ip, ok := ipv4At(f, 14)
	if typ != etherIPv4 || !ok {
		return 3
	}
	switch ip.proto {
	case protoTCP:
		return 0
	case protoUDP:
		return 1
	case protoICMP:
		return 2
	}
	return 3
}

func csumModel(f []byte) want {
	typ, _, _ := etherType(f, false, false)
	ip, ok := ipv4At(f, 14)
	if typ != etherIPv4 || !ok || ip.ihl < 5 || ip.proto != protoUDP || ip.frag&0x3fff != 0 ||
		len(f) < ip.l4()+8 || be16(f[ip.l4()+2:]) != 8053 {
		return want{retval: tcOK}
	}
	out := bytes.Clone(f)
	copy(out[14+16:], dnsServer)
	binary.BigEndian.PutUint16(out[ip.l4()+2:], 53)
	fixChecksums(out, ip)
	return want{retval: tcOK, data: out}
}

func globalsModel(f []byte) want {
	if len(f) > 1024 {
		return want{retval: xdpDrop}
	}
	typ, _, _ := etherType(f, false, false)
	ip, ok := ipv4At(f, 14)
	if typ != etherIPv4 || !ok || len(f) < 42 || ip.ihl != 5 || ip.proto != protoUDP || be16(f[36:]) != 7777 {
		return want{retval: xdpPass}
	}
	if !bytes.HasPrefix(f[42:], []byte("callx!")) {
		return want{retval: xdpPass}
	}
	return want{retval: xdpTX}
}
