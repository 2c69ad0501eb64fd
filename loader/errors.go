package loader

// This file implements the loader's errors: every problem in an object is
// an *Error that names the file, the section and the byte offset in it.

import (
	"errors"
	"fmt"
)

// Error is a problem in an object file: where it is, and what is wrong.
type Error struct {
	File    string // the object's name, as given to Load
	Section string // the ELF section, or a pseudo-section such as "ELF header" or "symbol table"
	Offset  uint64 // byte offset in the section (in the file for "ELF header")
	Msg     string
	Err     error // the cause, if any (ErrMissingBTF, ErrUnsupported, an error from debug/elf or btf)
}

func (e *Error) Error() string {
	s := fmt.Sprintf("%s: section %s+%#x: %s", e.File, e.Section, e.Offset, e.Msg)
	if e.File == "" {
		s = s[2:]
	}
	if e.Err != nil {
		s += ": " + e.Err.Error()
	}
	return s
}

func (e *Error) Unwrap() error { return e.Err }

var (
	// ErrMissingBTF is the cause of errors about objects that need BTF
	// (BTF-defined maps, func_info) and have none, or not the part needed.
	ErrMissingBTF = errors.New("missing BTF")
	// ErrUnsupported is the cause of errors about valid ELF content that
	// callx does not handle (yet): externs, kfuncs, big-endian objects.
	ErrUnsupported = errors.New("not supported")
)

// errorf returns an *Error at a place, with a formatted message.
func errorf(section string, offset uint64, format string, args ...any) *Error {
	return &Error{Section: sectionLabel(section), Offset: offset, Msg: fmt.Sprintf(format, args...)}
}

// wrapf returns an *Error at a place caused by err.
func wrapf(err error, section string, offset uint64, format string, args ...any) *Error {
	return &Error{Section: sectionLabel(section), Offset: offset, Msg: fmt.Sprintf(format, args...), Err: err}
}

// sectionLabel names a section in an error, even one without a name.
func sectionLabel(name string) string {
	if name == "" {
		return "(unnamed)"
	}
	return name
}
