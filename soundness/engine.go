// This file implements the engine's side of a check: the program lowered
// for callx's engine with fresh maps, run on packets of many lengths with
// the maps empty and then filled, and what a trap means.

package soundness

import (
	"encoding/binary"
	"errors"
	"fmt"

	"github.com/callx/callx/asm"
	"github.com/callx/callx/ctx"
	"github.com/callx/callx/maps"
	"github.com/callx/callx/vm"
)

// DefaultBudget is the instructions one run of a checked program may
// execute: far more than any generated program needs, so that a run out of
// budget means a loop that does not end.
const DefaultBudget = 1 << 22

// inputLengths are the packet lengths every accepted program runs on:
// every length from an Ethernet header (the least BPF_PROG_TEST_RUN takes)
// up to past the largest window the generator checks, and larger frames.
func inputLengths() []int {
	var ls []int
	for n := 14; n <= 66; n++ {
		ls = append(ls, n)
	}
	return append(ls, 128, 1500)
}

// engineOutcome is what the runs of one program came to.
type engineOutcome struct {
	runs    int
	budget  int    // runs out of budget
	trap    error  // the first trap that is a finding
	input   []byte // its packet
	filled  bool   // its maps were filled
	loadErr error  // the engine would not lower the program
}

// runEngine lowers p and runs it on every input length, with the maps
// empty and then filled with random contents, until a trap that is a
// finding.
func runEngine(p *Program, src *Source, budget int64) (*engineOutcome, error) {
	out := &engineOutcome{}
	ms, err := engineMaps(p.Maps)
	if err != nil {
		return nil, err
	}
	// Only programs a verifier accepted get here.
	prog, err := vm.Load(p.Insns, vm.Options{Maps: ms, EntryArgs: 1, Budget: budget, Verified: true})
	if err != nil {
		out.loadErr = err
		return out, nil
	}
	loops := hasBackEdge(p.Insns)
	m := prog.NewMachine()
	var run func([]byte) (uint64, error)
	switch p.Type {
	case XDP:
		run = ctx.NewXDP(m).Run
	case Socket:
		run = ctx.NewSKB(m, ctx.SocketFilter).Run
	default:
		return nil, fmt.Errorf("soundness: programs of type %q do not run on packets", p.Type)
	}
	for _, filled := range []bool{false, true} {
		if filled {
			if err := fillMaps(ms, src); err != nil {
				return nil, err
			}
		}
		for _, n := range inputLengths() {
			pkt := packet(n, src)
			_, err := run(pkt)
			out.runs++
			if err == nil {
				continue
			}
			var trap *vm.Trap
			switch {
			case errors.Is(err, ctx.ErrPacketSize):
				return nil, fmt.Errorf("soundness: the engine refused a %d-byte input: %w", n, err)
			case !errors.As(err, &trap):
				return nil, fmt.Errorf("soundness: running the engine: %w", err)
			case trap.Kind == vm.ErrBudget && loops:
				// It loops, or loops long: other inputs would only
				// spend the budget again.
				out.budget++
				return out, nil
			}
			out.trap, out.input, out.filled = err, pkt, filled
			return out, nil
		}
	}
	return out, nil
}

// packet returns n random bytes, with an Ethernet type that is neither
// IPv4 nor IPv6 when n is too short for their header (BPF_PROG_TEST_RUN
// refuses such socket buffers).
func packet(n int, src *Source) []byte {
	b := make([]byte, n)
	src.Fill(b)
	switch binary.BigEndian.Uint16(b[12:]) {
	case 0x0800, 0x86dd:
		if n < 54 {
			b[12] = 0x88
		}
	}
	return b
}

// fillMaps puts random values in every array element and in the hash
// map's keys 0 to MaxEntries-1, the keys generated programs look up.
func fillMaps(ms []*maps.Map, src *Source) error {
	for _, m := range ms {
		spec := m.Spec()
		for {
			k, err := m.NextKey(nil)
			if err != nil || k == nil {
				break
			}
			if err := m.Delete(k); err != nil {
				break // arrays: nothing to delete
			}
		}
		value := make([]byte, spec.ValueSize)
		for i := range spec.MaxEntries {
			key := make([]byte, spec.KeySize)
			binary.LittleEndian.PutUint32(key, i)
			src.Fill(value)
			if err := m.Update(key, value, maps.UpdateAny); err != nil {
				return fmt.Errorf("soundness: filling map %s: %w", spec.Name, err)
			}
		}
	}
	return nil
}

// hasBackEdge reports whether a jump in p goes backwards: whether p may
// loop, and so run out of budget without a fault of the verifier's.
func hasBackEdge(p asm.Program) bool {
	for _, ins := range p {
		c := ins.Op.Class()
		switch {
		case ins.IsHelperCall():
			if ins.Imm == helperLoop {
				return true
			}
		case !c.IsJump() || ins.IsExit() || ins.IsCallX() || ins.IsLocalCall():
		case c == asm.ClassJMP32 && ins.Op.JumpOp() == asm.OpJA:
			if ins.Imm < 0 {
				return true
			}
		case ins.Off < 0:
			return true
		}
	}
	return false
}

// trapKinds are the engine's kinds of trap.
var trapKinds = []error{vm.ErrMemory, vm.ErrCallTarget, vm.ErrCallDepth, vm.ErrBudget, vm.ErrHelper, vm.ErrUnsupported, vm.ErrInternal}
