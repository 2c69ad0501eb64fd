package vm

// This file implements the engine's errors: LoadError for programs that
// cannot be lowered, Trap for runs that stop.

import (
	"errors"
	"fmt"
)

// LoadError is a program the engine refuses to lower.
type LoadError struct {
	Index int // instruction slot
	Msg   string
}

func (e *LoadError) Error() string { return fmt.Sprintf("insn %d: %s", e.Index, e.Msg) }

// Sentinels for the kinds of trap; a *Trap unwraps to one of them.
var (
	ErrMemory      = errors.New("invalid memory access")
	ErrCallTarget  = errors.New("callx target is not a function value")
	ErrCallDepth   = errors.New("too many call frames")
	ErrBudget      = errors.New("instruction budget exhausted")
	ErrHelper      = errors.New("helper failed")
	ErrUnsupported = errors.New("unsupported in this context")
	ErrInternal    = errors.New("internal engine error")
)

// Trap is a run that stopped before exit.
type Trap struct {
	Kind  error  // one of the sentinels above
	Index int    // instruction slot where it happened
	Addr  uint64 // ErrMemory: the address; ErrCallTarget: the value called
	Size  int    // ErrMemory: access width
	Write bool   // ErrMemory: a store
	Where string // ErrMemory: the address described ("stack+504", "data+12 of 12 bytes")
	Cause error  // ErrHelper, ErrInternal: what went wrong
}

func (t *Trap) Error() string {
	switch t.Kind {
	case ErrMemory:
		access := "read"
		if t.Write {
			access = "write"
		}
		if t.Cause != nil {
			return fmt.Sprintf("insn %d: invalid %s of %d bytes at %#x (%s): %v", t.Index, access, t.Size, t.Addr, t.Where, t.Cause)
		}
		return fmt.Sprintf("insn %d: invalid %s of %d bytes at %#x (%s)", t.Index, access, t.Size, t.Addr, t.Where)
	case ErrCallTarget:
		return fmt.Sprintf("insn %d: callx target %#x is not a function value", t.Index, t.Addr)
	case ErrHelper, ErrInternal, ErrUnsupported:
		if t.Cause != nil {
			return fmt.Sprintf("insn %d: %v: %v", t.Index, t.Kind, t.Cause)
		}
	}
	return fmt.Sprintf("insn %d: %v", t.Index, t.Kind)
}

// Unwrap returns the trap's kind and cause, for errors.Is.
func (t *Trap) Unwrap() []error {
	if t.Cause != nil {
		return []error{t.Kind, t.Cause}
	}
	return []error{t.Kind}
}
