package verifier

// This file implements the verifier's view of a helper prototype: the
// argument and return kinds check_helper_call works with, taken from the
// one helper table.

import (
	"github.com/callx/callx/helpers"
)

// argKind is the base of an argument type (enum bpf_arg_type).
type argKind uint8

const (
	argDontCare argKind = iota
	argAnything
	argConstMapPtr
	argMapKey
	argMapValue
	argMem
	argConstSize
	argConstSizeOrZero
	argCtx
	argSpinLock
	argRingbufMem
	argConstAllocSizeOrZero
	argFunc
	argStack
	argConstStr
	argUnsupported
)

// Argument flags.
const (
	argMaybeNull = 1 << iota
	argRdonly
	argUninit
	argFixedSize
	argRelease
	argWrite
)

type argSpec struct {
	kind  argKind
	flags int
	size  int
}

// retKind is the base of a return type (enum bpf_return_type).
type retKind uint8

const (
	retInteger retKind = iota
	retVoid
	retMapValue
	retMem
	retUnsupported
)

// proto is a helper prototype as the verifier checks it.
type proto struct {
	logName        string // "bpf_map_lookup_elem"
	args           [5]argSpec
	ret            retKind
	retFlags       RegType
	pktAccess      bool
	changesPktData bool
	acquire        bool
}

// helperProto returns the prototype of helper id for the program's type,
// logging the kernel's message when there is none.
func (v *verifier) helperProto(id int32) (*proto, error) {
	p, err := v.lookupProto(id)
	if err != nil {
		return nil, v.reject(CodeCall, "%s", err.(*Error).Msg)
	}
	return p, nil
}

// lookupProto finds helper id's prototype without logging.
func (v *verifier) lookupProto(id int32) (*proto, error) {
	h, err := v.helpers.Lookup(helpers.ID(id))
	if err != nil {
		return nil, &Error{Code: CodeCall, Msg: "invalid func unknown#" + itoa64(int64(id))}
	}
	p := &proto{logName: "bpf_" + h.Name}
	spec, ok := tempProtos[h.Name]
	if !ok {
		return nil, &Error{Code: CodeUnsupported, Msg: "callx: helper " + p.logName + " is not modelled"}
	}
	spec.logName = p.logName
	return &spec, nil
}

// mapFuncCompatible is check_map_func_compatibility; it returns "" when
// the map type and the helper go together.
func mapFuncCompatible(mapType uint32, id int32) string {
	const progArray = 3
	if mapType == progArray && id != helpers.TailCallID {
		return "incompatible"
	}
	if id == helpers.TailCallID && mapType != progArray {
		return "incompatible"
	}
	return ""
}

var tempProtos = map[string]proto{
	"map_lookup_elem": {args: [5]argSpec{{kind: argConstMapPtr}, {kind: argMapKey}}, ret: retMapValue, retFlags: PtrMaybeNull},
	"map_update_elem": {args: [5]argSpec{{kind: argConstMapPtr}, {kind: argMapKey}, {kind: argMapValue}, {kind: argAnything}}},
	"map_delete_elem": {args: [5]argSpec{{kind: argConstMapPtr}, {kind: argMapKey}}},
	"ktime_get_ns":    {},
	"get_prandom_u32": {},
	"get_smp_processor_id": {},
	"trace_printk":    {args: [5]argSpec{{kind: argMem, flags: argRdonly}, {kind: argConstSize}}},
	"tail_call":       {args: [5]argSpec{{kind: argCtx}, {kind: argConstMapPtr}, {kind: argAnything}}},
	"ringbuf_reserve": {args: [5]argSpec{{kind: argConstMapPtr}, {kind: argConstAllocSizeOrZero}, {kind: argAnything}}, ret: retMem, retFlags: PtrMaybeNull | MemRingbuf, acquire: true},
	"ringbuf_submit":  {args: [5]argSpec{{kind: argRingbufMem, flags: argRelease}, {kind: argAnything}}, ret: retVoid},
	"ringbuf_discard": {args: [5]argSpec{{kind: argRingbufMem, flags: argRelease}, {kind: argAnything}}, ret: retVoid},
	"ringbuf_output":  {args: [5]argSpec{{kind: argConstMapPtr}, {kind: argMem, flags: argRdonly}, {kind: argConstSizeOrZero}, {kind: argAnything}}},
	"spin_lock":       {args: [5]argSpec{{kind: argSpinLock}}, ret: retVoid},
	"spin_unlock":     {args: [5]argSpec{{kind: argSpinLock}}, ret: retVoid},
	"xdp_adjust_head": {args: [5]argSpec{{kind: argCtx}, {kind: argAnything}}, changesPktData: true},
	"xdp_adjust_tail": {args: [5]argSpec{{kind: argCtx}, {kind: argAnything}}, changesPktData: true},
	"xdp_adjust_meta": {args: [5]argSpec{{kind: argCtx}, {kind: argAnything}}, changesPktData: true},
	"redirect":        {args: [5]argSpec{{kind: argAnything}, {kind: argAnything}}},
	"csum_diff":       {args: [5]argSpec{{kind: argMem, flags: argMaybeNull | argRdonly}, {kind: argConstSizeOrZero}, {kind: argMem, flags: argMaybeNull | argRdonly}, {kind: argConstSizeOrZero}, {kind: argAnything}}, pktAccess: true},
}
