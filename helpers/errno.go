package helpers

// This file implements the negative errno values helpers return, as the
// kernel's helpers do.

const (
	errEPERM  = -1
	errENOENT = -2
	errE2BIG  = -7
	errEFAULT = -14
	errEBUSY  = -16
	errEINVAL = -22
	errENOSPC = -28
)

// neg returns a negative errno as the u64 a helper puts in r0.
func neg(errno int64) uint64 { return uint64(errno) }
