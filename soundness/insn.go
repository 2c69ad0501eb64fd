// This file implements the instructions the generator writes, as a small
// DSL over asm.Instruction, and the builder that lays them out with
// labels for jumps and calls.

package soundness

import (
	"fmt"

	"github.com/callx/callx/asm"
)

func op(c asm.Class, bits ...uint8) asm.OpCode {
	o := asm.OpCode(c)
	for _, b := range bits {
		o |= asm.OpCode(b)
	}
	return o
}

// aluImm is `dst op= imm` (64-bit or 32-bit).
func aluImm(alu64 bool, o asm.ALUOp, dst asm.Register, imm int32) asm.Instruction {
	return asm.Instruction{Op: op(aluClass(alu64), uint8(o), uint8(asm.SourceK)), Dst: dst, Imm: imm}
}

// aluReg is `dst op= src`.
func aluReg(alu64 bool, o asm.ALUOp, dst, src asm.Register) asm.Instruction {
	return asm.Instruction{Op: op(aluClass(alu64), uint8(o), uint8(asm.SourceX)), Dst: dst, Src: src}
}

func aluClass(alu64 bool) asm.Class {
	if alu64 {
		return asm.ClassALU64
	}
	return asm.ClassALU
}

func movImm(dst asm.Register, imm int32) asm.Instruction { return aluImm(true, asm.OpMov, dst, imm) }
func movReg(dst, src asm.Register) asm.Instruction       { return aluReg(true, asm.OpMov, dst, src) }
func addImm(dst asm.Register, imm int32) asm.Instruction { return aluImm(true, asm.OpAdd, dst, imm) }

// ldx is `dst = *(size *)(src + off)`.
func ldx(size asm.Size, dst, src asm.Register, off int16) asm.Instruction {
	return asm.Instruction{Op: op(asm.ClassLDX, uint8(size), uint8(asm.ModeMEM)), Dst: dst, Src: src, Off: off}
}

// stx is `*(size *)(dst + off) = src`.
func stx(size asm.Size, dst, src asm.Register, off int16) asm.Instruction {
	return asm.Instruction{Op: op(asm.ClassSTX, uint8(size), uint8(asm.ModeMEM)), Dst: dst, Src: src, Off: off}
}

// st is `*(size *)(dst + off) = imm`.
func st(size asm.Size, dst asm.Register, off int16, imm int32) asm.Instruction {
	return asm.Instruction{Op: op(asm.ClassST, uint8(size), uint8(asm.ModeMEM)), Dst: dst, Off: off, Imm: imm}
}

// atomic is `lock *(size *)(dst + off) op= src` and its fetching forms.
func atomic(size asm.Size, dst, src asm.Register, off int16, o int32) asm.Instruction {
	return asm.Instruction{Op: op(asm.ClassSTX, uint8(size), uint8(asm.ModeATOMIC)), Dst: dst, Src: src, Off: off, Imm: o}
}

// ldAbs is the legacy `r0 = *(size *)skb[imm]`.
func ldAbs(size asm.Size, imm int32) asm.Instruction {
	return asm.Instruction{Op: op(asm.ClassLD, uint8(size), uint8(asm.ModeABS)), Imm: imm}
}

// ldInd is the legacy `r0 = *(size *)skb[src + imm]`.
func ldInd(size asm.Size, src asm.Register, imm int32) asm.Instruction {
	return asm.Instruction{Op: op(asm.ClassLD, uint8(size), uint8(asm.ModeIND)), Src: src, Imm: imm}
}

func callHelper(id int32) asm.Instruction { return asm.Instruction{Op: asm.OpCallK, Imm: id} }
func exit() asm.Instruction               { return asm.Instruction{Op: asm.OpExitK} }

// Helper ids the generator calls.
const (
	helperMapLookup     = 1
	helperMapUpdate     = 2
	helperMapDelete     = 3
	helperKtimeGetNs    = 5
	helperPrandomU32    = 7
	helperSmpProcessor  = 8
	helperSkbLoadBytes  = 26
	helperXDPAdjustHead = 44
	helperXDPAdjustTail = 65
	helperLoop          = 181
)

// label is a position in the program a builder resolves when it ends.
type label int

// builder lays out instructions and resolves labels.
type builder struct {
	insns  asm.Program
	labels []int // slot of each label, -1 until bound
	fixups []fixup
}

// fixup is a jump, call or function load at slot whose offset is to the label.
type fixup struct {
	slot int
	to   label
	imm  bool // the offset goes in imm (calls, func loads), not off
}

func (b *builder) emit(ins ...asm.Instruction) { b.insns = append(b.insns, ins...) }

// ldImm64 is `dst = imm ll` with the given pseudo source.
func (b *builder) ldImm64(dst, src asm.Register, imm uint64) {
	two := asm.LoadImm64(dst, src, imm)
	b.emit(two[0], two[1])
}

// ldMapValue is `dst = map_idx_value(m, off) ll`.
func (b *builder) ldMapValue(dst asm.Register, m int, off uint32) {
	b.ldImm64(dst, asm.PseudoMapIdxValue, uint64(uint32(m))|uint64(off)<<32)
}

func (b *builder) newLabel() label {
	b.labels = append(b.labels, -1)
	return label(len(b.labels) - 1)
}

func (b *builder) bind(l label) { b.labels[l] = len(b.insns) }

// jmpImm is `if dst op imm goto l` (op OpJA: goto l).
func (b *builder) jmpImm(jmp32 bool, o asm.JumpOp, dst asm.Register, imm int32, l label) {
	c := asm.ClassJMP
	if jmp32 {
		c = asm.ClassJMP32
	}
	b.fixups = append(b.fixups, fixup{slot: len(b.insns), to: l})
	b.emit(asm.Instruction{Op: op(c, uint8(o), uint8(asm.SourceK)), Dst: dst, Imm: imm})
}

// jmpReg is `if dst op src goto l`.
func (b *builder) jmpReg(jmp32 bool, o asm.JumpOp, dst, src asm.Register, l label) {
	c := asm.ClassJMP
	if jmp32 {
		c = asm.ClassJMP32
	}
	b.fixups = append(b.fixups, fixup{slot: len(b.insns), to: l})
	b.emit(asm.Instruction{Op: op(c, uint8(o), uint8(asm.SourceX)), Dst: dst, Src: src})
}

func (b *builder) jump(l label) { b.jmpImm(false, asm.OpJA, 0, 0, l) }

// call is a bpf-to-bpf call of the function at l.
func (b *builder) call(l label) {
	b.fixups = append(b.fixups, fixup{slot: len(b.insns), to: l, imm: true})
	b.emit(asm.Instruction{Op: asm.OpCallK, Src: asm.PseudoCall})
}

// ldFunc is `dst = func(l) ll`, a callback's address.
func (b *builder) ldFunc(dst asm.Register, l label) {
	b.fixups = append(b.fixups, fixup{slot: len(b.insns), to: l, imm: true})
	b.ldImm64(dst, asm.PseudoFunc, 0)
}

// program resolves the labels and returns the instructions.
func (b *builder) program() (asm.Program, error) {
	for _, f := range b.fixups {
		to := b.labels[f.to]
		if to < 0 {
			return nil, fmt.Errorf("label %d is not bound", f.to)
		}
		rel := to - f.slot - 1
		if f.imm {
			b.insns[f.slot].Imm = int32(rel)
			continue
		}
		if rel < -1<<15 || rel >= 1<<15 {
			return nil, fmt.Errorf("jump at %d to %d is too far", f.slot, to)
		}
		b.insns[f.slot].Off = int16(rel)
	}
	return b.insns, nil
}
