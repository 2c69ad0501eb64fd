package selftest

// This file implements the kernel's verifier selftests as a conformance
// suite run against the running kernel: every privileged test of every
// compiled progs/verifier_*.c (scripts/selftests.sh builds them) is
// loaded the way test_loader.c loads it, and the kernel's verdict, log and
// return value are compared with the annotations.

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"
	"time"

	"github.com/callx/callx/kernel"
	"github.com/cilium/ebpf"
	"golang.org/x/sys/unix"
)

// cacheDir is where scripts/selftests.sh builds the objects.
func cacheDir() string {
	if d := os.Getenv("CALLX_SELFTESTS_CACHE"); d != "" {
		return d
	}
	home, err := os.UserHomeDir()
	if err != nil {
		return ""
	}
	return filepath.Join(home, ".cache", "callx", "selftests")
}

// selftestObjects returns the compiled verifier_*.o, or skips the test.
func selftestObjects(t *testing.T) []string {
	t.Helper()
	dir := filepath.Join(cacheDir(), "obj")
	files, _ := filepath.Glob(filepath.Join(dir, "verifier_*.o"))
	if len(files) == 0 {
		t.Skipf("no compiled verifier selftests in %s: run scripts/selftests.sh to build them (CALLX_SELFTESTS_CACHE chooses the folder)", dir)
	}
	return files
}

// status is what the kernel did with one test.
type status int

const (
	accepted    status = iota
	rejected           // the verifier refused it (a log, or an error from BPF_PROG_LOAD)
	refusedPerm        // EPERM before verification: not comparable
	setupError         // failed before BPF_PROG_LOAD (reading the object, kfuncs, attach targets, maps)
)

// outcome is one test's result.
type outcome struct {
	spec     *Spec
	status   status
	err      error
	log      string
	verdict  bool   // the verdict is the annotated one
	msgs     *bool  // nil: no __msg, or the verdict differs (test_loader stops there)
	missing  string // the first __msg not found
	retval   *bool  // nil: no test run (no __retval, or not accepted)
	gotRet   uint32
	runError error
}

// fileResult is one object's row of the table.
type fileResult struct {
	file                 string
	programs, aux        int
	tests, unprivOnly    int // privileged tests; unprivileged-only tests (not run)
	eperm, setup, loaded int // loaded = the kernel verified (accepted or rejected)
	verdictOK            int
	msgTotal, msgOK      int
	retTotal, retOK      int
	loadErr              error // the whole object could not be read
	noBTF                bool  // the kernel refused the object's BTF: loaded without, as libbpf does
	outcomes             []*outcome
}

