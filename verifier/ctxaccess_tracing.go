package verifier

// This file implements the context of the BTF-typed tracing programs
// (tp_btf, fentry, fexit, fmod_ret, iter, lsm; struct_ops and freplace
// approximately): an array of u64 slots, one per argument of the traced
// function, read-only, typed by the function's BTF prototype as the
// kernel's btf_ctx_access (kernel/bpf/btf.c) types them.

import (
	"fmt"
	"strings"
	"sync"

	"github.com/callx/callx/loader"
	"github.com/cilium/ebpf/btf"
)

// tracingCtxAccess is tracing_prog_is_valid_access and
// lsm_verifier_ops' btf_ctx_access: bpf_tracing_ctx_access's bounds
// (12 u64 slots, read-only, aligned), then the argument's type.
func tracingCtxAccess(t loader.ProgType, attachTo string, off, size int, write bool, o ctxOptions) (CtxAccess, bool) {
	if off < 0 || off >= tracingCtxSize || write || off%size != 0 {
		return CtxAccess{}, false
	}
	if t == loader.ProgIter {
		if target, ok := iterTargets[attachTo]; ok {
			return iterCtxAccess(attachTo, target, off, size, o)
		}
	}
	var p *tracingProto
	if o.KernelBTF != nil {
		p = lookupTracingProto(o.KernelBTF, t, attachTo)
	}
	if p == nil {
		// Without the prototype every slot is a scalar: the kernel's
		// check of the slot's alignment is all that is left.
		if off%8 != 0 {
			return CtxAccess{Log: fmt.Sprintf("func '%s' offset %d is not multiple of 8\n", tracingFuncName(t, attachTo), off)}, false
		}
		return CtxAccess{Type: ScalarValue}, true
	}
	return p.access(t, off, size, o.KernelBTF)
}

// tracingFuncName is the kernel's attach_func_name, which btf_ctx_access's
// messages name: the BTF name of the attach target.
func tracingFuncName(t loader.ProgType, attachTo string) string {
	name := attachTo
	if i := strings.LastIndexByte(name, ':'); i >= 0 {
		name = name[i+1:] // module:function
	}
	switch t {
	case loader.ProgTPBTF:
		return "btf_trace_" + name
	case loader.ProgLSM:
		return "bpf_lsm_" + name
	case loader.ProgIter:
		return "bpf_iter_" + name
	}
	return name
}

// tracingProto is a resolved attach target: the function prototype whose
// arguments are the context slots.
type tracingProto struct {
	name   string // attach_func_name
	params []btf.FuncParam
	ret    btf.Type
	// skip is 1 for tp_btf: the btf_trace_<name> typedef's prototype
	// starts with the tracepoint's void *__data, which the program does
	// not see.
	skip int
	// trusted: pointer arguments are PTR_TRUSTED (prog_args_trusted).
	trusted bool
	// tracepoint names a tp_btf target, for raw_tp_null_args.
	tracepoint string
}

type tracingProtoKey struct {
	spec     *btf.Spec
	t        loader.ProgType
	attachTo string
}

var tracingProtos sync.Map // tracingProtoKey -> *tracingProto (nil: not found)

// lookupTracingProto finds the attach target's prototype in the kernel's
// BTF, nil when it is not there (or the type has none that this package
// can find: struct_ops members, freplace targets).
func lookupTracingProto(spec *btf.Spec, t loader.ProgType, attachTo string) *tracingProto {
	key := tracingProtoKey{spec, t, attachTo}
	if p, ok := tracingProtos.Load(key); ok {
		return p.(*tracingProto)
	}
	p := resolveTracingProto(spec, t, attachTo)
	tracingProtos.Store(key, p)
	return p
}

