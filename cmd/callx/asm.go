package main

// This file implements `callx asm` and `callx disasm`.

import (
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/callx/callx"
	"github.com/callx/callx/asm"
	"github.com/callx/callx/loader"
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
	var prog string
	cmd := &cobra.Command{
		Use:   "disasm [--prog NAME] FILE",
		Short: "Print programs in LLVM BPF assembly (an object's with their C source lines)",
		Args:  exactArgs(1),
		RunE: func(cmd *cobra.Command, args []string) error {
			if strings.EqualFold(filepath.Ext(args[0]), ".o") {
				return disasmObject(cmd.OutOrStdout(), args[0], prog)
			}
			p, err := callx.Open(args[0])
			if err != nil {
				return badInput(err)
			}
			fmt.Fprint(cmd.OutOrStdout(), asm.Disassemble(p.Insns))
			return nil
		},
	}
	cmd.Flags().StringVar(&prog, "prog", "", "with a .o file: only this program")
	return cmd
}

// disasmObject prints the programs of an object with their source lines.
func disasmObject(out io.Writer, path, name string) error {
	obj, err := loader.Open(path)
	if err != nil {
		return badInput(err)
	}
	found := false
	for _, p := range obj.Programs {
		if name != "" && p.Name != name {
			continue
		}
		found = true
		fmt.Fprintf(out, "%s (section %s, %s):\n%s\n", p.Name, p.Section, p.Type, p.Disassemble())
	}
	if !found {
		return usageError("%s: no program %q", path, name)
	}
	return nil
}
