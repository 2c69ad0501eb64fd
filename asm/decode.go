package asm

// This file implements decoding of raw bytecode and the structural checks
// every instruction must pass before anything analyses or runs it: known
// opcodes, reserved fields zero, registers in range, whole ld_imm64 pairs.
// The messages are the Linux verifier's.

import "fmt"

// Decode reads raw bytecode (8 bytes per slot), checks every instruction
// and returns the program with legacy callx encodings normalised.
func Decode(b []byte) (Program, error) {
	if len(b)%InstructionSize != 0 {
		return nil, &InsnError{Index: len(b) / InstructionSize,
			Msg: fmt.Sprintf("truncated instruction: %d trailing bytes", len(b)%InstructionSize)}
	}
	p := make(Program, len(b)/InstructionSize)
	for i := range p {
		p[i] = Unmarshal(b[i*InstructionSize:])
	}
	if err := p.Validate(); err != nil {
		return nil, err
	}
	p.Normalize()
	return p, nil
}

// Normalize rewrites the legacy callx encoding (LLVM ≤ 18: register in imm)
// to the current one (register in dst), in place. Run it after Validate.
func (p Program) Normalize() {
	for i := range p {
		if p[i].Op == OpCallX && p[i].Dst == 0 && p[i].Imm != 0 {
			p[i].Dst = Register(p[i].Imm)
			p[i].Imm = 0
		}
	}
}

// CallXTarget returns the register a callx calls through, for both
// encodings, and whether the encoding is valid (INDIRECT-CALLS.md, fine point 1).
func (ins Instruction) CallXTarget() (Register, bool) {
	switch {
	case ins.Src != 0 || ins.Off != 0:
		return 0, false
	case ins.Dst != 0 && ins.Imm == 0:
		return ins.Dst, true
	case ins.Dst == 0 && ins.Imm >= 1 && ins.Imm <= 10:
		return Register(ins.Imm), true
	case ins.Dst == 0 && ins.Imm == 0:
		return R0, true
	}
	return 0, false
}

// Validate checks every instruction of the program; the first bad one is
// returned as an *InsnError.
func (p Program) Validate() error {
	if len(p) == 0 {
		return &InsnError{Index: 0, Msg: "empty program"}
	}
	for i := 0; i < len(p); i++ {
		ins := p[i]
		if msg := ins.check(); msg != "" {
			return &InsnError{Index: i, Msg: msg}
		}
		if ins.IsLoadImm64() {
			if i+1 == len(p) {
				return &InsnError{Index: i, Msg: "invalid bpf_ld_imm64 insn (truncated: no second slot)"}
			}
			hi := p[i+1]
			if hi.Op != 0 || hi.Dst != 0 || hi.Src != 0 || hi.Off != 0 {
				return &InsnError{Index: i, Msg: "invalid bpf_ld_imm64 insn"}
			}
			if (ins.Src == PseudoMapFD || ins.Src == PseudoMapIdx) && hi.Imm != 0 {
				return &InsnError{Index: i, Msg: "unrecognized bpf_ld_imm64 insn"} // a map has no offset
			}
			i++
		}
	}
	return nil
}

// check returns what is wrong with one instruction, or "".
func (ins Instruction) check() string {
	if ins.Dst > R10 {
		return fmt.Sprintf("R%d is invalid", ins.Dst)
	}
	if ins.Src > R10 && !(ins.Op == OpLoadImm64 || ins.Op == OpCallK) {
		return fmt.Sprintf("R%d is invalid", ins.Src)
	}
	unknown := fmt.Sprintf("unknown opcode %02x", uint8(ins.Op))
	switch c := ins.Op.Class(); c {
	case ClassALU, ClassALU64:
		return ins.checkALU(unknown)
	case ClassJMP, ClassJMP32:
		return ins.checkJump(unknown)
	case ClassLDX:
		switch ins.Op.Mode() {
		case ModeMEM:
		case ModeMEMSX:
			if ins.Op.Size() == SizeDW {
				return unknown
			}
		default:
			return unknown
		}
		if ins.Imm != 0 {
			return "BPF_LDX uses reserved fields"
		}
	case ClassST:
		if ins.Op.Mode() != ModeMEM {
			return unknown
		}
		if ins.Src != 0 {
			return "BPF_ST uses reserved fields"
		}
	case ClassSTX:
		switch ins.Op.Mode() {
		case ModeMEM:
			if ins.Imm != 0 {
				return "BPF_STX uses reserved fields"
			}
		case ModeATOMIC:
			if s := ins.Op.Size(); s != SizeW && s != SizeDW {
				return "invalid atomic operand size"
			}
			switch ins.Imm {
			case AtomicAdd, AtomicOr, AtomicAnd, AtomicXor,
				AtomicAdd | AtomicFetch, AtomicOr | AtomicFetch, AtomicAnd | AtomicFetch,
				AtomicXor | AtomicFetch, AtomicXchg, AtomicCmpXchg:
			default:
				return fmt.Sprintf("BPF_ATOMIC uses invalid atomic opcode %02x", uint32(ins.Imm))
			}
		default:
			return unknown
		}
	case ClassLD:
		switch ins.Op.Mode() {
		case ModeIMM:
			if ins.Op.Size() != SizeDW {
				return unknown
			}
			if ins.Off != 0 {
				return "invalid bpf_ld_imm64 insn"
			}
			if ins.Src > PseudoMapIdxValue {
				return "unrecognized bpf_ld_imm64 insn"
			}
		case ModeABS, ModeIND:
			if ins.Op.Size() == SizeDW {
				return unknown
			}
			if ins.Dst != 0 || ins.Off != 0 || (ins.Op.Mode() == ModeABS && ins.Src != 0) {
				return "BPF_LD_[ABS|IND] uses reserved fields"
			}
		default:
			return unknown
		}
	}
	return ""
}

