package verifier

// This file implements the kinds of value a register or a stack slot can
// hold, as the kernel's enum bpf_reg_type (include/linux/bpf.h): a base
// type and modifier flags, and their names in the verifier log
// (reg_type_str in kernel/bpf/verifier.c).

// RegType is a register's type: a base type in the low byte and flags
// above it, as the kernel composes them.
type RegType uint32

// Base types (enum bpf_reg_type).
const (
	NotInit          RegType = iota // nothing written yet
	ScalarValue                     // a number
	PtrToCtx                        // the program's context
	ConstPtrToMap                   // a map (ld_imm64 of a map)
	PtrToMapValue                   // into a map value
	PtrToMapKey                     // into a map key (callbacks of for_each)
	PtrToStack                      // into the stack (fp)
	PtrToPacketMeta                 // XDP/skb metadata, before data
	PtrToPacket                     // packet data
	PtrToPacketEnd                  // data_end
	PtrToFlowKeys                   // flow dissector keys
	PtrToSocket                     // struct bpf_sock
	PtrToSockCommon                 // struct bpf_sock_common
	PtrToTCPSock                    // struct bpf_tcp_sock
	PtrToTPBuffer                   // writable tracepoint buffer
	PtrToXDPSock                    // struct bpf_xdp_sock
	PtrToBTFID                      // a kernel object typed through BTF
	PtrToMem                        // a region of known size (ringbuf record, rdonly global)
	PtrToArena                      // arena memory
	PtrToBuf                        // iterator buffer
	PtrToFunc                       // a BPF function's address
	ConstPtrToDynptr                // a dynptr argument
	numBaseTypes
)

// Type flags (enum bpf_type_flag). Only the ones callx's verifier tracks.
const (
	PtrMaybeNull RegType = 1 << (8 + iota) // may be NULL until checked
	MemRdonly                              // read-only memory
	MemRingbuf                             // a ring buffer record
	MemUser                                // user memory
	MemPercpu                              // a per-CPU pointer
	ObjRelease                             // released by the helper it is passed to
	PtrUntrusted                           // may be invalid
	MemUninit                              // may be written before it is read
	DynptrTypeLocal
	DynptrTypeRingbuf
	MemFixedSize
	MemAlloc
	PtrTrusted
	MemRCU
	NonOwnRef
)

const baseTypeMask RegType = 0xff

// Base is the type without its flags (base_type).
func (t RegType) Base() RegType { return t & baseTypeMask }

// MaybeNull reports whether the type carries PTR_MAYBE_NULL.
func (t RegType) MaybeNull() bool { return t&PtrMaybeNull != 0 }

// IsPointer reports whether a register of this type holds a pointer: not
// uninitialised and not a scalar.
func (t RegType) IsPointer() bool { return t != NotInit && t != ScalarValue }

// IsPacket reports whether t is a packet pointer with a range
// (type_is_pkt_pointer).
func (t RegType) IsPacket() bool {
	b := t.Base()
	return b == PtrToPacket || b == PtrToPacketMeta
}

var baseNames = [numBaseTypes]string{
	NotInit:          "?",
	ScalarValue:      "scalar",
	PtrToCtx:         "ctx",
	ConstPtrToMap:    "map_ptr",
	PtrToMapValue:    "map_value",
	PtrToMapKey:      "map_key",
	PtrToStack:       "fp",
	PtrToPacketMeta:  "pkt_meta",
	PtrToPacket:      "pkt",
	PtrToPacketEnd:   "pkt_end",
	PtrToFlowKeys:    "flow_keys",
	PtrToSocket:      "sock",
	PtrToSockCommon:  "sock_common",
	PtrToTCPSock:     "tcp_sock",
	PtrToTPBuffer:    "tp_buffer",
	PtrToXDPSock:     "xdp_sock",
	PtrToBTFID:       "ptr_",
	PtrToMem:         "mem",
	PtrToArena:       "arena",
	PtrToBuf:         "buf",
	PtrToFunc:        "func",
	ConstPtrToDynptr: "dynptr_ptr",
}

// String is the type's name in the verifier log (reg_type_str):
// "map_value_or_null", "rdonly_mem", "ringbuf_mem_or_null", "ptr_", ...
func (t RegType) String() string {
	b := t.Base()
	if b >= numBaseTypes {
		return "invalid"
	}
	prefix := ""
	for _, f := range [...]struct {
		flag RegType
		name string
	}{
		{MemRdonly, "rdonly_"}, {MemRingbuf, "ringbuf_"}, {MemUser, "user_"},
		{MemPercpu, "percpu_"}, {MemRCU, "rcu_"}, {PtrUntrusted, "untrusted_"},
		{PtrTrusted, "trusted_"},
	} {
		if t&f.flag != 0 {
			prefix += f.name
		}
	}
	postfix := ""
	if t.MaybeNull() {
		if b == PtrToBTFID {
			postfix = "or_null_"
		} else {
			postfix = "_or_null"
		}
	}
	return prefix + baseNames[b] + postfix
}
