package verifier

import (
	"fmt"
	"sync"
	"testing"

	"github.com/cilium/ebpf/btf"
)

var (
	btfAccessSpecOnce sync.Once
	btfAccessSpec     *btf.Spec
	btfAccessSpecErr  error
)

func btfAccessKernelSpec(t *testing.T) *btf.Spec {
	t.Helper()
	btfAccessSpecOnce.Do(func() { btfAccessSpec, btfAccessSpecErr = btf.LoadKernelSpec() })
	if btfAccessSpecErr != nil {
		t.Skipf("no kernel BTF: %v", btfAccessSpecErr)
	}
	return btfAccessSpec
}

func btfAccessStruct(t *testing.T, spec *btf.Spec, name string) *btf.Struct {
	t.Helper()
	var s *btf.Struct
	if err := spec.TypeByName(name, &s); err != nil {
		t.Skipf("struct %s not in kernel BTF: %v", name, err)
	}
	return s
}

// btfAccessMember finds a member by name in st, looking through anonymous
// structs and unions; off is its byte offset in st and viaUnion tells
// whether reaching it walks a union of more than one member.
func btfAccessMember(t *testing.T, st btf.Type, name string) (m btf.Member, off int, viaUnion bool) {
	t.Helper()
	var find func(t btf.Type, base btf.Bits, union bool) bool
	find = func(typ btf.Type, base btf.Bits, union bool) bool {
		_, _, members, _ := btfMembers(btfWalkSkipModifiers(typ))
		if u, ok := btfWalkSkipModifiers(typ).(*btf.Union); ok && len(u.Members) != 1 {
			union = true
		}
		for _, mm := range members {
			if mm.Name == name {
				m, off, viaUnion = mm, int((base+mm.Offset)/8), union
				return true
			}
			if mm.Name == "" && find(mm.Type, base+mm.Offset, union) {
				return true
			}
		}
		return false
	}
	if !find(st, 0, false) {
		t.Skipf("member %s not found in %s", name, btfTypeNameOf(st))
	}
	return
}

type btfAccessCase struct {
	name   string
	st     *btf.Struct
	off    int
	size   int
	write  bool
	src    RegType
	env    btfAccessEnv
	want   RegType // when msg == ""
	target string  // BTFName of a pointer result
	msg    string  // the refusal
}

func runBTFAccessCases(t *testing.T, cases []btfAccessCase) {
	t.Helper()
	for _, c := range cases {
		res, ok, msg := btfStructAccessEnv(c.st, c.off, c.size, c.write, c.src, c.env)
		if c.msg != "" {
			if ok || msg != c.msg {
				t.Errorf("%s: got ok=%v msg %q, want refusal %q", c.name, ok, msg, c.msg)
			}
			continue
		}
		if !ok {
			t.Errorf("%s: refused: %s", c.name, msg)
			continue
		}
		if res.Type != c.want || res.BTFName != c.target {
			t.Errorf("%s: got %s (%#x) %q, want %s (%#x) %q", c.name, res.Type, uint32(res.Type), res.BTFName, c.want, uint32(c.want), c.target)
		}
		if c.target != "" && (res.Struct == nil || res.Struct.Name != c.target) {
			t.Errorf("%s: Struct %v, want struct %s", c.name, res.Struct, c.target)
		}
	}
}

