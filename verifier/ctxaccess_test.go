package verifier

import (
	"strings"
	"testing"

	"github.com/callx/callx/loader"
	"github.com/cilium/ebpf/btf"
)

// Offsets of the context structs, from the uapi headers of Linux 6.12
// (offsetof as the C compiler lays them out on x86-64).
const (
	skbLen, skbPktType, skbMark, skbQueueMapping           = 0, 4, 8, 12
	skbProtocol, skbVlanPresent, skbVlanTCI, skbVlanProto  = 16, 20, 24, 28
	skbPriority, skbIngressIfindex, skbIfindex, skbTCIndex = 32, 36, 40, 44
	skbCB, skbHash, skbTCClassid, skbData, skbDataEnd      = 48, 68, 72, 76, 80
	skbNapiID, skbFamily, skbRemoteIP4, skbLocalIP4        = 84, 88, 92, 96
	skbRemoteIP6, skbLocalIP6, skbRemotePort, skbLocalPort = 100, 116, 132, 136
	skbDataMeta, skbFlowKeys, skbTstamp, skbWireLen        = 140, 144, 152, 160
	skbGSOSegs, skbSK, skbGSOSize, skbTstampType           = 164, 168, 176, 180
	skbHwtstamp, skbSize                                   = 184, 192
)

// ctxCase is one access and the kernel's verdict on it.
type ctxCase struct {
	desc   string
	attach string
	off    int
	size   int
	write  bool
	ok     bool
	typ    RegType // the type a load gives when ok; 0 is ScalarValue
}

// ld and st build loads and stores; an "attach" is set after.
func ld(desc string, off, size int, ok bool, typ ...RegType) ctxCase {
	c := ctxCase{desc: desc, off: off, size: size, ok: ok}
	if len(typ) > 0 {
		c.typ = typ[0]
	}
	return c
}

func st(desc string, off, size int, ok bool) ctxCase {
	return ctxCase{desc: desc, off: off, size: size, write: true, ok: ok}
}

// at sets the attach type of the cases.
func at(attach string, cs ...ctxCase) []ctxCase {
	for i := range cs {
		cs[i].attach = attach
	}
	return cs
}

func runCtxCases(t *testing.T, pt loader.ProgType, o ctxOptions, cases []ctxCase) {
	t.Helper()
	for _, c := range cases {
		a, ok := ctxAccessWith(pt, c.attach, c.off, c.size, c.write, o)
		verb := "load"
		if c.write {
			verb = "store"
		}
		where := pt
		if c.attach != "" {
			where += "/" + loader.ProgType(c.attach)
		}
		if ok != c.ok {
			t.Errorf("%s: %s %s off=%d size=%d: ok=%v, the kernel says %v", where, c.desc, verb, c.off, c.size, ok, c.ok)
			continue
		}
		if !ok || c.write {
			continue
		}
		want := c.typ
		if want == 0 {
			want = ScalarValue
		}
		if a.Type != want {
			t.Errorf("%s: %s load off=%d size=%d gives %v, want %v", where, c.desc, c.off, c.size, a.Type, want)
		}
	}
}

// Kernel sizes of the context structs.
func TestCtxAccessSizes(t *testing.T) {
	for _, c := range []struct {
		t      loader.ProgType
		attach string
		size   int
		name   string
	}{
		{loader.ProgSocket, "", 192, "__sk_buff"},
		{loader.ProgTC, "", 192, "__sk_buff"},
		{loader.ProgAction, "", 192, "__sk_buff"},
		{loader.ProgCgroupSKB, "", 192, "__sk_buff"},
		{loader.ProgLWTIn, "", 192, "__sk_buff"},
		{loader.ProgLWTSeg6Local, "", 192, "__sk_buff"},
		{loader.ProgSKSKB, "", 192, "__sk_buff"},
		{loader.ProgFlowDissector, "", 192, "__sk_buff"},
		{loader.ProgXDP, "", 24, "xdp_md"},
		{loader.ProgCgroupSock, "", 80, "bpf_sock"},
		{loader.ProgCgroupSockAddr, "connect4", 72, "bpf_sock_addr"},
		{loader.ProgSockOps, "", 224, "bpf_sock_ops"},
		{loader.ProgSKMsg, "", 80, "sk_msg_md"},
		{loader.ProgSKReuseport, "", 56, "sk_reuseport_md"},
		{loader.ProgSKLookup, "", 72, "bpf_sk_lookup"},
		{loader.ProgCgroupSysctl, "", 8, "bpf_sysctl"},
		{loader.ProgCgroupSockopt, "getsockopt", 40, "bpf_sockopt"},
		{loader.ProgCgroupDevice, "", 12, "bpf_cgroup_dev_ctx"},
		{loader.ProgKprobe, "", 168, "pt_regs"},
		{loader.ProgPerfEvent, "", 184, "bpf_perf_event_data"},
		{loader.ProgTracepoint, "", 2048, ""},
		{loader.ProgRawTP, "", 96, "bpf_raw_tracepoint_args"},
		{loader.ProgRawTPWritable, "", 96, "bpf_raw_tracepoint_args"},
		{loader.ProgNetfilter, "", 16, "bpf_nf_ctx"},
		{loader.ProgLircMode2, "", 4, ""},
		{loader.ProgTPBTF, "sched_switch", 96, ""},
		{loader.ProgFentry, "tcp_v4_connect", 96, ""},
		{loader.ProgSyscall, "", 65535, ""},
		{loader.ProgUnknown, "", 0, ""},
	} {
		if got := ctxSize(c.t, c.attach); got != c.size {
			t.Errorf("ctxSize(%q) = %d, want %d", c.t, got, c.size)
		}
		if got := ctxStructName(c.t); got != c.name {
			t.Errorf("ctxStructName(%q) = %q, want %q", c.t, got, c.name)
		}
	}
}

// The tables' members sit where the uapi headers put them.
func TestCtxAccessLayouts(t *testing.T) {
	for _, c := range []struct {
		tb   *ctxTable
		offs map[string]int
	}{
		{skbBase, map[string]int{
			"len": skbLen, "pkt_type": skbPktType, "mark": skbMark, "queue_mapping": skbQueueMapping,
			"protocol": skbProtocol, "vlan_present": skbVlanPresent, "vlan_tci": skbVlanTCI,
			"vlan_proto": skbVlanProto, "priority": skbPriority, "ingress_ifindex": skbIngressIfindex,
			"ifindex": skbIfindex, "tc_index": skbTCIndex, "cb": skbCB, "hash": skbHash,
			"tc_classid": skbTCClassid, "data": skbData, "data_end": skbDataEnd, "napi_id": skbNapiID,
			"family": skbFamily, "remote_ip4": skbRemoteIP4, "local_ip4": skbLocalIP4,
			"remote_ip6": skbRemoteIP6, "local_ip6": skbLocalIP6, "remote_port": skbRemotePort,
			"local_port": skbLocalPort, "data_meta": skbDataMeta, "flow_keys": skbFlowKeys,
			"tstamp": skbTstamp, "wire_len": skbWireLen, "gso_segs": skbGSOSegs, "sk": skbSK,
			"gso_size": skbGSOSize, "tstamp_type": skbTstampType, "hwtstamp": skbHwtstamp,
		}},
		{xdpMD, map[string]int{"data": 0, "data_end": 4, "data_meta": 8, "ingress_ifindex": 12,
			"rx_queue_index": 16, "egress_ifindex": 20}},
		{cgroupSock, map[string]int{"bound_dev_if": 0, "family": 4, "type": 8, "protocol": 12,
			"mark": 16, "priority": 20, "src_ip4": 24, "src_ip6": 28, "src_port": 44,
			"dst_port": 48, "dst_ip4": 52, "dst_ip6": 56, "state": 72, "rx_queue_mapping": 76}},
		{sockAddr, map[string]int{"user_family": 0, "user_ip4": 4, "user_ip6": 8, "user_port": 24,
			"family": 28, "type": 32, "protocol": 36, "msg_src_ip4": 40, "msg_src_ip6": 44, "sk": 64}},
		{sockOps, map[string]int{"op": 0, "reply": 4, "args": 8, "family": 20, "remote_ip4": 24,
			"local_ip4": 28, "remote_ip6": 32, "local_ip6": 48, "remote_port": 64, "local_port": 68,
			"is_fullsock": 72, "snd_cwnd": 76, "srtt_us": 80, "bpf_sock_ops_cb_flags": 84,
			"state": 88, "rtt_min": 92, "snd_ssthresh": 96, "rcv_nxt": 100, "snd_nxt": 104,
			"snd_una": 108, "mss_cache": 112, "ecn_flags": 116, "rate_delivered": 120,
			"rate_interval_us": 124, "packets_out": 128, "retrans_out": 132, "total_retrans": 136,
			"segs_in": 140, "data_segs_in": 144, "segs_out": 148, "data_segs_out": 152,
			"lost_out": 156, "sacked_out": 160, "sk_txhash": 164, "bytes_received": 168,
			"bytes_acked": 176, "sk": 184, "skb_data": 192, "skb_data_end": 200, "skb_len": 208,
			"skb_tcp_flags": 212, "skb_hwtstamp": 216}},
		{skMsgMD, map[string]int{"data": 0, "data_end": 8, "family": 16, "remote_ip4": 20,
			"local_ip4": 24, "remote_ip6": 28, "local_ip6": 44, "remote_port": 60, "local_port": 64,
			"size": 68, "sk": 72}},
		{skReuseportMD, map[string]int{"data": 0, "data_end": 8, "len": 16, "eth_protocol": 20,
			"ip_protocol": 24, "bind_inany": 28, "hash": 32, "sk": 40, "migrating_sk": 48}},
		{skLookup, map[string]int{"sk": 0, "family": 8, "protocol": 12, "remote_ip4": 16,
			"remote_ip6": 20, "remote_port": 36, "local_ip4": 40, "local_ip6": 44, "local_port": 60,
			"ingress_ifindex": 64}},
		{cgSockopt, map[string]int{"sk": 0, "optval": 8, "optval_end": 16, "level": 24,
			"optname": 28, "optlen": 32, "retval": 36}},
		{perfEventData, map[string]int{"regs": 0, "sample_period": 168, "addr": 176}},
		{nfCtx, map[string]int{"state": 0, "skb": 8}},
	} {
		for name, want := range c.offs {
			found := false
			for _, f := range c.tb.fields {
				if f.name == name {
					found = true
					if f.off != want {
						t.Errorf("%s.%s at %d, the header puts it at %d", c.tb.name, name, f.off, want)
					}
				}
			}
			if !found {
				t.Errorf("%s has no %s", c.tb.name, name)
			}
		}
	}
}

