package verifier

// This file implements what a program may load through a socket pointer:
// the struct bpf_sock, bpf_sock_common view of it, bpf_tcp_sock or
// bpf_xdp_sock that helpers (bpf_sk_lookup_tcp, bpf_sk_fullsock,
// bpf_tcp_sock, bpf_skc_to_*, a sockmap or xskmap lookup) and context
// fields (__sk_buff.sk, bpf_sock_addr.sk, ...) give, as the callbacks
// check_sock_access calls decide it in Linux 6.12
// (bpf_sock_common_is_valid_access, bpf_sock_is_valid_access,
// bpf_tcp_sock_is_valid_access and bpf_xdp_sock_is_valid_access in
// net/core/filter.c).
//
// The structs are described like the context structs of ctxaccess.go: the
// uapi layout (include/uapi/linux/bpf.h) with each member's load sizes.
// Nothing is ever stored through a socket pointer: check_mem_access
// refuses the store before asking the callback.

import "fmt"

// sockTables are the structs behind the four socket pointer types.
var sockTables = map[RegType]*ctxTable{
	PtrToSocket:     sockTable,
	PtrToSockCommon: sockCommonTable,
	PtrToTCPSock:    tcpSockTable,
	PtrToXDPSock:    xdpSockTable,
}

// sockTable is struct bpf_sock as bpf_sock_is_valid_access allows loads
// of it (the layout is the one cgroup_sock programs see as their context,
// bpfSockMembers): bound_dev_if, mark and priority load as whole u32s
// only; family, type, protocol, src_port, state and rx_queue_mapping also
// as a byte or a half, but only from their first byte (the callback's
// cases name their offsetof); the addresses (src_ip4, src_ip6, dst_ip4,
// dst_ip6) by any aligned load up to 4 bytes anywhere in them (their
// cases are bpf_ctx_range); dst_port, a __be16, by a byte or a half
// inside it, or by a u32 at its start that also covers the two bytes of
// zero padding after it; the padding is refused. No member takes 8 bytes.
var sockTable = ctxLayout("bpf_sock", bpfSockMembers, ctxMerge(
	ctxRules(ctxROWord, "bound_dev_if", "mark", "priority"),
	ctxRules(ctxRONarrowAtStart, "family", "type", "protocol", "src_port", "state", "rx_queue_mapping"),
	ctxRules(ctxRONarrow, "src_ip4", "src_ip6", "dst_ip4", "dst_ip6"),
	ctxRules(ctxRule{load: ctxSizesOf(1, 2), fieldSize: 2, wide: 4, wideFieldSize: 4}, "dst_port"),
))

// sockCommonTable is struct bpf_sock through a PTR_TO_SOCK_COMMON
// (bpf_sock_common_is_valid_access): bpf_sock without the members only a
// full socket has, type through priority (bpf_ctx_range_till(struct
// bpf_sock, type, priority)); the rest as in sockTable.
var sockCommonTable = sockTable.clone().deny("type", "protocol", "mark", "priority")

// tcpSockU32s are the u32 members of struct bpf_tcp_sock before its two
// u64s and after them.
var (
	tcpSockU32sBefore = []string{
		"snd_cwnd", "srtt_us", "rtt_min", "snd_ssthresh", "rcv_nxt", "snd_nxt",
		"snd_una", "mss_cache", "ecn_flags", "rate_delivered", "rate_interval_us",
		"packets_out", "retrans_out", "total_retrans", "segs_in", "data_segs_in",
		"segs_out", "data_segs_out", "lost_out", "sacked_out",
	}
	tcpSockU32sAfter = []string{"dsack_dups", "delivered", "delivered_ce", "icsk_retransmits"}
)

// tcpSockU64Halves name the upper halves of bpf_tcp_sock's two u64s.
const (
	tcpSockBytesReceivedHi = "bytes_received[hi]"
	tcpSockBytesAckedHi    = "bytes_acked[hi]"
)

