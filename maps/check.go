// This file implements the validation of a Spec, in the order and with the
// errno of the kernel's map_alloc_check functions (array_map_alloc_check,
// fd_array_map_alloc_check, htab_map_alloc_check, ringbuf_map_alloc).

package maps

import "fmt"

const (
	// arrayFlags is the kernel's ARRAY_CREATE_FLAG_MASK.
	arrayFlags = FlagNUMANode | FlagMmapable | flagAccessMask | FlagPreserveElems | FlagInnerMap
	// hashFlags is the kernel's HTAB_CREATE_FLAG_MASK.
	hashFlags = FlagNoPrealloc | FlagNoCommonLRU | FlagNUMANode | flagAccessMask | FlagZeroSeed
	// ringFlags is the kernel's RINGBUF_CREATE_FLAG_MASK.
	ringFlags = FlagNUMANode

	// pcpuMinUnitSize bounds per-CPU values (PCPU_MIN_UNIT_SIZE).
	pcpuMinUnitSize = 32 << 10
	// kmallocMaxSize and htabElemHeader bound a hash element
	// (KMALLOC_MAX_SIZE on x86-64, sizeof(struct htab_elem)).
	kmallocMaxSize = 4 << 20
	htabElemHeader = 48
	// ringMaxRecord is RINGBUF_MAX_RECORD_SZ.
	ringMaxRecord = (1<<32 - 1) / 4
)

// MaxValuesSize bounds the memory of one map's values (the arena), where
// the kernel's bound is the memory cgroup: New refuses a larger map with
// ErrNoMemory (ENOMEM), so a bad max_entries cannot exhaust the host.
const MaxValuesSize = 1 << 30

// accessOK is the kernel's bpf_map_flags_access_ok.
func accessOK(flags uint32) bool {
	return flags&(FlagRdonly|FlagWronly) != FlagRdonly|FlagWronly &&
		flags&(FlagRdonlyProg|FlagWronlyProg) != FlagRdonlyProg|FlagWronlyProg
}

