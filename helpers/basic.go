package helpers

// This file implements the helpers that need no maps or context: time,
// random numbers and the processor id.

import (
	"math/rand/v2"
	"time"
)

var bootTime = time.Now()

var ktimeGetNs = implement(FuncKtimeGetNs, func(Env, uint64, uint64, uint64, uint64, uint64) (uint64, error) {
	return uint64(time.Since(bootTime).Nanoseconds()), nil
})

var getPrandomU32 = implement(FuncGetPrandomU32, func(Env, uint64, uint64, uint64, uint64, uint64) (uint64, error) {
	return uint64(rand.Uint32()), nil
})

// getSmpProcessorID: callx runs every program as if on CPU 0 (per-CPU maps
// have one CPU).
var getSmpProcessorID = implement(FuncGetSMPProcessorID, func(Env, uint64, uint64, uint64, uint64, uint64) (uint64, error) {
	return 0, nil
})