func TestBTFStructAccessTask(t *testing.T) {
	spec := btfAccessKernelSpec(t)
	task := btfAccessStruct(t, spec, "task_struct")
	_, pid, _ := btfAccessMember(t, task, "pid")
	_, tgid, _ := btfAccessMember(t, task, "tgid")
	_, rpOff, rpUnion := btfAccessMember(t, task, "real_parent")
	_, glOff, _ := btfAccessMember(t, task, "group_leader")
	comm, commOff, _ := btfAccessMember(t, task, "comm")
	parent, parentOff, _ := btfAccessMember(t, task, "parent")
	if rpUnion {
		t.Skip("task_struct.real_parent is inside a union on this kernel")
	}
	commSize, _ := btf.Sizeof(comm.Type)
	commEnd := commOff + commSize
	size := int(task.Size)
	trusted := PtrToBTFID | PtrTrusted

	// parent is __rcu: MEM_RCU|PTR_MAYBE_NULL when the BTF carries the
	// type tag, the old PTR_TO_BTF_ID otherwise.
	parentWant := PtrToBTFID
	if p, ok := parent.Type.(*btf.Pointer); ok {
		if tag, ok := p.Target.(*btf.TypeTag); ok && tag.Value == "rcu" {
			parentWant |= MemRCU | PtrMaybeNull
		}
	}

	runBTFAccessCases(t, []btfAccessCase{
		{name: "pid", st: task, off: pid, size: 4, src: trusted, want: ScalarValue},
		{name: "tgid", st: task, off: tgid, size: 4, src: PtrToBTFID, want: ScalarValue},
		{name: "pid low half", st: task, off: pid, size: 2, src: trusted, want: ScalarValue},
		{name: "pid+tgid u64", st: task, off: pid, size: 8, src: trusted,
			msg: fmt.Sprintf("access beyond the end of member pid (mend:%d) in struct task_struct with off %d size 8", pid+4, pid)},
		{name: "real_parent trusted", st: task, off: rpOff, size: 8, src: trusted, want: PtrToBTFID | MemRCU, target: "task_struct"},
		{name: "real_parent rcu", st: task, off: rpOff, size: 8, src: PtrToBTFID | MemRCU, want: PtrToBTFID | MemRCU, target: "task_struct"},
		{name: "real_parent referenced", st: task, off: rpOff, size: 8, src: PtrToBTFID, env: btfAccessEnv{Referenced: true}, want: PtrToBTFID | MemRCU, target: "task_struct"},
		{name: "real_parent legacy", st: task, off: rpOff, size: 8, src: PtrToBTFID, want: PtrToBTFID, target: "task_struct"},
		{name: "real_parent untrusted", st: task, off: rpOff, size: 8, src: PtrToBTFID | PtrUntrusted, want: PtrToBTFID | PtrUntrusted, target: "task_struct"},
		{name: "real_parent sleepable", st: task, off: rpOff, size: 8, src: trusted, env: btfAccessEnv{Sleepable: true}, want: PtrToBTFID | PtrUntrusted, target: "task_struct"},
		{name: "real_parent maybe-null rcu", st: task, off: rpOff, size: 8, src: PtrToBTFID | MemRCU | PtrMaybeNull, want: PtrToBTFID | PtrUntrusted, target: "task_struct"},
		{name: "group_leader", st: task, off: glOff, size: 8, src: trusted, want: PtrToBTFID | MemRCU, target: "task_struct"},
		{name: "parent", st: task, off: parentOff, size: 8, src: trusted, want: parentWant, target: "task_struct"},
		{name: "real_parent u32", st: task, off: rpOff, size: 4, src: trusted,
			msg: fmt.Sprintf("cannot access ptr member real_parent with moff %d in struct task_struct with off %d size 4", rpOff, rpOff)},
		{name: "real_parent upper half", st: task, off: rpOff + 4, size: 4, src: trusted,
			msg: fmt.Sprintf("cannot access ptr member real_parent with moff %d in struct task_struct with off %d size 4", rpOff, rpOff+4)},
		{name: "real_parent misaligned", st: task, off: rpOff + 1, size: 8, src: trusted,
			msg: fmt.Sprintf("cannot access ptr member real_parent with moff %d in struct task_struct with off %d size 8", rpOff, rpOff+1)},
		// task_kfunc_failure.c task_access_comm1/2.
		{name: "comm 17", st: task, off: commOff, size: 17, src: trusted,
			msg: fmt.Sprintf("access beyond the end of member comm (mend:%d) in struct task_struct with off %d size 17", commEnd, commOff)},
		{name: "comm+1 16", st: task, off: commOff + 1, size: 16, src: trusted,
			msg: fmt.Sprintf("access beyond the end of member comm (mend:%d) in struct task_struct with off %d size 16", commEnd, commOff+1)},
		{name: "comm scratch u64", st: task, off: commOff + 8, size: 8, src: trusted, want: ScalarValue},
		// The relaxation for untrusted walks is about unions walked, not
		// the source register's PTR_UNTRUSTED.
		{name: "comm untrusted overflow", st: task, off: commEnd - 4, size: 8, src: PtrToBTFID | PtrUntrusted,
			msg: fmt.Sprintf("access beyond the end of member comm (mend:%d) in struct task_struct with off %d size 8", commEnd, commEnd-4)},
		{name: "beyond", st: task, off: size, size: 4, src: trusted,
			msg: fmt.Sprintf("access beyond struct task_struct at off %d size 4", size)},
		{name: "straddling end", st: task, off: size - 4, size: 8, src: trusted,
			msg: fmt.Sprintf("access beyond struct task_struct at off %d size 8", size-4)},
		{name: "negative", st: task, off: -8, size: 8, src: trusted, msg: "is ptr_task_struct invalid negative access: off=-8"},
		{name: "write trusted", st: task, off: pid, size: 4, write: true, src: trusted, msg: "only read is supported"},
		{name: "write untrusted", st: task, off: pid, size: 4, write: true, src: PtrToBTFID | PtrUntrusted, msg: "only read is supported"},
		{name: "write legacy", st: task, off: rpOff, size: 8, write: true, src: PtrToBTFID, msg: "only read is supported"},
		{name: "user", st: task, off: pid, size: 4, src: PtrToBTFID | MemUser, msg: fmt.Sprintf("is ptr_task_struct access user memory: off=%d", pid)},
		{name: "percpu", st: task, off: pid, size: 4, src: PtrToBTFID | MemPercpu, msg: fmt.Sprintf("is ptr_task_struct access percpu memory: off=%d", pid)},
	})
}

