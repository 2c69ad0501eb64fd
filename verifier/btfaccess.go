package verifier

// This file implements loads through a PTR_TO_BTF_ID register as Linux 6.12
// does: btf_struct_walk and btf_struct_access (kernel/bpf/btf.c) decide
// what lies at an offset of a kernel struct, and check_ptr_to_btf_access /
// check_ptr_to_map_access (kernel/bpf/verifier.c) add the checks done
// before the walk and the trust flags of a pointer result.

import (
	"fmt"

	"github.com/cilium/ebpf/btf"
)

// btfAccessResult is what a load through a PTR_TO_BTF_ID gives.
type btfAccessResult struct {
	Type    RegType // ScalarValue, or PtrToBTFID with flags
	BTFName string  // the struct a pointer result points to
	Struct  *btf.Struct
	// Target is the struct or union a pointer result points to (Struct is
	// nil when it is a union).
	Target btf.Type
	// Field names the pointer member loaded (the kernel's field_name).
	Field string
}

// btfAccessEnv is the part of the verifier's state that the flag rules of
// check_ptr_to_btf_access read. Its zero value is a non-sleepable program
// (so always in an RCU critical section, in_rcu_cs) and a source register
// without a reference (ref_obj_id == 0).
type btfAccessEnv struct {
	// Sleepable is set for a sleepable program outside
	// bpf_rcu_read_lock() and outside a held bpf_spin_lock: in_rcu_cs is
	// then false.
	Sleepable bool
	// Referenced is set when the source register holds a reference
	// (ref_obj_id != 0), which makes it trusted (is_trusted_reg).
	Referenced bool
}

// btfStructAccess decides a read (write=false) of size bytes at off in struct st (the kernel's btf_struct_access
// + the flag rules of check_ptr_to_btf_access), for a source register of type srcType (its flags matter).
// msg is the kernel's message (without any "R%d " prefix) when ok is false.
//
// The program is taken to be non-sleepable (in an RCU critical section)
// and the source register unreferenced; btfStructAccessEnv takes both.
func btfStructAccess(st *btf.Struct, off, size int, write bool, srcType RegType) (res btfAccessResult, ok bool, msg string) {
	return btfStructAccessEnv(st, off, size, write, srcType, btfAccessEnv{})
}

// btfStructAccessEnv is btfStructAccess with the verifier state the trust
// rules depend on.
func btfStructAccessEnv(st *btf.Struct, off, size int, write bool, srcType RegType, env btfAccessEnv) (btfAccessResult, bool, string) {
	if st == nil {
		return btfAccessResult{}, false, "verifier internal error: no BTF type"
	}
	tname := st.Name
	// check_ptr_to_btf_access. The capability and GPL checks, and the
	// variable offset one, are the caller's.
	if off < 0 {
		return btfAccessResult{}, false, fmt.Sprintf("is ptr_%s invalid negative access: off=%d", tname, off)
	}
	if srcType&MemUser != 0 {
		return btfAccessResult{}, false, fmt.Sprintf("is ptr_%s access user memory: off=%d", tname, off)
	}
	if srcType&MemPercpu != 0 {
		return btfAccessResult{}, false, fmt.Sprintf("is ptr_%s access percpu memory: off=%d", tname, off)
	}
	if write && srcType&PtrUntrusted != 0 {
		return btfAccessResult{}, false, "only read is supported"
	}
	alloc := srcType&MemAlloc != 0
	// Writes to kernel objects go to env->ops->btf_struct_access when the
	// program type has one (tc and xdp: nf_conn fields through
	// nfct_btf_struct_access; struct_ops tcp congestion control) and are
	// otherwise refused. Only program-allocated objects (MEM_ALLOC) are
	// writable through the default walk.
	if write && !alloc {
		return btfAccessResult{}, false, "only read is supported"
	}

	kind, target, field, flag, err := btfStructWalkAll(st, off, size, !alloc)
	if err != "" {
		return btfAccessResult{}, false, err
	}
	if kind == btfWalkScalar || alloc {
		// For local (allocated) types the destination never becomes a
		// pointer again.
		return btfAccessResult{Type: ScalarValue}, true, ""
	}

	flags := srcType &^ baseTypeMask
	switch {
	case flags&PtrUntrusted != 0:
		// Pointers formed by walking an untrusted pointer stay untrusted.
		flag = PtrUntrusted
	case btfIsTrustedReg(flags, env.Referenced) || flags&MemRCU != 0:
		tgt := target.TypeName()
		switch {
		case btfSafeField(btfSafeTrusted, tname, field, tgt):
			flag |= PtrTrusted
		case btfSafeField(btfSafeTrustedOrNull, tname, field, tgt):
			flag |= PtrTrusted | PtrMaybeNull
		case !env.Sleepable && flags&PtrMaybeNull == 0:
			rcuOrNull := btfSafeField(btfSafeRCUOrNull, tname, field, tgt)
			switch {
			case btfSafeField(btfSafeRCU, tname, field, tgt):
				flag |= MemRCU
			case flag&MemRCU != 0 || rcuOrNull:
				// __rcu tagged pointers can be NULL.
				flag |= MemRCU | PtrMaybeNull
				if rcuOrNull && flag&PtrUntrusted != 0 {
					flag &^= PtrUntrusted
				}
			case flag&(MemPercpu|MemUser) != 0:
			default:
				// Walking unknown pointers yields the old PTR_TO_BTF_ID.
				flag &^= btfTrustedModifiers | MemRCU
			}
		default:
			flag = PtrUntrusted
		}
	default:
		// Old compat, deprecated.
		flag &^= btfTrustedModifiers | MemRCU
	}
	res := btfAccessResult{Type: PtrToBTFID | flag, BTFName: target.TypeName(), Target: target, Field: field}
	res.Struct, _ = target.(*btf.Struct)
	return res, true, ""
}

