package conformance

// This file implements the reader of the suite's .data files and the check
// of a run against a case's expectation.
//
// The format, as the suite's own reader (bpf_test_parser.cc) has it:
//
//   - Everything after `#` on a line is a comment; blank lines are skipped.
//   - A line containing `--` starts a section, chosen by substring in this
//     order: `asm`, `result`, `mem`, `raw`, `no register offset` (ignored),
//     ` c` (C source, ignored), `error`. Any other header is an error here
//     (the suite skips such files). Lines before the first header are
//     ignored.
//   - asm: the program in the suite's assembly syntax
//     (asm.AssembleConformance); several asm sections are concatenated.
//   - raw: the program as instruction words, one per line, hexadecimal
//     (the 0x prefix is optional) with the opcode in the low byte, or as 8
//     space-separated hex bytes per line in memory order. When a file has
//     both asm and raw (tests/lddw.data), they must encode the same
//     instructions, and the program is the raw one.
//   - mem: the input bytes, space-separated hex, over any number of lines.
//   - result: the expected r0, one value, hexadecimal if it contains `0x`,
//     else decimal (a leading `-` gives the two's complement).
//   - error: the run must fail. The text (lines joined by newlines; it may
//     be empty) is what the suite's reference runner reports; it is kept in
//     Case.Error but not compared, since every engine words its errors its
//     own way.
//
// A case must have a program and exactly one of result and error. The
// program must pass asm.Program.Validate, so that a malformed raw
// instruction is an error naming its index; it is then normalised.

import (
	"fmt"
	"os"
	"strconv"
	"strings"

	"github.com/callx/callx/asm"
)

// Case is one test case of the suite.
type Case struct {
	Name      string      // the name given to Parse; ParseFile uses the path
	Program   asm.Program // validated and normalised
	Mem       []byte      // input bytes: r1 points to a copy, r2 is their length
	Result    uint64      // expected r0, when HasResult
	HasResult bool
	Error     string // expected error text (informative only), when HasError
	HasError  bool
}

// ParseFile reads and parses the .data file at path.
func ParseFile(path string) (*Case, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	return Parse(data, path)
}

// section is the kind of the section a line belongs to.
type section int

const (
	sectionIgnored section = iota // before the first header, C source, notes
	sectionAsm
	sectionRaw
	sectionResult
	sectionMem
	sectionError
)

// sectionOf returns the section a header line starts, matching by
// substring in the suite's order.
func sectionOf(header string) (section, bool) {
	switch {
	case strings.Contains(header, "asm"):
		return sectionAsm, true
	case strings.Contains(header, "result"):
		return sectionResult, true
	case strings.Contains(header, "mem"):
		return sectionMem, true
	case strings.Contains(header, "raw"):
		return sectionRaw, true
	case strings.Contains(header, "no register offset"), strings.Contains(header, " c"):
		return sectionIgnored, true
	case strings.Contains(header, "error"):
		return sectionError, true
	}
	return sectionIgnored, false
}

// dataParser is the state of one Parse call.
type dataParser struct {
	name     string
	c        *Case
	asmLines []string // one entry per file line, so that asm errors keep file line numbers
	hasAsm   bool
	asmEmpty bool // no asm section has a line of text
	raw      asm.Program
	hasRaw   bool
	gotValue bool // the result section has its value
	errText  []string
}

func (p *dataParser) errorf(line int, format string, args ...any) error {
	return &asm.SyntaxError{File: p.name, Line: line, Msg: fmt.Sprintf(format, args...)}
}

// Parse parses the contents of a .data file; name names the case in its
// Name and in errors.
func Parse(data []byte, name string) (*Case, error) {
	p := &dataParser{name: name, c: &Case{Name: name}}
	lines := strings.Split(string(data), "\n")
	p.asmLines = make([]string, len(lines))
	p.asmEmpty = true
	current := sectionIgnored
	for i, line := range lines {
		lineNo := i + 1
		if j := strings.IndexByte(line, '#'); j >= 0 {
			line = line[:j]
		}
		line = strings.TrimRight(line, " \t\r")
		text := strings.TrimSpace(line)
		if strings.Contains(text, "--") {
			s, ok := sectionOf(text)
			if !ok {
				return nil, p.errorf(lineNo, "unknown section header %q", text)
			}
			current = s
			switch s {
			case sectionAsm:
				p.hasAsm = true
			case sectionRaw:
				p.hasRaw = true
			case sectionResult:
				p.c.HasResult = true
			case sectionError:
				p.c.HasError = true
			}
			continue
		}
		if text == "" {
			continue
		}
		var err error
		switch current {
		case sectionAsm:
			p.asmLines[i] = line
			p.asmEmpty = false
		case sectionRaw:
			err = p.rawLine(lineNo, text)
		case sectionMem:
			err = p.memLine(lineNo, text)
		case sectionResult:
			if p.gotValue {
				return nil, p.errorf(lineNo, "more than one result value")
			}
			p.gotValue = true
			if p.c.Result, err = parseResult(text); err != nil {
				err = p.errorf(lineNo, "invalid result %q", text)
			}
		case sectionError:
			p.errText = append(p.errText, text)
		}
		if err != nil {
			return nil, err
		}
	}
	if err := p.finish(); err != nil {
		return nil, err
	}
	return p.c, nil
}

