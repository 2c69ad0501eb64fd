package verifier

// This file implements the verifier's error value: the instruction a
// rejection is about and the kernel's words for it.

import "fmt"

// Error is a rejection by the verifier. Msg is the kernel verifier's log
// line for it, without the trailing newline; Insn is the slot index the
// rejection is about.
type Error struct {
	Insn int
	Msg  string
}

func (e *Error) Error() string { return fmt.Sprintf("insn %d: %s", e.Insn, e.Msg) }

// errorf returns an *Error at insn with a formatted message.
func errorf(insn int, format string, args ...any) *Error {
	return &Error{Insn: insn, Msg: fmt.Sprintf(format, args...)}
}
