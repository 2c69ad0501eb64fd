package helpers

// This file implements the question the kernel's verifier asks first of
// every helper call (get_helper_proto in kernel/bpf/verifier.c): which
// prototype, if any, the program's type gives the helper id. The answers
// are the per-program-type get_func_proto functions of Linux 6.12, in
// progfuncs.go, for a privileged loader (CAP_BPF, CAP_PERFMON and
// CAP_SYS_ADMIN, no lockdown) and a kernel built with every option they
// test (x86-64 with CONFIG_NET, CONFIG_INET, CONFIG_CGROUPS,
// CONFIG_BPF_KPROBE_OVERRIDE, CONFIG_ARCH_HAS_NON_OVERLAPPING_ADDRESS_SPACE,
// CONFIG_IPV6_SEG6_BPF, CONFIG_XFRM, CONFIG_SYN_COOKIES, ...).

import "fmt"

// Prog is what the kernel's get_func_proto reads of the program being
// verified.
type Prog struct {
	// Type is the program type, a loader.ProgType string: "xdp", "tc",
	// "kprobe", "fentry", ... The tracing types (tp_btf, fentry, fexit,
	// fmod_ret, iter) imply their attach type.
	Type string
	// AttachType is the expected attach type the program is loaded
	// with. The zero value is BPF_CGROUP_INET_INGRESS, which is what a
	// load without one gets; the kernel turns it into
	// BPF_CGROUP_INET_SOCK_CREATE for cgroup_sock and
	// BPF_SK_REUSEPORT_SELECT for sk_reuseport, and so does Prog. An lsm
	// program is BPF_LSM_MAC unless this is AttachLSMCgroup.
	AttachType AttachType
	// Sleepable is BPF_F_SLEEPABLE (the .s sections,
	// loader.Program.Sleepable).
	Sleepable bool
	// AttachTo is the attach target, what follows the slash of the
	// section name (loader.Program.AttachTo): the hook of an lsm program
	// ("socket_post_create"), the target of an iter program ("tcp"), the
	// tcp_congestion_ops member of a struct_ops program ("release").
	AttachTo string
	// Target is, for freplace, the type of the program it replaces
	// (whose helpers it gets); without one it gets the base helpers.
	Target string
}

// defaultAttach is the attach type DefaultProg gives a program type:
// libbpf's for the plain section name, or where the kernel needs one
// chosen, the one that gets the most helpers.
var defaultAttach = map[string]AttachType{
	"cgroup_skb":       AttachCgroupInetIngress,    // cgroup_skb/ingress
	"cgroup_sock":      AttachCgroupInetSockCreate, // cgroup/sock
	"cgroup_sock_addr": AttachCgroupInet4Connect,   // cgroup/connect4: bind, setsockopt, getsockopt, get_retval
	"sockops":          AttachCgroupSockOps,
	"cgroup_device":    AttachCgroupDevice,
	"cgroup_sysctl":    AttachCgroupSysctl,
	"cgroup_sockopt":   AttachCgroupSetsockopt, // cgroup/setsockopt: setsockopt, getsockopt
	"sk_skb":           AttachSkSKBStreamVerdict,
	"sk_msg":           AttachSkMsgVerdict,
	"flow_dissector":   AttachFlowDissector,
	"sk_lookup":        AttachSkLookup,
	"sk_reuseport":     AttachSkReuseportSelect,
	"lirc_mode2":       AttachLircMode2,
	"xdp":              AttachXDP,
	"netfilter":        AttachNetfilter,
	"struct_ops":       AttachStructOps,
	"lsm":              AttachLSMMAC,
	"tp_btf":           AttachTraceRawTP,
	"fentry":           AttachTraceFentry,
	"fexit":            AttachTraceFexit,
	"fmod_ret":         AttachModifyReturn,
	"iter":             AttachTraceIter,
}

// DefaultProg is the program of a type as libbpf loads it from the plain
// section name: its attach type (or, where the kernel needs one chosen,
// the one with the most helpers: connect4 for cgroup_sock_addr,
// setsockopt for cgroup_sockopt), sleepable only for syscall.
func DefaultProg(progType string) Prog {
	return Prog{Type: progType, AttachType: defaultAttach[progType], Sleepable: progType == "syscall"}
}

// attach is the program's expected attach type as the kernel sees it.
func (p *Prog) attach() AttachType {
	switch p.Type {
	case "tp_btf", "fentry", "fexit", "fmod_ret", "iter":
		return defaultAttach[p.Type]
	case "lsm":
		if p.AttachType != AttachLSMCgroup {
			return AttachLSMMAC
		}
	case "cgroup_sock":
		if p.AttachType == 0 {
			return AttachCgroupInetSockCreate
		}
	case "sk_reuseport":
		if p.AttachType == 0 {
			return AttachSkReuseportSelect
		}
	}
	return p.AttachType
}

// isTracing reports whether the program is BPF_PROG_TYPE_TRACING.
func (p *Prog) isTracing() bool {
	switch p.Type {
	case "tp_btf", "fentry", "fexit", "fmod_ret", "iter":
		return true
	}
	return false
}

// hasTrampoline is the kernel's bpf_prog_has_trampoline: fentry, fexit,
// fmod_ret and BPF_LSM_MAC programs.
func (p *Prog) hasTrampoline() bool {
	switch p.Type {
	case "fentry", "fexit", "fmod_ret":
		return true
	case "lsm":
		return p.attach() == AttachLSMMAC
	}
	return false
}

// checkRecur is the kernel's bpf_prog_check_recur: whether the program
// may recurse into itself through a helper (the task storage helpers then
// take their _recur variants).
func (p *Prog) checkRecur() bool {
	switch {
	case p.isTracing():
		return p.attach() != AttachTraceIter
	case p.Type == "struct_ops", p.Type == "lsm":
		return false
	}
	return true
}

// KnownType reports whether Prog knows the program type's helpers.
func KnownType(progType string) bool {
	_, ok := chains[progType]
	return ok || progType == "freplace"
}

// Helper returns the helper the kernel's get_func_proto of the program's
// type gives for id, with callx's implementation of the id where there is
// one, or the kernel verifier's error: *UnknownError ("invalid func
// unknown#%d") for an id out of range, *UnavailableError ("program of
// this type cannot use helper %s#%d") where the kernel returns NULL. The
// verifier's later checks (gpl_only, allowed, might_sleep, the map
// checks) are left to the caller. The helper is shared: do not modify it.
func (p Prog) Helper(id ID) (*Helper, error) {
	if !InRange(id) {
		return nil, &UnknownError{ID: id}
	}
	kp := p.lookup(id)
	if kp == nil {
		return nil, &UnavailableError{ID: id, ProgType: p.Type}
	}
	return helperFor(kp), nil
}

// ProtoFor returns the helper a program of the given type, loaded as
// DefaultProg loads it, gets for id: its prototype for that program type
// and callx's implementation of the id where there is one (shared by all
// the prototypes of the id; it works on the contexts callx has). It
// returns false where the kernel's get_func_proto returns NULL and the
// verifier says "program of this type cannot use helper", and for ids out
// of range. The helper is shared: do not modify it.
func ProtoFor(progType string, id ID) (*Helper, bool) {
	h, err := DefaultProg(progType).Helper(id)
	return h, err == nil
}

// UnavailableError is a call to a helper the program's type does not
// get.
type UnavailableError struct {
	ID       ID
	ProgType string
}

func (e *UnavailableError) Error() string {
	return fmt.Sprintf("program of this type cannot use helper %s#%d", Name(e.ID), e.ID)
}
