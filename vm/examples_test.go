package vm

import (
	"math/bits"
	"slices"
	"testing"
)

// The examples are C compiled by clang-19; each is checked against the
// same algorithm written in Go.

func lcgRef(len uint64) uint64 {
	x := len
	for range 1000 {
		x = uint64(uint32(x)*1103515245+12345) & 0x7fffffff
	}
	return x
}

func primesRef(n int) uint64 {
	count := uint64(0)
	for i := 2; i < n; i++ {
		prime := true
		for d := 2; d*d <= i; d++ {
			if i%d == 0 {
				prime = false
			}
		}
		if prime {
			count++
		}
	}
	return count
}

func callsRef(len uint64) uint64 {
	rotate := func(x, n uint64) uint64 { return bits.RotateLeft64(x, int(n&63)) }
	mix := func(a, b uint64) uint64 { return rotate(a^b, b) + 0x9e3779b97f4a7c15 }
	h := len
	for i := uint64(0); i < 200; i++ {
		h = mix(h, i)*31 + mix(i, h)
	}
	return h
}

func memoryRef(data []byte) uint64 {
	buf := slices.Clone(data[:min(len(data), 128)])
	slices.Sort(buf)
	sum := uint64(0)
	for _, b := range buf {
		sum = sum*33 + uint64(b)
	}
	return sum
}

func dispatchRef(data []byte) uint64 {
	acc := uint64(1)
	for i := 0; i < len(data) && i < 64; i++ {
		b := uint64(data[i])
		switch b & 3 {
		case 0:
			acc += b
		case 1:
			acc *= b | 1
		case 2:
			acc ^= b << 8
		default:
			acc = acc<<7 | acc>>57
		}
	}
	return acc
}

func TestExamples(t *testing.T) {
	tests := []struct {
		file  string
		input []byte
		want  uint64
	}{
		{"lcg.s", nil, lcgRef(0)},
		{"lcg.s", make([]byte, 77), lcgRef(77)},
		{"testdata/lcg_rotated.s", make([]byte, 77), lcgRef(77)},
		{"primes.s", nil, primesRef(200)},
		{"primes.s", []byte{255}, primesRef(255)},
		{"calls.s", nil, callsRef(0)},
		{"calls.s", make([]byte, 3), callsRef(3)},
		{"memory.s", nil, 0},
		{"memory.s", randomBytes(128), memoryRef(randomBytes(128))},
		{"memory.s", randomBytes(200), memoryRef(randomBytes(200))},
		{"dispatch.s", nil, 1},
		{"dispatch.s", randomBytes(64), dispatchRef(randomBytes(64))},
		{"dispatch.s", randomBytes(100), dispatchRef(randomBytes(100))},
	}
	for _, tt := range tests {
		m := loadExample(t, tt.file).NewMachine()
		got, err := m.RunRaw(tt.input)
		if err != nil {
			t.Errorf("%s on %d bytes: %v", tt.file, len(tt.input), err)
			continue
		}
		if got != tt.want {
			t.Errorf("%s on %d bytes: got %#x, want %#x", tt.file, len(tt.input), got, tt.want)
		}
	}
}

// TestExecutedThreaded: clang's loop shape (exit test, then goto) is
// threaded into one op, and the count stays exact: 2 instructions before
// the loop, 999 rounds of 6, a last round of 5, and the exit.
func TestExecutedThreaded(t *testing.T) {
	m := loadExample(t, "lcg.s").NewMachine()
	if _, err := m.RunRaw(nil); err != nil {
		t.Fatal(err)
	}
	if got, want := m.Executed(), int64(2+999*6+5+1); got != want {
		t.Errorf("executed %d instructions, want %d", got, want)
	}
}