func resolveTracingProto(spec *btf.Spec, t loader.ProgType, attachTo string) *tracingProto {
	name := tracingFuncName(t, attachTo)
	types, _ := spec.AnyTypesByName(name)
	p := &tracingProto{name: name}
	var proto *btf.FuncProto
	for _, typ := range types {
		switch typ := typ.(type) {
		case *btf.Typedef:
			if t != loader.ProgTPBTF {
				continue
			}
			if ptr, ok := typ.Type.(*btf.Pointer); ok {
				proto, _ = ptr.Target.(*btf.FuncProto)
			}
		case *btf.Func:
			if t == loader.ProgTPBTF {
				continue
			}
			proto, _ = typ.Type.(*btf.FuncProto)
		}
		if proto != nil {
			break
		}
	}
	if proto == nil {
		return nil
	}
	p.params, p.ret = proto.Params, proto.Return
	switch t {
	case loader.ProgTPBTF:
		if len(p.params) == 0 {
			return nil
		}
		p.skip, p.trusted = 1, true
		p.tracepoint = strings.TrimPrefix(name, "btf_trace_")
	case loader.ProgLSM:
		p.trusted = !untrustedLSMHooks[name]
	case loader.ProgFentry, loader.ProgFexit, loader.ProgFmodRet:
	default:
		return nil
	}
	return p
}

// untrustedLSMHooks are the LSM hooks whose arguments are not trusted
// (kernel/bpf/bpf_lsm.c, untrusted_lsm_hooks).
var untrustedLSMHooks = map[string]bool{
	"bpf_lsm_bpf_map_free": true, "bpf_lsm_bpf_prog_free": true,
	"bpf_lsm_file_alloc_security": true, "bpf_lsm_file_free_security": true,
	"bpf_lsm_sk_alloc_security": true, "bpf_lsm_sk_free_security": true,
	"bpf_lsm_task_free": true,
}

// argIndex is get_ctx_arg_idx: the argument whose slots cover byte off,
// counting every parameter of the prototype (tp_btf's __data included);
// len(params) for the return value's slot, len(params)+1 past it.
func (p *tracingProto) argIndex(off int) int {
	end := 0
	for i, prm := range p.params {
		end += btfSlotSize(prm.Type)
		if off < end {
			return i
		}
	}
	end += btfSlotSize(p.ret)
	if off < end {
		return len(p.params)
	}
	return len(p.params) + 1
}

// btfSlotSize is the bytes an argument takes in the context: 8 for a
// pointer, else its size rounded up to 8 (0 for void).
func btfSlotSize(t btf.Type) int {
	t = btfSkipModifiers(t)
	if _, ok := t.(*btf.Pointer); ok {
		return 8
	}
	n, err := btf.Sizeof(t)
	if err != nil {
		return 0
	}
	return (n + 7) &^ 7
}

