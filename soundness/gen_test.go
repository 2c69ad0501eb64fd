// This file implements the tests of the generator, the mutator and the
// editing of programs: programs are well-formed, laid out as the kernel's
// control-flow pass wants, read back from their text, mostly valid to the
// kernel, and cover the features the harness is for.

package soundness

import (
	"bytes"
	"encoding/binary"
	"slices"
	"testing"

	"github.com/callx/callx/asm"
	"github.com/callx/callx/verifier"
)

func TestGenerateDeterministic(t *testing.T) {
	for seed := range uint64(20) {
		a, b := Generate(NewSource(seed)), Generate(NewSource(seed))
		if !slices.Equal(a.Insns, b.Insns) || a.Type != b.Type {
			t.Fatalf("seed %d: two generations differ", seed)
		}
	}
	data := []byte("the same bytes make the same program")
	if a, b := Generate(NewByteSource(data)), Generate(NewByteSource(data)); !slices.Equal(a.Insns, b.Insns) {
		t.Fatal("two generations from the same bytes differ")
	}
}

// TestGenerateWellFormed checks that every generated program is made of
// valid instructions, passes the kernel's control-flow pass (no jump out
// of a function, no unreachable code: faults are in what the program
// does, never in its shape), and reads back from its text.
func TestGenerateWellFormed(t *testing.T) {
	n := 500
	if testing.Short() {
		n = 100
	}
	for seed := range uint64(n) {
		p := Generate(NewSource(seed))
		if err := p.Insns.Validate(); err != nil {
			t.Fatalf("seed %d: %v\n%s", seed, err, p.Disassembly())
		}
		if _, err := verifier.CheckCFG(p.Insns); err != nil {
			t.Fatalf("seed %d: the control-flow pass refuses it: %v\n%s", seed, err, p.Disassembly())
		}
		q, err := ParseProgram(p.Text("a comment", "type: not a header"), "gen.s")
		if err != nil {
			t.Fatalf("seed %d: %v\n%s", seed, err, p.Text())
		}
		if !slices.Equal(p.Insns, q.Insns) || p.Type != q.Type || !slices.Equal(p.Maps, q.Maps) {
			t.Fatalf("seed %d: the program does not read back from its text:\n%s", seed, p.Text())
		}
	}
}

// TestGenerateFromBytes checks that a fuzzer's short inputs give short,
// valid programs: a byte source that has run out makes every plain choice.
func TestGenerateFromBytes(t *testing.T) {
	for _, data := range [][]byte{nil, {0}, {1}, {0xff, 0xff, 0xff}} {
		p := Generate(NewByteSource(data))
		if len(p.Insns) > 32 {
			t.Errorf("%x: %d slots, want a short program", data, len(p.Insns))
		}
		if _, err := verifier.CheckCFG(p.Insns); err != nil {
			t.Errorf("%x: %v", data, err)
		}
	}
}

// TestGenerateCoverage checks that the generator writes every feature the
// harness is for, and faults in some programs but not in most.
func TestGenerateCoverage(t *testing.T) {
	features := map[string]int{}
	faulty := 0
	const n = 400
	for seed := range uint64(n) {
		_, g := generate(NewSource(seed))
		for f, k := range g.features {
			features[f] += k
		}
		if g.faults > 0 {
			faulty++
		}
	}
	for _, f := range []string{"alu", "branch", "loop", "stack", "pointer spill", "ctx", "packet",
		"packet guard", "packet access", "packet variable offset", "ld_abs", "map lookup", "map guard",
		"map access", "map variable offset", "map direct value", "map update", "atomic", "helper",
		"xdp adjust", "skb_load_bytes", "bpf-to-bpf call", "caller stack", "bpf_loop", "early exit"} {
		if features[f] == 0 {
			t.Errorf("no program of %d has %q", n, f)
		}
	}
	if faulty < n/5 || faulty > n*3/4 {
		t.Errorf("%d programs of %d have faults, want between a fifth and three quarters", faulty, n)
	}
}

// TestGenerateKernelAccepts checks, where the kernel is available, that
// the generator's programs are plausible: the kernel accepts most of
// them, and every one without a fault.
func TestGenerateKernelAccepts(t *testing.T) {
	c, err := NewChecker(Options{KernelVerifies: true})
	if err != nil {
		t.Skip(err)
	}
	defer c.Close()
	accepted, clean, cleanAccepted := 0, 0, 0
	const n = 300
	for seed := range uint64(n) {
		p, g := generate(NewSource(seed))
		v, err := c.kernel.verify(p, 0)
		if err != nil {
			t.Fatal(err)
		}
		if v.Accepted {
			accepted++
		}
		if g.faults == 0 {
			clean++
			if v.Accepted {
				cleanAccepted++
			} else if lv, err := c.kernel.verify(p, 1); err == nil && cleanAccepted+10 > clean {
				t.Logf("seed %d has no fault, and the kernel rejects it: %s", seed, kernelReason(lv.Log))
			}
		}
	}
	t.Logf("the kernel accepts %d of %d programs, %d of the %d without faults", accepted, n, cleanAccepted, clean)
	if accepted < n/2 {
		t.Errorf("the kernel accepts %d of %d programs, want at least half", accepted, n)
	}
	if cleanAccepted < clean*9/10 {
		t.Errorf("the kernel accepts %d of the %d programs without faults, want 90%%", cleanAccepted, clean)
	}
}