func TestBTFStructAccessSkb(t *testing.T) {
	spec := btfAccessKernelSpec(t)
	skb := btfAccessStruct(t, spec, "sk_buff")
	_, lenOff, lenUnion := btfAccessMember(t, skb, "len")
	_, dataOff, _ := btfAccessMember(t, skb, "data")
	_, headOff, _ := btfAccessMember(t, skb, "head")
	_, protoOff, _ := btfAccessMember(t, skb, "protocol")
	_, skOff, skUnion := btfAccessMember(t, skb, "sk")
	_, nextOff, nextUnion := btfAccessMember(t, skb, "next")
	trusted := PtrToBTFID | PtrTrusted

	cases := []btfAccessCase{
		{name: "data", st: skb, off: dataOff, size: 8, src: trusted, want: ScalarValue},
		{name: "head", st: skb, off: headOff, size: 8, src: trusted, want: ScalarValue},
		{name: "head u32", st: skb, off: headOff, size: 4, src: trusted,
			msg: fmt.Sprintf("cannot access ptr member head with moff %d in struct sk_buff with off %d size 4", headOff, headOff)},
		{name: "data+2 u16", st: skb, off: dataOff + 2, size: 2, src: trusted,
			msg: fmt.Sprintf("cannot access ptr member data with moff %d in struct sk_buff with off %d size 2", dataOff, dataOff+2)},
		{name: "protocol", st: skb, off: protoOff, size: 2, src: trusted, want: ScalarValue},
		{name: "protocol byte", st: skb, off: protoOff + 1, size: 1, src: trusted, want: ScalarValue},
		{name: "write len", st: skb, off: lenOff, size: 4, write: true, src: trusted, msg: "only read is supported"},
		{name: "negative", st: skb, off: -4, size: 4, src: PtrToBTFID, msg: "is ptr_sk_buff invalid negative access: off=-4"},
	}
	if !lenUnion {
		cases = append(cases,
			btfAccessCase{name: "len", st: skb, off: lenOff, size: 4, src: trusted, want: ScalarValue},
			btfAccessCase{name: "len byte 3", st: skb, off: lenOff + 3, size: 1, src: trusted, want: ScalarValue})
	}
	if nextUnion {
		// skb->next sits in a union: walking it gives untrusted
		// pointers (kept by clear_trusted_flags).
		cases = append(cases, btfAccessCase{name: "next via union", st: skb, off: nextOff, size: 8, src: trusted, want: PtrToBTFID | PtrUntrusted, target: "sk_buff"})
	}
	// BTF_TYPE_SAFE_RCU_OR_NULL(struct sk_buff) { struct sock *sk; }
	// (which also drops a union's PTR_UNTRUSTED).
	skLegacy := PtrToBTFID
	if skUnion {
		skLegacy |= PtrUntrusted
	}
	cases = append(cases,
		btfAccessCase{name: "sk", st: skb, off: skOff, size: 8, src: trusted, want: PtrToBTFID | MemRCU | PtrMaybeNull, target: "sock"},
		btfAccessCase{name: "sk legacy", st: skb, off: skOff, size: 8, src: PtrToBTFID, want: skLegacy, target: "sock"},
		btfAccessCase{name: "sk sleepable", st: skb, off: skOff, size: 8, src: trusted, env: btfAccessEnv{Sleepable: true}, want: PtrToBTFID | PtrUntrusted, target: "sock"})

	// A byte holding whole bitfields reads as a scalar; a read starting
	// inside a bitfield does not find a field.
	var bfAt func(typ btf.Type, base btf.Bits) (btf.Member, int, bool)
	bfAt = func(typ btf.Type, base btf.Bits) (btf.Member, int, bool) {
		_, _, members, _ := btfMembers(btfWalkSkipModifiers(typ))
		for _, m := range members {
			abs := base + m.Offset
			if m.BitfieldSize != 0 && abs%8 == 0 && m.BitfieldSize < 8 {
				return m, int(abs / 8), true
			}
			if m.Name == "" {
				if bm, off, ok := bfAt(m.Type, abs); ok {
					return bm, off, ok
				}
			}
		}
		return btf.Member{}, 0, false
	}
	if _, bfOff, ok := bfAt(skb, 0); ok {
		cases = append(cases, btfAccessCase{name: "bitfield byte", st: skb, off: bfOff, size: 1, src: trusted, want: ScalarValue})
	}
	t.Logf("sk_buff: len via union %v, next via union %v, sk via union %v, %d cases", lenUnion, nextUnion, skUnion, len(cases))
	runBTFAccessCases(t, cases)
}

