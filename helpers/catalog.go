package helpers

// This file implements the catalogue: every helper id of Linux 6.12 with
// its kernel name and the prototype most program types get, and callx's
// implementation where there is one.

import "sync"

// catalog is the prototype of each helper id: the kernel's
// bpf_<name>_proto where there is one, otherwise the variant of the
// program type the helper was made for. The other variants, which
// ProtoFor gives the program types that get them, follow in comments.
var catalog = [MaxFuncID]*kernelProto{
	FuncMapLookupElem:              mapLookupElemProto,
	FuncMapUpdateElem:              mapUpdateElemProto,
	FuncMapDeleteElem:              mapDeleteElemProto,
	FuncProbeRead:                  probeReadCompatProto,
	FuncKtimeGetNs:                 ktimeGetNsProto,
	FuncTracePrintk:                tracePrintkProto,
	FuncGetPrandomU32:              getPrandomU32Proto,
	FuncGetSMPProcessorID:          getSMPProcessorIDProto, // also getRawSMPProcessorIDProto
	FuncSKBStoreBytes:              skbStoreBytesProto,
	FuncL3CsumReplace:              l3CsumReplaceProto,
	FuncL4CsumReplace:              l4CsumReplaceProto,
	FuncTailCall:                   tailCallProto,
	FuncCloneRedirect:              cloneRedirectProto,
	FuncGetCurrentPIDTGID:          getCurrentPIDTGIDProto,
	FuncGetCurrentUIDGID:           getCurrentUIDGIDProto,
	FuncGetCurrentComm:             getCurrentCommProto,
	FuncGetCgroupClassid:           getCgroupClassidProto, // also getCgroupClassidCurrProto
	FuncSKBVLANPush:                skbVLANPushProto,
	FuncSKBVLANPop:                 skbVLANPopProto,
	FuncSKBGetTunnelKey:            skbGetTunnelKeyProto,
	FuncSKBSetTunnelKey:            skbSetTunnelKeyProto,
	FuncPerfEventRead:              perfEventReadProto,
	FuncRedirect:                   redirectProto, // also xdpRedirectProto
	FuncGetRouteRealm:              getRouteRealmProto,
	FuncPerfEventOutput:            perfEventOutputProto, // also eventOutputDataProto, perfEventOutputProtoRawTP, perfEventOutputProtoTP, skbEventOutputProto, xdpEventOutputProto
	FuncSKBLoadBytes:               skbLoadBytesProto,    // also flowDissectorLoadBytesProto, skReuseportLoadBytesProto
	FuncGetStackid:                 getStackidProto,      // also getStackidProtoPE, getStackidProtoRawTP, getStackidProtoTP
	FuncCsumDiff:                   csumDiffProto,
	FuncSKBGetTunnelOpt:            skbGetTunnelOptProto,
	FuncSKBSetTunnelOpt:            skbSetTunnelOptProto,
	FuncSKBChangeProto:             skbChangeProtoProto,
	FuncSKBChangeType:              skbChangeTypeProto,
	FuncSKBUnderCgroup:             skbUnderCgroupProto,
	FuncGetHashRecalc:              getHashRecalcProto,
	FuncGetCurrentTask:             getCurrentTaskProto,
	FuncProbeWriteUser:             probeWriteUserProto,
	FuncCurrentTaskUnderCgroup:     currentTaskUnderCgroupProto,
	FuncSKBChangeTail:              skbChangeTailProto, // also skSKBChangeTailProto
	FuncSKBPullData:                skbPullDataProto,   // also skSKBPullDataProto
	FuncCsumUpdate:                 csumUpdateProto,
	FuncSetHashInvalid:             setHashInvalidProto,
	FuncGetNUMANodeID:              getNUMANodeIDProto,
	FuncSKBChangeHead:              skbChangeHeadProto, // also skSKBChangeHeadProto
	FuncXDPAdjustHead:              xdpAdjustHeadProto,
	FuncProbeReadStr:               probeReadCompatStrProto,
	FuncGetSocketCookie:            getSocketCookieProto, // also getSocketCookieSockAddrProto, getSocketCookieSockOpsProto, getSocketCookieSockProto, getSocketPtrCookieProto
	FuncGetSocketUID:               getSocketUIDProto,
	FuncSetHash:                    setHashProto,
	FuncSetsockopt:                 sockOpsSetsockoptProto, // also skSetsockoptProto, sockAddrSetsockoptProto, unlockedSkSetsockoptProto
	FuncSKBAdjustRoom:              skbAdjustRoomProto,     // also skSKBAdjustRoomProto
	FuncRedirectMap:                xdpRedirectMapProto,
	FuncSkRedirectMap:              skRedirectMapProto,
	FuncSockMapUpdate:              sockMapUpdateProto,
	FuncXDPAdjustMeta:              xdpAdjustMetaProto,
	FuncPerfEventReadValue:         perfEventReadValueProto,
	FuncPerfProgReadValue:          perfProgReadValueProto,
	FuncGetsockopt:                 sockOpsGetsockoptProto, // also skGetsockoptProto, sockAddrGetsockoptProto, unlockedSkGetsockoptProto
	FuncOverrideReturn:             overrideReturnProto,
	FuncSockOpsCBFlagsSet:          sockOpsCBFlagsSetProto,
	FuncMsgRedirectMap:             msgRedirectMapProto,
	FuncMsgApplyBytes:              msgApplyBytesProto,
	FuncMsgCorkBytes:               msgCorkBytesProto,
	FuncMsgPullData:                msgPullDataProto,
	FuncBind:                       bindProto,
	FuncXDPAdjustTail:              xdpAdjustTailProto,
	FuncSKBGetXFRMState:            skbGetXFRMStateProto,
	FuncGetStack:                   getStackProto,             // also getStackProtoPE, getStackProtoRawTP, getStackProtoTP, getStackSleepableProto
	FuncSKBLoadBytesRelative:       skbLoadBytesRelativeProto, // also skReuseportLoadBytesRelativeProto
	FuncFIBLookup:                  skbFIBLookupProto,         // also xdpFIBLookupProto
	FuncSockHashUpdate:             sockHashUpdateProto,
	FuncMsgRedirectHash:            msgRedirectHashProto,
	FuncSkRedirectHash:             skRedirectHashProto,
	FuncLWTPushEncap:               lwtInPushEncapProto, // also lwtXmitPushEncapProto
	FuncLWTSeg6StoreBytes:          lwtSeg6StoreBytesProto,
	FuncLWTSeg6AdjustSRH:           lwtSeg6AdjustSRHProto,
	FuncLWTSeg6Action:              lwtSeg6ActionProto,
	FuncRCRepeat:                   rcRepeatProto,
	FuncRCKeydown:                  rcKeydownProto,
	FuncSKBCgroupID:                skbCgroupIDProto,
	FuncGetCurrentCgroupID:         getCurrentCgroupIDProto,
	FuncGetLocalStorage:            getLocalStorageProto,
	FuncSkSelectReuseport:          skSelectReuseportProto,
	FuncSKBAncestorCgroupID:        skbAncestorCgroupIDProto,
	FuncSkLookupTCP:                skLookupTCPProto, // also sockAddrSkLookupTCPProto, tcSkLookupTCPProto, xdpSkLookupTCPProto
	FuncSkLookupUDP:                skLookupUDPProto, // also sockAddrSkLookupUDPProto, tcSkLookupUDPProto, xdpSkLookupUDPProto
	FuncSkRelease:                  skReleaseProto,
	FuncMapPushElem:                mapPushElemProto,
	FuncMapPopElem:                 mapPopElemProto,
	FuncMapPeekElem:                mapPeekElemProto,
	FuncMsgPushData:                msgPushDataProto,
	FuncMsgPopData:                 msgPopDataProto,
	FuncRCPointerRel:               rcPointerRelProto,
	FuncSpinLock:                   spinLockProto,
	FuncSpinUnlock:                 spinUnlockProto,
	FuncSkFullsock:                 skFullsockProto,
	FuncTCPSock:                    tcpSockProto,
	FuncSKBECNSetCE:                skbECNSetCEProto,
	FuncGetListenerSock:            getListenerSockProto,
	FuncSkcLookupTCP:               skcLookupTCPProto, // also sockAddrSkcLookupTCPProto, tcSkcLookupTCPProto, xdpSkcLookupTCPProto
	FuncTCPCheckSyncookie:          tcpCheckSyncookieProto,
	FuncSysctlGetName:              sysctlGetNameProto,
	FuncSysctlGetCurrentValue:      sysctlGetCurrentValueProto,
	FuncSysctlGetNewValue:          sysctlGetNewValueProto,
	FuncSysctlSetNewValue:          sysctlSetNewValueProto,
	FuncStrtol:                     strtolProto,
	FuncStrtoul:                    strtoulProto,
	FuncSkStorageGet:               skStorageGetProto,    // also skStorageGetCgSockProto, skStorageGetTracingProto
	FuncSkStorageDelete:            skStorageDeleteProto, // also skStorageDeleteTracingProto
	FuncSendSignal:                 sendSignalProto,
	FuncTCPGenSyncookie:            tcpGenSyncookieProto,
	FuncSKBOutput:                  skbOutputProto,
	FuncProbeReadUser:              probeReadUserProto,
	FuncProbeReadKernel:            probeReadKernelProto,
	FuncProbeReadUserStr:           probeReadUserStrProto,
	FuncProbeReadKernelStr:         probeReadKernelStrProto,
	FuncTCPSendAck:                 tcpSendAckProto,
	FuncSendSignalThread:           sendSignalThreadProto,
	FuncJiffies64:                  jiffies64Proto,
	FuncReadBranchRecords:          readBranchRecordsProto,
	FuncGetNsCurrentPIDTGID:        getNsCurrentPIDTGIDProto,
	FuncXDPOutput:                  xdpOutputProto,
	FuncGetNetnsCookie:             getNetnsCookieSockProto, // also getNetnsCookieSkMsgProto, getNetnsCookieSockAddrProto, getNetnsCookieSockOpsProto, getNetnsCookieSockoptProto
	FuncGetCurrentAncestorCgroupID: getCurrentAncestorCgroupIDProto,
	FuncSkAssign:                   skAssignProto, // also skLookupAssignProto
	FuncKtimeGetBootNs:             ktimeGetBootNsProto,
	FuncSeqPrintf:                  seqPrintfProto,
	FuncSeqWrite:                   seqWriteProto,
	FuncSkCgroupID:                 skCgroupIDProto,
	FuncSkAncestorCgroupID:         skAncestorCgroupIDProto,
	FuncRingbufOutput:              ringbufOutputProto,
	FuncRingbufReserve:             ringbufReserveProto,
	FuncRingbufSubmit:              ringbufSubmitProto,
	FuncRingbufDiscard:             ringbufDiscardProto,
	FuncRingbufQuery:               ringbufQueryProto,
	FuncCsumLevel:                  csumLevelProto,
	FuncSkcToTCP6Sock:              skcToTCP6SockProto,
	FuncSkcToTCPSock:               skcToTCPSockProto,
	FuncSkcToTCPTimewaitSock:       skcToTCPTimewaitSockProto,
	FuncSkcToTCPRequestSock:        skcToTCPRequestSockProto,
	FuncSkcToUDP6Sock:              skcToUDP6SockProto,
	FuncGetTaskStack:               getTaskStackProto, // also getTaskStackSleepableProto
	FuncLoadHdrOpt:                 sockOpsLoadHdrOptProto,
	FuncStoreHdrOpt:                sockOpsStoreHdrOptProto,
	FuncReserveHdrOpt:              sockOpsReserveHdrOptProto,
	FuncInodeStorageGet:            inodeStorageGetProto,
	FuncInodeStorageDelete:         inodeStorageDeleteProto,
	FuncDPath:                      dPathProto,
	FuncCopyFromUser:               copyFromUserProto,
	FuncSnprintfBTF:                snprintfBTFProto,
	FuncSeqPrintfBTF:               seqPrintfBTFProto,
	FuncSKBCgroupClassid:           skbCgroupClassidProto,
	FuncRedirectNeigh:              redirectNeighProto,
	FuncPerCPUPtr:                  perCPUPtrProto,
	FuncThisCPUPtr:                 thisCPUPtrProto,
	FuncRedirectPeer:               redirectPeerProto,
	FuncTaskStorageGet:             taskStorageGetProto,    // also taskStorageGetRecurProto
	FuncTaskStorageDelete:          taskStorageDeleteProto, // also taskStorageDeleteRecurProto
	FuncGetCurrentTaskBTF:          getCurrentTaskBTFProto,
	FuncBprmOptsSet:                bprmOptsSetProto,
	FuncKtimeGetCoarseNs:           ktimeGetCoarseNsProto,
	FuncIMAInodeHash:               imaInodeHashProto,
	FuncSockFromFile:               sockFromFileProto,
	FuncCheckMTU:                   skbCheckMTUProto, // also xdpCheckMTUProto
	FuncForEachMapElem:             forEachMapElemProto,
	FuncSnprintf:                   snprintfProto,
	FuncSysBPF:                     sysBPFProto,
	FuncBTFFindByNameKind:          btfFindByNameKindProto,
	FuncSysClose:                   sysCloseProto,
	FuncTimerInit:                  timerInitProto,
	FuncTimerSetCallback:           timerSetCallbackProto,
	FuncTimerStart:                 timerStartProto,
	FuncTimerCancel:                timerCancelProto,
	FuncGetFuncIP:                  getFuncIPProtoTracing, // also getFuncIPProtoKprobe, getFuncIPProtoKprobeMulti, getFuncIPProtoUprobeMulti
	FuncGetAttachCookie:            getAttachCookieProto,  // also getAttachCookieProtoKMulti, getAttachCookieProtoPE, getAttachCookieProtoTrace, getAttachCookieProtoTracing, getAttachCookieProtoUMulti
	FuncTaskPtRegs:                 taskPtRegsProto,
	FuncGetBranchSnapshot:          getBranchSnapshotProto,
	FuncTraceVprintk:               traceVprintkProto,
	FuncSkcToUnixSock:              skcToUnixSockProto,
	FuncKallsymsLookupName:         kallsymsLookupNameProto,
	FuncFindVMA:                    findVMAProto,
	FuncLoop:                       loopProto,
	FuncStrncmp:                    strncmpProto,
	FuncGetFuncArg:                 getFuncArgProto,
	FuncGetFuncRet:                 getFuncRetProto,
	FuncGetFuncArgCnt:              getFuncArgCntProto,
	FuncGetRetval:                  getRetvalProto,
	FuncSetRetval:                  setRetvalProto,
	FuncXDPGetBuffLen:              xdpGetBuffLenProto, // also xdpGetBuffLenTraceProto
	FuncXDPLoadBytes:               xdpLoadBytesProto,
	FuncXDPStoreBytes:              xdpStoreBytesProto,
	FuncCopyFromUserTask:           copyFromUserTaskProto,
	FuncSKBSetTstamp:               skbSetTstampProto,
	FuncIMAFileHash:                imaFileHashProto,
	FuncKptrXchg:                   kptrXchgProto,
	FuncMapLookupPercpuElem:        mapLookupPercpuElemProto,
	FuncSkcToMPTCPSock:             skcToMPTCPSockProto,
	FuncDynptrFromMem:              dynptrFromMemProto,
	FuncRingbufReserveDynptr:       ringbufReserveDynptrProto,
	FuncRingbufSubmitDynptr:        ringbufSubmitDynptrProto,
	FuncRingbufDiscardDynptr:       ringbufDiscardDynptrProto,
	FuncDynptrRead:                 dynptrReadProto,
	FuncDynptrWrite:                dynptrWriteProto,
	FuncDynptrData:                 dynptrDataProto,
	FuncTCPRawGenSyncookieIPv4:     tcpRawGenSyncookieIPv4Proto,
	FuncTCPRawGenSyncookieIPv6:     tcpRawGenSyncookieIPv6Proto,
	FuncTCPRawCheckSyncookieIPv4:   tcpRawCheckSyncookieIPv4Proto,
	FuncTCPRawCheckSyncookieIPv6:   tcpRawCheckSyncookieIPv6Proto,
	FuncKtimeGetTaiNs:              ktimeGetTaiNsProto,
	FuncUserRingbufDrain:           userRingbufDrainProto,
	FuncCgrpStorageGet:             cgrpStorageGetProto,
	FuncCgrpStorageDelete:          cgrpStorageDeleteProto,
}

