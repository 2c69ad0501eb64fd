package helpers

import (
	"errors"
	"testing"
)

func TestMapCompatible(t *testing.T) {
	for _, tt := range []struct {
		mapType uint32
		id      ID
		prog    string
		want    string // the error; "" for none
		note    string
	}{
		// maps that take any helper taking a map
		{mapHash, FuncMapLookupElem, "xdp", "", ""},
		{mapArray, FuncMapUpdateElem, "kprobe", "", ""},
		{mapArray, FuncForEachMapElem, "tc", "", ""},
		{mapPercpuArray, FuncMapLookupPercpuElem, "kprobe", "", ""},
		{mapLRUPercpuHash, FuncMapLookupPercpuElem, "kprobe", "", ""},
		// the map's side
		{mapProgArray, FuncTailCall, "xdp", "", ""},
		{mapProgArray, FuncMapLookupElem, "xdp", "cannot pass map_type 3 into func bpf_map_lookup_elem#1", ""},
		{mapPerfEventArray, FuncPerfEventOutput, "kprobe", "", ""},
		{mapPerfEventArray, FuncSKBOutput, "fentry", "", ""},
		{mapPerfEventArray, FuncMapLookupElem, "kprobe", "cannot pass map_type 4 into func bpf_map_lookup_elem#1", ""},
		{mapRingbuf, FuncRingbufOutput, "xdp", "", ""},
		{mapRingbuf, FuncRingbufReserveDynptr, "xdp", "", ""},
		{mapRingbuf, FuncMapLookupElem, "xdp", "cannot pass map_type 27 into func bpf_map_lookup_elem#1", ""},
		{mapUserRingbuf, FuncUserRingbufDrain, "kprobe", "", ""},
		{mapUserRingbuf, FuncRingbufOutput, "kprobe", "cannot pass map_type 31 into func bpf_ringbuf_output#130", ""},
		{mapStackTrace, FuncGetStackid, "kprobe", "", ""},
		{mapStackTrace, FuncMapLookupElem, "kprobe", "cannot pass map_type 7 into func bpf_map_lookup_elem#1", ""},
		{mapCgroupStorage, FuncGetLocalStorage, "cgroup_skb", "", ""},
		{mapPercpuCgroupStorage, FuncMapLookupElem, "cgroup_skb", "cannot pass map_type 21 into func bpf_map_lookup_elem#1", ""},
		{mapDevmap, FuncMapLookupElem, "xdp", "", ""},
		{mapDevmapHash, FuncRedirectMap, "xdp", "", ""},
		{mapCpumap, FuncMapLookupElem, "xdp", "cannot pass map_type 16 into func bpf_map_lookup_elem#1", ""},
		{mapXskmap, FuncMapLookupElem, "xdp", "", ""},
		{mapXskmap, FuncMapUpdateElem, "xdp", "cannot pass map_type 17 into func bpf_map_update_elem#2", ""},
		{mapArrayOfMaps, FuncMapLookupElem, "xdp", "", ""},
		{mapHashOfMaps, FuncMapDeleteElem, "xdp", "cannot pass map_type 13 into func bpf_map_delete_elem#3", ""},
		{mapQueue, FuncMapPushElem, "xdp", "", ""},
		{mapStack, FuncMapLookupElem, "xdp", "cannot pass map_type 23 into func bpf_map_lookup_elem#1", ""},
		{mapBloomFilter, FuncMapPeekElem, "xdp", "", ""},
		{mapBloomFilter, FuncMapPopElem, "xdp", "cannot pass map_type 30 into func bpf_map_pop_elem#88", ""},
		{mapSkStorage, FuncSkStorageGet, "tc", "", ""},
		{mapSkStorage, FuncKptrXchg, "tc", "", ""},
		{mapSkStorage, FuncMapLookupElem, "tc", "cannot pass map_type 24 into func bpf_map_lookup_elem#1", ""},
		{mapTaskStorage, FuncTaskStorageDelete, "fentry", "", ""},
		{mapInodeStorage, FuncInodeStorageGet, "lsm", "", ""},
		{mapCgrpStorage, FuncCgrpStorageGet, "fentry", "", ""},
		{mapReuseportSockarray, FuncSkSelectReuseport, "sk_reuseport", "", ""},
		{mapReuseportSockarray, FuncMapLookupElem, "sk_reuseport", "cannot pass map_type 20 into func bpf_map_lookup_elem#1", ""},
		// sockmap and sockhash: updates by program type
		{mapSockmap, FuncSkRedirectMap, "sk_skb", "", ""},
		{mapSockmap, FuncMapLookupElem, "kprobe", "", ""},
		{mapSockmap, FuncSkSelectReuseport, "sk_reuseport", "", ""},
		{mapSockmap, FuncMapUpdateElem, "tc", "", ""},
		{mapSockmap, FuncMapUpdateElem, "iter", "", ""},
		{mapSockhash, FuncMapDeleteElem, "sk_lookup", "", ""},
		{mapSockhash, FuncMapDeleteElem, "sockops", "", ""},
		{mapSockhash, FuncMapUpdateElem, "sockops", "cannot pass map_type 18 into func bpf_map_update_elem#2", "cannot update sockmap in this context"},
		{mapSockmap, FuncMapUpdateElem, "kprobe", "cannot pass map_type 15 into func bpf_map_update_elem#2", "cannot update sockmap in this context"},
		{mapSockmap, FuncMapUpdateElem, "fentry", "cannot pass map_type 15 into func bpf_map_update_elem#2", "cannot update sockmap in this context"},
		{mapSockmap, FuncMapDeleteElem, "sk_msg", "cannot pass map_type 15 into func bpf_map_delete_elem#3", "cannot update sockmap in this context"},
		{mapSockmap, FuncMsgRedirectHash, "sk_msg", "cannot pass map_type 15 into func bpf_msg_redirect_hash#71", ""},
		{mapSockhash, FuncSockMapUpdate, "sockops", "cannot pass map_type 18 into func bpf_sock_map_update#53", ""},
		// the helper's side
		{mapArray, FuncTailCall, "xdp", "cannot pass map_type 2 into func bpf_tail_call#12", ""},
		{mapHash, FuncPerfEventOutput, "kprobe", "cannot pass map_type 1 into func bpf_perf_event_output#25", ""},
		{mapArray, FuncRingbufReserve, "xdp", "cannot pass map_type 2 into func bpf_ringbuf_reserve#131", ""},
		{mapHash, FuncRedirectMap, "xdp", "cannot pass map_type 1 into func bpf_redirect_map#51", ""},
		{mapArray, FuncMapLookupPercpuElem, "kprobe", "cannot pass map_type 2 into func bpf_map_lookup_percpu_elem#195", ""},
		{mapHash, FuncMapPushElem, "xdp", "cannot pass map_type 1 into func bpf_map_push_elem#87", ""},
		{mapHash, FuncSkStorageGet, "tc", "cannot pass map_type 1 into func bpf_sk_storage_get#107", ""},
		{mapHash, FuncGetLocalStorage, "cgroup_skb", "cannot pass map_type 1 into func bpf_get_local_storage#81", ""},
		{mapArray, FuncSkSelectReuseport, "sk_reuseport", "cannot pass map_type 2 into func bpf_sk_select_reuseport#82", ""},
		{mapArray, FuncKptrXchg, "tc", "", ""},
		{mapArena, FuncMapLookupElem, "xdp", "", ""},
	} {
		err := MapCompatible(tt.mapType, tt.id, tt.prog)
		if tt.want == "" {
			if err != nil {
				t.Errorf("map %d, %s, %s: %v", tt.mapType, Name(tt.id), tt.prog, err)
			}
			continue
		}
		var me *MapFuncError
		if !errors.As(err, &me) || err.Error() != tt.want || me.Note != tt.note {
			t.Errorf("map %d, %s, %s: %v (%+v), want %q, note %q", tt.mapType, Name(tt.id), tt.prog, err, me, tt.want, tt.note)
		}
	}
}

// Map types the tests use that the check does not name.
const (
	mapHash  = 1  // BPF_MAP_TYPE_HASH
	mapArray = 2  // BPF_MAP_TYPE_ARRAY
	mapArena = 33 // BPF_MAP_TYPE_ARENA
)

// TestMapTablesAgree checks that the two directions of the check agree:
// a helper a restricted map type allows takes that map type, where the
// helper restricts its maps at all.
func TestMapTablesAgree(t *testing.T) {
	for mt, ids := range mapHelpers {
		for _, id := range ids {
			if types, ok := helperMaps[id]; ok && !hasType(types, mt) {
				t.Errorf("map %d allows %s, which does not take it", mt, Name(id))
			}
		}
	}
	for id, types := range helperMaps {
		for _, mt := range types {
			if ids, ok := mapHelpers[mt]; ok && !hasID(ids, id) {
				t.Errorf("%s takes map %d, which does not allow it", Name(id), mt)
			}
		}
	}
}
