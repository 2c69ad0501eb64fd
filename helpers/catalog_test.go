package helpers

import "testing"

// TestCatalogHandChecked compares catalogue entries with the Linux 6.12
// sources, read by hand: the uapi id, the name and the prototype.
func TestCatalogHandChecked(t *testing.T) {
	for _, tt := range []struct {
		c     ID
		id    int
		name  string
		proto string
	}{
		{FuncMapLookupElem, 1, "map_lookup_elem", "RET_PTR_TO_MAP_VALUE|PTR_MAYBE_NULL (ARG_CONST_MAP_PTR, ARG_PTR_TO_MAP_KEY) pkt_access"},
		{FuncMapUpdateElem, 2, "map_update_elem", "RET_INTEGER (ARG_CONST_MAP_PTR, ARG_PTR_TO_MAP_KEY, ARG_PTR_TO_MAP_VALUE, ARG_ANYTHING) pkt_access"},
		{FuncProbeRead, 4, "probe_read", "RET_INTEGER (ARG_PTR_TO_MEM|MEM_UNINIT|MEM_WRITE, ARG_CONST_SIZE_OR_ZERO, ARG_ANYTHING) gpl_only"},
		{FuncKtimeGetNs, 5, "ktime_get_ns", "RET_INTEGER ()"},
		{FuncTracePrintk, 6, "trace_printk", "RET_INTEGER (ARG_PTR_TO_MEM|MEM_RDONLY, ARG_CONST_SIZE) gpl_only"},
		{FuncGetSMPProcessorID, 8, "get_smp_processor_id", "RET_INTEGER () allow_fastcall"},
		{FuncSKBStoreBytes, 9, "skb_store_bytes", "RET_INTEGER (ARG_PTR_TO_CTX, ARG_ANYTHING, ARG_PTR_TO_MEM|MEM_RDONLY, ARG_CONST_SIZE, ARG_ANYTHING)"},
		{FuncTailCall, 12, "tail_call", "RET_VOID (ARG_PTR_TO_CTX, ARG_CONST_MAP_PTR, ARG_ANYTHING)"},
		{FuncRedirect, 23, "redirect", "RET_INTEGER (ARG_ANYTHING, ARG_ANYTHING)"},
		{FuncPerfEventOutput, 25, "perf_event_output", "RET_INTEGER (ARG_PTR_TO_CTX, ARG_CONST_MAP_PTR, ARG_ANYTHING, ARG_PTR_TO_MEM|MEM_RDONLY, ARG_CONST_SIZE_OR_ZERO) gpl_only"},
		{FuncSKBLoadBytes, 26, "skb_load_bytes", "RET_INTEGER (ARG_PTR_TO_CTX, ARG_ANYTHING, ARG_PTR_TO_MEM|MEM_UNINIT|MEM_WRITE, ARG_CONST_SIZE)"},
		{FuncCsumDiff, 28, "csum_diff", "RET_INTEGER (ARG_PTR_TO_MEM|PTR_MAYBE_NULL|MEM_RDONLY, ARG_CONST_SIZE_OR_ZERO, ARG_PTR_TO_MEM|PTR_MAYBE_NULL|MEM_RDONLY, ARG_CONST_SIZE_OR_ZERO, ARG_ANYTHING) pkt_access"},
		{FuncXDPAdjustHead, 44, "xdp_adjust_head", "RET_INTEGER (ARG_PTR_TO_CTX, ARG_ANYTHING)"},
		{FuncRedirectMap, 51, "redirect_map", "RET_INTEGER (ARG_CONST_MAP_PTR, ARG_ANYTHING, ARG_ANYTHING)"},
		{FuncGetLocalStorage, 81, "get_local_storage", "RET_PTR_TO_MAP_VALUE (ARG_CONST_MAP_PTR, ARG_ANYTHING)"},
		{FuncSkLookupTCP, 84, "sk_lookup_tcp", "RET_PTR_TO_SOCKET|PTR_MAYBE_NULL (ARG_PTR_TO_CTX, ARG_PTR_TO_MEM|MEM_RDONLY, ARG_CONST_SIZE_OR_ZERO, ARG_ANYTHING, ARG_ANYTHING) pkt_access"},
		{FuncSkRelease, 86, "sk_release", "RET_INTEGER (ARG_PTR_TO_BTF_ID_SOCK_COMMON|OBJ_RELEASE)"},
		{FuncMapPopElem, 88, "map_pop_elem", "RET_INTEGER (ARG_CONST_MAP_PTR, ARG_PTR_TO_MAP_VALUE|MEM_UNINIT|MEM_WRITE)"},
		{FuncSpinLock, 93, "spin_lock", "RET_VOID (ARG_PTR_TO_SPIN_LOCK<BPF_PTR_POISON>)"},
		{FuncTCPSock, 96, "tcp_sock", "RET_PTR_TO_TCP_SOCK|PTR_MAYBE_NULL (ARG_PTR_TO_SOCK_COMMON)"},
		{FuncStrtol, 105, "strtol", "RET_INTEGER (ARG_PTR_TO_MEM|MEM_RDONLY, ARG_CONST_SIZE, ARG_ANYTHING, ARG_PTR_TO_MEM|MEM_UNINIT|MEM_FIXED_SIZE|MEM_ALIGNED|MEM_WRITE[8])"},
		{FuncSkStorageGet, 107, "sk_storage_get", "RET_PTR_TO_MAP_VALUE|PTR_MAYBE_NULL (ARG_CONST_MAP_PTR, ARG_PTR_TO_BTF_ID_SOCK_COMMON, ARG_PTR_TO_MAP_VALUE|PTR_MAYBE_NULL, ARG_ANYTHING)"},
		{FuncSKBOutput, 111, "skb_output", "RET_INTEGER (ARG_PTR_TO_BTF_ID<sk_buff>, ARG_CONST_MAP_PTR, ARG_ANYTHING, ARG_PTR_TO_MEM|MEM_RDONLY, ARG_CONST_SIZE_OR_ZERO) gpl_only"},
		{FuncProbeReadKernel, 113, "probe_read_kernel", "RET_INTEGER (ARG_PTR_TO_MEM|MEM_UNINIT|MEM_WRITE, ARG_CONST_SIZE_OR_ZERO, ARG_ANYTHING) gpl_only"},
		{FuncRingbufReserve, 131, "ringbuf_reserve", "RET_PTR_TO_MEM|PTR_MAYBE_NULL|MEM_RINGBUF (ARG_CONST_MAP_PTR, ARG_CONST_ALLOC_SIZE_OR_ZERO, ARG_ANYTHING)"},
		{FuncRingbufSubmit, 132, "ringbuf_submit", "RET_VOID (ARG_PTR_TO_RINGBUF_MEM|OBJ_RELEASE, ARG_ANYTHING)"},
		{FuncSkcToTCPSock, 137, "skc_to_tcp_sock", "RET_PTR_TO_BTF_ID|PTR_MAYBE_NULL<tcp_sock> (ARG_PTR_TO_BTF_ID_SOCK_COMMON)"},
		{FuncDPath, 147, "d_path", "RET_INTEGER (ARG_PTR_TO_BTF_ID<path>, ARG_PTR_TO_MEM, ARG_CONST_SIZE_OR_ZERO) allowed=bpf_d_path_allowed"},
		{FuncCopyFromUser, 148, "copy_from_user", "RET_INTEGER (ARG_PTR_TO_MEM|MEM_UNINIT|MEM_WRITE, ARG_CONST_SIZE_OR_ZERO, ARG_ANYTHING) might_sleep"},
		{FuncPerCPUPtr, 153, "per_cpu_ptr", "RET_PTR_TO_MEM_OR_BTF_ID|PTR_MAYBE_NULL|MEM_RDONLY (ARG_PTR_TO_PERCPU_BTF_ID, ARG_ANYTHING)"},
		{FuncTaskStorageGet, 156, "task_storage_get", "RET_PTR_TO_MAP_VALUE|PTR_MAYBE_NULL (ARG_CONST_MAP_PTR, ARG_PTR_TO_BTF_ID|PTR_MAYBE_NULL<task_struct>, ARG_PTR_TO_MAP_VALUE|PTR_MAYBE_NULL, ARG_ANYTHING)"},
		{FuncGetCurrentTaskBTF, 158, "get_current_task_btf", "RET_PTR_TO_BTF_ID|PTR_TRUSTED<task_struct> () gpl_only"},
		{FuncKtimeGetCoarseNs, 160, "ktime_get_coarse_ns", "RET_INTEGER ()"},
		{FuncCheckMTU, 163, "check_mtu", "RET_INTEGER (ARG_PTR_TO_CTX, ARG_ANYTHING, ARG_PTR_TO_MEM|MEM_FIXED_SIZE|MEM_ALIGNED|MEM_WRITE[4], ARG_ANYTHING, ARG_ANYTHING) gpl_only"},
		{FuncForEachMapElem, 164, "for_each_map_elem", "RET_INTEGER (ARG_CONST_MAP_PTR, ARG_PTR_TO_FUNC, ARG_PTR_TO_STACK|PTR_MAYBE_NULL, ARG_ANYTHING)"},
		{FuncSnprintf, 165, "snprintf", "RET_INTEGER (ARG_PTR_TO_MEM|PTR_MAYBE_NULL, ARG_CONST_SIZE_OR_ZERO, ARG_PTR_TO_CONST_STR, ARG_PTR_TO_MEM|PTR_MAYBE_NULL|MEM_RDONLY, ARG_CONST_SIZE_OR_ZERO) gpl_only"},
		{FuncTimerSetCallback, 170, "timer_set_callback", "RET_INTEGER (ARG_PTR_TO_TIMER, ARG_PTR_TO_FUNC) gpl_only"},
		{FuncLoop, 181, "loop", "RET_INTEGER (ARG_SCALAR, ARG_PTR_TO_FUNC, ARG_PTR_TO_STACK|PTR_MAYBE_NULL, ARG_ANYTHING)"},
		{FuncKptrXchg, 194, "kptr_xchg", "RET_PTR_TO_BTF_ID|PTR_MAYBE_NULL<BPF_PTR_POISON> (ARG_KPTR_XCHG_DEST, ARG_PTR_TO_BTF_ID|PTR_MAYBE_NULL|OBJ_RELEASE<BPF_PTR_POISON>)"},
		{FuncDynptrFromMem, 197, "dynptr_from_mem", "RET_INTEGER (ARG_PTR_TO_MEM|MEM_UNINIT|MEM_WRITE, ARG_CONST_SIZE_OR_ZERO, ARG_ANYTHING, ARG_PTR_TO_DYNPTR|MEM_UNINIT|DYNPTR_TYPE_LOCAL|MEM_WRITE)"},
		{FuncDynptrData, 203, "dynptr_data", "RET_PTR_TO_MEM|PTR_MAYBE_NULL (ARG_PTR_TO_DYNPTR|MEM_RDONLY, ARG_ANYTHING, ARG_CONST_ALLOC_SIZE_OR_ZERO)"},
		{FuncTCPRawCheckSyncookieIPv6, 207, "tcp_raw_check_syncookie_ipv6", "RET_INTEGER (ARG_PTR_TO_MEM|MEM_FIXED_SIZE[40], ARG_PTR_TO_MEM|MEM_FIXED_SIZE[20]) gpl_only pkt_access"},
		{FuncCgrpStorageDelete, 211, "cgrp_storage_delete", "RET_INTEGER (ARG_CONST_MAP_PTR, ARG_PTR_TO_BTF_ID|PTR_MAYBE_NULL<cgroup>)"},
	} {
		if int(tt.c) != tt.id {
			t.Errorf("%s: constant is %d, want %d", tt.name, tt.c, tt.id)
		}
		h, err := Catalog().Lookup(ID(tt.id))
		if err != nil {
			t.Errorf("%d: %v", tt.id, err)
			continue
		}
		if h.Name != tt.name || Name(h.ID) != "bpf_"+tt.name {
			t.Errorf("%d: name %q (%s), want %q", tt.id, h.Name, Name(h.ID), tt.name)
		}
		if got := h.Proto.String(); got != tt.proto {
			t.Errorf("%s:\n got %s\nwant %s", tt.name, got, tt.proto)
		}
	}
}

