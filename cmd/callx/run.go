package main

// This file implements `callx run`.

import (
	"encoding/json"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/callx/callx"
	"github.com/callx/callx/asm"
	"github.com/callx/callx/vm"
	"github.com/spf13/cobra"
)

type runFlags struct {
	prog   string
	pcap   string
	out    string
	data   string
	repeat int
	json   bool
	show   bool
	budget int64
	// noVerify runs a .o program without the verifier (the engine's safe
	// mode: every access is still checked at run time).
	noVerify bool
}

func newRunCmd() *cobra.Command {
	var f runFlags
	cmd := &cobra.Command{
		Use:   "run [flags] FILE.o|FILE.s|FILE.data|FILE.bin",
		Short: "Run a program and print its result and time per run",
		Long: `Run a program as the raw program type: r1 points to a copy of the input
(--data FILE, or a .data file's "-- mem"), r2 is its length.

A .o file (clang's BPF object) runs the program named by --prog (the only
one if there is one) with the context of its section's program type: an
XDP, tc or socket filter program on one packet (--data) or on every packet
of a capture (--pcap, with --out for the packets it leaves). The verifier
checks it first, as the kernel would (exit status 1 and its message when it
rejects the program); --no-verify runs it in the engine's safe mode only.

A .data file's expectations are checked: a different result, or a run that
succeeds where "-- error" says it must fail, exits with status 1.

Exit status: 0 ran; 1 rejected or trapped; 2 usage error or bad input.`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return runProgram(cmd.OutOrStdout(), args[0], f)
		},
	}
	cmd.Flags().StringVar(&f.data, "data", "", "input `FILE`: raw bytes (a packet, for .o programs)")
	cmd.Flags().StringVar(&f.prog, "prog", "", "the program of a .o file to run (its function name)")
	cmd.Flags().StringVar(&f.pcap, "pcap", "", "run a .o packet program on every packet of a pcap `FILE`")
	cmd.Flags().StringVar(&f.out, "out", "", "with --pcap: write the packets after the program to a pcap `FILE`")
	cmd.Flags().IntVar(&f.repeat, "repeat", 1, "run `N` times and report the mean time per run")
	cmd.Flags().BoolVar(&f.json, "json", false, `print one JSON object: {"retval", "runs", "ns_per_run"}`)
	cmd.Flags().BoolVar(&f.show, "show", false, "print the program before running it")
	cmd.Flags().Int64Var(&f.budget, "budget", 0, "most instructions one run may execute (default 2^30)")
	cmd.Flags().BoolVar(&f.noVerify, "no-verify", false, "run a .o program without verifying it first (the engine still checks every access)")
	return cmd
}

func runProgram(out io.Writer, path string, f runFlags) error {
	if f.repeat < 1 {
		return usageError("--repeat must be at least 1, got %d", f.repeat)
	}
	if strings.EqualFold(filepath.Ext(path), ".o") {
		return runObject(out, path, f)
	}
	if f.prog != "" || f.pcap != "" || f.out != "" {
		return usageError("--prog, --pcap and --out are for .o files")
	}
	prog, err := callx.Open(path)
	if err != nil {
		return badInput(err)
	}
	input := prog.Input
	if f.data != "" {
		if input, err = os.ReadFile(f.data); err != nil {
			return badInput(err)
		}
	}
	if f.show && !f.json {
		fmt.Fprintf(out, "%s (%s, %d instructions):\n%s\n", path, prog.Format, len(prog.Insns), indent(asm.Disassemble(prog.Insns)))
	}
	loaded, err := prog.Load(vm.Options{})
	if err != nil {
		return rejected(fmt.Errorf("%s: %w", path, err))
	}
	res, runErr := callx.Run(loaded, callx.RunOptions{Input: input, Repeat: f.repeat, Budget: f.budget})
	if prog.Case != nil {
		var ret uint64
		if res != nil {
			ret = res.Retval
		}
		if err := prog.Case.Check(ret, runErr); err != nil {
			return rejected(err) // names the file already
		}
		if runErr != nil { // the file expected this error
			fmt.Fprintf(out, "%s: failed as expected: %v\n", path, runErr)
			return nil
		}
	}
	if runErr != nil {
		return rejected(fmt.Errorf("%s: %w", path, runErr))
	}
	if f.json {
		return json.NewEncoder(out).Encode(struct {
			Retval   uint64  `json:"retval"`
			Runs     int     `json:"runs"`
			NsPerRun float64 `json:"ns_per_run"`
		}{res.Retval, res.Runs, res.NsPerRun})
	}
	fmt.Fprintf(out, "retval: %d (%#x)\n", res.Retval, res.Retval)
	fmt.Fprintf(out, "runs:   %d, %s per run, %d instructions per run, %.2f ns per instruction\n",
		res.Runs, formatNs(res.NsPerRun), res.Insns, res.NsPerInsn())
	return nil
}

func formatNs(ns float64) string {
	switch {
	case ns >= 1e6:
		return fmt.Sprintf("%.2f ms", ns/1e6)
	case ns >= 1e3:
		return fmt.Sprintf("%.2f µs", ns/1e3)
	}
	return fmt.Sprintf("%.1f ns", ns)
}

func indent(s string) string {
	out := []byte("  ")
	for i := 0; i < len(s); i++ {
		out = append(out, s[i])
		if s[i] == '\n' && i+1 < len(s) {
			out = append(out, ' ', ' ')
		}
	}
	return string(out)
}
