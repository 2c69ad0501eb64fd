package helpers

// This file lists the kernel's helper ids (enum bpf_func_id, from
// ___BPF_FUNC_MAPPER in include/uapi/linux/bpf.h of Linux 6.12) and their
// names, as the verifier log prints them (func_id_name).

// Helper ids, as enum bpf_func_id: FuncMapLookupElem is BPF_FUNC_map_lookup_elem.
const (
	FuncUnspec                     ID = 0   // BPF_FUNC_unspec
	FuncMapLookupElem              ID = 1   // BPF_FUNC_map_lookup_elem
	FuncMapUpdateElem              ID = 2   // BPF_FUNC_map_update_elem
	FuncMapDeleteElem              ID = 3   // BPF_FUNC_map_delete_elem
	FuncProbeRead                  ID = 4   // BPF_FUNC_probe_read
	FuncKtimeGetNs                 ID = 5   // BPF_FUNC_ktime_get_ns
	FuncTracePrintk                ID = 6   // BPF_FUNC_trace_printk
	FuncGetPrandomU32              ID = 7   // BPF_FUNC_get_prandom_u32
	FuncGetSMPProcessorID          ID = 8   // BPF_FUNC_get_smp_processor_id
	FuncSKBStoreBytes              ID = 9   // BPF_FUNC_skb_store_bytes
	FuncL3CsumReplace              ID = 10  // BPF_FUNC_l3_csum_replace
	FuncL4CsumReplace              ID = 11  // BPF_FUNC_l4_csum_replace
	FuncTailCall                   ID = 12  // BPF_FUNC_tail_call
	FuncCloneRedirect              ID = 13  // BPF_FUNC_clone_redirect
	FuncGetCurrentPIDTGID          ID = 14  // BPF_FUNC_get_current_pid_tgid
	FuncGetCurrentUIDGID           ID = 15  // BPF_FUNC_get_current_uid_gid
	FuncGetCurrentComm             ID = 16  // BPF_FUNC_get_current_comm
	FuncGetCgroupClassid           ID = 17  // BPF_FUNC_get_cgroup_classid
	FuncSKBVLANPush                ID = 18  // BPF_FUNC_skb_vlan_push
	FuncSKBVLANPop                 ID = 19  // BPF_FUNC_skb_vlan_pop
	FuncSKBGetTunnelKey            ID = 20  // BPF_FUNC_skb_get_tunnel_key
	FuncSKBSetTunnelKey            ID = 21  // BPF_FUNC_skb_set_tunnel_key
	FuncPerfEventRead              ID = 22  // BPF_FUNC_perf_event_read
	FuncRedirect                   ID = 23  // BPF_FUNC_redirect
	FuncGetRouteRealm              ID = 24  // BPF_FUNC_get_route_realm
	FuncPerfEventOutput            ID = 25  // BPF_FUNC_perf_event_output
	FuncSKBLoadBytes               ID = 26  // BPF_FUNC_skb_load_bytes
	FuncGetStackid                 ID = 27  // BPF_FUNC_get_stackid
	FuncCsumDiff                   ID = 28  // BPF_FUNC_csum_diff
	FuncSKBGetTunnelOpt            ID = 29  // BPF_FUNC_skb_get_tunnel_opt
	FuncSKBSetTunnelOpt            ID = 30  // BPF_FUNC_skb_set_tunnel_opt
	FuncSKBChangeProto             ID = 31  // BPF_FUNC_skb_change_proto
	FuncSKBChangeType              ID = 32  // BPF_FUNC_skb_change_type
	FuncSKBUnderCgroup             ID = 33  // BPF_FUNC_skb_under_cgroup
	FuncGetHashRecalc              ID = 34  // BPF_FUNC_get_hash_recalc
	FuncGetCurrentTask             ID = 35  // BPF_FUNC_get_current_task
	FuncProbeWriteUser             ID = 36  // BPF_FUNC_probe_write_user
	FuncCurrentTaskUnderCgroup     ID = 37  // BPF_FUNC_current_task_under_cgroup
	FuncSKBChangeTail              ID = 38  // BPF_FUNC_skb_change_tail
	FuncSKBPullData                ID = 39  // BPF_FUNC_skb_pull_data
	FuncCsumUpdate                 ID = 40  // BPF_FUNC_csum_update
	FuncSetHashInvalid             ID = 41  // BPF_FUNC_set_hash_invalid
	FuncGetNUMANodeID              ID = 42  // BPF_FUNC_get_numa_node_id
	FuncSKBChangeHead              ID = 43  // BPF_FUNC_skb_change_head
	FuncXDPAdjustHead              ID = 44  // BPF_FUNC_xdp_adjust_head
	FuncProbeReadStr               ID = 45  // BPF_FUNC_probe_read_str
	FuncGetSocketCookie            ID = 46  // BPF_FUNC_get_socket_cookie
	FuncGetSocketUID               ID = 47  // BPF_FUNC_get_socket_uid
	FuncSetHash                    ID = 48  // BPF_FUNC_set_hash
	FuncSetsockopt                 ID = 49  // BPF_FUNC_setsockopt
	FuncSKBAdjustRoom              ID = 50  // BPF_FUNC_skb_adjust_room
	FuncRedirectMap                ID = 51  // BPF_FUNC_redirect_map
	FuncSkRedirectMap              ID = 52  // BPF_FUNC_sk_redirect_map
	FuncSockMapUpdate              ID = 53  // BPF_FUNC_sock_map_update
	FuncXDPAdjustMeta              ID = 54  // BPF_FUNC_xdp_adjust_meta
	FuncPerfEventReadValue         ID = 55  // BPF_FUNC_perf_event_read_value
	FuncPerfProgReadValue          ID = 56  // BPF_FUNC_perf_prog_read_value
	FuncGetsockopt                 ID = 57  // BPF_FUNC_getsockopt
	FuncOverrideReturn             ID = 58  // BPF_FUNC_override_return
	FuncSockOpsCBFlagsSet          ID = 59  // BPF_FUNC_sock_ops_cb_flags_set
	FuncMsgRedirectMap             ID = 60  // BPF_FUNC_msg_redirect_map
	FuncMsgApplyBytes              ID = 61  // BPF_FUNC_msg_apply_bytes
	FuncMsgCorkBytes               ID = 62  // BPF_FUNC_msg_cork_bytes
	FuncMsgPullData                ID = 63  // BPF_FUNC_msg_pull_data
	FuncBind                       ID = 64  // BPF_FUNC_bind
	FuncXDPAdjustTail              ID = 65  // BPF_FUNC_xdp_adjust_tail
	FuncSKBGetXFRMState            ID = 66  // BPF_FUNC_skb_get_xfrm_state
	FuncGetStack                   ID = 67  // BPF_FUNC_get_stack
	FuncSKBLoadBytesRelative       ID = 68  // BPF_FUNC_skb_load_bytes_relative
	FuncFIBLookup                  ID = 69  // BPF_FUNC_fib_lookup
	FuncSockHashUpdate             ID = 70  // BPF_FUNC_sock_hash_update
	FuncMsgRedirectHash            ID = 71  // BPF_FUNC_msg_redirect_hash
	FuncSkRedirectHash             ID = 72  // BPF_FUNC_sk_redirect_hash
	FuncLWTPushEncap               ID = 73  // BPF_FUNC_lwt_push_encap
	FuncLWTSeg6StoreBytes          ID = 74  // BPF_FUNC_lwt_seg6_store_bytes
	FuncLWTSeg6AdjustSRH           ID = 75  // BPF_FUNC_lwt_seg6_adjust_srh
	FuncLWTSeg6Action              ID = 76  // BPF_FUNC_lwt_seg6_action
	FuncRCRepeat                   ID = 77  // BPF_FUNC_rc_repeat
	FuncRCKeydown                  ID = 78  // BPF_FUNC_rc_keydown
	FuncSKBCgroupID                ID = 79  // BPF_FUNC_skb_cgroup_id
	FuncGetCurrentCgroupID         ID = 80  // BPF_FUNC_get_current_cgroup_id
	FuncGetLocalStorage            ID = 81  // BPF_FUNC_get_local_storage
	FuncSkSelectReuseport          ID = 82  // BPF_FUNC_sk_select_reuseport
	FuncSKBAncestorCgroupID        ID = 83  // BPF_FUNC_skb_ancestor_cgroup_id
	FuncSkLookupTCP                ID = 84  // BPF_FUNC_sk_lookup_tcp
	FuncSkLookupUDP                ID = 85  // BPF_FUNC_sk_lookup_udp
	FuncSkRelease                  ID = 86  // BPF_FUNC_sk_release
	FuncMapPushElem                ID = 87  // BPF_FUNC_map_push_elem
	FuncMapPopElem                 ID = 88  // BPF_FUNC_map_pop_elem
	FuncMapPeekElem                ID = 89  // BPF_FUNC_map_peek_elem
	FuncMsgPushData                ID = 90  // BPF_FUNC_msg_push_data
	FuncMsgPopData                 ID = 91  // BPF_FUNC_msg_pop_data
	FuncRCPointerRel               ID = 92  // BPF_FUNC_rc_pointer_rel
	FuncSpinLock                   ID = 93  // BPF_FUNC_spin_lock
	FuncSpinUnlock                 ID = 94  // BPF_FUNC_spin_unlock
	FuncSkFullsock                 ID = 95  // BPF_FUNC_sk_fullsock
	FuncTCPSock                    ID = 96  // BPF_FUNC_tcp_sock
	FuncSKBECNSetCE                ID = 97  // BPF_FUNC_skb_ecn_set_ce
	FuncGetListenerSock            ID = 98  // BPF_FUNC_get_listener_sock
	FuncSkcLookupTCP               ID = 99  // BPF_FUNC_skc_lookup_tcp
	FuncTCPCheckSyncookie          ID = 100 // BPF_FUNC_tcp_check_syncookie
	FuncSysctlGetName              ID = 101 // BPF_FUNC_sysctl_get_name
	FuncSysctlGetCurrentValue      ID = 102 // BPF_FUNC_sysctl_get_current_value
	FuncSysctlGetNewValue          ID = 103 // BPF_FUNC_sysctl_get_new_value
	FuncSysctlSetNewValue          ID = 104 // BPF_FUNC_sysctl_set_new_value
	FuncStrtol                     ID = 105 // BPF_FUNC_strtol
	FuncStrtoul                    ID = 106 // BPF_FUNC_strtoul
	FuncSkStorageGet               ID = 107 // BPF_FUNC_sk_storage_get
	FuncSkStorageDelete            ID = 108 // BPF_FUNC_sk_storage_delete
	FuncSendSignal                 ID = 109 // BPF_FUNC_send_signal
	FuncTCPGenSyncookie            ID = 110 // BPF_FUNC_tcp_gen_syncookie
	FuncSKBOutput                  ID = 111 // BPF_FUNC_skb_output
	FuncProbeReadUser              ID = 112 // BPF_FUNC_probe_read_user
	FuncProbeReadKernel            ID = 113 // BPF_FUNC_probe_read_kernel
	FuncProbeReadUserStr           ID = 114 // BPF_FUNC_probe_read_user_str
	FuncProbeReadKernelStr         ID = 115 // BPF_FUNC_probe_read_kernel_str
	FuncTCPSendAck                 ID = 116 // BPF_FUNC_tcp_send_ack
	FuncSendSignalThread           ID = 117 // BPF_FUNC_send_signal_thread
	FuncJiffies64                  ID = 118 // BPF_FUNC_jiffies64
	FuncReadBranchRecords          ID = 119 // BPF_FUNC_read_branch_records
	FuncGetNsCurrentPIDTGID        ID = 120 // BPF_FUNC_get_ns_current_pid_tgid
	FuncXDPOutput                  ID = 121 // BPF_FUNC_xdp_output
	FuncGetNetnsCookie             ID = 122 // BPF_FUNC_get_netns_cookie
	FuncGetCurrentAncestorCgroupID ID = 123 // BPF_FUNC_get_current_ancestor_cgroup_id
	FuncSkAssign                   ID = 124 // BPF_FUNC_sk_assign
	FuncKtimeGetBootNs             ID = 125 // BPF_FUNC_ktime_get_boot_ns
	FuncSeqPrintf                  ID = 126 // BPF_FUNC_seq_printf
	FuncSeqWrite                   ID = 127 // BPF_FUNC_seq_write
	FuncSkCgroupID                 ID = 128 // BPF_FUNC_sk_cgroup_id
	FuncSkAncestorCgroupID         ID = 129 // BPF_FUNC_sk_ancestor_cgroup_id
	FuncRingbufOutput              ID = 130 // BPF_FUNC_ringbuf_output
	FuncRingbufReserve             ID = 131 // BPF_FUNC_ringbuf_reserve
	FuncRingbufSubmit              ID = 132 // BPF_FUNC_ringbuf_submit
	FuncRingbufDiscard             ID = 133 // BPF_FUNC_ringbuf_discard
	FuncRingbufQuery               ID = 134 // BPF_FUNC_ringbuf_query
	FuncCsumLevel                  ID = 135 // BPF_FUNC_csum_level
	FuncSkcToTCP6Sock              ID = 136 // BPF_FUNC_skc_to_tcp6_sock
	FuncSkcToTCPSock               ID = 137 // BPF_FUNC_skc_to_tcp_sock
	FuncSkcToTCPTimewaitSock       ID = 138 // BPF_FUNC_skc_to_tcp_timewait_sock
	FuncSkcToTCPRequestSock        ID = 139 // BPF_FUNC_skc_to_tcp_request_sock
	FuncSkcToUDP6Sock              ID = 140 // BPF_FUNC_skc_to_udp6_sock
	FuncGetTaskStack               ID = 141 // BPF_FUNC_get_task_stack
	FuncLoadHdrOpt                 ID = 142 // BPF_FUNC_load_hdr_opt
	FuncStoreHdrOpt                ID = 143 // BPF_FUNC_store_hdr_opt
	FuncReserveHdrOpt              ID = 144 // BPF_FUNC_reserve_hdr_opt
	FuncInodeStorageGet            ID = 145 // BPF_FUNC_inode_storage_get
	FuncInodeStorageDelete         ID = 146 // BPF_FUNC_inode_storage_delete
	FuncDPath                      ID = 147 // BPF_FUNC_d_path
	FuncCopyFromUser               ID = 148 // BPF_FUNC_copy_from_user
	FuncSnprintfBTF                ID = 149 // BPF_FUNC_snprintf_btf
	FuncSeqPrintfBTF               ID = 150 // BPF_FUNC_seq_printf_btf
	FuncSKBCgroupClassid           ID = 151 // BPF_FUNC_skb_cgroup_classid
	FuncRedirectNeigh              ID = 152 // BPF_FUNC_redirect_neigh
	FuncPerCPUPtr                  ID = 153 // BPF_FUNC_per_cpu_ptr
	FuncThisCPUPtr                 ID = 154 // BPF_FUNC_this_cpu_ptr
	FuncRedirectPeer               ID = 155 // BPF_FUNC_redirect_peer
	FuncTaskStorageGet             ID = 156 // BPF_FUNC_task_storage_get
	FuncTaskStorageDelete          ID = 157 // BPF_FUNC_task_storage_delete
	FuncGetCurrentTaskBTF          ID = 158 // BPF_FUNC_get_current_task_btf
	FuncBprmOptsSet                ID = 159 // BPF_FUNC_bprm_opts_set
	FuncKtimeGetCoarseNs           ID = 160 // BPF_FUNC_ktime_get_coarse_ns
	FuncIMAInodeHash               ID = 161 // BPF_FUNC_ima_inode_hash
	FuncSockFromFile               ID = 162 // BPF_FUNC_sock_from_file
	FuncCheckMTU                   ID = 163 // BPF_FUNC_check_mtu
	FuncForEachMapElem             ID = 164 // BPF_FUNC_for_each_map_elem
	FuncSnprintf                   ID = 165 // BPF_FUNC_snprintf
	FuncSysBPF                     ID = 166 // BPF_FUNC_sys_bpf
	FuncBTFFindByNameKind          ID = 167 // BPF_FUNC_btf_find_by_name_kind
	FuncSysClose                   ID = 168 // BPF_FUNC_sys_close
	FuncTimerInit                  ID = 169 // BPF_FUNC_timer_init
	FuncTimerSetCallback           ID = 170 // BPF_FUNC_timer_set_callback
	FuncTimerStart                 ID = 171 // BPF_FUNC_timer_start
	FuncTimerCancel                ID = 172 // BPF_FUNC_timer_cancel
	FuncGetFuncIP                  ID = 173 // BPF_FUNC_get_func_ip
	FuncGetAttachCookie            ID = 174 // BPF_FUNC_get_attach_cookie
	FuncTaskPtRegs                 ID = 175 // BPF_FUNC_task_pt_regs
	FuncGetBranchSnapshot          ID = 176 // BPF_FUNC_get_branch_snapshot
	FuncTraceVprintk               ID = 177 // BPF_FUNC_trace_vprintk
	FuncSkcToUnixSock              ID = 178 // BPF_FUNC_skc_to_unix_sock
	FuncKallsymsLookupName         ID = 179 // BPF_FUNC_kallsyms_lookup_name
	FuncFindVMA                    ID = 180 // BPF_FUNC_find_vma
	FuncLoop                       ID = 181 // BPF_FUNC_loop
	FuncStrncmp                    ID = 182 // BPF_FUNC_strncmp
	FuncGetFuncArg                 ID = 183 // BPF_FUNC_get_func_arg
	FuncGetFuncRet                 ID = 184 // BPF_FUNC_get_func_ret
	FuncGetFuncArgCnt              ID = 185 // BPF_FUNC_get_func_arg_cnt
	FuncGetRetval                  ID = 186 // BPF_FUNC_get_retval
	FuncSetRetval                  ID = 187 // BPF_FUNC_set_retval
	FuncXDPGetBuffLen              ID = 188 // BPF_FUNC_xdp_get_buff_len
	FuncXDPLoadBytes               ID = 189 // BPF_FUNC_xdp_load_bytes
	FuncXDPStoreBytes              ID = 190 // BPF_FUNC_xdp_store_bytes
	FuncCopyFromUserTask           ID = 191 // BPF_FUNC_copy_from_user_task
	FuncSKBSetTstamp               ID = 192 // BPF_FUNC_skb_set_tstamp
	FuncIMAFileHash                ID = 193 // BPF_FUNC_ima_file_hash
	FuncKptrXchg                   ID = 194 // BPF_FUNC_kptr_xchg
	FuncMapLookupPercpuElem        ID = 195 // BPF_FUNC_map_lookup_percpu_elem
	FuncSkcToMPTCPSock             ID = 196 // BPF_FUNC_skc_to_mptcp_sock
	FuncDynptrFromMem              ID = 197 // BPF_FUNC_dynptr_from_mem
	FuncRingbufReserveDynptr       ID = 198 // BPF_FUNC_ringbuf_reserve_dynptr
	FuncRingbufSubmitDynptr        ID = 199 // BPF_FUNC_ringbuf_submit_dynptr
	FuncRingbufDiscardDynptr       ID = 200 // BPF_FUNC_ringbuf_discard_dynptr
	FuncDynptrRead                 ID = 201 // BPF_FUNC_dynptr_read
	FuncDynptrWrite                ID = 202 // BPF_FUNC_dynptr_write
	FuncDynptrData                 ID = 203 // BPF_FUNC_dynptr_data
	FuncTCPRawGenSyncookieIPv4     ID = 204 // BPF_FUNC_tcp_raw_gen_syncookie_ipv4
	FuncTCPRawGenSyncookieIPv6     ID = 205 // BPF_FUNC_tcp_raw_gen_syncookie_ipv6
	FuncTCPRawCheckSyncookieIPv4   ID = 206 // BPF_FUNC_tcp_raw_check_syncookie_ipv4
	FuncTCPRawCheckSyncookieIPv6   ID = 207 // BPF_FUNC_tcp_raw_check_syncookie_ipv6
	FuncKtimeGetTaiNs              ID = 208 // BPF_FUNC_ktime_get_tai_ns
	FuncUserRingbufDrain           ID = 209 // BPF_FUNC_user_ringbuf_drain
	FuncCgrpStorageGet             ID = 210 // BPF_FUNC_cgrp_storage_get
	FuncCgrpStorageDelete          ID = 211 // BPF_FUNC_cgrp_storage_delete
)

