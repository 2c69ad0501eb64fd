package helpers

// This file lists the kernel's attach types (enum bpf_attach_type in
// include/uapi/linux/bpf.h of Linux 6.12): a program's
// expected_attach_type, which decides some of the helpers it gets.

// AttachType is a program's expected attach type (enum bpf_attach_type).
type AttachType uint32

// Attach types (enum bpf_attach_type).
const (
	AttachCgroupInetIngress          AttachType = 0  // BPF_CGROUP_INET_INGRESS
	AttachCgroupInetEgress           AttachType = 1  // BPF_CGROUP_INET_EGRESS
	AttachCgroupInetSockCreate       AttachType = 2  // BPF_CGROUP_INET_SOCK_CREATE
	AttachCgroupSockOps              AttachType = 3  // BPF_CGROUP_SOCK_OPS
	AttachSkSKBStreamParser          AttachType = 4  // BPF_SK_SKB_STREAM_PARSER
	AttachSkSKBStreamVerdict         AttachType = 5  // BPF_SK_SKB_STREAM_VERDICT
	AttachCgroupDevice               AttachType = 6  // BPF_CGROUP_DEVICE
	AttachSkMsgVerdict               AttachType = 7  // BPF_SK_MSG_VERDICT
	AttachCgroupInet4Bind            AttachType = 8  // BPF_CGROUP_INET4_BIND
	AttachCgroupInet6Bind            AttachType = 9  // BPF_CGROUP_INET6_BIND
	AttachCgroupInet4Connect         AttachType = 10 // BPF_CGROUP_INET4_CONNECT
	AttachCgroupInet6Connect         AttachType = 11 // BPF_CGROUP_INET6_CONNECT
	AttachCgroupInet4PostBind        AttachType = 12 // BPF_CGROUP_INET4_POST_BIND
	AttachCgroupInet6PostBind        AttachType = 13 // BPF_CGROUP_INET6_POST_BIND
	AttachCgroupUDP4Sendmsg          AttachType = 14 // BPF_CGROUP_UDP4_SENDMSG
	AttachCgroupUDP6Sendmsg          AttachType = 15 // BPF_CGROUP_UDP6_SENDMSG
	AttachLircMode2                  AttachType = 16 // BPF_LIRC_MODE2
	AttachFlowDissector              AttachType = 17 // BPF_FLOW_DISSECTOR
	AttachCgroupSysctl               AttachType = 18 // BPF_CGROUP_SYSCTL
	AttachCgroupUDP4Recvmsg          AttachType = 19 // BPF_CGROUP_UDP4_RECVMSG
	AttachCgroupUDP6Recvmsg          AttachType = 20 // BPF_CGROUP_UDP6_RECVMSG
	AttachCgroupGetsockopt           AttachType = 21 // BPF_CGROUP_GETSOCKOPT
	AttachCgroupSetsockopt           AttachType = 22 // BPF_CGROUP_SETSOCKOPT
	AttachTraceRawTP                 AttachType = 23 // BPF_TRACE_RAW_TP
	AttachTraceFentry                AttachType = 24 // BPF_TRACE_FENTRY
	AttachTraceFexit                 AttachType = 25 // BPF_TRACE_FEXIT
	AttachModifyReturn               AttachType = 26 // BPF_MODIFY_RETURN
	AttachLSMMAC                     AttachType = 27 // BPF_LSM_MAC
	AttachTraceIter                  AttachType = 28 // BPF_TRACE_ITER
	AttachCgroupInet4Getpeername     AttachType = 29 // BPF_CGROUP_INET4_GETPEERNAME
	AttachCgroupInet6Getpeername     AttachType = 30 // BPF_CGROUP_INET6_GETPEERNAME
	AttachCgroupInet4Getsockname     AttachType = 31 // BPF_CGROUP_INET4_GETSOCKNAME
	AttachCgroupInet6Getsockname     AttachType = 32 // BPF_CGROUP_INET6_GETSOCKNAME
	AttachXDPDevmap                  AttachType = 33 // BPF_XDP_DEVMAP
	AttachCgroupInetSockRelease      AttachType = 34 // BPF_CGROUP_INET_SOCK_RELEASE
	AttachXDPCpumap                  AttachType = 35 // BPF_XDP_CPUMAP
	AttachSkLookup                   AttachType = 36 // BPF_SK_LOOKUP
	AttachXDP                        AttachType = 37 // BPF_XDP
	AttachSkSKBVerdict               AttachType = 38 // BPF_SK_SKB_VERDICT
	AttachSkReuseportSelect          AttachType = 39 // BPF_SK_REUSEPORT_SELECT
	AttachSkReuseportSelectOrMigrate AttachType = 40 // BPF_SK_REUSEPORT_SELECT_OR_MIGRATE
	AttachPerfEvent                  AttachType = 41 // BPF_PERF_EVENT
	AttachTraceKprobeMulti           AttachType = 42 // BPF_TRACE_KPROBE_MULTI
	AttachLSMCgroup                  AttachType = 43 // BPF_LSM_CGROUP
	AttachStructOps                  AttachType = 44 // BPF_STRUCT_OPS
	AttachNetfilter                  AttachType = 45 // BPF_NETFILTER
	AttachTCXIngress                 AttachType = 46 // BPF_TCX_INGRESS
	AttachTCXEgress                  AttachType = 47 // BPF_TCX_EGRESS
	AttachTraceUprobeMulti           AttachType = 48 // BPF_TRACE_UPROBE_MULTI
	AttachCgroupUnixConnect          AttachType = 49 // BPF_CGROUP_UNIX_CONNECT
	AttachCgroupUnixSendmsg          AttachType = 50 // BPF_CGROUP_UNIX_SENDMSG
	AttachCgroupUnixRecvmsg          AttachType = 51 // BPF_CGROUP_UNIX_RECVMSG
	AttachCgroupUnixGetpeername      AttachType = 52 // BPF_CGROUP_UNIX_GETPEERNAME
	AttachCgroupUnixGetsockname      AttachType = 53 // BPF_CGROUP_UNIX_GETSOCKNAME
	AttachNetkitPrimary              AttachType = 54 // BPF_NETKIT_PRIMARY
	AttachNetkitPeer                 AttachType = 55 // BPF_NETKIT_PEER
	AttachTraceKprobeSession         AttachType = 56 // BPF_TRACE_KPROBE_SESSION
)
