package helpers

// This file implements the kernel's per-program-type get_func_proto
// functions of Linux 6.12 as data. Each kernel function is a layer: the
// helper ids its switch decides, each to a prototype or to NULL; an id it
// does not name goes on to the function its default case calls, the next
// layer of the program type's chain. The cgroup_common_func_proto and
// cgroup_current_func_proto layers are soft: their callers go on when
// they return NULL.
//
// Every program type is modelled from its kernel function, except:
//   - iter: of the iterator targets' own helpers (bpf_iter_get_func_proto),
//     only the tcp and unix iterators' setsockopt and getsockopt;
//   - struct_ops: the helpers of tcp_congestion_ops
//     (bpf_tcp_ca_get_func_proto); other struct_ops types (sched_ext,
//     test modules) get other sets;
//   - freplace: the helpers of Prog.Target's type, or the base helpers;
//   - the allowed() checks of d_path, ima_*_hash and the tracing
//     sk_storage helpers are left to the caller (Proto.Allowed).

// A layer is one kernel get_func_proto function, or the part of one that
// runs under a condition.
type layer struct {
	fn   string                            // the kernel function
	ids  map[ID]*kernelProto               // its fixed answers (nil: NULL)
	cond map[ID]func(p *Prog) *kernelProto // its answers that depend on the program
	soft bool                              // a NULL answer goes on to the next layer
	when func(p *Prog) bool                // the layer runs only when this holds (nil: always)
}

// decide returns the layer's answer for id and whether it has one.
func (l *layer) decide(p *Prog, id ID) (*kernelProto, bool) {
	if l.when != nil && !l.when(p) {
		return nil, false
	}
	kp, ok := l.ids[id]
	if c, isCond := l.cond[id]; isCond {
		kp, ok = c(p), true
	}
	if ok && kp == nil && l.soft {
		return nil, false
	}
	return kp, ok
}

// lookup returns the prototype the kernel gives the program for id, or
// nil for NULL.
func (p *Prog) lookup(id ID) *kernelProto {
	chain, ok := chains[p.Type]
	if p.Type == "freplace" {
		if p.Target != "" && p.Target != "freplace" {
			t := *p
			t.Type, t.Target = p.Target, ""
			return t.lookup(id)
		}
		chain, ok = []*layer{baseLayer}, true
	}
	if !ok {
		return nil
	}
	for _, l := range chain {
		if kp, ok := l.decide(p, id); ok {
			return kp
		}
	}
	return nil
}

// chains are the layers each program type's get_func_proto goes through,
// from its own function to bpf_base_func_proto.
var chains = map[string][]*layer{
	"socket":           {skFilterLayer, skBaseLayer, baseLayer},
	"tc":               {tcClsActLayer, skBaseLayer, baseLayer},
	"action":           {tcClsActLayer, skBaseLayer, baseLayer},
	"xdp":              {xdpLayer, skBaseLayer, baseLayer},
	"cgroup_skb":       {cgroupCommonLayer, cgSKBLayer, skFilterLayer, skBaseLayer, baseLayer},
	"cgroup_sock":      {cgroupCommonLayer, cgroupCurrentLayer, sockFilterLayer, baseLayer},
	"cgroup_sock_addr": {cgroupCommonLayer, cgroupCurrentLayer, sockAddrLayer, skBaseLayer, baseLayer},
	"sockops":          {cgroupCommonLayer, sockOpsLayer, skBaseLayer, baseLayer},
	"sk_skb":           {skSKBLayer, skBaseLayer, baseLayer},
	"sk_msg":           {skMsgLayer, skBaseLayer, baseLayer},
	"flow_dissector":   {flowDissectorLayer, skBaseLayer, baseLayer},
	"lwt_in":           {lwtInLayer, lwtOutLayer, skBaseLayer, baseLayer},
	"lwt_out":          {lwtOutLayer, skBaseLayer, baseLayer},
	"lwt_xmit":         {lwtXmitLayer, lwtOutLayer, skBaseLayer, baseLayer},
	"lwt_seg6local":    {lwtSeg6localLayer, lwtOutLayer, skBaseLayer, baseLayer},
	"sk_reuseport":     {skReuseportLayer, baseLayer},
	"sk_lookup":        {skLookupLayer, skBaseLayer, baseLayer},
	"cgroup_device":    {cgroupCommonLayer, cgroupCurrentLayer, cgroupDevLayer, baseLayer},
	"cgroup_sysctl":    {cgroupCommonLayer, cgroupCurrentLayer, sysctlLayer, baseLayer},
	"cgroup_sockopt":   {cgroupCommonLayer, cgroupCurrentLayer, cgSockoptLayer, baseLayer},
	"lirc_mode2":       {lircMode2Layer},
	"kprobe":           {kprobeLayer, tracingLayer, baseLayer},
	"tracepoint":       {tpLayer, tracingLayer, baseLayer},
	"perf_event":       {peLayer, tracingLayer, baseLayer},
	"raw_tp":           {rawTPLayer, tracingLayer, baseLayer},
	"raw_tp.w":         {rawTPLayer, tracingLayer, baseLayer},
	"tp_btf":           {tracingProgLayer, rawTPLayer, tracingLayer, baseLayer},
	"fentry":           {tracingProgLayer, rawTPLayer, tracingLayer, baseLayer},
	"fexit":            {tracingProgLayer, rawTPLayer, tracingLayer, baseLayer},
	"fmod_ret":         {tracingProgLayer, rawTPLayer, tracingLayer, baseLayer},
	"iter":             {tracingProgLayer, rawTPLayer, tracingLayer, baseLayer, iterTargetLayer},
	"lsm":              {lsmCgroupLayer, lsmLayer, tracingProgLayer, rawTPLayer, tracingLayer, baseLayer},
	"syscall":          {syscallLayer, tracingProgLayer, rawTPLayer, tracingLayer, baseLayer},
	"struct_ops":       {tcpCALayer, baseLayer},
	"netfilter":        {baseLayer},
}