func TestBTFStructAccessFile(t *testing.T) {
	spec := btfAccessKernelSpec(t)
	file := btfAccessStruct(t, spec, "file")
	_, inodeOff, _ := btfAccessMember(t, file, "f_inode")
	_, pathOff, pathUnion := btfAccessMember(t, file, "f_path")
	path := btfAccessStruct(t, spec, "path")
	_, mntOff, _ := btfAccessMember(t, path, "mnt")
	_, dentryOff, _ := btfAccessMember(t, path, "dentry")
	dentry := btfAccessStruct(t, spec, "dentry")
	_, dinodeOff, _ := btfAccessMember(t, dentry, "d_inode")
	trusted := PtrToBTFID | PtrTrusted
	// Newer kernels put f_path in a union (with __f_path): walking it
	// makes the pointers found untrusted.
	viaPath := PtrToBTFID
	if pathUnion {
		viaPath |= PtrUntrusted
	}

	runBTFAccessCases(t, []btfAccessCase{
		// BTF_TYPE_SAFE_TRUSTED(struct file) { struct inode *f_inode; }
		{name: "f_inode trusted", st: file, off: inodeOff, size: 8, src: trusted, want: PtrToBTFID | PtrTrusted, target: "inode"},
		{name: "f_inode sleepable", st: file, off: inodeOff, size: 8, src: trusted, env: btfAccessEnv{Sleepable: true}, want: PtrToBTFID | PtrTrusted, target: "inode"},
		{name: "f_inode legacy", st: file, off: inodeOff, size: 8, src: PtrToBTFID, want: PtrToBTFID, target: "inode"},
		{name: "f_inode untrusted", st: file, off: inodeOff, size: 8, src: PtrToBTFID | PtrUntrusted, want: PtrToBTFID | PtrUntrusted, target: "inode"},
		{name: "f_inode u32", st: file, off: inodeOff, size: 4, src: trusted,
			msg: fmt.Sprintf("cannot access ptr member f_inode with moff %d in struct file with off %d size 4", inodeOff, inodeOff)},
		// f_path is an embedded struct path: its members are walked, and
		// the trust lists are looked up for struct file (the register's).
		{name: "f_path.mnt", st: file, off: pathOff + mntOff, size: 8, src: trusted, want: viaPath, target: "vfsmount"},
		{name: "f_path.dentry", st: file, off: pathOff + dentryOff, size: 8, src: trusted, want: viaPath, target: "dentry"},
		{name: "f_path.dentry untrusted", st: file, off: pathOff + dentryOff, size: 8, src: PtrToBTFID | PtrUntrusted, want: PtrToBTFID | PtrUntrusted, target: "dentry"},
		{name: "d_inode", st: dentry, off: dinodeOff, size: 8, src: trusted, want: PtrToBTFID | PtrTrusted, target: "inode"},
	})
}

