package helpers

// This file implements helper prototypes as the kernel writes them
// (struct bpf_func_proto in include/linux/bpf.h): the kind of each argument
// and of the result, each a base type in the low byte with the kernel's
// type flags (enum bpf_type_flag) above it.

import (
	"fmt"
	"math/bits"
	"strings"
)

// ArgType is the kind of one helper argument, as the kernel's enum
// bpf_arg_type: a base kind in the low byte and type flags above it. The
// flag bits are the kernel's (BIT(n + BPF_BASE_TYPE_BITS)), the same bits
// the verifier's register types use.
type ArgType uint32

// Base argument kinds, in the kernel's order (enum bpf_arg_type).
const (
	ArgDontCare             ArgType = iota // ARG_DONTCARE: no argument in this position
	ArgConstMapPtr                         // ARG_CONST_MAP_PTR: a map (ld_imm64 of a map)
	ArgPtrToMapKey                         // ARG_PTR_TO_MAP_KEY: key_size readable bytes
	ArgPtrToMapValue                       // ARG_PTR_TO_MAP_VALUE: value_size readable bytes
	ArgPtrToMem                            // ARG_PTR_TO_MEM: memory sized by the next argument (or arg_size)
	ArgPtrToArena                          // ARG_PTR_TO_ARENA: arena memory
	ArgConstSize                           // ARG_CONST_SIZE: the size of the previous argument, > 0
	ArgConstSizeOrZero                     // ARG_CONST_SIZE_OR_ZERO: the size of the previous argument, >= 0
	ArgPtrToCtx                            // ARG_PTR_TO_CTX: the program's context
	ArgAnything                            // ARG_ANYTHING: any initialised value
	ArgScalar                              // ARG_SCALAR: a scalar (not a pointer)
	ArgPtrToSpinLock                       // ARG_PTR_TO_SPIN_LOCK: a struct bpf_spin_lock in a map value or object
	ArgPtrToSockCommon                     // ARG_PTR_TO_SOCK_COMMON: struct bpf_sock_common
	ArgPtrToSocket                         // ARG_PTR_TO_SOCKET: struct bpf_sock (a full socket)
	ArgPtrToBTFID                          // ARG_PTR_TO_BTF_ID: a kernel struct (Proto.ArgBTFName)
	ArgPtrToRingbufMem                     // ARG_PTR_TO_RINGBUF_MEM: a ring buffer record from ringbuf_reserve
	ArgConstAllocSizeOrZero                // ARG_CONST_ALLOC_SIZE_OR_ZERO: the size of the memory returned
	ArgPtrToBTFIDSockCommon                // ARG_PTR_TO_BTF_ID_SOCK_COMMON: a kernel sock_common or a bpf_sock
	ArgPtrToPercpuBTFID                    // ARG_PTR_TO_PERCPU_BTF_ID: a kernel per-CPU variable
	ArgPtrToFunc                           // ARG_PTR_TO_FUNC: a BPF function (a callback)
	ArgPtrToStack                          // ARG_PTR_TO_STACK: the stack
	ArgPtrToConstStr                       // ARG_PTR_TO_CONST_STR: a NUL-terminated string in read-only map memory
	ArgPtrToTimer                          // ARG_PTR_TO_TIMER: a struct bpf_timer in a map value
	ArgKptrXchgDest                        // ARG_KPTR_XCHG_DEST: a kptr field of a map value (ARG_PTR_TO_KPTR before 6.12)
	ArgPtrToDynptr                         // ARG_PTR_TO_DYNPTR: a struct bpf_dynptr (its kind in the DYNPTR flags)
	numArgBases
)

