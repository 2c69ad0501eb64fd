package asm

import (
	"errors"
	"testing"
)

func TestDecodeRejects(t *testing.T) {
	exit := Instruction{Op: OpExitK}
	tests := []struct {
		desc  string
		insns Program
		index int
		msg   string
	}{
		{"JMP32|CALL|X is not an opcode", Program{{Op: 0x8e, Dst: 1}, exit}, 0, "unknown opcode 8e"},
		{"ALU op 0xe0", Program{{Op: 0xe7}, exit}, 0, "unknown opcode e7"},
		{"add with offset", Program{{Op: 0x07, Off: 1, Imm: 1}, exit}, 0, "BPF_ALU uses reserved fields"},
		{"add imm with src", Program{{Op: 0x07, Src: 1, Imm: 1}, exit}, 0, "BPF_ALU uses reserved fields"},
		{"add reg with imm", Program{{Op: 0x0f, Imm: 1}, exit}, 0, "BPF_ALU uses reserved fields"},
		{"sdiv is fine, signed lsh is not", Program{{Op: 0x3f, Off: 1}, {Op: 0x6f, Off: 1}, exit}, 1, "BPF_ALU uses reserved fields"},
		{"neg with imm", Program{{Op: 0x87, Imm: 1}, exit}, 0, "BPF_NEG uses reserved fields"},
		{"be with bad width", Program{{Op: 0xdc, Imm: 8}, exit}, 0, "BPF_END uses reserved fields"},
		{"ALU64 END with X", Program{{Op: 0xdf, Imm: 16}, exit}, 0, "BPF_END uses reserved fields"},
		{"movsx 32 in 32-bit ALU", Program{{Op: 0xbc, Off: 32}, exit}, 0, "BPF_MOV uses reserved fields"},
		{"ldx with imm", Program{{Op: 0x79, Src: 10, Off: -8, Imm: 1}, exit}, 0, "BPF_LDX uses reserved fields"},
		{"ldxsdw does not exist", Program{{Op: 0x99}, exit}, 0, "unknown opcode 99"},
		{"st with src", Program{{Op: 0x7a, Dst: 10, Src: 1, Off: -8}, exit}, 0, "BPF_ST uses reserved fields"},
		{"atomic on a byte", Program{{Op: 0xd3, Dst: 10, Src: 1, Off: -8}, exit}, 0, "invalid atomic operand size"},
		{"atomic sub", Program{{Op: 0xdb, Dst: 10, Src: 1, Off: -8, Imm: 0x10}, exit}, 0, "BPF_ATOMIC uses invalid atomic opcode 10"},
		{"ja with imm", Program{{Op: 0x05, Imm: 1}, exit}, 0, "BPF_JA uses reserved fields"},
		{"gotol with off", Program{{Op: 0x06, Off: 1}, exit}, 0, "BPF_JA uses reserved fields"},
		{"call with dst", Program{{Op: 0x85, Dst: 1, Imm: 1}, exit}, 0, "BPF_CALL uses reserved fields"},
		{"callx with dst and imm", Program{{Op: 0x8d, Dst: 1, Imm: 2}, exit}, 0, "BPF_CALL|BPF_X uses reserved fields"},
		{"callx with src", Program{{Op: 0x8d, Dst: 1, Src: 2}, exit}, 0, "BPF_CALL|BPF_X uses reserved fields"},
		{"callx legacy imm 11", Program{{Op: 0x8d, Imm: 11}, exit}, 0, "BPF_CALL|BPF_X uses reserved fields"},
		{"exit with src", Program{{Op: 0x95, Src: 1}}, 0, "BPF_EXIT uses reserved fields"},
		{"jeq reg with imm", Program{{Op: 0x1d, Imm: 1}, exit}, 0, "BPF_JMP/JMP32 uses reserved fields"},
		{"register 11", Program{{Op: 0xb7, Dst: 11}, exit}, 0, "R11 is invalid"},
		{"truncated ld_imm64", Program{exit, {Op: 0x18, Dst: 1}}, 1, "invalid bpf_ld_imm64 insn (truncated: no second slot)"},
		{"ld_imm64 second slot has an opcode", Program{{Op: 0x18, Dst: 1}, exit}, 0, "invalid bpf_ld_imm64 insn"},
		{"ld_imm64 pseudo 7", Program{{Op: 0x18, Dst: 1, Src: 7}, {}, exit}, 0, "unrecognized bpf_ld_imm64 insn"},
		{"map fd with an offset", Program{{Op: 0x18, Dst: 1, Src: PseudoMapFD, Imm: 3}, {Imm: 1}, exit}, 0, "unrecognized bpf_ld_imm64 insn"},
		{"ld_abs with dst", Program{{Op: 0x20, Dst: 1}, exit}, 0, "BPF_LD_[ABS|IND] uses reserved fields"},
		{"empty", Program{}, 0, "empty program"},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			_, err := Decode(tt.insns.Bytes())
			var ie *InsnError
			if !errors.As(err, &ie) {
				t.Fatalf("Decode: got %v, want an *InsnError", err)
			}
			if ie.Index != tt.index || ie.Msg != tt.msg {
				t.Errorf("got insn %d %q, want insn %d %q", ie.Index, ie.Msg, tt.index, tt.msg)
			}
		})
	}
}