// baseLayer is bpf_base_func_proto (kernel/bpf/helpers.c), all three of
// its capability levels: none, CAP_BPF, CAP_PERFMON.
var baseLayer = &layer{fn: "bpf_base_func_proto", ids: map[ID]*kernelProto{
	FuncMapLookupElem:       mapLookupElemProto,
	FuncMapUpdateElem:       mapUpdateElemProto,
	FuncMapDeleteElem:       mapDeleteElemProto,
	FuncMapPushElem:         mapPushElemProto,
	FuncMapPopElem:          mapPopElemProto,
	FuncMapPeekElem:         mapPeekElemProto,
	FuncMapLookupPercpuElem: mapLookupPercpuElemProto,
	FuncGetPrandomU32:       getPrandomU32Proto,
	FuncGetSMPProcessorID:   getRawSMPProcessorIDProto,
	FuncGetNUMANodeID:       getNUMANodeIDProto,
	FuncTailCall:            tailCallProto,
	FuncKtimeGetNs:          ktimeGetNsProto,
	FuncKtimeGetBootNs:      ktimeGetBootNsProto,
	FuncKtimeGetTaiNs:       ktimeGetTaiNsProto,
	FuncRingbufOutput:       ringbufOutputProto,
	FuncRingbufReserve:      ringbufReserveProto,
	FuncRingbufSubmit:       ringbufSubmitProto,
	FuncRingbufDiscard:      ringbufDiscardProto,
	FuncRingbufQuery:        ringbufQueryProto,
	FuncStrncmp:             strncmpProto,
	FuncStrtol:              strtolProto,
	FuncStrtoul:             strtoulProto,
	FuncGetCurrentPIDTGID:   getCurrentPIDTGIDProto,
	FuncGetNsCurrentPIDTGID: getNsCurrentPIDTGIDProto,
	// CAP_BPF
	FuncSpinLock:                   spinLockProto,
	FuncSpinUnlock:                 spinUnlockProto,
	FuncJiffies64:                  jiffies64Proto,
	FuncPerCPUPtr:                  perCPUPtrProto,
	FuncThisCPUPtr:                 thisCPUPtrProto,
	FuncTimerInit:                  timerInitProto,
	FuncTimerSetCallback:           timerSetCallbackProto,
	FuncTimerStart:                 timerStartProto,
	FuncTimerCancel:                timerCancelProto,
	FuncKptrXchg:                   kptrXchgProto,
	FuncForEachMapElem:             forEachMapElemProto,
	FuncLoop:                       loopProto,
	FuncUserRingbufDrain:           userRingbufDrainProto,
	FuncRingbufReserveDynptr:       ringbufReserveDynptrProto,
	FuncRingbufSubmitDynptr:        ringbufSubmitDynptrProto,
	FuncRingbufDiscardDynptr:       ringbufDiscardDynptrProto,
	FuncDynptrFromMem:              dynptrFromMemProto,
	FuncDynptrRead:                 dynptrReadProto,
	FuncDynptrWrite:                dynptrWriteProto,
	FuncDynptrData:                 dynptrDataProto,
	FuncCgrpStorageGet:             cgrpStorageGetProto,
	FuncCgrpStorageDelete:          cgrpStorageDeleteProto,
	FuncGetCurrentCgroupID:         getCurrentCgroupIDProto,
	FuncGetCurrentAncestorCgroupID: getCurrentAncestorCgroupIDProto,
	// CAP_PERFMON
	FuncTracePrintk:        tracePrintkProto,
	FuncGetCurrentTask:     getCurrentTaskProto,
	FuncGetCurrentTaskBTF:  getCurrentTaskBTFProto,
	FuncProbeReadUser:      probeReadUserProto,
	FuncProbeReadKernel:    probeReadKernelProto,
	FuncProbeReadUserStr:   probeReadUserStrProto,
	FuncProbeReadKernelStr: probeReadKernelStrProto,
	FuncSnprintfBTF:        snprintfBTFProto,
	FuncSnprintf:           snprintfProto,
	FuncTaskPtRegs:         taskPtRegsProto,
	FuncTraceVprintk:       traceVprintkProto,
}}

// skBaseLayer is bpf_sk_base_func_proto (net/core/filter.c).
var skBaseLayer = &layer{fn: "bpf_sk_base_func_proto", ids: map[ID]*kernelProto{
	FuncSkcToTCP6Sock:        skcToTCP6SockProto,
	FuncSkcToTCPSock:         skcToTCPSockProto,
	FuncSkcToTCPTimewaitSock: skcToTCPTimewaitSockProto,
	FuncSkcToTCPRequestSock:  skcToTCPRequestSockProto,
	FuncSkcToUDP6Sock:        skcToUDP6SockProto,
	FuncSkcToUnixSock:        skcToUnixSockProto,
	FuncSkcToMPTCPSock:       skcToMPTCPSockProto,
	FuncKtimeGetCoarseNs:     ktimeGetCoarseNsProto,
}}

// skFilterLayer is sk_filter_func_proto (socket filters).
var skFilterLayer = &layer{fn: "sk_filter_func_proto", ids: map[ID]*kernelProto{
	FuncSKBLoadBytes:         skbLoadBytesProto,
	FuncSKBLoadBytesRelative: skbLoadBytesRelativeProto,
	FuncGetSocketCookie:      getSocketCookieProto,
	FuncGetSocketUID:         getSocketUIDProto,
	FuncPerfEventOutput:      skbEventOutputProto,
}}

