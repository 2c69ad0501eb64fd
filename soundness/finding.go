// This file implements Finding: what is wrong with one program, its
// report, and its regression file under testdata/.

package soundness

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"os"
	"path/filepath"
	"strings"
)

// Kind classifies findings.
type Kind string

// Kinds of findings.
const (
	// UnsoundAcceptance: callx's verifier accepts a program the kernel's rejects.
	UnsoundAcceptance Kind = "unsound-acceptance"
	// EngineTrap: callx's verifier accepts a program the engine traps
	// running (out of bounds, a bad call, a helper failing, ...).
	EngineTrap Kind = "engine-trap"
	// EngineRefused: callx's verifier accepts a program the engine will
	// not lower.
	EngineRefused Kind = "engine-refused"
	// VerifierPanic: the verifier panicked.
	VerifierPanic Kind = "verifier-panic"
	// VerifierHang: the verifier did not decide in time (an endless
	// loop, most likely).
	VerifierHang Kind = "verifier-hang"
	// KernelBug: callx's verifier accepts a program the kernel's rejects
	// with an internal error ("verifier bug: ...", EFAULT): a bug of the
	// kernel's, not callx's, worth reporting upstream.
	KernelBug Kind = "kernel-bug"
)

// Unsound reports whether findings of the kind mean the verifier let an
// unsafe program through (or crashed): all but EngineRefused, a program
// the engine will not run although the verifier accepted it, and
// KernelBug.
func (k Kind) Unsound() bool { return k != EngineRefused && k != KernelBug }

// Finding is a program the verifier under test got wrong.
type Finding struct {
	Kind    Kind
	Program *Program
	// Msg says what is wrong, in one line.
	Msg string
	// KernelLog is the tail of the kernel's log (level 1) for an
	// unsound acceptance.
	KernelLog string
	// CallxLog is the tail of callx's log (level 2) for the program,
	// filled in by Report.
	CallxLog string
	callxLog func() string // makes CallxLog
	// Trap is the engine's trap, Input the packet it ran on and
	// MapsFilled whether the maps held random values, for an EngineTrap.
	Trap       error
	Input      []byte
	MapsFilled bool
	// Minimized says how many instructions Minimize removed.
	Minimized int
}

func (f *Finding) Error() string { return fmt.Sprintf("%s: %s", f.Kind, f.Msg) }

// Report is the finding in full: what is wrong, the program in LLVM
// syntax with its slot numbers, the kernel's log and callx's.
func (f *Finding) Report() string {
	if f.CallxLog == "" && f.callxLog != nil {
		f.CallxLog = f.callxLog()
	}
	var b strings.Builder
	fmt.Fprintf(&b, "%s\n", f.Error())
	fmt.Fprintf(&b, "program (%s, %d slots", f.Program.Type, len(f.Program.Insns))
	if f.Minimized > 0 {
		fmt.Fprintf(&b, ", minimised by %d", f.Minimized)
	}
	if f.Program.Origin != "" {
		fmt.Fprintf(&b, ", %s", f.Program.Origin)
	}
	b.WriteString("):\n")
	b.WriteString(f.Program.Disassembly())
	if f.Input != nil {
		fmt.Fprintf(&b, "input: %d bytes (maps %s): %x\n", len(f.Input), map[bool]string{false: "empty", true: "filled"}[f.MapsFilled], f.Input)
	}
	if f.KernelLog != "" {
		b.WriteString("kernel log (tail):\n" + indent(f.KernelLog))
	}
	if f.CallxLog != "" {
		b.WriteString("callx log (tail):\n" + indent(f.CallxLog))
	}
	return b.String()
}

func indent(s string) string {
	var b strings.Builder
	for _, l := range strings.Split(strings.TrimRight(s, "\n"), "\n") {
		b.WriteString("  " + l + "\n")
	}
	return b.String()
}

// RegressionFile is the finding as a .s file: the finding and the
// kernel's reason as comments, then the program as ParseProgram reads it.
func (f *Finding) RegressionFile() []byte {
	comments := []string{
		findingPrefix + f.Error(),
		"While the file says \"status: open\", TestRegressions logs it and TestSoundness",
		"does not fail on findings like it (same kind, same message but for numbers);",
		"once fixed, delete the status line: TestRegressions then fails if it comes back.",
	}
	if f.Input != nil {
		comments = append(comments, fmt.Sprintf("input: %d bytes (maps filled: %v): %x", len(f.Input), f.MapsFilled, f.Input))
	}
	if f.KernelLog != "" {
		comments = append(comments, "kernel log (tail):\n"+tail(f.KernelLog, 12))
	}
	return append([]byte("# status: open\n"), f.Program.Text(comments...)...)
}

// findingPrefix starts the comment line of a regression file that says
// what the finding is.
const findingPrefix = "callx soundness finding: "

// Class is what makes findings alike: the kind and the message without
// its numbers (registers, offsets, instruction indexes).
func (f *Finding) Class() string {
	return string(f.Kind) + ": " + numbers.ReplaceAllString(f.Msg, "N")
}

// Regression is a regression file: the program, whether the finding is
// still open, and the class of the finding it was saved for.
type Regression struct {
	Program *Program
	Open    bool
	Class   string
}

// ParseRegression reads a regression file that RegressionFile wrote.
func ParseRegression(src []byte, file string) (*Regression, error) {
	p, err := ParseProgram(src, file)
	if err != nil {
		return nil, err
	}
	r := &Regression{Program: p}
	for _, line := range strings.Split(string(src), "\n") {
		line = strings.TrimSpace(line)
		switch {
		case line == "# status: open":
			r.Open = true
		case strings.HasPrefix(line, "#| "+findingPrefix) && r.Class == "":
			kind, msg, _ := strings.Cut(strings.TrimPrefix(line, "#| "+findingPrefix), ": ")
			r.Class = (&Finding{Kind: Kind(kind), Msg: msg}).Class()
		}
	}
	return r, nil
}

// FileName is the regression file's name: the kind and a hash of the
// instructions, so that the same finding saved twice is one file.
func (f *Finding) FileName() string {
	sum := sha256.Sum256(f.Program.Insns.Bytes())
	return fmt.Sprintf("%s-%s-%s.s", f.Kind, f.Program.Type, hex.EncodeToString(sum[:6]))
}

// Save writes the regression file into dir and returns its path.
func (f *Finding) Save(dir string) (string, error) {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return "", err
	}
	path := filepath.Join(dir, f.FileName())
	return path, os.WriteFile(path, f.RegressionFile(), 0o644)
}
