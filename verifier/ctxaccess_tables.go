package verifier

// This file holds the context structs of the program types whose context
// is a uapi struct (include/uapi/linux/bpf.h, bpf_perf_event.h, the x86-64
// struct pt_regs, struct bpf_nf_ctx), with what each program type's
// is_valid_access callback allows on each member in Linux 6.12.

import "github.com/callx/callx/loader"

// Rules shared by several structs.
var (
	// A u32 loaded whole or by a narrower aligned load anywhere in it
	// (bpf_ctx_range + bpf_ctx_narrow_access_ok), never stored.
	ctxRONarrow = ctxRule{load: ctxNarrow, fieldSize: 4}
	// The same, narrow loads only at the field's first byte (the kernel's
	// case names offsetof(field)).
	ctxRONarrowAtStart = ctxRule{load: ctxNarrow, fieldSize: 4, atStart: true}
	// A u32 loaded whole only.
	ctxROWord = ctxRule{load: ctxW}
	// A u64 loaded whole only.
	ctxRODWord = ctxRule{load: ctxDW}
)

// ctxPtrRule is a pointer a program loads whole (8 bytes) and never
// stores.
func ctxPtrRule(typ RegType) ctxRule { return ctxRule{load: ctxDW, typ: typ} }

// Nullable socket pointers.
const (
	ctxSockOrNull       = PtrToSocket | PtrMaybeNull
	ctxSockCommonOrNull = PtrToSockCommon | PtrMaybeNull
)

// struct __sk_buff.
var skBuffMembers = []ctxMember{
	ctxU32("len"), ctxU32("pkt_type"), ctxU32("mark"), ctxU32("queue_mapping"),
	ctxU32("protocol"), ctxU32("vlan_present"), ctxU32("vlan_tci"), ctxU32("vlan_proto"),
	ctxU32("priority"), ctxU32("ingress_ifindex"), ctxU32("ifindex"), ctxU32("tc_index"),
	ctxU32s("cb", 5), ctxU32("hash"), ctxU32("tc_classid"), ctxU32("data"),
	ctxU32("data_end"), ctxU32("napi_id"),
	// Accessed by sk_skb programs from here ...
	ctxU32("family"), ctxU32("remote_ip4"), ctxU32("local_ip4"), ctxU32s("remote_ip6", 4),
	ctxU32s("local_ip6", 4), ctxU32("remote_port"), ctxU32("local_port"),
	// ... to here.
	ctxU32("data_meta"), ctxPtr("flow_keys"), ctxU64("tstamp"), ctxU32("wire_len"),
	ctxU32("gso_segs"), ctxPtr("sk"), ctxU32("gso_size"), ctxU8("tstamp_type"),
	ctxPad(3), ctxU64("hwtstamp"),
}

// skbSocketFields are __sk_buff's family .. local_port, the socket's view
// (bpf_ctx_range_till(struct __sk_buff, family, local_port)).
var skbSocketFields = []string{"family", "remote_ip4", "local_ip4", "remote_ip6", "local_ip6", "remote_port", "local_port"}

// skbBase is __sk_buff as bpf_skb_is_valid_access allows it, before a
// program type's own callback narrows it: u32 fields load narrow and
// store whole; cb is plain memory; the packet pointers and the socket
// addresses load whole; tstamp and hwtstamp are u64s; sk is the socket,
// maybe NULL; flow_keys and tstamp_type are refused (tc allows the
// latter itself).
var skbBase = ctxLayout("__sk_buff", skBuffMembers, ctxMerge(
	ctxRules(ctxRule{load: ctxNarrow, store: ctxW, fieldSize: 4},
		"len", "pkt_type", "mark", "queue_mapping", "protocol", "vlan_present",
		"vlan_tci", "vlan_proto", "priority", "ingress_ifindex", "ifindex", "tc_index",
		"hash", "tc_classid", "napi_id", "family", "remote_port", "local_port",
		"wire_len", "gso_segs", "gso_size"),
	ctxRules(ctxRule{load: ctxAny, store: ctxAny}, "cb"),
	ctxRules(ctxRule{load: ctxW, store: ctxW, noSignExt: true}, "data", "data_end", "data_meta"),
	ctxRules(ctxRule{load: ctxW, store: ctxW}, "remote_ip4", "local_ip4", "remote_ip6", "local_ip6"),
	ctxRules(ctxRule{load: ctxDW, store: ctxDW}, "tstamp"),
	ctxRules(ctxRODWord, "hwtstamp"),
	ctxRules(ctxPtrRule(ctxSockCommonOrNull), "sk"),
))