// tcClsActLayer is tc_cls_act_func_proto (tc classifiers and actions).
var tcClsActLayer = &layer{fn: "tc_cls_act_func_proto", ids: map[ID]*kernelProto{
	FuncSKBStoreBytes:            skbStoreBytesProto,
	FuncSKBLoadBytes:             skbLoadBytesProto,
	FuncSKBLoadBytesRelative:     skbLoadBytesRelativeProto,
	FuncSKBPullData:              skbPullDataProto,
	FuncCsumDiff:                 csumDiffProto,
	FuncCsumUpdate:               csumUpdateProto,
	FuncCsumLevel:                csumLevelProto,
	FuncL3CsumReplace:            l3CsumReplaceProto,
	FuncL4CsumReplace:            l4CsumReplaceProto,
	FuncCloneRedirect:            cloneRedirectProto,
	FuncGetCgroupClassid:         getCgroupClassidProto,
	FuncSKBVLANPush:              skbVLANPushProto,
	FuncSKBVLANPop:               skbVLANPopProto,
	FuncSKBChangeProto:           skbChangeProtoProto,
	FuncSKBChangeType:            skbChangeTypeProto,
	FuncSKBAdjustRoom:            skbAdjustRoomProto,
	FuncSKBChangeTail:            skbChangeTailProto,
	FuncSKBChangeHead:            skbChangeHeadProto,
	FuncSKBGetTunnelKey:          skbGetTunnelKeyProto,
	FuncSKBSetTunnelKey:          skbSetTunnelKeyProto,
	FuncSKBGetTunnelOpt:          skbGetTunnelOptProto,
	FuncSKBSetTunnelOpt:          skbSetTunnelOptProto,
	FuncRedirect:                 redirectProto,
	FuncRedirectNeigh:            redirectNeighProto,
	FuncRedirectPeer:             redirectPeerProto,
	FuncGetRouteRealm:            getRouteRealmProto,
	FuncGetHashRecalc:            getHashRecalcProto,
	FuncSetHashInvalid:           setHashInvalidProto,
	FuncSetHash:                  setHashProto,
	FuncPerfEventOutput:          skbEventOutputProto,
	FuncGetSMPProcessorID:        getSMPProcessorIDProto,
	FuncSKBUnderCgroup:           skbUnderCgroupProto,
	FuncGetSocketCookie:          getSocketCookieProto,
	FuncGetSocketUID:             getSocketUIDProto,
	FuncFIBLookup:                skbFIBLookupProto,
	FuncCheckMTU:                 skbCheckMTUProto,
	FuncSkFullsock:               skFullsockProto,
	FuncSkStorageGet:             skStorageGetProto,
	FuncSkStorageDelete:          skStorageDeleteProto,
	FuncSKBGetXFRMState:          skbGetXFRMStateProto,
	FuncSKBCgroupClassid:         skbCgroupClassidProto,
	FuncSKBCgroupID:              skbCgroupIDProto,
	FuncSKBAncestorCgroupID:      skbAncestorCgroupIDProto,
	FuncSkLookupTCP:              tcSkLookupTCPProto,
	FuncSkLookupUDP:              tcSkLookupUDPProto,
	FuncSkRelease:                skReleaseProto,
	FuncTCPSock:                  tcpSockProto,
	FuncGetListenerSock:          getListenerSockProto,
	FuncSkcLookupTCP:             tcSkcLookupTCPProto,
	FuncTCPCheckSyncookie:        tcpCheckSyncookieProto,
	FuncSKBECNSetCE:              skbECNSetCEProto,
	FuncTCPGenSyncookie:          tcpGenSyncookieProto,
	FuncSkAssign:                 skAssignProto,
	FuncSKBSetTstamp:             skbSetTstampProto,
	FuncTCPRawGenSyncookieIPv4:   tcpRawGenSyncookieIPv4Proto,
	FuncTCPRawGenSyncookieIPv6:   tcpRawGenSyncookieIPv6Proto,
	FuncTCPRawCheckSyncookieIPv4: tcpRawCheckSyncookieIPv4Proto,
	FuncTCPRawCheckSyncookieIPv6: tcpRawCheckSyncookieIPv6Proto,
}}

// xdpLayer is xdp_func_proto.
var xdpLayer = &layer{fn: "xdp_func_proto", ids: map[ID]*kernelProto{
	FuncPerfEventOutput:          xdpEventOutputProto,
	FuncGetSMPProcessorID:        getSMPProcessorIDProto,
	FuncCsumDiff:                 csumDiffProto,
	FuncXDPAdjustHead:            xdpAdjustHeadProto,
	FuncXDPAdjustMeta:            xdpAdjustMetaProto,
	FuncRedirect:                 xdpRedirectProto,
	FuncRedirectMap:              xdpRedirectMapProto,
	FuncXDPAdjustTail:            xdpAdjustTailProto,
	FuncXDPGetBuffLen:            xdpGetBuffLenProto,
	FuncXDPLoadBytes:             xdpLoadBytesProto,
	FuncXDPStoreBytes:            xdpStoreBytesProto,
	FuncFIBLookup:                xdpFIBLookupProto,
	FuncCheckMTU:                 xdpCheckMTUProto,
	FuncSkLookupUDP:              xdpSkLookupUDPProto,
	FuncSkLookupTCP:              xdpSkLookupTCPProto,
	FuncSkRelease:                skReleaseProto,
	FuncSkcLookupTCP:             xdpSkcLookupTCPProto,
	FuncTCPCheckSyncookie:        tcpCheckSyncookieProto,
	FuncTCPGenSyncookie:          tcpGenSyncookieProto,
	FuncTCPRawGenSyncookieIPv4:   tcpRawGenSyncookieIPv4Proto,
	FuncTCPRawGenSyncookieIPv6:   tcpRawGenSyncookieIPv6Proto,
	FuncTCPRawCheckSyncookieIPv4: tcpRawCheckSyncookieIPv4Proto,
	FuncTCPRawCheckSyncookieIPv6: tcpRawCheckSyncookieIPv6Proto,
}}

// cgroupCommonLayer is cgroup_common_func_proto (kernel/bpf/cgroup.c),
// which the cgroup program types (and BPF_LSM_CGROUP) ask first.
var cgroupCommonLayer = &layer{fn: "cgroup_common_func_proto", soft: true,
	ids: map[ID]*kernelProto{FuncGetLocalStorage: getLocalStorageProto},
	cond: map[ID]func(p *Prog) *kernelProto{
		FuncGetRetval: func(p *Prog) *kernelProto { return ifRetval(p, getRetvalProto) },
		FuncSetRetval: func(p *Prog) *kernelProto { return ifRetval(p, setRetvalProto) },
	}}

