package vm

// This file implements the atomic read-modify-write instructions on a
// checked memory slice. A machine runs on one goroutine, so plain memory
// operations are atomic with respect to the program.

import "encoding/binary"

func atomic32(o *op, b []byte, r *[16]uint64) {
	le := binary.LittleEndian
	old := le.Uint32(b)
	src := uint32(r[o.src&15])
	switch o.kind {
	case kAtomicAdd32, kAtomicFetchAdd32:
		le.PutUint32(b, old+src)
	case kAtomicOr32, kAtomicFetchOr32:
		le.PutUint32(b, old|src)
	case kAtomicAnd32, kAtomicFetchAnd32:
		le.PutUint32(b, old&src)
	case kAtomicXor32, kAtomicFetchXor32:
		le.PutUint32(b, old^src)
	case kXchg32:
		le.PutUint32(b, src)
	case kCmpXchg32:
		if old == uint32(r[0]) {
			le.PutUint32(b, src)
		}
		r[0] = uint64(old)
		return
	}
	switch o.kind {
	case kAtomicFetchAdd32, kAtomicFetchOr32, kAtomicFetchAnd32, kAtomicFetchXor32, kXchg32:
		r[o.src&15] = uint64(old)
	}
}

func atomic64(o *op, b []byte, r *[16]uint64) {
	le := binary.LittleEndian
	old := le.Uint64(b)
	src := r[o.src&15]
	switch o.kind {
	case kAtomicAdd64, kAtomicFetchAdd64:
		le.PutUint64(b, old+src)
	case kAtomicOr64, kAtomicFetchOr64:
		le.PutUint64(b, old|src)
	case kAtomicAnd64, kAtomicFetchAnd64:
		le.PutUint64(b, old&src)
	case kAtomicXor64, kAtomicFetchXor64:
		le.PutUint64(b, old^src)
	case kXchg64:
		le.PutUint64(b, src)
	case kCmpXchg64:
		if old == r[0] {
			le.PutUint64(b, src)
		}
		r[0] = old
		return
	}
	switch o.kind {
	case kAtomicFetchAdd64, kAtomicFetchOr64, kAtomicFetchAnd64, kAtomicFetchXor64, kXchg64:
		r[o.src&15] = old
	}
}
