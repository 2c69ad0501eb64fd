package main

// This file implements `callx asm` and `callx disasm`.

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"github.com/callx/callx"
	"github.com/callx/callx/asm"
	"github.com/spf13/cobra"
)

func newAsmCmd() *cobra.Command {
	var out string
	cmd := &cobra.Command{
		Use:   "asm FILE.s -o FILE.bin",
		Short: "Assemble LLVM BPF assembly (or a .data file) into raw bytecode",
		Args:  exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if out == "" {
				out = strings.TrimSuffix(args[0], filepath.Ext(args[0])) + ".bin"
			}
			prog, err := callx.Open(args[0])
			if err != nil {
				return badInput(err)
			}
			if err := os.WriteFile(out, prog.Insns.Bytes(), 0o644); err != nil {
				return badInput(err)
			}
			fmt.Fprintf(cmd.ErrOrStderr(), "%s: %d instructions\n", out, len(prog.Insns))
			return nil
		},
	}
	cmd.Flags().StringVarP(&out, "output", "o", "", "output `FILE` (default: FILE with .bin)")
	return cmd
}

func newDisasmCmd() *cobra.Command {
	return &cobra.Command{
		Use:   "disasm FILE",
		Short: "Print a program in LLVM BPF assembly (raw bytecode, or any form run takes)",
		Args:  exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			prog, err := callx.Open(args[0])
			if err != nil {
				return badInput(err)
			}
			fmt.Fprint(cmd.OutOrStdout(), asm.Disassemble(prog.Insns))
			return nil
		},
	}
}
