// This file implements the harness's entry points as tests: TestSoundness,
// which generates, mutates and checks programs for a while, and
// FuzzSoundness, which does it for the bytes a fuzzer gives.

package soundness

import (
	"flag"
	"fmt"
	"os"
	"path/filepath"
	"testing"
	"time"
)

var (
	duration = flag.Duration("soundness.duration", 3*time.Second,
		"how long TestSoundness generates and checks programs")
	seedFlag = flag.Uint64("soundness.seed", 0,
		"the first seed TestSoundness generates from (0: one from the clock, printed)")
	verifierFlag = flag.String("soundness.verifier", "callx",
		"the verifier under test: callx, or kernel (the kernel's verdicts stand in for callx's, "+
			"which checks the generator, the engine and the harness)")
	mutants = flag.Int("soundness.mutants", 3,
		"mutants checked per generated program that the kernel (or the verifier) accepts")
	save = flag.Bool("soundness.save", true,
		"write each finding, minimised, into testdata/ as a regression file")
	maxFindings = flag.Int("soundness.maxfindings", 5,
		"stop TestSoundness after this many findings")
	verifyTimeout = flag.Duration("soundness.verifytimeout", DefaultVerifyTimeout,
		"how long the verifier may take over one program before it counts as a hang "+
			"(raise it on a loaded machine: the limit is wall time)")
)

// maxHangs is how many verifier hangs stop TestSoundness: each leaves a
// goroutine running.
const maxHangs = 3

// testdataDir is where findings are saved and TestRegressions reads them.
const testdataDir = "testdata"

// newTestChecker returns the checker the flags ask for.
func newTestChecker(tb testing.TB) *Checker {
	tb.Helper()
	opts := Options{KernelAlways: true, Seed: *seedFlag, VerifyTimeout: *verifyTimeout}
	switch *verifierFlag {
	case "callx":
	case "kernel":
		opts.KernelVerifies = true
	default:
		tb.Fatalf("-soundness.verifier=%s: want callx or kernel", *verifierFlag)
	}
	c, err := NewChecker(opts)
	if err != nil {
		tb.Skip(err)
	}
	tb.Cleanup(c.Close)
	if !c.KernelUsed() {
		tb.Logf("checking without the kernel: %v", c.KernelErr)
	}
	return c
}

// knownFindings returns the classes of the findings saved under
// testdata/ that are still open, and of the kernel bugs saved.
func knownFindings(tb testing.TB) map[string]bool {
	files, err := filepath.Glob(filepath.Join(testdataDir, "*.s"))
	if err != nil {
		tb.Fatal(err)
	}
	kernelBugs, err := filepath.Glob(filepath.Join(testdataDir, "kernel-bugs", "*.s"))
	if err != nil {
		tb.Fatal(err)
	}
	files = append(files, kernelBugs...) // saved once, open or not
	known := map[string]bool{}
	for _, file := range files {
		src, err := os.ReadFile(file)
		if err != nil {
			tb.Fatal(err)
		}
		r, err := ParseRegression(src, file)
		if err != nil {
			tb.Fatal(err)
		}
		if r.Open {
			known[r.Class] = true
		}
	}
	return known
}

// reporter handles the findings of one test.
type reporter struct {
	c     *Checker
	known map[string]bool // classes of open findings under testdata/
	// counts of findings: new ones (errors), known ones, notes (not
	// soundness bugs)
	found, known1, notes int
}

