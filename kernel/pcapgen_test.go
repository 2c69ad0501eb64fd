// This file implements the generator of the packet captures under
// testdata/pcap: deterministic frames built with gopacket, written with
// pcapgo. TestPcapFiles checks the committed files are current;
//
//	go test ./kernel -run TestPcapFiles -update
//
// rewrites them.

package kernel

import (
	"bytes"
	"flag"
	"net"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/google/gopacket"
	"github.com/google/gopacket/layers"
	"github.com/google/gopacket/pcapgo"
)

var update = flag.Bool("update", false, "rewrite testdata/pcap/*.pcap from their generators")

const pcapDir = "../testdata/pcap"

// captures are the generated files and their generators.
var captures = []struct {
	name   string
	frames func() [][]byte
}{
	{"mixed.pcap", mixedFrames},
	{"lb.pcap", lbFrames},
	{"adjust.pcap", adjustFrames},
	{"csum.pcap", csumFrames},
}

func TestPcapFiles(t *testing.T) {
	for _, c := range captures {
		want := encodePcap(t, c.frames())
		path := filepath.Join(pcapDir, c.name)
		if *update {
			if err := os.WriteFile(path, want, 0o644); err != nil {
				t.Fatal(err)
			}
			continue
		}
		got, err := os.ReadFile(path)
		if err != nil {
			t.Fatalf("%v (generate it: go test ./kernel -run TestPcapFiles -update)", err)
		}
		if !bytes.Equal(got, want) {
			t.Errorf("%s is stale: go test ./kernel -run TestPcapFiles -update", path)
		}
	}
}

// encodePcap writes frames as an Ethernet pcap, one millisecond apart
// from a fixed time, each captured whole.
func encodePcap(t *testing.T, frames [][]byte) []byte {
	var buf bytes.Buffer
	w := pcapgo.NewWriter(&buf)
	if err := w.WriteFileHeader(65535, layers.LinkTypeEthernet); err != nil {
		t.Fatal(err)
	}
	start := time.Date(2024, 1, 1, 0, 0, 0, 0, time.UTC)
	for i, f := range frames {
		ci := gopacket.CaptureInfo{
			Timestamp:     start.Add(time.Duration(i) * time.Millisecond),
			CaptureLength: len(f),
			Length:        len(f),
		}
		if err := w.WritePacket(ci, f); err != nil {
			t.Fatal(err)
		}
	}
	return buf.Bytes()
}

// Addresses of the test network. The firewall test blocks blockedA and
// blockedB; vip is lb.bpf.c's virtual IP; dnsServer is where tc_mark
// drops and csum.bpf.c redirects.
var (
	macClient = net.HardwareAddr{0x02, 0, 0, 0, 0, 0x01}
	macRouter = net.HardwareAddr{0x02, 0, 0, 0, 0, 0xfe}

	clients   = []net.IP{ip4(10, 0, 0, 1), ip4(10, 0, 0, 2), ip4(10, 0, 0, 3), ip4(172, 16, 5, 9)}
	blockedA  = ip4(192, 0, 2, 66)
	blockedB  = ip4(198, 51, 100, 7)
	server    = ip4(10, 0, 0, 100)
	vip       = ip4(10, 0, 0, 200)
	dnsServer = ip4(10, 0, 0, 53)
	client6   = net.ParseIP("2001:db8::1")
	server6   = net.ParseIP("2001:db8::100")
)

func ip4(a, b, c, d byte) net.IP { return net.IPv4(a, b, c, d).To4() }

// rng is splitmix64: a fixed, tiny generator, so the captures never
// depend on a library's random streams.
type rng uint64

func (r *rng) next() uint64 {
	*r += 0x9e3779b97f4a7c15
	z := uint64(*r)
	z = (z ^ z>>30) * 0xbf58476d1ce4e5b9
	z = (z ^ z>>27) * 0x94d049bb133111eb
	return z ^ z>>31
}

func (r *rng) intn(n int) int { return int(r.next() % uint64(n)) }

func (r *rng) payload(n int) []byte {
	p := make([]byte, n)
	for i := range p {
		p[i] = byte(r.next())
	}
	return p
}

