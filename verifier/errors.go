package verifier

// This file implements the verifier's error value: the instruction a
// rejection is about, a stable code, the kernel's words for it and the log.

import "fmt"

// Code classifies a rejection, stable across releases of callx.
type Code string

// Codes of rejections.
const (
	CodeCFG         Code = "cfg"         // control flow: jumps, unreachable code, loops
	CodeInsn        Code = "insn"        // a malformed or unknown instruction
	CodeRegister    Code = "register"    // reading an uninitialised register, writing r10
	CodeMemory      Code = "memory"      // an access outside what the pointer allows
	CodePointer     Code = "pointer"     // arithmetic or comparison not allowed on a pointer, a pointer leak
	CodeCall        Code = "call"        // a helper or function call with wrong arguments
	CodeReference   Code = "reference"   // an acquired reference not released, a lock held
	CodeReturn      Code = "return"      // a return value the program type does not allow
	CodeLimit       Code = "limit"       // too complex: processed instructions, states, frames, stack
	CodeUnsupported Code = "unsupported" // something callx's verifier does not model yet
)

// Error is a rejection by the verifier. Msg is the kernel verifier's log
// line for it, without the trailing newline; Insn is the slot index the
// rejection is about.
type Error struct {
	Insn  int
	Code  Code
	Msg   string
	Log   string // the verifier log up to the rejection, at the level asked
	Stats Stats
}

func (e *Error) Error() string { return fmt.Sprintf("insn %d: %s", e.Insn, e.Msg) }

// errorf returns an *Error at insn with a formatted message.
func errorf(insn int, format string, args ...any) *Error {
	return &Error{Insn: insn, Code: CodeCFG, Msg: fmt.Sprintf(format, args...)}
}

// rejectf returns an *Error of the given code.
func rejectf(insn int, code Code, format string, args ...any) *Error {
	return &Error{Insn: insn, Code: code, Msg: fmt.Sprintf(format, args...)}
}