func TestDecodeTruncatedBytes(t *testing.T) {
	_, err := Decode(make([]byte, 12))
	var ie *InsnError
	if !errors.As(err, &ie) || ie.Index != 1 {
		t.Fatalf("got %v, want an *InsnError at insn 1", err)
	}
}

// TestCallXEncodings follows INDIRECT-CALLS.md, fine point 1.
func TestCallXEncodings(t *testing.T) {
	tests := []struct {
		desc string
		ins  Instruction
		want Register
	}{
		{"register in dst (LLVM >= 19)", Instruction{Op: OpCallX, Dst: 2}, R2},
		{"register in imm (LLVM <= 18)", Instruction{Op: OpCallX, Imm: 2}, R2},
		{"legacy r10", Instruction{Op: OpCallX, Imm: 10}, R10},
		{"all zero is callx r0", Instruction{Op: OpCallX}, R0},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			p, err := Decode(Program{tt.ins, {Op: OpExitK}}.Bytes())
			if err != nil {
				t.Fatal(err)
			}
			if p[0].Dst != tt.want || p[0].Imm != 0 {
				t.Errorf("normalised to dst=%v imm=%d, want dst=%v imm=0", p[0].Dst, p[0].Imm, tt.want)
			}
		})
	}
}

func TestDecodeAcceptsEveryOpcodeFamily(t *testing.T) {
	p := Program{
		{Op: 0x07, Dst: 1, Imm: 1},          // r1 += 1
		{Op: 0x3f, Dst: 1, Src: 2, Off: 1},  // r1 s/= r2
		{Op: 0x9c, Dst: 1, Src: 2, Off: 1},  // w1 s%= w2
		{Op: 0xbf, Dst: 1, Src: 2, Off: 32}, // r1 = (s32)r2
		{Op: 0xd7, Dst: 1, Imm: 64},         // r1 = bswap64 r1
		{Op: 0xdc, Dst: 1, Imm: 16},         // r1 = be16 r1
		{Op: 0x91, Dst: 1, Src: 2, Off: 2},  // r1 = *(s8 *)(r2 + 2)
		{Op: 0xc3, Dst: 10, Src: 1, Off: -8, Imm: AtomicXor | AtomicFetch},
		{Op: 0xdb, Dst: 10, Src: 1, Off: -8, Imm: AtomicCmpXchg},
		{Op: 0x06, Imm: 0},                  // gotol +0
		{Op: 0x18, Dst: 1, Src: PseudoFunc}, // r1 = func ll
		{},
		{Op: 0x8d, Dst: 1},  // callx r1
		{Op: 0x85, Imm: 5},  // call 5
		{Op: 0xe5, Off: 0},  // may_goto +0
		{Op: 0x30, Imm: 12}, // r0 = *(u8 *)skb[12]
		{Op: 0x40, Src: 3},  // r0 = *(u32 *)skb[r3]
		{Op: 0x95},
	}
	if _, err := Decode(p.Bytes()); err != nil {
		t.Fatal(err)
	}
}

// FuzzDecode: decoding never panics, a program comes back exactly when
// there is no error, and a decoded program encodes and decodes to itself.
func FuzzDecode(f *testing.F) {
	f.Add(Program{{Op: 0x18, Dst: 1}, {}, {Op: 0x95}}.Bytes())
	f.Add(Program{{Op: 0x8d, Imm: 3}, {Op: 0x95}}.Bytes())
	f.Add([]byte{0x95, 0, 0, 0, 0, 0, 0})
	f.Fuzz(func(t *testing.T, b []byte) {
		p, err := Decode(b)
		if (p == nil) == (err == nil) {
			t.Fatalf("program %v with error %v", p, err)
		}
		if err != nil {
			return
		}
		again, err := Decode(p.Bytes())
		if err != nil {
			t.Fatalf("re-decoding: %v", err)
		}
		if len(again) != len(p) {
			t.Fatalf("re-decoded %d instructions, want %d", len(again), len(p))
		}
		for i := range p {
			if again[i] != p[i] {
				t.Fatalf("insn %d: %+v became %+v", i, p[i], again[i])
			}
		}
	})
}
