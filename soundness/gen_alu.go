// This file implements the generator's arithmetic: ALU64 and ALU32
// operations on registers and constants, 64-bit constants, divisions,
// shifts, negation, byte swaps and sign-extending moves.

package soundness

import (
	"slices"

	"github.com/callx/callx/asm"
)

// alu writes a scalar into a register with one instruction (after a
// move, when the register held no scalar).
func (g *gen) alu() {
	g.note("alu")
	dst, ok := g.dst(false)
	if !ok {
		return
	}
	alu64 := !g.s.Chance(30)
	if g.st.regs[dst].kind != vScalar {
		switch {
		case g.st.regs[dst].kind == vUninit && g.fault():
			// reads an uninitialised register
		case g.st.regs[dst].kind != vUninit && g.st.regs[dst].kind != vMixed && g.fault():
			// arithmetic on a pointer: some the kernel allows, some not
		default:
			g.b.emit(movImm(dst, g.imm()))
		}
	}
	defer g.set(dst, val{kind: vScalar})

	src := func() asm.Register {
		if g.fault() {
			return asm.Register(g.s.Intn(10)) // any register, initialised or not
		}
		return g.scalarNot(dst)
	}
	switch g.s.Weighted(10, 6, 3, 20, 10, 2, 3, 3, 6, 6) {
	case 0: // dst = imm
		g.b.emit(aluImm(alu64, asm.OpMov, dst, g.imm()))
	case 1: // dst = src
		g.b.emit(aluReg(alu64, asm.OpMov, dst, src()))
	case 2: // dst = imm64 ll
		g.b.ldImm64(dst, asm.PseudoNone, g.s.Uint64())
	case 3: // dst op= imm
		ops := []asm.ALUOp{asm.OpAdd, asm.OpSub, asm.OpMul, asm.OpOr, asm.OpAnd, asm.OpXor}
		g.b.emit(aluImm(alu64, ops[g.s.Intn(len(ops))], dst, g.imm()))
	case 4: // dst op= src
		ops := []asm.ALUOp{asm.OpAdd, asm.OpSub, asm.OpMul, asm.OpOr, asm.OpAnd, asm.OpXor, asm.OpLsh, asm.OpRsh, asm.OpArsh}
		g.b.emit(aluReg(alu64, ops[g.s.Intn(len(ops))], dst, src()))
	case 5: // dst = -dst
		g.b.emit(aluImm(alu64, asm.OpNeg, dst, 0))
	case 6: // byte swaps: dst = be16 dst, le32, bswap64, ...
		ins := asm.Instruction{Op: op(asm.ClassALU, uint8(asm.OpEnd)), Dst: dst, Imm: []int32{16, 32, 64}[g.s.Intn(3)]}
		switch g.s.Intn(3) {
		case 1:
			ins.Op |= asm.OpCode(asm.SourceX) // to big endian
		case 2:
			ins.Op = op(asm.ClassALU64, uint8(asm.OpEnd)) // bswap
		}
		g.b.emit(ins)
	case 7: // dst = (s8) src, (s16), (s32)
		offs := []int16{8, 16, 32}
		if !alu64 {
			offs = offs[:2]
		}
		ins := aluReg(alu64, asm.OpMov, dst, g.scalarNot())
		ins.Off = offs[g.s.Intn(len(offs))]
		g.b.emit(ins)
	case 8: // divisions: dst /= imm, dst s%= src, ...
		o := []asm.ALUOp{asm.OpDiv, asm.OpMod}[g.s.Intn(2)]
		var ins asm.Instruction
		if g.s.Chance(50) {
			d := g.imm()
			if d == 0 && !g.fault() {
				d = 7
			} else if d != 0 && g.fault() {
				d = 0 // division by the constant zero
			}
			ins = aluImm(alu64, o, dst, d)
		} else {
			ins = aluReg(alu64, o, dst, src()) // by a register: zero is defined
		}
		if g.s.Chance(30) {
			ins.Off = 1 // signed
		}
		g.b.emit(ins)
	case 9: // shifts by a constant
		o := []asm.ALUOp{asm.OpLsh, asm.OpRsh, asm.OpArsh}[g.s.Intn(3)]
		width := 64
		if !alu64 {
			width = 32
		}
		n := int32(g.s.Intn(width))
		if g.fault() {
			n = int32(width + g.s.Intn(8)) // too far
		}
		g.b.emit(aluImm(alu64, o, dst, n))
	}
}

// scalarNot returns a register other than the ones given holding a
// scalar, making one if there is none (in a register that holds nothing
// the generator tracks, when there is one).
func (g *gen) scalarNot(not ...asm.Register) asm.Register {
	var rs []asm.Register
	for r := asm.R0; r <= asm.R9; r++ {
		if !slices.Contains(not, r) && g.st.regs[r].kind == vScalar {
			rs = append(rs, r)
		}
	}
	if len(rs) > 0 && g.s.Intn(5) != 0 {
		return rs[g.s.Intn(len(rs))]
	}
	var free, spare []asm.Register
	for r := asm.R0; r <= asm.R9; r++ {
		if slices.Contains(not, r) || !g.writable(r) {
			continue
		}
		free = append(free, r)
		if k := g.st.regs[r].kind; k == vUninit || k == vScalar || k == vMixed {
			spare = append(spare, r)
		}
	}
	if len(spare) > 0 {
		free = spare
	}
	r := free[g.s.Intn(len(free))]
	g.b.emit(movImm(r, g.imm()))
	g.set(r, val{kind: vScalar})
	return r
}