// btfMapPtrAccess is check_ptr_to_map_access: a load through a
// CONST_PTR_TO_MAP, walked as a PTR_TO_BTF_ID of the map's struct (st is
// the struct of map->ops->map_btf_id, e.g. bpf_array) with no flags. The
// pointer result carries the walk's flags as they are (no trust rules).
// msg has no "R%d " prefix.
func btfMapPtrAccess(st *btf.Struct, off, size int, write bool) (btfAccessResult, bool, string) {
	if st == nil {
		return btfAccessResult{}, false, "map_ptr access not supported without CONFIG_DEBUG_INFO_BTF"
	}
	if off < 0 {
		return btfAccessResult{}, false, fmt.Sprintf("is %s invalid negative access: off=%d", st.Name, off)
	}
	if write {
		return btfAccessResult{}, false, fmt.Sprintf("only read from %s is supported", st.Name)
	}
	kind, target, field, flag, err := btfStructWalkAll(st, off, size, true)
	if err != "" {
		return btfAccessResult{}, false, err
	}
	if kind == btfWalkScalar {
		return btfAccessResult{Type: ScalarValue}, true, ""
	}
	res := btfAccessResult{Type: PtrToBTFID | flag, BTFName: target.TypeName(), Target: target, Field: field}
	res.Struct, _ = target.(*btf.Struct)
	return res, true, ""
}

// btfTrustedModifiers is BPF_REG_TRUSTED_MODIFIERS.
const btfTrustedModifiers = MemAlloc | PtrTrusted | NonOwnRef

// btfIsTrustedReg is is_trusted_reg for a PTR_TO_BTF_ID register with the
// given flags.
func btfIsTrustedReg(flags RegType, referenced bool) bool {
	if referenced {
		return true
	}
	return flags&btfTrustedModifiers != 0 && flags&^btfTrustedModifiers == 0
}

type btfWalkKind int

const (
	btfWalkScalar btfWalkKind = iota
	btfWalkPtr
	btfWalkStruct
)

// btfStructWalkAll is btf_struct_access's loop over btf_struct_walk:
// nested structs met at their exact offset are entered at offset 0.
func btfStructWalkAll(st *btf.Struct, off, size int, walkFlex bool) (btfWalkKind, btf.Type, string, RegType, string) {
	var t btf.Type = st
	var flag RegType
	for {
		kind, next, field, err := btfStructWalk(t, off, size, &flag, walkFlex)
		if err != "" {
			return 0, nil, "", 0, err
		}
		if kind != btfWalkStruct {
			return kind, next, field, flag, ""
		}
		t, off = next, 0
	}
}

// btfMembers returns the name, size and members of a struct or union.
func btfMembers(t btf.Type) (string, int, []btf.Member, bool) {
	switch t := t.(type) {
	case *btf.Struct:
		return t.Name, int(t.Size), t.Members, true
	case *btf.Union:
		return t.Name, int(t.Size), t.Members, true
	}
	return "", 0, nil, false
}

// btfIsStruct is btf_type_is_struct: a struct or a union.
func btfIsStruct(t btf.Type) bool {
	switch t.(type) {
	case *btf.Struct, *btf.Union:
		return true
	}
	return false
}

// btfWalkSkipModifiers is btf_type_skip_modifiers: typedefs, volatile,
// const, restrict and type tags.
func btfWalkSkipModifiers(t btf.Type) btf.Type {
	for i := 0; i < 32; i++ {
		switch tt := t.(type) {
		case *btf.Typedef:
			t = tt.Type
		case *btf.Volatile:
			t = tt.Type
		case *btf.Const:
			t = tt.Type
		case *btf.Restrict:
			t = tt.Type
		case *btf.TypeTag:
			t = tt.Type
		default:
			return t
		}
	}
	return t
}

