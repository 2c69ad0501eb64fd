// This file implements BenchmarkVersusKernel: every program of progTests
// run by callx's interpreter and by the kernel's JIT on the same frame, in
// the same process, and the ratio of their times per run.

package kernel

import "testing"

// BenchmarkVersusKernel reports, per program, callx's time per run
// ("callx-ns/run"), the kernel's ("kernel-ns/run", BPF_PROG_TEST_RUN's own
// duration, the best of three calls of benchRepeat runs) and their ratio
// ("x-kernel"). Both repeat on one frame without restoring it between
// runs, as BPF_PROG_TEST_RUN does; both start from the same maps.
func BenchmarkVersusKernel(b *testing.B) {
	if err := Available(); err != nil {
		b.Skip(err)
	}
	for _, pt := range progTests {
		b.Run(pt.name, func(b *testing.B) {
			k, _, runner := loadBoth(b, pt)
			frame := pt.bench()
			kernelNs := 0.0
			for range 3 {
				res, err := k.Run(pt.prog, frame, benchRepeat)
				if err != nil {
					b.Fatal(err)
				}
				if ns := float64(res.Duration.Nanoseconds()); kernelNs == 0 || ns < kernelNs {
					kernelNs = ns
				}
			}
			if _, err := runner.Repeat(frame, benchRepeat); err != nil { // warm up, as the kernel's runs did
				b.Fatal(err)
			}
			b.ResetTimer()
			if _, err := runner.Repeat(frame, b.N); err != nil {
				b.Fatal(err)
			}
			callxNs := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
			b.ReportMetric(callxNs, "callx-ns/run")
			b.ReportMetric(kernelNs, "kernel-ns/run")
			b.ReportMetric(callxNs/kernelNs, "x-kernel")
			b.ReportMetric(float64(runner.Machine.Executed()), "insns/run")
		})
	}
}
