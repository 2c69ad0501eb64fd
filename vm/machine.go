package vm

// This file implements the Machine: the memory and call frames that runs of
// one program use. A Machine is reused from run to run without allocating;
// it is not safe for concurrent use (use one Machine per goroutine).

import (
	"fmt"
	"runtime/debug"
)

// frame is a caller's state saved by a call.
type frame struct {
	ret    int32 // op index to continue at
	callee [4]uint64
	fp     uint64
	loop   bool // bpf_loop calls its callback from this frame (state in Machine.loops)
}

// loopState is an inlined bpf_loop or for_each_map_elem in progress (see
// startLoop).
type loopState struct {
	i, n  uint64 // the next index and the number of calls
	entry int32  // the callback's entry op
	ctx   uint64 // callback_ctx
	// for_each_map_elem over an array: the map reference, the address of
	// the key in scratch memory, and the array's layout
	mapRef, keyAddr, base, elemSize uint64
}

// Machine runs a Program.
type Machine struct {
	regs     [16]uint64
	prog     *Program // the program runs start in
	cur      *Program // the program running now (tail calls change it)
	regions  []region
	stack    [stackBytes]byte
	scratch  [MaxFrames * scratchSlot]byte
	data     []byte
	frames   [MaxFrames]frame
	loops    [MaxFrames]loopState // the frames' loopState, preallocated
	ctx      Context
	ctxWords [contextWords]uint64 // see SetContextWord
	ctxMask  uint64
	arrays   []array          // by map index, for inlined lookups
	budget   int64            // instructions per run
	left     int64            // instructions left in this run, saved around helper calls
	executed int64            // instructions executed by the last run
	depth    int              // call frames in use below the current one
	base     int              // the depth whose exit ends the fast loop (see exec)
	calls    [MaxFrames]int32 // per depth: the op of a helper call in progress
	err      error            // a helper's error, on its way from the fast loop to exec
	mayGoto  int64            // may_goto iterations left
	tails    int              // tail calls taken in this run
	again    int              // runs still to make after this one (RepeatContext)
	args     [5]uint64        // r1-r5 at the start of every run
	printk   func(string)
}

// NewMachine returns a machine for the program.
func (p *Program) NewMachine() *Machine {
	m := &Machine{prog: p, budget: p.budget}
	m.regions = make([]region, FirstMapRegion-1+len(p.maps))
	m.regions[stackRegion-1] = region{mem: m.stack[:], writable: true}
	m.regions[dataRegion-1] = region{writable: true}
	m.regions[ContextRegion-1] = region{}
	m.regions[PacketRegion-1] = region{writable: true}
	m.regions[ScratchRegion-1] = region{mem: m.scratch[:]}
	m.arrays = make([]array, len(p.maps))
	for i, mp := range p.maps {
		m.regions[mapRegion(i)-1] = region{mem: mp.Values(), writable: !mp.Spec().ReadOnly}
		if elem, n, ok := mp.ArrayLayout(); ok {
			m.arrays[i] = array{base: regionBase(mapRegion(i)), elemSize: uint64(elem), maxEntries: uint64(n)}
		}
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

// SetPrintk sets where bpf_trace_printk output goes (nil: discarded).
func (m *Machine) SetPrintk(f func(string)) { m.printk = f }

// SetPacket makes b the packet region (Contexts call it).
func (m *Machine) SetPacket(b []byte) { m.regions[PacketRegion-1].mem = b }

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
	m.ctx = nil
	m.ctxMask = 0
	return m.Run(r1, uint64(len(data)))
}

// RunContext runs the program with r1 pointing to the context c.
func (m *Machine) RunContext(c Context) (uint64, error) { return m.RepeatContext(c, 1) }

// RepeatContext runs the program n times with r1 pointing to the context
// c, as BPF_PROG_TEST_RUN's repeat does (the context carries over from run
// to run), and returns the last run's result; a trap stops at once. It
// costs less per run than n calls of RunContext.
func (m *Machine) RepeatContext(c Context, n int) (ret uint64, err error) {
	if n <= 0 {
		return 0, nil
	}
	m.ctx = c
	defer m.recoverInto(&ret, &err)
	ret, err = m.run(regionBase(ContextRegion), 0, n)
	m.ctx = nil
	return ret, err
}

// Run runs the program from its first instruction with r1 and r2 set.
func (m *Machine) Run(r1, r2 uint64) (ret uint64, err error) {
	defer m.recoverInto(&ret, &err)
	return m.run(r1, r2, 1)
}

// recoverInto is the one place panics stop: whatever the program did, a
// Go panic (a bug of callx's, which the fuzzers look for) becomes an
// ErrInternal trap instead of crashing the host. It is deferred once per
// call of Run or RepeatContext.
func (m *Machine) recoverInto(ret *uint64, err *error) {
	if v := recover(); v != nil {
		m.ctx = nil
		*ret, *err = 0, &Trap{Kind: ErrInternal, Index: -1,
			Cause: fmt.Errorf("%v\n%s", v, debug.Stack())}
	}
}

// run runs the program n times (n >= 1), each run from the first
// instruction with r1 and r2 set; a trap stops at once. The runs after the
// first start where the one before exits (see nextRun).
func (m *Machine) run(r1, r2 uint64, n int) (uint64, error) {
	m.cur, m.left, m.depth, m.mayGoto, m.tails = m.prog, m.budget, 0, maxLoops, 0
	m.again = n - 1
	if n > 1 {
		m.args = [5]uint64{r1, r2}
	}
	ret, err := m.exec(0, 0, [5]uint64{r1, r2}) // not m.args: a copy just stored would not forward
	m.again = 0
	m.executed = m.budget - m.left
	return ret, err
}

// nextRun starts the next of the runs of run, if one is left, when the
// base frame of the one before exits: the state run sets is set again (the
// context and the memory carry over, as in BPF_PROG_TEST_RUN's repeat).
// The interpreter's own budget and pc restart with it.
func (m *Machine) nextRun() bool {
	if m.again <= 0 || m.cur != m.prog {
		return false
	}
	m.again--
	m.left, m.mayGoto, m.tails = m.budget, maxLoops, 0
	*(*[5]uint64)(m.regs[1:]) = m.args
	m.regs[10] = frameTop(0)
	return true
}