// skbPackets types the packet pointers.
func (tb *ctxTable) skbPackets(meta bool) *ctxTable {
	tb.typed("data", PtrToPacket).typed("data_end", PtrToPacketEnd)
	if meta {
		tb.typed("data_meta", PtrToPacketMeta)
	}
	return tb
}

// sk_filter_is_valid_access: no packet pointers, no socket view, only cb
// written.
var skbSocketFilter = skbBase.clone().
	deny("tc_classid", "data", "data_meta", "data_end", "tstamp", "wire_len", "hwtstamp").
	deny(skbSocketFields...).
	storesOnly("cb")

// tc_cls_act_is_valid_access (sched_cls and sched_act).
var skbTC = skbBase.clone().
	deny(skbSocketFields...).
	storesOnly("mark", "tc_index", "priority", "tc_classid", "cb", "tstamp", "queue_mapping").
	skbPackets(true).
	rule(ctxRule{load: ctxB}, "tstamp_type")

// cg_skb_is_valid_access: data and data_end, and writing tstamp, need
// CAP_BPF.
var skbCgroup = skbBase.clone().
	deny("tc_classid", "data_meta", "wire_len").
	storesOnly("mark", "priority", "cb", "tstamp").
	skbPackets(false).
	loadIf(ctxPrivileged, "data", "data_end").
	storeIf(ctxPrivileged, "tstamp")

// lwt_is_valid_access (lwt_in, lwt_out, lwt_xmit, lwt_seg6local).
var skbLWT = skbBase.clone().
	deny("tc_classid", "data_meta", "tstamp", "wire_len", "hwtstamp").
	deny(skbSocketFields...).
	storesOnly("mark", "priority", "cb").
	skbPackets(false)

// sk_skb_is_valid_access: mark is refused even for loads.
var skbSKSKB = skbBase.clone().
	deny("tc_classid", "data_meta", "tstamp", "wire_len", "hwtstamp", "mark").
	storesOnly("tc_index", "priority").
	skbPackets(false)

// flow_dissector_is_valid_access: only the packet and the flow keys, read.
var skbFlowDissector = ctxLayout("__sk_buff", skBuffMembers, map[string]ctxRule{
	"data":      {load: ctxW, noSignExt: true, typ: PtrToPacket},
	"data_end":  {load: ctxW, noSignExt: true, typ: PtrToPacketEnd},
	"flow_keys": ctxPtrRule(PtrToFlowKeys),
})

// struct xdp_md (xdp_is_valid_access): u32s loaded whole, never stored
// (rx_queue_index is writable only by offloaded programs); egress_ifindex
// only for devmap programs.
var xdpMD = ctxLayout("xdp_md", []ctxMember{
	ctxU32("data"), ctxU32("data_end"), ctxU32("data_meta"), ctxU32("ingress_ifindex"),
	ctxU32("rx_queue_index"), ctxU32("egress_ifindex"),
}, map[string]ctxRule{
	"data":            {load: ctxW, noSignExt: true, typ: PtrToPacket},
	"data_end":        {load: ctxW, noSignExt: true, typ: PtrToPacketEnd},
	"data_meta":       {load: ctxW, noSignExt: true, typ: PtrToPacketMeta},
	"ingress_ifindex": ctxROWord,
	"rx_queue_index":  ctxROWord,
	"egress_ifindex":  {load: ctxW, loadIf: ctxAttachIn("devmap")},
})

// struct bpf_sock, as bpf_sock_is_valid_access allows it.
var bpfSockMembers = []ctxMember{
	ctxU32("bound_dev_if"), ctxU32("family"), ctxU32("type"), ctxU32("protocol"),
	ctxU32("mark"), ctxU32("priority"), ctxU32("src_ip4"), ctxU32s("src_ip6", 4),
	ctxU32("src_port"), ctxU16("dst_port"), ctxPad(2), ctxU32("dst_ip4"),
	ctxU32s("dst_ip6", 4), ctxU32("state"), ctxU32("rx_queue_mapping"),
}

