package callx

// This file implements running a loaded program, once or many times, and
// timing it.

import (
	"time"

	"github.com/callx/callx/vm"
)

// RunOptions tune Run.
type RunOptions struct {
	Input  []byte // the raw program's data: r1 points to a copy, r2 is its length
	Repeat int    // runs to time; 0 means 1
	Budget int64  // instructions per run; 0 means vm.DefaultBudget
}

// Result is what a run returned and how long it took.
type Result struct {
	Retval   uint64
	Runs     int
	NsPerRun float64
	// Insns is the number of instructions one run executed.
	Insns int64
}

// NsPerInsn is the time per executed instruction.
func (r *Result) NsPerInsn() float64 {
	if r.Insns == 0 {
		return 0
	}
	return r.NsPerRun / float64(r.Insns)
}

// Run runs the raw program Repeat times on one machine. The result is the
// last run's; a trap stops at once and is returned.
func Run(p *vm.Program, opts RunOptions) (*Result, error) {
	runs := max(opts.Repeat, 1)
	m := p.NewMachine()
	m.SetBudget(opts.Budget)
	var ret uint64
	start := time.Now()
	for range runs {
		var err error
		if ret, err = m.RunRaw(opts.Input); err != nil {
			return nil, err
		}
	}
	elapsed := time.Since(start)
	return &Result{
		Retval:   ret,
		Runs:     runs,
		NsPerRun: float64(elapsed.Nanoseconds()) / float64(runs),
		Insns:    m.Executed(),
	}, nil
}
