package vm

// This file implements bpf_tail_call: the program in a prog array replaces
// the running one, keeping r1 (the context) and the frame, as in the
// kernel. At most MaxTailCalls per run; a missing entry or one too many
// falls through to the next instruction.

import (
	"errors"
	"fmt"

	"github.com/callx/callx/maps"
)

// MaxTailCalls is the kernel's MAX_TAIL_CALL_CNT.
const MaxTailCalls = 33

var errTailCallNested = errors.New("tail calls from a subprogram or a callback are not supported")

func (m *Machine) tailCall(pc, base int, mapRef, index uint64) (*Program, error) {
	p := m.cur
	trap := func(err error) error {
		return &Trap{Kind: ErrHelper, Index: int(p.slotOf[pc]), Cause: err}
	}
	idx, ok := mapIndex(mapRef)
	if !ok || idx >= len(p.maps) {
		return nil, trap(fmt.Errorf("bpf_tail_call: r2 %#x is not a map", mapRef))
	}
	mp := p.maps[idx]
	if mp.Spec().Type != maps.ProgArray {
		return nil, trap(fmt.Errorf("bpf_tail_call: map %s is a %v, not a prog_array", mp.Spec().Name, mp.Spec().Type))
	}
	v, ok := mp.Prog(uint32(index))
	if !ok || m.tails >= MaxTailCalls {
		return nil, nil
	}
	next, ok := v.(*Program)
	if !ok {
		return nil, trap(fmt.Errorf("bpf_tail_call: entry %d of %s holds a %T, not a program", uint32(index), mp.Spec().Name, v))
	}
	if m.depth != 0 || base != 0 {
		return nil, &Trap{Kind: ErrUnsupported, Index: int(p.slotOf[pc]), Cause: errTailCallNested}
	}
	if !sameMaps(next.maps, p.maps) {
		return nil, trap(fmt.Errorf("bpf_tail_call: the program in %s[%d] belongs to another object", mp.Spec().Name, uint32(index)))
	}
	m.tails++
	m.cur = next
	return next, nil
}

func sameMaps(a, b []*maps.Map) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}