// sk_filter_is_valid_access; cases from verifier/ctx_skb.c,
// verifier_unpriv.c and verifier_direct_packet_access.c.
func TestCtxAccessSocketFilter(t *testing.T) {
	cases := []ctxCase{
		ld("len", skbLen, 4, true),
		ld("mark", skbMark, 4, true),
		ld("pkt_type", skbPktType, 4, true),
		ld("queue_mapping", skbQueueMapping, 4, true),
		ld("protocol", skbProtocol, 4, true),
		ld("vlan_present", skbVlanPresent, 4, true),
		ld("vlan_tci", skbVlanTCI, 4, true),
		ld("vlan_proto", skbVlanProto, 4, true),
		ld("priority", skbPriority, 4, true),
		ld("ingress_ifindex", skbIngressIfindex, 4, true),
		ld("tc_index", skbTCIndex, 4, true),
		ld("napi_id", skbNapiID, 4, true),
		ld("gso_segs", skbGSOSegs, 4, true),
		ld("gso_size", skbGSOSize, 4, true),
		ld("access skb fields bad1", -4, 4, false),
		ld("past the end", skbSize, 4, false),
		ld("len as u64", skbLen, 8, false),
		ld("len byte 1", skbLen+1, 1, true),
		ld("len half 1", skbLen+2, 2, true),
		ld("len misaligned half", skbLen+1, 2, false),
		st("check skb->mark is not writeable by sockets", skbMark, 4, false),
		st("check skb->tc_index is not writeable by sockets", skbTCIndex, 4, false),
		st("cb[0] byte", skbCB, 1, true),
		st("cb[0]+1 byte", skbCB+1, 1, true),
		st("cb[4]+3 byte", skbCB+19, 1, true),
		ld("cb[4]+3 byte", skbCB+19, 1, true),
		st("cb[0] half", skbCB, 2, true),
		st("cb[4]+2 half", skbCB+18, 2, true),
		ld("cb[1]+2 half", skbCB+6, 2, true),
		st("cb word", skbCB+8, 4, true),
		ld("cb[4] word", skbCB+16, 4, true),
		st("check cb access: double cb[0]", skbCB, 8, true),
		st("check cb access: double cb[2]", skbCB+8, 8, true),
		ld("check cb access: double cb[2]", skbCB+8, 8, true),
		st("check cb access: double, oob 1", skbCB+16, 8, false),
		ld("check cb access: double, oob 2", skbCB+16, 8, false),
		ld("check cb access: double, unaligned", skbCB+4, 8, false),
		st("__sk_buff->hash, offset 0, byte store not permitted", skbHash, 1, false),
		st("__sk_buff->tc_index, offset 3, byte store not permitted", skbTCIndex+3, 1, false),
		st("__sk_buff->hash, offset 0, half store not permitted", skbHash, 2, false),
		st("__sk_buff->tc_index, offset 2, half store not permitted", skbTCIndex+2, 2, false),
		ld("check skb->hash byte load permitted", skbHash, 1, true),
		ld("check skb->hash byte load permitted 1", skbHash+1, 1, true),
		ld("check skb->hash byte load permitted 2", skbHash+2, 1, true),
		ld("check skb->hash byte load permitted 3", skbHash+3, 1, true),
		ld("check skb->hash half load permitted", skbHash, 2, true),
		ld("check skb->hash half load permitted 2", skbHash+2, 2, true),
		ld("check skb->hash half load not permitted, unaligned 1", skbHash+1, 2, false),
		ld("check skb->hash half load not permitted, unaligned 3", skbHash+3, 2, false),
		st("check __sk_buff->ifindex dw store not permitted", skbIfindex, 8, false),
		ld("check __sk_buff->ifindex dw load not permitted", skbIfindex, 8, false),
		ld("direct packet access: test3 (data)", skbData, 4, false),
		ld("data_end", skbDataEnd, 4, false),
		ld("data_meta", skbDataMeta, 4, false),
		ld("invalid access __sk_buff family", skbFamily, 4, false),
		ld("invalid access __sk_buff remote_ip4", skbRemoteIP4, 4, false),
		ld("invalid access __sk_buff local_ip4", skbLocalIP4, 4, false),
		ld("invalid access __sk_buff remote_ip6", skbRemoteIP6, 4, false),
		ld("invalid access __sk_buff local_ip6", skbLocalIP6, 4, false),
		ld("invalid access __sk_buff remote_port", skbRemotePort, 4, false),
		ld("invalid access __sk_buff local_port", skbLocalPort, 4, false),
		ld("check wire_len is not readable by sockets", skbWireLen, 4, false),
		ld("tc_classid", skbTCClassid, 4, false),
		ld("tstamp", skbTstamp, 8, false),
		ld("hwtstamp", skbHwtstamp, 8, false),
		ld("flow_keys", skbFlowKeys, 8, false),
		ld("tstamp_type", skbTstampType, 1, false),
		ld("padding after tstamp_type", skbTstampType+1, 1, false),
		ld("padding after tstamp_type", skbTstampType+2, 2, false),
		ld("sk", skbSK, 8, true, ctxSockCommonOrNull),
		ld("sk as u32", skbSK, 4, false),
		ld("sk upper half", skbSK+4, 4, false),
		st("sk", skbSK, 8, false),
		st("unpriv: write pointer into ctx (len)", skbLen, 8, false),
		st("write skb fields from socket prog: cb[0]", skbCB, 4, true),
		st("write skb fields from socket prog: cb[2]", skbCB+8, 4, true),
		st("gso_segs", skbGSOSegs, 4, false),
		st("len", skbLen, 4, false),
	}
	runCtxCases(t, loader.ProgSocket, ctxOptions{}, cases)
	// The callback does not look at privileges.
	runCtxCases(t, loader.ProgSocket, ctxOptions{Unprivileged: true}, cases)
}

// tc_cls_act_is_valid_access; cases from verifier/ctx_skb.c,
// verifier_ctx.c, verifier_ldsx.c and verifier_direct_packet_access.c.
func TestCtxAccessTC(t *testing.T) {
	cases := []ctxCase{
		ld("data", skbData, 4, true, PtrToPacket),
		ld("data_end", skbDataEnd, 4, true, PtrToPacketEnd),
		ld("data_meta", skbDataMeta, 4, true, PtrToPacketMeta),
		ld("check skb->data half load not permitted", skbData, 2, false),
		ld("data upper half", skbData+2, 2, false),
		ld("data as u64", skbData, 8, false),
		st("data", skbData, 4, false),
		st("data_end", skbDataEnd, 4, false),
		ld("len", skbLen, 4, true),
		ld("mark", skbMark, 4, true),
		st("write skb fields from tc_cls_act prog: mark", skbMark, 4, true),
		st("tc_index", skbTCIndex, 4, true),
		st("priority", skbPriority, 4, true),
		st("tc_classid", skbTCClassid, 4, true),
		ld("tc_classid", skbTCClassid, 4, true),
		st("cb[3]", skbCB+12, 4, true),
		st("cb[0] double", skbCB, 8, true),
		st("queue_mapping", skbQueueMapping, 4, true),
		st("queue_mapping half", skbQueueMapping, 2, false),
		ld("queue_mapping byte", skbQueueMapping, 1, true),
		st("mark byte", skbMark, 1, false),
		ld("tstamp", skbTstamp, 8, true),
		st("tstamp", skbTstamp, 8, true),
		ld("tstamp as u32", skbTstamp, 4, false),
		st("tstamp as u32", skbTstamp, 4, false),
		st("hash", skbHash, 4, false),
		st("len", skbLen, 4, false),
		st("ifindex", skbIfindex, 4, false),
		st("napi_id", skbNapiID, 4, false),
		ld("check wire_len is readable by tc classifier", skbWireLen, 4, true),
		st("check wire_len is not writable by tc classifier", skbWireLen, 4, false),
		ld("read gso_segs from CLS", skbGSOSegs, 4, true),
		ld("read gso_size from CLS", skbGSOSize, 4, true),
		ld("padding after gso_size is not accessible", skbTstampType, 4, false),
		ld("tstamp_type", skbTstampType, 1, true),
		st("tstamp_type", skbTstampType, 1, false),
		ld("tstamp_type as u16", skbTstampType, 2, false),
		ld("padding after tstamp_type", skbTstampType+1, 1, false),
		ld("padding after tstamp_type", skbTstampType+3, 1, false),
		ld("read hwtstamp from CLS", skbHwtstamp, 8, true),
		st("hwtstamp", skbHwtstamp, 8, false),
		ld("hwtstamp as u32", skbHwtstamp, 4, false),
		ld("sk", skbSK, 8, true, ctxSockCommonOrNull),
		ld("narrow load on field sk of __sk_buff", skbSK+4, 4, false),
		st("sk", skbSK, 8, false),
		ld("family", skbFamily, 4, false),
		ld("remote_ip6[2]", skbRemoteIP6+8, 4, false),
		ld("local_port", skbLocalPort, 4, false),
		ld("flow_keys", skbFlowKeys, 8, false),
		ld("napi_id", skbNapiID, 4, true),
		ld("check out of range skb->cb access", skbCB+256, 4, false),
		ld("negative offset", -8, 8, false),
	}
	runCtxCases(t, loader.ProgTC, ctxOptions{}, cases)
	runCtxCases(t, loader.ProgAction, ctxOptions{}, cases)
	ldsx := []ctxCase{
		ld("LDSX, tcx s32 __sk_buff->data", skbData, 4, false),
		ld("LDSX, tcx s32 __sk_buff->data_end", skbDataEnd, 4, false),
		ld("LDSX, tcx s32 __sk_buff->data_meta", skbDataMeta, 4, false),
		ld("s32 len", skbLen, 4, true),
		ld("s8 mark", skbMark, 1, true),
		ld("s8 tstamp_type", skbTstampType, 1, true),
	}
	runCtxCases(t, loader.ProgTC, ctxOptions{SignExtend: true}, at("ingress", ldsx...))
}