// bpfSockRules: bpf_sock_is_valid_access does not look at the direction;
// the cgroup_sock callback makes most fields read-only.
var bpfSockRules = ctxMerge(
	ctxRules(ctxRule{load: ctxW, store: ctxW}, "bound_dev_if", "mark", "priority"),
	ctxRules(ctxRule{load: ctxNarrow, store: ctxNarrow, fieldSize: 4, atStart: true},
		"family", "type", "protocol", "src_port", "state", "rx_queue_mapping"),
	ctxRules(ctxRule{load: ctxNarrow, store: ctxNarrow, fieldSize: 4},
		"src_ip4", "src_ip6", "dst_ip4", "dst_ip6"),
	ctxRules(ctxRule{load: ctxSizesOf(1, 2), store: ctxSizesOf(1, 2), fieldSize: 2,
		wide: 4, wideFieldSize: 4}, "dst_port"),
)

// sock_filter_is_valid_access (cgroup_sock): by expected attach type,
// bound_dev_if, mark and priority exist for sock_create and sock_release
// and are writable there; src_ip4, src_ip6 and src_port exist for the
// post_bind hooks of their family; everything else is read-only.
var cgroupSock = ctxLayout("bpf_sock", bpfSockMembers, bpfSockRules).
	storesOnly("bound_dev_if", "mark", "priority").
	loadIf(ctxAttachIn("sock_create", "sock_release"), "bound_dev_if", "mark", "priority").
	storeIf(ctxAttachIn("sock_create", "sock_release"), "bound_dev_if", "mark", "priority").
	loadIf(ctxAttachIn("post_bind4"), "src_ip4").
	loadIf(ctxAttachIn("post_bind6"), "src_ip6").
	loadIf(ctxAttachIn("post_bind4", "post_bind6"), "src_port")

// struct bpf_sock_addr (sock_addr_is_valid_access). The addresses are
// there only for the attach types of their family; user_ip6 and
// msg_src_ip6 also take 8-byte accesses at 8-aligned offsets inside them.
var sockAddrIP4 = ctxAttachIn("bind4", "connect4", "getpeername4", "getsockname4", "sendmsg4", "recvmsg4")
var sockAddrIP6 = ctxAttachIn("bind6", "connect6", "getpeername6", "getsockname6", "sendmsg6", "recvmsg6")

var sockAddr = ctxLayout("bpf_sock_addr", []ctxMember{
	ctxU32("user_family"), ctxU32("user_ip4"), ctxU32s("user_ip6", 4), ctxU32("user_port"),
	ctxU32("family"), ctxU32("type"), ctxU32("protocol"), ctxU32("msg_src_ip4"),
	ctxU32s("msg_src_ip6", 4), ctxPtr("sk"),
}, ctxMerge(
	ctxRules(ctxROWord, "user_family", "family", "type", "protocol"),
	ctxRules(ctxRule{load: ctxNarrow, store: ctxW, fieldSize: 4}, "user_port"),
	map[string]ctxRule{
		"user_ip4":    {load: ctxNarrow, store: ctxW, fieldSize: 4, loadIf: sockAddrIP4, storeIf: sockAddrIP4},
		"user_ip6":    {load: ctxAny, store: ctxSizesOf(4, 8), fieldSize: 4, loadIf: sockAddrIP6, storeIf: sockAddrIP6},
		"msg_src_ip4": {load: ctxNarrow, store: ctxW, fieldSize: 4, loadIf: ctxAttachIn("sendmsg4"), storeIf: ctxAttachIn("sendmsg4")},
		"msg_src_ip6": {load: ctxAny, store: ctxSizesOf(4, 8), fieldSize: 4, loadIf: ctxAttachIn("sendmsg6"), storeIf: ctxAttachIn("sendmsg6")},
		"sk":          ctxPtrRule(PtrToSocket),
	},
))

