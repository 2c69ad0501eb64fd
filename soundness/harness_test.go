// This file implements the tests of the harness itself: with a verifier
// that accepts everything, it must find what is wrong with unsafe
// programs, in the kernel and in the engine, minimise them and write them
// as regression files that read back.

package soundness

import (
	"errors"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/callx/callx/asm"
	"github.com/callx/callx/kernel"
	"github.com/callx/callx/verifier"
	"github.com/callx/callx/vm"
)

// acceptAll is a verifier that accepts every program.
func acceptAll(insns asm.Program, _ verifier.Options) (*verifier.Verified, error) {
	return &verifier.Verified{Insns: insns}, nil
}

func mustParse(t *testing.T, src string) *Program {
	t.Helper()
	p, err := ParseProgram([]byte(src), t.Name()+".s")
	if err != nil {
		t.Fatal(err)
	}
	return p
}

// unsafePrograms are programs a sound verifier rejects and the engine
// traps running.
var unsafePrograms = []struct {
	name, src string
	trap      error
}{
	{"a map value past the last element", `# type: socket
		*(u32 *)(r10 - 4) = 3    # the last of 4 elements
		r2 = r10
		r2 += -4
		r1 = map_idx(0) ll
		call 1
		if r0 == 0 goto +1
		r0 = *(u64 *)(r0 + 48)   # the value has 48 bytes
		r0 = 0
		exit`, vm.ErrMemory},
	{"a packet read without a bounds check", `# type: xdp
		r2 = *(u32 *)(r1 + 0)
		r0 = *(u8 *)(r2 + 2000)
		r0 = 2
		exit`, vm.ErrMemory},
	{"a map value without a NULL check", `# type: xdp
		*(u64 *)(r10 - 8) = 7    # not in the hash map
		r2 = r10
		r2 += -8
		r1 = map_idx(1) ll
		call 1
		r0 = *(u64 *)(r0 + 0)
		r0 = 2
		exit`, vm.ErrMemory},
}

// TestHarnessFindsUnsafe checks the unsafe programs with a verifier that
// accepts everything: the kernel rejects them (an unsound acceptance)
// and, without the kernel, the engine traps.
func TestHarnessFindsUnsafe(t *testing.T) {
	for _, tt := range unsafePrograms {
		t.Run(tt.name, func(t *testing.T) {
			p := mustParse(t, tt.src)
			c, err := NewChecker(Options{Verify: acceptAll, NoKernel: true})
			if err != nil {
				t.Fatal(err)
			}
			res, err := c.Check(p)
			if err != nil {
				t.Fatal(err)
			}
			f := res.Finding
			if f == nil || f.Kind != EngineTrap || !errors.Is(f.Trap, tt.trap) || f.Input == nil {
				t.Fatalf("without the kernel: finding %v, want an engine trap (%v) with its input", f, tt.trap)
			}
			if r := f.Report(); !strings.Contains(r, asm.FormatInstruction(p.Insns, 0)) || !strings.Contains(r, "input:") {
				t.Errorf("the report lacks the program or the input:\n%s", r)
			}

			c, err = NewChecker(Options{Verify: acceptAll})
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			if !c.KernelUsed() {
				t.Skip(c.KernelErr)
			}
			res, err = c.Check(p)
			if err != nil {
				t.Fatal(err)
			}
			f = res.Finding
			if f == nil || f.Kind != UnsoundAcceptance || f.KernelLog == "" {
				t.Fatalf("with the kernel: finding %v, want an unsound acceptance with the kernel's log", f)
			}
			t.Log(f.Error())
		})
	}
}

// TestHarnessSafe checks that a safe program is no finding, however its
// verifier decides.
func TestHarnessSafe(t *testing.T) {
	p := mustParse(t, "# type: xdp\n r0 = 2\n exit\n")
	rejectAll := func(asm.Program, verifier.Options) (*verifier.Verified, error) {
		return nil, errors.New("no")
	}
	for _, v := range []VerifyFunc{acceptAll, rejectAll} {
		c, err := NewChecker(Options{Verify: v, KernelAlways: true})
		if err != nil {
			t.Fatal(err)
		}
		res, err := c.Check(p)
		c.Close()
		if err != nil {
			t.Fatal(err)
		}
		if res.Finding != nil {
			t.Errorf("a finding for r0 = 2; exit: %s", res.Finding.Report())
		}
		if c.KernelUsed() && (res.Kernel == nil || !res.Kernel.Accepted) {
			t.Errorf("the kernel was not asked, or rejects r0 = 2; exit: %+v", res.Kernel)
		}
	}
}

