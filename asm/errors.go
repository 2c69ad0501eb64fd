package asm

import "fmt"

// InsnError is a malformed instruction: its slot index and what is wrong,
// in the kernel verifier's words where it has some.
type InsnError struct {
	Index int    // slot index in the program
	Msg   string // e.g. "unknown opcode 8e", "BPF_ALU uses reserved fields"
}

func (e *InsnError) Error() string { return fmt.Sprintf("insn %d: %s", e.Index, e.Msg) }

// SyntaxError is an assembly text that does not parse.
type SyntaxError struct {
	File string // may be empty
	Line int    // 1-based
	Msg  string
}

func (e *SyntaxError) Error() string {
	if e.File == "" {
		return fmt.Sprintf("line %d: %s", e.Line, e.Msg)
	}
	return fmt.Sprintf("%s:%d: %s", e.File, e.Line, e.Msg)
}
