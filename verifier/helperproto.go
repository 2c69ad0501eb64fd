package verifier

// This file implements the verifier's view of a helper prototype: the
// argument and return kinds check_helper_call works with, taken from the
// one helper table.

import (
	"errors"

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
	argSockCommon      // a socket of any kind (ARG_PTR_TO_SOCK_COMMON)
	argBTFIDSockCommon // that, or a kernel struct starting with struct sock_common (ARG_PTR_TO_BTF_ID_SOCK_COMMON)
	argSocket          // a full socket (ARG_PTR_TO_SOCKET)
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
	argAligned
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
	retSocket
	retSockCommon
	retTCPSock
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
	mightSleep     bool
	// ptrCast: the result is the argument seen as another type, and
	// keeps its reference (is_ptr_cast_function).
	ptrCast bool
}

// helperProto returns the prototype of helper id for the program's type,
// logging the kernel's message when there is none.
func (v *verifier) helperProto(id int32) (*proto, error) {
	p, err := v.lookupProto(id)
	if err != nil {
		return nil, v.reject(err.(*Error).Code, "%s", err.(*Error).Msg)
	}
	return p, nil
}

// lookupProto finds helper id's prototype for the program's type
// (get_helper_proto) and converts it, without logging.
func (v *verifier) lookupProto(id int32) (*proto, error) {
	if v.protoCache == nil {
		v.protoCache = map[int32]*proto{}
	}
	if p, ok := v.protoCache[id]; ok {
		return p, nil
	}
	prog := helpers.DefaultProg(string(v.opts.Type))
	prog.Sleepable = v.opts.Sleepable
	prog.AttachTo = v.opts.AttachTo
	h, err := prog.Helper(helpers.ID(id))
	if err != nil {
		return nil, &Error{Code: CodeCall, Msg: err.Error()}
	}
	p := &proto{
		logName:        helpers.Name(helpers.ID(id)),
		pktAccess:      h.Proto.PktAccess,
		changesPktData: helpers.ChangesPktData(helpers.ID(id)),
		mightSleep:     h.Proto.MightSleep,
	}
	for i, a := range h.Proto.Args {
		spec := argSpec{size: h.Proto.ArgSize[i]}
		f := a.Flags()
		if f&helpers.ArgMaybeNull != 0 {
			spec.flags |= argMaybeNull
		}
		if f&helpers.ArgRdonly != 0 {
			spec.flags |= argRdonly
		}
		if f&helpers.ArgUninit != 0 {
			spec.flags |= argUninit
		}
		if f&helpers.ArgFixedSize != 0 {
			spec.flags |= argFixedSize
		}
		if f&helpers.ArgRelease != 0 {
			spec.flags |= argRelease
		}
		if f&helpers.ArgWrite != 0 {
			spec.flags |= argWrite
		}
		if f&helpers.ArgAligned != 0 {
			spec.flags |= argAligned
		}
		switch a.Base() {
		case helpers.ArgDontCare:
			spec.kind = argDontCare
		case helpers.ArgAnything, helpers.ArgScalar:
			spec.kind = argAnything
		case helpers.ArgConstMapPtr:
			spec.kind = argConstMapPtr
		case helpers.ArgPtrToMapKey:
			spec.kind = argMapKey
		case helpers.ArgPtrToMapValue:
			spec.kind = argMapValue
		case helpers.ArgPtrToMem:
			spec.kind = argMem
		case helpers.ArgConstSize:
			spec.kind = argConstSize
		case helpers.ArgConstSizeOrZero:
			spec.kind = argConstSizeOrZero
		case helpers.ArgPtrToCtx:
			spec.kind = argCtx
		case helpers.ArgPtrToSpinLock:
			spec.kind = argSpinLock
		case helpers.ArgPtrToRingbufMem:
			spec.kind = argRingbufMem
		case helpers.ArgConstAllocSizeOrZero:
			spec.kind = argConstAllocSizeOrZero
		case helpers.ArgPtrToFunc:
			spec.kind = argFunc
		case helpers.ArgPtrToStack:
			spec.kind = argStack
		case helpers.ArgPtrToConstStr:
			spec.kind = argConstStr
		case helpers.ArgPtrToSockCommon:
			spec.kind = argSockCommon
		case helpers.ArgPtrToBTFIDSockCommon:
			spec.kind = argBTFIDSockCommon
		case helpers.ArgPtrToSocket:
			spec.kind = argSocket
		default:
			spec.kind = argUnsupported
		}
		p.args[i] = spec
	}
	ret := h.Proto.Ret
	p.retFlags = RegType(uint32(ret.Flags()))
	switch ret.Base() {
	case helpers.RetInteger:
		p.ret = retInteger
	case helpers.RetVoid:
		p.ret = retVoid
	case helpers.RetPtrToMapValue:
		p.ret = retMapValue
	case helpers.RetPtrToMem:
		p.ret = retMem
	case helpers.RetPtrToSocket:
		p.ret = retSocket
	case helpers.RetPtrToSockCommon:
		p.ret = retSockCommon
	case helpers.RetPtrToTCPSock:
		p.ret = retTCPSock
	default:
		p.ret = retUnsupported
	}
	switch helpers.ID(id) {
	case helpers.FuncSkLookupTCP, helpers.FuncSkLookupUDP, helpers.FuncSkcLookupTCP, helpers.FuncRingbufReserve, helpers.FuncKptrXchg:
		p.acquire = true
	case helpers.FuncSkFullsock, helpers.FuncTCPSock, helpers.FuncGetListenerSock:
		p.ptrCast = true
	}
	v.protoCache[id] = p
	return p, nil
}

// mapFuncCompatible is check_map_func_compatibility; it returns the
// kernel's message, or "" when the map type and the helper go together.
func (v *verifier) mapFuncCompatible(mapType uint32, id int32) string {
	if err := helpers.MapCompatible(mapType, helpers.ID(id), string(v.opts.Type)); err != nil {
		var me *helpers.MapFuncError
		if errors.As(err, &me) && me.Note != "" {
			v.log.printf("%s\n", me.Note)
		}
		return err.Error()
	}
	return ""
}
