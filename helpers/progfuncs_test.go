package helpers

import (
	"errors"
	"testing"

	"github.com/callx/callx/loader"
)

// TestProtoFor checks which helpers program types get, and which of a
// helper's prototypes, against the Linux 6.12 get_func_proto functions.
func TestProtoFor(t *testing.T) {
	for _, tt := range []struct {
		prog   string
		id     ID
		kernel string // the prototype; "" when the kernel returns NULL
	}{
		// xdp
		{"xdp", FuncXDPAdjustHead, "bpf_xdp_adjust_head_proto"},
		{"xdp", FuncXDPAdjustMeta, "bpf_xdp_adjust_meta_proto"},
		{"xdp", FuncRedirect, "bpf_xdp_redirect_proto"},
		{"xdp", FuncRedirectMap, "bpf_xdp_redirect_map_proto"},
		{"xdp", FuncPerfEventOutput, "bpf_xdp_event_output_proto"},
		{"xdp", FuncGetSMPProcessorID, "bpf_get_smp_processor_id_proto"},
		{"xdp", FuncFIBLookup, "bpf_xdp_fib_lookup_proto"},
		{"xdp", FuncSkLookupTCP, "bpf_xdp_sk_lookup_tcp_proto"},
		{"xdp", FuncSkcToTCPSock, "bpf_skc_to_tcp_sock_proto"},
		{"xdp", FuncKtimeGetCoarseNs, "bpf_ktime_get_coarse_ns_proto"},
		{"xdp", FuncSKBLoadBytes, ""},
		{"xdp", FuncSKBStoreBytes, ""},
		{"xdp", FuncL3CsumReplace, ""},
		{"xdp", FuncProbeReadKernel, "bpf_probe_read_kernel_proto"}, // CAP_PERFMON: base
		{"xdp", FuncProbeRead, ""},
		{"xdp", FuncGetCurrentComm, ""},
		// socket filters
		{"socket", FuncSKBLoadBytes, "bpf_skb_load_bytes_proto"},
		{"socket", FuncSKBLoadBytesRelative, "bpf_skb_load_bytes_relative_proto"},
		{"socket", FuncGetSocketCookie, "bpf_get_socket_cookie_proto"},
		{"socket", FuncPerfEventOutput, "bpf_skb_event_output_proto"},
		{"socket", FuncGetSMPProcessorID, "bpf_get_raw_smp_processor_id_proto"},
		{"socket", FuncRedirect, ""},
		{"socket", FuncSKBStoreBytes, ""},
		{"socket", FuncXDPAdjustHead, ""},
		{"socket", FuncSkLookupTCP, ""},
		// tc
		{"tc", FuncSKBStoreBytes, "bpf_skb_store_bytes_proto"},
		{"tc", FuncSKBPullData, "bpf_skb_pull_data_proto"},
		{"tc", FuncRedirect, "bpf_redirect_proto"},
		{"tc", FuncSkLookupTCP, "bpf_tc_sk_lookup_tcp_proto"},
		{"tc", FuncFIBLookup, "bpf_skb_fib_lookup_proto"},
		{"tc", FuncCheckMTU, "bpf_skb_check_mtu_proto"},
		{"tc", FuncSkAssign, "bpf_sk_assign_proto"},
		{"tc", FuncSKBCgroupClassid, "bpf_skb_cgroup_classid_proto"},
		{"action", FuncCsumLevel, "bpf_csum_level_proto"},
		{"tc", FuncXDPAdjustHead, ""},
		{"tc", FuncRedirectMap, ""},
		{"tc", FuncGetCurrentPIDTGID, "bpf_get_current_pid_tgid_proto"},
		{"tc", FuncGetCurrentUIDGID, ""},
		// base helpers everywhere (privileged)
		{"sk_msg", FuncMapLookupElem, "bpf_map_lookup_elem_proto"},
		{"cgroup_sysctl", FuncLoop, "bpf_loop_proto"},
		{"sk_lookup", FuncSpinLock, "bpf_spin_lock_proto"},
		{"netfilter", FuncTracePrintk, "bpf_trace_printk_proto"},
		{"kprobe", FuncTailCall, "bpf_tail_call_proto"},
		{"struct_ops", FuncKptrXchg, "bpf_kptr_xchg_proto"},
		{"flow_dissector", FuncDynptrFromMem, "bpf_dynptr_from_mem_proto"},
		// ktime_get_coarse_ns is not a base helper
		{"socket", FuncKtimeGetCoarseNs, "bpf_ktime_get_coarse_ns_proto"}, // sk base
		{"cgroup_sock", FuncKtimeGetCoarseNs, "bpf_ktime_get_coarse_ns_proto"},
		{"kprobe", FuncKtimeGetCoarseNs, ""},
		{"fentry", FuncKtimeGetCoarseNs, ""},
		{"netfilter", FuncKtimeGetCoarseNs, ""},
		{"cgroup_device", FuncKtimeGetCoarseNs, ""},
		// tracing
		{"kprobe", FuncProbeReadKernel, "bpf_probe_read_kernel_proto"},
		{"kprobe", FuncProbeRead, "bpf_probe_read_compat_proto"},
		{"kprobe", FuncPerfEventOutput, "bpf_perf_event_output_proto"},
		{"kprobe", FuncGetStackid, "bpf_get_stackid_proto"},
		{"kprobe", FuncGetStack, "bpf_get_stack_proto"},
		{"kprobe", FuncOverrideReturn, "bpf_override_return_proto"},
		{"kprobe", FuncGetFuncIP, "bpf_get_func_ip_proto_kprobe"},
		{"kprobe", FuncGetAttachCookie, "bpf_get_attach_cookie_proto_trace"},
		{"kprobe", FuncGetSMPProcessorID, "bpf_get_smp_processor_id_proto"},
		{"kprobe", FuncTaskStorageGet, "bpf_task_storage_get_recur_proto"},
		{"kprobe", FuncSKBOutput, ""},
		{"kprobe", FuncSkcToTCPSock, ""},
		{"kprobe", FuncGetFuncArg, ""},
		{"kprobe", FuncSKBLoadBytes, ""},
		{"tracepoint", FuncPerfEventOutput, "bpf_perf_event_output_proto_tp"},
		{"tracepoint", FuncGetStackid, "bpf_get_stackid_proto_tp"},
		{"tracepoint", FuncOverrideReturn, ""},
		{"perf_event", FuncPerfEventOutput, "bpf_perf_event_output_proto_tp"},
		{"perf_event", FuncGetStackid, "bpf_get_stackid_proto_pe"},
		{"perf_event", FuncGetStack, "bpf_get_stack_proto_pe"},
		{"perf_event", FuncPerfProgReadValue, "bpf_perf_prog_read_value_proto"},
		{"perf_event", FuncReadBranchRecords, "bpf_read_branch_records_proto"},
		{"perf_event", FuncGetAttachCookie, "bpf_get_attach_cookie_proto_pe"},
		{"raw_tp", FuncGetStack, "bpf_get_stack_proto_raw_tp"},
		{"raw_tp", FuncGetAttachCookie, "bpf_get_attach_cookie_proto_tracing"},
		{"raw_tp.w", FuncPerfEventOutput, "bpf_perf_event_output_proto_raw_tp"},
		{"raw_tp", FuncSkcToTCPSock, ""},
		{"tp_btf", FuncGetAttachCookie, "bpf_get_attach_cookie_proto_tracing"},
		{"tp_btf", FuncGetFuncArg, ""},
		{"fentry", FuncGetFuncArg, "bpf_get_func_arg_proto"},
		{"fexit", FuncGetFuncRet, "bpf_get_func_ret_proto"},
		{"fmod_ret", FuncGetFuncArgCnt, "bpf_get_func_arg_cnt_proto"},
		{"fentry", FuncProbeReadKernel, "bpf_probe_read_kernel_proto"},
		{"fentry", FuncSKBOutput, "bpf_skb_output_proto"},
		{"fentry", FuncSkStorageGet, "bpf_sk_storage_get_tracing_proto"},
		{"fentry", FuncGetSocketCookie, "bpf_get_socket_ptr_cookie_proto"},
		{"fentry", FuncXDPGetBuffLen, "bpf_xdp_get_buff_len_trace_proto"},
		{"fentry", FuncGetStack, "bpf_get_stack_proto_raw_tp"},
		{"fentry", FuncGetFuncIP, "bpf_get_func_ip_proto_tracing"},
		{"fentry", FuncDPath, "bpf_d_path_proto"},
		{"fentry", FuncTaskStorageGet, "bpf_task_storage_get_recur_proto"},
		{"fentry", FuncSeqPrintf, ""},
		{"fentry", FuncOverrideReturn, ""},
		{"iter", FuncSeqPrintf, "bpf_seq_printf_proto"},
		{"iter", FuncSeqWrite, "bpf_seq_write_proto"},
		{"iter", FuncTaskStorageGet, "bpf_task_storage_get_proto"},
		{"iter", FuncGetFuncArg, ""},
		{"iter", FuncGetAttachCookie, ""},
		{"iter", FuncSetsockopt, ""},
		// cgroup
		{"cgroup_skb", FuncSkFullsock, "bpf_sk_fullsock_proto"},
		{"cgroup_skb", FuncSkLookupTCP, "bpf_sk_lookup_tcp_proto"},
		{"cgroup_skb", FuncSKBLoadBytes, "bpf_skb_load_bytes_proto"},
		{"cgroup_skb", FuncGetLocalStorage, "bpf_get_local_storage_proto"},
		{"cgroup_skb", FuncGetRetval, ""},
		{"cgroup_skb", FuncSetRetval, ""},
		{"cgroup_skb", FuncSKBStoreBytes, ""},
		{"cgroup_skb", FuncGetCurrentUIDGID, ""},
		{"cgroup_sock", FuncGetSocketCookie, "bpf_get_socket_cookie_sock_proto"},
		{"cgroup_sock", FuncSkStorageGet, "bpf_sk_storage_get_cg_sock_proto"},
		{"cgroup_sock", FuncSkStorageDelete, ""},
		{"cgroup_sock", FuncGetRetval, "bpf_get_retval_proto"},
		{"cgroup_sock", FuncGetCurrentComm, "bpf_get_current_comm_proto"},
		{"cgroup_sock", FuncGetCgroupClassid, "bpf_get_cgroup_classid_curr_proto"},
		{"cgroup_sock", FuncSkcToTCPSock, ""},
		{"cgroup_sock_addr", FuncBind, "bpf_bind_proto"},
		{"cgroup_sock_addr", FuncSetsockopt, "bpf_sock_addr_setsockopt_proto"},
		{"cgroup_sock_addr", FuncSkLookupUDP, "bpf_sock_addr_sk_lookup_udp_proto"},
		{"cgroup_sock_addr", FuncGetNetnsCookie, "bpf_get_netns_cookie_sock_addr_proto"},
		{"cgroup_sock_addr", FuncSkcToTCPSock, "bpf_skc_to_tcp_sock_proto"},
		{"sockops", FuncSetsockopt, "bpf_sock_ops_setsockopt_proto"},
		{"sockops", FuncSockMapUpdate, "bpf_sock_map_update_proto"},
		{"sockops", FuncLoadHdrOpt, "bpf_sock_ops_load_hdr_opt_proto"},
		{"sockops", FuncGetRetval, ""},
		{"sockops", FuncGetLocalStorage, "bpf_get_local_storage_proto"},
		{"sockops", FuncGetCurrentUIDGID, ""},
		{"cgroup_device", FuncPerfEventOutput, "bpf_event_output_data_proto"},
		{"cgroup_device", FuncGetRetval, "bpf_get_retval_proto"},
		{"cgroup_sysctl", FuncSysctlGetName, "bpf_sysctl_get_name_proto"},
		{"cgroup_sysctl", FuncStrtol, "bpf_strtol_proto"},
		{"cgroup_sockopt", FuncSetsockopt, "bpf_sk_setsockopt_proto"},
		{"cgroup_sockopt", FuncGetNetnsCookie, "bpf_get_netns_cookie_sockopt_proto"},
		// sk_skb, sk_msg, flow_dissector, lwt, sk_reuseport, sk_lookup, lirc
		{"sk_skb", FuncSKBPullData, "sk_skb_pull_data_proto"},
		{"sk_skb", FuncSKBAdjustRoom, "sk_skb_adjust_room_proto"},
		{"sk_skb", FuncSkRedirectMap, "bpf_sk_redirect_map_proto"},
		{"sk_skb", FuncRedirect, ""},
		{"sk_skb", FuncMsgRedirectMap, ""},
		{"sk_msg", FuncMsgRedirectHash, "bpf_msg_redirect_hash_proto"},
		{"sk_msg", FuncMsgPushData, "bpf_msg_push_data_proto"},
		{"sk_msg", FuncGetCgroupClassid, "bpf_get_cgroup_classid_curr_proto"},
		{"sk_msg", FuncSKBLoadBytes, ""},
		{"flow_dissector", FuncSKBLoadBytes, "bpf_flow_dissector_load_bytes_proto"},
		{"flow_dissector", FuncSKBLoadBytesRelative, ""},
		{"flow_dissector", FuncSkcToUDP6Sock, "bpf_skc_to_udp6_sock_proto"},
		{"lwt_in", FuncLWTPushEncap, "bpf_lwt_in_push_encap_proto"},
		{"lwt_in", FuncSKBStoreBytes, ""},
		{"lwt_out", FuncSKBPullData, "bpf_skb_pull_data_proto"},
		{"lwt_out", FuncLWTPushEncap, ""},
		{"lwt_xmit", FuncLWTPushEncap, "bpf_lwt_xmit_push_encap_proto"},
		{"lwt_xmit", FuncSKBStoreBytes, "bpf_skb_store_bytes_proto"},
		{"lwt_xmit", FuncCsumDiff, "bpf_csum_diff_proto"},
		{"lwt_seg6local", FuncSKBPullData, ""},
		{"lwt_seg6local", FuncLWTSeg6Action, "bpf_lwt_seg6_action_proto"},
		{"lwt_seg6local", FuncSKBLoadBytes, "bpf_skb_load_bytes_proto"},
		{"sk_reuseport", FuncSKBLoadBytes, "sk_reuseport_load_bytes_proto"},
		{"sk_reuseport", FuncSkSelectReuseport, "sk_select_reuseport_proto"},
		{"sk_reuseport", FuncSkcToTCPSock, ""},
		{"sk_lookup", FuncSkAssign, "bpf_sk_lookup_assign_proto"},
		{"sk_lookup", FuncSkcToTCPSock, "bpf_skc_to_tcp_sock_proto"},
		{"lirc_mode2", FuncRCKeydown, "rc_keydown_proto"},
		{"lirc_mode2", FuncMapPushElem, "bpf_map_push_elem_proto"},
		{"lirc_mode2", FuncLoop, ""},
		{"lirc_mode2", FuncMapLookupPercpuElem, ""},
		// lsm, syscall, struct_ops, freplace
		{"lsm", FuncInodeStorageGet, "bpf_inode_storage_get_proto"},
		{"lsm", FuncSkStorageGet, "bpf_sk_storage_get_proto"},
		{"lsm", FuncGetAttachCookie, "bpf_get_attach_cookie_proto"},
		{"lsm", FuncGetFuncArg, "bpf_get_func_arg_proto"},
		{"lsm", FuncTaskStorageGet, "bpf_task_storage_get_proto"},
		{"lsm", FuncGetLocalStorage, ""},
		{"lsm", FuncSetsockopt, ""},
		{"syscall", FuncSysBPF, "bpf_sys_bpf_proto"},
		{"syscall", FuncKallsymsLookupName, "bpf_kallsyms_lookup_name_proto"},
		{"syscall", FuncGetTaskStack, "bpf_get_task_stack_sleepable_proto"},
		{"syscall", FuncTaskStorageGet, "bpf_task_storage_get_recur_proto"},
		{"syscall", FuncGetAttachCookie, ""},
		{"fentry", FuncSysBPF, ""},
		{"struct_ops", FuncTCPSendAck, "bpf_tcp_send_ack_proto"},
		{"struct_ops", FuncSetsockopt, "bpf_sk_setsockopt_proto"},
		{"struct_ops", FuncProbeReadKernel, "bpf_probe_read_kernel_proto"},
		{"struct_ops", FuncSkcToTCPSock, ""},
		{"freplace", FuncMapLookupElem, "bpf_map_lookup_elem_proto"},
		{"freplace", FuncXDPAdjustHead, ""},
		// unknown program types and ids
		{"", FuncMapLookupElem, ""},
		{"xdp", FuncUnspec, ""},
		{"xdp", MaxFuncID, ""},
		{"xdp", -1, ""},
	} {
		h, ok := ProtoFor(tt.prog, tt.id)
		switch {
		case ok != (tt.kernel != ""):
			t.Errorf("%s, %s: got %v, want %q", tt.prog, Name(tt.id), h, tt.kernel)
		case ok && (h.Proto.Kernel != tt.kernel || h.ID != tt.id || h.Name != funcNames[tt.id]):
			t.Errorf("%s, %s: got %s (%s), want %s", tt.prog, Name(tt.id), h.Proto.Kernel, h, tt.kernel)
		}
	}
}