// check validates spec like the kernel's map_alloc_check for its type.
// Errors name the map and the field and wrap ErrInvalid (EINVAL),
// ErrTooBig (E2BIG), ErrNotSupported or ErrNoMemory.
func check(s Spec) error {
	bad := func(sentinel error, format string, args ...any) error {
		return fmt.Errorf("map %q: %s: %w", s.Name, fmt.Sprintf(format, args...), sentinel)
	}
	t := s.Type
	switch {
	case t == ProgArray:
		if s.ValueSize != 4 {
			return bad(ErrInvalid, "value size %d, want 4 for a prog_array", s.ValueSize)
		}
		if s.Flags&(FlagRdonlyProg|FlagWronlyProg) != 0 {
			return bad(ErrInvalid, "flags %#x: a prog_array may not be read-only or write-only for programs", s.Flags)
		}
		fallthrough
	case t.isArray():
		switch {
		case s.MaxEntries == 0:
			return bad(ErrInvalid, "max entries 0")
		case s.KeySize != 4:
			return bad(ErrInvalid, "key size %d, want 4 for type %v", s.KeySize, t)
		case s.ValueSize == 0:
			return bad(ErrInvalid, "value size 0")
		case s.Flags&^arrayFlags != 0:
			return bad(ErrInvalid, "flags %#x not allowed for type %v", s.Flags&^arrayFlags, t)
		case !accessOK(s.Flags):
			return bad(ErrInvalid, "flags %#x: both read-only and write-only", s.Flags)
		case t.PerCPU() && s.Flags&FlagNUMANode != 0:
			return bad(ErrInvalid, "flags %#x: a NUMA node for a per-CPU map", s.Flags)
		case t != Array && s.Flags&(FlagMmapable|FlagInnerMap) != 0:
			return bad(ErrInvalid, "flags %#x: mmapable or inner map flags on type %v", s.Flags, t)
		case s.Flags&FlagPreserveElems != 0:
			return bad(ErrInvalid, "flags %#x: preserve elems is for perf event arrays", s.Flags)
		case s.ValueSize > 1<<31-1:
			return bad(ErrTooBig, "value size %d", s.ValueSize)
		case t.PerCPU() && roundUp8(uint64(s.ValueSize)) > pcpuMinUnitSize:
			return bad(ErrTooBig, "value size %d, per-CPU values are at most %d bytes", s.ValueSize, pcpuMinUnitSize)
		}
	case t.isHash():
		lru := t.isLRU()
		switch {
		case s.Flags&^hashFlags != 0:
			return bad(ErrInvalid, "flags %#x not allowed for type %v", s.Flags&^hashFlags, t)
		case !accessOK(s.Flags):
			return bad(ErrInvalid, "flags %#x: both read-only and write-only", s.Flags)
		case !lru && s.Flags&FlagNoCommonLRU != 0:
			return bad(ErrInvalid, "flags %#x: no common LRU on type %v", s.Flags, t)
		case lru && s.Flags&FlagNoPrealloc != 0:
			return bad(ErrNotSupported, "flags %#x: LRU maps are always preallocated", s.Flags)
		case s.Flags&FlagNUMANode != 0 && (t.PerCPU() || s.Flags&FlagNoCommonLRU != 0):
			return bad(ErrInvalid, "flags %#x: a NUMA node for a per-CPU map", s.Flags)
		case s.MaxEntries == 0:
			return bad(ErrInvalid, "max entries 0")
		case s.KeySize == 0:
			return bad(ErrInvalid, "key size 0")
		case s.ValueSize == 0:
			return bad(ErrInvalid, "value size 0")
		case uint64(s.KeySize)+uint64(s.ValueSize) >= kmallocMaxSize-htabElemHeader:
			return bad(ErrTooBig, "key size %d + value size %d", s.KeySize, s.ValueSize)
		case t.PerCPU() && roundUp8(uint64(s.ValueSize)) > pcpuMinUnitSize:
			return bad(ErrTooBig, "value size %d, per-CPU values are at most %d bytes", s.ValueSize, pcpuMinUnitSize)
		}
	case t == RingBuf:
		switch {
		case s.Flags&^ringFlags != 0:
			return bad(ErrInvalid, "flags %#x not allowed for a ringbuf", s.Flags&^ringFlags)
		case s.KeySize != 0:
			return bad(ErrInvalid, "key size %d, want 0 for a ringbuf", s.KeySize)
		case s.ValueSize != 0:
			return bad(ErrInvalid, "value size %d, want 0 for a ringbuf", s.ValueSize)
		case s.MaxEntries == 0 || s.MaxEntries&(s.MaxEntries-1) != 0:
			return bad(ErrInvalid, "max entries %d, want a power of 2", s.MaxEntries)
		case s.MaxEntries%PageSize != 0:
			return bad(ErrInvalid, "max entries %d, want a multiple of the page size %d", s.MaxEntries, PageSize)
		}
	default:
		return bad(ErrNotSupported, "map type %v", t)
	}
	if s.HasSpinLock {
		if t != Hash && t != Array {
			return bad(ErrNotSupported, "a bpf_spin_lock in the values of type %v", t)
		}
		if s.SpinLockOffset%4 != 0 || uint64(s.SpinLockOffset)+4 > uint64(s.ValueSize) {
			return bad(ErrInvalid, "spin lock offset %d in a %d-byte value", s.SpinLockOffset, s.ValueSize)
		}
	}
	if n := valuesSize(s); n > MaxValuesSize {
		return bad(ErrNoMemory, "max entries %d: values need %d bytes, more than %d", s.MaxEntries, n, MaxValuesSize)
	}
	return nil
}

// elemSize is the size of one value slot: the kernel's
// round_up(value_size, 8).
func elemSize(s Spec) uint64 { return roundUp8(uint64(s.ValueSize)) }

// valuesSize is the size of the arena for a valid spec.
func valuesSize(s Spec) uint64 {
	switch {
	case s.Type == RingBuf:
		return uint64(s.MaxEntries)
	case s.Type == ProgArray:
		return 0
	}
	return uint64(s.MaxEntries) * elemSize(s)
}
