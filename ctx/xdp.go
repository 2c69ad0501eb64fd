package ctx

// This file implements the XDP context: struct xdp_md over a packet laid
// out as BPF_PROG_TEST_RUN does it, one 4096-byte frame with 256 bytes of
// headroom and the skb_shared_info tailroom reserved at the end.

import (
	"errors"
	"fmt"

	"github.com/callx/callx/vm"
)

// XDP verdicts (enum xdp_action).
const (
	XDPAborted  = 0
	XDPDrop     = 1
	XDPPass     = 2
	XDPTX       = 3
	XDPRedirect = 4
)

// XDPActionName names a verdict.
func XDPActionName(v uint64) string {
	switch v {
	case XDPAborted:
		return "XDP_ABORTED"
	case XDPDrop:
		return "XDP_DROP"
	case XDPPass:
		return "XDP_PASS"
	case XDPTX:
		return "XDP_TX"
	case XDPRedirect:
		return "XDP_REDIRECT"
	}
	return fmt.Sprintf("unknown(%d)", v)
}

// Frame geometry of BPF_PROG_TEST_RUN for XDP on x86-64.
const (
	FrameSize    = 4096 // frame_sz: one page
	Headroom     = 256  // XDP_PACKET_HEADROOM
	Tailroom     = 320  // SKB_DATA_ALIGN(sizeof(struct skb_shared_info))
	xdpFrameSize = 40   // sizeof(struct xdp_frame), kept free at the start
	ethHdrLen    = 14   // ETH_HLEN
	maxMetaLen   = 255  // the u8 meta_len of skb_shared_info (Linux 6.x; it was 32)
	// MaxXDPPacket is the largest packet an XDP run takes.
	MaxXDPPacket = FrameSize - Headroom - Tailroom
)

// struct xdp_md field offsets.
const (
	xdpData           = 0
	xdpDataEnd        = 4
	xdpDataMeta       = 8
	xdpIngressIfindex = 12
	xdpRxQueueIndex   = 16
	xdpEgressIfindex  = 20
	xdpMDSize         = 24
)

// ErrPacketSize is a packet BPF_PROG_TEST_RUN would refuse: shorter than
// an Ethernet header or longer than the frame takes.
var ErrPacketSize = errors.New("packet size out of range")

// XDP is the context of one XDP run. Reuse it across runs with Reset.
type XDP struct {
	m              *vm.Machine
	frame          [FrameSize]byte
	meta           int // offsets in frame
	data           int
	dataEnd        int
	IngressIfindex uint32
	RxQueueIndex   uint32
	// Redirected is the ifindex of the last bpf_redirect (valid when the
	// verdict is XDP_REDIRECT).
	Redirected uint32
}

// NewXDP returns an XDP context for runs on machine m.
func NewXDP(m *vm.Machine) *XDP { return &XDP{m: m, IngressIfindex: 1} }

// Reset puts a new packet in the frame.
func (x *XDP) Reset(pkt []byte) error {
	if len(pkt) < ethHdrLen || len(pkt) > MaxXDPPacket {
		return fmt.Errorf("%w: an XDP packet has %d to %d bytes, this one %d", ErrPacketSize, ethHdrLen, MaxXDPPacket, len(pkt))
	}
	clear(x.frame[:Headroom])
	x.meta, x.data = Headroom, Headroom
	x.dataEnd = Headroom + copy(x.frame[Headroom:], pkt)
	x.Redirected = 0
	x.sync()
	return nil
}

// Packet returns the packet bytes now (data to data_end).
func (x *XDP) Packet() []byte { return x.frame[x.data:x.dataEnd] }

// Meta returns the metadata in front of the packet (data_meta to data).
func (x *XDP) Meta() []byte { return x.frame[x.meta:x.data] }

// Run resets the context with pkt and runs the machine's program on it.
func (x *XDP) Run(pkt []byte) (uint64, error) {
	if err := x.Reset(pkt); err != nil {
		return 0, err
	}
	return x.m.RunContext(x)
}

