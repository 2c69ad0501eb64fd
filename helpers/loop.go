package helpers

// This file implements bpf_loop.

import "fmt"

// maxLoops is the kernel's BPF_MAX_LOOPS.
const maxLoops = 1 << 23

// loop calls callback(i, ctx) for i in 0..nr_loops until it returns 1, and
// returns the number of calls (a nonzero result stops, as in the kernel).
var loop = implement(FuncLoop, func(env Env, r1, r2, r3, r4, _ uint64) (uint64, error) {
	if r4 != 0 {
		return neg(errEINVAL), nil
	}
	n := uint32(r1)
	if n > maxLoops {
		return neg(errE2BIG), nil
	}
	for i := uint32(0); i < n; i++ {
		ret, err := env.Call(r2, uint64(i), r3, 0, 0, 0)
		if err != nil {
			return 0, fmt.Errorf("bpf_loop callback: %w", err)
		}
		if ret != 0 {
			return uint64(i + 1), nil
		}
	}
	return uint64(n), nil
})
