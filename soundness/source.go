// This file implements Source, where the generator's and the mutator's
// choices come from: a seeded pseudo-random generator, or a fuzzer's
// bytes.

package soundness

import (
	"encoding/binary"
	"math/rand/v2"
)

// Source supplies choices. A byte source reads its choices from the bytes
// it was given and answers 0 once they run out, so that a fuzzer's input
// decides the whole program and a short input gives a short program: the
// generator is written so that 0 is the plain choice (stop, no fault).
type Source struct {
	rng  *rand.Rand
	data []byte
}

// NewSource returns a source of pseudo-random choices seeded by seed.
func NewSource(seed uint64) *Source {
	return &Source{rng: rand.New(rand.NewPCG(seed, seed^0x9e3779b97f4a7c15))}
}

// NewByteSource returns a source that reads its choices from data.
func NewByteSource(data []byte) *Source { return &Source{data: data} }

// Exhausted reports whether a byte source has used up its bytes.
func (s *Source) Exhausted() bool { return s.rng == nil && len(s.data) == 0 }

// Intn returns a choice in [0, n); n <= 0 gives 0.
func (s *Source) Intn(n int) int {
	if n <= 1 {
		return 0
	}
	if s.rng != nil {
		return s.rng.IntN(n)
	}
	var v uint64
	switch {
	case n <= 1<<8:
		v = uint64(s.byte())
	case n <= 1<<16:
		v = uint64(s.byte()) | uint64(s.byte())<<8
	default:
		var b [8]byte
		for i := range b {
			b[i] = s.byte()
		}
		v = binary.LittleEndian.Uint64(b[:])
	}
	return int(v % uint64(n))
}

func (s *Source) byte() byte {
	if len(s.data) == 0 {
		return 0
	}
	b := s.data[0]
	s.data = s.data[1:]
	return b
}

// Chance returns true with a probability of pct percent; a byte source
// that has run out says false.
func (s *Source) Chance(pct int) bool { return s.Intn(100) >= 100-pct }

// Range returns a choice in [lo, hi].
func (s *Source) Range(lo, hi int) int { return lo + s.Intn(hi-lo+1) }

// Uint64 returns 64 random bits.
func (s *Source) Uint64() uint64 {
	if s.rng != nil {
		return s.rng.Uint64()
	}
	return uint64(s.Intn(1<<16)) | uint64(s.Intn(1<<16))<<16 | uint64(s.Intn(1<<16))<<32 | uint64(s.Intn(1<<16))<<48
}

// Weighted returns an index into weights, chosen with probability
// proportional to its weight; a byte source that has run out picks index 0.
func (s *Source) Weighted(weights ...int) int {
	total := 0
	for _, w := range weights {
		total += w
	}
	n := s.Intn(total)
	for i, w := range weights {
		if n < w {
			return i
		}
		n -= w
	}
	return 0
}

// Fill fills b with random bytes.
func (s *Source) Fill(b []byte) {
	for i := range b {
		b[i] = byte(s.Intn(256))
	}
}