// Argument type flags (enum bpf_type_flag, at the kernel's bits).
const (
	ArgMaybeNull     ArgType = 1 << (8 + iota) // PTR_MAYBE_NULL: NULL is accepted too
	ArgRdonly                                  // MEM_RDONLY: read-only memory is accepted (the helper only reads)
	ArgRingbuf                                 // MEM_RINGBUF
	ArgUser                                    // MEM_USER
	ArgPercpu                                  // MEM_PERCPU
	ArgRelease                                 // OBJ_RELEASE: the helper releases the reference
	ArgUntrusted                               // PTR_UNTRUSTED
	ArgUninit                                  // MEM_UNINIT: the memory may be uninitialised (the helper fills it)
	ArgDynptrLocal                             // DYNPTR_TYPE_LOCAL
	ArgDynptrRingbuf                           // DYNPTR_TYPE_RINGBUF
	ArgFixedSize                               // MEM_FIXED_SIZE: the size is Proto.ArgSize, not the next argument
	ArgAlloc                                   // MEM_ALLOC
	ArgTrusted                                 // PTR_TRUSTED
	ArgRCU                                     // MEM_RCU
	ArgNonOwnRef                               // NON_OWN_REF
	ArgDynptrSKB                               // DYNPTR_TYPE_SKB
	ArgDynptrXDP                               // DYNPTR_TYPE_XDP
	ArgAligned                                 // MEM_ALIGNED: the memory must be aligned to its size
	ArgWrite                                   // MEM_WRITE: the helper writes the memory
)

// The kernel's composite argument types.
const (
	ArgPtrToMapValueOrNull = ArgPtrToMapValue | ArgMaybeNull     // ARG_PTR_TO_MAP_VALUE_OR_NULL
	ArgPtrToMemOrNull      = ArgPtrToMem | ArgMaybeNull          // ARG_PTR_TO_MEM_OR_NULL
	ArgPtrToCtxOrNull      = ArgPtrToCtx | ArgMaybeNull          // ARG_PTR_TO_CTX_OR_NULL
	ArgPtrToSocketOrNull   = ArgPtrToSocket | ArgMaybeNull       // ARG_PTR_TO_SOCKET_OR_NULL
	ArgPtrToStackOrNull    = ArgPtrToStack | ArgMaybeNull        // ARG_PTR_TO_STACK_OR_NULL
	ArgPtrToBTFIDOrNull    = ArgPtrToBTFID | ArgMaybeNull        // ARG_PTR_TO_BTF_ID_OR_NULL
	ArgPtrToUninitMem      = ArgPtrToMem | ArgUninit | ArgWrite  // ARG_PTR_TO_UNINIT_MEM
	ArgPtrToFixedSizeMem   = ArgPtrToMem | ArgFixedSize          // ARG_PTR_TO_FIXED_SIZE_MEM
	ArgDynptrTypeMask      = ArgDynptrLocal | ArgDynptrRingbuf | // DYNPTR_TYPE_FLAG_MASK
		ArgDynptrSKB | ArgDynptrXDP
)

// typeFlagBits is the number of kernel type flags (__BPF_TYPE_FLAG_MAX).
const typeFlagBits = 19

const baseMask = 0xff

// Base is the argument kind without its flags (base_type).
func (t ArgType) Base() ArgType { return t & baseMask }

// Flags is the argument's type flags (type_flag).
func (t ArgType) Flags() ArgType { return t &^ baseMask }

// MaybeNull reports whether NULL is accepted (PTR_MAYBE_NULL).
func (t ArgType) MaybeNull() bool { return t&ArgMaybeNull != 0 }

// IsMem reports whether the argument is memory sized by the next
// argument or by Proto.ArgSize (base ARG_PTR_TO_MEM).
func (t ArgType) IsMem() bool { return t.Base() == ArgPtrToMem }

// IsSize reports whether the argument is the size of the previous one
// (ARG_CONST_SIZE or ARG_CONST_SIZE_OR_ZERO).
func (t ArgType) IsSize() bool {
	b := t.Base()
	return b == ArgConstSize || b == ArgConstSizeOrZero
}

