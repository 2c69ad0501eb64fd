package loader

// This file implements libbpf's section-name conventions (section_defs in
// tools/lib/bpf/libbpf.c): the program type a section name gives, and the
// attach target after the slash.

import "strings"

// ProgType is a program type by libbpf's section-name conventions.
type ProgType string

// Program types. Several section names give one type: "tc", "classifier",
// "tcx/ingress" and "tc/egress" all give ProgTC.
const (
	ProgUnknown        ProgType = "" // the section name matches no convention
	ProgSocket         ProgType = "socket"
	ProgKprobe         ProgType = "kprobe" // kprobe, kretprobe, uprobe, uretprobe, usdt, ksyscall, *.multi, *.session
	ProgTC             ProgType = "tc"     // BPF_PROG_TYPE_SCHED_CLS
	ProgAction         ProgType = "action" // BPF_PROG_TYPE_SCHED_ACT
	ProgTracepoint     ProgType = "tracepoint"
	ProgXDP            ProgType = "xdp"
	ProgPerfEvent      ProgType = "perf_event"
	ProgCgroupSKB      ProgType = "cgroup_skb"
	ProgCgroupSock     ProgType = "cgroup_sock"
	ProgLWTIn          ProgType = "lwt_in"
	ProgLWTOut         ProgType = "lwt_out"
	ProgLWTXmit        ProgType = "lwt_xmit"
	ProgSockOps        ProgType = "sockops"
	ProgSKSKB          ProgType = "sk_skb"
	ProgCgroupDevice   ProgType = "cgroup_device"
	ProgSKMsg          ProgType = "sk_msg"
	ProgRawTP          ProgType = "raw_tp"
	ProgCgroupSockAddr ProgType = "cgroup_sock_addr"
	ProgLWTSeg6Local   ProgType = "lwt_seg6local"
	ProgLircMode2      ProgType = "lirc_mode2"
	ProgSKReuseport    ProgType = "sk_reuseport"
	ProgFlowDissector  ProgType = "flow_dissector"
	ProgCgroupSysctl   ProgType = "cgroup_sysctl"
	ProgRawTPWritable  ProgType = "raw_tp.w"
	ProgCgroupSockopt  ProgType = "cgroup_sockopt"
	ProgTPBTF          ProgType = "tp_btf"   // BPF_PROG_TYPE_TRACING, BPF_TRACE_RAW_TP
	ProgFentry         ProgType = "fentry"   // BPF_PROG_TYPE_TRACING, BPF_TRACE_FENTRY
	ProgFexit          ProgType = "fexit"    // BPF_PROG_TYPE_TRACING, BPF_TRACE_FEXIT
	ProgFmodRet        ProgType = "fmod_ret" // BPF_PROG_TYPE_TRACING, BPF_MODIFY_RETURN
	ProgIter           ProgType = "iter"     // BPF_PROG_TYPE_TRACING, BPF_TRACE_ITER
	ProgStructOps      ProgType = "struct_ops"
	ProgFreplace       ProgType = "freplace" // BPF_PROG_TYPE_EXT
	ProgLSM            ProgType = "lsm"
	ProgSKLookup       ProgType = "sk_lookup"
	ProgSyscall        ProgType = "syscall"
	ProgNetfilter      ProgType = "netfilter"
)

// kernelProgTypes maps each ProgType to enum bpf_prog_type.
var kernelProgTypes = map[ProgType]uint32{
	ProgSocket: 1, ProgKprobe: 2, ProgTC: 3, ProgAction: 4, ProgTracepoint: 5, ProgXDP: 6,
	ProgPerfEvent: 7, ProgCgroupSKB: 8, ProgCgroupSock: 9, ProgLWTIn: 10, ProgLWTOut: 11,
	ProgLWTXmit: 12, ProgSockOps: 13, ProgSKSKB: 14, ProgCgroupDevice: 15, ProgSKMsg: 16,
	ProgRawTP: 17, ProgCgroupSockAddr: 18, ProgLWTSeg6Local: 19, ProgLircMode2: 20,
	ProgSKReuseport: 21, ProgFlowDissector: 22, ProgCgroupSysctl: 23, ProgRawTPWritable: 24,
	ProgCgroupSockopt: 25, ProgTPBTF: 26, ProgFentry: 26, ProgFexit: 26, ProgFmodRet: 26,
	ProgIter: 26, ProgStructOps: 27, ProgFreplace: 28, ProgLSM: 29, ProgSKLookup: 30,
	ProgSyscall: 31, ProgNetfilter: 32,
}