// serialize builds a frame from layers, fixing lengths and checksums; a
// transport layer's checksum covers the network layer just before it.
// gopacket's Ethernet layer pads frames to the 60-byte minimum, as a NIC
// would.
func serialize(ls ...gopacket.SerializableLayer) []byte {
	var network gopacket.NetworkLayer
	for _, l := range ls {
		if c, ok := l.(interface {
			SetNetworkLayerForChecksum(gopacket.NetworkLayer) error
		}); ok && network != nil {
			if err := c.SetNetworkLayerForChecksum(network); err != nil {
				panic(err)
			}
		}
		if n, ok := l.(gopacket.NetworkLayer); ok {
			network = n
		}
	}
	buf := gopacket.NewSerializeBuffer()
	opts := gopacket.SerializeOptions{FixLengths: true, ComputeChecksums: true}
	if err := gopacket.SerializeLayers(buf, opts, ls...); err != nil {
		panic(err)
	}
	return bytes.Clone(buf.Bytes())
}

func eth(t layers.EthernetType) *layers.Ethernet {
	return &layers.Ethernet{SrcMAC: macClient, DstMAC: macRouter, EthernetType: t}
}

func ipv4(src, dst net.IP, proto layers.IPProtocol, id uint16) *layers.IPv4 {
	return &layers.IPv4{Version: 4, IHL: 5, TTL: 64, Id: id, Flags: layers.IPv4DontFragment,
		Protocol: proto, SrcIP: src, DstIP: dst}
}

func udpFrame(src, dst net.IP, sport, dport uint16, id uint16, payload []byte) []byte {
	ip := ipv4(src, dst, layers.IPProtocolUDP, id)
	return serialize(eth(layers.EthernetTypeIPv4), ip,
		&layers.UDP{SrcPort: layers.UDPPort(sport), DstPort: layers.UDPPort(dport)}, gopacket.Payload(payload))
}

func tcpFrame(src, dst net.IP, sport, dport uint16, id uint16, syn bool, payload []byte) []byte {
	ip := ipv4(src, dst, layers.IPProtocolTCP, id)
	tcp := &layers.TCP{SrcPort: layers.TCPPort(sport), DstPort: layers.TCPPort(dport),
		Seq: uint32(id) * 1000, Window: 64240, SYN: syn, ACK: !syn, PSH: len(payload) > 0}
	if !syn {
		tcp.Ack = 1
	}
	return serialize(eth(layers.EthernetTypeIPv4), ip, tcp, gopacket.Payload(payload))
}

func icmpFrame(src, dst net.IP, id uint16, reply bool) []byte {
	typ := uint8(layers.ICMPv4TypeEchoRequest)
	if reply {
		typ = layers.ICMPv4TypeEchoReply
	}
	return serialize(eth(layers.EthernetTypeIPv4), ipv4(src, dst, layers.IPProtocolICMPv4, id),
		&layers.ICMPv4{TypeCode: layers.CreateICMPv4TypeCode(typ, 0), Id: 0x4242, Seq: id},
		gopacket.Payload(bytes.Repeat([]byte{0xab}, 32)))
}

func ipv6Frame(r *rng, id uint16) []byte {
	ip := &layers.IPv6{Version: 6, HopLimit: 64, SrcIP: client6, DstIP: server6}
	switch r.intn(3) {
	case 0:
		ip.NextHeader = layers.IPProtocolUDP
		return serialize(eth(layers.EthernetTypeIPv6), ip,
			&layers.UDP{SrcPort: layers.UDPPort(40000 + id), DstPort: 53}, gopacket.Payload(r.payload(20+r.intn(60))))
	case 1:
		ip.NextHeader = layers.IPProtocolTCP
		return serialize(eth(layers.EthernetTypeIPv6), ip,
			&layers.TCP{SrcPort: layers.TCPPort(40000 + id), DstPort: 443, SYN: true, Window: 64240})
	default:
		ip.NextHeader = layers.IPProtocolICMPv6
		return serialize(eth(layers.EthernetTypeIPv6), ip,
			&layers.ICMPv6{TypeCode: layers.CreateICMPv6TypeCode(layers.ICMPv6TypeEchoRequest, 0)},
			&layers.ICMPv6Echo{Identifier: 7, SeqNumber: id}, gopacket.Payload(r.payload(16)))
	}
}

