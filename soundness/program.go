// This file implements Program, what the harness checks: instructions, a
// program type and maps, and its text: a .s file in LLVM's BPF syntax
// whose header comments give the type and the maps.

package soundness

import (
	"bufio"
	"bytes"
	"fmt"
	"strings"

	"github.com/callx/callx/asm"
	"github.com/callx/callx/loader"
)

// The program types the harness generates.
const (
	XDP    = loader.ProgXDP    // struct xdp_md context, packet pointers
	Socket = loader.ProgSocket // struct __sk_buff context, LD_ABS and LD_IND
)

// Program is one program to check.
type Program struct {
	Type  loader.ProgType
	Insns asm.Program
	// Maps are the maps map_idx(N) names, by N.
	Maps []MapSpec
	// Origin says where the program came from ("seed 42", "seed 42
	// mutant 3: insn 7 off 8 -> 9"), for reports.
	Origin string
}

// Clone returns a copy of p that shares nothing with it.
func (p *Program) Clone() *Program {
	q := *p
	q.Insns = append(asm.Program(nil), p.Insns...)
	q.Maps = append([]MapSpec(nil), p.Maps...)
	return &q
}

// Disassembly returns the instructions in LLVM syntax, one a line, each
// after its slot number as a comment, so that the kernel's and callx's
// "insn N" point at a line.
func (p *Program) Disassembly() string {
	var b strings.Builder
	for i := 0; i < len(p.Insns); i++ {
		fmt.Fprintf(&b, "\t%-40s # %d\n", asm.FormatInstruction(p.Insns, i), i)
		if p.Insns[i].IsLoadImm64() && i+1 < len(p.Insns) {
			i++
		}
	}
	return b.String()
}

// Text returns the program as a .s file that ParseProgram reads back:
// the comments (each line prefixed with "#| ", so that none reads as a
// header), the type and map headers, and
// the disassembly.
func (p *Program) Text(comments ...string) []byte {
	var b bytes.Buffer
	for _, c := range comments {
		for _, line := range strings.Split(strings.TrimRight(c, "\n"), "\n") {
			b.WriteString(strings.TrimRight("#| "+line, " ") + "\n")
		}
	}
	fmt.Fprintf(&b, "# type: %s\n", p.Type)
	for _, m := range p.Maps {
		fmt.Fprintf(&b, "# map: %s\n", m)
	}
	if p.Origin != "" {
		fmt.Fprintf(&b, "# origin: %s\n", p.Origin)
	}
	b.WriteString(p.Disassembly())
	return b.Bytes()
}

// ParseProgram reads a program file: LLVM-syntax assembly whose comment
// lines "# type: xdp" (or socket) and "# map: array key=4 value=48
// entries=4" (one per map, in map_idx order) give the type and the maps.
// Without map lines the program has StandardMaps.
func ParseProgram(src []byte, file string) (*Program, error) {
	insns, err := asm.Assemble(src, file)
	if err != nil {
		return nil, err
	}
	p := &Program{Insns: insns}
	sc := bufio.NewScanner(bytes.NewReader(src))
	line := 0
	for sc.Scan() {
		line++
		text := strings.TrimSpace(sc.Text())
		rest, ok := strings.CutPrefix(text, "#")
		if !ok {
			continue
		}
		key, value, ok := strings.Cut(strings.TrimSpace(rest), ":")
		if !ok {
			continue
		}
		value = strings.TrimSpace(value)
		switch key {
		case "type":
			p.Type = loader.ProgType(value)
			if p.Type != XDP && p.Type != Socket {
				return nil, fmt.Errorf("%s:%d: type %q: the harness runs xdp and socket programs", file, line, value)
			}
		case "map":
			m, err := ParseMapSpec(value)
			if err != nil {
				return nil, fmt.Errorf("%s:%d: %w", file, line, err)
			}
			p.Maps = append(p.Maps, m)
		case "origin":
			p.Origin = value
		}
	}
	if p.Type == "" {
		return nil, fmt.Errorf("%s: no \"# type: xdp\" or \"# type: socket\" line", file)
	}
	if p.Maps == nil {
		p.Maps = append([]MapSpec(nil), StandardMaps...)
	}
	return p, nil
}
