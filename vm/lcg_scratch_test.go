package vm

import (
	"testing"

	"github.com/callx/callx/asm"
)

func lcgProgram(n int32) asm.Program {
	return asm.Program{
		{Op: 0xb7, Dst: 0, Imm: 1},
		{Op: 0xb7, Dst: 1, Imm: n},
		{Op: 0x27, Dst: 0, Imm: 1103515245},
		{Op: 0x07, Dst: 0, Imm: 12345},
		{Op: 0x57, Dst: 0, Imm: 0x7fffffff},
		{Op: 0x07, Dst: 1, Imm: -1},
		{Op: 0x55, Dst: 1, Off: -5},
		{Op: 0x95},
	}
}

func BenchmarkScratchLCG(b *testing.B) {
	p, err := Load(lcgProgram(1000), Options{})
	if err != nil {
		b.Fatal(err)
	}
	m := p.NewMachine()
	b.ResetTimer()
	for i := 0; i < b.N; i++ {
		if _, err := m.RunRaw(nil); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(m.Executed()), "ns/insn")
}
