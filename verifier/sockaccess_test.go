package verifier

import (
	"fmt"
	"testing"
)

// Offsets of struct bpf_sock, bpf_tcp_sock and bpf_xdp_sock, from the uapi
// header of Linux 6.12 (include/uapi/linux/bpf.h, x86-64).
const (
	bsBoundDevIf, bsFamily, bsType, bsProtocol   = 0, 4, 8, 12
	bsMark, bsPriority, bsSrcIP4, bsSrcIP6       = 16, 20, 24, 28
	bsSrcPort, bsDstPort, bsDstIP4, bsDstIP6     = 44, 48, 52, 56
	bsState, bsRxQueueMapping, bsSize            = 72, 76, 80
	tsSndCwnd, tsSrttUs, tsRttMin, tsSndSsthresh = 0, 4, 8, 12
	tsSackedOut, tsBytesReceived, tsBytesAcked   = 76, 80, 88
	tsDsackDups, tsDelivered, tsDeliveredCE      = 96, 100, 104
	tsIcskRetransmits, tsSize                    = 108, 112
	xsQueueID, xsSize                            = 0, 4
)

func TestSockAccessLayouts(t *testing.T) {
	for _, c := range []struct {
		tb    *ctxTable
		field string
		off   int
	}{
		{sockTable, "bound_dev_if", bsBoundDevIf}, {sockTable, "family", bsFamily},
		{sockTable, "type", bsType}, {sockTable, "protocol", bsProtocol},
		{sockTable, "mark", bsMark}, {sockTable, "priority", bsPriority},
		{sockTable, "src_ip4", bsSrcIP4}, {sockTable, "src_ip6", bsSrcIP6},
		{sockTable, "src_port", bsSrcPort}, {sockTable, "dst_port", bsDstPort},
		{sockTable, "dst_ip4", bsDstIP4}, {sockTable, "dst_ip6", bsDstIP6},
		{sockTable, "state", bsState}, {sockTable, "rx_queue_mapping", bsRxQueueMapping},
		{sockCommonTable, "dst_port", bsDstPort}, {sockCommonTable, "state", bsState},
		{tcpSockTable, "snd_cwnd", tsSndCwnd}, {tcpSockTable, "srtt_us", tsSrttUs},
		{tcpSockTable, "rtt_min", tsRttMin}, {tcpSockTable, "snd_ssthresh", tsSndSsthresh},
		{tcpSockTable, "sacked_out", tsSackedOut},
		{tcpSockTable, "bytes_received", tsBytesReceived}, {tcpSockTable, "bytes_acked", tsBytesAcked},
		{tcpSockTable, "dsack_dups", tsDsackDups}, {tcpSockTable, "delivered", tsDelivered},
		{tcpSockTable, "delivered_ce", tsDeliveredCE}, {tcpSockTable, "icsk_retransmits", tsIcskRetransmits},
		{xdpSockTable, "queue_id", xsQueueID},
	} {
		f := c.tb.field(c.off)
		if f == nil || f.name != c.field || f.off != c.off {
			t.Errorf("%s: %s not at %d (%+v)", c.tb.name, c.field, c.off, f)
		}
	}
	for _, c := range []struct {
		tb   *ctxTable
		size int
	}{{sockTable, bsSize}, {sockCommonTable, bsSize}, {tcpSockTable, tsSize}, {xdpSockTable, xsSize}} {
		if c.tb.size != c.size {
			t.Errorf("sizeof(struct %s) = %d, want %d", c.tb.name, c.tb.size, c.size)
		}
	}
}

// sockCase is one access through a socket pointer and the kernel's
// verdict.
type sockCase struct {
	desc  string
	typ   RegType
	off   int
	size  int
	write bool
	ok    bool
	msg   string // "" when ok; the message without "R%d " otherwise
}

// sockLd and sockSt build cases; msg is derived from the type, offset and
// size unless given.
func sockLd(desc string, typ RegType, off, size int, ok bool) sockCase {
	c := sockCase{desc: desc, typ: typ, off: off, size: size, ok: ok}
	if !ok {
		c.msg = fmt.Sprintf("invalid %s access off=%d size=%d", typ, off, size)
	}
	return c
}

func sockSt(desc string, typ RegType, off, size int) sockCase {
	return sockCase{desc: desc, typ: typ, off: off, size: size, write: true,
		msg: "cannot write into " + typ.String()}
}