var argBaseNames = [numArgBases]string{
	"ARG_DONTCARE", "ARG_CONST_MAP_PTR", "ARG_PTR_TO_MAP_KEY", "ARG_PTR_TO_MAP_VALUE",
	"ARG_PTR_TO_MEM", "ARG_PTR_TO_ARENA", "ARG_CONST_SIZE", "ARG_CONST_SIZE_OR_ZERO",
	"ARG_PTR_TO_CTX", "ARG_ANYTHING", "ARG_SCALAR", "ARG_PTR_TO_SPIN_LOCK",
	"ARG_PTR_TO_SOCK_COMMON", "ARG_PTR_TO_SOCKET", "ARG_PTR_TO_BTF_ID",
	"ARG_PTR_TO_RINGBUF_MEM", "ARG_CONST_ALLOC_SIZE_OR_ZERO",
	"ARG_PTR_TO_BTF_ID_SOCK_COMMON", "ARG_PTR_TO_PERCPU_BTF_ID", "ARG_PTR_TO_FUNC",
	"ARG_PTR_TO_STACK", "ARG_PTR_TO_CONST_STR", "ARG_PTR_TO_TIMER",
	"ARG_KPTR_XCHG_DEST", "ARG_PTR_TO_DYNPTR",
}

// flagNames are the kernel's names of the type flags, by bit.
var flagNames = [typeFlagBits]string{
	"PTR_MAYBE_NULL", "MEM_RDONLY", "MEM_RINGBUF", "MEM_USER", "MEM_PERCPU",
	"OBJ_RELEASE", "PTR_UNTRUSTED", "MEM_UNINIT", "DYNPTR_TYPE_LOCAL",
	"DYNPTR_TYPE_RINGBUF", "MEM_FIXED_SIZE", "MEM_ALLOC", "PTR_TRUSTED", "MEM_RCU",
	"NON_OWN_REF", "DYNPTR_TYPE_SKB", "DYNPTR_TYPE_XDP", "MEM_ALIGNED", "MEM_WRITE",
}

// typeString writes a base name and the kernel names of the flags set in
// flags, joined by "|" as the kernel sources write them.
func typeString(base string, flags uint32) string {
	var b strings.Builder
	b.WriteString(base)
	for flags >>= 8; flags != 0; flags &= flags - 1 {
		i := bits.TrailingZeros32(flags)
		b.WriteByte('|')
		if i < typeFlagBits {
			b.WriteString(flagNames[i])
		} else {
			fmt.Fprintf(&b, "BIT(%d)", i+8)
		}
	}
	return b.String()
}

// String is the kernel's spelling: "ARG_PTR_TO_MEM|MEM_RDONLY".
func (t ArgType) String() string {
	base := fmt.Sprintf("ARG_%d", t.Base())
	if t.Base() < numArgBases {
		base = argBaseNames[t.Base()]
	}
	return typeString(base, uint32(t.Flags()))
}

// RetType is the kind of a helper's result, as the kernel's enum
// bpf_return_type: a base kind in the low byte and type flags above it,
// at the same bits as ArgType's.
type RetType uint32

// Base result kinds, in the kernel's order (enum bpf_return_type).
const (
	RetInteger         RetType = iota // RET_INTEGER: an unknown scalar
	RetVoid                           // RET_VOID: nothing (r0 is not readable)
	RetPtrToMapValue                  // RET_PTR_TO_MAP_VALUE
	RetPtrToSocket                    // RET_PTR_TO_SOCKET: a struct bpf_sock
	RetPtrToTCPSock                   // RET_PTR_TO_TCP_SOCK: a struct bpf_tcp_sock
	RetPtrToSockCommon                // RET_PTR_TO_SOCK_COMMON: a struct bpf_sock_common
	RetPtrToMem                       // RET_PTR_TO_MEM: memory sized by the ARG_CONST_ALLOC_SIZE_OR_ZERO argument
	RetPtrToMemOrBTFID                // RET_PTR_TO_MEM_OR_BTF_ID: memory or a kernel struct, by the argument's type
	RetPtrToBTFID                     // RET_PTR_TO_BTF_ID: a kernel struct (Proto.RetBTFName)
	numRetBases
)

