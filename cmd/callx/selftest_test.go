package main

import (
	"strings"
	"testing"

	"github.com/callx/callx/selftest"
)

const annotatedObj = "../../selftest/testdata/annotated.bpf.o"

// TestSelftestCommand checks `callx selftest` against selftest.RunObject
// in-process: a line per test with its outcome and reason, the summary,
// and the exit status.
func TestSelftestCommand(t *testing.T) {
	results, err := selftest.RunObject(annotatedObj, selftest.RunOptions{})
	if err != nil {
		t.Fatal(err)
	}
	sum := selftest.Summarize(results)
	code, out, errs := runCLI("selftest", annotatedObj)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(lines) != len(results)+1 {
		t.Fatalf("%d lines for %d tests:\n%s", len(lines), len(results), out)
	}
	for i, r := range results {
		l := lines[i]
		if !strings.HasPrefix(l, r.Outcome.String()+" annotated.bpf/"+r.Spec.Program) {
			t.Errorf("line %q, want %v for %s", l, r.Outcome, r.Name())
		}
		if r.Reason != "" && !strings.Contains(l, r.Reason) {
			t.Errorf("line %q lacks the reason %q", l, r.Reason)
		}
		if r.Spec.Description != "" && !strings.Contains(l, r.Spec.Description) {
			t.Errorf("line %q lacks the description %q", l, r.Spec.Description)
		}
	}
	if last := lines[len(lines)-1]; last != sum.String() {
		t.Errorf("summary %q, want %q", last, sum)
	}
	want := 0
	if sum.Failed > 0 {
		want = 1
	}
	if code != want {
		t.Errorf("exit %d, want %d (stderr %q)", code, want, errs)
	}

	// --quiet keeps the failures and the summary.
	_, quiet, _ := runCLI("selftest", "-q", annotatedObj)
	if got := strings.Count(quiet, "\n"); got != sum.Failed+1 || strings.Contains(quiet, "PASS") || strings.Contains(quiet, "SKIP") {
		t.Errorf("--quiet printed:\n%s", quiet)
	}
}

func TestSelftestProg(t *testing.T) {
	results, err := selftest.RunObject(annotatedObj, selftest.RunOptions{Program: "accepted"})
	if err != nil {
		t.Fatal(err)
	}
	// Objects without the program are passed over.
	code, out, errs := runCLI("selftest", "--prog", "accepted", "../../testdata/progs/counter.bpf.o", annotatedObj)
	lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
	if len(results) != 1 || len(lines) != 2 || !strings.HasPrefix(lines[0], results[0].Outcome.String()+" annotated.bpf/accepted") {
		t.Errorf("--prog accepted printed:\n%s", out)
	}
	if want := map[bool]int{true: 1, false: 0}[results[0].Outcome == selftest.Fail]; code != want {
		t.Errorf("exit %d, want %d (stderr %q)", code, want, errs)
	}
}

func TestSelftestExitCodes(t *testing.T) {
	junk := writeFile(t, "junk.o", "not an ELF object")
	tests := []struct {
		desc   string
		args   []string
		code   int
		stderr string
	}{
		{"no object", []string{"selftest"}, 2, "selftest takes at least one object"},
		{"a missing object", []string{"selftest", "no/such/file.o"}, 2, "1 of 1 objects could not be read: no/such/file.o"},
		{"an object that is not one, beside a good one", []string{"selftest", annotatedObj, junk}, 2, "1 of 2 objects could not be read"},
		{"an unknown program", []string{"selftest", "--prog", "nope", annotatedObj}, 2, `no program "nope"`},
		{"an unknown flag", []string{"selftest", "--frob", annotatedObj}, 2, "unknown flag"},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			code, _, errs := runCLI(tt.args...)
			if code != tt.code || !strings.Contains(errs, tt.stderr) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errs, tt.code, tt.stderr)
			}
		})
	}
	// The good object's tests still run and are counted.
	_, out, _ := runCLI("selftest", annotatedObj, junk)
	if !strings.Contains(out, "ERROR "+junk) || !strings.Contains(out, " passed, ") {
		t.Errorf("output:\n%s", out)
	}
}