// ifRetval returns kp unless the program's attach type has no return
// value to get or set (the hooks where the kernel ignores it).
func ifRetval(p *Prog, kp *kernelProto) *kernelProto {
	switch p.attach() {
	case AttachCgroupInetIngress, AttachCgroupInetEgress, AttachCgroupSockOps,
		AttachCgroupUDP4Recvmsg, AttachCgroupUDP6Recvmsg, AttachCgroupUnixRecvmsg,
		AttachCgroupInet4Getpeername, AttachCgroupInet6Getpeername, AttachCgroupUnixGetpeername,
		AttachCgroupInet4Getsockname, AttachCgroupInet6Getsockname, AttachCgroupUnixGetsockname:
		return nil
	}
	return kp
}

// cgroupCurrentLayer is cgroup_current_func_proto: the cgroup hooks that
// run in process context.
var cgroupCurrentLayer = &layer{fn: "cgroup_current_func_proto", soft: true, ids: map[ID]*kernelProto{
	FuncGetCurrentUIDGID:       getCurrentUIDGIDProto,
	FuncGetCurrentComm:         getCurrentCommProto,
	FuncGetCgroupClassid:       getCgroupClassidCurrProto,
	FuncCurrentTaskUnderCgroup: currentTaskUnderCgroupProto,
}}

// cgSKBLayer is cg_skb_func_proto (cgroup_skb), which goes on to
// sk_filter_func_proto.
var cgSKBLayer = &layer{fn: "cg_skb_func_proto", ids: map[ID]*kernelProto{
	FuncSkFullsock:          skFullsockProto,
	FuncSkStorageGet:        skStorageGetProto,
	FuncSkStorageDelete:     skStorageDeleteProto,
	FuncPerfEventOutput:     skbEventOutputProto,
	FuncSKBCgroupID:         skbCgroupIDProto,
	FuncSKBAncestorCgroupID: skbAncestorCgroupIDProto,
	FuncSkCgroupID:          skCgroupIDProto,
	FuncSkAncestorCgroupID:  skAncestorCgroupIDProto,
	FuncSkLookupTCP:         skLookupTCPProto,
	FuncSkLookupUDP:         skLookupUDPProto,
	FuncSkRelease:           skReleaseProto,
	FuncSkcLookupTCP:        skcLookupTCPProto,
	FuncTCPSock:             tcpSockProto,
	FuncGetListenerSock:     getListenerSockProto,
	FuncSKBECNSetCE:         skbECNSetCEProto,
}}

// sockFilterLayer is sock_filter_func_proto (cgroup_sock), which goes on
// to bpf_base_func_proto.
var sockFilterLayer = &layer{fn: "sock_filter_func_proto", ids: map[ID]*kernelProto{
	FuncGetSocketCookie:  getSocketCookieSockProto,
	FuncGetNetnsCookie:   getNetnsCookieSockProto,
	FuncPerfEventOutput:  eventOutputDataProto,
	FuncSkStorageGet:     skStorageGetCgSockProto,
	FuncKtimeGetCoarseNs: ktimeGetCoarseNsProto,
}}

// sockAddrLayer is sock_addr_func_proto (cgroup_sock_addr).
var sockAddrLayer = &layer{fn: "sock_addr_func_proto",
	ids: map[ID]*kernelProto{
		FuncGetSocketCookie: getSocketCookieSockAddrProto,
		FuncGetNetnsCookie:  getNetnsCookieSockAddrProto,
		FuncPerfEventOutput: eventOutputDataProto,
		FuncSkLookupTCP:     sockAddrSkLookupTCPProto,
		FuncSkLookupUDP:     sockAddrSkLookupUDPProto,
		FuncSkRelease:       skReleaseProto,
		FuncSkcLookupTCP:    sockAddrSkcLookupTCPProto,
		FuncSkStorageGet:    skStorageGetProto,
		FuncSkStorageDelete: skStorageDeleteProto,
	},
	cond: map[ID]func(p *Prog) *kernelProto{
		FuncBind: func(p *Prog) *kernelProto {
			if a := p.attach(); a == AttachCgroupInet4Connect || a == AttachCgroupInet6Connect {
				return bindProto
			}
			return nil
		},
		FuncSetsockopt: func(p *Prog) *kernelProto { return ifSockAddrSockopt(p, sockAddrSetsockoptProto) },
		FuncGetsockopt: func(p *Prog) *kernelProto { return ifSockAddrSockopt(p, sockAddrGetsockoptProto) },
	}}

// ifSockAddrSockopt returns kp for the cgroup_sock_addr attach types that
// may call setsockopt and getsockopt.
func ifSockAddrSockopt(p *Prog, kp *kernelProto) *kernelProto {
	switch p.attach() {
	case AttachCgroupInet4Bind, AttachCgroupInet6Bind,
		AttachCgroupInet4Connect, AttachCgroupInet6Connect, AttachCgroupUnixConnect,
		AttachCgroupUDP4Recvmsg, AttachCgroupUDP6Recvmsg, AttachCgroupUnixRecvmsg,
		AttachCgroupUDP4Sendmsg, AttachCgroupUDP6Sendmsg, AttachCgroupUnixSendmsg,
		AttachCgroupInet4Getpeername, AttachCgroupInet6Getpeername,
		AttachCgroupInet4Getsockname, AttachCgroupInet6Getsockname:
		return kp
	}
	return nil
}

// sockOpsLayer is sock_ops_func_proto (sockops).
var sockOpsLayer = &layer{fn: "sock_ops_func_proto", ids: map[ID]*kernelProto{
	FuncSetsockopt:        sockOpsSetsockoptProto,
	FuncGetsockopt:        sockOpsGetsockoptProto,
	FuncSockOpsCBFlagsSet: sockOpsCBFlagsSetProto,
	FuncSockMapUpdate:     sockMapUpdateProto,
	FuncSockHashUpdate:    sockHashUpdateProto,
	FuncGetSocketCookie:   getSocketCookieSockOpsProto,
	FuncPerfEventOutput:   eventOutputDataProto,
	FuncSkStorageGet:      skStorageGetProto,
	FuncSkStorageDelete:   skStorageDeleteProto,
	FuncGetNetnsCookie:    getNetnsCookieSockOpsProto,
	FuncLoadHdrOpt:        sockOpsLoadHdrOptProto,
	FuncStoreHdrOpt:       sockOpsStoreHdrOptProto,
	FuncReserveHdrOpt:     sockOpsReserveHdrOptProto,
	FuncTCPSock:           tcpSockProto,
}}