// cg_skb_is_valid_access; cases from verifier_cgroup_skb.c and
// verifier/ctx_skb.c.
func TestCtxAccessCgroupSKB(t *testing.T) {
	both := []ctxCase{
		ld("len", skbLen, 4, true),
		ld("pkt_type", skbPktType, 4, true),
		ld("mark", skbMark, 4, true),
		st("mark", skbMark, 4, true),
		ld("queue_mapping", skbQueueMapping, 4, true),
		ld("protocol", skbProtocol, 4, true),
		ld("vlan_present", skbVlanPresent, 4, true),
		ld("vlan_tci", skbVlanTCI, 4, true),
		ld("vlan_proto", skbVlanProto, 4, true),
		ld("priority", skbPriority, 4, true),
		st("priority", skbPriority, 4, true),
		ld("ingress_ifindex", skbIngressIfindex, 4, true),
		ld("tc_index", skbTCIndex, 4, true),
		st("tc_index", skbTCIndex, 4, false),
		ld("hash", skbHash, 4, true),
		ld("cb[0]", skbCB, 4, true),
		ld("cb[4]", skbCB+16, 4, true),
		st("cb[0]", skbCB, 4, true),
		st("cb[4]", skbCB+16, 4, true),
		ld("napi_id", skbNapiID, 4, true),
		st("invalid write access to napi_id for CGROUP_SKB", skbNapiID, 4, false),
		ld("family", skbFamily, 4, true),
		ld("remote_ip4", skbRemoteIP4, 4, true),
		ld("local_ip4", skbLocalIP4, 4, true),
		ld("remote_ip6[0]", skbRemoteIP6, 4, true),
		ld("remote_ip6[3]", skbRemoteIP6+12, 4, true),
		ld("local_ip6[1]", skbLocalIP6+4, 4, true),
		ld("local_ip6[3]", skbLocalIP6+12, 4, true),
		ld("remote_port", skbRemotePort, 4, true),
		ld("local_port", skbLocalPort, 4, true),
		ld("remote_ip4 half", skbRemoteIP4, 2, false),
		ld("invalid access of tc_classid for CGROUP_SKB", skbTCClassid, 4, false),
		ld("invalid access of data_meta for CGROUP_SKB", skbDataMeta, 4, false),
		ld("invalid access of flow_keys for CGROUP_SKB", skbFlowKeys, 4, false),
		ld("read tstamp from CGROUP_SKB", skbTstamp, 8, true),
		ld("read gso_segs from CGROUP_SKB", skbGSOSegs, 4, true),
		st("write gso_segs from CGROUP_SKB", skbGSOSegs, 4, false),
		ld("read gso_size from CGROUP_SKB", skbGSOSize, 4, true),
		st("write gso_size from CGROUP_SKB", skbGSOSize, 4, false),
		ld("read hwtstamp from CGROUP_SKB", skbHwtstamp, 8, true),
		st("write hwtstamp from CGROUP_SKB", skbHwtstamp, 8, false),
		ld("wire_len", skbWireLen, 4, false),
		ld("sk", skbSK, 8, true, ctxSockCommonOrNull),
		ld("tstamp_type", skbTstampType, 1, false),
	}
	runCtxCases(t, loader.ProgCgroupSKB, ctxOptions{}, at("ingress", both...))
	runCtxCases(t, loader.ProgCgroupSKB, ctxOptions{Unprivileged: true}, at("egress", both...))
	runCtxCases(t, loader.ProgCgroupSKB, ctxOptions{}, []ctxCase{
		ld("direct packet read test#1 for CGROUP_SKB (data)", skbData, 4, true, PtrToPacket),
		ld("direct packet read test#1 for CGROUP_SKB (data_end)", skbDataEnd, 4, true, PtrToPacketEnd),
		st("write tstamp from CGROUP_SKB", skbTstamp, 8, true),
		st("data", skbData, 4, false),
	})
	runCtxCases(t, loader.ProgCgroupSKB, ctxOptions{Unprivileged: true}, []ctxCase{
		ld("direct packet read test#1 for CGROUP_SKB, unpriv (off=76 size=4)", skbData, 4, false),
		ld("data_end, unpriv", skbDataEnd, 4, false),
		st("write tstamp from CGROUP_SKB, unpriv (off=152 size=8)", skbTstamp, 8, false),
	})
	runCtxCases(t, loader.ProgCgroupSKB, ctxOptions{SignExtend: true}, []ctxCase{
		ld("s32 data", skbData, 4, false),
		ld("s32 len", skbLen, 4, true),
	})
}

// lwt_is_valid_access; cases from verifier_lwt.c.
func TestCtxAccessLWT(t *testing.T) {
	cases := []ctxCase{
		ld("invalid access of tc_classid for LWT", skbTCClassid, 4, false),
		ld("check skb->tc_classid half load not permitted for lwt prog", skbTCClassid, 2, false),
		ld("data", skbData, 4, true, PtrToPacket),
		ld("data_end", skbDataEnd, 4, true, PtrToPacketEnd),
		ld("data_meta", skbDataMeta, 4, false),
		ld("len", skbLen, 4, true),
		st("mark", skbMark, 4, true),
		st("priority", skbPriority, 4, true),
		st("cb[1]", skbCB+4, 4, true),
		st("cb[1] half", skbCB+6, 2, true),
		st("tc_index", skbTCIndex, 4, false),
		st("queue_mapping", skbQueueMapping, 4, false),
		ld("family", skbFamily, 4, false),
		ld("local_ip4", skbLocalIP4, 4, false),
		ld("tstamp", skbTstamp, 8, false),
		ld("wire_len", skbWireLen, 4, false),
		ld("hwtstamp", skbHwtstamp, 8, false),
		ld("sk", skbSK, 8, true, ctxSockCommonOrNull),
		ld("gso_segs", skbGSOSegs, 4, true),
		ld("hash byte", skbHash+1, 1, true),
		st("data", skbData, 4, false),
	}
	for _, pt := range []loader.ProgType{loader.ProgLWTIn, loader.ProgLWTOut, loader.ProgLWTXmit, loader.ProgLWTSeg6Local} {
		runCtxCases(t, pt, ctxOptions{}, cases)
	}
}

