package asm

// This file implements the eBPF opcode byte: class, size, mode, source and
// operation fields, as Linux (include/uapi/linux/bpf.h) and RFC 9669 define them.
//
//	  7 6 5 4 3 2 1 0
//	 +-------+-+-----+
//	 |  op   |s|class|   ALU, ALU64, JMP, JMP32   (s: source, K or X)
//	 +---+---+-+-----+
//	 |mde|siz| class |   LD, LDX, ST, STX
//	 +---+---+-------+

// OpCode is the first byte of an instruction.
type OpCode uint8

// Class is the low three bits of an opcode.
type Class uint8

// Instruction classes.
const (
	ClassLD    Class = 0x00
	ClassLDX   Class = 0x01
	ClassST    Class = 0x02
	ClassSTX   Class = 0x03
	ClassALU   Class = 0x04
	ClassJMP   Class = 0x05
	ClassJMP32 Class = 0x06
	ClassALU64 Class = 0x07
)

// Size is the access width field of load and store opcodes.
type Size uint8

// Access widths.
const (
	SizeW  Size = 0x00 // 4 bytes
	SizeH  Size = 0x08 // 2 bytes
	SizeB  Size = 0x10 // 1 byte
	SizeDW Size = 0x18 // 8 bytes
)

// Bytes is the width in bytes.
func (s Size) Bytes() int {
	switch s {
	case SizeB:
		return 1
	case SizeH:
		return 2
	case SizeW:
		return 4
	}
	return 8
}

// Mode is the addressing mode field of load and store opcodes.
type Mode uint8

// Addressing modes.
const (
	ModeIMM    Mode = 0x00 // ld_imm64
	ModeABS    Mode = 0x20 // legacy packet access
	ModeIND    Mode = 0x40 // legacy packet access
	ModeMEM    Mode = 0x60
	ModeMEMSX  Mode = 0x80 // sign-extending load (v4)
	ModeATOMIC Mode = 0xc0
)

// Source selects the second operand of ALU and JMP opcodes.
type Source uint8

// Operand sources.
const (
	SourceK Source = 0x00 // the 32-bit immediate
	SourceX Source = 0x08 // the src register
)

// ALUOp is the operation field of ALU and ALU64 opcodes.
type ALUOp uint8

// ALU operations.
const (
	OpAdd  ALUOp = 0x00
	OpSub  ALUOp = 0x10
	OpMul  ALUOp = 0x20
	OpDiv  ALUOp = 0x30
	OpOr   ALUOp = 0x40
	OpAnd  ALUOp = 0x50
	OpLsh  ALUOp = 0x60
	OpRsh  ALUOp = 0x70
	OpNeg  ALUOp = 0x80
	OpMod  ALUOp = 0x90
	OpXor  ALUOp = 0xa0
	OpMov  ALUOp = 0xb0
	OpArsh ALUOp = 0xc0
	OpEnd  ALUOp = 0xd0 // byte swap; the source bit selects le (K) or be (X)
)

// JumpOp is the operation field of JMP and JMP32 opcodes.
type JumpOp uint8

// Jump operations.
const (
	OpJA    JumpOp = 0x00
	OpJEQ   JumpOp = 0x10
	OpJGT   JumpOp = 0x20
	OpJGE   JumpOp = 0x30
	OpJSET  JumpOp = 0x40
	OpJNE   JumpOp = 0x50
	OpJSGT  JumpOp = 0x60
	OpJSGE  JumpOp = 0x70
	OpCall  JumpOp = 0x80
	OpExit  JumpOp = 0x90
	OpJLT   JumpOp = 0xa0
	OpJLE   JumpOp = 0xb0
	OpJSLT  JumpOp = 0xc0
	OpJSLE  JumpOp = 0xd0
	OpJCond JumpOp = 0xe0 // may_goto (src = PseudoMayGoto)
)

// Atomic operations, held in the imm field of ATOMIC-mode stores.
const (
	AtomicAdd     int32 = 0x00
	AtomicOr      int32 = 0x40
	AtomicAnd     int32 = 0x50
	AtomicXor     int32 = 0xa0
	AtomicFetch   int32 = 0x01
	AtomicXchg    int32 = 0xe0 | AtomicFetch
	AtomicCmpXchg int32 = 0xf0 | AtomicFetch
)

// Pseudo sources of ld_imm64 (src_reg), as in include/uapi/linux/bpf.h.
const (
	PseudoNone        = 0
	PseudoMapFD       = 1
	PseudoMapValue    = 2
	PseudoBTFID       = 3
	PseudoFunc        = 4
	PseudoMapIdx      = 5
	PseudoMapIdxValue = 6
)

// Pseudo sources of call (src_reg).
const (
	PseudoCallHelper = 0 // imm is a helper id
	PseudoCall       = 1 // imm is the pc-relative offset of a BPF function
	PseudoKfuncCall  = 2 // imm is a BTF id of a kernel function
)

// PseudoMayGoto is the src_reg of a may_goto (JMP|JCOND).
const PseudoMayGoto = 0

// Well-known opcodes.
const (
	OpLoadImm64 OpCode = OpCode(ClassLD) | OpCode(SizeDW) | OpCode(ModeIMM)  // 0x18
	OpCallK     OpCode = OpCode(ClassJMP) | OpCode(OpCall)                   // 0x85
	OpCallX     OpCode = OpCode(ClassJMP) | OpCode(OpCall) | OpCode(SourceX) // 0x8d: callx
	OpExitK     OpCode = OpCode(ClassJMP) | OpCode(OpExit)                   // 0x95
)

// Class returns the instruction class.
func (op OpCode) Class() Class { return Class(op & 0x07) }

// Size returns the width field of a load or store.
func (op OpCode) Size() Size { return Size(op & 0x18) }

// Mode returns the mode field of a load or store.
func (op OpCode) Mode() Mode { return Mode(op & 0xe0) }

// Source returns the source bit of an ALU or jump.
func (op OpCode) Source() Source { return Source(op & 0x08) }

// ALUOp returns the operation of an ALU or ALU64 opcode.
func (op OpCode) ALUOp() ALUOp { return ALUOp(op & 0xf0) }

// JumpOp returns the operation of a JMP or JMP32 opcode.
func (op OpCode) JumpOp() JumpOp { return JumpOp(op & 0xf0) }

// IsALU reports whether the class is ALU or ALU64.
func (c Class) IsALU() bool { return c == ClassALU || c == ClassALU64 }

// IsJump reports whether the class is JMP or JMP32.
func (c Class) IsJump() bool { return c == ClassJMP || c == ClassJMP32 }

// IsLoadStore reports whether the class is LD, LDX, ST or STX.
func (c Class) IsLoadStore() bool { return c <= ClassSTX }

func (c Class) String() string {
	return [...]string{"ld", "ldx", "st", "stx", "alu", "jmp", "jmp32", "alu64"}[c&7]
}