func TestSockAccess(t *testing.T) {
	const (
		sk  = PtrToSocket
		skc = PtrToSockCommon
		tp  = PtrToTCPSock
		xs  = PtrToXDPSock
	)
	cases := []sockCase{
		// verifier_sock.c.
		sockLd("skb->sk: sk->family [non fullsock field]", skc, bsFamily, 4, true),
		sockLd("skb->sk: sk->type [fullsock field]", skc, bsType, 4, false),
		sockLd("sk_fullsock(skb->sk): sk->type [fullsock field]", sk, bsType, 4, true),
		sockLd("sk_fullsock(skb->sk): sk->family [non fullsock field]", sk, bsFamily, 4, true),
		sockLd("sk_fullsock(skb->sk): sk->state [narrow load]", sk, bsState, 1, true),
		sockLd("sk_fullsock(skb->sk): sk->dst_port [word load] (backward compatibility)", sk, bsDstPort, 4, true),
		sockLd("sk_fullsock(skb->sk): sk->dst_port [half load]", sk, bsDstPort, 2, true),
		sockLd("sk_fullsock(skb->sk): sk->dst_port [half load] (invalid)", sk, bsDstPort+2, 2, false),
		sockLd("sk_fullsock(skb->sk): sk->dst_port [byte load]", sk, bsDstPort, 1, true),
		sockLd("sk_fullsock(skb->sk): sk->dst_port [byte load] (byte 1)", sk, bsDstPort+1, 1, true),
		sockLd("sk_fullsock(skb->sk): sk->dst_port [byte load] (invalid)", sk, bsDstPort+2, 1, false),
		sockLd("sk_fullsock(skb->sk): past sk->dst_port [half load] (invalid)", sk, bsDstPort+2, 2, false),
		sockLd("sk_fullsock(skb->sk): sk->dst_ip6 [load 2nd byte]", sk, bsDstIP6+1, 1, true),
		sockLd("sk_fullsock(skb->sk): sk->type [narrow load]", sk, bsType, 1, true),
		sockLd("sk_fullsock(skb->sk): sk->protocol [narrow load]", sk, bsProtocol, 1, true),
		sockLd("sk_fullsock(skb->sk): beyond last field", sk, bsSize, 4, false),
		sockLd("bpf_tcp_sock(skb->sk): tp->snd_cwnd", tp, tsSndCwnd, 4, true),
		sockLd("bpf_tcp_sock(skb->sk): tp->bytes_acked", tp, tsBytesAcked, 8, true),
		sockLd("bpf_tcp_sock(skb->sk): beyond last field", tp, tsBytesAcked+8, 8, false),
		sockLd("bpf_map_lookup_elem(xskmap, &key); xs->queue_id", xs, xsQueueID, 4, true),
		sockLd("bpf_map_lookup_elem(sockmap, &key); sk->type [fullsock field]", sk, bsType, 4, true),
		// verifier_ref_tracking.c, verifier_unpriv.c.
		sockLd("reference tracking: access member", sk, bsFamily, 4, true),
		sockSt("reference tracking: write to member", sk, bsMark, 4),
		sockLd("reference tracking: invalid 64-bit access of member", sk, 0, 8, false),
		sockSt("unpriv: spill/fill of different pointers stx - sock and ctx (write)", sk, bsMark, 4),
		// verifier_jeq_infer_not_null.c.
		sockLd("jeq infer not null: sk->type", sk, bsType, 4, true),
		// test_sock_fields.c: the dst_port loads it checks, and the
		// fields it copies.
		sockLd("sock_fields: dst_port word", sk, bsDstPort, 4, true),
		sockLd("sock_fields: dst_port half at 0", sk, bsDstPort, 2, true),
		sockLd("sock_fields: dst_port half at 2 (padding)", sk, bsDstPort+2, 2, false),
		sockLd("sock_fields: dst_port byte at 3 (padding)", sk, bsDstPort+3, 1, false),
		sockLd("sock_fields: src_ip6[3]", sk, bsSrcIP6+12, 4, true),
		sockLd("sock_fields: src_port", sk, bsSrcPort, 4, true),
		sockLd("sock_fields: rx_queue_mapping", sk, bsRxQueueMapping, 4, true),
		sockLd("sock_fields: bound_dev_if", sk, bsBoundDevIf, 4, true),
		sockLd("sock_fields: mark", sk, bsMark, 4, true),
		sockLd("sock_fields: priority", sk, bsPriority, 4, true),
		sockLd("sock_fields: tp->dsack_dups", tp, tsDsackDups, 4, true),
		sockLd("sock_fields: tp->bytes_received", tp, tsBytesReceived, 8, true),
		sockLd("sock_fields: tp->icsk_retransmits", tp, tsIcskRetransmits, 4, true),

		// struct bpf_sock, member by member.
		sockLd("bound_dev_if half", sk, bsBoundDevIf, 2, false),
		sockLd("bound_dev_if byte", sk, bsBoundDevIf, 1, false),
		sockLd("bound_dev_if dword (with family)", sk, bsBoundDevIf, 8, false),
		sockLd("family half", sk, bsFamily, 2, true),
		sockLd("family byte 1 (only narrow loads at the start)", sk, bsFamily+1, 1, false),
		sockLd("family upper half", sk, bsFamily+2, 2, false),
		sockLd("type dword", sk, bsType, 8, false),
		sockLd("type byte 3", sk, bsType+3, 1, false),
		sockLd("mark half", sk, bsMark, 2, false),
		sockLd("mark upper half", sk, bsMark+2, 2, false),
		sockLd("priority byte", sk, bsPriority, 1, false),
		sockLd("src_ip4", sk, bsSrcIP4, 4, true),
		sockLd("src_ip4 byte 3", sk, bsSrcIP4+3, 1, true),
		sockLd("src_ip4 upper half", sk, bsSrcIP4+2, 2, true),
		sockLd("src_ip4 dword (with src_ip6[0])", sk, bsSrcIP4, 8, false),
		sockLd("src_ip6[0]", sk, bsSrcIP6, 4, true),
		sockLd("src_ip6[1] half 1", sk, bsSrcIP6+6, 2, true),
		sockLd("src_ip6[2] byte", sk, bsSrcIP6+9, 1, true),
		sockLd("src_ip6 dword", sk, bsSrcIP6+4, 8, false),
		sockLd("src_ip6 unaligned word", sk, bsSrcIP6+2, 4, false),
		sockLd("src_port half", sk, bsSrcPort, 2, true),
		sockLd("src_port byte", sk, bsSrcPort, 1, true),
		sockLd("src_port upper half", sk, bsSrcPort+2, 2, false),
		sockLd("dst_port dword", sk, bsDstPort, 8, false),
		sockLd("dst_port unaligned half", sk, bsDstPort+1, 2, false),
		sockLd("dst_ip4", sk, bsDstIP4, 4, true),
		sockLd("dst_ip4 byte 2", sk, bsDstIP4+2, 1, true),
		sockLd("dst_ip6[3] upper half", sk, bsDstIP6+14, 2, true),
		sockLd("dst_ip6[3] byte 3", sk, bsDstIP6+15, 1, true),
		sockLd("dst_ip6 dword", sk, bsDstIP6, 8, false),
		sockLd("state", sk, bsState, 4, true),
		sockLd("state half", sk, bsState, 2, true),
		sockLd("state byte 1", sk, bsState+1, 1, false),
		sockLd("state dword (with rx_queue_mapping)", sk, bsState, 8, false),
		sockLd("rx_queue_mapping byte", sk, bsRxQueueMapping, 1, true),
		sockLd("rx_queue_mapping upper half", sk, bsRxQueueMapping+2, 2, false),
		sockLd("rx_queue_mapping last byte", sk, bsRxQueueMapping+3, 1, false),
		sockLd("last byte + 1", sk, bsSize, 1, false),
		sockLd("far past the end", sk, 1000, 4, false),
		sockLd("negative offset", sk, -4, 4, false),
		sockLd("unaligned word", sk, bsFamily+1, 4, false),
		sockSt("store to bound_dev_if", sk, bsBoundDevIf, 4),
		sockSt("store to priority", sk, bsPriority, 4),
		sockSt("byte store to src_ip4", sk, bsSrcIP4, 1),

		// struct bpf_sock through a sock_common.
		sockLd("common: bound_dev_if", skc, bsBoundDevIf, 4, true),
		sockLd("common: family byte", skc, bsFamily, 1, true),
		sockLd("common: type byte", skc, bsType, 1, false),
		sockLd("common: protocol", skc, bsProtocol, 4, false),
		sockLd("common: protocol byte", skc, bsProtocol, 1, false),
		sockLd("common: mark", skc, bsMark, 4, false),
		sockLd("common: priority", skc, bsPriority, 4, false),
		sockLd("common: priority last byte", skc, bsPriority+3, 1, false),
		sockLd("common: src_ip4", skc, bsSrcIP4, 4, true),
		sockLd("common: src_ip6 byte", skc, bsSrcIP6+5, 1, true),
		sockLd("common: src_port", skc, bsSrcPort, 4, true),
		sockLd("common: dst_port word", skc, bsDstPort, 4, true),
		sockLd("common: dst_port byte 1", skc, bsDstPort+1, 1, true),
		sockLd("common: dst_port padding", skc, bsDstPort+2, 2, false),
		sockLd("common: dst_ip4 half", skc, bsDstIP4+2, 2, true),
		sockLd("common: dst_ip6", skc, bsDstIP6+8, 4, true),
		sockLd("common: state byte", skc, bsState, 1, true),
		sockLd("common: rx_queue_mapping", skc, bsRxQueueMapping, 4, true),
		sockLd("common: beyond last field", skc, bsSize, 4, false),
		sockLd("common: dword", skc, bsBoundDevIf, 8, false),
		sockSt("common: store to family", skc, bsFamily, 4),

		// struct bpf_tcp_sock.
		sockLd("tcp: srtt_us", tp, tsSrttUs, 4, true),
		sockLd("tcp: rtt_min", tp, tsRttMin, 4, true),
		sockLd("tcp: snd_ssthresh", tp, tsSndSsthresh, 4, true),
		sockLd("tcp: sacked_out", tp, tsSackedOut, 4, true),
		sockLd("tcp: snd_cwnd half", tp, tsSndCwnd, 2, false),
		sockLd("tcp: snd_cwnd byte", tp, tsSndCwnd, 1, false),
		sockLd("tcp: snd_cwnd dword", tp, tsSndCwnd, 8, false),
		sockLd("tcp: rtt_min upper half", tp, tsRttMin+2, 2, false),
		sockLd("tcp: bytes_received word", tp, tsBytesReceived, 4, false),
		sockLd("tcp: bytes_received half", tp, tsBytesReceived, 2, false),
		sockLd("tcp: bytes_received upper word (the callback lets it through)", tp, tsBytesReceived+4, 4, true),
		sockLd("tcp: bytes_received upper half", tp, tsBytesReceived+4, 2, false),
		sockLd("tcp: bytes_acked word", tp, tsBytesAcked, 4, false),
		sockLd("tcp: bytes_acked upper word (the callback lets it through)", tp, tsBytesAcked+4, 4, true),
		sockLd("tcp: bytes_acked unaligned dword", tp, tsBytesAcked+4, 8, false),
		sockLd("tcp: dsack_dups dword (with delivered)", tp, tsDsackDups, 8, false),
		sockLd("tcp: delivered", tp, tsDelivered, 4, true),
		sockLd("tcp: delivered_ce", tp, tsDeliveredCE, 4, true),
		sockLd("tcp: icsk_retransmits byte", tp, tsIcskRetransmits, 1, false),
		sockLd("tcp: beyond last field", tp, tsSize, 4, false),
		sockLd("tcp: negative offset", tp, -8, 8, false),
		sockSt("tcp: store to snd_cwnd", tp, tsSndCwnd, 4),
		sockSt("tcp: store to bytes_acked", tp, tsBytesAcked, 8),

		// struct bpf_xdp_sock.
		sockLd("xdp: queue_id half", xs, xsQueueID, 2, false),
		sockLd("xdp: queue_id byte", xs, xsQueueID, 1, false),
		sockLd("xdp: queue_id upper half", xs, xsQueueID+2, 2, false),
		sockLd("xdp: dword", xs, xsQueueID, 8, false),
		sockLd("xdp: beyond last field", xs, xsSize, 4, false),
		sockSt("xdp: store to queue_id", xs, xsQueueID, 4),

		// Types check_sock_access never sees.
		sockLd("sock_or_null", sk|PtrMaybeNull, bsFamily, 4, false),
		sockLd("ctx", PtrToCtx, 0, 4, false),
		sockLd("odd size", sk, bsFamily, 3, false),
		sockLd("zero size", sk, bsFamily, 0, false),
	}
	if len(cases) < 80 {
		t.Fatalf("only %d cases", len(cases))
	}
	for _, c := range cases {
		ok, msg := sockAccess(c.typ, c.off, c.size, c.write)
		if ok != c.ok || msg != c.msg {
			t.Errorf("%s: sockAccess(%v, %d, %d, %v) = %v, %q; want %v, %q",
				c.desc, c.typ, c.off, c.size, c.write, ok, msg, c.ok, c.msg)
		}
	}
}

