// Command callx assembles, disassembles and runs eBPF programs in user
// space. See `callx help` and ARCHITECTURE.md for the contract of `run`.
//
// Exit status: 0 ran; 1 rejected or trapped; 2 usage error or bad input.
package main

import (
	"errors"
	"fmt"
	"io"
	"os"

	"github.com/spf13/cobra"
)

// Exit statuses of the CLI contract.
const (
	exitOK       = 0
	exitRejected = 1 // the engine refused the program, or a run trapped
	exitBadInput = 2 // usage error, or a file callx cannot read
)

// exitError carries the status an error ends the command with.
type exitError struct {
	code int
	err  error
}

func (e *exitError) Error() string { return e.err.Error() }
func (e *exitError) Unwrap() error { return e.err }

func usageError(format string, args ...any) error {
	return &exitError{exitBadInput, fmt.Errorf(format, args...)}
}

func badInput(err error) error { return &exitError{exitBadInput, err} }
func rejected(err error) error { return &exitError{exitRejected, err} }

func main() {
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// run executes the CLI with args and returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	root := newRootCmd()
	root.SetArgs(args)
	root.SetOut(stdout)
	root.SetErr(stderr)
	err := root.Execute()
	if err == nil {
		return exitOK
	}
	fmt.Fprintln(stderr, "callx:", err)
	var e *exitError
	if errors.As(err, &e) {
		return e.code
	}
	return exitBadInput // cobra's own errors: unknown command or flag
}

func newRootCmd() *cobra.Command {
	root := &cobra.Command{
		Use:           "callx",
		Short:         "callx runs eBPF programs in user space, safely and fast",
		SilenceUsage:  true,
		SilenceErrors: true,
	}
	root.SetFlagErrorFunc(func(_ *cobra.Command, err error) error { return usageError("%v", err) })
	root.AddCommand(newRunCmd(), newAsmCmd(), newDisasmCmd(), newVerifyCmd(), newSelftestCmd())
	return root
}

// exactArgs is cobra.ExactArgs with the usage exit status.
func exactArgs(n int) cobra.PositionalArgs {
	return func(cmd *cobra.Command, args []string) error {
		if len(args) != n {
			return usageError("%s takes %d argument(s), got %d (see callx %s --help)", cmd.Name(), n, len(args), cmd.Name())
		}
		return nil
	}
}