// skMsgLayer is sk_msg_func_proto (sk_msg).
var skMsgLayer = &layer{fn: "sk_msg_func_proto", ids: map[ID]*kernelProto{
	FuncMsgRedirectMap:   msgRedirectMapProto,
	FuncMsgRedirectHash:  msgRedirectHashProto,
	FuncMsgApplyBytes:    msgApplyBytesProto,
	FuncMsgCorkBytes:     msgCorkBytesProto,
	FuncMsgPullData:      msgPullDataProto,
	FuncMsgPushData:      msgPushDataProto,
	FuncMsgPopData:       msgPopDataProto,
	FuncPerfEventOutput:  eventOutputDataProto,
	FuncGetCurrentUIDGID: getCurrentUIDGIDProto,
	FuncSkStorageGet:     skStorageGetProto,
	FuncSkStorageDelete:  skStorageDeleteProto,
	FuncGetNetnsCookie:   getNetnsCookieSkMsgProto,
	FuncGetCgroupClassid: getCgroupClassidCurrProto,
}}

// skSKBLayer is sk_skb_func_proto (sk_skb).
var skSKBLayer = &layer{fn: "sk_skb_func_proto", ids: map[ID]*kernelProto{
	FuncSKBStoreBytes:   skbStoreBytesProto,
	FuncSKBLoadBytes:    skbLoadBytesProto,
	FuncSKBPullData:     skSKBPullDataProto,
	FuncSKBChangeTail:   skSKBChangeTailProto,
	FuncSKBChangeHead:   skSKBChangeHeadProto,
	FuncSKBAdjustRoom:   skSKBAdjustRoomProto,
	FuncGetSocketCookie: getSocketCookieProto,
	FuncGetSocketUID:    getSocketUIDProto,
	FuncSkRedirectMap:   skRedirectMapProto,
	FuncSkRedirectHash:  skRedirectHashProto,
	FuncPerfEventOutput: skbEventOutputProto,
	FuncSkLookupTCP:     skLookupTCPProto,
	FuncSkLookupUDP:     skLookupUDPProto,
	FuncSkRelease:       skReleaseProto,
	FuncSkcLookupTCP:    skcLookupTCPProto,
}}

// flowDissectorLayer is flow_dissector_func_proto.
var flowDissectorLayer = &layer{fn: "flow_dissector_func_proto", ids: map[ID]*kernelProto{
	FuncSKBLoadBytes: flowDissectorLoadBytesProto,
}}

// lwtOutLayer is lwt_out_func_proto, which the other lwt types go on to.
var lwtOutLayer = &layer{fn: "lwt_out_func_proto", ids: map[ID]*kernelProto{
	FuncSKBLoadBytes:      skbLoadBytesProto,
	FuncSKBPullData:       skbPullDataProto,
	FuncCsumDiff:          csumDiffProto,
	FuncGetCgroupClassid:  getCgroupClassidProto,
	FuncGetRouteRealm:     getRouteRealmProto,
	FuncGetHashRecalc:     getHashRecalcProto,
	FuncPerfEventOutput:   skbEventOutputProto,
	FuncGetSMPProcessorID: getSMPProcessorIDProto,
	FuncSKBUnderCgroup:    skbUnderCgroupProto,
}}

// lwtInLayer is lwt_in_func_proto.
var lwtInLayer = &layer{fn: "lwt_in_func_proto", ids: map[ID]*kernelProto{
	FuncLWTPushEncap: lwtInPushEncapProto,
}}

// lwtXmitLayer is lwt_xmit_func_proto.
var lwtXmitLayer = &layer{fn: "lwt_xmit_func_proto", ids: map[ID]*kernelProto{
	FuncSKBGetTunnelKey: skbGetTunnelKeyProto,
	FuncSKBSetTunnelKey: skbSetTunnelKeyProto,
	FuncSKBGetTunnelOpt: skbGetTunnelOptProto,
	FuncSKBSetTunnelOpt: skbSetTunnelOptProto,
	FuncRedirect:        redirectProto,
	FuncCloneRedirect:   cloneRedirectProto,
	FuncSKBChangeTail:   skbChangeTailProto,
	FuncSKBChangeHead:   skbChangeHeadProto,
	FuncSKBStoreBytes:   skbStoreBytesProto,
	FuncCsumUpdate:      csumUpdateProto,
	FuncCsumLevel:       csumLevelProto,
	FuncL3CsumReplace:   l3CsumReplaceProto,
	FuncL4CsumReplace:   l4CsumReplaceProto,
	FuncSetHashInvalid:  setHashInvalidProto,
	FuncLWTPushEncap:    lwtXmitPushEncapProto,
}}

// lwtSeg6localLayer is lwt_seg6local_func_proto: it refuses
// skb_pull_data, which lwt_out_func_proto would give.
var lwtSeg6localLayer = &layer{fn: "lwt_seg6local_func_proto", ids: map[ID]*kernelProto{
	FuncSKBPullData:       nil,
	FuncLWTSeg6StoreBytes: lwtSeg6StoreBytesProto,
	FuncLWTSeg6Action:     lwtSeg6ActionProto,
	FuncLWTSeg6AdjustSRH:  lwtSeg6AdjustSRHProto,
}}

// skReuseportLayer is sk_reuseport_func_proto, which goes on to
// bpf_base_func_proto.
var skReuseportLayer = &layer{fn: "sk_reuseport_func_proto", ids: map[ID]*kernelProto{
	FuncSkSelectReuseport:    skSelectReuseportProto,
	FuncSKBLoadBytes:         skReuseportLoadBytesProto,
	FuncSKBLoadBytesRelative: skReuseportLoadBytesRelativeProto,
	FuncGetSocketCookie:      getSocketPtrCookieProto,
	FuncKtimeGetCoarseNs:     ktimeGetCoarseNsProto,
}}

