package main

// This file implements `callx verify`: the verifier's verdict on each
// program of an object (or on one program of assembly or bytecode), with
// the log at the kernel's log levels.

import (
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"
	"time"

	"github.com/callx/callx"
	"github.com/callx/callx/loader"
	"github.com/callx/callx/verifier"
	"github.com/spf13/cobra"
)

type verifyFlags struct {
	prog     string
	logLevel int
	json     bool
	typ      string
}

// maxLogLevel is the sum of the kernel's log level bits callx knows:
// 1 (the failing path), 2 (every instruction), 4 (statistics).
const maxLogLevel = verifier.LogLevel1 | verifier.LogLevel2 | verifier.LogLevelStats

func newVerifyCmd() *cobra.Command {
	var f verifyFlags
	cmd := &cobra.Command{
		Use:   "verify [flags] FILE.o|FILE.s|FILE.bin",
		Short: "Verify the programs of an object and print the verdicts",
		Long: `Verify each program of a clang BPF object (or the one named by --prog)
with callx's verifier, as the kernel's BPF_PROG_LOAD would, and print for
each one whether it is accepted, with the instructions processed and the
time, or where and why it is rejected.

--log-level takes the kernel's bits: 1 the failing path, 2 every
instruction with the register state, 4 the statistics; the log follows
each verdict. --json prints one array, an object per program:
{"name", "section", "accepted", "error", "log", "processed_insns", "verify_ns"}.

A .s (LLVM assembly) or raw bytecode file is one program of the type
--type (default socket).

Exit status: 0 all accepted; 1 any rejected; 2 usage error or bad input.`,
		Args: exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			return verifyFile(cmd.OutOrStdout(), args[0], f, cmd.Flags().Changed("type"))
		},
	}
	cmd.Flags().StringVar(&f.prog, "prog", "", "verify only this program of a .o file (its function name)")
	cmd.Flags().IntVar(&f.logLevel, "log-level", 0, "verifier log `LEVEL`: 1 failing path, 2 every instruction, 4 statistics (bits, as the kernel's)")
	cmd.Flags().BoolVar(&f.json, "json", false, `print a JSON array: {"name", "section", "accepted", "error", "log", "processed_insns", "verify_ns"} per program`)
	cmd.Flags().StringVar(&f.typ, "type", string(loader.ProgSocket), "program `TYPE` of a .s or bytecode file (libbpf's names: socket, xdp, tc, ...)")
	return cmd
}

// verdict is one program's result: the contract's JSON object.
type verdict struct {
	Name           string `json:"name"`
	Section        string `json:"section"`
	Accepted       bool   `json:"accepted"`
	Error          string `json:"error"`
	Log            string `json:"log"`
	ProcessedInsns int    `json:"processed_insns"`
	VerifyNs       int64  `json:"verify_ns"`

	typ  loader.ProgType
	insn int // the rejected instruction, -1 when the error names none
	msg  string
}