// implement returns the helper id implemented by fn, with the catalogue's
// name and prototype.
func implement(id ID, fn Func) *Helper {
	return &Helper{ID: id, Name: funcNames[id], Proto: catalog[id].proto, Fn: fn}
}

var (
	catalogOnce    sync.Once
	catalogHelpers [MaxFuncID]*Helper // by id; nil for FuncUnspec
	protoHelpers   map[*kernelProto]*Helper
)

// buildCatalog makes the catalogue's helpers once: for each id the
// implemented helper, or one without Fn; and for each kernel prototype the
// helper ProtoFor returns, with the implementation of its id.
func buildCatalog() {
	impl := map[ID]*Helper{}
	for _, h := range implemented {
		impl[h.ID] = h
	}
	for id := FuncUnspec + 1; id < MaxFuncID; id++ {
		h := impl[id]
		if h == nil {
			h = &Helper{ID: id, Name: funcNames[id], Proto: catalog[id].proto}
		}
		catalogHelpers[id] = h
	}
	protoHelpers = make(map[*kernelProto]*Helper, len(allProtos))
	for _, kp := range allProtos {
		if kp == catalog[kp.id] {
			protoHelpers[kp] = catalogHelpers[kp.id]
			continue
		}
		var fn Func
		if h := impl[kp.id]; h != nil {
			fn = h.Fn
		}
		protoHelpers[kp] = &Helper{ID: kp.id, Name: funcNames[kp.id], Proto: kp.proto, Fn: fn}
	}
}

// Catalog returns a new table of every helper of Linux 6.12 (ids 1 to
// MaxFuncID-1), each with its kernel name and the prototype most program
// types get (ProtoFor gives the one a program type gets), and Fn where
// callx implements it. The helpers are shared: do not modify them.
func Catalog() *Table {
	catalogOnce.Do(buildCatalog)
	t := &Table{byID: make(map[ID]*Helper, MaxFuncID)}
	for _, h := range catalogHelpers[1:] {
		t.Add(h)
	}
	return t
}

// helperFor returns the helper of a kernel prototype, with the
// implementation of its id.
func helperFor(kp *kernelProto) *Helper {
	catalogOnce.Do(buildCatalog)
	return protoHelpers[kp]
}
