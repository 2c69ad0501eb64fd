package verifier_test

// This file implements the check that the concrete semantics the scalar
// soundness tests compare against are the engine's: every ALU and jump
// form runs in the engine (package vm) on random values and must give what
// the tests' reference gives.

import (
	"math/rand/v2"
	"testing"

	"github.com/callx/callx/asm"
	"github.com/callx/callx/verifier"
	"github.com/callx/callx/vm"
)

// run loads prog and runs it with r1 = a, r2 = b.
func run(t *testing.T, prog asm.Program, a, b uint64) uint64 {
	t.Helper()
	p, err := vm.Load(prog, vm.Options{})
	if err != nil {
		t.Fatalf("%v: %v", prog, err)
	}
	ret, err := p.NewMachine().Run(a, b)
	if err != nil {
		t.Fatalf("%v: %v", prog, err)
	}
	return ret
}

func TestScalarConcreteSemanticsAreTheEngines(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	for range 20 {
		for _, ins := range verifier.ALUForms(r) {
			// r1 op= r2; r0 = r1; exit
			prog := asm.Program{ins,
				{Op: asm.OpCode(asm.ClassALU64) | asm.OpCode(asm.SourceX) | asm.OpCode(asm.OpMov), Dst: asm.R0, Src: asm.R1},
				{Op: asm.OpExitK}}
			p, err := vm.Load(prog, vm.Options{})
			if err != nil {
				t.Fatalf("%+v: %v", ins, err)
			}
			m := p.NewMachine()
			for range 20 {
				a, b := verifier.Interesting(r), verifier.Interesting(r)
				got, err := m.Run(a, b)
				if err != nil {
					t.Fatalf("%+v: %v", ins, err)
				}
				if want := verifier.ConcreteALU(ins, a, b); got != want {
					t.Fatalf("%+v on %#x, %#x: engine %#x, reference %#x", ins, a, b, got, want)
				}
			}
		}
		for _, ins := range verifier.JumpForms(r) {
			// r0 = 1; if r1 op r2 goto +1; r0 = 0; exit
			ins.Dst, ins.Off = asm.R1, 1
			prog := asm.Program{
				{Op: asm.OpCode(asm.ClassALU64) | asm.OpCode(asm.OpMov), Dst: asm.R0, Imm: 1},
				ins,
				{Op: asm.OpCode(asm.ClassALU64) | asm.OpCode(asm.OpMov), Dst: asm.R0, Imm: 0},
				{Op: asm.OpExitK}}
			for range 20 {
				a, b := verifier.Interesting(r), verifier.Interesting(r)
				if r.IntN(4) == 0 {
					b = a
				}
				got := run(t, prog, a, b) == 1
				if want := verifier.ConcreteCond(ins, a, b); got != want {
					t.Fatalf("%+v on %#x, %#x: engine %v, reference %v", ins, a, b, got, want)
				}
			}
		}
	}
}