// TestProgHelper checks the answers that depend on more than the program
// type: attach types, sleepable programs, attach targets.
func TestProgHelper(t *testing.T) {
	for _, tt := range []struct {
		prog   Prog
		id     ID
		kernel string
	}{
		{Prog{Type: "kprobe", Sleepable: true}, FuncGetStack, "bpf_get_stack_sleepable_proto"},
		{Prog{Type: "kprobe", Sleepable: true}, FuncGetTaskStack, "bpf_get_task_stack_sleepable_proto"},
		{Prog{Type: "kprobe"}, FuncGetTaskStack, "bpf_get_task_stack_proto"},
		{Prog{Type: "kprobe", AttachType: AttachTraceKprobeMulti}, FuncGetFuncIP, "bpf_get_func_ip_proto_kprobe_multi"},
		{Prog{Type: "kprobe", AttachType: AttachTraceKprobeSession}, FuncGetAttachCookie, "bpf_get_attach_cookie_proto_kmulti"},
		{Prog{Type: "kprobe", AttachType: AttachTraceUprobeMulti}, FuncGetFuncIP, "bpf_get_func_ip_proto_uprobe_multi"},
		{Prog{Type: "kprobe", AttachType: AttachTraceUprobeMulti}, FuncGetAttachCookie, "bpf_get_attach_cookie_proto_umulti"},
		{Prog{Type: "cgroup_sock_addr", AttachType: AttachCgroupInet4Bind}, FuncBind, ""},
		{Prog{Type: "cgroup_sock_addr", AttachType: AttachCgroupInet6Connect}, FuncBind, "bpf_bind_proto"},
		{Prog{Type: "cgroup_sock_addr", AttachType: AttachCgroupInet4Bind}, FuncSetsockopt, "bpf_sock_addr_setsockopt_proto"},
		{Prog{Type: "cgroup_sock_addr", AttachType: AttachCgroupUnixGetpeername}, FuncGetsockopt, ""},
		{Prog{Type: "cgroup_sock_addr", AttachType: AttachCgroupUDP4Recvmsg}, FuncGetRetval, ""},
		{Prog{Type: "cgroup_sock_addr", AttachType: AttachCgroupUDP4Sendmsg}, FuncSetRetval, "bpf_set_retval_proto"},
		{Prog{Type: "cgroup_sockopt", AttachType: AttachCgroupGetsockopt}, FuncSetsockopt, ""},
		{Prog{Type: "cgroup_sockopt", AttachType: AttachCgroupGetsockopt}, FuncGetRetval, "bpf_get_retval_proto"},
		{Prog{Type: "cgroup_sock"}, FuncGetRetval, "bpf_get_retval_proto"}, // the kernel's BPF_CGROUP_INET_SOCK_CREATE
		{Prog{Type: "cgroup_skb", AttachType: AttachCgroupInetEgress}, FuncSetRetval, ""},
		{Prog{Type: "lsm", AttachType: AttachLSMCgroup}, FuncGetLocalStorage, "bpf_get_local_storage_proto"},
		{Prog{Type: "lsm", AttachType: AttachLSMCgroup}, FuncGetRetval, "bpf_get_retval_proto"},
		{Prog{Type: "lsm", AttachType: AttachLSMCgroup}, FuncGetAttachCookie, ""},
		{Prog{Type: "lsm", AttachType: AttachLSMCgroup}, FuncGetFuncArg, ""},
		{Prog{Type: "lsm", AttachType: AttachLSMCgroup, AttachTo: "sock_graft"}, FuncSetsockopt, "bpf_sk_setsockopt_proto"},
		{Prog{Type: "lsm", AttachType: AttachLSMCgroup, AttachTo: "socket_post_create"}, FuncGetsockopt, "bpf_unlocked_sk_getsockopt_proto"},
		{Prog{Type: "lsm", AttachType: AttachLSMCgroup, AttachTo: "file_open"}, FuncSetsockopt, ""},
		{Prog{Type: "lsm", AttachTo: "sock_graft"}, FuncSetsockopt, ""},
		{Prog{Type: "iter", AttachTo: "tcp"}, FuncSetsockopt, "bpf_sk_setsockopt_proto"},
		{Prog{Type: "iter", AttachTo: "unix"}, FuncGetsockopt, "bpf_sk_getsockopt_proto"},
		{Prog{Type: "iter", AttachTo: "task"}, FuncGetsockopt, ""},
		{Prog{Type: "iter", AttachTo: "tcp"}, FuncSeqPrintf, "bpf_seq_printf_proto"},
		{Prog{Type: "struct_ops", AttachTo: "release"}, FuncSetsockopt, ""},
		{Prog{Type: "struct_ops", AttachTo: "cong_avoid"}, FuncGetsockopt, "bpf_sk_getsockopt_proto"},
		{Prog{Type: "freplace", Target: "xdp"}, FuncXDPAdjustHead, "bpf_xdp_adjust_head_proto"},
		{Prog{Type: "freplace", Target: "tc"}, FuncXDPAdjustHead, ""},
		{Prog{Type: "fentry", AttachType: AttachTraceIter}, FuncSeqPrintf, ""}, // the type decides
	} {
		h, err := tt.prog.Helper(tt.id)
		got := ""
		if err == nil {
			got = h.Proto.Kernel
		}
		if got != tt.kernel {
			t.Errorf("%+v, %s: got %q (%v), want %q", tt.prog, Name(tt.id), got, err, tt.kernel)
		}
	}
}

