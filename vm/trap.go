package vm

// This file implements building traps from the interpreter loop; these are
// cold paths kept out of the loop's body.

import "errors"

var (
	errLegacyPacket = errors.New("legacy packet load (LD_ABS/LD_IND) needs a socket buffer context")
	errBadOp        = errors.New("unknown lowered op")
)

func (m *Machine) memTrap(pc int, addr uint64, size int, write bool) error {
	return &Trap{Kind: ErrMemory, Index: int(m.prog.slotOf[pc]), Addr: addr, Size: size,
		Write: write, Where: describe(m.regions, addr)}
}

func (m *Machine) budgetTrap(pc int) error {
	m.executed = m.budget
	return &Trap{Kind: ErrBudget, Index: int(m.prog.slotOf[pc])}
}