// btfResolveSize is __btf_resolve_size: the member's type with modifiers
// skipped (the outermost array for an array), its whole size, the
// innermost element type of an array, the element count of a
// (linearised, multi-dimensional) array, and the element type before its
// modifiers are skipped (elem_id). ok is false for a type without size.
func btfResolveSize(t btf.Type) (typ btf.Type, size int, elem btf.Type, nelems int, elemID btf.Type, ok bool) {
	var array btf.Type
	n := uint64(1)
	for i := 0; i < 32; i++ {
		var sz uint64
		switch tt := t.(type) {
		case *btf.Int:
			sz = uint64(tt.Size)
		case *btf.Struct:
			sz = uint64(tt.Size)
		case *btf.Union:
			sz = uint64(tt.Size)
		case *btf.Enum:
			sz = uint64(tt.Size)
		case *btf.Float:
			sz = uint64(tt.Size)
		case *btf.Pointer:
			sz = 8
		case *btf.Typedef:
			t = tt.Type
			continue
		case *btf.Volatile:
			t = tt.Type
			continue
		case *btf.Const:
			t = tt.Type
			continue
		case *btf.Restrict:
			t = tt.Type
			continue
		case *btf.TypeTag:
			t = tt.Type
			continue
		case *btf.Array:
			if array == nil {
				array = tt
			}
			n *= uint64(tt.Nelems)
			if n > 1<<32-1 {
				return nil, 0, nil, 0, nil, false
			}
			elemID = tt.Type
			t = tt.Type
			continue
		default:
			return nil, 0, nil, 0, nil, false
		}
		if n*sz > 1<<32-1 {
			return nil, 0, nil, 0, nil, false
		}
		typ = t
		if array != nil {
			typ = array
		}
		return typ, int(n * sz), t, int(n), elemID, true
	}
	return nil, 0, nil, 0, nil, false
}

// btfStructWalk is btf_struct_walk for one struct (or union) t. For
// btfWalkPtr it returns the pointed-to struct and the member's name, for
// btfWalkStruct the nested struct at off. err is the kernel's message.
func btfStructWalk(t btf.Type, off, size int, flag *RegType, walkFlex bool) (btfWalkKind, btf.Type, string, string) {
again:
	t = btfWalkSkipModifiers(t)
	tname, tsize, members, isStruct := btfMembers(t)
	if !isStruct {
		return 0, nil, "", fmt.Sprintf("Type '%s' is not a struct", btfTypeNameOf(t))
	}
	if _, isUnion := t.(*btf.Union); isUnion && len(members) != 1 && *flag&PtrUntrusted == 0 {
		// Walking unions yields untrusted pointers, except for
		// __bpf_md_ptr and other single-member unions.
		*flag |= PtrUntrusted
	}

	if off+size > tsize {
		fail := func() (btfWalkKind, btf.Type, string, string) {
			return 0, nil, "", fmt.Sprintf("access beyond struct %s at off %d size %d", tname, uint32(off), uint32(size))
		}
		if !walkFlex || len(members) == 0 {
			return fail()
		}
		// A flexible array as last member relaxes the rule.
		last := members[len(members)-1]
		arr, isArr := btfWalkSkipModifiers(last.Type).(*btf.Array)
		if !isArr || arr.Nelems != 0 {
			return fail()
		}
		moff := int(last.Offset / 8)
		if off < moff {
			return fail()
		}
		et := btfWalkSkipModifiers(arr.Type)
		if _, isInt := et.(*btf.Int); isInt {
			return btfWalkScalar, nil, "", ""
		}
		_, esize, _, ok := btfMembers(et)
		if !ok || esize == 0 {
			return fail()
		}
		off = (off - moff) % esize
		t = et
		goto again
	}

	for _, m := range members {
		moff := int(m.Offset / 8)
		if off+size <= moff {
			// Won't find anything, the field is already too far.
			break
		}
		if m.BitfieldSize != 0 {
			endBit := int(m.Offset + m.BitfieldSize)
			// off <= moff since clang emits no member for anonymous
			// bitfields.
			if off <= moff && (endBit+7)/8 <= off+size {
				return btfWalkScalar, nil, "", ""
			}
			// A following member, or a partial access at either end
			// of this bitfield: treated as not accessing it.
			continue
		}
		// off points into a hole of the struct.
		if off < moff {
			break
		}

		mid := m.Type
		mtype, msize, elem, nelems, elemID, ok := btfResolveSize(m.Type)
		if !ok {
			return 0, nil, "", fmt.Sprintf("field %s doesn't have size", m.Name)
		}
		mtrueEnd := moff + msize
		if off >= mtrueEnd {
			// No overlap with the member.
			continue
		}
		if _, isArr := mtype.(*btf.Array); isArr {
			// A (linearised) array: look at the element off falls in;
			// mtrueEnd stays the end of the whole array so that an
			// int array can be used as scratch space (skb->cb[]).
			if moff == mtrueEnd {
				continue
			}
			msize /= nelems
			moff += (off - moff) / msize * msize
			mtype = elem
			mid = elemID
		}

		if btfIsStruct(mtype) {
			if off == moff {
				return btfWalkStruct, mid, "", ""
			}
			off -= moff
			t = mtype
			goto again
		}

		if ptr, isPtr := mtype.(*btf.Pointer); isPtr {
			if msize != size || off != moff {
				return 0, nil, "", fmt.Sprintf("cannot access ptr member %s with moff %d in struct %s with off %d size %d",
					m.Name, uint32(moff), tname, uint32(off), uint32(size))
			}
			var tmp RegType
			if tag, isTag := ptr.Target.(*btf.TypeTag); isTag {
				switch tag.Value {
				case "user":
					tmp = MemUser
				case "percpu":
					tmp = MemPercpu
				case "rcu":
					tmp = MemRCU
				}
			}
			if st := btfWalkSkipModifiers(ptr.Target); btfIsStruct(st) {
				*flag |= tmp
				return btfWalkPtr, st, m.Name, ""
			}
		}

		// Accesses within an int may be flexible as long as they stay
		// within mtrueEnd (the end of an array of ints, too).
		if off+size > mtrueEnd && *flag&PtrUntrusted == 0 {
			return 0, nil, "", fmt.Sprintf("access beyond the end of member %s (mend:%d) in struct %s with off %d size %d",
				m.Name, uint32(mtrueEnd), tname, uint32(off), uint32(size))
		}
		return btfWalkScalar, nil, "", ""
	}
	return 0, nil, "", fmt.Sprintf("struct %s doesn't have field at offset %d", tname, off)
}

