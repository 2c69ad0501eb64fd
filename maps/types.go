// This file implements the map types, the map flags and Spec, the
// description of a map that New validates.

package maps

import "fmt"

// Type is a map type: the values of the kernel's enum bpf_map_type.
type Type uint32

// The map types callx implements.
const (
	Hash          Type = 1  // BPF_MAP_TYPE_HASH
	Array         Type = 2  // BPF_MAP_TYPE_ARRAY
	ProgArray     Type = 3  // BPF_MAP_TYPE_PROG_ARRAY
	PerCPUHash    Type = 5  // BPF_MAP_TYPE_PERCPU_HASH
	PerCPUArray   Type = 6  // BPF_MAP_TYPE_PERCPU_ARRAY
	LRUHash       Type = 9  // BPF_MAP_TYPE_LRU_HASH
	LRUPerCPUHash Type = 10 // BPF_MAP_TYPE_LRU_PERCPU_HASH
	RingBuf       Type = 27 // BPF_MAP_TYPE_RINGBUF
)

var typeNames = map[Type]string{
	Hash:          "hash",
	Array:         "array",
	ProgArray:     "prog_array",
	PerCPUHash:    "percpu_hash",
	PerCPUArray:   "percpu_array",
	LRUHash:       "lru_hash",
	LRUPerCPUHash: "lru_percpu_hash",
	RingBuf:       "ringbuf",
}

// String returns the name bpftool gives the type ("hash", "lru_percpu_hash"),
// or Type(N) for a type callx does not implement.
func (t Type) String() string {
	if s, ok := typeNames[t]; ok {
		return s
	}
	return fmt.Sprintf("Type(%d)", uint32(t))
}

// isHash reports whether the type is one of the four hash tables.
func (t Type) isHash() bool {
	return t == Hash || t == PerCPUHash || t == LRUHash || t == LRUPerCPUHash
}

// isArray reports whether the type is an array or a per-CPU array.
func (t Type) isArray() bool { return t == Array || t == PerCPUArray }

// PerCPU reports whether values of the type are per CPU.
func (t Type) PerCPU() bool {
	return t == PerCPUArray || t == PerCPUHash || t == LRUPerCPUHash
}

// isLRU reports whether the type evicts its least recently used element.
func (t Type) isLRU() bool { return t == LRUHash || t == LRUPerCPUHash }

// Map flags (the map_flags of BPF_MAP_CREATE, include/uapi/linux/bpf.h).
const (
	FlagNoPrealloc    uint32 = 1 << 0  // BPF_F_NO_PREALLOC
	FlagNoCommonLRU   uint32 = 1 << 1  // BPF_F_NO_COMMON_LRU
	FlagNUMANode      uint32 = 1 << 2  // BPF_F_NUMA_NODE
	FlagRdonly        uint32 = 1 << 3  // BPF_F_RDONLY: user space may not write
	FlagWronly        uint32 = 1 << 4  // BPF_F_WRONLY: user space may not read
	FlagStackBuildID  uint32 = 1 << 5  // BPF_F_STACK_BUILD_ID
	FlagZeroSeed      uint32 = 1 << 6  // BPF_F_ZERO_SEED
	FlagRdonlyProg    uint32 = 1 << 7  // BPF_F_RDONLY_PROG: programs may not write
	FlagWronlyProg    uint32 = 1 << 8  // BPF_F_WRONLY_PROG: programs may not read
	FlagClone         uint32 = 1 << 9  // BPF_F_CLONE
	FlagMmapable      uint32 = 1 << 10 // BPF_F_MMAPABLE
	FlagPreserveElems uint32 = 1 << 11 // BPF_F_PRESERVE_ELEMS
	FlagInnerMap      uint32 = 1 << 12 // BPF_F_INNER_MAP
)

// flagAccessMask is the kernel's BPF_F_ACCESS_MASK.
const flagAccessMask = FlagRdonly | FlagRdonlyProg | FlagWronly | FlagWronlyProg

// Spec describes a map: what a BTF .maps definition or a legacy
// struct bpf_map_def says, or the attributes of BPF_MAP_CREATE.
type Spec struct {
	Name string
	Type Type

	KeySize, ValueSize, MaxEntries, Flags uint32

	// ReadOnly: programs may not write values (a frozen .rodata, or
	// BPF_F_RDONLY_PROG). The engine enforces it by mapping Values()
	// read-only; UpdateElem and DeleteElem refuse with EPERM. New sets
	// it when Flags has FlagRdonlyProg.
	ReadOnly bool

	// HasSpinLock says that values hold a struct bpf_spin_lock at byte
	// SpinLockOffset (from BTF). Only Hash and Array allow one, as in the
	// kernel. Copies in and out of values skip the lock word, and
	// UpdateLock takes the lock while copying (BPF_F_LOCK).
	HasSpinLock    bool
	SpinLockOffset uint32
}

// PossibleCPUs is the number of CPUs callx runs programs on: one. A per-CPU
// map has one value per key.
const PossibleCPUs = 1

// PageSize is the page size a ring buffer's size must be a multiple of.
const PageSize = 4096

// roundUp8 rounds n up to a multiple of 8 (the kernel's round_up(n, 8)).
func roundUp8(n uint64) uint64 { return (n + 7) &^ 7 }