// verifier_map_ptr.c: loads through a map pointer walk struct bpf_array.
func TestBTFStructAccessMapPtr(t *testing.T) {
	spec := btfAccessKernelSpec(t)
	arr := btfAccessStruct(t, spec, "bpf_array")
	_, maxOff, _ := btfAccessMember(t, btfAccessStruct(t, spec, "bpf_map"), "max_entries")
	_, esOff, _ := btfAccessMember(t, arr, "elem_size")
	// ops is at 0 in 6.12 (the selftest's message); later kernels put
	// other members first.
	_, opsOff, _ := btfAccessMember(t, btfAccessStruct(t, spec, "bpf_map"), "ops")
	for _, c := range []struct {
		name      string
		off, size int
		write     bool
		want      RegType
		target    string
		msg       string
	}{
		{name: "negative", off: -8, size: 8, msg: "is bpf_array invalid negative access: off=-8"},
		{name: "write", off: 0, size: 8, write: true, msg: "only read from bpf_array is supported"},
		{name: "non-existent", off: opsOff + 1, size: 4,
			msg: fmt.Sprintf("cannot access ptr member ops with moff %d in struct bpf_map with off %d size 4", opsOff, opsOff+1)},
		{name: "ops", off: opsOff, size: 8, want: PtrToBTFID, target: "bpf_map_ops"},
		{name: "max_entries", off: maxOff, size: 4, want: ScalarValue},
		{name: "elem_size", off: esOff, size: 4, want: ScalarValue},
	} {
		res, ok, msg := btfMapPtrAccess(arr, c.off, c.size, c.write)
		if c.msg != "" {
			if ok || msg != c.msg {
				t.Errorf("%s: got ok=%v %q, want %q", c.name, ok, msg, c.msg)
			}
			continue
		}
		if !ok || res.Type != c.want || res.BTFName != c.target {
			t.Errorf("%s: got %v %s %q %q, want %s %q", c.name, ok, res.Type, res.BTFName, msg, c.want, c.target)
		}
	}
}

// map_kptr_fail.c correct_btf_id_check_size.
func TestBTFStructAccessKptrSize(t *testing.T) {
	spec := btfAccessKernelSpec(t)
	p := btfAccessStruct(t, spec, "prog_test_ref_kfunc")
	_, ok, msg := btfStructAccess(p, int(p.Size), 4, false, PtrToBTFID|PtrUntrusted)
	want := fmt.Sprintf("access beyond struct prog_test_ref_kfunc at off %d size 4", p.Size)
	if ok || msg != want {
		t.Errorf("got ok=%v %q, want %q", ok, msg, want)
	}
}

