// This file implements editing a program without breaking its control
// flow: removing instructions with the jumps, calls and function loads
// across them adjusted, which Minimize uses.

package soundness

import "github.com/callx/callx/asm"

// secondSlot reports whether slot i of p is the second slot of an ld_imm64.
func secondSlot(p asm.Program, i int) bool { return i > 0 && p[i-1].IsLoadImm64() }

// relTarget returns where the instruction at slot i of p goes when it is
// a jump, a local call or a function address load: its target slot, and
// whether the offset is in imm (true) or off.
func relTarget(p asm.Program, i int) (target int, inImm, ok bool) {
	ins := p[i]
	switch c := ins.Op.Class(); {
	case ins.IsLocalCall(), ins.IsLoadImm64() && ins.Src == asm.PseudoFunc:
		return i + int(ins.Imm) + 1, true, true
	case !c.IsJump() || ins.IsExit() || ins.IsHelperCall() || ins.IsCallX() || ins.Op == asm.OpCallK:
		return 0, false, false
	case c == asm.ClassJMP32 && ins.Op.JumpOp() == asm.OpJA:
		return i + int(ins.Imm) + 1, true, true // gotol
	}
	return i + int(ins.Off) + 1, false, true
}

// deleteSlots returns p without slots [i, i+n), with every relative
// target adjusted: a target inside the removed slots becomes the slot that
// follows them. It reports false when that cannot be done (the range
// splits an ld_imm64, or an offset no longer fits).
func deleteSlots(p asm.Program, i, n int) (asm.Program, bool) {
	if n <= 0 || i < 0 || i+n > len(p) || secondSlot(p, i) || (i+n < len(p) && secondSlot(p, i+n)) {
		return nil, false
	}
	newIndex := func(x int) int {
		switch {
		case x < i:
			return x
		case x < i+n:
			return i
		}
		return x - n
	}
	out := make(asm.Program, 0, len(p)-n)
	for j, ins := range p {
		if j >= i && j < i+n {
			continue
		}
		if !secondSlot(p, j) {
			if t, inImm, ok := relTarget(p, j); ok {
				rel := newIndex(t) - newIndex(j) - 1
				if inImm {
					ins.Imm = int32(rel)
				} else {
					if rel < -1<<15 || rel >= 1<<15 {
						return nil, false
					}
					ins.Off = int16(rel)
				}
			}
		}
		out = append(out, ins)
	}
	return out, true
}