func TestProgHelperErrors(t *testing.T) {
	for _, tt := range []struct {
		prog Prog
		id   ID
		want string
	}{
		{Prog{Type: "xdp"}, FuncSKBLoadBytes, "program of this type cannot use helper bpf_skb_load_bytes#26"},
		{Prog{Type: "socket"}, FuncRedirect, "program of this type cannot use helper bpf_redirect#23"},
		{Prog{Type: "xdp"}, FuncUnspec, "program of this type cannot use helper bpf_unspec#0"},
		{Prog{Type: "xdp"}, 212, "invalid func unknown#212"},
		{Prog{Type: "xdp"}, -5, "invalid func unknown#-5"},
	} {
		_, err := tt.prog.Helper(tt.id)
		if err == nil || err.Error() != tt.want {
			t.Errorf("%+v, %d: %v, want %q", tt.prog, tt.id, err, tt.want)
		}
	}
	_, err := Prog{Type: "xdp"}.Helper(FuncRedirect + 1000)
	var ue *UnknownError
	if !errors.As(err, &ue) {
		t.Errorf("out of range: %T", err)
	}
	_, err = Prog{Type: "xdp"}.Helper(FuncSKBLoadBytes)
	var ne *UnavailableError
	if !errors.As(err, &ne) || ne.ID != FuncSKBLoadBytes || ne.ProgType != "xdp" {
		t.Errorf("unavailable: %#v", err)
	}
}

