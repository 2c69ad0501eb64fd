// Package soundness is callx's soundness harness: it generates and mutates
// eBPF programs, and checks that every program callx's verifier accepts is
// one the Linux verifier accepts too, and one callx's engine runs without
// a trap.
//
// A verifier is sound when it accepts only programs that are safe. The
// kernel's verifier is the reference callx follows, and the engine is the
// check behind it: every memory access the engine makes is bounds-checked,
// so an unsafe program the verifier let through shows up as a trap. For
// each program the harness (Checker.Check):
//
//  1. runs the verifier under test (callx's verifier.Verify, privileged,
//     log level 0);
//  2. if it accepts, and the kernel can be used (root and bpf(): see
//     kernel.Available), loads the same instructions into the kernel as a
//     program of the same type, with maps of the same specs: a program
//     callx accepts and the kernel rejects is an unsound acceptance;
//  3. if it accepts, runs it in the engine on packets of several lengths
//     (14 to 66 bytes, 128 and 1500, random bytes), with the maps empty and
//     then filled with random values: any trap but a run out of budget in
//     a program with a loop is a finding.
//
// A finding (Finding) carries the program, its LLVM-syntax disassembly,
// the kernel's log and callx's. Its kinds: UnsoundAcceptance (callx
// accepts, the kernel rejects), EngineTrap, VerifierPanic and
// VerifierHang (no verdict in DefaultVerifyTimeout) are soundness bugs;
// EngineRefused (callx accepts a program the engine will not lower) and
// KernelBug (the kernel rejects with "verifier bug: ...", EFAULT) are
// reported as notes. Minimize drops instructions while the finding stays
// the same (its Class: the kind and the message without numbers), and
// TestSoundness saves the result under testdata/ as a .s file marked
// "# status: open", which TestRegressions replays: an open finding is
// logged, and TestSoundness does not fail again on findings of its class;
// once the verifier is fixed, deleting the status line makes the file a
// regression test that fails if the bug comes back. Kernel bugs go to
// testdata/kernel-bugs/, for upstream, and are not replayed.
//
// The kernel gets a program with its map indexes turned into file
// descriptors of maps created with the same specs, func_info records for
// its functions when it has more than one (callx gets the same ones), and
// kernelTimeout to decide (kernel.VerifyWithin): some programs take the
// kernel's verifier tens of seconds to refuse.
//
// Programs come from Generate, a generator of plausible, mostly valid
// socket filter and XDP programs (ALU64 and ALU32 on registers and
// constants, branches, bounded loops, stack spills and fills, context
// reads, XDP packet access with and without bounds checks, lookups in an
// array and a hash map with and without NULL checks, map values at
// constant and variable offsets, helper calls, bpf-to-bpf calls and
// bpf_loop callbacks), each with a small share of deliberate faults, and
// from Mutate, which changes one field of one instruction. Both draw
// their choices from a Source: a seeded pseudo-random generator, or a
// fuzzer's bytes.
//
// Entry points:
//
//	go test ./soundness/ -run TestSoundness -soundness.duration=30s
//	go test ./soundness/ -run XXX -fuzz FuzzSoundness -fuzztime=1m -fuzzminimizetime=2s
//
// (The fuzzing engine minimises every input that finds new coverage, and
// some take callx's verifier seconds: without a short -fuzzminimizetime
// it spends most of its time there.) Other flags: -soundness.seed (the
// first seed; TestSoundness prints the one it took), -soundness.mutants,
// -soundness.save, -soundness.maxfindings, and -soundness.hangs for
// TestRegressions.
//
// TestSoundness prints how many programs it generated, how many callx and
// the kernel accepted, how many ran in the engine, and the findings. With
// -soundness.verifier=kernel the kernel's verdict stands in for callx's,
// which checks the generator, the engine and the harness itself while
// callx's verifier is being built.
package soundness
