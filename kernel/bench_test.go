// This file implements BenchmarkKernel: every program of progTests run by
// the kernel (its JIT, on this machine) on its bench frame, timed by the
// kernel itself.

package kernel

import (
	"testing"
	"time"
)

// benchRepeat is how many runs one BPF_PROG_TEST_RUN call makes.
const benchRepeat = 10000

// BenchmarkKernel reports, per program, "ns/run": the kernel's own mean
// time per run (BPF_PROG_TEST_RUN's duration) over b.N calls of
// benchRepeat runs each. Compare that figure: ns/op is the wall time of
// one call, and for XDP it is dominated by the kernel switching its XDP
// dispatcher to the program and back around every call with repeat > 1
// (tens of milliseconds here).
//
// The maps are reset before each program; the packet is not restored
// between the runs of a call (see Run), so programs that rewrite it settle
// into a steady state: lb and csum rewrite the destination on the first
// run and pass the frame through afterwards, adjust alternates
// encapsulation and decapsulation, ringbuf stops reserving once its ring
// is full.
func BenchmarkKernel(b *testing.B) {
	if err := Available(); err != nil {
		b.Skip(err)
	}
	for _, pt := range progTests {
		b.Run(pt.name, func(b *testing.B) {
			c := load(b, pt.object)
			if err := c.ResetMaps(); err != nil {
				b.Fatal(err)
			}
			if pt.setup != nil {
				pt.setup(b, c)
			}
			frame := pt.bench()
			var total time.Duration
			runs := 0
			for b.Loop() {
				res, err := c.Run(pt.prog, frame, benchRepeat)
				if err != nil {
					b.Fatal(err)
				}
				total += res.Duration
				runs++
			}
			b.ReportMetric(float64(total.Nanoseconds())/float64(runs), "ns/run")
		})
	}
}
