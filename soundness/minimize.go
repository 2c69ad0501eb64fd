// This file implements Minimize: a finding's program with instructions
// removed, in halves and then one by one, for as long as the finding
// stays the same.

package soundness

import (
	"errors"
	"regexp"
	"time"
)

// maxMinimizeChecks bounds the checks of one minimisation, and
// Checker.MinimizeTime (DefaultMinimizeTime) its time.
const (
	maxMinimizeChecks   = 4000
	DefaultMinimizeTime = 30 * time.Second
)

// Minimize returns f with its program made as small as removing
// instructions makes it while the checker still finds the same thing: a
// finding of the same kind whose message is the same but for numbers.
// Stats are not counted for the checks it makes.
func (c *Checker) Minimize(f *Finding) (*Finding, error) {
	if f.Kind == VerifierHang {
		return f, nil // every try could hang again
	}
	best := f
	checks := 0
	limit := c.MinimizeTime
	if limit <= 0 {
		limit = DefaultMinimizeTime
	}
	deadline := time.Now().Add(limit)
	hangs := c.Hangs // a try that hangs stops the minimisation
	try := func(i, n int) (bool, error) {
		if c.Hangs > hangs || time.Now().After(deadline) {
			checks = maxMinimizeChecks // stop
			return false, nil
		}
		insns, ok := deleteSlots(best.Program.Insns, i, n)
		if !ok || len(insns) == 0 {
			return false, nil
		}
		q := best.Program.Clone()
		q.Insns = insns
		checks++
		res, err := c.check(q)
		if err != nil {
			return false, err
		}
		if res.Finding == nil || !sameFinding(f, res.Finding) {
			return false, nil
		}
		best = res.Finding
		return true, nil
	}
	for chunk := len(f.Program.Insns) / 2; chunk >= 1 && checks < maxMinimizeChecks; chunk /= 2 {
		for i := 0; i+chunk <= len(best.Program.Insns) && checks < maxMinimizeChecks; {
			n := chunk
			if i+n < len(best.Program.Insns) && secondSlot(best.Program.Insns, i+n) {
				n++
			}
			ok, err := try(i, n)
			if err != nil {
				return nil, err
			}
			if !ok {
				i++
			}
		}
	}
	for changed := true; changed && checks < maxMinimizeChecks; {
		changed = false
		for i := len(best.Program.Insns) - 1; i >= 0 && checks < maxMinimizeChecks; i-- {
			if secondSlot(best.Program.Insns, i) {
				continue
			}
			n := 1
			if best.Program.Insns[i].IsLoadImm64() {
				n = 2
			}
			ok, err := try(i, n)
			if err != nil {
				return nil, err
			}
			changed = changed || ok
		}
	}
	if best == f {
		return f, nil
	}
	best.Program.Origin = f.Program.Origin
	best.Minimized = len(f.Program.Insns) - len(best.Program.Insns)
	return best, nil
}

var numbers = regexp.MustCompile(`0x[0-9a-fA-F]+|[0-9]+`)

// sameFinding reports whether b is the finding a is, but for numbers
// (registers, offsets, instruction indexes).
func sameFinding(a, b *Finding) bool {
	if a.Kind != b.Kind {
		return false
	}
	if a.Kind == EngineTrap {
		return sameTrapKind(a.Trap, b.Trap)
	}
	return a.Class() == b.Class()
}

// sameTrapKind reports whether two traps are of the same kind (both
// memory errors, say).
func sameTrapKind(a, b error) bool {
	for _, k := range trapKinds {
		if errors.Is(a, k) != errors.Is(b, k) {
			return false
		}
	}
	return true
}