// TestProtoForImplementation checks that ProtoFor gives callx's
// implementation with every prototype of an implemented helper.
func TestProtoForImplementation(t *testing.T) {
	impl := map[ID]*Helper{}
	for _, h := range implemented {
		impl[h.ID] = h
	}
	for _, prog := range []string{"xdp", "tc", "socket", "kprobe", "fentry", "flow_dissector"} {
		for id := ID(1); id < MaxFuncID; id++ {
			h, ok := ProtoFor(prog, id)
			if !ok {
				continue
			}
			if (h.Fn != nil) != (impl[id] != nil) {
				t.Errorf("%s, %s: Fn set %v", prog, Name(id), h.Fn != nil)
			}
			if h.Proto == catalog[id].proto && impl[id] != nil && h != impl[id] {
				t.Errorf("%s, %s: not the implemented helper", prog, Name(id))
			}
		}
	}
	xdp, _ := ProtoFor("xdp", FuncRedirect)
	tc, _ := ProtoFor("tc", FuncRedirect)
	if xdp == tc || xdp.Fn == nil || tc != redirect {
		t.Errorf("redirect: xdp %v, tc %v", xdp, tc)
	}
}

// TestLayers checks that every answer of every layer is a prototype of
// the id it answers for.
func TestLayers(t *testing.T) {
	progs := []Prog{{}, {Sleepable: true}, {AttachType: AttachTraceKprobeMulti}, {AttachType: AttachTraceUprobeMulti},
		{AttachType: AttachCgroupInet4Connect}, {AttachType: AttachCgroupSetsockopt}, {AttachType: AttachLSMCgroup, AttachTo: "sock_graft"}}
	for name, chain := range chains {
		for _, l := range chain {
			for id, kp := range l.ids {
				if kp != nil && kp.id != id {
					t.Errorf("%s %s: %s answers %s", name, l.fn, kp.proto.Kernel, Name(id))
				}
			}
			for id, c := range l.cond {
				for _, p := range progs {
					p.Type = name
					if kp := c(&p); kp != nil && kp.id != id {
						t.Errorf("%s %s: %s answers %s", name, l.fn, kp.proto.Kernel, Name(id))
					}
				}
			}
		}
	}
}

