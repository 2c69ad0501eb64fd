// This file implements what the tests need to read packets: the pcap
// reader, header accessors and the Internet checksum, written from the
// RFCs rather than from the programs under test.

package kernel

import (
	"encoding/binary"
	"errors"
	"io"
	"os"
	"path/filepath"
	"testing"

	"github.com/google/gopacket/pcapgo"
)

// XDP actions and tc verdicts (include/uapi/linux/bpf.h, pkt_cls.h).
const (
	xdpAborted = 0
	xdpDrop    = 1
	xdpPass    = 2
	xdpTX      = 3

	tcOK   = 0
	tcShot = 2
)

const (
	etherIPv4   = 0x0800
	etherIPv6   = 0x86dd
	ether8021Q  = 0x8100
	ether8021AD = 0x88a8

	protoICMP = 1
	protoIPIP = 4
	protoTCP  = 6
	protoUDP  = 17
)

// readPcap returns the frames of testdata/pcap/name.
func readPcap(t testing.TB, name string) [][]byte {
	t.Helper()
	f, err := os.Open(filepath.Join(pcapDir, name))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := pcapgo.NewReader(f)
	if err != nil {
		t.Fatalf("%s: %v", name, err)
	}
	var frames [][]byte
	for {
		data, _, err := r.ReadPacketData()
		if errors.Is(err, io.EOF) {
			return frames
		}
		if err != nil {
			t.Fatalf("%s: frame %d: %v", name, len(frames), err)
		}
		frames = append(frames, data)
	}
}

func be16(b []byte) uint16 { return binary.BigEndian.Uint16(b) }
func le16(b []byte) uint16 { return binary.LittleEndian.Uint16(b) }
func le32(b []byte) uint32 { return binary.LittleEndian.Uint32(b) }
func le64(b []byte) uint64 { return binary.LittleEndian.Uint64(b) }

func u32(v uint32) []byte { return binary.LittleEndian.AppendUint32(nil, v) }
func u64(v uint64) []byte { return binary.LittleEndian.AppendUint64(nil, v) }

// etherType returns the frame's Ethernet type and where its network header
// starts, looking through one 802.1Q tag (and 802.1ad too when qinq).
// ok is false for frames too short for what they announce.
func etherType(f []byte, vlan, qinq bool) (typ uint16, l3 int, ok bool) {
	if len(f) < 14 {
		return 0, 0, false
	}
	typ, l3 = be16(f[12:]), 14
	if vlan && (typ == ether8021Q || (qinq && typ == ether8021AD)) {
		if len(f) < 18 {
			return 0, 0, false
		}
		typ, l3 = be16(f[16:]), 18
	}
	return typ, l3, true
}

// ipv4At returns the IPv4 header at off when the frame holds its fixed 20
// bytes.
func ipv4At(f []byte, off int) (ipv4Header, bool) {
	if len(f) < off+20 {
		return ipv4Header{}, false
	}
	h := f[off:]
	return ipv4Header{
		off:    off,
		ihl:    int(h[0] & 0xf),
		totLen: int(be16(h[2:])),
		frag:   be16(h[6:]),
		proto:  h[9],
		src:    [4]byte(h[12:16]),
		dst:    [4]byte(h[16:20]),
	}, true
}

type ipv4Header struct {
	off, ihl, totLen int
	frag             uint16 // flags and fragment offset
	proto            byte
	src, dst         [4]byte
}

func (h ipv4Header) l4() int { return h.off + h.ihl*4 }

// csumAdd adds b to a one's complement sum as big-endian 16-bit words.
func csumAdd(sum uint32, b []byte) uint32 {
	for len(b) >= 2 {
		sum += uint32(be16(b))
		b = b[2:]
	}
	if len(b) == 1 {
		sum += uint32(b[0]) << 8
	}
	return sum
}

func csumFold(sum uint32) uint16 {
	for sum > 0xffff {
		sum = sum&0xffff + sum>>16
	}
	return ^uint16(sum)
}

// ipv4Checksum is the header checksum of hdr with its check field taken
// as zero.
func ipv4Checksum(hdr []byte) uint16 {
	sum := csumAdd(0, hdr[:10])
	return csumFold(csumAdd(sum, hdr[12:]))
}

// udpChecksum is the UDP checksum (RFC 768) of the datagram udp (its
// length field says how long) from src to dst, with its check field taken
// as zero; a computed zero is sent as 0xffff.
func udpChecksum(src, dst [4]byte, udp []byte) uint16 {
	n := int(be16(udp[4:]))
	sum := csumAdd(0, src[:])
	sum = csumAdd(sum, dst[:])
	sum += protoUDP + uint32(n)
	sum = csumAdd(sum, udp[:6])
	sum = csumAdd(sum, udp[8:n])
	if c := csumFold(sum); c != 0 {
		return c
	}
	return 0xffff
}

// fixChecksums recomputes the IPv4 header checksum of the frame's IPv4
// packet at ip and, unless it is zero (none sent), its UDP checksum.
func fixChecksums(f []byte, ip ipv4Header) {
	hdr := f[ip.off:ip.l4()]
	binary.BigEndian.PutUint16(hdr[10:], ipv4Checksum(hdr))
	if ip.proto != protoUDP {
		return
	}
	udp := f[ip.l4():]
	if be16(udp[6:]) != 0 {
		binary.BigEndian.PutUint16(udp[6:], udpChecksum([4]byte(hdr[12:16]), [4]byte(hdr[16:20]), udp))
	}
}
