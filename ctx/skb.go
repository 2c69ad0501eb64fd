package ctx

// This file implements the socket buffer context of tc (sched_cls) and
// socket filter programs: struct __sk_buff, over a packet laid out as
// BPF_PROG_TEST_RUN lays it out (64 bytes of headroom, the Ethernet header
// pulled for socket filters), with the kernel's per-type access rules.

import (
	"encoding/binary"
	"fmt"

	"github.com/callx/callx/vm"
)

// SKBKind is the program type that owns a socket buffer context.
type SKBKind int

// Socket buffer program types.
const (
	TC           SKBKind = iota // sched_cls: sees the Ethernet header, writes mark, priority, ...
	SocketFilter                // sees the packet from the network header, writes only cb
)

// tc verdicts (TC_ACT_*).
const (
	TCActOK       = 0
	TCActShot     = 2
	TCActRedirect = 7
)

const (
	skbHeadroom = 64 // NET_SKB_PAD + NET_IP_ALIGN on x86-64
	skbMaxData  = FrameSize - skbHeadroom - Tailroom
)

// struct __sk_buff field offsets (include/uapi/linux/bpf.h).
const (
	skbLen            = 0
	skbPktType        = 4
	skbMark           = 8
	skbQueueMapping   = 12
	skbProtocol       = 16
	skbVlanPresent    = 20
	skbVlanTCI        = 24
	skbVlanProto      = 28
	skbPriority       = 32
	skbIngressIfindex = 36
	skbIfindex        = 40
	skbTCIndex        = 44
	skbCB             = 48 // 5 × u32
	skbHash           = 68
	skbTCClassid      = 72
	skbData           = 76
	skbDataEnd        = 80
	skbNapiID         = 84
	skbFamily         = 88
	skbRemoteIP4      = 92
	skbLocalIP4       = 96
	skbRemoteIP6      = 100
	skbLocalIP6       = 116
	skbRemotePort     = 132
	skbLocalPort      = 136
	skbDataMeta       = 140
	skbFlowKeys       = 144
	skbTstamp         = 152
	skbWireLen        = 160
	skbGSOSegs        = 164
	skbSk             = 168
	skbGSOSize        = 176
	skbTstampType     = 180
	skbHwtstamp       = 184
	skbSize           = 192
)

// SKB is the context of one tc or socket filter run.
type SKB struct {
	Kind  SKBKind
	m     *vm.Machine
	frame [FrameSize]byte
	data  int // offsets in frame
	end   int
	mac   int // where the Ethernet header starts

	Mark, Priority, TCIndex, TCClassid, QueueMapping uint32
	CB                                               [5]uint32
	Tstamp                                           uint64
	Redirected                                       uint32
	protocol, pktType, ifindex                       uint32
	family, localIP4, remoteIP4                      uint32
}

// NewSKB returns a socket buffer context of the given kind for runs on m.
func NewSKB(m *vm.Machine, kind SKBKind) *SKB { return &SKB{Kind: kind, m: m} }

// Reset puts a new Ethernet frame in the buffer and sets the fields a
// test run sets (eth_type_trans on the loopback device, ifindex 1).
func (s *SKB) Reset(frame []byte) error {
	if len(frame) < ethHdrLen || len(frame) > skbMaxData {
		return fmt.Errorf("%w: a socket buffer packet has %d to %d bytes, this one %d", ErrPacketSize, ethHdrLen, skbMaxData, len(frame))
	}
	// Linux 6.18's test run also refuses IPv4 and IPv6 frames too short
	// for their network header (found by testing; kernel/kernel_test.go).
	switch binary.BigEndian.Uint16(frame[12:]) {
	case 0x0800:
		if len(frame) < ethHdrLen+20 {
			return fmt.Errorf("%w: an IPv4 socket buffer needs 34 bytes, this one has %d", ErrPacketSize, len(frame))
		}
	case 0x86dd:
		if len(frame) < ethHdrLen+40 {
			return fmt.Errorf("%w: an IPv6 socket buffer needs 54 bytes, this one has %d", ErrPacketSize, len(frame))
		}
	}
	s.mac = skbHeadroom
	s.end = s.mac + copy(s.frame[s.mac:], frame)
	s.data = s.mac
	if s.Kind == SocketFilter {
		s.data += ethHdrLen
	}
	s.Mark, s.Priority, s.TCIndex, s.TCClassid, s.QueueMapping, s.Tstamp = 0, 0, 0, 0, 0, 0
	s.CB, s.Redirected = [5]uint32{}, 0
	s.ifindex = 1
	s.protocol = uint32(binary.LittleEndian.Uint16(frame[12:])) // __be16 as the kernel keeps it
	s.pktType = packetType(frame[:6])
	s.family, s.localIP4, s.remoteIP4 = 0, 0, 0
	l3 := frame[ethHdrLen:]
	switch s.protocol {
	case 0x0008: // IPv4
		s.family = 2
		if len(l3) >= 20 {
			s.localIP4 = binary.LittleEndian.Uint32(l3[12:])
			s.remoteIP4 = binary.LittleEndian.Uint32(l3[16:])
		}
	case 0xdd86: // IPv6
		s.family = 10
	}
	s.sync()
	return nil
}

