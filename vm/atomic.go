package vm

// This file implements the atomic read-modify-write instructions. Map
// memory is shared by every machine running programs of an object, maybe
// on many goroutines, so an aligned access is a real atomic operation, as
// on the kernel's CPUs. A misaligned one (which the verifier refuses, and
// only unverified programs can make) is done without atomicity.

import (
	"encoding/binary"
	"sync/atomic"
	"unsafe"
)

// word32 and word64 return the memory as an atomic word when it is aligned.
func word32(b []byte) *uint32 {
	p := unsafe.Pointer(unsafe.SliceData(b))
	if uintptr(p)%4 != 0 {
		return nil
	}
	return (*uint32)(p)
}

func word64(b []byte) *uint64 {
	p := unsafe.Pointer(unsafe.SliceData(b))
	if uintptr(p)%8 != 0 {
		return nil
	}
	return (*uint64)(p)
}

func atomic32(o *op, b []byte, r *[16]uint64) {
	src := uint32(r[o.src&15])
	w := word32(b)
	if w == nil {
		unalignedAtomic32(o, b, r)
		return
	}
	var old uint32
	switch o.kind {
	case kAtomicAdd32, kAtomicFetchAdd32:
		old = atomic.AddUint32(w, src) - src
	case kAtomicOr32, kAtomicFetchOr32:
		old = atomic.OrUint32(w, src)
	case kAtomicAnd32, kAtomicFetchAnd32:
		old = atomic.AndUint32(w, src)
	case kAtomicXor32, kAtomicFetchXor32:
		for {
			old = atomic.LoadUint32(w)
			if atomic.CompareAndSwapUint32(w, old, old^src) {
				break
			}
		}
	case kXchg32:
		old = atomic.SwapUint32(w, src)
	case kCmpXchg32:
		want := uint32(r[0])
		for {
			old = atomic.LoadUint32(w)
			if old != want || atomic.CompareAndSwapUint32(w, old, src) {
				break
			}
		}
		r[0] = uint64(old)
		return
	}
	if fetches(o.kind) {
		r[o.src&15] = uint64(old)
	}
}

func atomic64(o *op, b []byte, r *[16]uint64) {
	src := r[o.src&15]
	w := word64(b)
	if w == nil {
		unalignedAtomic64(o, b, r)
		return
	}
	var old uint64
	switch o.kind {
	case kAtomicAdd64, kAtomicFetchAdd64:
		old = atomic.AddUint64(w, src) - src
	case kAtomicOr64, kAtomicFetchOr64:
		old = atomic.OrUint64(w, src)
	case kAtomicAnd64, kAtomicFetchAnd64:
		old = atomic.AndUint64(w, src)
	case kAtomicXor64, kAtomicFetchXor64:
		for {
			old = atomic.LoadUint64(w)
			if atomic.CompareAndSwapUint64(w, old, old^src) {
				break
			}
		}
	case kXchg64:
		old = atomic.SwapUint64(w, src)
	case kCmpXchg64:
		want := r[0]
		for {
			old = atomic.LoadUint64(w)
			if old != want || atomic.CompareAndSwapUint64(w, old, src) {
				break
			}
		}
		r[0] = old
		return
	}
	if fetches(o.kind) {
		r[o.src&15] = old
	}
}

// fetches reports whether the op writes the old value to src.
func fetches(k opKind) bool {
	switch k {
	case kAtomicFetchAdd32, kAtomicFetchOr32, kAtomicFetchAnd32, kAtomicFetchXor32, kXchg32,
		kAtomicFetchAdd64, kAtomicFetchOr64, kAtomicFetchAnd64, kAtomicFetchXor64, kXchg64:
		return true
	}
	return false
}

// aluOf is the operation an atomic op applies, for the unaligned fallbacks.
func aluOf(k opKind, old, src uint64) uint64 {
	switch k {
	case kAtomicAdd32, kAtomicFetchAdd32, kAtomicAdd64, kAtomicFetchAdd64:
		return old + src
	case kAtomicOr32, kAtomicFetchOr32, kAtomicOr64, kAtomicFetchOr64:
		return old | src
	case kAtomicAnd32, kAtomicFetchAnd32, kAtomicAnd64, kAtomicFetchAnd64:
		return old & src
	case kAtomicXor32, kAtomicFetchXor32, kAtomicXor64, kAtomicFetchXor64:
		return old ^ src
	}
	return src // xchg
}

func unalignedAtomic32(o *op, b []byte, r *[16]uint64) {
	le := binary.LittleEndian
	old := le.Uint32(b)
	if o.kind == kCmpXchg32 {
		if old == uint32(r[0]) {
			le.PutUint32(b, uint32(r[o.src&15]))
		}
		r[0] = uint64(old)
		return
	}
	le.PutUint32(b, uint32(aluOf(o.kind, uint64(old), r[o.src&15])))
	if fetches(o.kind) {
		r[o.src&15] = uint64(old)
	}
}

func unalignedAtomic64(o *op, b []byte, r *[16]uint64) {
	le := binary.LittleEndian
	old := le.Uint64(b)
	if o.kind == kCmpXchg64 {
		if old == r[0] {
			le.PutUint64(b, r[o.src&15])
		}
		r[0] = old
		return
	}
	le.PutUint64(b, aluOf(o.kind, old, r[o.src&15]))
	if fetches(o.kind) {
		r[o.src&15] = old
	}
}
