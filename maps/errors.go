// This file implements the package's errors and their mapping to the
// negative errno values the kernel's helpers and bpf() return.

package maps

import (
	"errors"
	"fmt"
)

// Errno values (include/uapi/asm-generic/errno-base.h, and the kernel's
// internal ENOTSUPP that bpf() passes to user space for map operations a
// type lacks).
const (
	eperm    = 1
	enoent   = 2
	e2big    = 7
	eagain   = 11
	enomem   = 12
	ebusy    = 16
	eexist   = 17
	einval   = 22
	enotsupp = 524
)

// Error is an error with the errno the kernel returns for it. The
// package's sentinels are *Error; errors from the user-space API wrap them
// with the map's name and the operation.
type Error struct {
	msg   string
	errno int64
	also  error // a second sentinel this one counts as, for errors.Is
}

func (e *Error) Error() string { return e.msg }

// Errno returns the (positive) errno of the error.
func (e *Error) Errno() int64 { return e.errno }

// Is reports whether e also counts as target (the array delete error is
// both ErrNotSupported and, like the kernel's, EINVAL).
func (e *Error) Is(target error) bool { return e.also != nil && target == e.also }

// The sentinel errors. Test for them with errors.Is.
var (
	ErrKeyNotExist  = &Error{msg: "key does not exist", errno: enoent}
	ErrKeyExist     = &Error{msg: "key already exists", errno: eexist}
	ErrFull         = &Error{msg: "map is full or index out of range", errno: e2big}
	ErrInvalid      = &Error{msg: "invalid argument", errno: einval}
	ErrNotSupported = &Error{msg: "operation not supported by this map type", errno: enotsupp}
	ErrPermission   = &Error{msg: "operation not permitted", errno: eperm}
	ErrNoSpace      = &Error{msg: "no room in the ring buffer", errno: eagain}
	ErrTooBig       = &Error{msg: "too big", errno: e2big}
	ErrNoMemory     = &Error{msg: "out of memory", errno: enomem}
	ErrBusy         = &Error{msg: "spin lock held too long", errno: ebusy}
)

// errArrayDelete is what deleting from an array returns: the kernel's
// array_map_delete_elem returns EINVAL.
var errArrayDelete = &Error{msg: "arrays do not support delete", errno: einval, also: ErrNotSupported}

// errNotPerCPU is what the per-CPU calls return for other maps.
var errNotPerCPU = &Error{msg: "not a per-CPU map", errno: einval, also: ErrInvalid}

// Errno returns the negative errno a helper (or bpf()) returns for err:
// ErrKeyNotExist -2 (ENOENT), ErrKeyExist -17 (EEXIST), ErrFull -7 (E2BIG),
// ErrInvalid -22 (EINVAL), ErrPermission -1 (EPERM), ErrNoSpace -11
// (EAGAIN, what bpf_ringbuf_output returns), ErrNotSupported -524
// (ENOTSUPP), nil 0. An error that is none of the package's is -22.
func Errno(err error) int64 {
	if err == nil {
		return 0
	}
	if e, ok := err.(*Error); ok { // the engine API returns bare sentinels
		return -e.errno
	}
	var e *Error
	if errors.As(err, &e) {
		return -e.errno
	}
	return -einval
}

// wrap names the map and the operation in an error of the user-space API.
func (m *Map) wrap(op string, err error) error {
	if err == nil {
		return nil
	}
	return fmt.Errorf("map %q: %s: %w", m.spec.Name, op, err)
}