// skLookupLayer is sk_lookup_func_proto.
var skLookupLayer = &layer{fn: "sk_lookup_func_proto", ids: map[ID]*kernelProto{
	FuncPerfEventOutput: eventOutputDataProto,
	FuncSkAssign:        skLookupAssignProto,
	FuncSkRelease:       skReleaseProto,
}}

// cgroupDevLayer is cgroup_dev_func_proto (cgroup_device).
var cgroupDevLayer = &layer{fn: "cgroup_dev_func_proto", ids: map[ID]*kernelProto{
	FuncPerfEventOutput: eventOutputDataProto,
}}

// sysctlLayer is sysctl_func_proto (cgroup_sysctl).
var sysctlLayer = &layer{fn: "sysctl_func_proto", ids: map[ID]*kernelProto{
	FuncSysctlGetName:         sysctlGetNameProto,
	FuncSysctlGetCurrentValue: sysctlGetCurrentValueProto,
	FuncSysctlGetNewValue:     sysctlGetNewValueProto,
	FuncSysctlSetNewValue:     sysctlSetNewValueProto,
	FuncKtimeGetCoarseNs:      ktimeGetCoarseNsProto,
	FuncPerfEventOutput:       eventOutputDataProto,
}}

// cgSockoptLayer is cg_sockopt_func_proto (cgroup_sockopt).
var cgSockoptLayer = &layer{fn: "cg_sockopt_func_proto",
	ids: map[ID]*kernelProto{
		FuncGetNetnsCookie:  getNetnsCookieSockoptProto,
		FuncSkStorageGet:    skStorageGetProto,
		FuncSkStorageDelete: skStorageDeleteProto,
		FuncTCPSock:         tcpSockProto,
		FuncPerfEventOutput: eventOutputDataProto,
	},
	cond: map[ID]func(p *Prog) *kernelProto{
		FuncSetsockopt: func(p *Prog) *kernelProto { return ifAttach(p, AttachCgroupSetsockopt, skSetsockoptProto) },
		FuncGetsockopt: func(p *Prog) *kernelProto { return ifAttach(p, AttachCgroupSetsockopt, skGetsockoptProto) },
	}}

// ifAttach returns kp when the program's attach type is a.
func ifAttach(p *Prog, a AttachType, kp *kernelProto) *kernelProto {
	if p.attach() == a {
		return kp
	}
	return nil
}

// lircMode2Layer is lirc_mode2_func_proto (drivers/media/rc/bpf-lirc.c):
// everything it does not name is NULL.
var lircMode2Layer = &layer{fn: "lirc_mode2_func_proto", ids: map[ID]*kernelProto{
	FuncRCRepeat:       rcRepeatProto,
	FuncRCKeydown:      rcKeydownProto,
	FuncRCPointerRel:   rcPointerRelProto,
	FuncMapLookupElem:  mapLookupElemProto,
	FuncMapUpdateElem:  mapUpdateElemProto,
	FuncMapDeleteElem:  mapDeleteElemProto,
	FuncMapPushElem:    mapPushElemProto,
	FuncMapPopElem:     mapPopElemProto,
	FuncMapPeekElem:    mapPeekElemProto,
	FuncKtimeGetNs:     ktimeGetNsProto,
	FuncKtimeGetBootNs: ktimeGetBootNsProto,
	FuncTailCall:       tailCallProto,
	FuncGetPrandomU32:  getPrandomU32Proto,
	FuncTracePrintk:    tracePrintkProto,
}}

// tracingLayer is bpf_tracing_func_proto (kernel/trace/bpf_trace.c),
// which every tracing program type goes through before
// bpf_base_func_proto.
var tracingLayer = &layer{fn: "bpf_tracing_func_proto",
	ids: map[ID]*kernelProto{
		FuncMapLookupElem:          mapLookupElemProto,
		FuncMapUpdateElem:          mapUpdateElemProto,
		FuncMapDeleteElem:          mapDeleteElemProto,
		FuncMapPushElem:            mapPushElemProto,
		FuncMapPopElem:             mapPopElemProto,
		FuncMapPeekElem:            mapPeekElemProto,
		FuncMapLookupPercpuElem:    mapLookupPercpuElemProto,
		FuncKtimeGetNs:             ktimeGetNsProto,
		FuncKtimeGetBootNs:         ktimeGetBootNsProto,
		FuncTailCall:               tailCallProto,
		FuncGetCurrentTask:         getCurrentTaskProto,
		FuncGetCurrentTaskBTF:      getCurrentTaskBTFProto,
		FuncTaskPtRegs:             taskPtRegsProto,
		FuncGetCurrentUIDGID:       getCurrentUIDGIDProto,
		FuncGetCurrentComm:         getCurrentCommProto,
		FuncTracePrintk:            tracePrintkProto,
		FuncGetSMPProcessorID:      getSMPProcessorIDProto,
		FuncGetNUMANodeID:          getNUMANodeIDProto,
		FuncPerfEventRead:          perfEventReadProto,
		FuncGetPrandomU32:          getPrandomU32Proto,
		FuncProbeWriteUser:         probeWriteUserProto,
		FuncProbeReadUser:          probeReadUserProto,
		FuncProbeReadKernel:        probeReadKernelProto,
		FuncProbeReadUserStr:       probeReadUserStrProto,
		FuncProbeReadKernelStr:     probeReadKernelStrProto,
		FuncProbeRead:              probeReadCompatProto,
		FuncProbeReadStr:           probeReadCompatStrProto,
		FuncCgrpStorageGet:         cgrpStorageGetProto,
		FuncCgrpStorageDelete:      cgrpStorageDeleteProto,
		FuncCurrentTaskUnderCgroup: currentTaskUnderCgroupProto,
		FuncSendSignal:             sendSignalProto,
		FuncSendSignalThread:       sendSignalThreadProto,
		FuncPerfEventReadValue:     perfEventReadValueProto,
		FuncRingbufOutput:          ringbufOutputProto,
		FuncRingbufReserve:         ringbufReserveProto,
		FuncRingbufSubmit:          ringbufSubmitProto,
		FuncRingbufDiscard:         ringbufDiscardProto,
		FuncRingbufQuery:           ringbufQueryProto,
		FuncJiffies64:              jiffies64Proto,
		FuncCopyFromUser:           copyFromUserProto,
		FuncCopyFromUserTask:       copyFromUserTaskProto,
		FuncSnprintfBTF:            snprintfBTFProto,
		FuncPerCPUPtr:              perCPUPtrProto,
		FuncThisCPUPtr:             thisCPUPtrProto,
		FuncForEachMapElem:         forEachMapElemProto,
		FuncSnprintf:               snprintfProto,
		FuncGetFuncIP:              getFuncIPProtoTracing,
		FuncGetBranchSnapshot:      getBranchSnapshotProto,
		FuncFindVMA:                findVMAProto,
		FuncTraceVprintk:           traceVprintkProto,
	},
	cond: map[ID]func(p *Prog) *kernelProto{
		FuncGetTaskStack: func(p *Prog) *kernelProto {
			if p.Sleepable {
				return getTaskStackSleepableProto
			}
			return getTaskStackProto
		},
		FuncTaskStorageGet: func(p *Prog) *kernelProto {
			if p.checkRecur() {
				return taskStorageGetRecurProto
			}
			return taskStorageGetProto
		},
		FuncTaskStorageDelete: func(p *Prog) *kernelProto {
			if p.checkRecur() {
				return taskStorageDeleteRecurProto
			}
			return taskStorageDeleteProto
		},
	}}

