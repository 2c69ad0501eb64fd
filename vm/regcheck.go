package vm

// This file implements the register check done before lowering: no
// instruction reads a register that is not written on every path to it
// (the kernel's "R%d !read_ok"), and nothing writes the frame pointer. It is
// a forward must-be-initialised analysis over the whole program.

import (
	"fmt"
	"math/bits"

	"github.com/callx/callx/asm"
)

type regSet uint16

func regs(rs ...asm.Register) regSet {
	var s regSet
	for _, r := range rs {
		s |= 1 << r
	}
	return s
}

var (
	argRegs      = regs(asm.R1, asm.R2, asm.R3, asm.R4, asm.R5)
	mainEntry    = regs(asm.R1, asm.R2, asm.R10) // raw programs: r1 = data, r2 = length
	subprogEntry = argRegs | regs(asm.R10)
)

// effect returns the registers an instruction reads and writes, and those it
// leaves unreadable (calls clobber r1-r5).
func effect(ins asm.Instruction) (read, write, clobber regSet) {
	d, s := regs(ins.Dst), regs(ins.Src)
	class := ins.Op.Class()
	x := ins.Op.Source() == asm.SourceX
	switch class {
	case asm.ClassALU, asm.ClassALU64:
		switch ins.Op.ALUOp() {
		case asm.OpMov:
			if x {
				return s, d, 0
			}
			return 0, d, 0
		case asm.OpNeg, asm.OpEnd:
			return d, d, 0
		}
		if x {
			return d | s, d, 0
		}
		return d, d, 0
	case asm.ClassJMP, asm.ClassJMP32:
		switch ins.Op.JumpOp() {
		case asm.OpJA, asm.OpJCond:
			return 0, 0, 0
		case asm.OpExit:
			return regs(asm.R0), 0, 0
		case asm.OpCall:
			var r regSet
			if x {
				t, _ := ins.CallXTarget()
				r = regs(t)
			}
			return r, regs(asm.R0), argRegs
		}
		if x {
			return d | s, 0, 0
		}
		return d, 0, 0
	case asm.ClassLD:
		if ins.IsLoadImm64() {
			return 0, d, 0
		}
		// Legacy packet loads read the context in r6 (and src for IND),
		// write r0 and clobber r1-r5.
		r := regs(asm.R6)
		if ins.Op.Mode() == asm.ModeIND {
			r |= s
		}
		return r, regs(asm.R0), argRegs
	case asm.ClassLDX:
		return s, d, 0
	case asm.ClassST:
		return d, 0, 0
	case asm.ClassSTX:
		if ins.Op.Mode() == asm.ModeATOMIC {
			switch {
			case ins.Imm == asm.AtomicCmpXchg:
				return d | s | regs(asm.R0), regs(asm.R0), 0
			case ins.Imm&asm.AtomicFetch != 0:
				return d | s, s, 0
			}
		}
		return d | s, 0, 0
	}
	return 0, 0, 0
}

// checkRegisters runs the analysis; reads of registers not written
// are refused only with requireInit (the frame pointer always stays
// read only).
func checkRegisters(insns asm.Program, c *cfg, entry regSet, requireInit bool) error {
	n := len(insns)
	in := make([]regSet, n)
	seen := make([]bool, n)
	var work []int
	enter := func(i int, s regSet) {
		if !seen[i] {
			seen[i], in[i] = true, s
			work = append(work, i)
		} else if in[i]&s != in[i] {
			in[i] &= s
			work = append(work, i)
		}
	}
	for _, e := range c.entries {
		if e == 0 {
			enter(e, entry)
		} else {
			enter(e, subprogEntry)
		}
	}
	for len(work) > 0 {
		i := work[len(work)-1]
		work = work[:len(work)-1]
		ins := insns[i]
		read, write, clobber := effect(ins)
		if ins.IsExit() && ownerEntry(c.entries, i) != 0 {
			// A static function may return nothing its callers read
			// (clang drops unused results); the kernel checks R0 there
			// only when the caller reads it.
			read = 0
		}
		if missing := read &^ in[i]; missing != 0 && requireInit {
			return &LoadError{Index: i, Msg: fmt.Sprintf("R%d !read_ok", bits.TrailingZeros16(uint16(missing)))}
		}
		if write&regs(asm.R10) != 0 {
			return &LoadError{Index: i, Msg: "frame pointer is read only"}
		}
		out := (in[i] | write) &^ clobber
		next := i + 1
		if ins.IsLoadImm64() {
			next = i + 2
		}
		class := ins.Op.Class()
		switch {
		case ins.IsExit():
			continue
		case class.IsJump() && ins.Op.JumpOp() == asm.OpJA:
			enter(c.target[i], out)
			continue
		case class.IsJump() && ins.Op.JumpOp() != asm.OpCall:
			enter(c.target[i], out)
		}
		if next < n {
			enter(next, out)
		}
	}
	return nil
}

// ownerEntry returns the entry of the function holding slot i: functions
// are laid out one after another, each starting at its entry.
func ownerEntry(entries []int, i int) int {
	owner := 0
	for _, e := range entries {
		if e <= i {
			owner = e
		}
	}
	return owner
}