// funcNames are the names of the helper ids without the bpf_ prefix.
var funcNames = [MaxFuncID]string{
	FuncUnspec:                     "unspec",
	FuncMapLookupElem:              "map_lookup_elem",
	FuncMapUpdateElem:              "map_update_elem",
	FuncMapDeleteElem:              "map_delete_elem",
	FuncProbeRead:                  "probe_read",
	FuncKtimeGetNs:                 "ktime_get_ns",
	FuncTracePrintk:                "trace_printk",
	FuncGetPrandomU32:              "get_prandom_u32",
	FuncGetSMPProcessorID:          "get_smp_processor_id",
	FuncSKBStoreBytes:              "skb_store_bytes",
	FuncL3CsumReplace:              "l3_csum_replace",
	FuncL4CsumReplace:              "l4_csum_replace",
	FuncTailCall:                   "tail_call",
	FuncCloneRedirect:              "clone_redirect",
	FuncGetCurrentPIDTGID:          "get_current_pid_tgid",
	FuncGetCurrentUIDGID:           "get_current_uid_gid",
	FuncGetCurrentComm:             "get_current_comm",
	FuncGetCgroupClassid:           "get_cgroup_classid",
	FuncSKBVLANPush:                "skb_vlan_push",
	FuncSKBVLANPop:                 "skb_vlan_pop",
	FuncSKBGetTunnelKey:            "skb_get_tunnel_key",
	FuncSKBSetTunnelKey:            "skb_set_tunnel_key",
	FuncPerfEventRead:              "perf_event_read",
	FuncRedirect:                   "redirect",
	FuncGetRouteRealm:              "get_route_realm",
	FuncPerfEventOutput:            "perf_event_output",
	FuncSKBLoadBytes:               "skb_load_bytes",
	FuncGetStackid:                 "get_stackid",
	FuncCsumDiff:                   "csum_diff",
	FuncSKBGetTunnelOpt:            "skb_get_tunnel_opt",
	FuncSKBSetTunnelOpt:            "skb_set_tunnel_opt",
	FuncSKBChangeProto:             "skb_change_proto",
	FuncSKBChangeType:              "skb_change_type",
	FuncSKBUnderCgroup:             "skb_under_cgroup",
	FuncGetHashRecalc:              "get_hash_recalc",
	FuncGetCurrentTask:             "get_current_task",
	FuncProbeWriteUser:             "probe_write_user",
	FuncCurrentTaskUnderCgroup:     "current_task_under_cgroup",
	FuncSKBChangeTail:              "skb_change_tail",
	FuncSKBPullData:                "skb_pull_data",
	FuncCsumUpdate:                 "csum_update",
	FuncSetHashInvalid:             "set_hash_invalid",
	FuncGetNUMANodeID:              "get_numa_node_id",
	FuncSKBChangeHead:              "skb_change_head",
	FuncXDPAdjustHead:              "xdp_adjust_head",
	FuncProbeReadStr:               "probe_read_str",
	FuncGetSocketCookie:            "get_socket_cookie",
	FuncGetSocketUID:               "get_socket_uid",
	FuncSetHash:                    "set_hash",
	FuncSetsockopt:                 "setsockopt",
	FuncSKBAdjustRoom:              "skb_adjust_room",
	FuncRedirectMap:                "redirect_map",
	FuncSkRedirectMap:              "sk_redirect_map",
	FuncSockMapUpdate:              "sock_map_update",
	FuncXDPAdjustMeta:              "xdp_adjust_meta",
	FuncPerfEventReadValue:         "perf_event_read_value",
	FuncPerfProgReadValue:          "perf_prog_read_value",
	FuncGetsockopt:                 "getsockopt",
	FuncOverrideReturn:             "override_return",
	FuncSockOpsCBFlagsSet:          "sock_ops_cb_flags_set",
	FuncMsgRedirectMap:             "msg_redirect_map",
	FuncMsgApplyBytes:              "msg_apply_bytes",
	FuncMsgCorkBytes:               "msg_cork_bytes",
	FuncMsgPullData:                "msg_pull_data",
	FuncBind:                       "bind",
	FuncXDPAdjustTail:              "xdp_adjust_tail",
	FuncSKBGetXFRMState:            "skb_get_xfrm_state",
	FuncGetStack:                   "get_stack",
	FuncSKBLoadBytesRelative:       "skb_load_bytes_relative",
	FuncFIBLookup:                  "fib_lookup",
	FuncSockHashUpdate:             "sock_hash_update",
	FuncMsgRedirectHash:            "msg_redirect_hash",
	FuncSkRedirectHash:             "sk_redirect_hash",
	FuncLWTPushEncap:               "lwt_push_encap",
	FuncLWTSeg6StoreBytes:          "lwt_seg6_store_bytes",
	FuncLWTSeg6AdjustSRH:           "lwt_seg6_adjust_srh",
	FuncLWTSeg6Action:              "lwt_seg6_action",
	FuncRCRepeat:                   "rc_repeat",
	FuncRCKeydown:                  "rc_keydown",
	FuncSKBCgroupID:                "skb_cgroup_id",
	FuncGetCurrentCgroupID:         "get_current_cgroup_id",
	FuncGetLocalStorage:            "get_local_storage",
	FuncSkSelectReuseport:          "sk_select_reuseport",
	FuncSKBAncestorCgroupID:        "skb_ancestor_cgroup_id",
	FuncSkLookupTCP:                "sk_lookup_tcp",
	FuncSkLookupUDP:                "sk_lookup_udp",
	FuncSkRelease:                  "sk_release",
	FuncMapPushElem:                "map_push_elem",
	FuncMapPopElem:                 "map_pop_elem",
	FuncMapPeekElem:                "map_peek_elem",
	FuncMsgPushData:                "msg_push_data",
	FuncMsgPopData:                 "msg_pop_data",
	FuncRCPointerRel:               "rc_pointer_rel",
	FuncSpinLock:                   "spin_lock",
	FuncSpinUnlock:                 "spin_unlock",
	FuncSkFullsock:                 "sk_fullsock",
	FuncTCPSock:                    "tcp_sock",
	FuncSKBECNSetCE:                "skb_ecn_set_ce",
	FuncGetListenerSock:            "get_listener_sock",
	FuncSkcLookupTCP:               "skc_lookup_tcp",
	FuncTCPCheckSyncookie:          "tcp_check_syncookie",
	FuncSysctlGetName:              "sysctl_get_name",
	FuncSysctlGetCurrentValue:      "sysctl_get_current_value",
	FuncSysctlGetNewValue:          "sysctl_get_new_value",
	FuncSysctlSetNewValue:          "sysctl_set_new_value",
	FuncStrtol:                     "strtol",
	FuncStrtoul:                    "strtoul",
	FuncSkStorageGet:               "sk_storage_get",
	FuncSkStorageDelete:            "sk_storage_delete",
	FuncSendSignal:                 "send_signal",
	FuncTCPGenSyncookie:            "tcp_gen_syncookie",
	FuncSKBOutput:                  "skb_output",
	FuncProbeReadUser:              "probe_read_user",
	FuncProbeReadKernel:            "probe_read_kernel",
	FuncProbeReadUserStr:           "probe_read_user_str",
	FuncProbeReadKernelStr:         "probe_read_kernel_str",
	FuncTCPSendAck:                 "tcp_send_ack",
	FuncSendSignalThread:           "send_signal_thread",
	FuncJiffies64:                  "jiffies64",
	FuncReadBranchRecords:          "read_branch_records",
	FuncGetNsCurrentPIDTGID:        "get_ns_current_pid_tgid",
	FuncXDPOutput:                  "xdp_output",
	FuncGetNetnsCookie:             "get_netns_cookie",
	FuncGetCurrentAncestorCgroupID: "get_current_ancestor_cgroup_id",
	FuncSkAssign:                   "sk_assign",
	FuncKtimeGetBootNs:             "ktime_get_boot_ns",
	FuncSeqPrintf:                  "seq_printf",
	FuncSeqWrite:                   "seq_write",
	FuncSkCgroupID:                 "sk_cgroup_id",
	FuncSkAncestorCgroupID:         "sk_ancestor_cgroup_id",
	FuncRingbufOutput:              "ringbuf_output",
	FuncRingbufReserve:             "ringbuf_reserve",
	FuncRingbufSubmit:              "ringbuf_submit",
	FuncRingbufDiscard:             "ringbuf_discard",
	FuncRingbufQuery:               "ringbuf_query",
	FuncCsumLevel:                  "csum_level",
	FuncSkcToTCP6Sock:              "skc_to_tcp6_sock",
	FuncSkcToTCPSock:               "skc_to_tcp_sock",
	FuncSkcToTCPTimewaitSock:       "skc_to_tcp_timewait_sock",
	FuncSkcToTCPRequestSock:        "skc_to_tcp_request_sock",
	FuncSkcToUDP6Sock:              "skc_to_udp6_sock",
	FuncGetTaskStack:               "get_task_stack",
	FuncLoadHdrOpt:                 "load_hdr_opt",
	FuncStoreHdrOpt:                "store_hdr_opt",
	FuncReserveHdrOpt:              "reserve_hdr_opt",
	FuncInodeStorageGet:            "inode_storage_get",
	FuncInodeStorageDelete:         "inode_storage_delete",
	FuncDPath:                      "d_path",
	FuncCopyFromUser:               "copy_from_user",
	FuncSnprintfBTF:                "snprintf_btf",
	FuncSeqPrintfBTF:               "seq_printf_btf",
	FuncSKBCgroupClassid:           "skb_cgroup_classid",
	FuncRedirectNeigh:              "redirect_neigh",
	FuncPerCPUPtr:                  "per_cpu_ptr",
	FuncThisCPUPtr:                 "this_cpu_ptr",
	FuncRedirectPeer:               "redirect_peer",
	FuncTaskStorageGet:             "task_storage_get",
	FuncTaskStorageDelete:          "task_storage_delete",
	FuncGetCurrentTaskBTF:          "get_current_task_btf",
	FuncBprmOptsSet:                "bprm_opts_set",
	FuncKtimeGetCoarseNs:           "ktime_get_coarse_ns",
	FuncIMAInodeHash:               "ima_inode_hash",
	FuncSockFromFile:               "sock_from_file",
	FuncCheckMTU:                   "check_mtu",
	FuncForEachMapElem:             "for_each_map_elem",
	FuncSnprintf:                   "snprintf",
	FuncSysBPF:                     "sys_bpf",
	FuncBTFFindByNameKind:          "btf_find_by_name_kind",
	FuncSysClose:                   "sys_close",
	FuncTimerInit:                  "timer_init",
	FuncTimerSetCallback:           "timer_set_callback",
	FuncTimerStart:                 "timer_start",
	FuncTimerCancel:                "timer_cancel",
	FuncGetFuncIP:                  "get_func_ip",
	FuncGetAttachCookie:            "get_attach_cookie",
	FuncTaskPtRegs:                 "task_pt_regs",
	FuncGetBranchSnapshot:          "get_branch_snapshot",
	FuncTraceVprintk:               "trace_vprintk",
	FuncSkcToUnixSock:              "skc_to_unix_sock",
	FuncKallsymsLookupName:         "kallsyms_lookup_name",
	FuncFindVMA:                    "find_vma",
	FuncLoop:                       "loop",
	FuncStrncmp:                    "strncmp",
	FuncGetFuncArg:                 "get_func_arg",
	FuncGetFuncRet:                 "get_func_ret",
	FuncGetFuncArgCnt:              "get_func_arg_cnt",
	FuncGetRetval:                  "get_retval",
	FuncSetRetval:                  "set_retval",
	FuncXDPGetBuffLen:              "xdp_get_buff_len",
	FuncXDPLoadBytes:               "xdp_load_bytes",
	FuncXDPStoreBytes:              "xdp_store_bytes",
	FuncCopyFromUserTask:           "copy_from_user_task",
	FuncSKBSetTstamp:               "skb_set_tstamp",
	FuncIMAFileHash:                "ima_file_hash",
	FuncKptrXchg:                   "kptr_xchg",
	FuncMapLookupPercpuElem:        "map_lookup_percpu_elem",
	FuncSkcToMPTCPSock:             "skc_to_mptcp_sock",
	FuncDynptrFromMem:              "dynptr_from_mem",
	FuncRingbufReserveDynptr:       "ringbuf_reserve_dynptr",
	FuncRingbufSubmitDynptr:        "ringbuf_submit_dynptr",
	FuncRingbufDiscardDynptr:       "ringbuf_discard_dynptr",
	FuncDynptrRead:                 "dynptr_read",
	FuncDynptrWrite:                "dynptr_write",
	FuncDynptrData:                 "dynptr_data",
	FuncTCPRawGenSyncookieIPv4:     "tcp_raw_gen_syncookie_ipv4",
	FuncTCPRawGenSyncookieIPv6:     "tcp_raw_gen_syncookie_ipv6",
	FuncTCPRawCheckSyncookieIPv4:   "tcp_raw_check_syncookie_ipv4",
	FuncTCPRawCheckSyncookieIPv6:   "tcp_raw_check_syncookie_ipv6",
	FuncKtimeGetTaiNs:              "ktime_get_tai_ns",
	FuncUserRingbufDrain:           "user_ringbuf_drain",
	FuncCgrpStorageGet:             "cgrp_storage_get",
	FuncCgrpStorageDelete:          "cgrp_storage_delete",
}

// MaxFuncID is the kernel's __BPF_FUNC_MAX_ID: the ids from 0 to
// MaxFuncID-1 are known (0 is BPF_FUNC_unspec, which no program type
// gets), the others out of range.
const MaxFuncID ID = 212

// InRange reports whether the kernel knows the id, that is whether a call
// to it gets past the verifier's range check ("invalid func unknown#%d").
func InRange(id ID) bool { return id >= 0 && id < MaxFuncID }

// Name is the kernel's name of a helper id in the verifier log
// (func_id_name): "bpf_map_lookup_elem", or "unknown" out of range.
func Name(id ID) string {
	if !InRange(id) {
		return "unknown"
	}
	return "bpf_" + funcNames[id]
}
