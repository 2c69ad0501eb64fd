// Package verifier decides, before anything runs, what the Linux verifier
// would decide about a program: the same verdict, for the same reason, with
// the same log. It follows the kernel's verifier.c of Linux 6.12, and of
// Linux 6.18 where the two differ and the running kernel is 6.18 (state
// keeping and eviction, loops, stack liveness, constant-key array lookups).
// On top it adds the indirect-call rules of INDIRECT-CALLS.md.
//
// Verify (verify.go) takes instructions and Options (program type, maps,
// helpers, BTF, log level, flags); VerifyProgram takes a program of a
// loaded object. A rejection is an *Error with the instruction index, a
// stable Code, the kernel's message and the log (errors.go); an accepted
// program is a *Verified with what the walk proved (stack depths, the
// pointer type of each memory access, slot budgets, statistics).
//
// One concept per file:
//
//   - cfg.go: the control-flow pass (subprograms, jumps, unreachable
//     code, back-edges), with the kernel's messages in its order;
//   - tnum.go, scalar.go, scalar_alu.go, scalar_branch.go: the scalar
//     domain (known bits plus signed and unsigned ranges in 64 and 32
//     bits), its ALU and its branch refinement, imprecisions included;
//   - regtype.go, state.go, regs.go: register types, the abstract state
//     of a path (frames, stack slots, references), register helpers;
//   - walk.go: do_check, the walk over every path, and the pending
//     branches;
//   - alu.go, jmp.go, mem.go, stack.go: instructions: ALU and pointer
//     arithmetic, conditional jumps (NULL checks, packet ranges, linked
//     scalars), loads, stores and atomics, and the stack;
//   - ctxaccess*.go, sockaccess.go, btfaccess.go: what a program may read
//     and write of its context, of sockets, and of kernel structs typed by
//     BTF;
//   - call.go, helperproto.go, subprogs.go, retcode.go: helper calls
//     against the helper prototypes, references, bpf-to-bpf calls, global
//     functions, callbacks, tail calls, return codes;
//   - callx.go: indirect calls (function tables and open-world slots);
//   - prune.go, precision.go, liveness.go, stackliveness.go, scc.go: state
//     pruning: which states are kept and compared, precision tracking
//     (backtracking), which registers and stack slots are still live, and
//     states in loops (strongly connected components and backedges);
//   - log.go, insnlog.go: the kernel's log, its instruction printer and
//     its register state printer.
//
// The domain is the kernel's, imprecisions included: callx must accept and
// reject what the kernel does and print what it prints, so where the kernel
// knows nothing, neither does this package.
package verifier
