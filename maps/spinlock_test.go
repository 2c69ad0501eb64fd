// This file implements the tests of spin locks (spinlock.go) and of the
// BPF_F_LOCK copies.

package maps

import (
	"encoding/binary"
	"errors"
	"sync"
	"testing"
	"time"
)

func TestSpinLockExcludes(t *testing.T) {
	// struct { u64 counter; struct bpf_spin_lock lock; u32 pad; }
	m := mustNew(t, Spec{Name: "l", Type: Array, KeySize: 4, ValueSize: 16, MaxEntries: 1, HasSpinLock: true, SpinLockOffset: 8})
	off, _ := m.LookupOffset(k32(0))
	v := m.Values()
	var wg sync.WaitGroup
	for g := 0; g < 8; g++ {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i := 0; i < 1000; i++ {
				m.SpinLock(off + 8)
				n := binary.LittleEndian.Uint64(v[off:])
				binary.LittleEndian.PutUint64(v[off:], n+1)
				m.SpinUnlock(off + 8)
			}
		}()
	}
	wg.Wait()
	m.SpinLock(off + 8)
	if n := binary.LittleEndian.Uint64(v[off:]); n != 8000 {
		t.Errorf("counter = %d, want 8000", n)
	}
	if binary.LittleEndian.Uint32(v[off+8:]) != 1 {
		t.Error("a held lock's word is not 1")
	}
	if m.TrySpinLock(off + 8) {
		t.Error("TrySpinLock took a held lock")
	}
	m.SpinUnlock(off + 8)
	m.SpinUnlock(off + 8) // unlocking a free lock does nothing
	if !m.TrySpinLock(off + 8) {
		t.Error("TrySpinLock failed on a free lock")
	}
	m.SpinUnlock(off + 8)
	// Offsets that cannot hold a lock are ignored.
	m.SpinLock(2)
	m.SpinLock(uint32(len(v)))
	m.SpinUnlock(1 << 31)
	if m.TrySpinLock(3) {
		t.Error("TrySpinLock on an unaligned offset")
	}
}

func TestSpinLockWordIsNotCopied(t *testing.T) {
	m := mustNew(t, Spec{Name: "l", Type: Hash, KeySize: 4, ValueSize: 12, MaxEntries: 2, HasSpinLock: true, SpinLockOffset: 4})
	val := []byte{1, 2, 3, 4, 0xff, 0xff, 0xff, 0xff, 9, 10, 11, 12}
	if err := m.Update(k32(1), val, UpdateAny); err != nil {
		t.Fatal(err)
	}
	off, _ := m.LookupOffset(k32(1))
	if w := binary.LittleEndian.Uint32(m.Values()[off+4:]); w != 0 {
		t.Errorf("lock word = %#x after an update, want 0", w)
	}
	m.SpinLock(off + 4)
	got, err := m.Lookup(k32(1))
	m.SpinUnlock(off + 4)
	want := []byte{1, 2, 3, 4, 0, 0, 0, 0, 9, 10, 11, 12}
	if err != nil || string(got) != string(want) {
		t.Errorf("Lookup = %v, %v; want %v (lock word zero)", got, err, want)
	}
	// A new element's lock starts free, even in a slot whose last owner
	// was deleted while holding it.
	m.SpinLock(off + 4)
	m.Delete(k32(1))
	m.Update(k32(2), val, UpdateAny)
	if off2, _ := m.LookupOffset(k32(2)); off2 != off || !m.TrySpinLock(off+4) {
		t.Error("a reused slot's lock is held")
	}
}

// BPF_F_LOCK copies and programs' locked writes exclude each other: every
// value read, by either side, is a consistent pair.
func TestUpdateLock(t *testing.T) {
	for _, typ := range []Type{Array, Hash} {
		t.Run(typ.String(), func(t *testing.T) {
			// struct { struct bpf_spin_lock lock; u32 a; u64 b; }, b == 2*a
			m := mustNew(t, Spec{Name: "l", Type: typ, KeySize: 4, ValueSize: 16, MaxEntries: 1, HasSpinLock: true, SpinLockOffset: 0})
			pair := func(a uint32) []byte {
				v := make([]byte, 16)
				binary.LittleEndian.PutUint32(v[4:], a)
				binary.LittleEndian.PutUint64(v[8:], 2*uint64(a))
				return v
			}
			if err := m.Update(k32(0), pair(0), UpdateAny); err != nil {
				t.Fatal(err)
			}
			off, _ := m.LookupOffset(k32(0))
			v := m.Values()
			var wg sync.WaitGroup
			wg.Add(3)
			go func() { // a program: lock, read-modify-write, unlock
				defer wg.Done()
				for i := 0; i < 2000; i++ {
					m.SpinLock(off)
					a := binary.LittleEndian.Uint32(v[off+4:])
					binary.LittleEndian.PutUint32(v[off+4:], a+1)
					binary.LittleEndian.PutUint64(v[off+8:], 2*uint64(a+1))
					m.SpinUnlock(off)
				}
			}()
			go func() { // user space writes with BPF_F_LOCK
				defer wg.Done()
				for i := 0; i < 2000; i++ {
					if err := m.Update(k32(0), pair(uint32(i)), UpdateExist|UpdateLock); err != nil {
						t.Error(err)
						return
					}
				}
			}()
			go func() { // user space reads with BPF_F_LOCK
				defer wg.Done()
				for i := 0; i < 2000; i++ {
					got, err := m.LookupLocked(k32(0))
					if err != nil {
						t.Error(err)
						return
					}
					if a, b := binary.LittleEndian.Uint32(got[4:]), binary.LittleEndian.Uint64(got[8:]); b != 2*uint64(a) {
						t.Errorf("torn value a=%d b=%d", a, b)
						return
					}
				}
			}()
			wg.Wait()
		})
	}
}

func TestUpdateLockErrors(t *testing.T) {
	m := mustNew(t, Spec{Name: "nolock", Type: Hash, KeySize: 4, ValueSize: 8, MaxEntries: 1})
	if err := m.Update(k32(0), v64(0), UpdateLock); !errors.Is(err, ErrInvalid) {
		t.Errorf("Update(BPF_F_LOCK) without a spin lock: %v", err)
	}
	if _, err := m.LookupLocked(k32(0)); !errors.Is(err, ErrInvalid) {
		t.Errorf("LookupLocked without a spin lock: %v", err)
	}
	// A lock a program never releases: the copy gives up with EBUSY.
	old := lockTimeout
	lockTimeout = 20 * time.Millisecond
	defer func() { lockTimeout = old }()
	l := mustNew(t, Spec{Name: "l", Type: Array, KeySize: 4, ValueSize: 8, MaxEntries: 1, HasSpinLock: true})
	l.SpinLock(0)
	if err := l.Update(k32(0), v64(0), UpdateLock); !errors.Is(err, ErrBusy) || Errno(err) != -16 {
		t.Errorf("Update(BPF_F_LOCK) on a held lock: %v", err)
	}
	if _, err := l.LookupLocked(k32(0)); !errors.Is(err, ErrBusy) {
		t.Errorf("LookupLocked on a held lock: %v", err)
	}
	if err := l.Update(k32(0), v64(0), UpdateAny); err != nil {
		t.Errorf("Update without BPF_F_LOCK on a held lock: %v", err)
	}
}
