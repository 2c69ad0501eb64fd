package helpers

// This file implements the helpers that need no maps or context: time,
// random numbers and the processor id.

import (
	"math/rand/v2"
	"time"
)

var bootTime = time.Now()

var ktimeGetNs = &Helper{
	ID: 5, Name: "ktime_get_ns", Proto: Proto{Ret: RetInteger},
	Fn: func(Env, uint64, uint64, uint64, uint64, uint64) (uint64, error) {
		return uint64(time.Since(bootTime).Nanoseconds()), nil
	},
}

var getPrandomU32 = &Helper{
	ID: 7, Name: "get_prandom_u32", Proto: Proto{Ret: RetInteger},
	Fn: func(Env, uint64, uint64, uint64, uint64, uint64) (uint64, error) {
		return uint64(rand.Uint32()), nil
	},
}

// getSmpProcessorID: callx runs every program as if on CPU 0 (per-CPU maps
// have one CPU).
var getSmpProcessorID = &Helper{
	ID: 8, Name: "get_smp_processor_id", Proto: Proto{Ret: RetInteger},
	Fn: func(Env, uint64, uint64, uint64, uint64, uint64) (uint64, error) {
		return 0, nil
	},
}
