package selftest

// This file tests matching expected messages against logs and
// disassemblies with test_loader's rules.

import (
	"fmt"
	"testing"
)

// A level-2 verifier log, as the kernel writes one.
const sampleLog = `func#0 @0
0: R1=ctx() R10=fp0
0: (b7) r0 = 0                        ; R0_w=0
1: (bf) r1 = r2
R2 !read_ok
processed 2 insns (limit 1000000) max_states_per_insn 0 total_states 0 peak_states 0 mark_read 0
`

func TestMatch(t *testing.T) {
	tests := []struct {
		desc     string
		patterns []string
		ok       bool
		missing  string
	}{
		{"no patterns", nil, true, ""},
		{"one substring", []string{"R2 !read_ok"}, true, ""},
		{"in order", []string{"0: (b7) r0 = 0", "R2 !read_ok", "processed 2 insns"}, true, ""},
		{"out of order", []string{"R2 !read_ok", "0: (b7) r0 = 0"}, false, "0: (b7) r0 = 0"},
		{"the same text twice needs two occurrences", []string{"R10=fp0", "R10=fp0"}, false, "R10=fp0"},
		{"across lines", []string{"r1 = r2\nR2"}, true, ""},
		{"regex part", []string{"processed {{[0-9]+}} insns"}, true, ""},
		{"regex part fails", []string{"processed {{[a-z]+}} insns"}, false, "processed {{[a-z]+}} insns"},
		{"literal brackets and regex", []string{"(bf) r1 = {{r[0-9]}}"}, true, ""},
		{"regex metacharacters outside {{}} are literal", []string{"R1=ctx() R10"}, true, ""},
		{"regex dot does not cross lines", []string{"R0_w=0{{.*}}R2 !read_ok"}, false, "R0_w=0{{.*}}R2 !read_ok"},
		{"regex anchors at line starts", []string{"{{^}}1: (bf)"}, true, ""},
		{"regex starts after the previous match", []string{"R2 !read_ok", "{{func#[0-9]}}"}, false, "{{func#[0-9]}}"},
		{"pattern too short to be a regex", []string{"{ not regex }"}, false, "{ not regex }"},
	}
	for _, tt := range tests {
		ok, missing := Match(tt.patterns, sampleLog)
		if ok != tt.ok || missing != tt.missing {
			t.Errorf("%s: Match = %v, %q; want %v, %q", tt.desc, ok, missing, tt.ok, tt.missing)
		}
	}
}

const sampleXlated = `0: r0 = 0
1: r1 = r10
2: r1 += -8
3: exit
`

func TestMatchDisasm(t *testing.T) {
	tests := []struct {
		desc     string
		patterns []string
		ok       bool
		missing  string
	}{
		{"consecutive lines", []string{"0: r0 = 0", "1: r1 = r10"}, true, ""},
		{"a skipped line", []string{"0: r0 = 0", "2: r1 += -8"}, false, "2: r1 += -8"},
		{"... allows a gap", []string{"0: r0 = 0", "...", "3: exit"}, true, ""},
		{"the first pattern may match anywhere", []string{"2: r1 += -8", "3: exit"}, true, ""},
		{"regex on lines", []string{"{{[0-9]}}: r1 = r10", "2: r1 += {{-?[0-9]+}}"}, true, ""},
		{"only ...", []string{"..."}, true, ""},
	}
	for _, tt := range tests {
		ok, missing := MatchDisasm(tt.patterns, sampleXlated)
		if ok != tt.ok || missing != tt.missing {
			t.Errorf("%s: MatchDisasm = %v, %q; want %v, %q", tt.desc, ok, missing, tt.ok, tt.missing)
		}
	}
}

func TestSpecMatchLog(t *testing.T) {
	s := &Spec{Messages: []string{"R2 !read_ok"}, UnprivMessages: []string{"R2 leaks addr"}}
	if ok, _ := s.MatchLog(sampleLog); !ok {
		t.Error("privileged messages do not match")
	}
	if ok, missing := s.MatchUnprivLog(sampleLog); ok || missing != "R2 leaks addr" {
		t.Errorf("unprivileged: %v, %q", ok, missing)
	}
}

func ExampleMatch() {
	log := "0: (b7) r0 = 0\n1: (95) exit\nprocessed 2 insns (limit 1000000)\n"
	ok, missing := Match([]string{"r0 = 0", "processed {{[0-9]+}} insns"}, log)
	fmt.Printf("%v %q\n", ok, missing)
	ok, missing = Match([]string{"exit", "r0 = 0"}, log)
	fmt.Printf("%v %q\n", ok, missing)
	// Output:
	// true ""
	// false "r0 = 0"
}
