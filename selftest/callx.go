package selftest

// This file implements running a selftest object's tests through callx:
// its verifier for the verdict and the log, and its engine for the one
// test run a __retval asks for, with the rules of test_loader.c's
// run_subtest. `callx selftest` and the package's tests share it.

import (
	"encoding/binary"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"strings"

	"github.com/cilium/ebpf/btf"

	"github.com/callx/callx"
	"github.com/callx/callx/ctx"
	"github.com/callx/callx/loader"
	"github.com/callx/callx/maps"
	"github.com/callx/callx/verifier"
	"github.com/callx/callx/vm"
)

// Outcome is what became of one test run through callx.
type Outcome int

// Outcomes.
const (
	// Pass: the verdict is the annotated one, and so are the __msg
	// patterns and the __retval where there are some.
	Pass Outcome = iota
	// Fail: the verdict, a __msg pattern or the __retval differs, the
	// test run failed, or the verifier panicked.
	Fail
	// Skip: the test was not run or not fully checked: it is for another
	// architecture, its __retval needs a test run the engine cannot do,
	// or it is annotated __failure and callx rejected it only for what
	// its verifier does not model yet (verifier.CodeUnsupported).
	Skip
)

func (o Outcome) String() string {
	switch o {
	case Pass:
		return "PASS"
	case Fail:
		return "FAIL"
	}
	return "SKIP"
}

// RetvalCheck is what became of a test's __retval.
type RetvalCheck int

// Retval checks.
const (
	// RetvalNone: no test run, because the test has no __retval, or the
	// program was not accepted, or the verdict differs (test_loader stops
	// there).
	RetvalNone    RetvalCheck = iota
	RetvalOK                  // the test run returned the annotated value
	RetvalWrong               // it returned another value, or the run failed
	RetvalSkipped             // the engine cannot run this program (Result.RunErr says why)
)

// Result is one test's result through callx.
type Result struct {
	File    string // the object's name: its file name without ".o"
	Spec    *Spec
	Outcome Outcome
	// Reason says why the test failed or was skipped; for a pass, what
	// was not checked (or "").
	Reason string

	// The verifier's verdict. Err is the rejection (a *verifier.Error,
	// or whatever else Verify returned); Log is the log at the test's
	// level, with libbpf's rule: a rejection at level 0 is verified again
	// at level 1 for its log.
	Accepted bool
	Err      error
	Log      string
	Stats    verifier.Stats
	// Unsupported is a rejection with verifier.CodeUnsupported.
	Unsupported bool
	// Panic is the value the verifier panicked with, "" when it did not.
	Panic string

	VerdictOK  bool   // Accepted is the annotated verdict
	MsgChecked bool   // the test has __msg patterns and the verdict agrees
	MsgOK      bool   // they all match, in order
	Missing    string // the first pattern not found

	Retval    RetvalCheck
	GotRetval uint32 // the test run's return value, as BPF_PROG_TEST_RUN reports it
	RunErr    error  // why the test run failed (RetvalWrong) or was not done (RetvalSkipped)
}

// Name is the test's name for reports: "file/program".
func (r *Result) Name() string { return r.File + "/" + r.Spec.Program }

// ErrNoProgram is RunObject's error when RunOptions.Program names no
// program of the object.
var ErrNoProgram = errors.New("no program")

// VerifyFunc verifies one program of an object; verifier.VerifyProgram is
// the one RunObject uses unless told otherwise.
type VerifyFunc func(obj *loader.Object, p *loader.Program, opts verifier.Options) (*verifier.Verified, error)

// RunOptions tune RunObject.
type RunOptions struct {
	// Arch is the architecture the tests run as, as __arch_* names them
	// ("X86_64", "ARM64", "RISCV64"); "" is the host's (HostArch).
	Arch string
	// Program, when set, runs only the test of that program.
	Program string
	// Verify replaces the verifier (for tests of the harness); nil is
	// verifier.VerifyProgram.
	Verify VerifyFunc
}

