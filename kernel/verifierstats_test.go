// This file implements the tests of Verify and ParseVerifierStats: the
// statistics lines parsed from logs the kernel wrote, and the verdicts
// and figures of the kernel on the programs under testdata/progs.

package kernel

import (
	"errors"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/cilium/ebpf"
	"github.com/cilium/ebpf/asm"
	"golang.org/x/sys/unix"
)

func TestParseVerifierStats(t *testing.T) {
	tests := []struct {
		desc string
		log  string
		ok   bool
		want VerifierStats
	}{
		{
			desc: "log level 1, accepted",
			log:  "processed 2 insns (limit 1000000) max_states_per_insn 0 total_states 0 peak_states 0 mark_read 0\n",
			ok:   true,
			want: VerifierStats{Processed: 2, Limit: 1000000},
		},
		{
			desc: "log level 4, three subprograms",
			log: "verification time 266 usec\nstack depth 80+0+0\n" +
				"processed 501 insns (limit 1000000) max_states_per_insn 3 total_states 27 peak_states 25 mark_read 4\n",
			ok: true,
			want: VerifierStats{Processed: 501, Limit: 1000000, MaxStatesPerInsn: 3, TotalStates: 27,
				PeakStates: 25, MarkRead: 4, Time: 266 * time.Microsecond, StackDepth: []int{80, 0, 0}},
		},
		{
			desc: "log level 5, rejected",
			log: "0: R1=ctx() R10=fp0\n; int xdp_no_bounds_check(struct xdp_md *ctx) @ err.bpf.c:14\n" +
				"invalid access to packet, off=12 size=1, R1(id=0,off=12,r=0)\n" +
				"R1 offset is outside of the packet\nverification time 29 usec\nstack depth 0\n" +
				"processed 2 insns (limit 1000000) max_states_per_insn 0 total_states 0 peak_states 0 mark_read 0\n",
			ok:   true,
			want: VerifierStats{Processed: 2, Limit: 1000000, Time: 29 * time.Microsecond, StackDepth: []int{0}},
		},
		{desc: "no log", log: "", ok: false},
		{desc: "a log without statistics", log: "0: (b7) r0 = 0\n1: (95) exit\n", ok: false},
	}
	for _, tt := range tests {
		got, ok := ParseVerifierStats(tt.log)
		if ok != tt.ok || got.Processed != tt.want.Processed || got.Limit != tt.want.Limit ||
			got.MaxStatesPerInsn != tt.want.MaxStatesPerInsn || got.TotalStates != tt.want.TotalStates ||
			got.PeakStates != tt.want.PeakStates || got.MarkRead != tt.want.MarkRead ||
			got.Time != tt.want.Time || !slices.Equal(got.StackDepth, tt.want.StackDepth) {
			t.Errorf("%s: ParseVerifierStats = %+v, %v; want %+v, %v", tt.desc, got, ok, tt.want, tt.ok)
		}
	}
}

// TestVerifyLevels loads `r0 = 2; exit` at each log level: the
// "processed" line comes with level 1 and with level 4, the time and the
// stack depth with level 4 only, nothing at level 0.
func TestVerifyLevels(t *testing.T) {
	if err := Available(); err != nil {
		t.Skip(err)
	}
	spec := &ebpf.ProgramSpec{Name: "two", Type: ebpf.XDP, Instructions: asm.Instructions{asm.Mov.Imm(asm.R0, 2), asm.Return()}}
	for _, level := range []uint32{0, LogLevelBranch, LogLevelStats, LogLevelBranch | LogLevelStats} {
		v, err := Verify(spec, level)
		if err != nil {
			t.Fatalf("level %d: %v", level, err)
		}
		if !v.Accepted || v.Err != nil || v.LoadTime <= 0 {
			t.Errorf("level %d: %+v, want accepted with a load time", level, v)
		}
		if want := level != 0; v.HasStats != want {
			t.Errorf("level %d: HasStats = %v, want %v (log %q)", level, v.HasStats, want, v.Log)
		}
		if v.HasStats && v.Stats.Processed != 2 {
			t.Errorf("level %d: processed %d insns, want 2", level, v.Stats.Processed)
		}
		if want := level&LogLevelStats != 0; (len(v.Stats.StackDepth) == 1) != want || strings.Contains(v.Log, "verification time") != want {
			t.Errorf("level %d: stack depth %v, log %q: want the time and the stack depth only at level 4", level, v.Stats.StackDepth, v.Log)
		}
	}
}