func arpFrame(reply bool, who net.IP) []byte {
	a := &layers.ARP{AddrType: layers.LinkTypeEthernet, Protocol: layers.EthernetTypeIPv4,
		HwAddressSize: 6, ProtAddressSize: 4, Operation: layers.ARPRequest,
		SourceHwAddress: macClient, SourceProtAddress: clients[0],
		DstHwAddress: make(net.HardwareAddr, 6), DstProtAddress: who}
	e := eth(layers.EthernetTypeARP)
	e.DstMAC = net.HardwareAddr{0xff, 0xff, 0xff, 0xff, 0xff, 0xff}
	if reply {
		a.Operation = layers.ARPReply
		a.SourceHwAddress, a.DstHwAddress = macRouter, macClient
		a.SourceProtAddress, a.DstProtAddress = who, clients[0]
		e.SrcMAC, e.DstMAC = macRouter, macClient
	}
	return serialize(e, a)
}

func vlanFrame(src, dst net.IP, tcp bool, id uint16) []byte {
	e := eth(layers.EthernetTypeDot1Q)
	tag := &layers.Dot1Q{VLANIdentifier: 100, Type: layers.EthernetTypeIPv4}
	if tcp {
		ip := ipv4(src, dst, layers.IPProtocolTCP, id)
		return serialize(e, tag, ip, &layers.TCP{SrcPort: 33000, DstPort: 80, SYN: true, Window: 1024})
	}
	ip := ipv4(src, dst, layers.IPProtocolUDP, id)
	return serialize(e, tag, ip, &layers.UDP{SrcPort: 33000, DstPort: 53}, gopacket.Payload([]byte("vlan")))
}

// withOptions is a UDP frame whose IPv4 header carries a Router Alert
// option (ihl 6).
func withOptions(src, dst net.IP, sport, dport uint16, id uint16) []byte {
	ip := ipv4(src, dst, layers.IPProtocolUDP, id)
	ip.Options = []layers.IPv4Option{{OptionType: 148, OptionLength: 4, OptionData: []byte{0, 0}}}
	return serialize(eth(layers.EthernetTypeIPv4), ip,
		&layers.UDP{SrcPort: layers.UDPPort(sport), DstPort: layers.UDPPort(dport)}, gopacket.Payload([]byte("options")))
}

// fragment is a UDP datagram's first fragment (more fragments) or a later
// one (offset 185*8 bytes).
func fragment(src, dst net.IP, dport uint16, first bool, id uint16) []byte {
	ip := ipv4(src, dst, layers.IPProtocolUDP, id)
	ip.Flags = layers.IPv4MoreFragments
	if !first {
		ip.FragOffset = 185
		return serialize(eth(layers.EthernetTypeIPv4), ip, gopacket.Payload(bytes.Repeat([]byte{0x55}, 40)))
	}
	return serialize(eth(layers.EthernetTypeIPv4), ip,
		&layers.UDP{SrcPort: 5000, DstPort: layers.UDPPort(dport)}, gopacket.Payload(bytes.Repeat([]byte{0x66}, 40)))
}

// ipip is an IP-in-IP frame: outer 10.1.0.2 -> 10.1.0.1 (ihl 5, or 6 with
// a Router Alert option), inner UDP.
func ipip(src, dst net.IP, id uint16, outerOptions bool, payload []byte) []byte {
	outer := ipv4(ip4(10, 1, 0, 2), ip4(10, 1, 0, 1), layers.IPProtocolIPv4, id)
	if outerOptions {
		outer.Options = []layers.IPv4Option{{OptionType: 148, OptionLength: 4, OptionData: []byte{0, 0}}}
	}
	inner := ipv4(src, dst, layers.IPProtocolUDP, id+1)
	return serialize(eth(layers.EthernetTypeIPv4), outer, inner,
		&layers.UDP{SrcPort: 6000, DstPort: 7000}, gopacket.Payload(payload))
}

// zeroUDPChecksum clears the UDP checksum of a frame without options: the
// sender computed none.
func zeroUDPChecksum(f []byte) []byte {
	f[14+20+6], f[14+20+7] = 0, 0
	return f
}