// sk_skb_is_valid_access; cases from verifier/ctx_skb.c and
// verifier_ctx_sk_msg.c (two of whose sk_msg_md offsets run as sk_skb).
func TestCtxAccessSKSKB(t *testing.T) {
	runCtxCases(t, loader.ProgSKSKB, ctxOptions{}, []ctxCase{
		ld("valid access __sk_buff family", skbFamily, 4, true),
		ld("valid access __sk_buff remote_ip4", skbRemoteIP4, 4, true),
		ld("valid access __sk_buff local_ip4", skbLocalIP4, 4, true),
		ld("valid access __sk_buff remote_ip6[0]", skbRemoteIP6, 4, true),
		ld("valid access __sk_buff remote_ip6[1]", skbRemoteIP6+4, 4, true),
		ld("valid access __sk_buff remote_ip6[2]", skbRemoteIP6+8, 4, true),
		ld("valid access __sk_buff remote_ip6[3]", skbRemoteIP6+12, 4, true),
		ld("valid access __sk_buff local_ip6[0]", skbLocalIP6, 4, true),
		ld("valid access __sk_buff local_ip6[3]", skbLocalIP6+12, 4, true),
		ld("valid access __sk_buff remote_port", skbRemotePort, 4, true),
		ld("valid access __sk_buff local_port", skbLocalPort, 4, true),
		ld("remote_port half", skbRemotePort, 2, true),
		ld("remote_ip6 half", skbRemoteIP6, 2, false),
		ld("local_ip4 byte", skbLocalIP4+3, 1, false),
		ld("invalid access of tc_classid for SK_SKB", skbTCClassid, 4, false),
		ld("invalid access of skb->mark for SK_SKB", skbMark, 4, false),
		st("check skb->mark is not writeable by SK_SKB", skbMark, 4, false),
		st("check skb->tc_index is writeable by SK_SKB", skbTCIndex, 4, true),
		st("check skb->priority is writeable by SK_SKB", skbPriority, 4, true),
		ld("direct packet read for SK_SKB (data)", skbData, 4, true, PtrToPacket),
		ld("direct packet read for SK_SKB (data_end)", skbDataEnd, 4, true, PtrToPacketEnd),
		ld("data_meta", skbDataMeta, 4, false),
		ld("tstamp", skbTstamp, 8, false),
		ld("wire_len", skbWireLen, 4, false),
		ld("hwtstamp", skbHwtstamp, 8, false),
		ld("valid access remote_ip6 in SK_MSG, as sk_skb (28)", 28, 4, true),
		ld("valid access remote_ip6 in SK_MSG, as sk_skb (32)", 32, 4, true),
		ld("valid access remote_ip6 in SK_MSG, as sk_skb (36)", 36, 4, true),
		ld("valid access remote_ip6 in SK_MSG, as sk_skb (40)", 40, 4, true),
		ld("valid access local_ip6 in SK_MSG, as sk_skb (44)", 44, 4, true),
		ld("valid access local_ip6 in SK_MSG, as sk_skb (48)", 48, 4, true),
		ld("valid access local_ip6 in SK_MSG, as sk_skb (56)", 56, 4, true),
		ld("cb[0]", skbCB, 4, true),
		st("cb[0]", skbCB, 4, false),
		st("len", skbLen, 4, false),
		ld("sk", skbSK, 8, true, ctxSockCommonOrNull),
		ld("gso_size", skbGSOSize, 4, true),
	})
}

// flow_dissector_is_valid_access; LDSX cases from verifier_ldsx.c.
func TestCtxAccessFlowDissector(t *testing.T) {
	runCtxCases(t, loader.ProgFlowDissector, ctxOptions{}, []ctxCase{
		ld("data", skbData, 4, true, PtrToPacket),
		ld("data_end", skbDataEnd, 4, true, PtrToPacketEnd),
		ld("flow_keys", skbFlowKeys, 8, true, PtrToFlowKeys),
		ld("flow_keys upper half", skbFlowKeys+4, 4, false),
		ld("flow_keys as u32", skbFlowKeys, 4, false),
		ld("data half", skbData, 2, false),
		ld("data_meta", skbDataMeta, 4, false),
		ld("len", skbLen, 4, false),
		ld("cb[0]", skbCB, 4, false),
		ld("protocol", skbProtocol, 4, false),
		ld("sk", skbSK, 8, false),
		st("data", skbData, 4, false),
		st("flow_keys", skbFlowKeys, 8, false),
		st("cb[0]", skbCB, 4, false),
		ld("past the end", skbSize, 4, false),
		ld("negative", -4, 4, false),
	})
	runCtxCases(t, loader.ProgFlowDissector, ctxOptions{SignExtend: true}, []ctxCase{
		ld("LDSX, flow_dissector s32 __sk_buff->data", skbData, 4, false),
		ld("LDSX, flow_dissector s32 __sk_buff->data_end", skbDataEnd, 4, false),
	})
}

// xdp_is_valid_access; cases from verifier_xdp.c and verifier_ldsx.c.
func TestCtxAccessXDP(t *testing.T) {
	common := []ctxCase{
		ld("data", 0, 4, true, PtrToPacket),
		ld("data_end", 4, 4, true, PtrToPacketEnd),
		ld("data_meta", 8, 4, true, PtrToPacketMeta),
		ld("XDP, using ifindex from netdev", 12, 4, true),
		ld("rx_queue_index", 16, 4, true),
		ld("data half", 0, 2, false),
		ld("data upper half", 2, 2, false),
		ld("data as u64", 0, 8, false),
		ld("ingress_ifindex byte", 12, 1, false),
		ld("ingress_ifindex half", 14, 2, false),
		ld("data_end..data_meta as u64", 8, 8, false),
		st("data", 0, 4, false),
		st("data_meta", 8, 4, false),
		st("ingress_ifindex", 12, 4, false),
		st("rx_queue_index (offloaded programs only)", 16, 4, false),
		st("egress_ifindex", 20, 4, false),
		ld("past the end", 24, 4, false),
		ld("negative", -4, 4, false),
	}
	for _, attach := range []string{"", "cpumap", "devmap"} {
		runCtxCases(t, loader.ProgXDP, ctxOptions{}, at(attach, common...))
	}
	runCtxCases(t, loader.ProgXDP, ctxOptions{}, []ctxCase{
		ld("egress_ifindex, xdp", 20, 4, false),
		{desc: "egress_ifindex, cpumap", attach: "cpumap", off: 20, size: 4},
		{desc: "egress_ifindex, devmap", attach: "devmap", off: 20, size: 4, ok: true},
		{desc: "egress_ifindex half, devmap", attach: "devmap", off: 20, size: 2},
	})
	runCtxCases(t, loader.ProgXDP, ctxOptions{SignExtend: true}, []ctxCase{
		ld("LDSX, xdp s32 xdp_md->data", 0, 4, false),
		ld("LDSX, xdp s32 xdp_md->data_end", 4, 4, false),
		ld("LDSX, xdp s32 xdp_md->data_meta", 8, 4, false),
		ld("s32 ingress_ifindex", 12, 4, true),
	})
}

// sock_filter_is_valid_access over bpf_sock_is_valid_access; the "wrong
// type" cases of verifier/ctx_skb.c run as cgroup_sock.
func TestCtxAccessCgroupSock(t *testing.T) {
	const (
		boundDevIf, family, typ, protocol, mark, priority = 0, 4, 8, 12, 16, 20
		srcIP4, srcIP6, srcPort, dstPort, dstIP4, dstIP6  = 24, 28, 44, 48, 52, 56
		state, rxQueueMapping, size                       = 72, 76, 80
	)
	common := []ctxCase{
		st("check cb access: byte, wrong type", skbCB, 1, false),
		st("check cb access: half, wrong type", skbCB, 2, false),
		st("check cb access: double, wrong type", skbCB, 8, false),
		ld("family", family, 4, true),
		ld("family byte", family, 1, true),
		ld("family half", family, 2, true),
		ld("family byte 1 (narrow loads only at the start)", family+1, 1, false),
		ld("family upper half", family+2, 2, false),
		ld("type", typ, 4, true),
		ld("type half", typ, 2, true),
		ld("type upper half", typ+2, 2, false),
		ld("protocol", protocol, 4, true),
		ld("protocol byte", protocol, 1, true),
		st("family", family, 4, false),
		st("protocol", protocol, 4, false),
		ld("dst_port", dstPort, 4, true),
		ld("dst_port half", dstPort, 2, true),
		ld("dst_port byte 1", dstPort+1, 1, true),
		ld("padding after dst_port", dstPort+2, 2, false),
		ld("padding after dst_port byte", dstPort+3, 1, false),
		ld("dst_port as u64", dstPort, 8, false),
		ld("dst_ip4", dstIP4, 4, true),
		ld("dst_ip4 byte 1", dstIP4+1, 1, true),
		ld("dst_ip6[3]", dstIP6+12, 4, true),
		ld("dst_ip6 half 7", dstIP6+14, 2, true),
		ld("dst_ip6 as u64", dstIP6, 8, false),
		ld("state", state, 4, true),
		ld("state byte 1", state+1, 1, false),
		ld("rx_queue_mapping", rxQueueMapping, 4, true),
		ld("rx_queue_mapping half", rxQueueMapping, 2, true),
		st("dst_ip4", dstIP4, 4, false),
		st("state", state, 4, false),
		ld("past the end", size, 4, false),
		ld("negative", -4, 4, false),
	}
	for _, attach := range []string{"", "sock", "sock_create", "sock_release", "post_bind4", "post_bind6"} {
		runCtxCases(t, loader.ProgCgroupSock, ctxOptions{}, at(attach, common...))
	}
	for _, attach := range []string{"", "sock", "sock_create", "sock_release"} {
		runCtxCases(t, loader.ProgCgroupSock, ctxOptions{}, at(attach,
			ld("bound_dev_if", boundDevIf, 4, true),
			st("bound_dev_if", boundDevIf, 4, true),
			st("bound_dev_if half", boundDevIf, 2, false),
			ld("bound_dev_if byte", boundDevIf, 1, false),
			ld("mark", mark, 4, true),
			st("mark", mark, 4, true),
			st("priority", priority, 4, true),
			ld("src_ip4", srcIP4, 4, false),
			ld("src_ip6", srcIP6, 4, false),
			ld("src_port", srcPort, 4, false),
		))
	}
	runCtxCases(t, loader.ProgCgroupSock, ctxOptions{}, at("post_bind4",
		ld("bound_dev_if", boundDevIf, 4, false),
		st("mark", mark, 4, false),
		ld("priority", priority, 4, false),
		ld("src_ip4", srcIP4, 4, true),
		ld("src_ip4 byte 1", srcIP4+1, 1, true),
		ld("src_ip4 upper half", srcIP4+2, 2, true),
		st("src_ip4", srcIP4, 4, false),
		ld("src_ip6", srcIP6, 4, false),
		ld("src_port", srcPort, 4, true),
		ld("src_port half", srcPort, 2, true),
		ld("src_port upper half", srcPort+2, 2, false),
		st("src_port", srcPort, 4, false),
	))
	runCtxCases(t, loader.ProgCgroupSock, ctxOptions{}, at("post_bind6",
		ld("src_ip4", srcIP4, 4, false),
		ld("src_ip6[0]", srcIP6, 4, true),
		ld("src_ip6[3]", srcIP6+12, 4, true),
		ld("src_ip6 byte 15", srcIP6+15, 1, true),
		st("src_ip6[0]", srcIP6, 4, false),
		ld("src_port", srcPort, 4, true),
		ld("bound_dev_if", boundDevIf, 4, false),
	))
}

