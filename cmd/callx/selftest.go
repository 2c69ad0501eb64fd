package main

// This file implements `callx selftest`: the kernel's verifier selftests
// (objects compiled from progs/verifier_*.c, annotated with bpf_misc.h's
// __success, __failure, __msg, __retval, ...) run through callx's
// verifier and engine as the kernel's test_loader runs them.

import (
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/callx/callx/selftest"
	"github.com/spf13/cobra"
)

type selftestFlags struct {
	prog    string
	quiet   bool
	verbose bool
}

func newSelftestCmd() *cobra.Command {
	var f selftestFlags
	cmd := &cobra.Command{
		Use:   "selftest [flags] OBJ.o...",
		Short: "Run the kernel's annotated verifier selftests through callx",
		Long: `Run the privileged tests of annotated selftest objects (the kernel's
progs/verifier_*.c compiled by scripts/selftests.sh, or any object written
with bpf_misc.h's annotations) through callx, as the kernel's test_loader
runs them: each program that is a test is verified with its __log_level
and __flag, the verdict is compared with __success or __failure, the
__msg patterns are matched against the log, and an accepted program with
a __retval runs once on 64 zero bytes in callx's engine.

Each test prints PASS, FAIL or SKIP with the reason, then a summary line
"N passed, M failed, K skipped". A test is skipped when it is for another
architecture, when its __retval needs a test run the engine cannot do
(program types other than xdp, tc and socket), or when it is annotated
__failure and callx rejected it only for what its verifier does not model
yet.

Exit status: 0 no test failed; 1 a test failed; 2 usage error, or an
object callx cannot read (the others are still run).`,
		Args: func(cmd *cobra.Command, args []string) error {
			if len(args) == 0 {
				return usageError("selftest takes at least one object (see callx selftest --help)")
			}
			return nil
		},
		RunE: func(cmd *cobra.Command, args []string) error {
			return runSelftests(cmd.OutOrStdout(), args, f)
		},
	}
	cmd.Flags().StringVar(&f.prog, "prog", "", "run only the test of this program (its function name)")
	cmd.Flags().BoolVarP(&f.quiet, "quiet", "q", false, "print only the failures and the summary")
	cmd.Flags().BoolVarP(&f.verbose, "verbose", "v", false, "print the verifier log of each failed test")
	return cmd
}

func runSelftests(out io.Writer, paths []string, f selftestFlags) error {
	var (
		total   selftest.Summary
		badObjs []string
		found   bool
	)
	for _, path := range paths {
		results, err := selftest.RunObject(path, selftest.RunOptions{Program: f.prog})
		if errors.Is(err, selftest.ErrNoProgram) {
			continue
		}
		if err != nil {
			fmt.Fprintf(out, "ERROR %s: %v\n", path, err)
			badObjs = append(badObjs, path)
			continue
		}
		found = true
		for _, r := range results {
			printSelftestResult(out, r, f)
		}
		total.Add(selftest.Summarize(results))
	}
	if f.prog != "" && !found && len(badObjs) == 0 {
		return usageError("no program %q in %s", f.prog, strings.Join(paths, ", "))
	}
	fmt.Fprintln(out, total)
	switch {
	case len(badObjs) > 0:
		return badInput(fmt.Errorf("%d of %d objects could not be read: %s", len(badObjs), len(paths), strings.Join(badObjs, ", ")))
	case total.Failed > 0:
		return rejected(fmt.Errorf("%d of %d tests failed", total.Failed, total.Passed+total.Failed+total.Skipped))
	}
	return nil
}

func printSelftestResult(out io.Writer, r *selftest.Result, f selftestFlags) {
	if f.quiet && r.Outcome != selftest.Fail {
		return
	}
	name := r.Name()
	if r.Spec.Description != "" {
		name += fmt.Sprintf(" (%q)", r.Spec.Description)
	}
	switch {
	case r.Outcome == selftest.Pass && r.Reason != "":
		fmt.Fprintf(out, "%s %s (%s)\n", r.Outcome, name, r.Reason)
	case r.Reason != "":
		fmt.Fprintf(out, "%s %s: %s\n", r.Outcome, name, r.Reason)
	default:
		fmt.Fprintf(out, "%s %s\n", r.Outcome, name)
	}
	if f.verbose && r.Outcome == selftest.Fail && strings.TrimSpace(r.Log) != "" {
		fmt.Fprintln(out, strings.TrimRight(indent(r.Log), " \n"))
	}
}