// struct bpf_sock_ops (sock_ops_is_valid_access): u32s loaded whole; only
// reply (args[0]) and sk_txhash stored.
var sockOps = ctxLayout("bpf_sock_ops", []ctxMember{
	ctxU32("op"), ctxU32("reply"), ctxU32s("args", 3),
	ctxU32("family"), ctxU32("remote_ip4"), ctxU32("local_ip4"), ctxU32s("remote_ip6", 4),
	ctxU32s("local_ip6", 4), ctxU32("remote_port"), ctxU32("local_port"), ctxU32("is_fullsock"),
	ctxU32("snd_cwnd"), ctxU32("srtt_us"), ctxU32("bpf_sock_ops_cb_flags"), ctxU32("state"),
	ctxU32("rtt_min"), ctxU32("snd_ssthresh"), ctxU32("rcv_nxt"), ctxU32("snd_nxt"),
	ctxU32("snd_una"), ctxU32("mss_cache"), ctxU32("ecn_flags"), ctxU32("rate_delivered"),
	ctxU32("rate_interval_us"), ctxU32("packets_out"), ctxU32("retrans_out"),
	ctxU32("total_retrans"), ctxU32("segs_in"), ctxU32("data_segs_in"), ctxU32("segs_out"),
	ctxU32("data_segs_out"), ctxU32("lost_out"), ctxU32("sacked_out"), ctxU32("sk_txhash"),
	ctxU64("bytes_received"), ctxU64("bytes_acked"), ctxPtr("sk"), ctxPtr("skb_data"),
	ctxPtr("skb_data_end"), ctxU32("skb_len"), ctxU32("skb_tcp_flags"), ctxU64("skb_hwtstamp"),
}, ctxMerge(
	ctxRules(ctxROWord,
		"op", "args", "family", "remote_ip4", "local_ip4", "remote_ip6", "local_ip6",
		"remote_port", "local_port", "is_fullsock", "snd_cwnd", "srtt_us",
		"bpf_sock_ops_cb_flags", "state", "rtt_min", "snd_ssthresh", "rcv_nxt", "snd_nxt",
		"snd_una", "mss_cache", "ecn_flags", "rate_delivered", "rate_interval_us",
		"packets_out", "retrans_out", "total_retrans", "segs_in", "data_segs_in",
		"segs_out", "data_segs_out", "lost_out", "sacked_out", "skb_len"),
	ctxRules(ctxRule{load: ctxW, store: ctxW}, "reply", "sk_txhash"),
	ctxRules(ctxRODWord, "bytes_received", "bytes_acked", "skb_hwtstamp"),
	ctxRules(ctxRONarrowAtStart, "skb_tcp_flags"),
	map[string]ctxRule{
		"sk":           ctxPtrRule(ctxSockOrNull),
		"skb_data":     ctxPtrRule(PtrToPacket),
		"skb_data_end": ctxPtrRule(PtrToPacketEnd),
	},
))

// struct sk_msg_md (sk_msg_is_valid_access): read-only; u32s whole.
var skMsgMD = ctxLayout("sk_msg_md", []ctxMember{
	ctxPtr("data"), ctxPtr("data_end"), ctxU32("family"), ctxU32("remote_ip4"),
	ctxU32("local_ip4"), ctxU32s("remote_ip6", 4), ctxU32s("local_ip6", 4),
	ctxU32("remote_port"), ctxU32("local_port"), ctxU32("size"), ctxPtr("sk"),
}, ctxMerge(
	ctxRules(ctxROWord, "family", "remote_ip4", "local_ip4", "remote_ip6", "local_ip6",
		"remote_port", "local_port", "size"),
	map[string]ctxRule{
		"data":     ctxPtrRule(PtrToPacket),
		"data_end": ctxPtrRule(PtrToPacketEnd),
		"sk":       ctxPtrRule(PtrToSocket),
	},
))

// struct sk_reuseport_md (sk_reuseport_is_valid_access): read-only;
// eth_protocol, a __be16 in the kernel, takes no 1-byte load.
var skReuseportMD = ctxLayout("sk_reuseport_md", []ctxMember{
	ctxPtr("data"), ctxPtr("data_end"), ctxU32("len"), ctxU32("eth_protocol"),
	ctxU32("ip_protocol"), ctxU32("bind_inany"), ctxU32("hash"), ctxPtr("sk"),
	ctxPtr("migrating_sk"),
}, ctxMerge(
	ctxRules(ctxRONarrow, "len", "ip_protocol", "bind_inany"),
	map[string]ctxRule{
		"data":         ctxPtrRule(PtrToPacket),
		"data_end":     ctxPtrRule(PtrToPacketEnd),
		"eth_protocol": {load: ctxSizesOf(2, 4), fieldSize: 4},
		"hash":         ctxROWord,
		"sk":           ctxPtrRule(PtrToSocket),
		"migrating_sk": ctxPtrRule(ctxSockCommonOrNull),
	},
))

