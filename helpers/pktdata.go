package helpers

// This file lists the helpers that may change packet data, so that the
// verifier forgets every packet pointer after calling them
// (bpf_helper_changes_pkt_data in net/core/filter.c of Linux 6.12).

// changesPktData are the helpers bpf_helper_changes_pkt_data names.
var changesPktData = map[ID]bool{
	FuncCloneRedirect: true, FuncL3CsumReplace: true, FuncL4CsumReplace: true,
	FuncLWTPushEncap: true, FuncLWTSeg6Action: true, FuncLWTSeg6AdjustSRH: true,
	FuncLWTSeg6StoreBytes: true, FuncMsgPopData: true, FuncMsgPullData: true,
	FuncMsgPushData: true, FuncSKBAdjustRoom: true, FuncSKBChangeHead: true,
	FuncSKBChangeProto: true, FuncSKBChangeTail: true, FuncSKBPullData: true,
	FuncSKBStoreBytes: true, FuncSKBVLANPop: true, FuncSKBVLANPush: true,
	FuncStoreHdrOpt: true, FuncXDPAdjustHead: true, FuncXDPAdjustMeta: true,
	FuncXDPAdjustTail: true,
	FuncTailCall:      true, // the tail-called program may call any of the others
}

// ChangesPktData reports whether a call to the helper may move or resize
// the packet (bpf_helper_changes_pkt_data); the kernel also requires such
// a helper's first argument to be the context.
func ChangesPktData(id ID) bool { return changesPktData[id] }