// access is btf_ctx_access for a resolved prototype.
func (p *tracingProto) access(t loader.ProgType, off, size int, spec *btf.Spec) (CtxAccess, bool) {
	var a CtxAccess
	fail := func(format string, args ...any) (CtxAccess, bool) {
		a.Log += fmt.Sprintf(format, args...)
		return a, false
	}
	if off%8 != 0 {
		return fail("func '%s' offset %d is not multiple of 8\n", p.name, off)
	}
	arg := p.argIndex(off)
	args := p.params[p.skip:]
	nrArgs := len(p.params) - p.skip
	if arg > nrArgs {
		return fail("func '%s' doesn't have %d-th argument\n", p.name, arg+1)
	}
	var typ btf.Type
	var paramName string
	if arg == nrArgs {
		switch t {
		case loader.ProgLSM:
			a.IsRetval = true
			typ = p.ret
		case loader.ProgFexit:
			typ = p.ret
		case loader.ProgFmodRet:
			typ = btfSkipModifiers(p.ret)
			if !btfIsSmallInt(typ) {
				return fail("ret type %s not allowed for fmod_ret\n", btfKindName(typ))
			}
		default:
			return fail("func '%s' doesn't have %d-th argument\n", p.name, arg+1)
		}
	} else {
		typ, paramName = args[arg].Type, args[arg].Name
	}
	typ = btfSkipModifiers(typ)
	switch typ := typ.(type) {
	case *btf.Int:
		if typ.Size <= 8 {
			a.Type = ScalarValue
			return a, true
		}
	case *btf.Enum, *btf.Struct, *btf.Union:
		a.Type = ScalarValue
		return a, true
	}
	ptr, ok := typ.(*btf.Pointer)
	if !ok {
		return fail("func '%s' arg%d '%s' has type %s. Only pointer access is allowed\n",
			p.name, arg, btfTypeName(typ), btfKindName(typ))
	}
	if size != 8 {
		return fail("func '%s' size %d must be 8\n", p.name, size)
	}
	if _, ok := ptr.Target.(*btf.Void); ok {
		a.Type = ScalarValue // void *: nothing to walk
		return a, true
	}
	if _, ok := btfSkipModifiers(ptr.Target).(*btf.Int); ok {
		a.Type = ScalarValue // int *: a scalar as well
		return a, true
	}
	a.Type = PtrToBTFID
	if p.trusted {
		a.Type |= PtrTrusted
	}
	if strings.HasSuffix(paramName, "__nullable") {
		a.Type |= PtrMaybeNull
	}
	ptrErr := false
	if p.tracepoint != "" {
		mask := rawTPNullArgs[p.tracepoint] >> (4 * uint(arg))
		if mask&1 != 0 {
			a.Type |= PtrMaybeNull
		}
		ptrErr = mask&2 != 0
	}
	if tag, ok := ptr.Target.(*btf.TypeTag); ok {
		switch tag.Value {
		case "user":
			a.Type |= MemUser
		case "percpu":
			a.Type |= MemPercpu
		}
	}
	target := btfSkipModifiers(ptr.Target)
	switch target.(type) {
	case *btf.Struct, *btf.Union:
	default:
		return fail("func '%s' arg%d type %s is not a struct\n", p.name, arg, btfKindName(target))
	}
	id, _ := spec.TypeID(target)
	a.Log += fmt.Sprintf("func '%s' arg%d has btf_id %d type %s '%s'\n",
		p.name, arg, id, btfKindName(target), target.TypeName())
	a.BTFName, a.BTFType = target.TypeName(), target
	if ptrErr {
		a.Log += fmt.Sprintf("marking pointer arg%d as scalar as it may encode error", arg)
		a.Type, a.BTFName, a.BTFType = ScalarValue, "", nil
	}
	return a, true
}

// btfSkipModifiers skips typedefs, qualifiers and type tags
// (btf_type_skip_modifiers).
func btfSkipModifiers(t btf.Type) btf.Type {
	for {
		switch m := t.(type) {
		case *btf.Typedef:
			t = m.Type
		case *btf.Volatile:
			t = m.Type
		case *btf.Const:
			t = m.Type
		case *btf.Restrict:
			t = m.Type
		case *btf.TypeTag:
			t = m.Type
		case nil:
			return &btf.Void{}
		default:
			return t
		}
	}
}

// btfIsSmallInt is btf_type_is_small_int.
func btfIsSmallInt(t btf.Type) bool {
	i, ok := t.(*btf.Int)
	return ok && i.Size <= 8
}

// btfTypeName is a type's name, "" for anonymous ones and void.
func btfTypeName(t btf.Type) string {
	if _, ok := t.(*btf.Void); ok || t == nil {
		return ""
	}
	return t.TypeName()
}

// btfKindName is btf_type_str: the kernel's name of a BTF kind.
func btfKindName(t btf.Type) string {
	switch t := t.(type) {
	case *btf.Int:
		return "INT"
	case *btf.Pointer:
		return "PTR"
	case *btf.Array:
		return "ARRAY"
	case *btf.Struct:
		return "STRUCT"
	case *btf.Union:
		return "UNION"
	case *btf.Enum:
		if t.Size == 8 {
			return "ENUM64"
		}
		return "ENUM"
	case *btf.Fwd:
		return "FWD"
	case *btf.Typedef:
		return "TYPEDEF"
	case *btf.Volatile:
		return "VOLATILE"
	case *btf.Const:
		return "CONST"
	case *btf.Restrict:
		return "RESTRICT"
	case *btf.Func:
		return "FUNC"
	case *btf.FuncProto:
		return "FUNC_PROTO"
	case *btf.Var:
		return "VAR"
	case *btf.Datasec:
		return "DATASEC"
	case *btf.Float:
		return "FLOAT"
	case *btf.TypeTag:
		return "TYPE_TAG"
	}
	return "UNKNOWN"
}