// sock_addr_is_valid_access; cases from verifier/wide_access.c and
// verifier_ctx.c.
func TestCtxAccessSockAddr(t *testing.T) {
	const (
		userFamily, userIP4, userIP6, userPort = 0, 4, 8, 24
		family, typ, protocol                  = 28, 32, 36
		msgSrcIP4, msgSrcIP6, sk, size         = 40, 44, 64, 72
	)
	var wide []ctxCase
	for _, c := range []struct {
		off int
		ok  bool
	}{
		{userIP6, true}, {userIP6 + 4, false}, {userIP6 + 8, true}, {userIP6 + 12, false},
		{msgSrcIP6, false}, {msgSrcIP6 + 4, true}, {msgSrcIP6 + 8, false}, {msgSrcIP6 + 12, false},
	} {
		wide = append(wide, st("wide store", c.off, 8, c.ok), ld("wide load", c.off, 8, c.ok))
	}
	runCtxCases(t, loader.ProgCgroupSockAddr, ctxOptions{}, at("sendmsg6", wide...))
	runCtxCases(t, loader.ProgCgroupSockAddr, ctxOptions{}, at("sendmsg6",
		ld("user_ip6[1]", userIP6+4, 4, true),
		ld("user_ip6 byte 5", userIP6+5, 1, true),
		st("user_ip6[3]", userIP6+12, 4, true),
		st("user_ip6 half", userIP6, 2, false),
		ld("msg_src_ip6[2]", msgSrcIP6+8, 4, true),
		st("msg_src_ip6[2]", msgSrcIP6+8, 4, true),
		ld("user_ip4", userIP4, 4, false),
		ld("msg_src_ip4", msgSrcIP4, 4, false),
	))
	runCtxCases(t, loader.ProgCgroupSockAddr, ctxOptions{}, at("sendmsg4",
		ld("user_ip4", userIP4, 4, true),
		ld("msg_src_ip4", msgSrcIP4, 4, true),
		st("msg_src_ip4", msgSrcIP4, 4, true),
		ld("msg_src_ip4 byte 2", msgSrcIP4+2, 1, true),
		st("msg_src_ip4 byte", msgSrcIP4, 1, false),
		ld("user_ip6", userIP6, 4, false),
		ld("msg_src_ip6", msgSrcIP6, 4, false),
		st("msg_src_ip6 wide", msgSrcIP6+4, 8, false),
	))
	for _, attach := range []string{"bind4", "connect4", "getpeername4", "getsockname4", "recvmsg4"} {
		runCtxCases(t, loader.ProgCgroupSockAddr, ctxOptions{}, at(attach,
			ld("user_ip4", userIP4, 4, true),
			ld("user_ip4 byte 1", userIP4+1, 1, true),
			ld("user_ip4 upper half", userIP4+2, 2, true),
			st("user_ip4", userIP4, 4, true),
			st("user_ip4 half", userIP4, 2, false),
			ld("user_ip6", userIP6, 4, false),
			ld("msg_src_ip4", msgSrcIP4, 4, false),
		))
	}
	for _, attach := range []string{"bind6", "connect6", "getpeername6", "getsockname6", "recvmsg6"} {
		runCtxCases(t, loader.ProgCgroupSockAddr, ctxOptions{}, at(attach,
			ld("user_ip6", userIP6, 8, true),
			st("user_ip6[2]", userIP6+8, 4, true),
			ld("user_ip4", userIP4, 4, false),
			ld("msg_src_ip6", msgSrcIP6, 4, false),
		))
	}
	for _, attach := range []string{"connect_unix", "sendmsg_unix", "recvmsg_unix", "getpeername_unix", "getsockname_unix"} {
		runCtxCases(t, loader.ProgCgroupSockAddr, ctxOptions{}, at(attach,
			ld("user_ip4", userIP4, 4, false),
			ld("user_ip6", userIP6, 4, false),
			ld("user_family", userFamily, 4, true),
		))
	}
	for _, attach := range []string{"bind4", "connect6", "sendmsg_unix"} {
		runCtxCases(t, loader.ProgCgroupSockAddr, ctxOptions{}, at(attach,
			ld("user_family", userFamily, 4, true),
			ld("user_family half", userFamily, 2, false),
			st("user_family", userFamily, 4, false),
			ld("user_port", userPort, 4, true),
			ld("user_port half", userPort, 2, true),
			ld("user_port byte 3", userPort+3, 1, true),
			st("user_port", userPort, 4, true),
			st("user_port half", userPort, 2, false),
			ld("user_port as u64", userPort, 8, false),
			ld("family", family, 4, true),
			st("family", family, 4, false),
			ld("type", typ, 4, true),
			ld("type byte", typ, 1, false),
			ld("protocol", protocol, 4, true),
			st("protocol", protocol, 4, false),
			ld("sk", sk, 8, true, PtrToSocket),
			ld("narrow load on field sk of bpf_sock_addr", sk+4, 4, false),
			ld("sk as u32", sk, 4, false),
			st("sk", sk, 8, false),
			ld("padding before sk", 60, 4, false),
			ld("past the end", size, 4, false),
		))
	}
}

// sock_ops_is_valid_access; narrow load cases from verifier_ctx.c.
func TestCtxAccessSockOps(t *testing.T) {
	runCtxCases(t, loader.ProgSockOps, ctxOptions{}, []ctxCase{
		ld("op", 0, 4, true),
		ld("op byte", 0, 1, false),
		st("op", 0, 4, false),
		ld("reply", 4, 4, true),
		st("reply", 4, 4, true),
		st("reply half", 4, 2, false),
		ld("args[1]", 8, 4, true),
		st("replylong[1]", 8, 4, false),
		ld("args[3]", 16, 4, true),
		ld("args as u64", 8, 8, false),
		ld("family", 20, 4, true),
		st("family", 20, 4, false),
		ld("remote_ip6[1]", 36, 4, true),
		ld("remote_ip6 half", 32, 2, false),
		ld("local_port", 68, 4, true),
		ld("is_fullsock", 72, 4, true),
		ld("snd_cwnd", 76, 4, true),
		ld("sacked_out", 160, 4, true),
		ld("sk_txhash", 164, 4, true),
		st("sk_txhash", 164, 4, true),
		st("sk_txhash byte", 164, 1, false),
		ld("bytes_received", 168, 8, true),
		ld("bytes_received as u32", 168, 4, false),
		ld("bytes_acked", 176, 8, true),
		ld("bytes_acked upper half", 180, 4, false),
		st("bytes_acked", 176, 8, false),
		ld("sk", 184, 8, true, ctxSockOrNull),
		ld("narrow load on field sk of bpf_sock_ops", 188, 4, false),
		st("sk", 184, 8, false),
		ld("skb_data", 192, 8, true, PtrToPacket),
		ld("narrow load on field skb_data of bpf_sock_ops", 196, 4, false),
		ld("skb_data_end", 200, 8, true, PtrToPacketEnd),
		ld("narrow load on field skb_data_end of bpf_sock_ops", 204, 4, false),
		ld("skb_len", 208, 4, true),
		ld("skb_len half", 208, 2, false),
		ld("skb_tcp_flags", 212, 4, true),
		ld("skb_tcp_flags byte", 212, 1, true),
		ld("skb_tcp_flags half", 212, 2, true),
		ld("skb_tcp_flags byte 1", 213, 1, false),
		ld("skb_tcp_flags upper half", 214, 2, false),
		ld("skb_hwtstamp", 216, 8, true),
		ld("narrow load on field skb_hwtstamp of bpf_sock_ops", 220, 4, false),
		ld("past the end", 224, 4, false),
		ld("negative", -4, 4, false),
	})
}

// sk_msg_is_valid_access; cases from verifier_ctx_sk_msg.c.
func TestCtxAccessSKMsg(t *testing.T) {
	runCtxCases(t, loader.ProgSKMsg, ctxOptions{}, []ctxCase{
		ld("valid access family in SK_MSG", 16, 4, true),
		ld("valid access remote_ip4 in SK_MSG", 20, 4, true),
		ld("valid access local_ip4 in SK_MSG", 24, 4, true),
		ld("remote_ip6[0]", 28, 4, true),
		ld("remote_ip6[3]", 40, 4, true),
		ld("local_ip6[0]", 44, 4, true),
		ld("local_ip6[3]", 56, 4, true),
		ld("valid access remote_port in SK_MSG", 60, 4, true),
		ld("valid access local_port in SK_MSG", 64, 4, true),
		ld("valid access size in SK_MSG", 68, 4, true),
		ld("invalid 64B read of size in SK_MSG", 68, 8, false),
		ld("invalid read past end of SK_MSG", 72, 4, false),
		ld("invalid read offset in SK_MSG", 17, 4, false),
		ld("family half", 16, 2, false),
		ld("family byte", 16, 1, false),
		ld("direct packet read for SK_MSG (data)", 0, 8, true, PtrToPacket),
		ld("direct packet read for SK_MSG (data_end)", 8, 8, true, PtrToPacketEnd),
		ld("data as u32", 0, 4, false),
		ld("data_end upper half", 12, 4, false),
		ld("sk", 72, 8, true, PtrToSocket),
		st("data", 0, 8, false),
		st("family", 16, 4, false),
		st("size", 68, 4, false),
		ld("past the end", 80, 8, false),
		ld("negative", -8, 8, false),
	})
}