// TestVerifyCollection asks the kernel about every program the tests
// load, against the maps of its loaded collection.
func TestVerifyCollection(t *testing.T) {
	if err := Available(); err != nil {
		t.Skip(err)
	}
	for _, pt := range progTests {
		t.Run(pt.name, func(t *testing.T) {
			c := load(t, pt.object)
			v, err := c.Verify(pt.prog, LogLevelStats)
			if err != nil {
				t.Fatal(err)
			}
			if !v.Accepted || !v.HasStats {
				t.Fatalf("%s: accepted %v (%v), stats %v; log:\n%s", pt.prog, v.Accepted, v.Err, v.HasStats, v.Log)
			}
			s := v.Stats
			if s.Processed <= 0 || s.Limit <= 0 || len(s.StackDepth) == 0 || v.LoadTime < s.Time {
				t.Errorf("%s: implausible figures %+v, load time %v", pt.prog, s, v.LoadTime)
			}
			t.Logf("%s: processed %d insns, %d states (peak %d), %v by the kernel's clock, %v BPF_PROG_LOAD",
				pt.prog, s.Processed, s.TotalStates, s.PeakStates, s.Time, v.LoadTime)
		})
	}
	c := load(t, "counter")
	if _, err := c.Verify("nope", LogLevelStats); err == nil {
		t.Error("Verify of a program the collection does not have succeeded")
	}
}

// TestVerifyRejected asks about err_no_bounds_check, which the kernel
// refuses: a verdict, not an error, with the log and the statistics.
func TestVerifyRejected(t *testing.T) {
	if err := Available(); err != nil {
		t.Skip(err)
	}
	spec, err := ebpf.LoadCollectionSpec(filepath.Join(progDir, "err_no_bounds_check.bpf.o"))
	if err != nil {
		t.Fatal(err)
	}
	v, err := Verify(spec.Programs["xdp_no_bounds_check"], LogLevelBranch|LogLevelStats)
	if err != nil {
		t.Fatal(err)
	}
	if v.Accepted || !errors.Is(v.Err, unix.EACCES) {
		t.Errorf("accepted %v, error %v; want EACCES", v.Accepted, v.Err)
	}
	if !strings.Contains(v.Log, "invalid access to packet") || !v.HasStats || v.Stats.Processed == 0 {
		t.Errorf("log without the reason or the statistics:\n%s", v.Log)
	}
	if tail := v.LogTail(1); !strings.HasPrefix(tail, "processed ") {
		t.Errorf("LogTail(1) = %q, want the processed line", tail)
	}
}

// TestVerifyLogGrows starts Verify with a log buffer far too small for a
// level 2 log: the kernel says ENOSPC and how much it needs, and Verify
// tries again with that.
func TestVerifyLogGrows(t *testing.T) {
	if err := Available(); err != nil {
		t.Skip(err)
	}
	defer func(n uint32) { verifierLogStart = n }(verifierLogStart)
	verifierLogStart = 128
	c := load(t, "loops")
	v, err := c.Verify("xdp_loops", LogLevelInstruction|LogLevelStats)
	if err != nil {
		t.Fatal(err)
	}
	if !v.Accepted || len(v.Log) < 4096 || !v.HasStats {
		t.Errorf("accepted %v (%v), %d bytes of log, stats %v", v.Accepted, v.Err, len(v.Log), v.HasStats)
	}
}

// TestVerifyWithin interrupts the kernel's verifier on a loop it would
// walk for a million instructions before it refuses it.
func TestVerifyWithin(t *testing.T) {
	if err := Available(); err != nil {
		t.Skip(err)
	}
	spec := &ebpf.ProgramSpec{Name: "slow", Type: ebpf.XDP, Instructions: asm.Instructions{
		asm.FnGetPrandomU32.Call(),          // r0 = bpf_get_prandom_u32()
		asm.Mov.Imm(asm.R1, 0),              // r1 = 0
		asm.Add.Imm(asm.R1, 1),              // loop: r1 += 1
		asm.JLT.Reg(asm.R1, asm.R0, "loop"), // if r1 < r0 goto loop
		asm.Mov.Imm(asm.R0, 2),
		asm.Return(),
	}}
	spec.Instructions[2] = spec.Instructions[2].WithSymbol("loop")
	start := time.Now()
	v, err := VerifyWithin(spec, LogLevelBranch, 20*time.Millisecond)
	if err != nil {
		t.Fatal(err)
	}
	if !v.TimedOut || v.Accepted || time.Since(start) > 2*time.Second {
		t.Errorf("verdict %+v after %v, want a timeout soon after 20ms", v, time.Since(start))
	}
	v, err = VerifyWithin(&ebpf.ProgramSpec{Type: ebpf.XDP, Instructions: asm.Instructions{asm.Mov.Imm(asm.R0, 2), asm.Return()}}, 0, time.Second)
	if err != nil || !v.Accepted || v.TimedOut {
		t.Errorf("a quick program with a deadline: %+v, %v", v, err)
	}
}