// packetType is eth_type_trans's pkt_type on a device whose address is all zeros.
func packetType(dst []byte) uint32 {
	switch {
	case dst[0]&1 == 0:
		for _, b := range dst {
			if b != 0 {
				return 3 // PACKET_OTHERHOST
			}
		}
		return 0 // PACKET_HOST
	case string(dst) == "\xff\xff\xff\xff\xff\xff":
		return 1 // PACKET_BROADCAST
	}
	return 2 // PACKET_MULTICAST
}

// Run resets the context with frame and runs the machine's program.
func (s *SKB) Run(frame []byte) (uint64, error) {
	if err := s.Reset(frame); err != nil {
		return 0, err
	}
	return s.m.RunContext(s)
}

// Packet returns the frame after the run as BPF_PROG_TEST_RUN returns it:
// for a socket filter the Ethernet header comes back zeroed.
func (s *SKB) Packet() []byte {
	if s.Kind == SocketFilter {
		clear(s.frame[s.mac:s.data])
	}
	return s.frame[s.mac:s.end]
}

// sync shows the packet to the program and publishes the readable 4-byte
// fields of __sk_buff.
func (s *SKB) sync() {
	s.m.SetPacket(s.frame[:s.end])
	s.m.ClearContextWords()
	for off := uint32(0); off < skbSize; off += 4 {
		s.publish(off)
	}
}

// publish publishes the word at off, if a 4-byte load may read it.
func (s *SKB) publish(off uint32) {
	if s.m == nil {
		return // not attached to a machine yet: nothing to publish to
	}
	if v, start, width, ok := s.field(off); ok && start == off && width == 4 {
		s.m.SetContextWord(int(off/4), v)
	}
}

// PacketData implements helpers.SKBContext and vm.PacketContext.
func (s *SKB) PacketData() []byte { return s.frame[s.data:s.end] }

// ChangeData implements helpers.SKBContext.
func (s *SKB) ChangeData() {}

// Redirect implements bpf_redirect for tc.
func (s *SKB) Redirect(ifindex uint32, flags uint64) uint64 {
	if flags&^1 != 0 { // BPF_F_INGRESS
		return TCActShot
	}
	s.Redirected = ifindex
	return TCActRedirect
}

// field returns the value of the field holding byte off and the field's
// offset and width, or ok = false for fields this program type cannot read.
func (s *SKB) field(off uint32) (v uint64, start uint32, width int, ok bool) {
	u32 := func(v uint32, start uint32) (uint64, uint32, int, bool) { return uint64(v), start, 4, true }
	tc := s.Kind == TC
	switch {
	case off < skbCB:
		start := off &^ 3
		switch start {
		case skbLen:
			return u32(uint32(s.end-s.data), start)
		case skbPktType:
			return u32(s.pktType, start)
		case skbMark:
			return u32(s.Mark, start)
		case skbQueueMapping:
			return u32(s.QueueMapping, start)
		case skbProtocol:
			return u32(s.protocol, start)
		case skbPriority:
			return u32(s.Priority, start)
		case skbIfindex:
			return u32(s.ifindex, start)
		case skbTCIndex:
			return u32(s.TCIndex, start)
		}
		return u32(0, start) // vlan fields, ingress_ifindex
	case off < skbHash:
		start := off &^ 3
		return u32(s.CB[(start-skbCB)/4], start)
	case off < skbTCClassid:
		return u32(0, skbHash)
	case off < skbData:
		return uint64(s.TCClassid), skbTCClassid, 4, tc
	case off < skbDataEnd:
		return packetAddr(s.data), skbData, 4, tc
	case off < skbNapiID:
		return packetAddr(s.end), skbDataEnd, 4, tc
	case off < skbFamily:
		return u32(0, skbNapiID)
	case off < skbRemoteIP4:
		return uint64(s.family), skbFamily, 4, tc
	case off < skbLocalIP4:
		return uint64(s.remoteIP4), skbRemoteIP4, 4, tc
	case off < skbRemoteIP6:
		return uint64(s.localIP4), skbLocalIP4, 4, tc
	case off < skbDataMeta:
		return 0, off &^ 3, 4, tc // ip6 addresses and ports
	case off < skbFlowKeys:
		return packetAddr(s.data), skbDataMeta, 4, tc
	case off < skbTstamp:
		return 0, skbFlowKeys, 8, false
	case off < skbWireLen:
		return s.Tstamp, skbTstamp, 8, tc
	case off < skbGSOSegs:
		return 0, skbWireLen, 4, tc
	case off < skbSk:
		return u32(0, skbGSOSegs)
	case off < skbGSOSize:
		return 0, skbSk, 8, false // struct bpf_sock: not supported
	case off < skbHwtstamp:
		return u32(0, off&^3)
	case off < skbSize:
		return 0, skbHwtstamp, 8, tc
	}
	return 0, 0, 0, false
}