// sk_reuseport_is_valid_access.
func TestCtxAccessSKReuseport(t *testing.T) {
	cases := []ctxCase{
		ld("data", 0, 8, true, PtrToPacket),
		ld("data as u32", 0, 4, false),
		ld("data upper half", 4, 4, false),
		ld("data_end", 8, 8, true, PtrToPacketEnd),
		ld("len", 16, 4, true),
		ld("len half", 16, 2, true),
		ld("len byte 3", 19, 1, true),
		ld("len as u64", 16, 8, false),
		ld("eth_protocol", 20, 4, true),
		ld("eth_protocol half", 22, 2, true),
		ld("eth_protocol byte", 20, 1, false),
		ld("ip_protocol byte", 24, 1, true),
		ld("bind_inany half", 30, 2, true),
		ld("hash", 32, 4, true),
		ld("hash half", 32, 2, false),
		ld("padding before sk", 36, 4, false),
		ld("sk", 40, 8, true, PtrToSocket),
		ld("sk upper half", 44, 4, false),
		ld("migrating_sk", 48, 8, true, ctxSockCommonOrNull),
		ld("migrating_sk as u32", 48, 4, false),
		st("len", 16, 4, false),
		st("hash", 32, 4, false),
		st("data", 0, 8, false),
		ld("past the end", 56, 8, false),
	}
	runCtxCases(t, loader.ProgSKReuseport, ctxOptions{}, cases)
	runCtxCases(t, loader.ProgSKReuseport, ctxOptions{}, at("migrate", cases...))
}

// sk_lookup_is_valid_access; cases from verifier/ctx_sk_lookup.c.
func TestCtxAccessSKLookup(t *testing.T) {
	const (
		sk, family, protocol, remoteIP4, remoteIP6, remotePort = 0, 8, 12, 16, 20, 36
		localIP4, localIP6, localPort, ingressIfindex, size    = 40, 44, 60, 64, 72
	)
	var cases []ctxCase
	for _, f := range []struct {
		name      string
		off, size int
	}{
		{"family", family, 4}, {"protocol", protocol, 4}, {"remote_ip4", remoteIP4, 4},
		{"remote_ip6", remoteIP6, 16}, {"remote_port", remotePort, 4}, {"local_ip4", localIP4, 4},
		{"local_ip6", localIP6, 16}, {"local_port", localPort, 4},
		{"ingress_ifindex", ingressIfindex, 4},
	} {
		for _, n := range []int{1, 2, 4} {
			for off := f.off; off < f.off+f.size; off += n {
				cases = append(cases, ld("valid 1,2,4-byte reads from bpf_sk_lookup: "+f.name, off, n, true))
			}
		}
		cases = append(cases, ld("invalid 8-byte read from bpf_sk_lookup "+f.name+" field", f.off, 8, false))
	}
	cases = append(cases,
		ld("8-byte read from sk field", sk, 8, true, ctxSockOrNull),
		ld("invalid 4-byte read from bpf_sk_lookup sk field", sk, 4, false),
		ld("invalid 2-byte read from bpf_sk_lookup sk field", sk, 2, false),
		ld("invalid 1-byte read from bpf_sk_lookup sk field", sk, 1, false),
		ld("invalid 4-byte read from the upper half of sk", sk+4, 4, false),
		ld("invalid 4-byte read past end of bpf_sk_lookup", size, 4, false),
		ld("padding at the end", 68, 4, false),
		ld("invalid 4-byte unaligned read from bpf_sk_lookup at odd offset", 1, 4, false),
		ld("invalid 4-byte unaligned read from bpf_sk_lookup at even offset", 2, 4, false),
		st("invalid 8-byte write to bpf_sk_lookup", 0, 8, false),
		st("invalid 4-byte write to bpf_sk_lookup", 0, 4, false),
		st("invalid 2-byte write to bpf_sk_lookup", 0, 2, false),
		st("invalid 1-byte write to bpf_sk_lookup", 0, 1, false),
		st("invalid 4-byte write past end of bpf_sk_lookup", size, 4, false),
		st("family", family, 4, false),
		ld("remote_port padding half", remotePort+2, 2, true),
		ld("remote_port padding byte", remotePort+3, 1, true),
	)
	runCtxCases(t, loader.ProgSKLookup, ctxOptions{}, cases)
}

// sysctl_is_valid_access.
func TestCtxAccessCgroupSysctl(t *testing.T) {
	runCtxCases(t, loader.ProgCgroupSysctl, ctxOptions{}, []ctxCase{
		ld("write", 0, 4, true),
		ld("write half", 2, 2, true),
		ld("write byte", 1, 1, true),
		st("write", 0, 4, false),
		ld("write as u64", 0, 8, false),
		ld("file_pos", 4, 4, true),
		ld("file_pos byte", 5, 1, true),
		st("file_pos", 4, 4, true),
		st("file_pos half", 4, 2, false),
		st("file_pos byte", 4, 1, false),
		ld("past the end", 8, 4, false),
		ld("negative", -4, 4, false),
	})
}

// cg_sockopt_is_valid_access; cases from prog_tests/sockopt.c and the
// narrow loads of verifier_ctx.c.
func TestCtxAccessCgroupSockopt(t *testing.T) {
	const sk, optval, optvalEnd, level, optname, optlen, retval = 0, 8, 16, 24, 28, 32, 36
	common := []ctxCase{
		ld("sk", sk, 8, true, PtrToSocket),
		ld("narrow load on field sk of bpf_sockopt", sk+4, 4, false),
		ld("optval", optval, 8, true, PtrToPacket),
		ld("narrow load on field optval of bpf_sockopt", optval+4, 4, false),
		ld("optval_end", optvalEnd, 8, true, PtrToPacketEnd),
		ld("narrow load on field optval_end of bpf_sockopt", optvalEnd+4, 4, false),
		st("deny writing to ctx->optval", optval, 8, false),
		st("deny writing to ctx->optval_end", optvalEnd, 8, false),
		st("sk", sk, 8, false),
		ld("read ctx->level", level, 4, true),
		ld("level half", level, 2, false),
		ld("read ctx->optname", optname, 4, true),
		ld("read ctx->optlen", optlen, 4, true),
		st("ctx->optlen", optlen, 4, true),
		st("ctx->optlen half", optlen, 2, false),
		ld("past the end", 40, 4, false),
	}
	runCtxCases(t, loader.ProgCgroupSockopt, ctxOptions{}, at("getsockopt", common...))
	runCtxCases(t, loader.ProgCgroupSockopt, ctxOptions{}, at("setsockopt", common...))
	runCtxCases(t, loader.ProgCgroupSockopt, ctxOptions{}, at("getsockopt",
		st("getsockopt: deny writing to ctx->level", level, 4, false),
		st("getsockopt: deny writing to ctx->optname", optname, 4, false),
		ld("getsockopt: read ctx->retval", retval, 4, true),
		st("getsockopt: write ctx->retval", retval, 4, true),
		st("retval half", retval, 2, false),
	))
	runCtxCases(t, loader.ProgCgroupSockopt, ctxOptions{}, at("setsockopt",
		st("setsockopt: allow changing ctx->level", level, 4, true),
		st("setsockopt: allow changing ctx->optname", optname, 4, true),
		ld("retval", retval, 4, false),
		st("retval", retval, 4, false),
		st("level half", level, 2, false),
	))
}

// cgroup_dev_is_valid_access.
func TestCtxAccessCgroupDevice(t *testing.T) {
	runCtxCases(t, loader.ProgCgroupDevice, ctxOptions{}, []ctxCase{
		ld("access_type", 0, 4, true),
		ld("access_type half 1", 2, 2, true),
		ld("access_type byte 1", 1, 1, true),
		ld("major", 4, 4, true),
		ld("major half", 4, 2, false),
		ld("minor", 8, 4, true),
		ld("major and minor as u64", 8, 8, false),
		ld("access_type and major as u64", 0, 8, false),
		st("access_type", 0, 4, false),
		st("minor", 8, 4, false),
		ld("past the end", 12, 4, false),
	})
}

