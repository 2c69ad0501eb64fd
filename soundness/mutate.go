// This file implements Mutate: one field of one instruction of a program
// changed — an offset, a register, an immediate, an access size, an
// operation — the near misses of a valid program that a verifier must
// tell from it.

package soundness

import (
	"fmt"

	"github.com/callx/callx/asm"
)

// Mutate returns a copy of p with one field of one instruction changed,
// the change written in its Origin. It tries a few times to make a change
// that keeps every instruction well-formed (asm.Program.Validate), and
// returns a copy of p unchanged when it cannot.
func Mutate(p *Program, s *Source) *Program {
	q := p.Clone()
	if len(q.Insns) == 0 {
		return q
	}
	for range 16 {
		i := s.Intn(len(q.Insns))
		if secondSlot(q.Insns, i) {
			i--
		}
		old := q.Insns[i]
		what, ok := mutateInsn(q.Insns, i, s)
		if !ok || q.Insns[i] == old || q.Insns.Validate() != nil {
			q.Insns[i] = old
			if i+1 < len(q.Insns) && old.IsLoadImm64() {
				q.Insns[i+1] = p.Insns[i+1]
			}
			continue
		}
		if q.Origin != "" {
			q.Origin += "; "
		}
		q.Origin += fmt.Sprintf("mutant: insn %d %s: %s -> %s", i, what,
			asm.FormatInstruction(asm.Program{old, p.insnAfter(i)}, 0), asm.FormatInstruction(q.Insns, i))
		return q
	}
	return q
}

// insnAfter returns slot i+1 of p, or an empty one.
func (p *Program) insnAfter(i int) asm.Instruction {
	if i+1 < len(p.Insns) {
		return p.Insns[i+1]
	}
	return asm.Instruction{}
}

// mutateInsn changes one field of the instruction at slot i and says
// which.
func mutateInsn(insns asm.Program, i int, s *Source) (string, bool) {
	ins := &insns[i]
	c := ins.Op.Class()
	reg := func() asm.Register { return asm.Register(s.Intn(11)) }
	switch {
	case ins.IsLoadImm64():
		switch s.Intn(3) {
		case 0:
			ins.Dst = reg()
			return "dst", true
		case 1:
			ins.Imm += int32(s.Range(-2, 2)) // another map, another offset
			return "imm", true
		default:
			insns[i+1].Imm += int32(s.Range(-9, 9))
			return "imm (high)", true
		}
	case ins.IsExit():
		return "", false
	case ins.IsHelperCall():
		ids := []int32{helperMapLookup, helperMapUpdate, helperMapDelete, helperKtimeGetNs,
			helperPrandomU32, helperSmpProcessor, helperSkbLoadBytes, helperXDPAdjustHead, helperLoop, 6, 9, 23, 28}
		ins.Imm = ids[s.Intn(len(ids))]
		return "helper", true
	case ins.IsLocalCall():
		ins.Imm += int32(s.Range(-2, 2))
		return "call target", true
	case c.IsJump():
		switch s.Intn(5) {
		case 0:
			ins.Off += int16(s.Range(-2, 2))
			return "off", true
		case 1:
			ops := []asm.JumpOp{asm.OpJEQ, asm.OpJNE, asm.OpJGT, asm.OpJGE, asm.OpJLT, asm.OpJLE,
				asm.OpJSGT, asm.OpJSGE, asm.OpJSLT, asm.OpJSLE, asm.OpJSET}
			if ins.Op.JumpOp() == asm.OpJA {
				return "", false
			}
			ins.Op = ins.Op&0x0f | asm.OpCode(ops[s.Intn(len(ops))])
			return "condition", true
		case 2:
			ins.Op ^= asm.OpCode(asm.ClassJMP ^ asm.ClassJMP32)
			return "class", true
		case 3:
			if ins.Op.Source() == asm.SourceX {
				ins.Src = reg()
				return "src", true
			}
			ins.Imm = mutateImm(ins.Imm, s)
			return "imm", true
		default:
			ins.Dst = reg()
			return "dst", true
		}
	case c.IsALU():
		switch s.Intn(6) {
		case 0:
			ins.Dst = reg()
			return "dst", true
		case 1:
			if ins.Op.Source() == asm.SourceX {
				ins.Src = reg()
				return "src", true
			}
			ins.Imm = mutateImm(ins.Imm, s)
			return "imm", true
		case 2:
			ins.Op ^= asm.OpCode(asm.ClassALU ^ asm.ClassALU64)
			return "class", true
		case 3:
			ops := []asm.ALUOp{asm.OpAdd, asm.OpSub, asm.OpMul, asm.OpDiv, asm.OpOr, asm.OpAnd,
				asm.OpLsh, asm.OpRsh, asm.OpMod, asm.OpXor, asm.OpMov, asm.OpArsh}
			ins.Op = ins.Op&0x0f | asm.OpCode(ops[s.Intn(len(ops))])
			return "operation", true
		case 4:
			if ins.Op.Source() == asm.SourceX {
				ins.Op &^= asm.OpCode(asm.SourceX)
				ins.Imm, ins.Src = int32(ins.Src), 0
			} else {
				ins.Op |= asm.OpCode(asm.SourceX)
				ins.Src, ins.Imm = reg(), 0
			}
			return "source", true
		default:
			ins.Imm = mutateImm(ins.Imm, s)
			return "imm", true
		}
	case c == asm.ClassLDX, c == asm.ClassST, c == asm.ClassSTX:
		switch s.Intn(5) {
		case 0:
			ins.Off = mutateOff(ins.Off, s)
			return "off", true
		case 1:
			sizes := []asm.Size{asm.SizeB, asm.SizeH, asm.SizeW, asm.SizeDW}
			ins.Op = ins.Op&^0x18 | asm.OpCode(sizes[s.Intn(4)])
			return "size", true
		case 2:
			ins.Dst = reg()
			return "dst", true
		case 3:
			if c == asm.ClassST {
				ins.Imm = mutateImm(ins.Imm, s)
				return "imm", true
			}
			ins.Src = reg()
			return "src", true
		default:
			ins.Off = mutateOff(ins.Off, s)
			return "off", true
		}
	case c == asm.ClassLD: // LD_ABS, LD_IND
		if s.Intn(2) == 0 {
			ins.Imm = mutateImm(ins.Imm, s)
			return "imm", true
		}
		sizes := []asm.Size{asm.SizeB, asm.SizeH, asm.SizeW}
		ins.Op = ins.Op&^0x18 | asm.OpCode(sizes[s.Intn(3)])
		return "size", true
	}
	return "", false
}

// mutateOff moves a memory offset by a little: a byte, an access width,
// a slot, or to its negation.
func mutateOff(off int16, s *Source) int16 {
	switch s.Intn(4) {
	case 0:
		return off + int16(s.Range(-1, 1))
	case 1:
		return off + []int16{-8, -4, -2, 2, 4, 8}[s.Intn(6)]
	case 2:
		return -off
	}
	return int16(s.Range(-520, 64))
}

// mutateImm changes an immediate: by one, to a neighbour of a power of
// two, to an edge of a range.
func mutateImm(imm int32, s *Source) int32 {
	switch s.Intn(4) {
	case 0:
		return imm + int32(s.Range(-1, 1))
	case 1:
		return imm * 2
	case 2:
		return []int32{0, -1, 1, 31, 32, 63, 64, 0x7fffffff, -0x80000000, 0xffff}[s.Intn(10)]
	}
	return int32(s.Uint64())
}
