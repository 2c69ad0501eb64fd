package ctx

import "testing"

// BenchmarkXDPOverhead is the cost of one run of the smallest program:
// what every XDP run pays besides its instructions.
func BenchmarkXDPOverhead(b *testing.B) {
	m := machine(&testing.T{}, "r0 = 2\nexit\n")
	x := NewXDP(m)
	if err := x.Reset(packet(64)); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		m.RunContext(x)
	}
}

// BenchmarkXDPRepeatOverhead is the same cost per run when runs repeat
// under one call (Runner.Repeat, as BPF_PROG_TEST_RUN's repeat).
func BenchmarkXDPRepeatOverhead(b *testing.B) {
	m := machine(&testing.T{}, "r0 = 2\nexit\n")
	x := NewXDP(m)
	if err := x.Reset(packet(64)); err != nil {
		b.Fatal(err)
	}
	b.ResetTimer()
	if _, err := m.RepeatContext(x, b.N); err != nil {
		b.Fatal(err)
	}
}
