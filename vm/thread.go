package vm

// This file implements jump threading of a pattern clang emits for most
// loops:
//
//	if r1 == 0 goto out     // leave the loop
//	goto loop               // else go round again
//	out:
//
// The two ops become one with the negated condition: `if r1 != 0 goto loop`,
// and when it is not taken it skips the `goto` (which stays in place for
// other jumps that reach it). Instruction counts stay exact: the taken path
// is charged for both instructions, the other path gets the goto's cost
// back.

var negated = map[opKind]opKind{}

func init() {
	pairs := [][2]opKind{
		{kJeq64K, kJne64K}, {kJeq64X, kJne64X}, {kJgt64K, kJle64K}, {kJgt64X, kJle64X},
		{kJge64K, kJlt64K}, {kJge64X, kJlt64X}, {kJsgt64K, kJsle64K}, {kJsgt64X, kJsle64X},
		{kJsge64K, kJslt64K}, {kJsge64X, kJslt64X},
		{kJeq32K, kJne32K}, {kJeq32X, kJne32X}, {kJgt32K, kJle32K}, {kJgt32X, kJle32X},
		{kJge32K, kJlt32K}, {kJge32X, kJlt32X}, {kJsgt32K, kJsle32K}, {kJsgt32X, kJsle32X},
		{kJsge32K, kJslt32K}, {kJsge32X, kJslt32X},
	}
	for _, p := range pairs {
		negated[p[0]], negated[p[1]] = p[1], p[0]
	}
}

// threadJumps rewrites every conditional jump over a goto.
func (p *Program) threadJumps() {
	ops := p.ops
	for k := 0; k+1 < len(ops); k++ {
		o, next := &ops[k], &ops[k+1]
		neg, ok := negated[o.kind]
		if !ok || next.kind != kJa || int(o.target) != k+2 {
			continue
		}
		o.kind, o.target = neg, next.target
		o.cost += next.cost
		o.skip = 1
	}
}

// jumpsToExit turns every goto whose target is an exit into a copy of the
// exit, charged for both (so a budget that runs out there is reported at
// the goto, not the exit).
func (p *Program) jumpsToExit() {
	for k := range p.ops {
		o := &p.ops[k]
		if o.kind != kJa {
			continue
		}
		if t := &p.ops[o.target]; t.kind == kExit {
			o.kind, o.cost = kExit, o.cost+t.cost
		}
	}
}
