// Package selftest reads the annotations that the Linux kernel's BPF
// selftests put on their programs, so that callx can run the kernel's own
// verifier tests (tools/testing/selftests/bpf/progs/verifier_*.c) as a
// conformance suite, with the semantics of the kernel's test_loader.c.
//
// A selftest says what the verifier must do with a program through
// attributes from the selftests' bpf_misc.h: __success or __failure,
// __msg("...") lines the verifier log must contain in order, __retval(N)
// for one test run, __log_level(N), __flag(BPF_F_...), __description,
// __auxiliary, the _unpriv variants of each, __arch_*, __xlated and
// __jited. clang writes each one as a BTF declaration tag on the program's
// FUNC ("comment:test_expect_failure", "comment:test_expect_msg=3=text",
// ...). Parse reads them from an object loaded by callx's loader, ParseBTF
// from any object's BTF, into one Spec per program, with test_loader's
// rules: which tag implies which mode (privileged, unprivileged), what the
// unprivileged mode inherits, how flags are set and cleared, how return
// values are read (hex, INT_MIN, POINTER_VALUE, TEST_DATA_LEN, compared as
// C ints).
//
// Match checks expected messages against a verifier log as test_loader's
// validate_msgs does: each pattern must be found after the previous
// match; a pattern is a substring, or, where it holds "{{...}}", a regular
// expression with the parts outside the braces literal. MatchDisasm adds
// the line discipline of __xlated and __jited ("..." allows a gap).
//
// The suite itself is built outside the repository, since the kernel's
// test sources are GPL: scripts/selftests.sh downloads Debian's
// linux-source-6.12, compiles every progs/verifier_*.c with clang-19 as
// the selftests' Makefile does, into $HOME/.cache/callx/selftests (or
// $CALLX_SELFTESTS_CACHE). TestKernelSelftests then loads every privileged
// test into the running kernel the way test_loader does and reports, per
// file, how far the kernel agrees with the annotations (set
// CALLX_SELFTEST_REPORT to a path to get the table as markdown); it skips
// when the objects are not built or bpf() is not usable.
//
// RunObject runs an object's tests through callx instead: its verifier
// for the verdict and the log, its engine for the __retval run, with
// test_loader's rules, one Result per test (`callx selftest` prints them).
// TestCallxSelftests runs every cached object through it, compares with
// the annotations and, where bpf() works, with the running kernel's
// verdicts, and fails on a program callx accepts and the kernel rejects
// (CALLX_VERIFIER_REPORT gets its table).
package selftest