// The messages the selftests expect, as the verifier log prints them
// (with the register).
func TestSockAccessMessages(t *testing.T) {
	for _, c := range []struct {
		regno     int
		typ       RegType
		off, size int
		write     bool
		want      string
	}{
		{2, PtrToSocket, 0, 8, false, "R2 invalid sock access off=0 size=8"},
		{0, PtrToSockCommon, bsType, 4, false, "R0 invalid sock_common access off=8 size=4"},
		{0, PtrToTCPSock, tsBytesAcked + 8, 8, false, "R0 invalid tcp_sock access off=96 size=8"},
		{0, PtrToXDPSock, 0, 2, false, "R0 invalid xdp_sock access off=0 size=2"},
		{1, PtrToSocket, bsMark, 4, true, "R1 cannot write into sock"},
		{1, PtrToTCPSock, 0, 4, true, "R1 cannot write into tcp_sock"},
	} {
		_, msg := sockAccess(c.typ, c.off, c.size, c.write)
		if got := fmt.Sprintf("R%d %s", c.regno, msg); got != c.want {
			t.Errorf("got %q, want %q", got, c.want)
		}
	}
}

// sockAccessKernel is the kernel's callbacks spelt out, offset by offset,
// as an oracle for the tables.
func sockAccessKernel(t RegType, off, size int) bool {
	switch t {
	case PtrToSockCommon:
		if off >= bsType && off < bsPriority+4 {
			return false
		}
		return sockAccessKernel(PtrToSocket, off, size)
	case PtrToSocket:
		if off < 0 || off >= bsSize || off%size != 0 {
			return false
		}
		narrow := size <= 4
		switch {
		case off == bsState, off == bsFamily, off == bsType, off == bsProtocol,
			off == bsSrcPort, off == bsRxQueueMapping,
			off >= bsSrcIP4 && off < bsSrcIP4+4, off >= bsSrcIP6 && off < bsSrcIP6+16,
			off >= bsDstIP4 && off < bsDstIP4+4, off >= bsDstIP6 && off < bsDstIP6+16:
			return narrow
		case off >= bsDstPort && off < bsDstPort+2:
			return size == 4 || size <= 2
		case off >= bsDstPort+2 && off < bsDstIP4:
			return false
		}
		return size == 4
	case PtrToTCPSock:
		if off < 0 || off >= tsSize || off%size != 0 {
			return false
		}
		if off == tsBytesReceived || off == tsBytesAcked {
			return size == 8
		}
		return size == 4
	case PtrToXDPSock:
		return off >= 0 && off < xsSize && off%size == 0 && size == 4
	}
	return false
}