// kprobeLayer is kprobe_prog_func_proto (kprobe, uprobe, and their multi
// and session forms).
var kprobeLayer = &layer{fn: "kprobe_prog_func_proto",
	ids: map[ID]*kernelProto{
		FuncPerfEventOutput: perfEventOutputProto,
		FuncGetStackid:      getStackidProto,
		FuncOverrideReturn:  overrideReturnProto,
	},
	cond: map[ID]func(p *Prog) *kernelProto{
		FuncGetStack: func(p *Prog) *kernelProto {
			if p.Sleepable {
				return getStackSleepableProto
			}
			return getStackProto
		},
		FuncGetFuncIP: func(p *Prog) *kernelProto {
			switch p.attach() {
			case AttachTraceKprobeMulti, AttachTraceKprobeSession:
				return getFuncIPProtoKprobeMulti
			case AttachTraceUprobeMulti:
				return getFuncIPProtoUprobeMulti
			}
			return getFuncIPProtoKprobe
		},
		FuncGetAttachCookie: func(p *Prog) *kernelProto {
			switch p.attach() {
			case AttachTraceKprobeMulti, AttachTraceKprobeSession:
				return getAttachCookieProtoKMulti
			case AttachTraceUprobeMulti:
				return getAttachCookieProtoUMulti
			}
			return getAttachCookieProtoTrace
		},
	}}

// tpLayer is tp_prog_func_proto (tracepoint).
var tpLayer = &layer{fn: "tp_prog_func_proto", ids: map[ID]*kernelProto{
	FuncPerfEventOutput: perfEventOutputProtoTP,
	FuncGetStackid:      getStackidProtoTP,
	FuncGetStack:        getStackProtoTP,
	FuncGetAttachCookie: getAttachCookieProtoTrace,
}}

// peLayer is pe_prog_func_proto (perf_event).
var peLayer = &layer{fn: "pe_prog_func_proto", ids: map[ID]*kernelProto{
	FuncPerfEventOutput:   perfEventOutputProtoTP,
	FuncGetStackid:        getStackidProtoPE,
	FuncGetStack:          getStackProtoPE,
	FuncPerfProgReadValue: perfProgReadValueProto,
	FuncReadBranchRecords: readBranchRecordsProto,
	FuncGetAttachCookie:   getAttachCookieProtoPE,
}}

// rawTPLayer is raw_tp_prog_func_proto (raw_tp, raw_tp.w), which
// tracing_prog_func_proto goes on to.
var rawTPLayer = &layer{fn: "raw_tp_prog_func_proto", ids: map[ID]*kernelProto{
	FuncPerfEventOutput: perfEventOutputProtoRawTP,
	FuncGetStackid:      getStackidProtoRawTP,
	FuncGetStack:        getStackProtoRawTP,
	FuncGetAttachCookie: getAttachCookieProtoTracing,
}}

// tracingProgLayer is tracing_prog_func_proto (BPF_PROG_TYPE_TRACING:
// tp_btf, fentry, fexit, fmod_ret, iter; and, through their own
// functions, lsm and syscall).
var tracingProgLayer = &layer{fn: "tracing_prog_func_proto",
	ids: map[ID]*kernelProto{
		FuncSKBOutput:            skbOutputProto,
		FuncXDPOutput:            xdpOutputProto,
		FuncSkcToTCP6Sock:        skcToTCP6SockProto,
		FuncSkcToTCPSock:         skcToTCPSockProto,
		FuncSkcToTCPTimewaitSock: skcToTCPTimewaitSockProto,
		FuncSkcToTCPRequestSock:  skcToTCPRequestSockProto,
		FuncSkcToUDP6Sock:        skcToUDP6SockProto,
		FuncSkcToUnixSock:        skcToUnixSockProto,
		FuncSkcToMPTCPSock:       skcToMPTCPSockProto,
		FuncSkStorageGet:         skStorageGetTracingProto,
		FuncSkStorageDelete:      skStorageDeleteTracingProto,
		FuncSockFromFile:         sockFromFileProto,
		FuncGetSocketCookie:      getSocketPtrCookieProto,
		FuncXDPGetBuffLen:        xdpGetBuffLenTraceProto,
		FuncDPath:                dPathProto,
	},
	cond: map[ID]func(p *Prog) *kernelProto{
		FuncSeqPrintf:     func(p *Prog) *kernelProto { return ifAttach(p, AttachTraceIter, seqPrintfProto) },
		FuncSeqWrite:      func(p *Prog) *kernelProto { return ifAttach(p, AttachTraceIter, seqWriteProto) },
		FuncSeqPrintfBTF:  func(p *Prog) *kernelProto { return ifAttach(p, AttachTraceIter, seqPrintfBTFProto) },
		FuncGetFuncArg:    func(p *Prog) *kernelProto { return ifTrampoline(p, getFuncArgProto) },
		FuncGetFuncRet:    func(p *Prog) *kernelProto { return ifTrampoline(p, getFuncRetProto) },
		FuncGetFuncArgCnt: func(p *Prog) *kernelProto { return ifTrampoline(p, getFuncArgCntProto) },
		FuncGetAttachCookie: func(p *Prog) *kernelProto {
			if p.isTracing() && p.attach() == AttachTraceRawTP {
				return getAttachCookieProtoTracing
			}
			return ifTrampoline(p, getAttachCookieProtoTracing)
		},
	}}