// TestEveryProtoReachable checks that some program gets each of the
// kernel's prototypes.
func TestEveryProtoReachable(t *testing.T) {
	var progs []Prog
	for name := range chains {
		progs = append(progs, DefaultProg(name))
	}
	progs = append(progs,
		Prog{Type: "kprobe", Sleepable: true},
		Prog{Type: "kprobe", AttachType: AttachTraceKprobeMulti},
		Prog{Type: "kprobe", AttachType: AttachTraceUprobeMulti},
		Prog{Type: "lsm", AttachType: AttachLSMCgroup, AttachTo: "sock_graft"},
		Prog{Type: "lsm", AttachType: AttachLSMCgroup, AttachTo: "socket_post_create"},
	)
	got := map[*kernelProto]bool{}
	for _, p := range progs {
		for id := ID(0); id < MaxFuncID; id++ {
			if kp := p.lookup(id); kp != nil {
				got[kp] = true
			}
		}
	}
	for _, kp := range allProtos {
		if !got[kp] {
			t.Errorf("no program gets %s (%s)", kp.proto.Kernel, Name(kp.id))
		}
	}
}

// TestLoaderProgTypes checks that every program type the loader gives is
// one Prog knows.
func TestLoaderProgTypes(t *testing.T) {
	for _, pt := range []loader.ProgType{
		loader.ProgSocket, loader.ProgKprobe, loader.ProgTC, loader.ProgAction, loader.ProgTracepoint,
		loader.ProgXDP, loader.ProgPerfEvent, loader.ProgCgroupSKB, loader.ProgCgroupSock,
		loader.ProgLWTIn, loader.ProgLWTOut, loader.ProgLWTXmit, loader.ProgSockOps, loader.ProgSKSKB,
		loader.ProgCgroupDevice, loader.ProgSKMsg, loader.ProgRawTP, loader.ProgCgroupSockAddr,
		loader.ProgLWTSeg6Local, loader.ProgLircMode2, loader.ProgSKReuseport, loader.ProgFlowDissector,
		loader.ProgCgroupSysctl, loader.ProgRawTPWritable, loader.ProgCgroupSockopt, loader.ProgTPBTF,
		loader.ProgFentry, loader.ProgFexit, loader.ProgFmodRet, loader.ProgIter, loader.ProgStructOps,
		loader.ProgFreplace, loader.ProgLSM, loader.ProgSKLookup, loader.ProgSyscall, loader.ProgNetfilter,
	} {
		if !KnownType(string(pt)) {
			t.Errorf("program type %q is unknown", pt)
		}
		if _, ok := ProtoFor(string(pt), FuncMapLookupElem); !ok {
			t.Errorf("%s cannot use map_lookup_elem", pt)
		}
	}
	if KnownType(string(loader.ProgUnknown)) {
		t.Error("the unknown program type is known")
	}
}

func TestChangesPktData(t *testing.T) {
	for id, want := range map[ID]bool{
		FuncSKBStoreBytes: true, FuncXDPAdjustHead: true, FuncTailCall: true, FuncMsgPushData: true,
		FuncSKBLoadBytes: false, FuncMapLookupElem: false, FuncRedirect: false, FuncXDPStoreBytes: false,
	} {
		if ChangesPktData(id) != want {
			t.Errorf("ChangesPktData(%s) = %v", Name(id), !want)
		}
	}
	for id := range changesPktData {
		if kp := catalog[id]; kp.proto.Args[0] != ArgPtrToCtx && id != FuncTailCall {
			t.Errorf("%s changes packet data but its r1 is %v", Name(id), kp.proto.Args[0])
		}
	}
}