// struct bpf_sk_lookup (sk_lookup_is_valid_access): read-only; fields
// narrow-loadable; remote_port (a __be16) also as a u32, and the zero
// padding after it readable for compatibility.
var skLookup = ctxLayout("bpf_sk_lookup", []ctxMember{
	ctxPtr("sk"), ctxU32("family"), ctxU32("protocol"), ctxU32("remote_ip4"),
	ctxU32s("remote_ip6", 4), ctxU16("remote_port"), ctxU16("remote_port_pad"),
	ctxU32("local_ip4"), ctxU32s("local_ip6", 4), ctxU32("local_port"),
	ctxU32("ingress_ifindex"),
}, ctxMerge(
	ctxRules(ctxRONarrow, "family", "protocol", "remote_ip4", "remote_ip6", "local_ip4",
		"local_ip6", "local_port", "ingress_ifindex"),
	map[string]ctxRule{
		"sk":              ctxPtrRule(ctxSockOrNull),
		"remote_port":     {load: ctxSizesOf(1, 2), fieldSize: 2, wide: 4},
		"remote_port_pad": {load: ctxSizesOf(1, 2), fieldSize: 2},
	},
))

// struct bpf_sysctl (sysctl_is_valid_access).
var bpfSysctl = ctxLayout("bpf_sysctl", []ctxMember{ctxU32("write"), ctxU32("file_pos")},
	map[string]ctxRule{
		"write":    ctxRONarrow,
		"file_pos": {load: ctxNarrow, store: ctxW, fieldSize: 4},
	})

// struct bpf_sockopt (cg_sockopt_is_valid_access): retval belongs to
// getsockopt, stores of level and optname to setsockopt.
var cgSockopt = ctxLayout("bpf_sockopt", []ctxMember{
	ctxPtr("sk"), ctxPtr("optval"), ctxPtr("optval_end"), ctxU32("level"),
	ctxU32("optname"), ctxU32("optlen"), ctxU32("retval"),
}, map[string]ctxRule{
	"sk":         ctxPtrRule(PtrToSocket),
	"optval":     ctxPtrRule(PtrToPacket),
	"optval_end": ctxPtrRule(PtrToPacketEnd),
	"level":      {load: ctxW, store: ctxW, storeIf: ctxAttachIn("setsockopt")},
	"optname":    {load: ctxW, store: ctxW, storeIf: ctxAttachIn("setsockopt")},
	"optlen":     {load: ctxW, store: ctxW},
	"retval": {load: ctxW, store: ctxW,
		loadIf: ctxAttachIn("getsockopt"), storeIf: ctxAttachIn("getsockopt")},
})

// struct bpf_cgroup_dev_ctx (cgroup_dev_is_valid_access): read-only.
var cgroupDevCtx = ctxLayout("bpf_cgroup_dev_ctx", []ctxMember{
	ctxU32("access_type"), ctxU32("major"), ctxU32("minor"),
}, map[string]ctxRule{
	"access_type": ctxRONarrow,
	"major":       ctxROWord,
	"minor":       ctxROWord,
})

// ptRegsSize is sizeof(struct pt_regs) on x86-64: 21 registers of 8
// bytes.
const ptRegsSize = 21 * 8

// struct pt_regs (kprobe_prog_is_valid_access): read-only memory.
var kprobeRegs = ctxLayout("pt_regs", []ctxMember{{"regs", ptRegsSize, 8}},
	map[string]ctxRule{"regs": {load: ctxAny}})

// struct bpf_perf_event_data (pe_prog_is_valid_access): the registers
// loaded as longs; sample_period and addr u64s, narrow-loadable.
var perfEventData = ctxLayout("bpf_perf_event_data", []ctxMember{
	{"regs", ptRegsSize, 8}, ctxU64("sample_period"), ctxU64("addr"),
}, map[string]ctxRule{
	"regs":          ctxRODWord,
	"sample_period": {load: ctxAny, fieldSize: 8},
	"addr":          {load: ctxAny, fieldSize: 8},
})

// perfMaxTraceSize is PERF_MAX_TRACE_SIZE.
const perfMaxTraceSize = 2048

// A tracepoint's record (tp_prog_is_valid_access): read-only memory after
// the 8-byte common header, which is refused.
var tracepointCtx = ctxLayout("", []ctxMember{
	{"common", 8, 8}, {"fields", perfMaxTraceSize - 8, 8},
}, map[string]ctxRule{"fields": {load: ctxAny}})

