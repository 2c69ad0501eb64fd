// Package conformance reads the test cases of the bpf_conformance suite, the
// BPF ISA conformance tests that uBPF, rbpf, PREVAIL, eBPF for Windows and
// the Linux kernel's CI run, and says whether a run of one matches what the
// case expects.
//
// A case is one .data file: a program (`-- asm` in the suite's uBPF-style
// assembly, or `-- raw` instruction words), an optional input buffer
// (`-- mem`) and the expected outcome: the value of r0 (`-- result`) or a
// failure (`-- error`). Parse and ParseFile read a file into a Case whose
// program has passed asm.Program.Validate; Case.Check compares the outcome
// of a run with the expectation. The engine that runs the program is not
// part of this package: a runner loads Case.Program, runs it with r1
// pointing to a copy of Case.Mem and r2 = len(Case.Mem), and hands the
// result to Check.
//
// The suite's data lives outside the repository, in ../shared/conformance
// relative to the module root; the tests of this package run every case in
// it through the vm package.
package conformance