// Result type flags (enum bpf_type_flag, at the kernel's bits).
const (
	RetMaybeNull     RetType = 1 << (8 + iota) // PTR_MAYBE_NULL: may be NULL until checked
	RetRdonly                                  // MEM_RDONLY: read-only memory
	RetRingbuf                                 // MEM_RINGBUF: a ring buffer record
	RetUser                                    // MEM_USER
	RetPercpu                                  // MEM_PERCPU
	RetRelease                                 // OBJ_RELEASE
	RetUntrusted                               // PTR_UNTRUSTED
	RetUninit                                  // MEM_UNINIT
	RetDynptrLocal                             // DYNPTR_TYPE_LOCAL
	RetDynptrRingbuf                           // DYNPTR_TYPE_RINGBUF
	RetFixedSize                               // MEM_FIXED_SIZE
	RetAlloc                                   // MEM_ALLOC
	RetTrusted                                 // PTR_TRUSTED: may be passed on to helpers and kfuncs
	RetRCU                                     // MEM_RCU
	RetNonOwnRef                               // NON_OWN_REF
	RetDynptrSKB                               // DYNPTR_TYPE_SKB
	RetDynptrXDP                               // DYNPTR_TYPE_XDP
	RetAligned                                 // MEM_ALIGNED
	RetWrite                                   // MEM_WRITE
)

// The kernel's composite result types.
const (
	RetPtrToMapValueOrNull   = RetPtrToMapValue | RetMaybeNull         // RET_PTR_TO_MAP_VALUE_OR_NULL
	RetPtrToSocketOrNull     = RetPtrToSocket | RetMaybeNull           // RET_PTR_TO_SOCKET_OR_NULL
	RetPtrToTCPSockOrNull    = RetPtrToTCPSock | RetMaybeNull          // RET_PTR_TO_TCP_SOCK_OR_NULL
	RetPtrToSockCommonOrNull = RetPtrToSockCommon | RetMaybeNull       // RET_PTR_TO_SOCK_COMMON_OR_NULL
	RetPtrToRingbufMemOrNull = RetPtrToMem | RetRingbuf | RetMaybeNull // RET_PTR_TO_RINGBUF_MEM_OR_NULL
	RetPtrToDynptrMemOrNull  = RetPtrToMem | RetMaybeNull              // RET_PTR_TO_DYNPTR_MEM_OR_NULL
	RetPtrToBTFIDOrNull      = RetPtrToBTFID | RetMaybeNull            // RET_PTR_TO_BTF_ID_OR_NULL
	RetPtrToBTFIDTrusted     = RetPtrToBTFID | RetTrusted              // RET_PTR_TO_BTF_ID_TRUSTED
)

// Base is the result kind without its flags (base_type).
func (t RetType) Base() RetType { return t & baseMask }

// Flags is the result's type flags (type_flag).
func (t RetType) Flags() RetType { return t &^ baseMask }

// MaybeNull reports whether the result may be NULL (PTR_MAYBE_NULL).
func (t RetType) MaybeNull() bool { return t&RetMaybeNull != 0 }

var retBaseNames = [numRetBases]string{
	"RET_INTEGER", "RET_VOID", "RET_PTR_TO_MAP_VALUE", "RET_PTR_TO_SOCKET",
	"RET_PTR_TO_TCP_SOCK", "RET_PTR_TO_SOCK_COMMON", "RET_PTR_TO_MEM",
	"RET_PTR_TO_MEM_OR_BTF_ID", "RET_PTR_TO_BTF_ID",
}

// String is the kernel's spelling: "RET_PTR_TO_MAP_VALUE|PTR_MAYBE_NULL".
func (t RetType) String() string {
	base := fmt.Sprintf("RET_%d", t.Base())
	if t.Base() < numRetBases {
		base = retBaseNames[t.Base()]
	}
	return typeString(base, uint32(t.Flags()))
}