// finish checks the expectation, builds the program and validates it.
func (p *dataParser) finish() error {
	c := p.c
	c.Error = strings.Join(p.errText, "\n")
	switch {
	case c.HasResult && c.HasError:
		return fmt.Errorf("%s: both a result and an error section", p.name)
	case !c.HasResult && !c.HasError:
		return fmt.Errorf("%s: no result or error section", p.name)
	case c.HasResult && !p.gotValue:
		return fmt.Errorf("%s: the result section has no value", p.name)
	}

	var prog asm.Program
	if p.hasAsm {
		if p.asmEmpty {
			return fmt.Errorf("%s: the asm section is empty", p.name)
		}
		src := []byte(strings.Join(p.asmLines, "\n"))
		var err error
		if prog, err = asm.AssembleConformance(src, p.name); err != nil {
			return err
		}
	}
	if p.hasRaw {
		if len(p.raw) == 0 {
			return fmt.Errorf("%s: the raw section is empty", p.name)
		}
		if p.hasAsm {
			if err := p.sameProgram(prog, p.raw); err != nil {
				return err
			}
		}
		prog = p.raw
	}
	if prog == nil {
		return fmt.Errorf("%s: no program (no asm or raw section)", p.name)
	}
	if err := prog.Validate(); err != nil {
		return fmt.Errorf("%s: %w", p.name, err)
	}
	prog.Normalize()
	c.Program = prog
	return nil
}

// sameProgram checks that the asm and raw sections encode the same slots.
func (p *dataParser) sameProgram(fromAsm, fromRaw asm.Program) error {
	if len(fromAsm) != len(fromRaw) {
		return fmt.Errorf("%s: the asm section has %d slots, the raw section %d",
			p.name, len(fromAsm), len(fromRaw))
	}
	for i := range fromAsm {
		if fromAsm[i] != fromRaw[i] {
			return fmt.Errorf("%s: asm and raw differ at slot %d: %#016x vs %#016x",
				p.name, i, fromAsm[i].Word(), fromRaw[i].Word())
		}
	}
	return nil
}

// rawLine parses one line of a raw section: 8 hex bytes, or one word.
func (p *dataParser) rawLine(lineNo int, text string) error {
	fields := strings.Fields(text)
	if len(fields) == asm.InstructionSize && allHexBytes(fields) {
		var b [asm.InstructionSize]byte
		for i, f := range fields {
			v, _ := strconv.ParseUint(f, 16, 8) // checked by allHexBytes
			b[i] = byte(v)
		}
		p.raw = append(p.raw, asm.Unmarshal(b[:]))
		return nil
	}
	if len(fields) != 1 {
		return p.errorf(lineNo, "raw line %q: want one 64-bit hex word or 8 hex bytes", text)
	}
	digits := strings.TrimPrefix(strings.TrimPrefix(fields[0], "0x"), "0X")
	word, err := strconv.ParseUint(digits, 16, 64)
	if err != nil {
		return p.errorf(lineNo, "raw line %q: invalid 64-bit hex word", text)
	}
	p.raw = append(p.raw, asm.FromWord(word))
	return nil
}

// allHexBytes reports whether every field is exactly two hex digits.
func allHexBytes(fields []string) bool {
	for _, f := range fields {
		if len(f) != 2 {
			return false
		}
		if _, err := strconv.ParseUint(f, 16, 8); err != nil {
			return false
		}
	}
	return true
}

// memLine parses one line of a mem section: hex bytes.
func (p *dataParser) memLine(lineNo int, text string) error {
	for _, f := range strings.Fields(text) {
		v, err := strconv.ParseUint(f, 16, 8)
		if err != nil || len(f) > 2 {
			return p.errorf(lineNo, "invalid mem byte %q", f)
		}
		p.c.Mem = append(p.c.Mem, byte(v))
	}
	return nil
}

// parseResult parses the value of a result section.
func parseResult(text string) (uint64, error) {
	if strings.Contains(text, "0x") {
		return strconv.ParseUint(strings.TrimPrefix(text, "0x"), 16, 64)
	}
	if digits, neg := strings.CutPrefix(text, "-"); neg {
		v, err := strconv.ParseUint(digits, 10, 64)
		return -v, err // two's complement, as the suite's stoull
	}
	return strconv.ParseUint(text, 10, 64)
}

// Check says whether the outcome of a run, its r0 and its error, matches
// the case: nil when it does, else an error that says how it differs.
// A case that expects an error is matched by any error.
func (c *Case) Check(retval uint64, runErr error) error {
	if c.HasError {
		if runErr == nil {
			return fmt.Errorf("%s: got result %#x, want an error (%q)", c.Name, retval, c.Error)
		}
		return nil
	}
	if runErr != nil {
		return fmt.Errorf("%s: got error %w, want result %#x", c.Name, runErr, c.Result)
	}
	if retval != c.Result {
		return fmt.Errorf("%s: got result %#x, want %#x", c.Name, retval, c.Result)
	}
	return nil
}
