package verifier

// This file implements what a program may do with its context: which loads
// and stores of the struct r1 points to at entry each program type allows,
// and what a load gives, as the is_valid_access callbacks of the kernel's
// bpf_verifier_ops decide it in Linux 6.12 (net/core/filter.c,
// kernel/trace/bpf_trace.c, kernel/bpf/cgroup.c, kernel/bpf/syscall.c,
// kernel/bpf/btf.c, net/netfilter/nf_bpf_link.c,
// drivers/media/rc/bpf-lirc.c).
//
// Most context structs are described by tables (ctxaccess_tables.go): the
// struct's members as the uapi header lays them out, each with the load and
// store sizes the kernel allows on it, whether narrower loads may start
// anywhere in it, and the register type a load gives. Program types that
// share a struct differ by which members they refuse, which they let a
// program write, and what the packet pointers are; those differences are
// applied to a copy of the shared table. The tracing types, whose context
// is an array of u64 argument slots typed by BTF, are in
// ctxaccess_tracing.go.

import (
	"sort"

	"github.com/callx/callx/loader"
	"github.com/cilium/ebpf/btf"
)

// CtxAccess is the result of a context access that is allowed.
type CtxAccess struct {
	// Type is what a load puts in the destination register: ScalarValue
	// for plain fields, or a pointer type (PtrToPacket, PtrToPacketEnd,
	// PtrToPacketMeta, PtrToSockCommon|PtrMaybeNull, PtrToFlowKeys,
	// PtrToSocket|PtrMaybeNull, PtrToBTFID ...). Meaningless for stores.
	Type RegType
	// BTFName names the struct of a PtrToBTFID result.
	BTFName string
	// BTFType is that struct when it was resolved from kernel BTF (tracing
	// programs verified with ctxOptions.KernelBTF), nil otherwise.
	BTFType btf.Type
	// NarrowLoad: the kernel allows a narrower load of this field
	// (bpf_ctx_narrow_access_ok) — informative. It is set when the load
	// is narrower than FieldSize: the kernel rewrites it as a load of the
	// whole field and a shift and mask.
	NarrowLoad bool
	// FieldSize is the ctx_field_size the callback recorded
	// (bpf_ctx_record_field_size): the size of the field a narrow load is
	// cut from; 0 when the field is only loaded at the size accessed.
	FieldSize int
	// IsRetval: the load reads an LSM program's return value slot
	// (info->is_retval); the kernel bounds the scalar by the hook's
	// return range.
	IsRetval bool
	// Log is what the callback itself writes to the verifier log
	// (btf_ctx_access's "func '...' arg0 has btf_id ..."), before the
	// core's own message; empty for most program types. It is set on
	// refusals too.
	Log string
}

// ctxOptions are what, besides the program type and the access, the
// kernel's callbacks look at.
type ctxOptions struct {
	// Unprivileged: the program is loaded without CAP_BPF
	// (bpf_token_capable). cgroup_skb programs then may not read
	// __sk_buff data/data_end nor write tstamp.
	Unprivileged bool
	// SignExtend: the load is a BPF_MEMSX (info->is_ldsx); packet
	// pointers cannot be loaded sign-extended.
	SignExtend bool
	// KernelBTF is the kernel's BTF (vmlinux). With it the arguments of
	// tp_btf, fentry, fexit, fmod_ret, lsm and iter programs are typed as
	// btf_ctx_access types them: pointers to structs give PtrToBTFID.
	// Without it every argument slot loads as a scalar.
	KernelBTF *btf.Spec
	// TargetType and TargetAttachTo are, for a freplace program, the type
	// and attach type of the program it replaces a function of: the
	// kernel verifies an extension with its target's bpf_verifier_ops.
	// Unset, a freplace program's context is taken as u64 slots of
	// scalars.
	TargetType     loader.ProgType
	TargetAttachTo string
}

// ctxAccess decides a load (write=false) or store (write=true) of size
// bytes (1, 2, 4, 8) at byte offset off of the context of a program of
// type t (attachTo is the section suffix: "devmap" for xdp/devmap,
// "post_bind4" for cgroup/post_bind4, the function of fentry/...). ok is
// false when the kernel's is_valid_access refuses, which the core reports
// as "invalid bpf_context access off=%d size=%d". It decides as a
// privileged load with a plain (zero-extending) load; see ctxAccessWith.
func ctxAccess(t loader.ProgType, attachTo string, off, size int, write bool) (CtxAccess, bool) {
	return ctxAccessWith(t, attachTo, off, size, write, ctxOptions{})
}