// btfTypeNameOf is the name of t, "" for anonymous types.
func btfTypeNameOf(t btf.Type) string {
	if t == nil {
		return ""
	}
	return t.TypeName()
}

// The fields the kernel deems trusted or RCU protected although they carry
// no type tag (BTF_TYPE_SAFE_* in kernel/bpf/verifier.c of 6.12, found by
// btf_nested_type_is_trusted through the <struct>__safe_<kind> types of
// vmlinux). A field matches on the walked register's struct, the
// member's name and the struct it points to.
type btfSafeMember struct{ owner, field, target string }

var (
	// BTF_TYPE_SAFE_RCU: trusted in an RCU CS, never NULL.
	btfSafeRCU = []btfSafeMember{
		{"task_struct", "cpus_ptr", "cpumask"},
		{"task_struct", "cgroups", "css_set"},
		{"task_struct", "real_parent", "task_struct"},
		{"task_struct", "group_leader", "task_struct"},
		{"cgroup", "kn", "kernfs_node"},
		{"css_set", "dfl_cgrp", "cgroup"},
	}
	// BTF_TYPE_SAFE_RCU_OR_NULL: trusted in an RCU CS, may be NULL.
	btfSafeRCUOrNull = []btfSafeMember{
		{"mm_struct", "exe_file", "file"},
		{"sk_buff", "sk", "sock"},
		{"request_sock", "sk", "sock"},
	}
	// BTF_TYPE_SAFE_TRUSTED: trusted, never NULL.
	btfSafeTrusted = []btfSafeMember{
		{"bpf_iter_meta", "seq", "seq_file"},
		{"bpf_iter__task", "meta", "bpf_iter_meta"},
		{"bpf_iter__task", "task", "task_struct"},
		{"linux_binprm", "file", "file"},
		{"file", "f_inode", "inode"},
		{"dentry", "d_inode", "inode"},
	}
	// BTF_TYPE_SAFE_TRUSTED_OR_NULL: trusted, may be NULL.
	btfSafeTrustedOrNull = []btfSafeMember{
		{"socket", "sk", "sock"},
	}
)

func btfSafeField(list []btfSafeMember, owner, field, target string) bool {
	for _, s := range list {
		if s.owner == owner && s.field == field && s.target == target {
			return true
		}
	}
	return false
}

// btfStartsWith reports whether the kernel struct st (named name) is the
// struct want, or starts with it, member zero after member zero
// (btf_struct_ids_match at offset 0). Without the struct's BTF only its
// name can tell.
func btfStartsWith(st *btf.Struct, name, want string) bool {
	if st == nil {
		return name == want
	}
	for depth := 0; depth < 32; depth++ {
		if st.Name == want {
			return true
		}
		if len(st.Members) == 0 || st.Members[0].Offset != 0 {
			return false
		}
		next, ok := btfWalkSkipModifiers(st.Members[0].Type).(*btf.Struct)
		if !ok {
			return false
		}
		st = next
	}
	return false
}