// report handles a finding: a note (not a soundness bug) is logged, the
// first few in full; a finding like an open one under testdata/ is logged
// in a line; a new one is minimised, saved and reported as an error.
func (r *reporter) report(t *testing.T, f *Finding) {
	t.Helper()
	switch {
	case f.Kind == KernelBug && !r.known[f.Class()]:
		// A bug of the kernel's: minimised and kept apart, for upstream.
		r.notes++
		r.known[f.Class()] = true
		if m, err := r.c.Minimize(f); err == nil {
			f = m
		}
		where := ""
		if *save {
			if path, err := f.Save(filepath.Join(testdataDir, "kernel-bugs")); err == nil {
				where = "\nsaved as " + path
			}
		}
		t.Logf("note (a bug of the kernel's, not callx's): %s%s", f.Report(), where)
		return
	case !f.Kind.Unsound():
		r.notes++
		if r.notes <= 3 {
			t.Logf("note (not a soundness bug of callx's): %s (%s):\n%s", f.Error(), f.Program.Origin, f.Program.Disassembly())
		}
		return
	case r.known[f.Class()]:
		r.known1++
		if r.known1 <= 10 {
			t.Logf("known (open under testdata/): %s (%s)", f.Error(), f.Program.Origin)
		}
		return
	}
	r.found++
	if m, err := r.c.Minimize(f); err != nil {
		t.Logf("minimising: %v", err)
	} else {
		f = m
	}
	where := ""
	if *save {
		path, err := f.Save(testdataDir)
		if err != nil {
			t.Errorf("saving the finding: %v", err)
		} else {
			where = "\nsaved as " + path + " (TestRegressions replays it)"
		}
	}
	r.known[f.Class()] = true // once is enough
	t.Errorf("%s%s", f.Report(), where)
}

// TestSoundness generates programs for -soundness.duration, checks each
// and a few mutants of each that is accepted, and fails on any finding.
func TestSoundness(t *testing.T) {
	c := newTestChecker(t)
	seed := *seedFlag
	if seed == 0 {
		seed = uint64(time.Now().UnixNano())
	}
	t.Logf("seeds from %d (rerun with -soundness.seed=%d)", seed, seed)
	r := &reporter{c: c, known: knownFindings(t)}
	deadline := time.Now().Add(*duration)
	generated, mutated := 0, 0
	var longest *Program // a program that ran out of budget
	check := func(p *Program) *Result {
		res, err := c.Check(p)
		if err != nil {
			t.Fatal(err)
		}
		if res.Budget > 0 && longest == nil {
			longest = p
		}
		if res.Finding != nil {
			r.report(t, res.Finding)
		}
		return res
	}
	for n := uint64(0); time.Now().Before(deadline) && r.found < *maxFindings && c.Hangs < maxHangs; n++ {
		p := Generate(NewSource(seed + n))
		p.Origin = fmt.Sprintf("seed %d", seed+n)
		generated++
		res := check(p)
		if !res.Accepted && (res.Kernel == nil || !res.Kernel.Accepted) {
			continue
		}
		ms := NewSource((seed + n) ^ 0x6d75746174650000)
		for k := 0; k < *mutants && time.Now().Before(deadline) && c.Hangs < maxHangs; k++ {
			mutated++
			check(Mutate(p, ms))
		}
	}
	t.Logf("generated %d programs and %d mutants of them\n%s", generated, mutated, c.Stats.String())
	t.Logf("findings: %d new, %d like open ones under testdata/, %d notes (programs the verifier accepts and the engine will not run, kernel bugs)",
		r.found, r.known1, r.notes)
	if longest != nil {
		t.Logf("a program ran out of the engine's budget (it loops, which its verifier accepted):\n%s", longest.Text())
	}
}

// FuzzSoundness generates a program from the fuzzer's bytes (and, as the
// bytes say, mutates it) and checks it.
//
//	go test ./soundness/ -run XXX -fuzz FuzzSoundness -fuzztime=1m -fuzzminimizetime=2s
func FuzzSoundness(f *testing.F) {
	for _, n := range []int{0, 8, 64, 256, 1024} {
		b := make([]byte, n)
		NewSource(uint64(n)).Fill(b)
		f.Add(b)
	}
	c := newTestChecker(f)
	c.opts.KernelAlways = false // speed: the kernel only for what the verifier accepts
	// The fuzzing engine runs a failing input again to minimise it: make
	// the first run's minimisation short (the finding is known after it).
	c.MinimizeTime = 5 * time.Second
	r := &reporter{c: c, known: knownFindings(f)}
	f.Fuzz(func(t *testing.T, data []byte) {
		src := NewByteSource(data)
		p := Generate(src)
		if src.Intn(2) == 1 {
			p = Mutate(p, src)
		}
		res, err := c.Check(p)
		if err != nil {
			t.Fatal(err)
		}
		if res.Finding != nil {
			r.report(t, res.Finding)
		}
	})
}