// ctxAccessWith is ctxAccess with the privilege, the kind of load and the
// kernel BTF given.
func ctxAccessWith(t loader.ProgType, attachTo string, off, size int, write bool, o ctxOptions) (CtxAccess, bool) {
	if size != 1 && size != 2 && size != 4 && size != 8 {
		return CtxAccess{}, false
	}
	switch t {
	case loader.ProgSyscall:
		return syscallCtxAccess(off, size)
	case loader.ProgFreplace:
		if target := o.TargetType; target != loader.ProgUnknown && target != loader.ProgFreplace {
			o.TargetType = loader.ProgUnknown
			return ctxAccessWith(target, o.TargetAttachTo, off, size, write, o)
		}
		return tracingCtxAccess(t, attachTo, off, size, write, o)
	case loader.ProgTPBTF, loader.ProgFentry, loader.ProgFexit, loader.ProgFmodRet,
		loader.ProgIter, loader.ProgLSM, loader.ProgStructOps:
		return tracingCtxAccess(t, attachTo, off, size, write, o)
	}
	tb := ctxTables[t]
	if tb == nil {
		return CtxAccess{}, false
	}
	q := ctxQuery{attach: ctxAttach(t, attachTo), unpriv: o.Unprivileged}
	a, ok := tb.access(off, size, write, o.SignExtend, q)
	if ok && a.BTFName != "" && o.KernelBTF != nil {
		var s *btf.Struct
		if o.KernelBTF.TypeByName(a.BTFName, &s) == nil {
			a.BTFType = s
		}
	}
	return a, ok
}

// ctxSize is the size of the context struct (for messages and BTF): 192
// for __sk_buff, 24 for xdp_md, ...; for the tracing types the 12 u64
// argument slots; for tracepoints PERF_MAX_TRACE_SIZE; for syscall
// programs U16_MAX, the bound of their accesses (their context is what
// user space passes). 0 for a type with no context accesses.
func ctxSize(t loader.ProgType, attachTo string) int {
	switch t {
	case loader.ProgSyscall:
		return syscallCtxMax
	case loader.ProgTPBTF, loader.ProgFentry, loader.ProgFexit, loader.ProgFmodRet,
		loader.ProgIter, loader.ProgLSM, loader.ProgStructOps, loader.ProgFreplace:
		return tracingCtxSize
	}
	if tb := ctxTables[t]; tb != nil {
		return tb.size
	}
	return 0
}

// ctxStructName is the C name of the context struct of a program type,
// "" where there is none (tracing argument arrays, syscall).
func ctxStructName(t loader.ProgType) string {
	if tb := ctxTables[t]; tb != nil {
		return tb.name
	}
	return ""
}

// syscallCtxMax bounds a syscall program's context accesses
// (syscall_prog_is_valid_access: off < U16_MAX).
const syscallCtxMax = 1<<16 - 1

// syscallCtxAccess: a syscall program's context is the memory user space
// passes to BPF_PROG_RUN; the verifier lets any aligned load or store
// below U16_MAX through, as a scalar, and the run checks ctx_size_in
// against the furthest byte accessed (max_ctx_offset).
func syscallCtxAccess(off, size int) (CtxAccess, bool) {
	if off < 0 || off >= syscallCtxMax || off%size != 0 {
		return CtxAccess{}, false
	}
	return CtxAccess{Type: ScalarValue}, true
}

// ctxSizes is a set of access sizes: bit log2(size).
type ctxSizes uint8

// ctxSizesOf is the set of the sizes given.
func ctxSizesOf(sizes ...int) ctxSizes {
	var s ctxSizes
	for _, n := range sizes {
		s |= ctxSizeBit(n)
	}
	return s
}

func ctxSizeBit(n int) ctxSizes {
	switch n {
	case 1:
		return 1
	case 2:
		return 2
	case 4:
		return 4
	case 8:
		return 8
	}
	return 0
}

func (s ctxSizes) has(n int) bool { return s&ctxSizeBit(n) != 0 }

