package verifier

// This file implements exports for the external tests: the concrete
// semantics the soundness tests rely on, checked against the engine in
// scalar_engine_test.go.

import (
	"math/rand/v2"

	"github.com/callx/callx/asm"
)

// ConcreteALU and ConcreteCond are concreteALU and concreteCond.
var (
	ConcreteALU  = concreteALU
	ConcreteCond = concreteCond
	Interesting  = interesting
)

// ALUForms returns every ALU instruction form the soundness tests cover,
// with a random valid immediate for the BPF_K ones.
func ALUForms(r *rand.Rand) []asm.Instruction {
	var out []asm.Instruction
	for _, c := range aluCases() {
		ins := c.ins
		if ins.Op.Source() == asm.SourceK && c.imm != nil {
			ins.Imm = c.imm(r)
		}
		out = append(out, ins)
	}
	return out
}

// JumpForms returns every conditional jump form the soundness tests cover.
func JumpForms(r *rand.Rand) []asm.Instruction {
	var out []asm.Instruction
	for _, c := range conditions {
		for _, class := range []asm.Class{asm.ClassJMP, asm.ClassJMP32} {
			out = append(out,
				jmpIns(class, asm.SourceK, c.op, int32(interesting(r))),
				jmpIns(class, asm.SourceX, c.op, 0))
		}
	}
	return out
}