// sync shows the packet to the program (the region ends at data_end) and
// publishes the xdp_md words.
func (x *XDP) sync() {
	m := x.m
	m.ClearContextWords()
	x.syncPacket()
	m.SetContextWord(xdpIngressIfindex/4, uint64(x.IngressIfindex))
	m.SetContextWord(xdpRxQueueIndex/4, uint64(x.RxQueueIndex))
	m.SetContextWord(xdpEgressIfindex/4, 0)
}

// syncPacket is sync for the words the adjust helpers change (they run in
// the middle of a run, where a helper call costs what they do).
func (x *XDP) syncPacket() {
	m := x.m
	m.SetPacket(x.frame[:x.dataEnd])
	m.SetContextWord(xdpData/4, packetAddr(x.data))
	m.SetContextWord(xdpDataEnd/4, packetAddr(x.dataEnd))
	m.SetContextWord(xdpDataMeta/4, packetAddr(x.meta))
}

func packetAddr(off int) uint64 { return vm.Addr(vm.PacketRegion, uint64(off)) }

// LoadField implements vm.Context: every xdp_md field is a 4-byte read.
func (x *XDP) LoadField(_ *vm.Machine, off uint32, size int) (uint64, error) {
	if size != 4 || off%4 != 0 || off >= xdpMDSize {
		return 0, &vm.ContextAccessError{Off: off, Size: size}
	}
	switch off {
	case xdpData:
		return packetAddr(x.data), nil
	case xdpDataEnd:
		return packetAddr(x.dataEnd), nil
	case xdpDataMeta:
		return packetAddr(x.meta), nil
	case xdpIngressIfindex:
		return uint64(x.IngressIfindex), nil
	case xdpRxQueueIndex:
		return uint64(x.RxQueueIndex), nil
	}
	return 0, nil // egress_ifindex: 0 outside devmap programs
}

// StoreField implements vm.Context: xdp_md is read-only.
func (x *XDP) StoreField(_ *vm.Machine, off uint32, size int, _ uint64) error {
	return &vm.ContextAccessError{Off: off, Size: size, Write: true}
}

const (
	eINVAL  = -22
	eACCES  = -13
	errnoOK = 0
)

// AdjustHead implements bpf_xdp_adjust_head: move data (and the metadata
// with it) by delta.
func (x *XDP) AdjustHead(delta int) int64 {
	metaLen := x.data - x.meta
	data := x.data + delta
	if data < xdpFrameSize+metaLen || data > x.dataEnd-ethHdrLen {
		return eINVAL
	}
	if metaLen > 0 {
		copy(x.frame[x.meta+delta:], x.frame[x.meta:x.data])
	}
	x.meta += delta
	x.data = data
	x.syncPacket()
	return errnoOK
}

// AdjustMeta implements bpf_xdp_adjust_meta.
func (x *XDP) AdjustMeta(delta int) int64 {
	meta := x.meta + delta
	if meta < xdpFrameSize || meta > x.data {
		return eINVAL
	}
	if n := x.data - meta; n%4 != 0 || n > maxMetaLen {
		return eACCES
	}
	x.meta = meta
	x.syncPacket()
	return errnoOK
}

// AdjustTail implements bpf_xdp_adjust_tail: move data_end; new bytes are zero.
func (x *XDP) AdjustTail(delta int) int64 {
	end := x.dataEnd + delta
	if end > FrameSize-Tailroom || end < x.data+ethHdrLen {
		return eINVAL
	}
	if delta > 0 {
		clear(x.frame[x.dataEnd:end])
	}
	x.dataEnd = end
	x.syncPacket()
	return errnoOK
}

// Redirect implements bpf_redirect for XDP.
func (x *XDP) Redirect(ifindex uint32, flags uint64) uint64 {
	if flags != 0 {
		return XDPAborted
	}
	x.Redirected = ifindex
	return XDPRedirect
}