func TestHarnessVerifierPanics(t *testing.T) {
	boom := func(asm.Program, verifier.Options) (*verifier.Verified, error) { panic("boom") }
	c, err := NewChecker(Options{Verify: boom, NoKernel: true})
	if err != nil {
		t.Fatal(err)
	}
	res, err := c.Check(mustParse(t, "# type: socket\n r0 = 0\n exit\n"))
	if err != nil {
		t.Fatal(err)
	}
	if f := res.Finding; f == nil || f.Kind != VerifierPanic || !strings.Contains(f.Msg, "boom") {
		t.Fatalf("finding %v, want the verifier's panic", f)
	}
}

// TestHarnessMinimize checks that Minimize takes what has nothing to do
// with a finding out of its program, and that the finding's regression
// file reads back.
func TestHarnessMinimize(t *testing.T) {
	p := mustParse(t, `# type: xdp
		r7 = 1
		r8 = r7
		r8 += 3
		if r8 > 9 goto +2
		r9 = 5
		r9 *= r8
		r2 = *(u32 *)(r1 + 0)
		*(u64 *)(r10 - 8) = r9
		r0 = *(u8 *)(r2 + 2000)
		r0 = 2
		exit`)
	c, err := NewChecker(Options{Verify: acceptAll})
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	res, err := c.Check(p)
	if err != nil {
		t.Fatal(err)
	}
	if res.Finding == nil {
		t.Fatal("no finding")
	}
	m, err := c.Minimize(res.Finding)
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Program.Insns) > 4 || m.Minimized != len(p.Insns)-len(m.Program.Insns) || m.Class() != res.Finding.Class() {
		t.Fatalf("minimised to %d slots (by %d), class %q from %q:\n%s",
			len(m.Program.Insns), m.Minimized, m.Class(), res.Finding.Class(), m.Program.Disassembly())
	}
	r, err := ParseRegression(m.RegressionFile(), "min.s")
	if err != nil {
		t.Fatal(err)
	}
	if !r.Open || r.Class != m.Class() || !slices.Equal(r.Program.Insns, m.Program.Insns) || r.Program.Type != XDP {
		t.Errorf("the regression file reads back as %+v (class %q), want the finding's (class %q):\n%s",
			r, r.Class, m.Class(), m.RegressionFile())
	}
	if !strings.HasSuffix(m.FileName(), ".s") || !strings.HasPrefix(m.FileName(), string(m.Kind)) {
		t.Errorf("file name %q", m.FileName())
	}
}

func TestHarnessVerifierHangs(t *testing.T) {
	release := make(chan struct{})
	defer close(release)
	hang := func(asm.Program, verifier.Options) (*verifier.Verified, error) {
		<-release
		return nil, errors.New("released")
	}
	c, err := NewChecker(Options{Verify: hang, NoKernel: true, VerifyTimeout: 20 * time.Millisecond})
	if err != nil {
		t.Fatal(err)
	}
	res, err := c.Check(mustParse(t, "# type: socket\n r0 = 0\n exit\n"))
	if err != nil {
		t.Fatal(err)
	}
	if f := res.Finding; f == nil || f.Kind != VerifierHang || !c.Hung {
		t.Fatalf("finding %v (hung %v), want the verifier's hang", f, c.Hung)
	}
	if m, err := c.Minimize(res.Finding); err != nil || m != res.Finding {
		t.Errorf("Minimize of a hang: %v, %v; want it as it is", m, err)
	}
}

// TestKernelWatchdog checks that a BPF_PROG_LOAD that never returns (a
// kernel bug seen on Linux 6.18: 27 minutes in the kernel, signals or
// not) stops the wait, not the harness.
func TestKernelWatchdog(t *testing.T) {
	block := make(chan struct{})
	defer close(block)
	start := time.Now()
	_, err := withWatchdog(50*time.Millisecond, func() (*kernel.Verdict, error) {
		<-block
		return nil, nil
	})
	if !errors.Is(err, errKernelStuck) {
		t.Fatalf("got %v, want errKernelStuck", err)
	}
	if d := time.Since(start); d > 5*time.Second {
		t.Errorf("waited %v", d)
	}
	v, err := withWatchdog(time.Minute, func() (*kernel.Verdict, error) { return &kernel.Verdict{Accepted: true}, nil })
	if err != nil || !v.Accepted {
		t.Errorf("a prompt answer: %v, %v", v, err)
	}
}
