package helpers

// This file holds the helper prototypes (const struct bpf_func_proto) of
// net/ in Linux 6.12 (net/core/filter.c, net/core/sock_map.c,
// net/core/bpf_sk_storage.c, net/ipv4/bpf_tcp_ca.c): the networking
// helpers.

var (
	skbStoreBytesProto = kernel(FuncSKBStoreBytes, Proto{
		Kernel: "bpf_skb_store_bytes_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgAnything, ArgPtrToMem|ArgRdonly, ArgConstSize, ArgAnything),
	})
	l3CsumReplaceProto = kernel(FuncL3CsumReplace, Proto{
		Kernel: "bpf_l3_csum_replace_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgAnything, ArgAnything, ArgAnything, ArgAnything),
	})
	l4CsumReplaceProto = kernel(FuncL4CsumReplace, Proto{
		Kernel: "bpf_l4_csum_replace_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgAnything, ArgAnything, ArgAnything, ArgAnything),
	})
	cloneRedirectProto = kernel(FuncCloneRedirect, Proto{
		Kernel: "bpf_clone_redirect_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgAnything, ArgAnything),
	})
	getCgroupClassidCurrProto = kernel(FuncGetCgroupClassid, Proto{
		Kernel: "bpf_get_cgroup_classid_curr_proto",
		Ret:    RetInteger,
	})
	getCgroupClassidProto = kernel(FuncGetCgroupClassid, Proto{
		Kernel: "bpf_get_cgroup_classid_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx),
	})
	skbVLANPushProto = kernel(FuncSKBVLANPush, Proto{
		Kernel: "bpf_skb_vlan_push_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgAnything, ArgAnything),
	})
	skbVLANPopProto = kernel(FuncSKBVLANPop, Proto{
		Kernel: "bpf_skb_vlan_pop_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx),
	})
	skbGetTunnelKeyProto = kernel(FuncSKBGetTunnelKey, Proto{
		Kernel: "bpf_skb_get_tunnel_key_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgPtrToUninitMem, ArgConstSize, ArgAnything),
	})
	skbSetTunnelKeyProto = kernel(FuncSKBSetTunnelKey, Proto{
		Kernel: "bpf_skb_set_tunnel_key_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgPtrToMem|ArgRdonly, ArgConstSize, ArgAnything),
	})
	redirectProto = kernel(FuncRedirect, Proto{
		Kernel: "bpf_redirect_proto",
		Ret:    RetInteger,
		Args:   args(ArgAnything, ArgAnything),
	})
	xdpRedirectProto = kernel(FuncRedirect, Proto{
		Kernel: "bpf_xdp_redirect_proto",
		Ret:    RetInteger,
		Args:   args(ArgAnything, ArgAnything),
	})
	getRouteRealmProto = kernel(FuncGetRouteRealm, Proto{
		Kernel: "bpf_get_route_realm_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx),
	})
	skbEventOutputProto = kernel(FuncPerfEventOutput, Proto{
		Kernel:  "bpf_skb_event_output_proto",
		GPLOnly: true,
		Ret:     RetInteger,
		Args:    args(ArgPtrToCtx, ArgConstMapPtr, ArgAnything, ArgPtrToMem|ArgRdonly, ArgConstSizeOrZero),
	})
	xdpEventOutputProto = kernel(FuncPerfEventOutput, Proto{
		Kernel:  "bpf_xdp_event_output_proto",
		GPLOnly: true,
		Ret:     RetInteger,
		Args:    args(ArgPtrToCtx, ArgConstMapPtr, ArgAnything, ArgPtrToMem|ArgRdonly, ArgConstSizeOrZero),
	})
	flowDissectorLoadBytesProto = kernel(FuncSKBLoadBytes, Proto{
		Kernel: "bpf_flow_dissector_load_bytes_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgAnything, ArgPtrToUninitMem, ArgConstSize),
	})
	skbLoadBytesProto = kernel(FuncSKBLoadBytes, Proto{
		Kernel: "bpf_skb_load_bytes_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgAnything, ArgPtrToUninitMem, ArgConstSize),
	})
	skReuseportLoadBytesProto = kernel(FuncSKBLoadBytes, Proto{
		Kernel: "sk_reuseport_load_bytes_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgAnything, ArgPtrToUninitMem, ArgConstSize),
	})
	csumDiffProto = kernel(FuncCsumDiff, Proto{
		Kernel:    "bpf_csum_diff_proto",
		PktAccess: true,
		Ret:       RetInteger,
		Args:      args(ArgPtrToMem|ArgMaybeNull|ArgRdonly, ArgConstSizeOrZero, ArgPtrToMem|ArgMaybeNull|ArgRdonly, ArgConstSizeOrZero, ArgAnything),
	})
	skbGetTunnelOptProto = kernel(FuncSKBGetTunnelOpt, Proto{
		Kernel: "bpf_skb_get_tunnel_opt_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgPtrToUninitMem, ArgConstSize),
	})
	skbSetTunnelOptProto = kernel(FuncSKBSetTunnelOpt, Proto{
		Kernel: "bpf_skb_set_tunnel_opt_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgPtrToMem|ArgRdonly, ArgConstSize),
	})
	skbChangeProtoProto = kernel(FuncSKBChangeProto, Proto{
		Kernel: "bpf_skb_change_proto_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgAnything, ArgAnything),
	})
	skbChangeTypeProto = kernel(FuncSKBChangeType, Proto{
		Kernel: "bpf_skb_change_type_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgAnything),
	})
	skbUnderCgroupProto = kernel(FuncSKBUnderCgroup, Proto{
		Kernel: "bpf_skb_under_cgroup_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgConstMapPtr, ArgAnything),
	})
	getHashRecalcProto = kernel(FuncGetHashRecalc, Proto{
		Kernel: "bpf_get_hash_recalc_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx),
	})
	skbChangeTailProto = kernel(FuncSKBChangeTail, Proto{
		Kernel: "bpf_skb_change_tail_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgAnything, ArgAnything),
	})
	skSKBChangeTailProto = kernel(FuncSKBChangeTail, Proto{
		Kernel: "sk_skb_change_tail_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgAnything, ArgAnything),
	})
	skbPullDataProto = kernel(FuncSKBPullData, Proto{
		Kernel: "bpf_skb_pull_data_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgAnything),
	})
	skSKBPullDataProto = kernel(FuncSKBPullData, Proto{
		Kernel: "sk_skb_pull_data_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgAnything),
	})
	csumUpdateProto = kernel(FuncCsumUpdate, Proto{
		Kernel: "bpf_csum_update_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgAnything),
	})
	setHashInvalidProto = kernel(FuncSetHashInvalid, Proto{
		Kernel: "bpf_set_hash_invalid_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx),
	})
	skbChangeHeadProto = kernel(FuncSKBChangeHead, Proto{
		Kernel: "bpf_skb_change_head_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgAnything, ArgAnything),
	})
	skSKBChangeHeadProto = kernel(FuncSKBChangeHead, Proto{
		Kernel: "sk_skb_change_head_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgAnything, ArgAnything),
	})
	xdpAdjustHeadProto = kernel(FuncXDPAdjustHead, Proto{
		Kernel: "bpf_xdp_adjust_head_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgAnything),
	})
	getSocketCookieProto = kernel(FuncGetSocketCookie, Proto{
		Kernel: "bpf_get_socket_cookie_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx),
	})
	getSocketCookieSockAddrProto = kernel(FuncGetSocketCookie, Proto{
		Kernel: "bpf_get_socket_cookie_sock_addr_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx),
	})
	getSocketCookieSockOpsProto = kernel(FuncGetSocketCookie, Proto{
		Kernel: "bpf_get_socket_cookie_sock_ops_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx),
	})
	getSocketCookieSockProto = kernel(FuncGetSocketCookie, Proto{
		Kernel: "bpf_get_socket_cookie_sock_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx),
	})
	getSocketPtrCookieProto = kernel(FuncGetSocketCookie, Proto{
		Kernel: "bpf_get_socket_ptr_cookie_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToBTFIDSockCommon | ArgMaybeNull),
	})
	getSocketUIDProto = kernel(FuncGetSocketUID, Proto{
		Kernel: "bpf_get_socket_uid_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx),
	})
	setHashProto = kernel(FuncSetHash, Proto{
		Kernel: "bpf_set_hash_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgAnything),
	})
	skSetsockoptProto = kernel(FuncSetsockopt, Proto{
		Kernel: "bpf_sk_setsockopt_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToBTFIDSockCommon, ArgAnything, ArgAnything, ArgPtrToMem|ArgRdonly, ArgConstSize),
	})
	sockAddrSetsockoptProto = kernel(FuncSetsockopt, Proto{
		Kernel: "bpf_sock_addr_setsockopt_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgAnything, ArgAnything, ArgPtrToMem|ArgRdonly, ArgConstSize),
	})
	sockOpsSetsockoptProto = kernel(FuncSetsockopt, Proto{
		Kernel: "bpf_sock_ops_setsockopt_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgAnything, ArgAnything, ArgPtrToMem|ArgRdonly, ArgConstSize),
	})
	unlockedSkSetsockoptProto = kernel(FuncSetsockopt, Proto{
		Kernel: "bpf_unlocked_sk_setsockopt_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToBTFIDSockCommon, ArgAnything, ArgAnything, ArgPtrToMem|ArgRdonly, ArgConstSize),
	})
	skbAdjustRoomProto = kernel(FuncSKBAdjustRoom, Proto{
		Kernel: "bpf_skb_adjust_room_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgAnything, ArgAnything, ArgAnything),
	})
	skSKBAdjustRoomProto = kernel(FuncSKBAdjustRoom, Proto{
		Kernel: "sk_skb_adjust_room_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgAnything, ArgAnything, ArgAnything),
	})
	xdpRedirectMapProto = kernel(FuncRedirectMap, Proto{
		Kernel: "bpf_xdp_redirect_map_proto",
		Ret:    RetInteger,
		Args:   args(ArgConstMapPtr, ArgAnything, ArgAnything),
	})
	skRedirectMapProto = kernel(FuncSkRedirectMap, Proto{
		Kernel: "bpf_sk_redirect_map_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgConstMapPtr, ArgAnything, ArgAnything),
	})
	sockMapUpdateProto = kernel(FuncSockMapUpdate, Proto{
		Kernel:    "bpf_sock_map_update_proto",
		PktAccess: true,
		Ret:       RetInteger,
		Args:      args(ArgPtrToCtx, ArgConstMapPtr, ArgPtrToMapKey, ArgAnything),
	})
	xdpAdjustMetaProto = kernel(FuncXDPAdjustMeta, Proto{
		Kernel: "bpf_xdp_adjust_meta_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgAnything),
	})
	skGetsockoptProto = kernel(FuncGetsockopt, Proto{
		Kernel: "bpf_sk_getsockopt_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToBTFIDSockCommon, ArgAnything, ArgAnything, ArgPtrToUninitMem, ArgConstSize),
	})
	sockAddrGetsockoptProto = kernel(FuncGetsockopt, Proto{
		Kernel: "bpf_sock_addr_getsockopt_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgAnything, ArgAnything, ArgPtrToUninitMem, ArgConstSize),
	})
	sockOpsGetsockoptProto = kernel(FuncGetsockopt, Proto{
		Kernel: "bpf_sock_ops_getsockopt_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgAnything, ArgAnything, ArgPtrToUninitMem, ArgConstSize),
	})
	unlockedSkGetsockoptProto = kernel(FuncGetsockopt, Proto{
		Kernel: "bpf_unlocked_sk_getsockopt_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToBTFIDSockCommon, ArgAnything, ArgAnything, ArgPtrToUninitMem, ArgConstSize),
	})
	sockOpsCBFlagsSetProto = kernel(FuncSockOpsCBFlagsSet, Proto{
		Kernel: "bpf_sock_ops_cb_flags_set_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgAnything),
	})
	msgRedirectMapProto = kernel(FuncMsgRedirectMap, Proto{
		Kernel: "bpf_msg_redirect_map_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgConstMapPtr, ArgAnything, ArgAnything),
	})
	msgApplyBytesProto = kernel(FuncMsgApplyBytes, Proto{
		Kernel: "bpf_msg_apply_bytes_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgAnything),
	})
	msgCorkBytesProto = kernel(FuncMsgCorkBytes, Proto{
		Kernel: "bpf_msg_cork_bytes_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgAnything),
	})
	msgPullDataProto = kernel(FuncMsgPullData, Proto{
		Kernel: "bpf_msg_pull_data_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgAnything, ArgAnything, ArgAnything),
	})
	bindProto = kernel(FuncBind, Proto{
		Kernel: "bpf_bind_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgPtrToMem|ArgRdonly, ArgConstSize),
	})
	xdpAdjustTailProto = kernel(FuncXDPAdjustTail, Proto{
		Kernel: "bpf_xdp_adjust_tail_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgAnything),
	})
	skbGetXFRMStateProto = kernel(FuncSKBGetXFRMState, Proto{
		Kernel: "bpf_skb_get_xfrm_state_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgAnything, ArgPtrToUninitMem, ArgConstSize, ArgAnything),
	})
	skbLoadBytesRelativeProto = kernel(FuncSKBLoadBytesRelative, Proto{
		Kernel: "bpf_skb_load_bytes_relative_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgAnything, ArgPtrToUninitMem, ArgConstSize, ArgAnything),
	})
	skReuseportLoadBytesRelativeProto = kernel(FuncSKBLoadBytesRelative, Proto{
		Kernel: "sk_reuseport_load_bytes_relative_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgAnything, ArgPtrToUninitMem, ArgConstSize, ArgAnything),
	})
	skbFIBLookupProto = kernel(FuncFIBLookup, Proto{
		Kernel:  "bpf_skb_fib_lookup_proto",
		GPLOnly: true,
		Ret:     RetInteger,
		Args:    args(ArgPtrToCtx, ArgPtrToMem, ArgConstSize, ArgAnything),
	})
	xdpFIBLookupProto = kernel(FuncFIBLookup, Proto{
		Kernel:  "bpf_xdp_fib_lookup_proto",
		GPLOnly: true,
		Ret:     RetInteger,
		Args:    args(ArgPtrToCtx, ArgPtrToMem, ArgConstSize, ArgAnything),
	})
	sockHashUpdateProto = kernel(FuncSockHashUpdate, Proto{
		Kernel:    "bpf_sock_hash_update_proto",
		PktAccess: true,
		Ret:       RetInteger,
		Args:      args(ArgPtrToCtx, ArgConstMapPtr, ArgPtrToMapKey, ArgAnything),
	})
	msgRedirectHashProto = kernel(FuncMsgRedirectHash, Proto{
		Kernel: "bpf_msg_redirect_hash_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgConstMapPtr, ArgPtrToMapKey, ArgAnything),
	})
	skRedirectHashProto = kernel(FuncSkRedirectHash, Proto{
		Kernel: "bpf_sk_redirect_hash_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgConstMapPtr, ArgPtrToMapKey, ArgAnything),
	})
	lwtInPushEncapProto = kernel(FuncLWTPushEncap, Proto{
		Kernel: "bpf_lwt_in_push_encap_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgAnything, ArgPtrToMem|ArgRdonly, ArgConstSize),
	})
	lwtXmitPushEncapProto = kernel(FuncLWTPushEncap, Proto{
		Kernel: "bpf_lwt_xmit_push_encap_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgAnything, ArgPtrToMem|ArgRdonly, ArgConstSize),
	})
	lwtSeg6StoreBytesProto = kernel(FuncLWTSeg6StoreBytes, Proto{
		Kernel: "bpf_lwt_seg6_store_bytes_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgAnything, ArgPtrToMem|ArgRdonly, ArgConstSize),
	})
	lwtSeg6AdjustSRHProto = kernel(FuncLWTSeg6AdjustSRH, Proto{
		Kernel: "bpf_lwt_seg6_adjust_srh_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgAnything, ArgAnything),
	})
	lwtSeg6ActionProto = kernel(FuncLWTSeg6Action, Proto{
		Kernel: "bpf_lwt_seg6_action_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgAnything, ArgPtrToMem|ArgRdonly, ArgConstSize),
	})
	skbCgroupIDProto = kernel(FuncSKBCgroupID, Proto{
		Kernel: "bpf_skb_cgroup_id_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx),
	})
	skSelectReuseportProto = kernel(FuncSkSelectReuseport, Proto{
		Kernel: "sk_select_reuseport_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgConstMapPtr, ArgPtrToMapKey, ArgAnything),
	})
	skbAncestorCgroupIDProto = kernel(FuncSKBAncestorCgroupID, Proto{
		Kernel: "bpf_skb_ancestor_cgroup_id_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgAnything),
	})
	skLookupTCPProto = kernel(FuncSkLookupTCP, Proto{
		Kernel:    "bpf_sk_lookup_tcp_proto",
		PktAccess: true,
		Ret:       RetPtrToSocketOrNull,
		Args:      args(ArgPtrToCtx, ArgPtrToMem|ArgRdonly, ArgConstSizeOrZero, ArgAnything, ArgAnything),
	})
	sockAddrSkLookupTCPProto = kernel(FuncSkLookupTCP, Proto{
		Kernel: "bpf_sock_addr_sk_lookup_tcp_proto",
		Ret:    RetPtrToSocketOrNull,
		Args:   args(ArgPtrToCtx, ArgPtrToMem|ArgRdonly, ArgConstSizeOrZero, ArgAnything, ArgAnything),
	})
	tcSkLookupTCPProto = kernel(FuncSkLookupTCP, Proto{
		Kernel:    "bpf_tc_sk_lookup_tcp_proto",
		PktAccess: true,
		Ret:       RetPtrToSocketOrNull,
		Args:      args(ArgPtrToCtx, ArgPtrToMem|ArgRdonly, ArgConstSizeOrZero, ArgAnything, ArgAnything),
	})
	xdpSkLookupTCPProto = kernel(FuncSkLookupTCP, Proto{
		Kernel:    "bpf_xdp_sk_lookup_tcp_proto",
		PktAccess: true,
		Ret:       RetPtrToSocketOrNull,
		Args:      args(ArgPtrToCtx, ArgPtrToMem|ArgRdonly, ArgConstSizeOrZero, ArgAnything, ArgAnything),
	})
	skLookupUDPProto = kernel(FuncSkLookupUDP, Proto{
		Kernel:    "bpf_sk_lookup_udp_proto",
		PktAccess: true,
		Ret:       RetPtrToSocketOrNull,
		Args:      args(ArgPtrToCtx, ArgPtrToMem|ArgRdonly, ArgConstSizeOrZero, ArgAnything, ArgAnything),
	})
	sockAddrSkLookupUDPProto = kernel(FuncSkLookupUDP, Proto{
		Kernel: "bpf_sock_addr_sk_lookup_udp_proto",
		Ret:    RetPtrToSocketOrNull,
		Args:   args(ArgPtrToCtx, ArgPtrToMem|ArgRdonly, ArgConstSizeOrZero, ArgAnything, ArgAnything),
	})
	tcSkLookupUDPProto = kernel(FuncSkLookupUDP, Proto{
		Kernel:    "bpf_tc_sk_lookup_udp_proto",
		PktAccess: true,
		Ret:       RetPtrToSocketOrNull,
		Args:      args(ArgPtrToCtx, ArgPtrToMem|ArgRdonly, ArgConstSizeOrZero, ArgAnything, ArgAnything),
	})
	xdpSkLookupUDPProto = kernel(FuncSkLookupUDP, Proto{
		Kernel:    "bpf_xdp_sk_lookup_udp_proto",
		PktAccess: true,
		Ret:       RetPtrToSocketOrNull,
		Args:      args(ArgPtrToCtx, ArgPtrToMem|ArgRdonly, ArgConstSizeOrZero, ArgAnything, ArgAnything),
	})
	skReleaseProto = kernel(FuncSkRelease, Proto{
		Kernel: "bpf_sk_release_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToBTFIDSockCommon | ArgRelease),
	})
	msgPushDataProto = kernel(FuncMsgPushData, Proto{
		Kernel: "bpf_msg_push_data_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgAnything, ArgAnything, ArgAnything),
	})
	msgPopDataProto = kernel(FuncMsgPopData, Proto{
		Kernel: "bpf_msg_pop_data_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgAnything, ArgAnything, ArgAnything),
	})
	skFullsockProto = kernel(FuncSkFullsock, Proto{
		Kernel: "bpf_sk_fullsock_proto",
		Ret:    RetPtrToSocketOrNull,
		Args:   args(ArgPtrToSockCommon),
	})
	tcpSockProto = kernel(FuncTCPSock, Proto{
		Kernel: "bpf_tcp_sock_proto",
		Ret:    RetPtrToTCPSockOrNull,
		Args:   args(ArgPtrToSockCommon),
	})
	skbECNSetCEProto = kernel(FuncSKBECNSetCE, Proto{
		Kernel: "bpf_skb_ecn_set_ce_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx),
	})
	getListenerSockProto = kernel(FuncGetListenerSock, Proto{
		Kernel: "bpf_get_listener_sock_proto",
		Ret:    RetPtrToSocketOrNull,
		Args:   args(ArgPtrToSockCommon),
	})
	skcLookupTCPProto = kernel(FuncSkcLookupTCP, Proto{
		Kernel:    "bpf_skc_lookup_tcp_proto",
		PktAccess: true,
		Ret:       RetPtrToSockCommonOrNull,
		Args:      args(ArgPtrToCtx, ArgPtrToMem|ArgRdonly, ArgConstSizeOrZero, ArgAnything, ArgAnything),
	})
	sockAddrSkcLookupTCPProto = kernel(FuncSkcLookupTCP, Proto{
		Kernel: "bpf_sock_addr_skc_lookup_tcp_proto",
		Ret:    RetPtrToSockCommonOrNull,
		Args:   args(ArgPtrToCtx, ArgPtrToMem|ArgRdonly, ArgConstSizeOrZero, ArgAnything, ArgAnything),
	})
	tcSkcLookupTCPProto = kernel(FuncSkcLookupTCP, Proto{
		Kernel:    "bpf_tc_skc_lookup_tcp_proto",
		PktAccess: true,
		Ret:       RetPtrToSockCommonOrNull,
		Args:      args(ArgPtrToCtx, ArgPtrToMem|ArgRdonly, ArgConstSizeOrZero, ArgAnything, ArgAnything),
	})
	xdpSkcLookupTCPProto = kernel(FuncSkcLookupTCP, Proto{
		Kernel:    "bpf_xdp_skc_lookup_tcp_proto",
		PktAccess: true,
		Ret:       RetPtrToSockCommonOrNull,
		Args:      args(ArgPtrToCtx, ArgPtrToMem|ArgRdonly, ArgConstSizeOrZero, ArgAnything, ArgAnything),
	})
	tcpCheckSyncookieProto = kernel(FuncTCPCheckSyncookie, Proto{
		Kernel:    "bpf_tcp_check_syncookie_proto",
		GPLOnly:   true,
		PktAccess: true,
		Ret:       RetInteger,
		Args:      args(ArgPtrToBTFIDSockCommon, ArgPtrToMem|ArgRdonly, ArgConstSize, ArgPtrToMem|ArgRdonly, ArgConstSize),
	})
	skStorageGetCgSockProto = kernel(FuncSkStorageGet, Proto{
		Kernel: "bpf_sk_storage_get_cg_sock_proto",
		Ret:    RetPtrToMapValueOrNull,
		Args:   args(ArgConstMapPtr, ArgPtrToCtx, ArgPtrToMapValueOrNull, ArgAnything),
	})
	skStorageGetProto = kernel(FuncSkStorageGet, Proto{
		Kernel: "bpf_sk_storage_get_proto",
		Ret:    RetPtrToMapValueOrNull,
		Args:   args(ArgConstMapPtr, ArgPtrToBTFIDSockCommon, ArgPtrToMapValueOrNull, ArgAnything),
	})
	skStorageGetTracingProto = kernel(FuncSkStorageGet, Proto{
		Kernel:     "bpf_sk_storage_get_tracing_proto",
		Ret:        RetPtrToMapValueOrNull,
		Args:       args(ArgConstMapPtr, ArgPtrToBTFIDOrNull, ArgPtrToMapValueOrNull, ArgAnything),
		ArgBTFName: [5]string{1: "sock_common"},
		Allowed:    "bpf_sk_storage_tracing_allowed",
	})
	skStorageDeleteProto = kernel(FuncSkStorageDelete, Proto{
		Kernel: "bpf_sk_storage_delete_proto",
		Ret:    RetInteger,
		Args:   args(ArgConstMapPtr, ArgPtrToBTFIDSockCommon),
	})
	skStorageDeleteTracingProto = kernel(FuncSkStorageDelete, Proto{
		Kernel:     "bpf_sk_storage_delete_tracing_proto",
		Ret:        RetInteger,
		Args:       args(ArgConstMapPtr, ArgPtrToBTFIDOrNull),
		ArgBTFName: [5]string{1: "sock_common"},
		Allowed:    "bpf_sk_storage_tracing_allowed",
	})
	tcpGenSyncookieProto = kernel(FuncTCPGenSyncookie, Proto{
		Kernel:    "bpf_tcp_gen_syncookie_proto",
		GPLOnly:   true,
		PktAccess: true,
		Ret:       RetInteger,
		Args:      args(ArgPtrToBTFIDSockCommon, ArgPtrToMem|ArgRdonly, ArgConstSize, ArgPtrToMem|ArgRdonly, ArgConstSize),
	})
	skbOutputProto = kernel(FuncSKBOutput, Proto{
		Kernel:     "bpf_skb_output_proto",
		GPLOnly:    true,
		Ret:        RetInteger,
		Args:       args(ArgPtrToBTFID, ArgConstMapPtr, ArgAnything, ArgPtrToMem|ArgRdonly, ArgConstSizeOrZero),
		ArgBTFName: [5]string{0: "sk_buff"},
	})
	tcpSendAckProto = kernel(FuncTCPSendAck, Proto{
		Kernel:     "bpf_tcp_send_ack_proto",
		Ret:        RetInteger,
		Args:       args(ArgPtrToBTFID, ArgAnything),
		ArgBTFName: [5]string{0: "tcp_sock"},
	})
	xdpOutputProto = kernel(FuncXDPOutput, Proto{
		Kernel:     "bpf_xdp_output_proto",
		GPLOnly:    true,
		Ret:        RetInteger,
		Args:       args(ArgPtrToBTFID, ArgConstMapPtr, ArgAnything, ArgPtrToMem|ArgRdonly, ArgConstSizeOrZero),
		ArgBTFName: [5]string{0: "xdp_buff"},
	})
	getNetnsCookieSkMsgProto = kernel(FuncGetNetnsCookie, Proto{
		Kernel: "bpf_get_netns_cookie_sk_msg_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtxOrNull),
	})
	getNetnsCookieSockAddrProto = kernel(FuncGetNetnsCookie, Proto{
		Kernel: "bpf_get_netns_cookie_sock_addr_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtxOrNull),
	})
	getNetnsCookieSockOpsProto = kernel(FuncGetNetnsCookie, Proto{
		Kernel: "bpf_get_netns_cookie_sock_ops_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtxOrNull),
	})
	getNetnsCookieSockProto = kernel(FuncGetNetnsCookie, Proto{
		Kernel: "bpf_get_netns_cookie_sock_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtxOrNull),
	})
	skAssignProto = kernel(FuncSkAssign, Proto{
		Kernel: "bpf_sk_assign_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgPtrToBTFIDSockCommon, ArgAnything),
	})
	skLookupAssignProto = kernel(FuncSkAssign, Proto{
		Kernel: "bpf_sk_lookup_assign_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgPtrToSocketOrNull, ArgAnything),
	})
	skCgroupIDProto = kernel(FuncSkCgroupID, Proto{
		Kernel: "bpf_sk_cgroup_id_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToBTFIDSockCommon),
	})
	skAncestorCgroupIDProto = kernel(FuncSkAncestorCgroupID, Proto{
		Kernel: "bpf_sk_ancestor_cgroup_id_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToBTFIDSockCommon, ArgAnything),
	})
	csumLevelProto = kernel(FuncCsumLevel, Proto{
		Kernel: "bpf_csum_level_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgAnything),
	})
	skcToTCP6SockProto = kernel(FuncSkcToTCP6Sock, Proto{
		Kernel:     "bpf_skc_to_tcp6_sock_proto",
		Ret:        RetPtrToBTFIDOrNull,
		RetBTFName: "tcp6_sock",
		Args:       args(ArgPtrToBTFIDSockCommon),
	})
	skcToTCPSockProto = kernel(FuncSkcToTCPSock, Proto{
		Kernel:     "bpf_skc_to_tcp_sock_proto",
		Ret:        RetPtrToBTFIDOrNull,
		RetBTFName: "tcp_sock",
		Args:       args(ArgPtrToBTFIDSockCommon),
	})
	skcToTCPTimewaitSockProto = kernel(FuncSkcToTCPTimewaitSock, Proto{
		Kernel:     "bpf_skc_to_tcp_timewait_sock_proto",
		Ret:        RetPtrToBTFIDOrNull,
		RetBTFName: "tcp_timewait_sock",
		Args:       args(ArgPtrToBTFIDSockCommon),
	})
	skcToTCPRequestSockProto = kernel(FuncSkcToTCPRequestSock, Proto{
		Kernel:     "bpf_skc_to_tcp_request_sock_proto",
		Ret:        RetPtrToBTFIDOrNull,
		RetBTFName: "tcp_request_sock",
		Args:       args(ArgPtrToBTFIDSockCommon),
	})
	skcToUDP6SockProto = kernel(FuncSkcToUDP6Sock, Proto{
		Kernel:     "bpf_skc_to_udp6_sock_proto",
		Ret:        RetPtrToBTFIDOrNull,
		RetBTFName: "udp6_sock",
		Args:       args(ArgPtrToBTFIDSockCommon),
	})
	sockOpsLoadHdrOptProto = kernel(FuncLoadHdrOpt, Proto{
		Kernel: "bpf_sock_ops_load_hdr_opt_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgPtrToMem|ArgWrite, ArgConstSize, ArgAnything),
	})
	sockOpsStoreHdrOptProto = kernel(FuncStoreHdrOpt, Proto{
		Kernel: "bpf_sock_ops_store_hdr_opt_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgPtrToMem|ArgRdonly, ArgConstSize, ArgAnything),
	})
	sockOpsReserveHdrOptProto = kernel(FuncReserveHdrOpt, Proto{
		Kernel: "bpf_sock_ops_reserve_hdr_opt_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgAnything, ArgAnything),
	})
	skbCgroupClassidProto = kernel(FuncSKBCgroupClassid, Proto{
		Kernel: "bpf_skb_cgroup_classid_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx),
	})
	redirectNeighProto = kernel(FuncRedirectNeigh, Proto{
		Kernel: "bpf_redirect_neigh_proto",
		Ret:    RetInteger,
		Args:   args(ArgAnything, ArgPtrToMem|ArgMaybeNull|ArgRdonly, ArgConstSizeOrZero, ArgAnything),
	})
	redirectPeerProto = kernel(FuncRedirectPeer, Proto{
		Kernel: "bpf_redirect_peer_proto",
		Ret:    RetInteger,
		Args:   args(ArgAnything, ArgAnything),
	})
	sockFromFileProto = kernel(FuncSockFromFile, Proto{
		Kernel:     "bpf_sock_from_file_proto",
		Ret:        RetPtrToBTFIDOrNull,
		RetBTFName: "socket",
		Args:       args(ArgPtrToBTFID),
		ArgBTFName: [5]string{0: "file"},
	})
	skbCheckMTUProto = kernel(FuncCheckMTU, Proto{
		Kernel:  "bpf_skb_check_mtu_proto",
		GPLOnly: true,
		Ret:     RetInteger,
		Args:    args(ArgPtrToCtx, ArgAnything, ArgPtrToFixedSizeMem|ArgWrite|ArgAligned, ArgAnything, ArgAnything),
		ArgSize: [5]int{2: 4},
	})
	xdpCheckMTUProto = kernel(FuncCheckMTU, Proto{
		Kernel:  "bpf_xdp_check_mtu_proto",
		GPLOnly: true,
		Ret:     RetInteger,
		Args:    args(ArgPtrToCtx, ArgAnything, ArgPtrToFixedSizeMem|ArgWrite|ArgAligned, ArgAnything, ArgAnything),
		ArgSize: [5]int{2: 4},
	})
	skcToUnixSockProto = kernel(FuncSkcToUnixSock, Proto{
		Kernel:     "bpf_skc_to_unix_sock_proto",
		Ret:        RetPtrToBTFIDOrNull,
		RetBTFName: "unix_sock",
		Args:       args(ArgPtrToBTFIDSockCommon),
	})
	xdpGetBuffLenProto = kernel(FuncXDPGetBuffLen, Proto{
		Kernel: "bpf_xdp_get_buff_len_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx),
	})
	xdpGetBuffLenTraceProto = kernel(FuncXDPGetBuffLen, Proto{
		Kernel:     "bpf_xdp_get_buff_len_trace_proto",
		Ret:        RetInteger,
		Args:       args(ArgPtrToBTFID),
		ArgBTFName: [5]string{0: "xdp_buff"},
	})
	xdpLoadBytesProto = kernel(FuncXDPLoadBytes, Proto{
		Kernel: "bpf_xdp_load_bytes_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgAnything, ArgPtrToUninitMem, ArgConstSize),
	})
	xdpStoreBytesProto = kernel(FuncXDPStoreBytes, Proto{
		Kernel: "bpf_xdp_store_bytes_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgAnything, ArgPtrToMem|ArgRdonly, ArgConstSize),
	})
	skbSetTstampProto = kernel(FuncSKBSetTstamp, Proto{
		Kernel: "bpf_skb_set_tstamp_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgAnything, ArgAnything),
	})
	skcToMPTCPSockProto = kernel(FuncSkcToMPTCPSock, Proto{
		Kernel:     "bpf_skc_to_mptcp_sock_proto",
		Ret:        RetPtrToBTFIDOrNull,
		RetBTFName: "mptcp_sock",
		Args:       args(ArgPtrToSockCommon),
	})
	tcpRawGenSyncookieIPv4Proto = kernel(FuncTCPRawGenSyncookieIPv4, Proto{
		Kernel:    "bpf_tcp_raw_gen_syncookie_ipv4_proto",
		GPLOnly:   true,
		PktAccess: true,
		Ret:       RetInteger,
		Args:      args(ArgPtrToFixedSizeMem, ArgPtrToMem, ArgConstSizeOrZero),
		ArgSize:   [5]int{0: 20},
	})
	tcpRawGenSyncookieIPv6Proto = kernel(FuncTCPRawGenSyncookieIPv6, Proto{
		Kernel:    "bpf_tcp_raw_gen_syncookie_ipv6_proto",
		GPLOnly:   true,
		PktAccess: true,
		Ret:       RetInteger,
		Args:      args(ArgPtrToFixedSizeMem, ArgPtrToMem, ArgConstSizeOrZero),
		ArgSize:   [5]int{0: 40},
	})
	tcpRawCheckSyncookieIPv4Proto = kernel(FuncTCPRawCheckSyncookieIPv4, Proto{
		Kernel:    "bpf_tcp_raw_check_syncookie_ipv4_proto",
		GPLOnly:   true,
		PktAccess: true,
		Ret:       RetInteger,
		Args:      args(ArgPtrToFixedSizeMem, ArgPtrToFixedSizeMem),
		ArgSize:   [5]int{0: 20, 1: 20},
	})
	tcpRawCheckSyncookieIPv6Proto = kernel(FuncTCPRawCheckSyncookieIPv6, Proto{
		Kernel:    "bpf_tcp_raw_check_syncookie_ipv6_proto",
		GPLOnly:   true,
		PktAccess: true,
		Ret:       RetInteger,
		Args:      args(ArgPtrToFixedSizeMem, ArgPtrToFixedSizeMem),
		ArgSize:   [5]int{0: 40, 1: 20},
	})
)