// TestKernelSelftests loads every privileged verifier selftest into the
// running kernel, as test_loader.c does, and checks the kernel against the
// annotations. It writes the table to $CALLX_SELFTEST_REPORT when set.
func TestKernelSelftests(t *testing.T) {
	files := selftestObjects(t)
	if err := kernel.Available(); err != nil {
		t.Skip(err)
	}
	if testing.Short() {
		t.Skip("loads about 1,350 programs into the kernel: not in -short mode")
	}
	start := time.Now()
	var rows []*fileResult
	for _, f := range files {
		r, err := kernelFileResult(f) // shared with TestCallxSelftests
		if err != nil {
			t.Fatal(err)
		}
		rows = append(rows, r)
	}
	report := formatReport(rows, time.Since(start))
	t.Log("\n" + report)
	if out := os.Getenv("CALLX_SELFTEST_REPORT"); out != "" {
		if err := os.WriteFile(out, []byte(report), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	// The kernel agrees with its own annotations on nearly every test
	// (99.9% on Linux 6.18): much less means the harness loads the tests
	// differently from test_loader, not that the kernel changed.
	var verified, agree int
	for _, r := range rows {
		verified += r.loaded
		agree += r.verdictOK
	}
	if verified == 0 || agree*100 < verified*95 {
		t.Errorf("the kernel's verdict agrees with the annotations on %d of %d verified tests: below 95%%, the harness is wrong", agree, verified)
	}
}

// runFileInKernel runs the privileged tests of one object, with the
// capabilities prog_tests/verifier.c gives them, on a thread of its own
// (capabilities are per thread; the thread ends with the goroutine).
func runFileInKernel(path string) (*fileResult, error) {
	r := &fileResult{file: strings.TrimSuffix(filepath.Base(path), ".o")}
	done := make(chan error)
	go func() {
		runtime.LockOSThread() // never unlocked: the thread exits with the goroutine
		done <- withCaps(droppedCaps(r.file), func() { r.run(path) })
	}()
	return r, <-done
}

// run loads the tests of the object at path.
func (r *fileResult) run(path string) {
	cs, err := ebpf.LoadCollectionSpec(path)
	if err != nil {
		r.loadErr = err
		return
	}
	names := make([]string, 0, len(cs.Programs))
	for n := range cs.Programs {
		names = append(names, n)
	}
	sort.Strings(names)
	progs := make([]Prog, len(names))
	for i, n := range names {
		progs[i] = Prog{Name: n, Section: cs.Programs[n].SectionName}
	}
	specs, err := ParseBTF(cs.Types, progs)
	if err != nil {
		r.loadErr = err
		return
	}
	adjustRingbufs(cs)
	ok, err := objectBTFLoads(cs.Types)
	if err != nil {
		r.loadErr = fmt.Errorf("loading the object's BTF: %w", err)
		return
	}
	if !ok {
		r.noBTF = true
		stripBTF(cs)
	}
	r.programs = len(specs)
	for _, s := range specs {
		switch {
		case s.Auxiliary:
			r.aux++
		case !s.Priv:
			r.unprivOnly++
		case !s.RunsOn("X86_64"):
			// test_loader skips it on this architecture.
		default:
			r.tests++
			o := loadInKernel(cs, specs, s, filepath.Dir(path), preExecution[r.file])
			r.outcomes = append(r.outcomes, o)
			r.count(o)
		}
	}
}

func (r *fileResult) count(o *outcome) {
	switch o.status {
	case refusedPerm:
		r.eperm++
		return
	case setupError:
		r.setup++
		return
	}
	r.loaded++
	if o.verdict {
		r.verdictOK++
	}
	if o.msgs != nil {
		r.msgTotal++
		if *o.msgs {
			r.msgOK++
		}
	}
	if o.retval != nil {
		r.retTotal++
		if *o.retval {
			r.retOK++
		}
	}
}

// loadInKernel loads one test as run_subtest does in privileged mode: the
// object with only this program and the privileged auxiliary programs,
// the test's flags and log level; then, when the program is accepted and
// has a __retval, the file's pre-execution setup and one test run on 64
// zero bytes.
func loadInKernel(cs *ebpf.CollectionSpec, specs []*Spec, s *Spec, dir string, pre func(*ebpf.Collection) error) *outcome {
	o := &outcome{spec: s}
	load := cs.Copy()
	for _, other := range specs {
		if other.Program == s.Program || (other.Auxiliary && other.Priv) {
			load.Programs[other.Program].Flags |= s.Flags
			continue
		}
		delete(load.Programs, other.Program)
	}
	if usesAddrSpaceCast(load.Programs[s.Program]) {
		o.status = setupError
		o.err = errors.New("holds addr_space_cast, which cilium/ebpf v0.22 cannot write (it clears the offset of ALU instructions)")
		return o
	}
	opts := ebpf.CollectionOptions{Programs: ebpf.ProgramOptions{LogLevel: ebpf.LogLevel(s.LogLevel)}}
	if s.BTFPath != "" {
		types, err := btfPathTypes(dir, s.BTFPath)
		if err != nil {
			o.status, o.err = setupError, fmt.Errorf("__btf_path: %w", err)
			return o
		}
		opts.Programs.KernelTypes = types
	}
	coll, err := ebpf.NewCollectionWithOptions(load, opts)
	if coll != nil {
		defer coll.Close()
	}
	o.err = err
	var ve *ebpf.VerifierError
	switch {
	case err == nil:
		o.status = accepted
		o.log = coll.Programs[s.Program].VerifierLog
	case errors.Is(err, unix.EPERM) && (!errors.As(err, &ve) || strings.TrimSpace(strings.Join(ve.Log, "")) == ""):
		o.status = refusedPerm
	case strings.Contains(err.Error(), "load BTF"):
		o.status = setupError // the kernel refused the program's BTF, not the program
	case errors.As(err, &ve):
		o.status = rejected
		o.log = strings.Join(ve.Log, "\n")
	case strings.Contains(err.Error(), "load program"):
		o.status = rejected // refused by BPF_PROG_LOAD without a log
	default:
		o.status = setupError
	}
	if o.status != accepted && o.status != rejected {
		return o
	}
	o.verdict = (o.status == accepted) == s.ExpectSuccess
	if !o.verdict {
		return o
	}
	if len(s.Messages) > 0 {
		ok, missing := s.MatchLog(o.log)
		o.msgs, o.missing = &ok, missing
	}
	if o.status == accepted && s.Retval != nil {
		var ret uint32
		err := error(nil)
		if pre != nil {
			err = pre(coll)
		}
		if err == nil {
			ret, err = testRun(coll.Programs[s.Program])
		}
		ok := err == nil && s.RetvalMatches(ret)
		o.retval, o.gotRet, o.runError = &ok, ret, err
	}
	return o
}

// testRun runs the program once as do_prog_test_run does: 64 zero bytes
// in, room for 256 out; syscall programs get no options at all.
func testRun(p *ebpf.Program) (uint32, error) {
	if p.Type() == ebpf.Syscall {
		return p.Run(&ebpf.RunOptions{})
	}
	return p.Run(&ebpf.RunOptions{
		Data:    make([]byte, TestDataLen),
		DataOut: make([]byte, TestDataLen*4),
		Repeat:  1,
	})
}