// Synthetic types: the walk's rules that no stable kernel struct shows.
func TestBTFStructAccessSynthetic(t *testing.T) {
	u32 := &btf.Int{Name: "u32", Size: 4}
	u8 := &btf.Int{Name: "u8", Size: 1}
	u64 := &btf.Int{Name: "u64", Size: 8}
	inner := &btf.Struct{Name: "inner", Size: 8, Members: []btf.Member{{Name: "x", Type: u64}}}
	elem := &btf.Struct{Name: "elem", Size: 16, Members: []btf.Member{
		{Name: "a", Type: u64}, {Name: "p", Type: &btf.Pointer{Target: inner}, Offset: 64}}}
	union2 := &btf.Union{Size: 8, Members: []btf.Member{
		{Name: "up", Type: &btf.Pointer{Target: inner}}, {Name: "uv", Type: u64}}}
	union1 := &btf.Union{Size: 8, Members: []btf.Member{{Name: "mdp", Type: &btf.Pointer{Target: inner}}}}
	s := &btf.Struct{Name: "outer", Size: 104, Members: []btf.Member{
		{Name: "c", Type: u8, Offset: 0},                                                                 // 0
		{Name: "bf1", Type: u32, Offset: 16, BitfieldSize: 4},                                            // byte 2
		{Name: "bf2", Type: u32, Offset: 20, BitfieldSize: 6},                                            // bytes 2-3
		{Name: "l", Type: u64, Offset: 64},                                                               // 8
		{Name: "arr", Type: &btf.Array{Type: u32, Nelems: 4}, Offset: 128},                               // 16..32
		{Name: "", Type: union2, Offset: 256},                                                            // 32
		{Name: "", Type: union1, Offset: 320},                                                            // 40
		{Name: "rp", Type: &btf.Pointer{Target: &btf.TypeTag{Value: "rcu", Type: inner}}, Offset: 384},   // 48
		{Name: "upt", Type: &btf.Pointer{Target: &btf.TypeTag{Value: "user", Type: inner}}, Offset: 448}, // 56
		{Name: "es", Type: &btf.Array{Type: elem, Nelems: 2}, Offset: 512},                               // 64..96
		{Name: "tail", Type: &btf.Array{Type: elem, Nelems: 0}, Offset: 832},                             // 104
	}}
	fi := &btf.Struct{Name: "flexint", Size: 8, Members: []btf.Member{
		{Name: "n", Type: u64}, {Name: "d", Type: &btf.Array{Type: u32, Nelems: 0}, Offset: 64}}}
	union3 := &btf.Union{Size: 8, Members: []btf.Member{{Name: "a", Type: u32}, {Name: "b", Type: u64}}}
	ust := &btf.Struct{Name: "ust", Size: 8, Members: []btf.Member{{Type: union3}}}
	sst := &btf.Struct{Name: "sst", Size: 8, Members: []btf.Member{{Name: "a", Type: u32}, {Name: "b", Type: u32, Offset: 32}}}
	trusted := PtrToBTFID | PtrTrusted
	alloc := PtrToBTFID | MemAlloc

	runBTFAccessCases(t, []btfAccessCase{
		{name: "byte with bitfields", st: s, off: 2, size: 1, src: trusted, want: ScalarValue},
		{name: "u16 with bitfields", st: s, off: 2, size: 2, src: trusted, want: ScalarValue},
		{name: "bitfield upper byte", st: s, off: 3, size: 1, src: trusted, msg: "struct outer doesn't have field at offset 3"},
		{name: "hole", st: s, off: 1, size: 1, src: trusted, msg: "struct outer doesn't have field at offset 1"},
		{name: "hole after bitfields", st: s, off: 4, size: 4, src: trusted, msg: "struct outer doesn't have field at offset 4"},
		{name: "array scratch", st: s, off: 20, size: 8, src: trusted, want: ScalarValue},
		{name: "array end", st: s, off: 28, size: 8, src: trusted, msg: "access beyond the end of member arr (mend:32) in struct outer with off 28 size 8"},
		{name: "union ptr", st: s, off: 32, size: 8, src: trusted, want: PtrToBTFID | PtrUntrusted, target: "inner"},
		{name: "union relaxes member end", st: ust, off: 0, size: 8, src: trusted, want: ScalarValue},
		{name: "struct keeps member end", st: sst, off: 0, size: 8, src: trusted,
			msg: "access beyond the end of member a (mend:4) in struct sst with off 0 size 8"},
		{name: "union ptr legacy", st: s, off: 32, size: 8, src: PtrToBTFID, want: PtrToBTFID | PtrUntrusted, target: "inner"},
		{name: "single-member union", st: s, off: 40, size: 8, src: PtrToBTFID, want: PtrToBTFID, target: "inner"},
		{name: "__rcu trusted", st: s, off: 48, size: 8, src: trusted, want: PtrToBTFID | MemRCU | PtrMaybeNull, target: "inner"},
		{name: "__rcu legacy", st: s, off: 48, size: 8, src: PtrToBTFID, want: PtrToBTFID, target: "inner"},
		{name: "__rcu untrusted", st: s, off: 48, size: 8, src: PtrToBTFID | PtrUntrusted, want: PtrToBTFID | PtrUntrusted, target: "inner"},
		{name: "__user trusted", st: s, off: 56, size: 8, src: trusted, want: PtrToBTFID | MemUser, target: "inner"},
		{name: "array of structs elem 1 ptr", st: s, off: 64 + 16 + 8, size: 8, src: PtrToBTFID, want: PtrToBTFID, target: "inner"},
		{name: "array of structs elem 1 ptr partial", st: s, off: 64 + 16 + 12, size: 4, src: PtrToBTFID,
			msg: "cannot access ptr member p with moff 8 in struct elem with off 12 size 4"},
		{name: "flex array of structs", st: s, off: 104 + 3*16 + 8, size: 8, src: PtrToBTFID, want: PtrToBTFID, target: "inner"},
		{name: "flex array of structs field", st: s, off: 104 + 5*16, size: 8, src: PtrToBTFID, want: ScalarValue},
		{name: "flex array of ints", st: fi, off: 800, size: 4, src: PtrToBTFID, want: ScalarValue},
		{name: "flex not when allocated", st: fi, off: 800, size: 4, src: alloc, msg: "access beyond struct flexint at off 800 size 4"},
		{name: "allocated write", st: s, off: 8, size: 8, write: true, src: alloc, want: ScalarValue},
		{name: "allocated ptr is scalar", st: s, off: 40, size: 8, src: alloc, want: ScalarValue},
	})
}