// HostArch is the host's architecture as __arch_* names it, or "" when
// it is none of Archs.
func HostArch() string {
	switch runtime.GOARCH {
	case "amd64":
		return "X86_64"
	case "arm64":
		return "ARM64"
	case "riscv64":
		return "RISCV64"
	}
	return ""
}

// RunObject runs the privileged tests of a compiled selftest object
// through callx, as test_loader runs them through the kernel: for each
// program that is a privileged test (not __auxiliary, not
// unprivileged-only), it verifies the program with the test's log level
// and flags, compares the verdict with __success or __failure, matches
// the __msg patterns against the log, and for an accepted program with a
// __retval runs it once on TestDataLen zero bytes in callx's engine (the
// object's maps created for the run, with the pre-execution setup of
// prog_tests/verifier.c). Results are in the order of the object's
// programs. An object the loader cannot read, or whose annotations do not
// parse, is an error; so is a RunOptions.Program the object does not have
// (ErrNoProgram).
func RunObject(path string, opts RunOptions) ([]*Result, error) {
	obj, err := loader.Open(path)
	if err != nil {
		return nil, err
	}
	specs, err := Parse(obj)
	if err != nil {
		return nil, err
	}
	// __btf_path names the BTF CO-RE relocates against (an object built
	// beside the tests); test_loader.c gives it to libbpf. Without that
	// object the relocations stay against the running kernel's BTF.
	for _, s := range specs {
		if s.BTFPath == "" {
			continue
		}
		if target, err := btf.LoadSpec(filepath.Join(filepath.Dir(path), s.BTFPath)); err == nil {
			if obj, err = loader.OpenWith(path, loader.Options{CORETarget: target}); err != nil {
				return nil, err
			}
		}
		break
	}
	if opts.Program != "" && obj.Program(opts.Program) == nil {
		return nil, fmt.Errorf("%s: %w %q", obj.Name, ErrNoProgram, opts.Program)
	}
	arch := opts.Arch
	if arch == "" {
		arch = HostArch()
	}
	verify := opts.Verify
	if verify == nil {
		verify = verifier.VerifyProgram
	}
	var results []*Result
	for i, s := range specs {
		if s.Auxiliary || !s.Priv || (opts.Program != "" && s.Program != opts.Program) {
			continue
		}
		r := &Result{File: obj.Name, Spec: s}
		if !s.RunsOn(arch) {
			r.Outcome = Skip
			r.Reason = fmt.Sprintf("for %s only", strings.Join(s.Arch, ", "))
		} else {
			runTest(r, obj, obj.Programs[i], specs, verify)
		}
		results = append(results, r)
	}
	return results, nil
}

