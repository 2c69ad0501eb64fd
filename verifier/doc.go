// Package verifier decides, before anything runs, what the Linux verifier
// would decide about a program: the same verdict, for the same reason, with
// the same log.
//
// So far it holds the control-flow pass (cfg.go: subprograms, jumps,
// unreachable code, back-edges, with the kernel's messages in the kernel's
// order) and the verifier's scalar abstract domain, following Linux
// 6.12 (kernel/bpf/tnum.c, kernel/bpf/verifier.c, kernel/bpf/log.c):
//
//   - Tnum, what is known about each bit of a value;
//   - Scalar, a tnum plus signed and unsigned ranges in 64 and 32 bits,
//     kept in step as the kernel keeps them (Scalar.Sync), and printed as
//     the kernel's verifier log prints a scalar register;
//   - ScalarALU and ScalarALUFork, the result of an ALU instruction on
//     scalars;
//   - ScalarBranchTaken and ScalarBranchRefine, what a conditional jump on
//     scalars decides and what each side of it learns.
//
// The domain is the kernel's, imprecisions included: callx must accept and
// reject what the kernel does and print what it prints, so where the kernel
// knows nothing (after a division, a negation, a byte swap, a shift by an
// unknown amount), neither does this package. The register states, the
// walk over the program and the log around these pieces come next.
package verifier