// kprobe_prog_is_valid_access, pe_prog_is_valid_access (cases from
// verifier/perf_event_sample_period.c), tp_prog_is_valid_access,
// raw_tp(_writable)_prog_is_valid_access.
func TestCtxAccessTracepoints(t *testing.T) {
	runCtxCases(t, loader.ProgKprobe, ctxOptions{}, []ctxCase{
		ld("r15", 0, 8, true),
		ld("ss", 160, 8, true),
		ld("ss low half", 160, 4, true),
		ld("ss upper half", 164, 4, true),
		ld("byte 3", 3, 1, true),
		ld("past the end", 168, 8, false),
		ld("past the end", 168, 1, false),
		ld("misaligned", 4, 8, false),
		st("r15", 0, 8, false),
		ld("negative", -8, 8, false),
	})
	runCtxCases(t, loader.ProgPerfEvent, ctxOptions{}, []ctxCase{
		ld("regs", 0, 8, true),
		ld("regs as u32", 0, 4, false),
		ld("last register", 160, 8, true),
		ld("sample_period byte load permitted", 168, 1, true),
		ld("sample_period half load permitted", 168, 2, true),
		ld("sample_period word load permitted", 168, 4, true),
		ld("sample_period dword load permitted", 168, 8, true),
		ld("sample_period upper word", 172, 4, true),
		ld("addr", 176, 8, true),
		ld("addr byte 7", 183, 1, true),
		ld("past the end", 184, 8, false),
		ld("misaligned", 172, 8, false),
		st("sample_period", 168, 8, false),
	})
	runCtxCases(t, loader.ProgTracepoint, ctxOptions{}, []ctxCase{
		ld("common header (anon_user_mem_invalid)", 0, 8, false),
		ld("common header word", 4, 4, false),
		ld("first field", 8, 8, true),
		ld("a word", 12, 4, true),
		ld("a byte", 13, 1, true),
		ld("last slot", 2040, 8, true),
		ld("past PERF_MAX_TRACE_SIZE", 2048, 1, false),
		ld("misaligned", 12, 8, false),
		st("first field", 8, 8, false),
	})
	runCtxCases(t, loader.ProgRawTP, ctxOptions{}, []ctxCase{
		ld("args[0]", 0, 8, true),
		ld("args[0] low word", 0, 4, true),
		ld("args[0] high word", 4, 4, true),
		ld("args[11]", 88, 8, true),
		ld("past the 12 slots", 96, 8, false),
		ld("misaligned", 4, 8, false),
		st("args[0]", 0, 8, false),
	})
	runCtxCases(t, loader.ProgRawTPWritable, ctxOptions{}, []ctxCase{
		ld("raw_tracepoint_writable: the buffer", 0, 8, true, PtrToTPBuffer),
		ld("the buffer as u32", 0, 4, false),
		ld("the buffer byte", 0, 1, false),
		st("the buffer", 0, 8, false),
		ld("args[0] high word", 4, 4, true),
		ld("args[0] byte 1", 1, 1, true),
		ld("args[1]", 8, 8, true),
		st("args[1]", 8, 8, false),
		ld("past the 12 slots", 96, 8, false),
	})
}

// nf_is_valid_access; cases from verifier_netfilter_ctx.c.
func TestCtxAccessNetfilter(t *testing.T) {
	runCtxCases(t, loader.ProgNetfilter, ctxOptions{}, []ctxCase{
		ld("netfilter invalid context access, size too short (state)", 0, 1, false),
		ld("netfilter invalid context access, size too short (skb)", 8, 2, false),
		ld("netfilter invalid context access, past end of ctx", 16, 8, false),
		st("netfilter invalid context, write", 0, 8, false),
		ld("state", 0, 8, true, PtrToBTFID|PtrTrusted),
		ld("skb", 8, 8, true, PtrToBTFID|PtrTrusted),
		ld("skb upper half", 12, 4, false),
	})
	for off, name := range map[int]string{0: "nf_hook_state", 8: "sk_buff"} {
		if a, ok := ctxAccess(loader.ProgNetfilter, "", off, 8, false); !ok || a.BTFName != name {
			t.Errorf("netfilter load at %d: %+v %v, want a %s", off, a, ok, name)
		}
	}
}

// lirc_mode2_is_valid_access and syscall_prog_is_valid_access.
func TestCtxAccessLircAndSyscall(t *testing.T) {
	runCtxCases(t, loader.ProgLircMode2, ctxOptions{}, []ctxCase{
		ld("sample", 0, 4, true),
		ld("sample half", 0, 2, false),
		ld("sample as u64", 0, 8, false),
		st("sample", 0, 4, false),
		ld("past the end", 4, 4, false),
	})
	runCtxCases(t, loader.ProgSyscall, ctxOptions{}, []ctxCase{
		ld("first u64", 0, 8, true),
		st("first u64", 0, 8, true),
		st("a word", 100, 4, true),
		ld("a byte", 101, 1, true),
		ld("the last byte", 65534, 1, true),
		ld("the last u64", 65528, 8, true),
		ld("past U16_MAX", 65535, 1, false),
		ld("misaligned", 3, 4, false),
		ld("negative", -1, 1, false),
	})
}

// The tracing types without kernel BTF: u64 slots, scalars.
func TestCtxAccessTracingWithoutBTF(t *testing.T) {
	cases := []ctxCase{
		ld("arg0", 0, 8, true),
		ld("arg0 low word", 0, 4, true),
		ld("arg0 byte", 0, 1, true),
		ld("arg11", 88, 8, true),
		ld("past 12 slots", 96, 8, false),
		ld("not a slot", 4, 4, false),
		ld("misaligned", 4, 8, false),
		st("arg0", 0, 8, false),
		ld("negative", -8, 8, false),
	}
	for _, pt := range []loader.ProgType{loader.ProgTPBTF, loader.ProgFentry, loader.ProgFexit,
		loader.ProgFmodRet, loader.ProgLSM, loader.ProgStructOps, loader.ProgFreplace, loader.ProgIter} {
		runCtxCases(t, pt, ctxOptions{}, at("some_target", cases...))
	}
	a, ok := ctxAccess(loader.ProgFentry, "bpf_fentry_test1", 4, 4, false)
	if ok || a.Log != "func 'bpf_fentry_test1' offset 4 is not multiple of 8\n" {
		t.Errorf("fentry load at 4: %v %q", ok, a.Log)
	}
	a, ok = ctxAccess(loader.ProgTPBTF, "kfree_skb", 12, 4, false)
	if ok || a.Log != "func 'btf_trace_kfree_skb' offset 12 is not multiple of 8\n" {
		t.Errorf("tp_btf load at 12: %v %q", ok, a.Log)
	}
}

// Iterator programs, typed by the in-tree targets' registrations.
func TestCtxAccessIter(t *testing.T) {
	runCtxCases(t, loader.ProgIter, ctxOptions{}, at("task",
		ld("meta", 0, 8, true, PtrToBTFID|PtrTrusted),
		ld("task", 8, 8, true, PtrToBTFID|PtrMaybeNull|PtrTrusted),
		ld("task as u32", 8, 4, false),
		ld("no third argument", 16, 8, false),
		st("task", 8, 8, false),
	))
	runCtxCases(t, loader.ProgIter, ctxOptions{}, at("task_file",
		ld("task", 8, 8, true, PtrToBTFID|PtrMaybeNull),
		ld("fd", 16, 4, true),
		ld("fd as u64", 16, 8, true),
		ld("file", 24, 8, true, PtrToBTFID|PtrMaybeNull),
		ld("no fifth argument", 32, 8, false),
	))
	runCtxCases(t, loader.ProgIter, ctxOptions{}, at("bpf_map_elem",
		ld("map", 8, 8, true, PtrToBTFID|PtrTrusted),
		ld("key", 16, 8, true, PtrToBuf|PtrMaybeNull|MemRdonly),
		ld("value", 24, 8, true, PtrToBuf|PtrMaybeNull),
	))
	runCtxCases(t, loader.ProgIter, ctxOptions{}, at("tcp",
		ld("sk_common", 8, 8, true, PtrToBTFID|PtrMaybeNull|PtrTrusted),
		ld("uid", 16, 4, true),
	))
	for _, c := range []struct {
		target string
		off    int
		btf    string
	}{
		{"task", 0, "bpf_iter_meta"}, {"task", 8, "task_struct"}, {"task_vma", 16, "vm_area_struct"},
		{"sockmap", 24, "sock"}, {"udp", 8, "udp_sock"}, {"ksym", 8, "kallsym_iter"},
	} {
		if a, ok := ctxAccess(loader.ProgIter, c.target, c.off, 8, false); !ok || a.BTFName != c.btf {
			t.Errorf("iter/%s load at %d: %+v %v, want a %s", c.target, c.off, a, ok, c.btf)
		}
	}
	a, ok := ctxAccess(loader.ProgIter, "task", 8, 4, false)
	if ok || a.Log != "func 'bpf_iter_task' size 4 must be 8\n" {
		t.Errorf("iter/task load of 4 at 8: %v %q", ok, a.Log)
	}
	a, ok = ctxAccess(loader.ProgIter, "task", 16, 8, false)
	if ok || a.Log != "func 'bpf_iter_task' doesn't have 3-th argument\n" {
		t.Errorf("iter/task load at 16: %v %q", ok, a.Log)
	}
}

