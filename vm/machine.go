package vm

// This file implements the Machine: the memory and call frames that runs of
// one program use. A Machine is reused from run to run without allocating;
// it is not safe for concurrent use (use one Machine per goroutine).

import (
	"fmt"
	"runtime/debug"
)

// Function values are opaque handles: a tag in the upper bits and the
// function's index in the low bits. They are never host addresses, and no
// region id is this large, so a function value is not a pointer either.
const (
	funcTag  = 0xfbfc_0000_0000_0000
	funcMask = 0xffff_ffff_0000_0000
)

func funcValue(index int) uint64 { return funcTag | uint64(index) }

// frame is a caller's state saved by a call.
type frame struct {
	ret    int32 // op index to continue at
	callee [4]uint64
	fp     uint64
}

// Machine runs a Program.
type Machine struct {
	prog     *Program
	regions  []region
	stack    [stackBytes]byte
	data     []byte
	frames   [MaxFrames]frame
	executed int64 // instructions executed by the last run
	depth    int   // call frames in use below the current one
	mayGoto  int64 // may_goto iterations left
	budget   int64
}

// NewMachine returns a machine for the program.
func (p *Program) NewMachine() *Machine {
	m := &Machine{prog: p, budget: p.budget}
	m.regions = []region{
		stackRegion - 1: {name: "stack", mem: m.stack[:], writable: true},
		dataRegion - 1:  {name: "data", writable: true},
	}
	return m
}

// SetBudget sets the most instructions one run may execute (0: the program's default).
func (m *Machine) SetBudget(n int64) {
	if n <= 0 {
		n = m.prog.budget
	}
	m.budget = n
}

// Executed returns how many instructions the last run executed (an ld_imm64
// counts once). After a trap it counts whole blocks before the trap.
func (m *Machine) Executed() int64 { return m.executed }

// RunRaw runs the program as the raw program type: r1 points to a copy of
// data (writable by the program), r2 is its length.
func (m *Machine) RunRaw(data []byte) (uint64, error) {
	m.data = append(m.data[:0], data...)
	m.regions[dataRegion-1].mem = m.data
	var r1 uint64
	if len(data) > 0 {
		r1 = regionBase(dataRegion)
	}
	return m.Run(r1, uint64(len(data)))
}

// Run runs the program from its first instruction with r1 and r2 set.
func (m *Machine) Run(r1, r2 uint64) (ret uint64, err error) {
	defer func() {
		if v := recover(); v != nil {
			ret, err = 0, &Trap{Kind: ErrInternal, Index: -1,
				Cause: fmt.Errorf("%v\n%s", v, debug.Stack())}
		}
	}()
	return m.run(r1, r2)
}