func verifyFile(out io.Writer, path string, f verifyFlags, typeSet bool) error {
	if f.logLevel < 0 || f.logLevel > maxLogLevel {
		return usageError("--log-level is a sum of 1 (failing path), 2 (every instruction) and 4 (statistics), got %d", f.logLevel)
	}
	var verdicts []*verdict
	if strings.EqualFold(filepath.Ext(path), ".o") {
		if typeSet {
			return usageError("--type is for .s and bytecode files: a .o program's type is its section's")
		}
		obj, err := loader.Open(path)
		if err != nil {
			return badInput(err)
		}
		progs := obj.Programs
		if f.prog != "" {
			p := obj.Program(f.prog)
			if p == nil {
				return usageError("%s: no program %q (it has %s)", path, f.prog, programNames(obj))
			}
			progs = []*loader.Program{p}
		}
		if len(progs) == 0 {
			return badInput(fmt.Errorf("%s: the object has no programs", path))
		}
		for _, p := range progs {
			v := runVerifier(func(opts verifier.Options) (*verifier.Verified, error) {
				return verifier.VerifyProgram(obj, p, opts)
			}, f.logLevel)
			v.Name, v.Section, v.typ = p.Name, p.Section, p.Type
			verdicts = append(verdicts, v)
		}
	} else {
		if f.prog != "" {
			return usageError("--prog is for .o files")
		}
		typ := loader.ProgType(f.typ)
		if typ.KernelType() == 0 {
			return usageError("--type %q is not a program type (libbpf's names: socket, xdp, tc, cgroup_skb, ...)", f.typ)
		}
		prog, err := callx.Open(path)
		if err != nil {
			return badInput(err)
		}
		v := runVerifier(func(opts verifier.Options) (*verifier.Verified, error) {
			opts.Type = typ
			return verifier.Verify(prog.Insns, opts)
		}, f.logLevel)
		v.Name, v.typ = strings.TrimSuffix(filepath.Base(path), filepath.Ext(path)), typ
		verdicts = append(verdicts, v)
	}

	if f.json {
		if err := json.NewEncoder(out).Encode(verdicts); err != nil {
			return err
		}
	} else {
		printVerdictsHuman(out, verdicts, f.logLevel)
	}
	var rejectedNames []string
	for _, v := range verdicts {
		if !v.Accepted {
			rejectedNames = append(rejectedNames, v.Name)
		}
	}
	if len(rejectedNames) > 0 {
		return rejected(fmt.Errorf("%s: %d of %d programs rejected (%s)", path, len(rejectedNames), len(verdicts), strings.Join(rejectedNames, ", ")))
	}
	return nil
}

// runVerifier verifies one program at the log level and fills in its
// verdict. A panic of the verifier is a rejection that says so, not a
// crash: the contract's exit statuses hold.
func runVerifier(verify func(verifier.Options) (*verifier.Verified, error), level int) (v *verdict) {
	v = &verdict{insn: -1}
	start := time.Now()
	defer func() {
		if x := recover(); x != nil {
			v.Accepted = false
			v.msg = fmt.Sprintf("callx: internal error: the verifier panicked: %v", x)
			v.Error = v.msg
			v.VerifyNs = time.Since(start).Nanoseconds()
		}
	}()
	res, err := verify(verifier.Options{LogLevel: level})
	if err == nil {
		v.Accepted = true
		v.Log = res.Log
		v.ProcessedInsns = res.Stats.Processed
		v.VerifyNs = res.Stats.Duration.Nanoseconds()
		return v
	}
	v.Error, v.msg = err.Error(), err.Error()
	var ve *verifier.Error
	if errors.As(err, &ve) {
		v.insn, v.msg = ve.Insn, ve.Msg
		v.Log = ve.Log
		v.ProcessedInsns = ve.Stats.Processed
		v.VerifyNs = ve.Stats.Duration.Nanoseconds()
	} else {
		v.VerifyNs = time.Since(start).Nanoseconds()
	}
	return v
}

func printVerdictsHuman(out io.Writer, verdicts []*verdict, level int) {
	for _, v := range verdicts {
		where := v.Section
		if where == "" {
			where = string(v.typ)
		}
		switch {
		case v.Accepted:
			fmt.Fprintf(out, "%s (%s): accepted, %d insns processed, %s\n", v.Name, where, v.ProcessedInsns, formatNs(float64(v.VerifyNs)))
		case v.insn >= 0:
			fmt.Fprintf(out, "%s (%s): rejected at insn %d: %s\n", v.Name, where, v.insn, v.msg)
		default:
			fmt.Fprintf(out, "%s (%s): rejected: %s\n", v.Name, where, v.msg)
		}
		if level > 0 && strings.TrimSpace(v.Log) != "" {
			fmt.Fprintln(out, strings.TrimRight(indent(v.Log), " \n"))
		}
	}
}

func programNames(obj *loader.Object) string {
	names := make([]string, len(obj.Programs))
	for i, p := range obj.Programs {
		names[i] = p.Name
	}
	if len(names) == 0 {
		return "no programs"
	}
	return strings.Join(names, ", ")
}