// rawTPNullArgs is the kernel's raw_tp_null_args: for tracepoints whose
// pointer arguments may be NULL (bit 0 of the argument's nibble) or an
// error pointer (bit 1), a mask with a nibble per argument.
var rawTPNullArgs = map[string]uint64{
	"sched_pi_setprio": 0x10, "sched_process_wait": 0x1, "sched_stick_numa": 0x100,
	"sched_swap_numa": 0x100, "afs_make_fs_call": 0x10, "afs_make_fs_calli": 0x10,
	"afs_make_fs_call1": 0x10, "afs_make_fs_call2": 0x10, "afs_protocol_error": 0x1,
	"afs_flock_ev": 0x10, "cachefiles_lookup": 0x1 | 0x200, "cachefiles_unlink": 0x1,
	"cachefiles_rename": 0x1, "cachefiles_prep_read": 0x1, "cachefiles_mark_active": 0x1,
	"cachefiles_mark_failed": 0x1, "cachefiles_mark_inactive": 0x1,
	"cachefiles_vfs_error": 0x1, "cachefiles_io_error": 0x1, "cachefiles_ondemand_open": 0x1,
	"cachefiles_ondemand_copen": 0x1, "cachefiles_ondemand_close": 0x1,
	"cachefiles_ondemand_read": 0x1, "cachefiles_ondemand_cread": 0x1,
	"cachefiles_ondemand_fd_write": 0x1, "cachefiles_ondemand_fd_release": 0x1,
	"ext4_mballoc_discard": 0x10, "ext4_mballoc_free": 0x10, "fib_table_lookup": 0x100,
	"posix_lock_inode": 0x10, "fcntl_setlk": 0x10, "locks_remove_posix": 0x10,
	"flock_lock_inode": 0x10, "break_lease_noblock": 0x10, "break_lease_block": 0x10,
	"break_lease_unblock": 0x10, "generic_delete_lease": 0x10, "time_out_leases": 0x10,
	"host1x_cdma_push_gather": 0x10000, "mm_khugepaged_scan_pmd": 0x10,
	"mm_collapse_huge_page_isolate": 0x1, "mm_khugepaged_scan_file": 0x10,
	"mm_khugepaged_collapse_file": 0x10, "mm_page_alloc": 0x1, "mm_page_pcpu_drain": 0x1,
	"mm_page_alloc_zone_locked": 0x1, "netfs_failure": 0x10, "device_pm_callback_start": 0x10,
	"qdisc_dequeue": 0x1000, "rxrpc_recvdata": 0x1, "rxrpc_resend": 0x10,
	"signal_generate": 0x20, "signal_deliver": 0x20, "kfree_skb": 0x1000,
	"xs_stream_read_data": 0x1, "xprt_reserve_cong": 0x10, "xprt_release_cong": 0x10,
	"xprt_get_cong": 0x10, "xprt_put_cong": 0x10, "tcp_send_reset": 0x11,
	"tegra_dma_tx_status": 0x100, "tmigr_update_events": 0x1, "writeback_dirty_folio": 0x10,
	"folio_wait_writeback": 0x10, "mr_integ_alloc": 0x2000, "bpf_testmod_test_read": 0x0,
}

// iterArg is an argument of a bpf_iter_<target> function: a scalar, or a
// pointer with the register type its load gives and the struct it points
// to.
type iterArg struct {
	typ RegType
	btf string
	// dflt: the target registers no ctx_arg_info for the argument, so
	// btf_ctx_access types it by default (and logs its btf_id).
	dflt bool
}

// Iterator argument kinds: the meta argument and pointers the target does
// not describe take the default trusted PTR_TO_BTF_ID; the ones it
// registers in its ctx_arg_info take that type.
var iterScalar = iterArg{typ: ScalarValue}

func iterPtr(typ RegType, name string) iterArg { return iterArg{typ: typ, btf: name} }