// badIPChecksum corrupts the IPv4 header checksum.
func badIPChecksum(f []byte) []byte {
	f[14+10] ^= 0x5a
	return f
}

// mixedFrames is mixed.pcap: 200 frames of everyday traffic (IPv4 TCP,
// UDP and ICMP from four clients and the two blocked sources, IPv6, ARP,
// VLAN-tagged IPv4) with 24 special frames spread through it: a 12-byte
// runt, truncated IPv4, bad checksums, IPv4 options, fragments, IP-in-IP,
// big frames, UDP to the programs' ports (53, 5353, 7777 with and without
// the "callx!" magic, 8053) and to 10.0.0.53.
func mixedFrames() [][]byte {
	r := rng(1)
	special := [][]byte{
		{0x02, 0, 0, 0, 0, 0xfe, 0x02, 0, 0, 0, 0, 0x01},                // runt: shorter than an Ethernet header
		serialize(eth(layers.EthernetTypeIPv4))[:14],                    // an Ethernet header and nothing else
		udpFrame(clients[0], server, 1000, 53, 920, nil)[:14+10],        // IPv4 header cut short
		udpFrame(clients[1], vip, 1001, 53, 921, []byte("cut"))[:14+24], // UDP header cut short
		badIPChecksum(udpFrame(clients[1], server, 1111, 53, 900, []byte("bad checksum"))),
		badIPChecksum(tcpFrame(blockedA, server, 2222, 80, 901, true, nil)),
		withOptions(clients[2], vip, 1234, 53, 902),
		fragment(clients[0], vip, 53, true, 903),
		fragment(clients[0], vip, 53, false, 903),
		ipip(clients[1], server, 904, false, []byte("tunnelled")),
		ipip(clients[3], server, 906, true, []byte("tunnelled with options")),
		vlanFrame(clients[0], server, false, 908),
		vlanFrame(blockedA, server, true, 909),
		vlanFrame(blockedB, vip, false, 910),
		tcpFrame(clients[2], server, 40001, 443, 911, false, r.payload(1200)),
		udpFrame(clients[3], server, 40002, 9999, 912, r.payload(1350)),
		udpFrame(clients[0], server, 40003, 7777, 913, []byte("callx! hello")),
		udpFrame(blockedB, server, 40004, 7777, 914, []byte("callx!")),
		udpFrame(clients[1], server, 40005, 7777, 915, []byte("calla! not magic")),
		udpFrame(clients[2], server, 40006, 7777, 916, []byte("call")),
		udpFrame(clients[0], dnsServer, 40007, 8053, 917, []byte("redirect me")),
		zeroUDPChecksum(udpFrame(clients[3], dnsServer, 40008, 53, 918, []byte("no checksum"))),
		udpFrame(clients[1], server, 40009, 5353, 919, []byte("mdns query")),
		arpFrame(false, server),
	}

	var frames [][]byte
	for i := 0; len(frames) < 200; i++ {
		if i%8 == 3 && len(special) > 0 {
			frames = append(frames, special[0])
			special = special[1:]
			continue
		}
		id := uint16(i + 1)
		src := clients[r.intn(len(clients))]
		if r.intn(5) == 0 {
			src = []net.IP{blockedA, blockedB}[r.intn(2)]
		}
		switch k := r.intn(20); {
		case k < 8:
			dport := []uint16{80, 443, 22, 8080}[r.intn(4)]
			frames = append(frames, tcpFrame(src, server, 30000+id, dport, id, r.intn(3) == 0, r.payload(r.intn(4)*r.intn(200))))
		case k < 14:
			dst := []net.IP{server, vip, vip, dnsServer}[r.intn(4)]
			dport := []uint16{53, 123, 5353, 7777, 8053, 9999}[r.intn(6)]
			frames = append(frames, udpFrame(src, dst, 20000+id, dport, id, r.payload(r.intn(120))))
		case k < 16:
			frames = append(frames, icmpFrame(src, server, id, r.intn(2) == 0))
		case k < 18:
			frames = append(frames, ipv6Frame(&r, id))
		case k < 19:
			frames = append(frames, arpFrame(r.intn(2) == 0, clients[r.intn(len(clients))]))
		default:
			frames = append(frames, vlanFrame(src, server, r.intn(2) == 0, id))
		}
	}
	return frames
}