// KernelType returns the program type's enum bpf_prog_type value, 0
// (BPF_PROG_TYPE_UNSPEC) for ProgUnknown.
func (t ProgType) KernelType() uint32 { return kernelProgTypes[t] }

// secDef is one entry of libbpf's section_defs. A name ending in "+" matches
// itself and any "name/...". Otherwise the name must match exactly.
type secDef struct {
	name      string
	typ       ProgType
	sleepable bool
	frags     bool
}

// secDefs is libbpf's table, in its order: the first match wins.
var secDefs = []secDef{
	{name: "socket", typ: ProgSocket},
	{name: "sk_reuseport/migrate", typ: ProgSKReuseport},
	{name: "sk_reuseport", typ: ProgSKReuseport},
	{name: "kprobe+", typ: ProgKprobe},
	{name: "uprobe+", typ: ProgKprobe},
	{name: "uprobe.s+", typ: ProgKprobe, sleepable: true},
	{name: "kretprobe+", typ: ProgKprobe},
	{name: "uretprobe+", typ: ProgKprobe},
	{name: "uretprobe.s+", typ: ProgKprobe, sleepable: true},
	{name: "kprobe.multi+", typ: ProgKprobe},
	{name: "kretprobe.multi+", typ: ProgKprobe},
	{name: "kprobe.session+", typ: ProgKprobe},
	{name: "uprobe.multi+", typ: ProgKprobe},
	{name: "uretprobe.multi+", typ: ProgKprobe},
	{name: "uprobe.session+", typ: ProgKprobe},
	{name: "uprobe.multi.s+", typ: ProgKprobe, sleepable: true},
	{name: "uretprobe.multi.s+", typ: ProgKprobe, sleepable: true},
	{name: "uprobe.session.s+", typ: ProgKprobe, sleepable: true},
	{name: "ksyscall+", typ: ProgKprobe},
	{name: "kretsyscall+", typ: ProgKprobe},
	{name: "usdt+", typ: ProgKprobe},
	{name: "usdt.s+", typ: ProgKprobe, sleepable: true},
	{name: "tc/ingress", typ: ProgTC},
	{name: "tc/egress", typ: ProgTC},
	{name: "tcx/ingress", typ: ProgTC},
	{name: "tcx/egress", typ: ProgTC},
	{name: "tc", typ: ProgTC},
	{name: "classifier", typ: ProgTC},
	{name: "action", typ: ProgAction},
	{name: "netkit/primary", typ: ProgTC},
	{name: "netkit/peer", typ: ProgTC},
	{name: "tracepoint+", typ: ProgTracepoint},
	{name: "tp+", typ: ProgTracepoint},
	{name: "raw_tracepoint+", typ: ProgRawTP},
	{name: "raw_tp+", typ: ProgRawTP},
	{name: "raw_tracepoint.w+", typ: ProgRawTPWritable},
	{name: "raw_tp.w+", typ: ProgRawTPWritable},
	{name: "tp_btf+", typ: ProgTPBTF},
	{name: "fentry+", typ: ProgFentry},
	{name: "fmod_ret+", typ: ProgFmodRet},
	{name: "fexit+", typ: ProgFexit},
	{name: "fentry.s+", typ: ProgFentry, sleepable: true},
	{name: "fmod_ret.s+", typ: ProgFmodRet, sleepable: true},
	{name: "fexit.s+", typ: ProgFexit, sleepable: true},
	{name: "freplace+", typ: ProgFreplace},
	{name: "lsm+", typ: ProgLSM},
	{name: "lsm.s+", typ: ProgLSM, sleepable: true},
	{name: "lsm_cgroup+", typ: ProgLSM},
	{name: "iter+", typ: ProgIter},
	{name: "iter.s+", typ: ProgIter, sleepable: true},
	{name: "syscall", typ: ProgSyscall, sleepable: true},
	{name: "xdp.frags/devmap", typ: ProgXDP, frags: true},
	{name: "xdp/devmap", typ: ProgXDP},
	{name: "xdp.frags/cpumap", typ: ProgXDP, frags: true},
	{name: "xdp/cpumap", typ: ProgXDP},
	{name: "xdp.frags", typ: ProgXDP, frags: true},
	{name: "xdp", typ: ProgXDP},
	{name: "perf_event", typ: ProgPerfEvent},
	{name: "lwt_in", typ: ProgLWTIn},
	{name: "lwt_out", typ: ProgLWTOut},
	{name: "lwt_xmit", typ: ProgLWTXmit},
	{name: "lwt_seg6local", typ: ProgLWTSeg6Local},
	{name: "sockops", typ: ProgSockOps},
	{name: "sk_skb/stream_parser", typ: ProgSKSKB},
	{name: "sk_skb/stream_verdict", typ: ProgSKSKB},
	{name: "sk_skb/verdict", typ: ProgSKSKB},
	{name: "sk_skb", typ: ProgSKSKB},
	{name: "sk_msg", typ: ProgSKMsg},
	{name: "lirc_mode2", typ: ProgLircMode2},
	{name: "flow_dissector", typ: ProgFlowDissector},
	{name: "cgroup_skb/ingress", typ: ProgCgroupSKB},
	{name: "cgroup_skb/egress", typ: ProgCgroupSKB},
	{name: "cgroup/skb", typ: ProgCgroupSKB},
	{name: "cgroup/sock_create", typ: ProgCgroupSock},
	{name: "cgroup/sock_release", typ: ProgCgroupSock},
	{name: "cgroup/sock", typ: ProgCgroupSock},
	{name: "cgroup/post_bind4", typ: ProgCgroupSock},
	{name: "cgroup/post_bind6", typ: ProgCgroupSock},
	{name: "cgroup/bind4", typ: ProgCgroupSockAddr},
	{name: "cgroup/bind6", typ: ProgCgroupSockAddr},
	{name: "cgroup/connect4", typ: ProgCgroupSockAddr},
	{name: "cgroup/connect6", typ: ProgCgroupSockAddr},
	{name: "cgroup/connect_unix", typ: ProgCgroupSockAddr},
	{name: "cgroup/sendmsg4", typ: ProgCgroupSockAddr},
	{name: "cgroup/sendmsg6", typ: ProgCgroupSockAddr},
	{name: "cgroup/sendmsg_unix", typ: ProgCgroupSockAddr},
	{name: "cgroup/recvmsg4", typ: ProgCgroupSockAddr},
	{name: "cgroup/recvmsg6", typ: ProgCgroupSockAddr},
	{name: "cgroup/recvmsg_unix", typ: ProgCgroupSockAddr},
	{name: "cgroup/getpeername4", typ: ProgCgroupSockAddr},
	{name: "cgroup/getpeername6", typ: ProgCgroupSockAddr},
	{name: "cgroup/getpeername_unix", typ: ProgCgroupSockAddr},
	{name: "cgroup/getsockname4", typ: ProgCgroupSockAddr},
	{name: "cgroup/getsockname6", typ: ProgCgroupSockAddr},
	{name: "cgroup/getsockname_unix", typ: ProgCgroupSockAddr},
	{name: "cgroup/sysctl", typ: ProgCgroupSysctl},
	{name: "cgroup/getsockopt", typ: ProgCgroupSockopt},
	{name: "cgroup/setsockopt", typ: ProgCgroupSockopt},
	{name: "cgroup/dev", typ: ProgCgroupDevice},
	{name: "struct_ops+", typ: ProgStructOps},
	{name: "struct_ops.s+", typ: ProgStructOps, sleepable: true},
	{name: "sk_lookup", typ: ProgSKLookup},
	{name: "netfilter", typ: ProgNetfilter},
}

// matches reports whether a section name matches the definition, by
// libbpf's sec_def_matches.
func (d *secDef) matches(name string) bool {
	if prefix, ok := strings.CutSuffix(d.name, "+"); ok {
		rest, ok := strings.CutPrefix(name, prefix)
		return ok && (rest == "" || rest[0] == '/')
	}
	return name == d.name
}

// sectionType returns the definition a program section name matches, or
// nil. A leading "?" (libbpf: not loaded by default) is ignored.
func sectionType(name string) *secDef {
	name = strings.TrimPrefix(name, "?")
	for i := range secDefs {
		if secDefs[i].matches(name) {
			return &secDefs[i]
		}
	}
	return nil
}

// attachTarget returns what follows the first slash of a section name.
func attachTarget(name string) string {
	_, after, _ := strings.Cut(strings.TrimPrefix(name, "?"), "/")
	return after
}