// Common size sets.
var (
	ctxNone   = ctxSizes(0)
	ctxB      = ctxSizesOf(1)
	ctxW      = ctxSizesOf(4)
	ctxDW     = ctxSizesOf(8)
	ctxNarrow = ctxSizesOf(1, 2, 4)    // a u32 loaded whole or in part
	ctxAny    = ctxSizesOf(1, 2, 4, 8) // plain memory
)

// ctxQuery is what a condition on a field looks at: the expected attach
// type (the section suffix, normalised by ctxAttach) and the privilege.
type ctxQuery struct {
	attach string
	unpriv bool
}

// ctxCond restricts a field to some attach types or to privileged
// programs; nil allows always.
type ctxCond func(q ctxQuery) bool

// ctxAttachIn allows the attach types named.
func ctxAttachIn(names ...string) ctxCond {
	return func(q ctxQuery) bool {
		for _, n := range names {
			if q.attach == n {
				return true
			}
		}
		return false
	}
}

// ctxPrivileged allows programs loaded with CAP_BPF.
func ctxPrivileged(q ctxQuery) bool { return !q.unpriv }

// ctxRule is what the kernel allows on one field.
type ctxRule struct {
	load, store ctxSizes
	// atStart: loads must begin at the field's first byte (the kernel's
	// switch names the field's offsetof, not its bpf_ctx_range), so a
	// narrow load of a later byte is refused.
	atStart bool
	// wide is a load size allowed at the field's start even though it
	// runs past the field's end (bpf_sock.dst_port and
	// bpf_sk_lookup.remote_port are 2-byte fields readable as u32).
	wide int
	// fieldSize is the ctx_field_size recorded for a load (narrow loads
	// are cut from a load of this size); wideFieldSize for the wide load.
	fieldSize, wideFieldSize int
	// typ is the register type a load gives (ScalarValue when zero).
	typ RegType
	// btfName names the struct of a PtrToBTFID typ.
	btfName string
	// noSignExt: a sign-extending load is refused (packet pointers).
	noSignExt bool
	// loadIf and storeIf further restrict loads and stores.
	loadIf, storeIf ctxCond
}

// ctxField is a member of a context struct with its rule. Members the
// kernel refuses outright (padding, flow_keys outside the flow dissector)
// have a zero rule.
type ctxField struct {
	name      string
	off, size int
	ctxRule
}

func (f *ctxField) end() int { return f.off + f.size }

// ctxTable is a context struct: its name, size and fields by offset.
// Bytes no field covers (implicit padding) refuse every access.
type ctxTable struct {
	name   string
	size   int
	fields []ctxField
}

// field returns the field covering byte off, or nil.
func (tb *ctxTable) field(off int) *ctxField {
	i := sort.Search(len(tb.fields), func(i int) bool { return tb.fields[i].end() > off })
	if i < len(tb.fields) && tb.fields[i].off <= off {
		return &tb.fields[i]
	}
	return nil
}

// access decides an access by the table. Every callback starts the same
// way (off < 0 || off >= sizeof: refused; off % size != 0: refused), then
// the field's rule decides.
func (tb *ctxTable) access(off, size int, write, signExt bool, q ctxQuery) (CtxAccess, bool) {
	if off < 0 || off >= tb.size || off%size != 0 {
		return CtxAccess{}, false
	}
	f := tb.field(off)
	if f == nil {
		return CtxAccess{}, false
	}
	if write {
		if !f.store.has(size) || off+size > f.end() || (f.storeIf != nil && !f.storeIf(q)) {
			return CtxAccess{}, false
		}
		return CtxAccess{Type: ScalarValue}, true
	}
	if (signExt && f.noSignExt) || (f.loadIf != nil && !f.loadIf(q)) {
		return CtxAccess{}, false
	}
	fieldSize := f.fieldSize
	switch {
	case f.wide == size && off == f.off:
		fieldSize = f.wideFieldSize
	case !f.load.has(size), f.atStart && off != f.off, off+size > f.end():
		return CtxAccess{}, false
	}
	a := CtxAccess{Type: f.typ, BTFName: f.btfName, FieldSize: fieldSize, NarrowLoad: size < fieldSize}
	if a.Type == NotInit {
		a.Type = ScalarValue
	}
	return a, true
}