// runTest runs one test: run_subtest in privileged mode.
func runTest(r *Result, obj *loader.Object, p *loader.Program, specs []*Spec, verify VerifyFunc) {
	s := r.Spec
	// prog_tests/verifier.c runs verifier_mtu without CAP_PERFMON.
	opts := verifier.Options{LogLevel: s.LogLevel, Flags: s.Flags, NoPerfmon: obj.Name == "verifier_mtu"}
	v, err := safeVerify(verify, obj, p, opts)
	if err != nil && s.LogLevel == 0 && !isPanic(err) {
		// libbpf's bpf_prog_load: a failed load at log level 0 is tried
		// again at level 1 to get the log of the failure.
		opts.LogLevel = verifier.LogLevel1
		if _, again := safeVerify(verify, obj, p, opts); again != nil {
			var ve *verifier.Error
			if errors.As(again, &ve) {
				r.Log = ve.Log
			}
		}
	}
	r.Accepted = err == nil
	r.Err = err
	var ve *verifier.Error
	switch {
	case err == nil && v != nil:
		r.Log, r.Stats = v.Log, v.Stats
	case errors.As(err, &ve):
		if s.LogLevel != 0 {
			r.Log = ve.Log
		}
		r.Stats = ve.Stats
		r.Unsupported = ve.Code == verifier.CodeUnsupported
	}
	var pe *panicError
	if errors.As(err, &pe) {
		r.Panic = fmt.Sprint(pe.value)
		r.Outcome, r.Reason = Fail, fmt.Sprintf("the verifier panicked: %s", r.Panic)
		return
	}
	r.VerdictOK = r.Accepted == s.ExpectSuccess
	switch {
	case !r.VerdictOK && r.Accepted:
		r.Outcome, r.Reason = Fail, "accepted, annotated __failure"
		return
	case !r.VerdictOK:
		r.Outcome, r.Reason = Fail, fmt.Sprintf("rejected, annotated __success: %v", err)
		return
	}
	var notes []string
	if len(s.Messages) > 0 {
		r.MsgChecked = true
		r.MsgOK, r.Missing = s.MatchLog(r.Log)
		if !r.MsgOK {
			r.Outcome, r.Reason = Fail, fmt.Sprintf("__msg %q not found in the log (%s)", r.Missing, lastLogLine(r.Log, err))
			return
		}
	}
	if r.Unsupported {
		// The verdict agrees only because callx cannot tell yet.
		r.Outcome, r.Reason = Skip, fmt.Sprintf("rejected for what callx's verifier does not model yet (%v); annotated __failure", err)
		return
	}
	if r.Accepted && s.Retval != nil {
		r.GotRetval, r.RunErr = engineRun(obj, p, specs)
		var cannot *cannotRunError
		switch {
		case errors.As(r.RunErr, &cannot):
			r.Retval = RetvalSkipped
			r.Outcome, r.Reason = Skip, fmt.Sprintf("__retval not checked: %v", cannot.err)
			return
		case r.RunErr != nil:
			r.Retval = RetvalWrong
			r.Outcome, r.Reason = Fail, fmt.Sprintf("test run: %v", r.RunErr)
			return
		case !s.RetvalMatches(r.GotRetval):
			r.Retval = RetvalWrong
			r.Outcome, r.Reason = Fail, fmt.Sprintf("retval %d (%#x), annotated %d", int32(r.GotRetval), r.GotRetval, *s.Retval)
			return
		}
		r.Retval = RetvalOK
	}
	if len(s.Xlated) > 0 || len(s.Jited) > 0 {
		notes = append(notes, "__xlated and __jited not checked")
	}
	r.Outcome, r.Reason = Pass, strings.Join(notes, "; ")
}

// panicError is a panic of the verifier, caught so that one program does
// not stop a run over a thousand.
type panicError struct{ value any }

func (e *panicError) Error() string { return fmt.Sprintf("the verifier panicked: %v", e.value) }

func isPanic(err error) bool {
	var pe *panicError
	return errors.As(err, &pe)
}

func safeVerify(verify VerifyFunc, obj *loader.Object, p *loader.Program, opts verifier.Options) (v *verifier.Verified, err error) {
	defer func() {
		if x := recover(); x != nil {
			v, err = nil, &panicError{x}
		}
	}()
	return verify(obj, p, opts)
}

// lastLogLine is the last line of a log that is not a statistics line,
// or the error when the log is empty: what a reason quotes.
func lastLogLine(log string, err error) string {
	lines := strings.Split(strings.TrimSpace(log), "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		l := strings.TrimSpace(lines[i])
		if l != "" && !strings.HasPrefix(l, "processed ") && !strings.HasPrefix(l, "verification time") && !strings.HasPrefix(l, "stack depth") {
			return "its last line: " + l
		}
	}
	if err != nil {
		return fmt.Sprintf("the log is empty; the error: %v", err)
	}
	return "the log is empty"
}

// cannotRunError is a test run the engine cannot do: the retval check is
// skipped, not failed.
type cannotRunError struct{ err error }

func (e *cannotRunError) Error() string { return e.err.Error() }

