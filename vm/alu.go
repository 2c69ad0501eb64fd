package vm

// This file implements the division ops with a register divisor, as
// functions the fast loop inlines (as separate functions they keep the
// loop's body small for Go's inliner, see inline_test.go). As in the
// kernel, a zero divisor gives 0 and a zero modulus leaves the dividend
// (zero-extended in 32 bits); the most negative value divided by -1 is
// itself, with remainder 0.

func div64(a, b uint64) uint64 {
	if b == 0 {
		return 0
	}
	return a / b
}

func sdiv64(a, b int64) uint64 {
	if b == 0 {
		return 0
	}
	return uint64(a / b)
}

func mod64(a, b uint64) uint64 {
	if b == 0 {
		return a
	}
	return a % b
}

func smod64(a, b int64) uint64 {
	if b == 0 {
		return uint64(a)
	}
	return uint64(a % b)
}

func div32(a, b uint32) uint64 {
	if b == 0 {
		return 0
	}
	return uint64(a / b)
}

func sdiv32(a, b int32) uint64 {
	if b == 0 {
		return 0
	}
	return uint64(uint32(a / b))
}

func mod32(a, b uint32) uint64 {
	if b == 0 {
		return uint64(a)
	}
	return uint64(a % b)
}

func smod32(a, b int32) uint64 {
	if b == 0 {
		return uint64(uint32(a))
	}
	return uint64(uint32(a % b))
}