func TestCatalogShape(t *testing.T) {
	all := Catalog().All()
	if len(all) != int(MaxFuncID)-1 {
		t.Fatalf("catalogue has %d helpers, want %d", len(all), MaxFuncID-1)
	}
	impl := map[ID]bool{}
	for _, h := range implemented {
		impl[h.ID] = true
	}
	for i, h := range all {
		id := ID(i + 1)
		if h.ID != id || h.Name != funcNames[id] || h.Name == "" {
			t.Errorf("entry %d is %d %q", id, h.ID, h.Name)
		}
		if kp := catalog[id]; kp.id != id || h.Proto != kp.proto {
			t.Errorf("%s: catalogue prototype %s is helper %d's", Name(id), kp.proto.Kernel, kp.id)
		}
		if (h.Fn != nil) != impl[id] {
			t.Errorf("%s: Fn set %v, implemented %v", Name(id), h.Fn != nil, impl[id])
		}
	}
	if _, err := Catalog().Lookup(FuncUnspec); err == nil {
		t.Error("the catalogue has bpf_unspec")
	}
}

// TestDefaultMatchesCatalog checks that every helper callx implements has
// the catalogue's name and prototype for its id.
func TestDefaultMatchesCatalog(t *testing.T) {
	cat := Catalog()
	seen := map[ID]bool{}
	for _, h := range Default().All() {
		c, err := cat.Lookup(h.ID)
		if err != nil {
			t.Errorf("%d %s: %v", h.ID, h.Name, err)
			continue
		}
		if h != c || h.Name != c.Name || h.Proto != c.Proto || h.Fn == nil {
			t.Errorf("%s: Default has %v, the catalogue %v", Name(h.ID), h, c)
		}
		if h.Proto != catalog[h.ID].proto {
			t.Errorf("%s: prototype %v, kernel %v", Name(h.ID), h.Proto, catalog[h.ID].proto)
		}
		seen[h.ID] = true
	}
	if len(seen) != len(implemented) {
		t.Errorf("Default has %d helpers, %d implemented", len(seen), len(implemented))
	}
}

func TestName(t *testing.T) {
	for _, tt := range []struct {
		id   ID
		want string
		in   bool
	}{
		{0, "bpf_unspec", true}, {1, "bpf_map_lookup_elem", true},
		{181, "bpf_loop", true}, {211, "bpf_cgrp_storage_delete", true},
		{212, "unknown", false}, {-1, "unknown", false}, {9999, "unknown", false},
	} {
		if got := Name(tt.id); got != tt.want || InRange(tt.id) != tt.in {
			t.Errorf("Name(%d) = %q, InRange %v; want %q, %v", tt.id, got, InRange(tt.id), tt.want, tt.in)
		}
	}
}

func TestUnknownError(t *testing.T) {
	for _, tt := range []struct {
		id   ID
		want string
	}{
		{9999, "invalid func unknown#9999"},
		{212, "invalid func unknown#212"},
		{-3, "invalid func unknown#-3"},
		{FuncSKBLoadBytesRelative, "helper bpf_skb_load_bytes_relative#68 is not implemented"},
	} {
		_, err := Default().Lookup(tt.id)
		if err == nil || err.Error() != tt.want {
			t.Errorf("Lookup(%d): %v, want %q", tt.id, err, tt.want)
		}
	}
}
