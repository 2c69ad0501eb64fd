package vm

import (
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/callx/callx/asm"
)

// loadExample assembles and loads one of the examples (C compiled by
// clang-19), or a file under testdata when name starts with "testdata/".
func loadExample(tb testing.TB, name string) *Program {
	tb.Helper()
	path := filepath.Join("..", "examples", name)
	if strings.HasPrefix(name, "testdata/") {
		path = name
	}
	src, err := os.ReadFile(path)
	if err != nil {
		tb.Fatal(err)
	}
	insns, err := asm.Assemble(src, path)
	if err != nil {
		tb.Fatal(err)
	}
	p, err := Load(insns, Options{})
	if err != nil {
		tb.Fatal(err)
	}
	return p
}

func randomBytes(n int) []byte {
	r := rand.New(rand.NewPCG(1, 2))
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(r.Uint32())
	}
	return b
}

// benchmarks are the interpreter benchmarks BENCHMARKS.md reports.
var benchmarks = []struct {
	name, file string
	input      []byte
}{
	{"LCG", "lcg.s", nil},                         // ALU-bound loop, clang's shape
	{"LCGRotated", "testdata/lcg_rotated.s", nil}, // the same loop, bottom-tested by hand
	{"Primes", "primes.s", []byte{255}},           // sieve + trial division
	{"Calls", "calls.s", nil},                     // bpf-to-bpf calls, 3 frames deep
	{"Memory", "memory.s", randomBytes(128)},      // copy + insertion sort on the stack
	{"Dispatch", "dispatch.s", randomBytes(64)},   // callx through function values
}

func BenchmarkInterpreter(b *testing.B) {
	for _, bm := range benchmarks {
		b.Run(bm.name, func(b *testing.B) {
			m := loadExample(b, bm.file).NewMachine()
			for b.Loop() {
				if _, err := m.RunRaw(bm.input); err != nil {
					b.Fatal(err)
				}
			}
			ns := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
			b.ReportMetric(float64(m.Executed()), "insns/run")
			b.ReportMetric(ns/float64(m.Executed()), "ns/insn")
		})
	}
}

// TestRunDoesNotAllocate: a run allocates nothing, whatever the program does.
func TestRunDoesNotAllocate(t *testing.T) {
	for _, bm := range benchmarks {
		m := loadExample(t, bm.file).NewMachine()
		if _, err := m.RunRaw(bm.input); err != nil {
			t.Fatal(err)
		}
		if n := testing.AllocsPerRun(20, func() { m.RunRaw(bm.input) }); n != 0 {
			t.Errorf("%s: %.1f allocations per run, want 0", bm.name, n)
		}
	}
}
