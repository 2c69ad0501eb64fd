package helpers

// This file implements bpf_spin_lock and bpf_spin_unlock. The lock is the
// 4-byte word of struct bpf_spin_lock inside a map value, taken with an
// atomic compare-and-swap as the kernel's arch_spin_lock does. A program
// that never unlocks (only unverified programs can) makes the next taker
// wait at most lockTimeout and then fail, so a run never hangs the host.

import (
	"errors"
	"runtime"
	"sync/atomic"
	"time"
	"unsafe"
)

const lockTimeout = time.Second

var errLockTimeout = errors.New("bpf_spin_lock: lock held for more than a second (never unlocked?)")

// lockWord returns the lock's word, checked to be inside a map value.
func lockWord(env Env, addr uint64) (*uint32, error) {
	if _, _, err := env.MapAt(addr); err != nil {
		return nil, err
	}
	b, err := env.Memory(addr, 4, true)
	if err != nil {
		return nil, err
	}
	p := unsafe.Pointer(unsafe.SliceData(b))
	if uintptr(p)%4 != 0 {
		return nil, errors.New("bpf_spin_lock: lock is not 4-byte aligned")
	}
	return (*uint32)(p), nil
}

var spinLock = implement(FuncSpinLock, func(env Env, r1, _, _, _, _ uint64) (uint64, error) {
	w, err := lockWord(env, r1)
	if err != nil {
		return 0, err
	}
	deadline := time.Time{}
	for !atomic.CompareAndSwapUint32(w, 0, 1) {
		if deadline.IsZero() {
			deadline = time.Now().Add(lockTimeout)
		} else if time.Now().After(deadline) {
			return 0, errLockTimeout
		}
		runtime.Gosched()
	}
	return 0, nil
})

var spinUnlock = implement(FuncSpinUnlock, func(env Env, r1, _, _, _, _ uint64) (uint64, error) {
	w, err := lockWord(env, r1)
	if err != nil {
		return 0, err
	}
	atomic.StoreUint32(w, 0)
	return 0, nil
})