// LoadField implements vm.Context, with the narrow loads the kernel allows
// on plain fields (the low bytes, on a little-endian machine).
func (s *SKB) LoadField(_ *vm.Machine, off uint32, size int) (uint64, error) {
	if v, ok := s.loadCB(off, size); ok {
		return v, nil
	}
	v, start, width, ok := s.field(off)
	bad := &vm.ContextAccessError{Off: off, Size: size}
	if !ok || off%uint32(size) != 0 || int(off-start)+size > width {
		return 0, bad
	}
	pointer := start == skbData || start == skbDataEnd || start == skbDataMeta
	if pointer && size != 4 || (width == 8 && size != 8) {
		return 0, bad
	}
	if pointer {
		return v, nil
	}
	v >>= 8 * (off - start)
	if size < 8 {
		v &= 1<<(8*size) - 1
	}
	return v, nil
}

// StoreField implements vm.Context: socket filters write cb only; tc
// programs also mark, priority, queue_mapping, tc_index, tc_classid, tstamp.
func (s *SKB) StoreField(_ *vm.Machine, off uint32, size int, v uint64) error {
	bad := &vm.ContextAccessError{Off: off, Size: size, Write: true}
	if s.storeCB(off, size, v) {
		return nil
	}
	if s.Kind != TC {
		return bad
	}
	if off == skbTstamp && size == 8 {
		s.Tstamp = v
		return nil
	}
	if size != 4 || off%4 != 0 {
		return bad
	}
	switch off {
	case skbMark:
		s.Mark = uint32(v)
	case skbPriority:
		s.Priority = uint32(v)
	case skbQueueMapping:
		s.QueueMapping = uint32(v)
	case skbTCIndex:
		s.TCIndex = uint32(v)
	case skbTCClassid:
		s.TCClassid = uint32(v)
	default:
		return bad
	}
	s.publish(off)
	return nil
}

// TCActionName names a tc verdict.
func TCActionName(v uint64) string {
	switch int64(int32(v)) {
	case -1:
		return "TC_ACT_UNSPEC"
	case TCActOK:
		return "TC_ACT_OK"
	case 1:
		return "TC_ACT_RECLASSIFY"
	case TCActShot:
		return "TC_ACT_SHOT"
	case 3:
		return "TC_ACT_PIPE"
	case 4:
		return "TC_ACT_STOLEN"
	case 5:
		return "TC_ACT_QUEUED"
	case 6:
		return "TC_ACT_REPEAT"
	case TCActRedirect:
		return "TC_ACT_REDIRECT"
	}
	return fmt.Sprintf("unknown(%d)", int32(v))
}

// cb[] is 20 bytes of scratch memory to the kernel: any naturally aligned
// access of 1, 2, 4 or 8 bytes inside it (bpf_skb_is_valid_access), which
// the engine keeps as five little-endian words.
func cbAccess(off uint32, size int) bool {
	return off >= skbCB && off+uint32(size) <= skbHash && off%uint32(size) == 0 &&
		(size == 1 || size == 2 || size == 4 || size == 8)
}

// loadCB reads size bytes of cb at off, if the access is one.
func (s *SKB) loadCB(off uint32, size int) (uint64, bool) {
	if !cbAccess(off, size) {
		return 0, false
	}
	var v uint64
	for i := size - 1; i >= 0; i-- {
		b := off - skbCB + uint32(i)
		v = v<<8 | uint64(s.CB[b/4]>>(8*(b%4))&0xff)
	}
	return v, true
}

// storeCB writes size bytes of v into cb at off, if the access is one.
func (s *SKB) storeCB(off uint32, size int, v uint64) bool {
	if !cbAccess(off, size) {
		return false
	}
	for i := 0; i < size; i++ {
		b := off - skbCB + uint32(i)
		w := &s.CB[b/4]
		*w = *w&^(0xff<<(8*(b%4))) | uint32(byte(v>>(8*i)))<<(8*(b%4))
	}
	for w := (off - skbCB) / 4; w <= (off-skbCB+uint32(size)-1)/4; w++ {
		s.publish(skbCB + 4*w)
	}
	return true
}
