// This file implements struct bpf_spin_lock: the lock is the 4-byte word
// at its offset in Values(), 0 when free and 1 when held, taken with an
// atomic compare-and-swap as the kernel's arch_spin_lock does. The
// helpers' bpf_spin_lock and the map's BPF_F_LOCK copies use the same
// word, so they exclude each other.
//
// The kernel's verifier guarantees that a program holds at most one lock,
// calls no helper that touches maps while holding it, and always releases
// it. Engines that run unverified programs must enforce that themselves:
// SpinLock waits for as long as the lock is held, and the BPF_F_LOCK
// copies give up with ErrBusy after SpinLockTimeout.

package maps

import (
	"runtime"
	"sync/atomic"
	"time"
	"unsafe"
)

// SpinLockTimeout bounds how long a BPF_F_LOCK copy (Update with
// UpdateLock, LookupLocked) waits for a lock a program holds.
const SpinLockTimeout = time.Second

// lockTimeout is SpinLockTimeout; tests shorten it.
var lockTimeout = SpinLockTimeout

// lockWord returns the lock word at off, or nil when off is out of the
// arena or not 4-byte aligned (the arena itself is 8-byte aligned).
func (m *Map) lockWord(off uint32) *uint32 {
	if off%4 != 0 || uint64(off)+4 > uint64(len(m.values)) {
		return nil
	}
	return (*uint32)(unsafe.Pointer(&m.values[off]))
}

// SpinLock is bpf_spin_lock on the lock at offset off of Values(): it
// waits until the lock is free and takes it. An offset that cannot hold a
// lock (out of range, unaligned) is ignored.
func (m *Map) SpinLock(off uint32) {
	w := m.lockWord(off)
	if w == nil {
		return
	}
	for i := 0; !atomic.CompareAndSwapUint32(w, 0, 1); i++ {
		if i >= 16 {
			runtime.Gosched()
		}
	}
}

// TrySpinLock takes the lock at off if it is free and reports whether it
// did.
func (m *Map) TrySpinLock(off uint32) bool {
	w := m.lockWord(off)
	return w != nil && atomic.CompareAndSwapUint32(w, 0, 1)
}

// SpinUnlock is bpf_spin_unlock: it releases the lock at off. Releasing a
// free lock, or an offset that cannot hold one, does nothing.
func (m *Map) SpinUnlock(off uint32) {
	if w := m.lockWord(off); w != nil {
		atomic.StoreUint32(w, 0)
	}
}

// spinLockWait takes the lock at off, giving up after SpinLockTimeout.
func (m *Map) spinLockWait(off uint32) bool {
	w := m.lockWord(off)
	if w == nil {
		return false
	}
	var deadline time.Time
	for i := 0; !atomic.CompareAndSwapUint32(w, 0, 1); i++ {
		if i < 16 {
			continue
		}
		if deadline.IsZero() {
			deadline = time.Now().Add(lockTimeout)
		} else if time.Now().After(deadline) {
			return false
		}
		runtime.Gosched()
	}
	return true
}