// BTFPoison is the BTF name of an argument or result whose type the
// verifier takes from elsewhere (the kernel's BPF_PTR_POISON in
// arg_btf_id or ret_btf_id): the map value's lock for spin_lock, the kptr
// field for kptr_xchg.
const BTFPoison = "BPF_PTR_POISON"

// Proto is a helper prototype: the facts of one const struct
// bpf_func_proto that the verifier checks calls against. Protos are
// comparable with ==.
type Proto struct {
	// Kernel is the name of the kernel's bpf_func_proto variable, e.g.
	// "bpf_xdp_redirect_proto": one helper id can have several.
	Kernel string
	// Ret is the kind of result (ret_type).
	Ret RetType
	// Args are the kinds of r1..r5 (arg1_type..arg5_type); ArgDontCare
	// past the last argument.
	Args [5]ArgType
	// ArgSize is the size in bytes of an ArgFixedSize memory argument
	// (arg_size).
	ArgSize [5]int
	// ArgBTFName is the kernel struct an ArgPtrToBTFID argument points to
	// (the name of the type arg_btf_id names, e.g. "task_struct"), or
	// BTFPoison.
	ArgBTFName [5]string
	// RetBTFName is the kernel struct a RetPtrToBTFID result points to
	// (ret_btf_id), or BTFPoison.
	RetBTFName string
	// GPLOnly: only GPL-compatible programs may call it (gpl_only).
	GPLOnly bool
	// PktAccess: memory arguments may point into the packet (pkt_access).
	PktAccess bool
	// MightSleep: only sleepable programs may call it (might_sleep).
	MightSleep bool
	// Fastcall: the helper follows the bpf_fastcall contract
	// (allow_fastcall).
	Fastcall bool
	// Allowed names the kernel's allowed() check, which decides per
	// program (by attach point) whether it may call the helper, e.g.
	// "bpf_d_path_allowed"; "" when there is none.
	Allowed string
}

// args returns the argument array of a prototype from its first arguments.
func args(a ...ArgType) (r [5]ArgType) {
	copy(r[:], a)
	return r
}

// NumArgs is the number of arguments before the trailing ArgDontCare ones.
func (p *Proto) NumArgs() int {
	n := len(p.Args)
	for n > 0 && p.Args[n-1] == ArgDontCare {
		n--
	}
	return n
}

// String prints the prototype readably, in the kernel's names:
//
//	RET_PTR_TO_MAP_VALUE|PTR_MAYBE_NULL (ARG_CONST_MAP_PTR, ARG_PTR_TO_MAP_KEY)
//
// with a fixed size after an argument ("[8]"), a BTF struct in angle
// brackets ("<task_struct>") and the gpl_only, pkt_access, might_sleep
// and allowed() facts after the arguments.
func (p Proto) String() string {
	var b strings.Builder
	b.WriteString(p.Ret.String())
	if p.RetBTFName != "" {
		fmt.Fprintf(&b, "<%s>", p.RetBTFName)
	}
	b.WriteString(" (")
	for i, a := range p.Args[:p.NumArgs()] {
		if i > 0 {
			b.WriteString(", ")
		}
		b.WriteString(a.String())
		if p.ArgSize[i] != 0 {
			fmt.Fprintf(&b, "[%d]", p.ArgSize[i])
		}
		if p.ArgBTFName[i] != "" {
			fmt.Fprintf(&b, "<%s>", p.ArgBTFName[i])
		}
	}
	b.WriteString(")")
	for _, f := range []struct {
		on   bool
		name string
	}{{p.GPLOnly, "gpl_only"}, {p.PktAccess, "pkt_access"}, {p.MightSleep, "might_sleep"}, {p.Fastcall, "allow_fastcall"}} {
		if f.on {
			b.WriteString(" " + f.name)
		}
	}
	if p.Allowed != "" {
		fmt.Fprintf(&b, " allowed=%s", p.Allowed)
	}
	return b.String()
}