// NarrowLoad and FieldSize report bpf_ctx_record_field_size.
func TestCtxAccessNarrowLoads(t *testing.T) {
	for _, c := range []struct {
		t          loader.ProgType
		attach     string
		off, size  int
		fieldSize  int
		narrowLoad bool
	}{
		{loader.ProgTC, "", skbHash, 4, 4, false},
		{loader.ProgTC, "", skbHash + 2, 2, 4, true},
		{loader.ProgTC, "", skbCB, 1, 0, false},
		{loader.ProgTC, "", skbData, 4, 0, false},
		{loader.ProgCgroupSock, "", 48, 4, 4, false},
		{loader.ProgCgroupSock, "", 48, 2, 2, false},
		{loader.ProgCgroupSock, "", 49, 1, 2, true},
		{loader.ProgSKLookup, "", 36, 4, 0, false},
		{loader.ProgSKLookup, "", 36, 1, 2, true},
		{loader.ProgPerfEvent, "", 168, 4, 8, true},
		{loader.ProgCgroupSockAddr, "connect6", 8, 8, 4, false},
		{loader.ProgSockOps, "", 212, 1, 4, true},
		{loader.ProgXDP, "", 12, 4, 0, false},
	} {
		a, ok := ctxAccess(c.t, c.attach, c.off, c.size, false)
		if !ok || a.FieldSize != c.fieldSize || a.NarrowLoad != c.narrowLoad {
			t.Errorf("%s load off=%d size=%d: ok=%v FieldSize=%d NarrowLoad=%v, want %d %v",
				c.t, c.off, c.size, ok, a.FieldSize, a.NarrowLoad, c.fieldSize, c.narrowLoad)
		}
	}
}

// Program types the kernel gives no context, and sizes no instruction has.
func TestCtxAccessRefusals(t *testing.T) {
	if _, ok := ctxAccess(loader.ProgUnknown, "", 0, 4, false); ok {
		t.Error("a program of no type reads its context")
	}
	for _, size := range []int{0, 3, 16, -4} {
		if _, ok := ctxAccess(loader.ProgSyscall, "", 0, size, false); ok {
			t.Errorf("a load of %d bytes passes", size)
		}
	}
}

// Every table: its fields are sorted, disjoint and inside the struct, and
// every access the table allows is aligned and inside the struct.
func TestCtxAccessTablesConsistent(t *testing.T) {
	for pt, tb := range ctxTables {
		prevEnd := 0
		for _, f := range tb.fields {
			if f.off < prevEnd || f.end() > tb.size {
				t.Errorf("%s: field %s [%d,%d) overlaps or overruns", tb.name, f.name, f.off, f.end())
			}
			prevEnd = f.end()
		}
		limit := tb.size
		if limit > 512 {
			limit = 512
		}
		for off := -8; off < limit+8; off++ {
			for _, size := range []int{1, 2, 4, 8} {
				for _, write := range []bool{false, true} {
					for _, attach := range []string{"", "devmap", "post_bind4", "connect6", "getsockopt"} {
						_, ok := ctxAccess(pt, attach, off, size, write)
						if ok && (off < 0 || off%size != 0 || off >= tb.size) {
							t.Errorf("%s: %d bytes at %d allowed", pt, size, off)
						}
					}
				}
			}
		}
	}
}

// With the kernel's BTF, tp_btf and fentry arguments are typed. The
// running kernel's BTF is used when there is one.
func TestCtxAccessTracingBTF(t *testing.T) {
	spec, err := btf.LoadKernelSpec()
	if err != nil {
		t.Skip("no kernel BTF:", err)
	}
	o := ctxOptions{KernelBTF: spec}
	has := func(name string) bool {
		types, _ := spec.AnyTypesByName(name)
		return len(types) > 0
	}
	if has("tcp_v4_connect") {
		// int tcp_v4_connect(struct sock *sk, struct sockaddr *uaddr, int addr_len)
		a, ok := ctxAccessWith(loader.ProgFentry, "tcp_v4_connect", 0, 8, false, o)
		if !ok || a.Type != PtrToBTFID || a.BTFName != "sock" || a.BTFType == nil ||
			!strings.HasPrefix(a.Log, "func 'tcp_v4_connect' arg0 has btf_id ") {
			t.Errorf("fentry/tcp_v4_connect arg0: %v %+v", ok, a)
		}
		if a, ok := ctxAccessWith(loader.ProgFentry, "tcp_v4_connect", 0, 4, false, o); ok ||
			a.Log != "func 'tcp_v4_connect' size 4 must be 8\n" {
			t.Errorf("fentry/tcp_v4_connect arg0 as u32: %v %+v", ok, a)
		}
		if a, ok := ctxAccessWith(loader.ProgFentry, "tcp_v4_connect", 16, 4, false, o); !ok || a.Type != ScalarValue {
			t.Errorf("fentry/tcp_v4_connect addr_len: %v %+v", ok, a)
		}
		if a, ok := ctxAccessWith(loader.ProgFentry, "tcp_v4_connect", 24, 8, false, o); ok ||
			a.Log != "func 'tcp_v4_connect' doesn't have 4-th argument\n" {
			t.Errorf("fentry/tcp_v4_connect return slot: %v %+v", ok, a)
		}
		if a, ok := ctxAccessWith(loader.ProgFexit, "tcp_v4_connect", 24, 8, false, o); !ok || a.Type != ScalarValue {
			t.Errorf("fexit/tcp_v4_connect return slot: %v %+v", ok, a)
		}
		if a, ok := ctxAccessWith(loader.ProgFmodRet, "tcp_v4_connect", 24, 4, false, o); !ok || a.Type != ScalarValue {
			t.Errorf("fmod_ret/tcp_v4_connect return slot: %v %+v", ok, a)
		}
		if a, ok := ctxAccessWith(loader.ProgFexit, "tcp_v4_connect", 32, 8, false, o); ok ||
			a.Log != "func 'tcp_v4_connect' doesn't have 5-th argument\n" {
			t.Errorf("fexit/tcp_v4_connect past the return slot: %v %+v", ok, a)
		}
	}
	if has("btf_trace_sched_switch") {
		// sched_switch(bool preempt, struct task_struct *prev, struct task_struct *next, ...)
		if a, ok := ctxAccessWith(loader.ProgTPBTF, "sched_switch", 0, 1, false, o); !ok || a.Type != ScalarValue {
			t.Errorf("tp_btf/sched_switch preempt: %v %+v", ok, a)
		}
		a, ok := ctxAccessWith(loader.ProgTPBTF, "sched_switch", 8, 8, false, o)
		if !ok || a.Type != PtrToBTFID|PtrTrusted || a.BTFName != "task_struct" ||
			!strings.HasPrefix(a.Log, "func 'btf_trace_sched_switch' arg1 has btf_id ") {
			t.Errorf("tp_btf/sched_switch prev: %v %+v", ok, a)
		}
	}
	if has("btf_trace_kfree_skb") {
		// kfree_skb(struct sk_buff *skb, void *location, ...): skb is never
		// NULL; location is a void pointer, a scalar.
		a, ok := ctxAccessWith(loader.ProgTPBTF, "kfree_skb", 0, 8, false, o)
		if !ok || a.Type != PtrToBTFID|PtrTrusted || a.BTFName != "sk_buff" {
			t.Errorf("tp_btf/kfree_skb skb: %v %+v", ok, a)
		}
		if a, ok := ctxAccessWith(loader.ProgTPBTF, "kfree_skb", 8, 8, false, o); !ok || a.Type != ScalarValue {
			t.Errorf("tp_btf/kfree_skb location: %v %+v", ok, a)
		}
	}
	if has("bpf_lsm_file_open") {
		// int file_open(struct file *file): trusted; its return value slot.
		if a, ok := ctxAccessWith(loader.ProgLSM, "file_open", 0, 8, false, o); !ok ||
			a.Type != PtrToBTFID|PtrTrusted || a.BTFName != "file" {
			t.Errorf("lsm/file_open file: %v %+v", ok, a)
		}
		if a, ok := ctxAccessWith(loader.ProgLSM, "file_open", 8, 8, false, o); !ok || !a.IsRetval {
			t.Errorf("lsm/file_open retval: %v %+v", ok, a)
		}
	}
	if has("bpf_lsm_file_free_security") {
		if a, ok := ctxAccessWith(loader.ProgLSM, "file_free_security", 0, 8, false, o); !ok || a.Type != PtrToBTFID {
			t.Errorf("lsm/file_free_security file (untrusted): %v %+v", ok, a)
		}
	}
	// An attach target the BTF lacks falls back to scalar slots.
	if a, ok := ctxAccessWith(loader.ProgFentry, "no_such_function_here", 0, 8, false, o); !ok || a.Type != ScalarValue {
		t.Errorf("fentry/no_such_function_here: %v %+v", ok, a)
	}
	if a, ok := ctxAccessWith(loader.ProgNetfilter, "", 8, 8, false, o); !ok || a.BTFType == nil {
		t.Errorf("netfilter skb with kernel BTF: %v %+v", ok, a)
	}
}

// A freplace program's context is its target program's.
func TestCtxAccessFreplace(t *testing.T) {
	runCtxCases(t, loader.ProgFreplace, ctxOptions{TargetType: loader.ProgXDP}, []ctxCase{
		ld("xdp_md data", 0, 4, true, PtrToPacket),
		ld("xdp_md egress_ifindex", 20, 4, false),
		st("xdp_md data", 0, 4, false),
	})
	runCtxCases(t, loader.ProgFreplace, ctxOptions{TargetType: loader.ProgXDP, TargetAttachTo: "devmap"}, []ctxCase{
		ld("xdp_md egress_ifindex, devmap", 20, 4, true),
	})
	runCtxCases(t, loader.ProgFreplace, ctxOptions{TargetType: loader.ProgCgroupSKB, Unprivileged: true}, []ctxCase{
		ld("__sk_buff data, unprivileged", skbData, 4, false),
		ld("__sk_buff len", skbLen, 4, true),
	})
	runCtxCases(t, loader.ProgFreplace, ctxOptions{TargetType: loader.ProgFreplace}, []ctxCase{
		ld("a u64 slot", 8, 8, true),
		ld("not a slot", 4, 4, false),
	})
}