// Every offset around each struct and every size, against the oracle.
func TestSockAccessExhaustive(t *testing.T) {
	for _, typ := range []RegType{PtrToSocket, PtrToSockCommon, PtrToTCPSock, PtrToXDPSock} {
		for off := -16; off < 128; off++ {
			for _, size := range []int{1, 2, 4, 8} {
				want := sockAccessKernel(typ, off, size)
				if got, _ := sockAccess(typ, off, size, false); got != want {
					t.Errorf("%v off=%d size=%d: got %v, want %v", typ, off, size, got, want)
				}
				if ok, _ := sockAccess(typ, off, size, true); ok {
					t.Errorf("%v off=%d size=%d: store allowed", typ, off, size)
				}
			}
		}
	}
}

func TestSockAccessConverts(t *testing.T) {
	for _, c := range []struct {
		typ RegType
		off int
		ok  bool
	}{
		{PtrToTCPSock, tsBytesReceived, true},
		{PtrToTCPSock, tsBytesReceived + 4, false},
		{PtrToTCPSock, tsBytesAcked + 4, false},
		{PtrToTCPSock, tsDsackDups, true},
		{PtrToSocket, bsDstPort + 1, true},
		{PtrToSocket, bsSrcIP6 + 7, true},
		{PtrToSockCommon, bsState, true},
		{PtrToXDPSock, xsQueueID, true},
	} {
		if got := sockLoadConverts(c.typ, c.off); got != c.ok {
			t.Errorf("sockLoadConverts(%v, %d) = %v, want %v", c.typ, c.off, got, c.ok)
		}
	}
	// Every load the callbacks allow is rewritten but the two upper halves.
	for _, typ := range []RegType{PtrToSocket, PtrToSockCommon, PtrToTCPSock, PtrToXDPSock} {
		for off := 0; off < 128; off++ {
			for _, size := range []int{1, 2, 4, 8} {
				if ok, _ := sockAccess(typ, off, size, false); !ok {
					continue
				}
				hi := typ == PtrToTCPSock && (off == tsBytesReceived+4 || off == tsBytesAcked+4)
				if sockLoadConverts(typ, off) == hi {
					t.Errorf("%v off=%d size=%d: converts=%v", typ, off, size, !hi)
				}
			}
		}
	}
}