// ctxMember is a member of a C struct as a uapi header declares it.
type ctxMember struct {
	name        string
	size, align int
}

func ctxU8(name string) ctxMember          { return ctxMember{name, 1, 1} }
func ctxU16(name string) ctxMember         { return ctxMember{name, 2, 2} }
func ctxU32(name string) ctxMember         { return ctxMember{name, 4, 4} }
func ctxU32s(name string, n int) ctxMember { return ctxMember{name, 4 * n, 4} }
func ctxU64(name string) ctxMember         { return ctxMember{name, 8, 8} }

// ctxPtr is a __bpf_md_ptr: a pointer in a u64, 8-aligned.
func ctxPtr(name string) ctxMember { return ctxMember{name, 8, 8} }

// ctxPad is an unnamed bit-field or other bytes the kernel never lets a
// program touch.
func ctxPad(n int) ctxMember { return ctxMember{"", n, 1} }

// ctxLayout lays a struct out as the C compiler does: each member at the
// next multiple of its alignment, the size rounded up to the largest
// alignment. Members are given rules by name; a member with no rule (and
// padding) is refused.
func ctxLayout(name string, members []ctxMember, rules map[string]ctxRule) *ctxTable {
	tb := &ctxTable{name: name}
	off, align := 0, 1
	for _, m := range members {
		off = (off + m.align - 1) / m.align * m.align
		align = max(align, m.align)
		f := ctxField{name: m.name, off: off, size: m.size}
		if m.name != "" {
			f.ctxRule = rules[m.name]
		}
		tb.fields = append(tb.fields, f)
		off += m.size
	}
	tb.size = (off + align - 1) / align * align
	return tb
}

// clone copies a table for a program type to adjust.
func (tb *ctxTable) clone() *ctxTable {
	c := *tb
	c.fields = append([]ctxField(nil), tb.fields...)
	return &c
}

// each applies fn to the fields named, which must exist.
func (tb *ctxTable) each(names []string, fn func(f *ctxField)) *ctxTable {
	for _, n := range names {
		found := false
		for i := range tb.fields {
			if tb.fields[i].name == n {
				fn(&tb.fields[i])
				found = true
			}
		}
		if !found {
			panic("verifier: context struct " + tb.name + " has no field " + n)
		}
	}
	return tb
}

// deny refuses every access to the fields named.
func (tb *ctxTable) deny(names ...string) *ctxTable {
	return tb.each(names, func(f *ctxField) { f.ctxRule = ctxRule{} })
}

// storesOnly makes every field but those named read-only.
func (tb *ctxTable) storesOnly(names ...string) *ctxTable {
	keep := map[string]bool{}
	for _, n := range names {
		keep[n] = true
	}
	tb.each(names, func(*ctxField) {})
	for i := range tb.fields {
		if !keep[tb.fields[i].name] {
			tb.fields[i].store = ctxNone
		}
	}
	return tb
}

// typed makes a load of the field give typ.
func (tb *ctxTable) typed(name string, typ RegType) *ctxTable {
	return tb.each([]string{name}, func(f *ctxField) { f.typ = typ })
}

// rule replaces the fields' rules.
func (tb *ctxTable) rule(r ctxRule, names ...string) *ctxTable {
	return tb.each(names, func(f *ctxField) { f.ctxRule = r })
}

// loadIf and storeIf restrict the fields' loads or stores.
func (tb *ctxTable) loadIf(c ctxCond, names ...string) *ctxTable {
	return tb.each(names, func(f *ctxField) { f.loadIf = c })
}

func (tb *ctxTable) storeIf(c ctxCond, names ...string) *ctxTable {
	return tb.each(names, func(f *ctxField) { f.storeIf = c })
}

// rules gives one rule to several names.
func ctxRules(r ctxRule, names ...string) map[string]ctxRule {
	m := make(map[string]ctxRule, len(names))
	for _, n := range names {
		m[n] = r
	}
	return m
}

// merge combines rule maps; later ones win.
func ctxMerge(ms ...map[string]ctxRule) map[string]ctxRule {
	out := map[string]ctxRule{}
	for _, m := range ms {
		for k, v := range m {
			out[k] = v
		}
	}
	return out
}
