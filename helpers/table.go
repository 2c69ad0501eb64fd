package helpers

// This file implements the helper table and the interface through which
// helper implementations reach the memory of the running program.

import (
	"fmt"
	"sort"
)

// ID is a helper id, the imm of `call N` (enum bpf_func_id in the kernel).
type ID int32

// Env is what a helper sees of the program that calls it.
type Env interface {
	// Memory returns the n bytes at the program address addr, or an error
	// when they are not all inside one region the program may access (for
	// writing, when write is set).
	Memory(addr, n uint64, write bool) ([]byte, error)
}

// Func implements a helper: r1..r5 are its arguments, the result goes to r0.
// A non-nil error stops the run.
type Func func(env Env, r1, r2, r3, r4, r5 uint64) (uint64, error)

// ArgType is the kind of one helper argument, as the kernel's bpf_arg_type.
type ArgType uint8

// Argument kinds (more come with maps and contexts).
const (
	ArgNone     ArgType = iota // no argument in this position
	ArgAnything                // any initialised value
)

// RetType is the kind of a helper's result, as the kernel's bpf_return_type.
type RetType uint8

// Result kinds.
const (
	RetInteger RetType = iota // an unknown scalar
	RetVoid
)

// Proto is a helper prototype.
type Proto struct {
	Ret  RetType
	Args [5]ArgType
}

// Helper is one entry of the table.
type Helper struct {
	ID    ID
	Name  string // kernel name without the bpf_ prefix, e.g. "ktime_get_ns"
	Proto Proto
	Fn    Func
}

// Table maps helper ids to helpers.
type Table struct {
	byID map[ID]*Helper
}

// NewTable returns a table holding the given helpers.
func NewTable(hs ...*Helper) *Table {
	t := &Table{byID: make(map[ID]*Helper, len(hs))}
	for _, h := range hs {
		t.Add(h)
	}
	return t
}

// Add puts h in the table, replacing any helper with the same id.
func (t *Table) Add(h *Helper) { t.byID[h.ID] = h }

// Lookup returns the helper with the given id.
func (t *Table) Lookup(id ID) (*Helper, error) {
	h, ok := t.byID[id]
	if !ok {
		return nil, &UnknownError{ID: id}
	}
	return h, nil
}

// All returns the helpers sorted by id.
func (t *Table) All() []*Helper {
	hs := make([]*Helper, 0, len(t.byID))
	for _, h := range t.byID {
		hs = append(hs, h)
	}
	sort.Slice(hs, func(i, j int) bool { return hs[i].ID < hs[j].ID })
	return hs
}

// UnknownError is a call to a helper id the table does not have.
type UnknownError struct{ ID ID }

func (e *UnknownError) Error() string { return fmt.Sprintf("invalid func unknown#%d", e.ID) }

// Default returns a new table with every helper callx implements.
func Default() *Table {
	return NewTable(
		ktimeGetNs,
		getPrandomU32,
		getSmpProcessorID,
	)
}
