package conformance

// This file implements the conformance run: every case of the shared
// bpf_conformance suite through the interpreter (package vm). Every file of
// tests/ must pass, except callx.data, which gives callx a meaning this
// project does not (the register holds a helper id, not a function value)
// and must be rejected saying so. Every file of negative/ must fail cleanly:
// rejected by the reader or the engine, trapped, or a wrong result; never a
// panic, never a pass.

import (
	"errors"
	"fmt"
	"path/filepath"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/callx/callx/vm"
)

// errEnginePanic marks a panic that escaped the engine.
var errEnginePanic = errors.New("engine panicked")

// loadError marks an error of vm.Load, as opposed to one of the run.
type loadError struct{ err error }

func (e *loadError) Error() string { return "load: " + e.err.Error() }
func (e *loadError) Unwrap() error { return e.err }

// runCase loads the case's program and runs it as the raw program type.
func runCase(c *Case) (ret uint64, err error) {
	defer func() {
		if v := recover(); v != nil {
			ret, err = 0, fmt.Errorf("%w: %v\n%s", errEnginePanic, v, debug.Stack())
		}
	}()
	p, err := vm.Load(c.Program, vm.Options{})
	if err != nil {
		return 0, &loadError{err}
	}
	return p.NewMachine().RunRaw(c.Mem)
}

// isPanic reports whether err is a panic, escaped or caught by the engine.
func isPanic(err error) bool {
	return errors.Is(err, errEnginePanic) || errors.Is(err, vm.ErrInternal)
}

// callxCase is the one file of tests/ expected to be rejected.
const callxCase = "callx.data"

func TestConformance(t *testing.T) {
	suite := suiteDir(t)
	files := suiteFiles(t, filepath.Join(suite, "tests"))
	var passed, failed []string // callx.data counts as passed when rejected as expected
	for _, file := range files {
		name := filepath.Base(file)
		ok := t.Run(name, func(t *testing.T) {
			c, err := ParseFile(file)
			if err != nil {
				t.Fatal(err)
			}
			ret, runErr := runCase(c)
			if isPanic(runErr) {
				t.Fatal(runErr)
			}
			checkErr := c.Check(ret, runErr)
			if name == callxCase {
				if checkErr == nil {
					t.Fatalf("passed; want a rejection: its `call %%r2` calls through a register holding helper id 5, not a function value")
				}
				msg := fmt.Sprint(runErr)
				if runErr == nil || !strings.Contains(msg, "callx") && !strings.Contains(msg, "function value") {
					t.Fatalf("rejected, but the error does not name callx or function values: %v", checkErr)
				}
				t.Logf("rejected as expected: %v", runErr)
				return
			}
			if checkErr != nil {
				t.Fatal(checkErr)
			}
		})
		if ok {
			passed = append(passed, name)
		} else {
			failed = append(failed, name)
		}
	}
	t.Logf("tests/: %d files: %d as expected (every case passing, %s rejected), %d not: %v",
		len(files), len(passed), callxCase, len(failed), failed)
}

func TestConformanceNegative(t *testing.T) {
	suite := suiteDir(t)
	files := suiteFiles(t, filepath.Join(suite, "negative"))
	byStage := map[string]int{}
	for _, file := range files {
		name := filepath.Base(file)
		t.Run(name, func(t *testing.T) {
			stage, err := negativeOutcome(file)
			if stage == "" {
				t.Fatal("passed; want a failure")
			}
			if isPanic(err) {
				t.Fatal(err)
			}
			byStage[stage]++
			t.Logf("%s: %v", stage, err)
		})
	}
	t.Logf("negative/: %d files: %d rejected by the reader, %d by vm.Load, %d trapped, %d wrong result",
		len(files), byStage["reader"], byStage["load"], byStage["run"], byStage["result"])
}

// negativeOutcome runs one file and says at which stage it failed:
// "reader", "load", "run" or "result" (a completed run that does not match
// the expectation), with the error; "" when it passed.
func negativeOutcome(file string) (stage string, err error) {
	c, err := ParseFile(file)
	if err != nil {
		return "reader", err
	}
	ret, runErr := runCase(c)
	var le *loadError
	switch {
	case errors.As(runErr, &le):
		return "load", le.err
	case runErr != nil:
		return "run", runErr
	}
	if err := c.Check(ret, nil); err != nil {
		return "result", err
	}
	return "", nil
}
