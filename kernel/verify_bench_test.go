// This file implements BenchmarkVerifyVersusKernel: every program of
// every object under testdata/progs verified by callx's verifier and by
// the kernel's, side by side, with their times and the instructions each
// processed.

package kernel

import (
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/callx/callx/loader"
	"github.com/callx/callx/verifier"
	"github.com/cilium/ebpf"
)

// BenchmarkVerifyVersusKernel reports, per program:
//
//   - "callx-us": callx's verification time (verifier.VerifyProgram, at
//     LogLevelStats), and "callx-insns", the instructions it processed;
//     "callx-rejected" is 1 while callx rejects the program (its figures
//     are then those of the rejection), 0 when it accepts;
//   - "kernel-us": the kernel's own "verification time N usec" (BPF_LOG_STATS),
//     "kernel-load-us" the wall time of the BPF_PROG_LOAD system call,
//     "kernel-insns" the instructions the kernel processed, and
//     "kernel-rejected" (1 for the err_ programs);
//   - "x-kernel": callx's time over the kernel's, when both accept.
//
// Every figure is a mean over the b.N rounds; ns/op is the time of one
// round of both, not a figure to compare. A rejection is reported, never
// a failure: callx's verifier is being built and rejects what it cannot
// check yet.
func BenchmarkVerifyVersusKernel(b *testing.B) {
	if err := Available(); err != nil {
		b.Skip(err)
	}
	objects, err := filepath.Glob(filepath.Join(progDir, "*.bpf.o"))
	if err != nil || len(objects) == 0 {
		b.Fatalf("no objects in %s (%v)", progDir, err)
	}
	for _, path := range objects {
		object := strings.TrimSuffix(filepath.Base(path), ".bpf.o")
		obj, err := loader.Open(path)
		if err != nil {
			b.Fatal(err)
		}
		kernelVerify := kernelVerifier(b, path)
		for _, p := range obj.Programs {
			b.Run(object+"/"+p.Name, func(b *testing.B) {
				var (
					callxTime, kernelTime, kernelWall time.Duration
					callxInsns, kernelInsns           int
					callxErr                          error
					kernelOK                          bool
					rounds                            int
				)
				for b.Loop() {
					start := time.Now()
					v, err := verifier.VerifyProgram(obj, p, verifier.Options{LogLevel: verifier.LogLevelStats})
					callxTime += time.Since(start)
					callxErr = err
					callxInsns += callxProcessed(v, err)

					kv, err := kernelVerify(p.Name)
					if err != nil {
						b.Fatal(err)
					}
					kernelOK = kv.Accepted
					kernelTime += kv.Stats.Time
					kernelWall += kv.LoadTime
					kernelInsns += kv.Stats.Processed
					rounds++
				}
				n := float64(rounds)
				b.ReportMetric(float64(callxTime.Microseconds())/n, "callx-us")
				b.ReportMetric(float64(callxInsns)/n, "callx-insns")
				b.ReportMetric(bool01(callxErr != nil), "callx-rejected")
				b.ReportMetric(float64(kernelTime.Microseconds())/n, "kernel-us")
				b.ReportMetric(float64(kernelWall.Microseconds())/n, "kernel-load-us")
				b.ReportMetric(float64(kernelInsns)/n, "kernel-insns")
				b.ReportMetric(bool01(!kernelOK), "kernel-rejected")
				if callxErr == nil && kernelOK && kernelTime > 0 {
					b.ReportMetric(float64(callxTime)/float64(kernelTime), "x-kernel")
				}
				if callxErr != nil {
					b.Logf("callx rejects %s: %v", p.Name, callxErr)
				}
			})
		}
	}
}

// kernelVerifier returns how the benchmark asks the kernel about a
// program of the object at path: against the maps of the loaded object,
// or, for objects the kernel refuses (the err_ ones), program by program
// from cilium/ebpf's spec, which works for programs without maps.
func kernelVerifier(b *testing.B, path string) func(prog string) (*Verdict, error) {
	c, err := Load(path)
	if err == nil {
		b.Cleanup(func() { c.Close() })
		return func(prog string) (*Verdict, error) { return c.Verify(prog, LogLevelStats) }
	}
	var le *LoadError
	if !errors.As(err, &le) {
		b.Fatal(err)
	}
	spec, err := ebpf.LoadCollectionSpec(path)
	if err != nil {
		b.Fatal(err)
	}
	return func(prog string) (*Verdict, error) {
		ps := spec.Programs[prog]
		if ps == nil {
			return nil, errors.New("no program " + prog)
		}
		return Verify(ps, LogLevelStats)
	}
}

// callxProcessed is the instructions callx's verifier processed, whether
// it accepted the program or not.
func callxProcessed(v *verifier.Verified, err error) int {
	if err == nil {
		return v.Stats.Processed
	}
	var e *verifier.Error
	if errors.As(err, &e) {
		return e.Stats.Processed
	}
	return 0
}

func bool01(v bool) float64 {
	if v {
		return 1
	}
	return 0
}