// maxBPFFuncArgs is MAX_BPF_FUNC_ARGS: the u64 slots of a raw or BTF
// tracepoint's, or a traced function's, arguments.
const maxBPFFuncArgs = 12

// tracingCtxSize is the size of the argument array.
const tracingCtxSize = 8 * maxBPFFuncArgs

// raw_tp_prog_is_valid_access: read-only u64 argument slots.
var rawTPArgs = ctxLayout("bpf_raw_tracepoint_args", []ctxMember{{"args", tracingCtxSize, 8}},
	map[string]ctxRule{"args": {load: ctxAny}})

// raw_tp_writable_prog_is_valid_access: the first argument, loaded
// whole, is the tracepoint's writable buffer; any other aligned load is a
// scalar as for raw_tp (a load inside the first slot not at its start
// included).
var rawTPWritableArgs = ctxLayout("bpf_raw_tracepoint_args", []ctxMember{
	{"buffer", 1, 8}, {"args", tracingCtxSize - 1, 1},
}, map[string]ctxRule{
	"buffer": {wide: 8, typ: PtrToTPBuffer},
	"args":   {load: ctxAny},
})

// struct bpf_nf_ctx (nf_is_valid_access): two trusted kernel pointers.
var nfCtx = ctxLayout("bpf_nf_ctx", []ctxMember{ctxPtr("state"), ctxPtr("skb")},
	map[string]ctxRule{
		"state": {load: ctxDW, typ: PtrToBTFID | PtrTrusted, btfName: "nf_hook_state"},
		"skb":   {load: ctxDW, typ: PtrToBTFID | PtrTrusted, btfName: "sk_buff"},
	})

// lirc_mode2_is_valid_access: one u32, the sample, read whole.
var lircMode2 = ctxLayout("", []ctxMember{ctxU32("sample")},
	map[string]ctxRule{"sample": ctxROWord})

// ctxTables is the context struct of each program type decided by a
// table.
var ctxTables = map[loader.ProgType]*ctxTable{
	loader.ProgSocket:         skbSocketFilter,
	loader.ProgTC:             skbTC,
	loader.ProgAction:         skbTC,
	loader.ProgCgroupSKB:      skbCgroup,
	loader.ProgLWTIn:          skbLWT,
	loader.ProgLWTOut:         skbLWT,
	loader.ProgLWTXmit:        skbLWT,
	loader.ProgLWTSeg6Local:   skbLWT,
	loader.ProgSKSKB:          skbSKSKB,
	loader.ProgFlowDissector:  skbFlowDissector,
	loader.ProgXDP:            xdpMD,
	loader.ProgCgroupSock:     cgroupSock,
	loader.ProgCgroupSockAddr: sockAddr,
	loader.ProgSockOps:        sockOps,
	loader.ProgSKMsg:          skMsgMD,
	loader.ProgSKReuseport:    skReuseportMD,
	loader.ProgSKLookup:       skLookup,
	loader.ProgCgroupSysctl:   bpfSysctl,
	loader.ProgCgroupSockopt:  cgSockopt,
	loader.ProgCgroupDevice:   cgroupDevCtx,
	loader.ProgKprobe:         kprobeRegs,
	loader.ProgPerfEvent:      perfEventData,
	loader.ProgTracepoint:     tracepointCtx,
	loader.ProgRawTP:          rawTPArgs,
	loader.ProgRawTPWritable:  rawTPWritableArgs,
	loader.ProgNetfilter:      nfCtx,
	loader.ProgLircMode2:      lircMode2,
}

// ctxAttach names the expected attach type a program of type t is loaded
// with, from its section suffix, where a callback looks at it. A
// cgroup_sock program without one (or from "cgroup/sock") is a
// sock_create program, as the kernel's bpf_prog_load_fixup_attach_type
// makes it; xdp programs other than devmap ones are alike.
func ctxAttach(t loader.ProgType, attachTo string) string {
	switch t {
	case loader.ProgCgroupSock:
		switch attachTo {
		case "sock_release", "post_bind4", "post_bind6":
			return attachTo
		}
		return "sock_create"
	case loader.ProgXDP:
		if attachTo == "devmap" {
			return attachTo
		}
		return ""
	}
	return attachTo
}
