package helpers

// These tests check the catalogue against the Linux 6.12 sources when they
// are on the machine ($CALLX_LINUX_SRC, or /tmp/ksrc/linux-source-6.12),
// and skip otherwise: the ids and names of the uapi header, the type enums
// of include/linux/bpf.h, and every const struct bpf_func_proto of
// kernel/ and net/.

import (
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

// linuxSource returns the root of the Linux sources, or skips the test.
func linuxSource(t *testing.T) string {
	t.Helper()
	dir := os.Getenv("CALLX_LINUX_SRC")
	if dir == "" {
		dir = "/tmp/ksrc/linux-source-6.12"
	}
	if _, err := os.Stat(filepath.Join(dir, "include/uapi/linux/bpf.h")); err != nil {
		t.Skipf("no Linux sources at %s (set CALLX_LINUX_SRC): %v", dir, err)
	}
	return dir
}

func readSource(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// cEnum returns the enumerators of a C enum in order, each with its
// initialiser ("" when there is none).
func cEnum(t *testing.T, src, name string) (names, values []string) {
	t.Helper()
	start := strings.Index(src, "enum "+name+" {")
	if start < 0 {
		t.Fatalf("no enum %s", name)
	}
	body := src[start:]
	body = body[strings.Index(body, "{")+1 : strings.Index(body, "};")]
	body = regexp.MustCompile(`(?s)/\*.*?\*/`).ReplaceAllString(body, "")
	body = regexp.MustCompile(`//[^\n]*`).ReplaceAllString(body, "")
	for _, e := range strings.Split(body, ",") {
		e = strings.TrimSpace(e)
		if e == "" {
			continue
		}
		n, v, _ := strings.Cut(e, "=")
		names = append(names, strings.TrimSpace(n))
		values = append(values, strings.Join(strings.Fields(v), " "))
	}
	return names, values
}

func TestUAPIFuncIDs(t *testing.T) {
	src := readSource(t, filepath.Join(linuxSource(t), "include/uapi/linux/bpf.h"))
	re := regexp.MustCompile(`(?m)^\s*FN\((\w+), (\d+), ##ctx\)`)
	n := 0
	for _, m := range re.FindAllStringSubmatch(src, -1) {
		id, _ := strconv.Atoi(m[2])
		if id != n {
			t.Errorf("%s is %d, expected %d next", m[1], id, n)
		}
		if !InRange(ID(id)) || funcNames[id] != m[1] || Name(ID(id)) != "bpf_"+m[1] {
			t.Errorf("id %d: uapi %s, callx %q", id, m[1], Name(ID(id)))
		}
		n++
	}
	if n != int(MaxFuncID) {
		t.Errorf("uapi has %d ids, MaxFuncID is %d", n, MaxFuncID)
	}
	names, _ := cEnum(t, src, "bpf_attach_type")
	if len(names) != int(AttachTraceKprobeSession)+2 || names[len(names)-1] != "__MAX_BPF_ATTACH_TYPE" {
		t.Errorf("enum bpf_attach_type has %d entries, last %s", len(names), names[len(names)-1])
	}
	for _, tt := range []struct {
		a    AttachType
		name string
	}{
		{AttachCgroupInetIngress, "BPF_CGROUP_INET_INGRESS"}, {AttachCgroupSockOps, "BPF_CGROUP_SOCK_OPS"},
		{AttachCgroupInet4Connect, "BPF_CGROUP_INET4_CONNECT"}, {AttachCgroupSetsockopt, "BPF_CGROUP_SETSOCKOPT"},
		{AttachTraceRawTP, "BPF_TRACE_RAW_TP"}, {AttachLSMMAC, "BPF_LSM_MAC"}, {AttachTraceIter, "BPF_TRACE_ITER"},
		{AttachCgroupInet6Getsockname, "BPF_CGROUP_INET6_GETSOCKNAME"}, {AttachTraceKprobeMulti, "BPF_TRACE_KPROBE_MULTI"},
		{AttachLSMCgroup, "BPF_LSM_CGROUP"}, {AttachTraceUprobeMulti, "BPF_TRACE_UPROBE_MULTI"},
		{AttachCgroupUnixGetsockname, "BPF_CGROUP_UNIX_GETSOCKNAME"}, {AttachTraceKprobeSession, "BPF_TRACE_KPROBE_SESSION"},
	} {
		if names[tt.a] != tt.name {
			t.Errorf("attach type %d is %s, want %s", tt.a, names[tt.a], tt.name)
		}
	}
	mapNames, mapValues := cEnum(t, src, "bpf_map_type")
	idx := map[string]uint32{}
	next := uint32(0)
	for i, n := range mapNames {
		v := next
		if mapValues[i] != "" { // BPF_MAP_TYPE_CGROUP_STORAGE = BPF_MAP_TYPE_CGROUP_STORAGE_DEPRECATED
			v = idx[mapValues[i]]
		}
		idx[n], next = v, v+1
	}
	for _, tt := range []struct {
		v    uint32
		name string
	}{
		{mapProgArray, "PROG_ARRAY"}, {mapPerfEventArray, "PERF_EVENT_ARRAY"}, {mapPercpuHash, "PERCPU_HASH"},
		{mapPercpuArray, "PERCPU_ARRAY"}, {mapStackTrace, "STACK_TRACE"}, {mapCgroupArray, "CGROUP_ARRAY"},
		{mapLRUPercpuHash, "LRU_PERCPU_HASH"}, {mapArrayOfMaps, "ARRAY_OF_MAPS"}, {mapHashOfMaps, "HASH_OF_MAPS"},
		{mapDevmap, "DEVMAP"}, {mapSockmap, "SOCKMAP"}, {mapCpumap, "CPUMAP"}, {mapXskmap, "XSKMAP"},
		{mapSockhash, "SOCKHASH"}, {mapReuseportSockarray, "REUSEPORT_SOCKARRAY"}, {mapQueue, "QUEUE"},
		{mapStack, "STACK"}, {mapSkStorage, "SK_STORAGE"}, {mapDevmapHash, "DEVMAP_HASH"}, {mapRingbuf, "RINGBUF"},
		{mapInodeStorage, "INODE_STORAGE"}, {mapTaskStorage, "TASK_STORAGE"}, {mapBloomFilter, "BLOOM_FILTER"},
		{mapUserRingbuf, "USER_RINGBUF"}, {mapCgrpStorage, "CGRP_STORAGE"},
	} {
		if got, ok := idx["BPF_MAP_TYPE_"+tt.name]; !ok || got != tt.v {
			t.Errorf("BPF_MAP_TYPE_%s is %d (%v), callx %d", tt.name, got, ok, tt.v)
		}
	}
	if idx["BPF_MAP_TYPE_CGROUP_STORAGE"] != mapCgroupStorage || idx["BPF_MAP_TYPE_PERCPU_CGROUP_STORAGE"] != mapPercpuCgroupStorage {
		t.Errorf("the cgroup storage maps are %d and %d", idx["BPF_MAP_TYPE_CGROUP_STORAGE"], idx["BPF_MAP_TYPE_PERCPU_CGROUP_STORAGE"])
	}
}

// kernelTypes reads the type enums of include/linux/bpf.h: every flag,
// base and composite name of bpf_arg_type and bpf_return_type with its
// value.
func kernelTypes(t *testing.T, src string) map[string]uint32 {
	t.Helper()
	vals := map[string]uint32{}
	names, values := cEnum(t, src, "bpf_type_flag")
	bit := regexp.MustCompile(`^BIT\((\d+) \+ BPF_BASE_TYPE_BITS\)$`)
	for i, n := range names {
		if m := bit.FindStringSubmatch(values[i]); m != nil {
			b, _ := strconv.Atoi(m[1])
			vals[n] = 1 << (b + 8)
		}
	}
	for _, enum := range []string{"bpf_arg_type", "bpf_return_type"} {
		names, values := cEnum(t, src, enum)
		for i, n := range names {
			switch {
			case strings.HasPrefix(n, "__"):
			case values[i] == "" || i == 0:
				vals[n] = uint32(i)
			default:
				v, ok := evalType(vals, values[i])
				if !ok {
					t.Fatalf("%s = %s", n, values[i])
				}
				vals[n] = v
			}
		}
	}
	return vals
}

// evalType evaluates "A | B | C" over the known names.
func evalType(vals map[string]uint32, expr string) (uint32, bool) {
	var v uint32
	for _, n := range strings.Split(expr, "|") {
		x, ok := vals[strings.TrimSpace(n)]
		if !ok {
			return 0, false
		}
		v |= x
	}
	return v, true
}

func TestKernelTypeEnums(t *testing.T) {
	vals := kernelTypes(t, readSource(t, filepath.Join(linuxSource(t), "include/linux/bpf.h")))
	for i, n := range argBaseNames {
		if vals[n] != uint32(i) || ArgType(i).String() != n {
			t.Errorf("%s is %d in the kernel, %d (%v) here", n, vals[n], i, ArgType(i))
		}
	}
	for i, n := range retBaseNames {
		if vals[n] != uint32(i) || RetType(i).String() != n {
			t.Errorf("%s is %d in the kernel, %d (%v) here", n, vals[n], i, RetType(i))
		}
	}
	for i, n := range flagNames {
		if vals[n] != 1<<(i+8) {
			t.Errorf("%s is %#x in the kernel, %#x here", n, vals[n], 1<<(i+8))
		}
	}
	for _, tt := range []struct {
		name string
		v    uint32
	}{
		{"ARG_PTR_TO_MAP_VALUE_OR_NULL", uint32(ArgPtrToMapValueOrNull)},
		{"ARG_PTR_TO_MEM_OR_NULL", uint32(ArgPtrToMemOrNull)},
		{"ARG_PTR_TO_CTX_OR_NULL", uint32(ArgPtrToCtxOrNull)},
		{"ARG_PTR_TO_SOCKET_OR_NULL", uint32(ArgPtrToSocketOrNull)},
		{"ARG_PTR_TO_STACK_OR_NULL", uint32(ArgPtrToStackOrNull)},
		{"ARG_PTR_TO_BTF_ID_OR_NULL", uint32(ArgPtrToBTFIDOrNull)},
		{"ARG_PTR_TO_UNINIT_MEM", uint32(ArgPtrToUninitMem)},
		{"ARG_PTR_TO_FIXED_SIZE_MEM", uint32(ArgPtrToFixedSizeMem)},
		{"RET_PTR_TO_MAP_VALUE_OR_NULL", uint32(RetPtrToMapValueOrNull)},
		{"RET_PTR_TO_SOCKET_OR_NULL", uint32(RetPtrToSocketOrNull)},
		{"RET_PTR_TO_TCP_SOCK_OR_NULL", uint32(RetPtrToTCPSockOrNull)},
		{"RET_PTR_TO_SOCK_COMMON_OR_NULL", uint32(RetPtrToSockCommonOrNull)},
		{"RET_PTR_TO_RINGBUF_MEM_OR_NULL", uint32(RetPtrToRingbufMemOrNull)},
		{"RET_PTR_TO_DYNPTR_MEM_OR_NULL", uint32(RetPtrToDynptrMemOrNull)},
		{"RET_PTR_TO_BTF_ID_OR_NULL", uint32(RetPtrToBTFIDOrNull)},
		{"RET_PTR_TO_BTF_ID_TRUSTED", uint32(RetPtrToBTFIDTrusted)},
	} {
		if got, ok := vals[tt.name]; !ok || got != tt.v {
			t.Errorf("%s is %#x (%v) in the kernel, %#x here", tt.name, got, ok, tt.v)
		}
	}
	if got := vals["DYNPTR_TYPE_LOCAL"] | vals["DYNPTR_TYPE_RINGBUF"] | vals["DYNPTR_TYPE_SKB"] | vals["DYNPTR_TYPE_XDP"]; got != uint32(ArgDynptrTypeMask) {
		t.Errorf("DYNPTR_TYPE_FLAG_MASK is %#x, here %#x", got, ArgDynptrTypeMask)
	}
}

// btfIDNames are the struct names of the arg_btf_id and ret_btf_id
// expressions of the 6.12 prototypes, read from their BTF_ID lists.
var btfIDNames = map[string]string{
	"&bpf_bprm_opts_set_btf_ids[0]":            "linux_binprm",
	"&bpf_cgroup_btf_id[0]":                    "cgroup",
	"&bpf_d_path_btf_ids[0]":                   "path",
	"&bpf_ima_file_hash_btf_ids[0]":            "file",
	"&bpf_ima_inode_hash_btf_ids[0]":           "inode",
	"&bpf_inode_storage_btf_ids[0]":            "inode",
	"&bpf_skb_output_btf_ids[0]":               "sk_buff",
	"&bpf_sock_from_file_btf_ids[0]":           "socket",
	"&bpf_sock_from_file_btf_ids[1]":           "file",
	"&bpf_xdp_get_buff_len_bpf_ids[0]":         "xdp_buff",
	"&bpf_xdp_output_btf_ids[0]":               "xdp_buff",
	"&btf_seq_file_ids[0]":                     "seq_file",
	"&btf_tracing_ids[BTF_TRACING_TYPE_TASK]":  "task_struct",
	"&tcp_sock_id":                             "tcp_sock",
	"&bpf_task_pt_regs_ids[0]":                 "pt_regs",
	"&btf_sock_ids[BTF_SOCK_TYPE_SOCK_COMMON]": "sock_common",
	"&btf_sock_ids[BTF_SOCK_TYPE_MPTCP]":       "mptcp_sock",
	"&btf_sock_ids[BTF_SOCK_TYPE_TCP6]":        "tcp6_sock",
	"&btf_sock_ids[BTF_SOCK_TYPE_TCP]":         "tcp_sock",
	"&btf_sock_ids[BTF_SOCK_TYPE_TCP_REQ]":     "tcp_request_sock",
	"&btf_sock_ids[BTF_SOCK_TYPE_TCP_TW]":      "tcp_timewait_sock",
	"&btf_sock_ids[BTF_SOCK_TYPE_UDP6]":        "udp6_sock",
	"&btf_sock_ids[BTF_SOCK_TYPE_UNIX]":        "unix_sock",
	"BPF_PTR_POISON":                           BTFPoison,
}

// cSizes are the arg_size expressions of the 6.12 prototypes.
var cSizes = map[string]int{
	"sizeof(s64)": 8, "sizeof(u64)": 8, "sizeof(u32)": 4,
	"sizeof(struct iphdr)": 20, "sizeof(struct ipv6hdr)": 40, "sizeof(struct tcphdr)": 20,
}

// TestKernelProtos reads every const struct bpf_func_proto of kernel/ and
// net/ and compares it with the prototype of the same name here.
func TestKernelProtos(t *testing.T) {
	root := linuxSource(t)
	vals := kernelTypes(t, readSource(t, filepath.Join(root, "include/linux/bpf.h")))
	byName := map[string]*kernelProto{}
	for _, kp := range allProtos {
		if byName[kp.proto.Kernel] != nil {
			t.Errorf("%s twice", kp.proto.Kernel)
		}
		byName[kp.proto.Kernel] = kp
	}
	def := regexp.MustCompile(`(?s)(?:static\s+)?const\s+struct\s+bpf_func_proto\s+(\w+)\s*=\s*\{(.*?)\n\};`)
	field := regexp.MustCompile(`\.(\w+)\s*=\s*([^,]+)`)
	comment := regexp.MustCompile(`(?s)/\*.*?\*/`)
	seen := map[string]bool{}
	for _, dir := range []string{"kernel", "net"} {
		err := filepath.WalkDir(filepath.Join(root, dir), func(path string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() || !strings.HasSuffix(path, ".c") {
				return err
			}
			src := readSource(t, path)
			if !strings.Contains(src, "bpf_func_proto") {
				return nil
			}
			for _, m := range def.FindAllStringSubmatch(src, -1) {
				name := m[1]
				seen[name] = true
				kp := byName[name]
				if kp == nil {
					t.Errorf("%s (%s) is missing", name, path)
					continue
				}
				want := Proto{Kernel: name}
				for _, f := range field.FindAllStringSubmatch(comment.ReplaceAllString(m[2], ""), -1) {
					key, v := f[1], strings.Join(strings.Fields(f[2]), " ")
					n := 0
					if len(key) > 4 && strings.HasPrefix(key, "arg") {
						n = int(key[3] - '1')
					}
					switch {
					case key == "func":
					case key == "gpl_only":
						want.GPLOnly = v == "true"
					case key == "pkt_access":
						want.PktAccess = v == "true"
					case key == "might_sleep":
						want.MightSleep = v == "true"
					case key == "allow_fastcall":
						want.Fastcall = v == "true"
					case key == "allowed":
						want.Allowed = v
					case key == "ret_type":
						x, ok := evalType(vals, v)
						if !ok {
							t.Errorf("%s: ret_type %s", name, v)
						}
						want.Ret = RetType(x)
					case key == "ret_btf_id":
						want.RetBTFName = btfIDNames[v]
					case strings.HasSuffix(key, "_type"):
						x, ok := evalType(vals, v)
						if !ok {
							t.Errorf("%s: %s %s", name, key, v)
						}
						want.Args[n] = ArgType(x)
					case strings.HasSuffix(key, "_btf_id"):
						want.ArgBTFName[n] = btfIDNames[v]
					case strings.HasSuffix(key, "_size"):
						want.ArgSize[n] = cSizes[v]
					default:
						t.Errorf("%s: unknown field .%s", name, key)
					}
				}
				if kp.proto != want {
					t.Errorf("%s:\n kernel %v\n callx  %v", name, want, kp.proto)
				}
			}
			return nil
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	for name, kp := range byName {
		if !seen[name] && !strings.HasPrefix(name, "rc_") { // rc_*: drivers/media/rc/bpf-lirc.c
			t.Errorf("%s (helper %s) is not in the kernel's sources", name, Name(kp.id))
		}
	}
}

// TestKernelFuncProtoSwitches reads the switches of the kernel's
// get_func_proto functions and compares them with the layers: a case that
// only returns a prototype must give that prototype, a case with
// conditions must be a condition (or a privilege check) here, and every id
// a layer decides must be a case of its function.
func TestKernelFuncProtoSwitches(t *testing.T) {
	root := linuxSource(t)
	var sources []string
	for _, dir := range []string{"kernel", "net"} {
		err := filepath.WalkDir(filepath.Join(root, dir), func(path string, d fs.DirEntry, err error) error {
			if err == nil && !d.IsDir() && strings.HasSuffix(path, ".c") {
				if src := readSource(t, path); strings.Contains(src, "enum bpf_func_id func_id") {
					sources = append(sources, src)
				}
			}
			return err
		})
		if err != nil {
			t.Fatal(err)
		}
	}
	ids := map[string]ID{}
	for id, n := range funcNames {
		ids[n] = ID(id)
	}
	layers := map[*layer]bool{}
	for _, chain := range chains {
		for _, l := range chain {
			layers[l] = true
		}
	}
	caseRE := regexp.MustCompile(`^case BPF_FUNC_(\w+):$`)
	retRE := regexp.MustCompile(`^return &(\w+);$`)
	calls := map[string]string{ // proto-returning functions with one answer
		"return bpf_get_trace_printk_proto();":  "bpf_trace_printk_proto",
		"return bpf_get_trace_vprintk_proto();": "bpf_trace_vprintk_proto",
	}
	for l := range layers {
		if l.fn == "bpf_iter_get_func_proto" { // a loop over the iterator targets
			continue
		}
		var body string
		head := regexp.MustCompile(`\n` + l.fn + `\(enum bpf_func_id func_id,\s*const struct bpf_prog \*prog\)\n\{`)
		for _, src := range sources { // the strong definition, not a __weak one
			if loc := head.FindStringIndex(src); loc != nil {
				b := src[loc[1]:]
				if b = b[:strings.Index(b, "\n}\n")]; strings.Count(b, "case ") > strings.Count(body, "case ") {
					body = b
				}
			}
		}
		if body == "" {
			if l.fn != "lirc_mode2_func_proto" { // drivers/media/rc/bpf-lirc.c
				t.Errorf("%s: not in the sources", l.fn)
			}
			continue
		}
		cases := map[ID]string{} // "" for a case with conditions
		var pending []ID
		var stmts []string
		flush := func() {
			ans := ""
			if len(stmts) == 1 {
				if m := retRE.FindStringSubmatch(stmts[0]); m != nil {
					ans = m[1]
				} else if stmts[0] == "return NULL;" {
					ans = "NULL"
				} else {
					ans = calls[stmts[0]]
				}
			}
			for _, id := range pending {
				cases[id] = ans
			}
			pending, stmts = nil, nil
		}
		for _, line := range strings.Split(body, "\n") {
			line = strings.TrimSpace(line)
			switch {
			case line == "" || strings.HasPrefix(line, "#") || strings.HasPrefix(line, "/*") || strings.HasPrefix(line, "*"):
			case caseRE.MatchString(line):
				if len(stmts) > 0 {
					flush()
				}
				pending = append(pending, ids[caseRE.FindStringSubmatch(line)[1]])
			case strings.HasPrefix(line, "default:") || line == "}" || strings.HasPrefix(line, "switch"):
				flush()
			default:
				if len(pending) > 0 {
					stmts = append(stmts, line)
				}
			}
		}
		for id, ans := range cases {
			kp, fixed := l.ids[id]
			_, cond := l.cond[id]
			switch {
			case !fixed && !cond:
				t.Errorf("%s: case %s is missing", l.fn, Name(id))
			case ans == "":
				// conditions: privileges and lockdown (fixed here) or the program (cond)
			case ans == "NULL":
				if !fixed || kp != nil {
					t.Errorf("%s: case %s is NULL in the kernel", l.fn, Name(id))
				}
			case cond:
				t.Errorf("%s: case %s is %s in the kernel, conditional here", l.fn, Name(id), ans)
			case kp == nil || kp.proto.Kernel != ans:
				t.Errorf("%s: case %s is %s in the kernel, %v here", l.fn, Name(id), ans, kp)
			}
		}
		for id := range l.ids {
			if _, ok := cases[id]; !ok {
				t.Errorf("%s: %s is not a case in the kernel", l.fn, Name(id))
			}
		}
		for id := range l.cond {
			if _, ok := cases[id]; !ok {
				t.Errorf("%s: %s is not a case in the kernel", l.fn, Name(id))
			}
		}
	}
}
