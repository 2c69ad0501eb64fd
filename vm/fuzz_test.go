package vm

import (
	"bytes"
	"errors"
	"testing"

	"github.com/callx/callx/asm"
)

// prologue writes every register, so that random programs pass the
// register check and reach the interpreter.
var prologue = asm.Program{
	{Op: 0xb7, Dst: 0, Imm: 0},   // r0 = 0
	{Op: 0xbf, Dst: 3, Src: 10},  // r3 = r10
	{Op: 0x07, Dst: 3, Imm: -64}, // r3 += -64
	{Op: 0xb7, Dst: 4, Imm: 7},   // r4 = 7
	{Op: 0xbf, Dst: 5, Src: 1},   // r5 = r1
	{Op: 0xb7, Dst: 6, Imm: -1},  // r6 = -1
	{Op: 0xbf, Dst: 7, Src: 10},  // r7 = r10
	{Op: 0xb7, Dst: 8, Imm: 0},   // r8 = 0
	{Op: 0xb7, Dst: 9, Imm: 1},   // r9 = 1
}

// FuzzRun checks the engine's safety on arbitrary instruction streams:
// lowering and running never panic, a run ends in a result or a *Trap
// naming an instruction of the program, and the caller's input is never
// written (the program works on a copy).
func FuzzRun(f *testing.F) {
	f.Add(asm.Program{{Op: 0x79, Dst: 0, Src: 5, Off: 0}, {Op: 0x95}}.Bytes(), []byte{1, 2, 3, 4, 5, 6, 7, 8})
	f.Add(asm.Program{{Op: 0x7b, Dst: 3, Src: 6, Off: 0}, {Op: 0x79, Dst: 0, Src: 3}, {Op: 0x95}}.Bytes(), []byte{})
	f.Add(asm.Program{{Op: 0x85, Src: 1, Imm: 1}, {Op: 0x95}, {Op: 0x85, Src: 1, Imm: -1}, {Op: 0x95}}.Bytes(), []byte{0})
	f.Add(asm.Program{{Op: 0x8d, Dst: 5}, {Op: 0x95}}.Bytes(), []byte{9})
	f.Add(asm.Program{{Op: 0xdb, Dst: 3, Src: 6, Imm: asm.AtomicCmpXchg}, {Op: 0x05, Off: -2}, {Op: 0x95}}.Bytes(), []byte{})
	f.Fuzz(func(t *testing.T, code []byte, input []byte) {
		body := make(asm.Program, len(code)/8)
		for i := range body {
			body[i] = asm.Unmarshal(code[i*8:])
		}
		insns := append(append(append(asm.Program{}, prologue...), body...), asm.Instruction{Op: asm.OpExitK})
		p, err := Load(insns, Options{Budget: 10000})
		if err != nil {
			var le *LoadError
			var ie *asm.InsnError
			if !errors.As(err, &le) && !errors.As(err, &ie) {
				t.Fatalf("Load error of type %T: %v", err, err)
			}
			return
		}
		saved := bytes.Clone(input)
		m := p.NewMachine()
		for range 2 { // a second run starts from the first run's stack
			_, err = m.RunRaw(input)
			if err != nil {
				var trap *Trap
				if !errors.As(err, &trap) {
					t.Fatalf("run error of type %T: %v", err, err)
				}
				if errors.Is(err, ErrInternal) {
					t.Fatalf("internal error: %v", err)
				}
				if trap.Index < 0 || trap.Index >= len(insns) {
					t.Fatalf("trap at insn %d outside the program of %d: %v", trap.Index, len(insns), err)
				}
			}
			if !bytes.Equal(input, saved) {
				t.Fatalf("the caller's input was written")
			}
		}
	})
}