// tcpSockTable is struct bpf_tcp_sock as bpf_tcp_sock_is_valid_access
// allows loads of it: bytes_received and bytes_acked (u64s at 80 and 88)
// load whole, every other 4-aligned offset takes a u32 load, nothing takes
// a narrower one. The callback's switch names only the two u64s' offsets,
// so the upper half of each (84, 92) is, to it, one more u32: the table
// splits each u64 into a half that loads only as the whole u64 and an
// upper half that loads as a u32. The kernel's bpf_tcp_sock_
// convert_ctx_access has no case for those halves, so a program that
// loads one passes verification and is then refused by
// convert_ctx_accesses ("bpf verifier is misconfigured"); see
// sockLoadConverts.
var tcpSockTable = ctxLayout("bpf_tcp_sock", tcpSockMembers(), ctxMerge(
	ctxRules(ctxROWord, tcpSockU32sBefore...),
	ctxRules(ctxRule{wide: 8}, "bytes_received", "bytes_acked"),
	ctxRules(ctxROWord, tcpSockBytesReceivedHi, tcpSockBytesAckedHi),
	ctxRules(ctxROWord, tcpSockU32sAfter...),
))

// tcpSockMembers lays struct bpf_tcp_sock out with its u64s as pairs of
// u32 halves (both u64s fall on 8-byte boundaries, so the offsets are the
// uapi's: bytes_received 80, bytes_acked 88, sizeof 112).
func tcpSockMembers() []ctxMember {
	var m []ctxMember
	for _, n := range tcpSockU32sBefore {
		m = append(m, ctxU32(n))
	}
	m = append(m, ctxU32("bytes_received"), ctxU32(tcpSockBytesReceivedHi),
		ctxU32("bytes_acked"), ctxU32(tcpSockBytesAckedHi))
	for _, n := range tcpSockU32sAfter {
		m = append(m, ctxU32(n))
	}
	return m
}

// xdpSockTable is struct bpf_xdp_sock (bpf_xdp_sock_is_valid_access): its
// one member, queue_id, loads as a whole u32.
var xdpSockTable = ctxLayout("bpf_xdp_sock", []ctxMember{ctxU32("queue_id")},
	map[string]ctxRule{"queue_id": ctxROWord})

// sockAccess decides a load (write=false) or store of size bytes at off
// through a pointer of type t (PtrToSockCommon, PtrToSocket, PtrToTCPSock,
// PtrToXDPSock, without flags), as check_sock_access's callbacks do. The
// kernel refuses every store; ok=false is reported by the caller as
// "invalid %s access off=%d size=%d" with the type's name (check the exact
// message in check_sock_access in kernel/bpf/verifier.c and return it in msg).
//
// msg is the kernel's message without the "R%d " that starts it (the
// caller knows the register): "invalid sock access off=0 size=8" from
// check_sock_access for a load the callback refuses, and "cannot write
// into sock" for a store, which check_mem_access refuses before it asks
// the callback. The type's name is reg_type_str's: sock, sock_common,
// tcp_sock, xdp_sock. A type that is no socket pointer (or one with flags,
// which the kernel never passes to check_sock_access) is refused as the
// kernel's default case refuses it. ok is the callback's verdict alone;
// for the one kind of load it lets through and the kernel later fails to
// rewrite, see sockLoadConverts.
func sockAccess(t RegType, off, size int, write bool) (ok bool, msg string) {
	if write {
		return false, fmt.Sprintf("cannot write into %s", t)
	}
	tb := sockTables[t]
	if tb != nil && (size == 1 || size == 2 || size == 4 || size == 8) {
		if _, ok := tb.access(off, size, false, false, ctxQuery{}); ok {
			return true, ""
		}
	}
	return false, fmt.Sprintf("invalid %s access off=%d size=%d", t, off, size)
}

// sockLoadConverts reports whether the kernel rewrites a load through a
// socket pointer of type t at off that sockAccess allows
// (bpf_sock_convert_ctx_access and its tcp_sock and xdp_sock twins, after
// convert_ctx_accesses has moved a narrow load to the start of its field).
// It does for every such load but a u32 load of the upper half of
// bpf_tcp_sock's bytes_received or bytes_acked: for that one the
// conversion emits nothing and the kernel refuses the program, once
// verification has succeeded, with "bpf verifier is misconfigured".
func sockLoadConverts(t RegType, off int) bool {
	tb := sockTables[t]
	if tb == nil {
		return false
	}
	f := tb.field(off)
	return f != nil && f.name != tcpSockBytesReceivedHi && f.name != tcpSockBytesAckedHi
}
