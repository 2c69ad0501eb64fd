// This file implements the tests of Errno and the error values.

package maps

import (
	"errors"
	"fmt"
	"testing"
)

func TestErrno(t *testing.T) {
	for _, tt := range []struct {
		err  error
		want int64
	}{
		{nil, 0},
		{ErrKeyNotExist, -2},
		{ErrKeyExist, -17},
		{ErrFull, -7},
		{ErrTooBig, -7},
		{ErrInvalid, -22},
		{ErrPermission, -1},
		{ErrNoSpace, -11},
		{ErrNoMemory, -12},
		{ErrBusy, -16},
		{ErrNotSupported, -524},
		{errArrayDelete, -22},
		{fmt.Errorf("map %q: lookup: %w", "x", ErrKeyNotExist), -2},
		{errors.New("something else"), -22},
	} {
		if got := Errno(tt.err); got != tt.want {
			t.Errorf("Errno(%v) = %d, want %d", tt.err, got, tt.want)
		}
	}
	if !errors.Is(errArrayDelete, ErrNotSupported) {
		t.Error("array delete is not ErrNotSupported")
	}
	if errors.Is(ErrKeyExist, ErrNotSupported) {
		t.Error("ErrKeyExist is ErrNotSupported")
	}
}

func TestUserErrorsNameTheMap(t *testing.T) {
	m := mustNew(t, Spec{Name: "counters", Type: Hash, KeySize: 4, ValueSize: 8, MaxEntries: 1})
	_, err := m.Lookup(k32(1))
	if want := `map "counters": lookup: key does not exist`; err == nil || err.Error() != want {
		t.Errorf("Lookup: %v, want %s", err, want)
	}
	if !errors.Is(err, ErrKeyNotExist) {
		t.Errorf("Lookup: %v is not ErrKeyNotExist", err)
	}
}
