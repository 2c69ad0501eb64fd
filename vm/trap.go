package vm

// This file implements building traps from the interpreter loop; these are
// cold paths kept out of the loop's body.

import "errors"

var (
	errBadOp = errors.New("unknown lowered op")
)

func (m *Machine) memTrap(pc int, addr uint64, size int, write bool) error {
	return &Trap{Kind: ErrMemory, Index: int(m.cur.slotOf[pc]), Addr: addr, Size: size,
		Write: write, Where: m.describe(addr)}
}

func (m *Machine) budgetTrap(pc int) error {
	m.left = 0
	return &Trap{Kind: ErrBudget, Index: int(m.cur.slotOf[pc])}
}

func (m *Machine) helperTrap(pc int, err error) error {
	if t, ok := err.(*Trap); ok { // a callback trapped: report where
		return t
	}
	return &Trap{Kind: ErrHelper, Index: int(m.cur.slotOf[pc]), Cause: err}
}