func (ins Instruction) checkALU(unknown string) string {
	op, src, alu64 := ins.Op.ALUOp(), ins.Op.Source(), ins.Op.Class() == ClassALU64
	switch op {
	case OpEnd:
		if ins.Src != 0 || ins.Off != 0 || (ins.Imm != 16 && ins.Imm != 32 && ins.Imm != 64) ||
			(alu64 && src != SourceK) {
			return "BPF_END uses reserved fields"
		}
	case OpNeg:
		if src != SourceK || ins.Src != 0 || ins.Off != 0 || ins.Imm != 0 {
			return "BPF_NEG uses reserved fields"
		}
	case OpMov:
		if src == SourceX {
			okOff := ins.Off == 0 || ins.Off == 8 || ins.Off == 16 || (alu64 && ins.Off == 32)
			if ins.Imm != 0 || !okOff {
				return "BPF_MOV uses reserved fields"
			}
		} else if ins.Src != 0 || ins.Off != 0 {
			return "BPF_MOV uses reserved fields"
		}
	case OpAdd, OpSub, OpMul, OpDiv, OpOr, OpAnd, OpLsh, OpRsh, OpMod, OpXor, OpArsh:
		signedOK := ins.Off == 0 || (ins.Off == 1 && (op == OpDiv || op == OpMod))
		if src == SourceX {
			if ins.Imm != 0 || !signedOK {
				return "BPF_ALU uses reserved fields"
			}
		} else if ins.Src != 0 || !signedOK {
			return "BPF_ALU uses reserved fields"
		}
	default:
		return unknown
	}
	return ""
}

func (ins Instruction) checkJump(unknown string) string {
	op, src, jmp32 := ins.Op.JumpOp(), ins.Op.Source(), ins.Op.Class() == ClassJMP32
	switch op {
	case OpJA:
		if src != SourceK {
			return unknown
		}
		if ins.Src != 0 || ins.Dst != 0 || (!jmp32 && ins.Imm != 0) || (jmp32 && ins.Off != 0) {
			return "BPF_JA uses reserved fields"
		}
	case OpCall:
		if jmp32 {
			return unknown
		}
		if src == SourceX {
			if _, ok := ins.CallXTarget(); !ok {
				return "BPF_CALL|BPF_X uses reserved fields"
			}
			return ""
		}
		if ins.Dst != 0 || (ins.Off != 0 && ins.Src != PseudoKfuncCall) || ins.Src > PseudoKfuncCall {
			return "BPF_CALL uses reserved fields"
		}
	case OpExit:
		if jmp32 || src != SourceK {
			return unknown
		}
		if ins.Src != 0 || ins.Dst != 0 || ins.Off != 0 || ins.Imm != 0 {
			return "BPF_EXIT uses reserved fields"
		}
	case OpJCond:
		if jmp32 || src != SourceK {
			return unknown
		}
		if ins.Src != PseudoMayGoto || ins.Dst != 0 || ins.Imm != 0 {
			return "BPF_JCOND uses reserved fields"
		}
	case 0xf0:
		return unknown
	default:
		if src == SourceX {
			if ins.Imm != 0 {
				return "BPF_JMP/JMP32 uses reserved fields"
			}
		} else if ins.Src != 0 {
			return "BPF_JMP/JMP32 uses reserved fields"
		}
	}
	return ""
}
