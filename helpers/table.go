package helpers

// This file implements the helper table and the interface through which
// helper implementations reach the memory of the running program.

import (
	"fmt"
	"sort"
)

// ID is a helper id, the imm of `call N` (enum bpf_func_id in the kernel).
type ID int32

// Func implements a helper: r1..r5 are its arguments, the result goes to r0.
// A non-nil error stops the run.
type Func func(env Env, r1, r2, r3, r4, r5 uint64) (uint64, error)

// ArgType is the kind of one helper argument, as the kernel's bpf_arg_type.
type ArgType uint8

// Argument kinds, as the kernel's ARG_* (the verifier checks them).
const (
	ArgNone           ArgType = iota // no argument in this position
	ArgAnything                      // any initialised value
	ArgConstMapPtr                   // a map reference
	ArgMapKey                        // a pointer to key_size readable bytes
	ArgMapValue                      // a pointer to value_size readable bytes
	ArgMem                           // a pointer to readable memory, sized by the next argument
	ArgUninitMem                     // a pointer to writable memory, sized by the next argument
	ArgConstSize                     // the size of the previous argument's memory
	ArgConstAllocSize                // a constant size to allocate
	ArgAllocMem                      // memory from ringbuf_reserve
	ArgCallback                      // a function value called back
	ArgSpinLock                      // a struct bpf_spin_lock in a map value
	ArgCtx                           // the program's context
)

// RetType is the kind of a helper's result, as the kernel's bpf_return_type.
type RetType uint8

// Result kinds.
const (
	RetInteger        RetType = iota // an unknown scalar
	RetVoid                          // nothing (r0 is not readable)
	RetMapValueOrNull                // a pointer to a map value, or NULL
	RetMemOrNull                     // a pointer to allocated memory, or NULL
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
		mapLookupElem, mapUpdateElem, mapDeleteElem, forEachMapElem,
		ktimeGetNs, getPrandomU32, getSmpProcessorID, tracePrintk,
		ringbufOutput, ringbufReserve, ringbufSubmit, ringbufDiscard,
		loop, spinLock, spinUnlock,
		xdpAdjustHead, xdpAdjustTail, xdpAdjustMeta,
		skbLoadBytes, skbStoreBytes, l3CsumReplace, l4CsumReplace, csumDiff,
		redirect,
	)
}

// Helper ids the engine treats specially.
const (
	// MapLookupElemID is bpf_map_lookup_elem's: the engine inlines it for
	// arrays, as the kernel's verifier does.
	MapLookupElemID = 1
	// TailCallID is bpf_tail_call's: the engine runs tail calls itself.
	TailCallID = 12
	// LoopID is bpf_loop's: the engine inlines it, as the kernel's verifier does.
	LoopID = 181
	// ForEachMapElemID is bpf_for_each_map_elem's: the engine inlines it
	// for arrays.
	ForEachMapElemID = 164
)
