package helpers

// This file implements the helper table: helper ids to prototypes and
// implementations, as the engine resolves calls through it.

import (
	"fmt"
	"sort"
)

// ID is a helper id, the imm of `call N` (enum bpf_func_id in the kernel).
type ID int32

// Func implements a helper: r1..r5 are its arguments, the result goes to r0.
// A non-nil error stops the run.
type Func func(env Env, r1, r2, r3, r4, r5 uint64) (uint64, error)

// Helper is one entry of the table: a helper id with a prototype and,
// where callx implements it, its implementation.
type Helper struct {
	ID    ID
	Name  string // kernel name without the bpf_ prefix, e.g. "ktime_get_ns"
	Proto Proto
	Fn    Func // nil where callx does not implement the helper
}

// String is the kernel's name, id and prototype:
// "bpf_map_lookup_elem#1 RET_PTR_TO_MAP_VALUE|PTR_MAYBE_NULL (ARG_CONST_MAP_PTR, ARG_PTR_TO_MAP_KEY) pkt_access".
func (h *Helper) String() string {
	return fmt.Sprintf("bpf_%s#%d %v", h.Name, h.ID, h.Proto)
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

// UnknownError is a call to a helper id the table does not have. Out of
// the kernel's range its message is the kernel verifier's.
type UnknownError struct{ ID ID }

func (e *UnknownError) Error() string {
	if !InRange(e.ID) {
		return fmt.Sprintf("invalid func %s#%d", Name(e.ID), e.ID)
	}
	return fmt.Sprintf("helper %s#%d is not implemented", Name(e.ID), e.ID)
}

// implemented are the helpers callx implements, each with the
// catalogue's prototype of its id.
var implemented = []*Helper{
	mapLookupElem, mapUpdateElem, mapDeleteElem, forEachMapElem,
	ktimeGetNs, getPrandomU32, getSmpProcessorID, tracePrintk,
	ringbufOutput, ringbufReserve, ringbufSubmit, ringbufDiscard,
	loop, spinLock, spinUnlock,
	xdpAdjustHead, xdpAdjustTail, xdpAdjustMeta,
	skbLoadBytes, skbStoreBytes, l3CsumReplace, l4CsumReplace, csumDiff,
	redirect,
}

// Default returns a new table with every helper callx implements.
func Default() *Table { return NewTable(implemented...) }

// Helper ids the engine treats specially, as untyped constants (the
// FuncXxx values) to compare with an instruction's imm.
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