// ifTrampoline returns kp for the programs that run from a BPF trampoline
// (bpf_prog_has_trampoline).
func ifTrampoline(p *Prog, kp *kernelProto) *kernelProto {
	if p.hasTrampoline() {
		return kp
	}
	return nil
}

// lsmCgroupLayer is the cgroup_common_func_proto call with which
// bpf_lsm_func_proto starts for BPF_LSM_CGROUP programs.
var lsmCgroupLayer = &layer{fn: "cgroup_common_func_proto", soft: true,
	ids:  cgroupCommonLayer.ids,
	cond: cgroupCommonLayer.cond,
	when: func(p *Prog) bool { return p.attach() == AttachLSMCgroup },
}

// lsmLayer is bpf_lsm_func_proto (kernel/bpf/bpf_lsm.c), which goes on to
// tracing_prog_func_proto.
var lsmLayer = &layer{fn: "bpf_lsm_func_proto",
	ids: map[ID]*kernelProto{
		FuncInodeStorageGet:    inodeStorageGetProto,
		FuncInodeStorageDelete: inodeStorageDeleteProto,
		FuncSkStorageGet:       skStorageGetProto,
		FuncSkStorageDelete:    skStorageDeleteProto,
		FuncSpinLock:           spinLockProto,
		FuncSpinUnlock:         spinUnlockProto,
		FuncBprmOptsSet:        bprmOptsSetProto,
		FuncIMAInodeHash:       imaInodeHashProto,
		FuncIMAFileHash:        imaFileHashProto,
	},
	cond: map[ID]func(p *Prog) *kernelProto{
		FuncGetAttachCookie: func(p *Prog) *kernelProto { return ifTrampoline(p, getAttachCookieProto) },
		FuncSetsockopt:      func(p *Prog) *kernelProto { return lsmSockopt(p, skSetsockoptProto, unlockedSkSetsockoptProto) },
		FuncGetsockopt:      func(p *Prog) *kernelProto { return lsmSockopt(p, skGetsockoptProto, unlockedSkGetsockoptProto) },
	}}

// lsmSockopt is setsockopt or getsockopt for an lsm program: only
// BPF_LSM_CGROUP programs get them, on the hooks where the socket is
// locked (bpf_lsm_locked_sockopt_hooks) or still being set up
// (bpf_lsm_unlocked_sockopt_hooks).
func lsmSockopt(p *Prog, locked, unlocked *kernelProto) *kernelProto {
	if p.attach() != AttachLSMCgroup {
		return nil
	}
	switch p.AttachTo {
	case "sock_graft", "inet_csk_clone", "inet_conn_established":
		return locked
	case "socket_post_create", "socket_socketpair":
		return unlocked
	}
	return nil
}

// iterTargetLayer is bpf_iter_get_func_proto, which tracing_prog_func_proto
// asks last for iter programs: the tcp and unix iterators give setsockopt
// and getsockopt (bpf_iter_tcp_get_func_proto,
// bpf_iter_unix_get_func_proto); the other targets give nothing.
var iterTargetLayer = &layer{fn: "bpf_iter_get_func_proto",
	ids: map[ID]*kernelProto{
		FuncSetsockopt: skSetsockoptProto,
		FuncGetsockopt: skGetsockoptProto,
	},
	when: func(p *Prog) bool { return p.AttachTo == "tcp" || p.AttachTo == "unix" },
}

// syscallLayer is syscall_prog_func_proto (kernel/bpf/syscall.c), which
// goes on to tracing_prog_func_proto.
var syscallLayer = &layer{fn: "syscall_prog_func_proto", ids: map[ID]*kernelProto{
	FuncSysBPF:             sysBPFProto,
	FuncBTFFindByNameKind:  btfFindByNameKindProto,
	FuncSysClose:           sysCloseProto,
	FuncKallsymsLookupName: kallsymsLookupNameProto,
}}

// tcpCALayer is bpf_tcp_ca_get_func_proto (net/ipv4/bpf_tcp_ca.c): the
// release member (Prog.AttachTo) gets no setsockopt or getsockopt.
var tcpCALayer = &layer{fn: "bpf_tcp_ca_get_func_proto",
	ids: map[ID]*kernelProto{
		FuncTCPSendAck:       tcpSendAckProto,
		FuncSkStorageGet:     skStorageGetProto,
		FuncSkStorageDelete:  skStorageDeleteProto,
		FuncKtimeGetCoarseNs: ktimeGetCoarseNsProto,
	},
	cond: map[ID]func(p *Prog) *kernelProto{
		FuncSetsockopt: func(p *Prog) *kernelProto { return unlessRelease(p, skSetsockoptProto) },
		FuncGetsockopt: func(p *Prog) *kernelProto { return unlessRelease(p, skGetsockoptProto) },
	}}

// unlessRelease returns kp unless the program is the release member of
// tcp_congestion_ops.
func unlessRelease(p *Prog, kp *kernelProto) *kernelProto {
	if p.AttachTo == "release" {
		return nil
	}
	return kp
}