// engineRun runs an accepted program once in callx's engine as
// do_prog_test_run does: TestDataLen zero bytes in, the 32-bit return
// value out. The object is loaded as test_loader loads it for this test:
// every map, the program and the privileged auxiliary programs (a prog
// array's static entries naming other programs are left empty), then the
// file's pre-execution setup.
func engineRun(obj *loader.Object, p *loader.Program, specs []*Spec) (uint32, error) {
	switch p.Type {
	case loader.ProgXDP, loader.ProgTC, loader.ProgSocket:
	default:
		return 0, &cannotRunError{fmt.Errorf("the engine runs xdp, tc and socket programs, not %s (section %s)", typeName(p.Type), p.Section)}
	}
	sub := *obj
	sub.Programs = nil
	loaded := map[string]bool{}
	for i, q := range obj.Programs {
		if q == p || specs[i].Auxiliary && specs[i].Priv {
			sub.Programs = append(sub.Programs, q)
			loaded[q.Name] = true
		}
	}
	sub.Maps = make([]*loader.Map, len(obj.Maps))
	for i, m := range obj.Maps {
		sub.Maps[i] = m
		if len(m.InitProgs) == 0 {
			continue
		}
		mc := *m
		mc.InitProgs = map[uint32]string{}
		for k, name := range m.InitProgs {
			if loaded[name] {
				mc.InitProgs[k] = name
			}
		}
		sub.Maps[i] = &mc
	}
	o, err := callx.LoadObject(&sub, vm.Options{})
	if err != nil {
		return 0, &cannotRunError{fmt.Errorf("the engine cannot load it: %w", err)}
	}
	if pre := preExecutionCallx[obj.Name]; pre != nil {
		if err := pre(o); err != nil {
			return 0, fmt.Errorf("pre-execution setup: %w", err)
		}
	}
	var prog *callx.ObjectProgram
	for _, q := range o.Programs {
		if q.Spec == p {
			prog = q
		}
	}
	if prog == nil {
		return 0, fmt.Errorf("program %s was not loaded", p.Name)
	}
	runner, err := prog.NewRunner()
	if err != nil {
		return 0, &cannotRunError{err}
	}
	res, err := runner.Run(make([]byte, TestDataLen))
	if errors.Is(err, ctx.ErrPacketSize) {
		return 0, &cannotRunError{err}
	}
	if err != nil {
		return 0, err
	}
	return uint32(res.Retval), nil
}

func typeName(t loader.ProgType) string {
	if t == loader.ProgUnknown {
		return "an unknown type"
	}
	return string(t)
}

// preExecutionCallx is prog_tests/verifier.c's pre_execution_cb per file,
// on callx's maps (kernelenv_test.go has the kernel's side).
var preExecutionCallx = map[string]func(*callx.Object) error{
	"verifier_array_access":    func(o *callx.Object) error { return initTestValCallx(o, "map_array_ro") },
	"verifier_value_ptr_arith": func(o *callx.Object) error { return initTestValCallx(o, "map_array_48b") },
}

// initTestValCallx is init_test_val_map: element 0 of the map becomes
// struct test_val{.index = (6 + 1) * sizeof(int), .foo[6] = 0xabcdef12}.
func initTestValCallx(o *callx.Object, name string) error {
	m, err := o.Map(name)
	if err != nil {
		return err
	}
	v := make([]byte, m.Spec().ValueSize) // u32 index; int foo[11]
	if len(v) < 4+7*4 {
		return fmt.Errorf("map %s: a %d-byte value cannot hold struct test_val", name, len(v))
	}
	binary.LittleEndian.PutUint32(v[0:], 7*4)
	binary.LittleEndian.PutUint32(v[4+6*4:], 0xabcdef12)
	return m.Update(make([]byte, m.Spec().KeySize), v, maps.UpdateAny)
}

// Summary counts results by outcome.
type Summary struct {
	Passed, Failed, Skipped int
}

// Summarize counts results by outcome.
func Summarize(results []*Result) Summary {
	var s Summary
	for _, r := range results {
		switch r.Outcome {
		case Pass:
			s.Passed++
		case Fail:
			s.Failed++
		default:
			s.Skipped++
		}
	}
	return s
}

// Add adds another summary's counts.
func (s *Summary) Add(o Summary) {
	s.Passed += o.Passed
	s.Failed += o.Failed
	s.Skipped += o.Skipped
}

func (s Summary) String() string {
	return fmt.Sprintf("%d passed, %d failed, %d skipped", s.Passed, s.Failed, s.Skipped)
}
