package helpers

// This file implements the kernel verifier's check that a map passed to a
// helper suits it (check_map_func_compatibility in kernel/bpf/verifier.c
// of Linux 6.12), both ways: the helpers a map type may be passed to, and
// the map types a helper takes.

import "fmt"

// Map types (enum bpf_map_type) the check names.
const (
	mapProgArray           = 3  // BPF_MAP_TYPE_PROG_ARRAY
	mapPerfEventArray      = 4  // BPF_MAP_TYPE_PERF_EVENT_ARRAY
	mapPercpuHash          = 5  // BPF_MAP_TYPE_PERCPU_HASH
	mapPercpuArray         = 6  // BPF_MAP_TYPE_PERCPU_ARRAY
	mapStackTrace          = 7  // BPF_MAP_TYPE_STACK_TRACE
	mapCgroupArray         = 8  // BPF_MAP_TYPE_CGROUP_ARRAY
	mapLRUPercpuHash       = 10 // BPF_MAP_TYPE_LRU_PERCPU_HASH
	mapArrayOfMaps         = 12 // BPF_MAP_TYPE_ARRAY_OF_MAPS
	mapHashOfMaps          = 13 // BPF_MAP_TYPE_HASH_OF_MAPS
	mapDevmap              = 14 // BPF_MAP_TYPE_DEVMAP
	mapSockmap             = 15 // BPF_MAP_TYPE_SOCKMAP
	mapCpumap              = 16 // BPF_MAP_TYPE_CPUMAP
	mapXskmap              = 17 // BPF_MAP_TYPE_XSKMAP
	mapSockhash            = 18 // BPF_MAP_TYPE_SOCKHASH
	mapCgroupStorage       = 19 // BPF_MAP_TYPE_CGROUP_STORAGE
	mapReuseportSockarray  = 20 // BPF_MAP_TYPE_REUSEPORT_SOCKARRAY
	mapPercpuCgroupStorage = 21 // BPF_MAP_TYPE_PERCPU_CGROUP_STORAGE
	mapQueue               = 22 // BPF_MAP_TYPE_QUEUE
	mapStack               = 23 // BPF_MAP_TYPE_STACK
	mapSkStorage           = 24 // BPF_MAP_TYPE_SK_STORAGE
	mapDevmapHash          = 25 // BPF_MAP_TYPE_DEVMAP_HASH
	mapRingbuf             = 27 // BPF_MAP_TYPE_RINGBUF
	mapInodeStorage        = 28 // BPF_MAP_TYPE_INODE_STORAGE
	mapTaskStorage         = 29 // BPF_MAP_TYPE_TASK_STORAGE
	mapBloomFilter         = 30 // BPF_MAP_TYPE_BLOOM_FILTER
	mapUserRingbuf         = 31 // BPF_MAP_TYPE_USER_RINGBUF
	mapCgrpStorage         = 32 // BPF_MAP_TYPE_CGRP_STORAGE
)

// mapHelpers are, for the map types that restrict them, the helpers a map
// of the type may be passed to (the first switch of the kernel's check).
// A sockmap or sockhash may also go to map_update_elem and
// map_delete_elem where mayUpdateSockmap allows.
var mapHelpers = map[uint32][]ID{
	mapProgArray:           {FuncTailCall},
	mapPerfEventArray:      {FuncPerfEventRead, FuncPerfEventOutput, FuncSKBOutput, FuncPerfEventReadValue, FuncXDPOutput},
	mapRingbuf:             {FuncRingbufOutput, FuncRingbufReserve, FuncRingbufQuery, FuncRingbufReserveDynptr, FuncRingbufSubmitDynptr, FuncRingbufDiscardDynptr},
	mapUserRingbuf:         {FuncUserRingbufDrain},
	mapStackTrace:          {FuncGetStackid},
	mapCgroupArray:         {FuncSKBUnderCgroup, FuncCurrentTaskUnderCgroup},
	mapCgroupStorage:       {FuncGetLocalStorage},
	mapPercpuCgroupStorage: {FuncGetLocalStorage},
	mapDevmap:              {FuncRedirectMap, FuncMapLookupElem},
	mapDevmapHash:          {FuncRedirectMap, FuncMapLookupElem},
	mapCpumap:              {FuncRedirectMap},
	mapXskmap:              {FuncRedirectMap, FuncMapLookupElem},
	mapArrayOfMaps:         {FuncMapLookupElem},
	mapHashOfMaps:          {FuncMapLookupElem},
	mapSockmap:             {FuncSkRedirectMap, FuncSockMapUpdate, FuncMsgRedirectMap, FuncSkSelectReuseport, FuncMapLookupElem},
	mapSockhash:            {FuncSkRedirectHash, FuncSockHashUpdate, FuncMsgRedirectHash, FuncSkSelectReuseport, FuncMapLookupElem},
	mapReuseportSockarray:  {FuncSkSelectReuseport},
	mapQueue:               {FuncMapPeekElem, FuncMapPopElem, FuncMapPushElem},
	mapStack:               {FuncMapPeekElem, FuncMapPopElem, FuncMapPushElem},
	mapSkStorage:           {FuncSkStorageGet, FuncSkStorageDelete, FuncKptrXchg},
	mapInodeStorage:        {FuncInodeStorageGet, FuncInodeStorageDelete, FuncKptrXchg},
	mapTaskStorage:         {FuncTaskStorageGet, FuncTaskStorageDelete, FuncKptrXchg},
	mapCgrpStorage:         {FuncCgrpStorageGet, FuncCgrpStorageDelete, FuncKptrXchg},
	mapBloomFilter:         {FuncMapPeekElem, FuncMapPushElem},
}

