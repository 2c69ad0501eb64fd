package asm

// This file implements the instruction value and its 8-byte encoding.

import (
	"encoding/binary"
	"fmt"
)

// Register is an eBPF register number, R0 to R10.
type Register uint8

// Registers. R10 is the read-only frame pointer.
const (
	R0 Register = iota
	R1
	R2
	R3
	R4
	R5
	R6
	R7
	R8
	R9
	R10
)

// RFP is the frame pointer.
const RFP = R10

func (r Register) String() string { return fmt.Sprintf("r%d", uint8(r)) }

// InstructionSize is the size of one instruction slot in bytes.
const InstructionSize = 8

// Instruction is one 8-byte instruction slot, as the kernel sees it:
//
//	opcode:8 dst:4 src:4 off:16 imm:32   (little-endian)
//
// A 64-bit immediate load (ld_imm64) takes two slots; the second has opcode
// 0 and carries the upper 32 bits of the constant in Imm. Instruction
// indexes everywhere in callx count slots, like the kernel's.
type Instruction struct {
	Op  OpCode
	Dst Register
	Src Register
	Off int16
	Imm int32
}

// Program is a sequence of instruction slots.
type Program []Instruction

// IsLoadImm64 reports whether the instruction is the first slot of an ld_imm64.
func (ins Instruction) IsLoadImm64() bool { return ins.Op == OpLoadImm64 }

// IsCallX reports whether the instruction is an indirect call.
func (ins Instruction) IsCallX() bool { return ins.Op == OpCallX }

// IsHelperCall reports whether the instruction calls a helper by id.
func (ins Instruction) IsHelperCall() bool {
	return ins.Op == OpCallK && ins.Src == PseudoCallHelper
}

// IsLocalCall reports whether the instruction calls a BPF function pc-relatively.
func (ins Instruction) IsLocalCall() bool {
	return ins.Op == OpCallK && ins.Src == PseudoCall
}

// IsExit reports whether the instruction is exit.
func (ins Instruction) IsExit() bool { return ins.Op == OpExitK }

// Imm64 joins the immediates of an ld_imm64's two slots.
func Imm64(lo, hi Instruction) uint64 {
	return uint64(uint32(lo.Imm)) | uint64(uint32(hi.Imm))<<32
}

// LoadImm64 returns the two slots of `dst = imm ll` with the given pseudo source.
func LoadImm64(dst Register, src Register, imm uint64) [2]Instruction {
	return [2]Instruction{
		{Op: OpLoadImm64, Dst: dst, Src: src, Imm: int32(uint32(imm))},
		{Imm: int32(uint32(imm >> 32))},
	}
}

// Marshal writes the instruction's 8 bytes, little-endian, into b.
func (ins Instruction) Marshal(b []byte) {
	_ = b[7]
	b[0] = byte(ins.Op)
	b[1] = byte(ins.Dst&0x0f) | byte(ins.Src&0x0f)<<4
	binary.LittleEndian.PutUint16(b[2:], uint16(ins.Off))
	binary.LittleEndian.PutUint32(b[4:], uint32(ins.Imm))
}

// Unmarshal reads one instruction from the first 8 bytes of b.
func Unmarshal(b []byte) Instruction {
	_ = b[7]
	return Instruction{
		Op:  OpCode(b[0]),
		Dst: Register(b[1] & 0x0f),
		Src: Register(b[1] >> 4),
		Off: int16(binary.LittleEndian.Uint16(b[2:])),
		Imm: int32(binary.LittleEndian.Uint32(b[4:])),
	}
}

// Bytes encodes the program, 8 bytes per slot.
func (p Program) Bytes() []byte {
	b := make([]byte, len(p)*InstructionSize)
	for i, ins := range p {
		ins.Marshal(b[i*InstructionSize:])
	}
	return b
}

// Word returns the instruction as a 64-bit word with the opcode in the low
// byte (the bpf_conformance "raw" form).
func (ins Instruction) Word() uint64 {
	var b [8]byte
	ins.Marshal(b[:])
	return binary.LittleEndian.Uint64(b[:])
}

// FromWord is the inverse of Word.
func FromWord(w uint64) Instruction {
	var b [8]byte
	binary.LittleEndian.PutUint64(b[:], w)
	return Unmarshal(b[:])
}