// lbFrames is lb.pcap: UDP flows to the VIP from many sources and ports
// (one without a UDP checksum, one with IPv4 options, one a first
// fragment), and traffic the balancer must leave alone.
func lbFrames() [][]byte {
	r := rng(2)
	var frames [][]byte
	for i := range 32 {
		src := ip4(10, 0, byte(1+r.intn(3)), byte(1+r.intn(250)))
		frames = append(frames, udpFrame(src, vip, uint16(1024+r.intn(60000)), []uint16{53, 80, 443, 4789}[i%4], uint16(i+1), r.payload(r.intn(200))))
	}
	frames = append(frames,
		zeroUDPChecksum(udpFrame(clients[0], vip, 5555, 53, 40, []byte("no udp checksum"))),
		withOptions(clients[1], vip, 5556, 53, 41),
		fragment(clients[2], vip, 53, true, 42),
		fragment(clients[2], vip, 53, false, 42),
		tcpFrame(clients[0], vip, 5557, 53, 43, true, nil),
		udpFrame(clients[0], server, 5558, 53, 44, []byte("not the vip")),
		icmpFrame(clients[1], vip, 45, false),
		vlanFrame(clients[2], vip, false, 46),
		ipv6Frame(&r, 47),
		arpFrame(false, vip),
		udpFrame(clients[0], vip, 5559, 53, 48, nil)[:14+20+4],
	)
	return frames
}

// adjustFrames is adjust.pcap: IPv4 to encapsulate (padded and not),
// IP-in-IP to decapsulate, and frames adjust.bpf.c must pass or drop.
func adjustFrames() [][]byte {
	r := rng(3)
	tooLong := udpFrame(clients[0], server, 7001, 53, 20, []byte("tot_len lies"))
	tooLong[14+2], tooLong[14+3] = 0x05, 0xdc // tot_len 1500
	return [][]byte{
		udpFrame(clients[0], server, 7000, 53, 1, []byte("x")), // padded to 60
		udpFrame(clients[1], server, 7000, 53, 2, r.payload(300)),
		tcpFrame(clients[2], server, 7000, 80, 3, true, nil), // padded
		tcpFrame(clients[3], server, 7000, 80, 4, false, r.payload(700)),
		icmpFrame(clients[0], server, 5, false),
		withOptions(clients[1], server, 7000, 53, 6),
		ipip(clients[0], server, 7, false, []byte("a")), // padded
		ipip(clients[1], server, 9, false, r.payload(400)),
		ipip(clients[2], server, 11, true, []byte("outer options")),
		udpFrame(clients[0], server, 7000, 53, 13, nil)[:14+20+4], // cut short
		serialize(eth(layers.EthernetTypeIPv4))[:14],              // Ethernet header only
		tooLong,
		arpFrame(false, server),
		ipv6Frame(&r, 14),
		vlanFrame(clients[0], server, false, 15),
	}
}

// csumFrames is csum.pcap: UDP to port 8053 to rewrite (with and without
// a UDP checksum, with IPv4 options) and packets csum.bpf.c leaves alone.
func csumFrames() [][]byte {
	r := rng(4)
	var frames [][]byte
	for i := range 12 {
		frames = append(frames, udpFrame(clients[i%len(clients)], []net.IP{server, vip, dnsServer}[i%3], uint16(20000+r.intn(40000)), 8053, uint16(i+1), r.payload(r.intn(300))))
	}
	return append(frames,
		zeroUDPChecksum(udpFrame(clients[0], server, 5000, 8053, 20, []byte("no checksum"))),
		withOptions(clients[1], server, 5001, 8053, 21),
		udpFrame(clients[2], server, 5002, 53, 22, []byte("other port")),
		tcpFrame(clients[3], server, 5003, 8053, 23, true, nil),
		fragment(clients[0], server, 8053, true, 24),
		fragment(clients[0], server, 8053, false, 24),
		vlanFrame(clients[1], server, false, 25),
		ipv6Frame(&r, 26),
		udpFrame(clients[0], server, 5004, 8053, 27, nil)[:14+20+4],
	)
}