// helperMaps are, for the helpers that restrict them, the map types they
// take (the second switch of the kernel's check).
var helperMaps = map[ID][]uint32{
	FuncTailCall:               {mapProgArray},
	FuncPerfEventRead:          {mapPerfEventArray},
	FuncPerfEventOutput:        {mapPerfEventArray},
	FuncPerfEventReadValue:     {mapPerfEventArray},
	FuncSKBOutput:              {mapPerfEventArray},
	FuncXDPOutput:              {mapPerfEventArray},
	FuncRingbufOutput:          {mapRingbuf},
	FuncRingbufReserve:         {mapRingbuf},
	FuncRingbufQuery:           {mapRingbuf},
	FuncRingbufReserveDynptr:   {mapRingbuf},
	FuncRingbufSubmitDynptr:    {mapRingbuf},
	FuncRingbufDiscardDynptr:   {mapRingbuf},
	FuncUserRingbufDrain:       {mapUserRingbuf},
	FuncGetStackid:             {mapStackTrace},
	FuncCurrentTaskUnderCgroup: {mapCgroupArray},
	FuncSKBUnderCgroup:         {mapCgroupArray},
	FuncRedirectMap:            {mapDevmap, mapDevmapHash, mapCpumap, mapXskmap},
	FuncSkRedirectMap:          {mapSockmap},
	FuncMsgRedirectMap:         {mapSockmap},
	FuncSockMapUpdate:          {mapSockmap},
	FuncSkRedirectHash:         {mapSockhash},
	FuncMsgRedirectHash:        {mapSockhash},
	FuncSockHashUpdate:         {mapSockhash},
	FuncGetLocalStorage:        {mapCgroupStorage, mapPercpuCgroupStorage},
	FuncSkSelectReuseport:      {mapReuseportSockarray, mapSockmap, mapSockhash},
	FuncMapPopElem:             {mapQueue, mapStack},
	FuncMapPeekElem:            {mapQueue, mapStack, mapBloomFilter},
	FuncMapPushElem:            {mapQueue, mapStack, mapBloomFilter},
	FuncMapLookupPercpuElem:    {mapPercpuArray, mapPercpuHash, mapLRUPercpuHash},
	FuncSkStorageGet:           {mapSkStorage},
	FuncSkStorageDelete:        {mapSkStorage},
	FuncInodeStorageGet:        {mapInodeStorage},
	FuncInodeStorageDelete:     {mapInodeStorage},
	FuncTaskStorageGet:         {mapTaskStorage},
	FuncTaskStorageDelete:      {mapTaskStorage},
	FuncCgrpStorageGet:         {mapCgrpStorage},
	FuncCgrpStorageDelete:      {mapCgrpStorage},
}

// sockmapUpdaters are the program types that may update and delete
// sockmap and sockhash elements with map_update_elem and map_delete_elem
// (may_update_sockmap): a locked struct sock cannot reach them. sockops
// may only delete (it updates through sock_map_update and
// sock_hash_update); iter is BPF_TRACE_ITER.
var sockmapUpdaters = map[string]bool{
	"socket": true, "tc": true, "action": true, "xdp": true,
	"sk_reuseport": true, "flow_dissector": true, "sk_lookup": true, "iter": true,
}

// mayUpdateSockmap is the kernel's may_update_sockmap.
func mayUpdateSockmap(progType string, id ID) bool {
	if id != FuncMapUpdateElem && id != FuncMapDeleteElem {
		return false
	}
	if progType == "sockops" {
		return id == FuncMapDeleteElem
	}
	return sockmapUpdaters[progType]
}

// MapCompatible is the kernel verifier's check_map_func_compatibility: nil
// when a map of type mapType (enum bpf_map_type) may be passed to helper
// id in a program of type progType (a loader.ProgType string), otherwise
// a *MapFuncError with the kernel's message. The check of tail calls from
// subprograms, which needs the program's subprograms and JIT, is left to
// the verifier.
func MapCompatible(mapType uint32, id ID, progType string) error {
	if ids, ok := mapHelpers[mapType]; ok && !hasID(ids, id) {
		if mapType != mapSockmap && mapType != mapSockhash {
			return &MapFuncError{MapType: mapType, ID: id}
		}
		if !mayUpdateSockmap(progType, id) {
			e := &MapFuncError{MapType: mapType, ID: id}
			if id == FuncMapUpdateElem || id == FuncMapDeleteElem {
				e.Note = "cannot update sockmap in this context"
			}
			return e
		}
	}
	if types, ok := helperMaps[id]; ok && !hasType(types, mapType) {
		return &MapFuncError{MapType: mapType, ID: id}
	}
	return nil
}

func hasID(ids []ID, id ID) bool {
	for _, x := range ids {
		if x == id {
			return true
		}
	}
	return false
}

func hasType(types []uint32, t uint32) bool {
	for _, x := range types {
		if x == t {
			return true
		}
	}
	return false
}

// MapFuncError is a map the kernel refuses to pass to a helper.
type MapFuncError struct {
	MapType uint32 // enum bpf_map_type
	ID      ID
	// Note is the line the kernel logs before the error, if any:
	// "cannot update sockmap in this context".
	Note string
}

// Error is the kernel's message: "cannot pass map_type 15 into func
// bpf_map_update_elem#2".
func (e *MapFuncError) Error() string {
	return fmt.Sprintf("cannot pass map_type %d into func %s#%d", e.MapType, Name(e.ID), e.ID)
}