func TestMutate(t *testing.T) {
	s := NewSource(7)
	changed := 0
	for seed := range uint64(200) {
		p := Generate(NewSource(seed))
		q := Mutate(p, s)
		if len(q.Insns) != len(p.Insns) {
			t.Fatalf("seed %d: the mutant has %d slots, the program %d", seed, len(q.Insns), len(p.Insns))
		}
		if err := q.Insns.Validate(); err != nil {
			t.Fatalf("seed %d: the mutant is not well-formed: %v (%s)", seed, err, q.Origin)
		}
		diff := 0
		for i := range p.Insns {
			if p.Insns[i] != q.Insns[i] && !secondSlot(p.Insns, i) {
				diff++
			}
		}
		if diff > 1 {
			t.Fatalf("seed %d: %d instructions changed (%s)", seed, diff, q.Origin)
		}
		if diff == 1 {
			changed++
			if q.Origin == "" {
				t.Fatalf("seed %d: the mutant does not say what changed", seed)
			}
		}
	}
	if changed < 190 {
		t.Errorf("%d of 200 mutants changed, want nearly all", changed)
	}
}

func TestDeleteSlots(t *testing.T) {
	p, err := asm.Assemble([]byte(`
		r0 = 0            # 0
		if r1 > 3 goto +3 # 1: to 5
		r0 = 1            # 2
		r2 = 5 ll         # 3, 4
		call pc+2         # 5: to 8
		goto -6           # 6: to 1
		exit              # 7
		r0 = 2            # 8
		exit              # 9
	`), "del.s")
	if err != nil {
		t.Fatal(err)
	}
	want, err := asm.Assemble([]byte(`
		r0 = 0
		if r1 > 3 goto +1
		r0 = 1
		call pc+2
		goto -4
		exit
		r0 = 2
		exit
	`), "want.s")
	if err != nil {
		t.Fatal(err)
	}
	got, ok := deleteSlots(p, 3, 2)
	if !ok || !slices.Equal(got, want) {
		t.Fatalf("deleting the ld_imm64:\n%s\nwant:\n%s", asm.Disassemble(got), asm.Disassemble(want))
	}
	if _, ok := deleteSlots(p, 4, 1); ok {
		t.Error("deleted the second slot of an ld_imm64 alone")
	}
	if _, ok := deleteSlots(p, 2, 2); ok {
		t.Error("deleted the first slot of an ld_imm64 alone")
	}
	// A jump to a deleted instruction goes to the one after it.
	got, ok = deleteSlots(p, 5, 1)
	if !ok || got[1].Off != 3 {
		t.Errorf("a jump to the deleted call: off %d, want 3 (to what follows it)", got[1].Off)
	}
}

// TestKernelInstructions checks that the program the kernel is given is
// the program callx is given, but for the map file descriptors.
func TestKernelInstructions(t *testing.T) {
	for seed := range uint64(50) {
		p := Generate(NewSource(seed))
		insns, err := kernelInstructions(p.Insns, nil) // no maps: every index out of range
		if err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		var b bytes.Buffer
		if err := insns.Marshal(&b, binary.LittleEndian); err != nil {
			t.Fatalf("seed %d: %v", seed, err)
		}
		got, want := b.Bytes(), p.Insns.Bytes()
		if len(got) != len(want) {
			t.Fatalf("seed %d: %d bytes for the kernel, %d for callx", seed, len(got), len(want))
		}
		for i := range p.Insns {
			g, w := asm.Unmarshal(got[8*i:]), p.Insns[i]
			if p.Insns[i].IsLoadImm64() && (w.Src == asm.PseudoMapIdx || w.Src == asm.PseudoMapIdxValue) {
				// the map index is now fd -1 (no maps here), the source a fd one
				if g.Imm != -1 || g.Dst != w.Dst || (g.Src != asm.PseudoMapFD && g.Src != asm.PseudoMapValue) {
					t.Fatalf("seed %d, slot %d: %s for the kernel, %s for callx", seed, i, asm.FormatInstruction(asm.Program{g, {}}, 0), asm.FormatInstruction(p.Insns, i))
				}
				continue
			}
			if g != w {
				t.Fatalf("seed %d, slot %d: %+v for the kernel, %+v for callx", seed, i, g, w)
			}
		}
	}
}