func iterTrusted(name string) iterArg {
	return iterArg{typ: PtrToBTFID | PtrTrusted, btf: name, dflt: true}
}

var iterMeta = iterTrusted("bpf_iter_meta")

const (
	iterOrNull        = PtrToBTFID | PtrMaybeNull
	iterTrustedOrNull = PtrToBTFID | PtrMaybeNull | PtrTrusted
	iterBufOrNull     = PtrToBuf | PtrMaybeNull
)

// iterTargets are the in-tree iterator targets of Linux 6.12, each the
// arguments of its DEFINE_BPF_ITER_FUNC with its registered
// ctx_arg_info.
var iterTargets = map[string][]iterArg{
	"task":      {iterMeta, iterPtr(iterTrustedOrNull, "task_struct")},
	"task_file": {iterMeta, iterPtr(iterOrNull, "task_struct"), iterScalar, iterPtr(iterOrNull, "file")},
	"task_vma":  {iterMeta, iterPtr(iterOrNull, "task_struct"), iterPtr(iterOrNull, "vm_area_struct")},
	"bpf_map":   {iterMeta, iterPtr(iterTrustedOrNull, "bpf_map")},
	"bpf_map_elem": {iterMeta, iterTrusted("bpf_map"),
		iterPtr(iterBufOrNull|MemRdonly, ""), iterPtr(iterBufOrNull, "")},
	"bpf_prog": {iterMeta, iterPtr(iterOrNull, "bpf_prog")},
	"bpf_link": {iterMeta, iterPtr(iterOrNull, "bpf_link")},
	"cgroup":   {iterMeta, iterPtr(iterTrustedOrNull, "cgroup")},
	"ksym":     {iterMeta, iterPtr(iterOrNull, "kallsym_iter")},
	"bpf_sk_storage_map": {iterMeta, iterTrusted("bpf_map"),
		iterPtr(iterOrNull, "sock"), iterPtr(iterBufOrNull, "")},
	"sockmap": {iterMeta, iterTrusted("bpf_map"),
		iterPtr(iterBufOrNull|MemRdonly, ""), iterPtr(iterOrNull, "sock")},
	"tcp":        {iterMeta, iterPtr(iterTrustedOrNull, "sock_common"), iterScalar},
	"udp":        {iterMeta, iterPtr(iterTrustedOrNull, "udp_sock"), iterScalar, iterScalar},
	"unix":       {iterMeta, iterPtr(iterOrNull, "unix_sock"), iterScalar},
	"ipv6_route": {iterMeta, iterPtr(iterOrNull, "fib6_info")},
	"netlink":    {iterMeta, iterPtr(iterOrNull, "netlink_sock")},
}

// iterCtxAccess is btf_ctx_access for an iterator program: one slot per
// argument of bpf_iter_<target>, no return value slot.
func iterCtxAccess(target string, args []iterArg, off, size int, o ctxOptions) (CtxAccess, bool) {
	name := "bpf_iter_" + target
	if off%8 != 0 {
		return CtxAccess{Log: fmt.Sprintf("func '%s' offset %d is not multiple of 8\n", name, off)}, false
	}
	arg := off / 8
	if arg >= len(args) {
		return CtxAccess{Log: fmt.Sprintf("func '%s' doesn't have %d-th argument\n", name, arg+1)}, false
	}
	x := args[arg]
	if x.typ == ScalarValue {
		return CtxAccess{Type: ScalarValue}, true
	}
	if size != 8 {
		return CtxAccess{Log: fmt.Sprintf("func '%s' size %d must be 8\n", name, size)}, false
	}
	a := CtxAccess{Type: x.typ, BTFName: x.btf}
	if x.btf != "" && o.KernelBTF != nil {
		var s *btf.Struct
		if o.KernelBTF.TypeByName(x.btf, &s) == nil {
			a.BTFType = s
			if x.dflt {
				id, _ := o.KernelBTF.TypeID(s)
				a.Log = fmt.Sprintf("func '%s' arg%d has btf_id %d type STRUCT '%s'\n", name, arg, id, x.btf)
			}
		}
	}
	return a, true
}
