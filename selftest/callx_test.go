package selftest

// This file tests the harness that runs selftests through callx
// (callx.go): with the real verifier on the annotated testdata object,
// the verdicts must be what the verifier says in-process; with stand-in
// verifiers, the rules of test_loader (verdict, messages, log levels, the
// test run) must hold whatever the verifier's state of completion.

import (
	"errors"
	"strings"
	"testing"

	"github.com/callx/callx/loader"
	"github.com/callx/callx/verifier"
)

const annotatedObj = "testdata/annotated.bpf.o"

// The privileged tests of annotated.bpf.o, in order: helper_prog is
// auxiliary and unpriv_only is an unprivileged-only test.
var annotatedTests = []string{"plain", "rejected", "accepted", "details"}

func resultNames(rs []*Result) []string {
	var names []string
	for _, r := range rs {
		names = append(names, r.Spec.Program)
	}
	return names
}

func byProgram(rs []*Result) map[string]*Result {
	m := map[string]*Result{}
	for _, r := range rs {
		m[r.Spec.Program] = r
	}
	return m
}

// TestRunObjectVerifier runs the annotated object through the real
// verifier: each verdict is the one Verify gives in-process, and the
// outcome follows from it.
func TestRunObjectVerifier(t *testing.T) {
	rs, err := RunObject(annotatedObj, RunOptions{Arch: "X86_64"})
	if err != nil {
		t.Fatal(err)
	}
	if got := strings.Join(resultNames(rs), " "); got != strings.Join(annotatedTests, " ") {
		t.Fatalf("tests %q, want %q", got, strings.Join(annotatedTests, " "))
	}
	obj, err := loader.Open(annotatedObj)
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		if r.File != "annotated.bpf" || r.Name() != "annotated.bpf/"+r.Spec.Program {
			t.Errorf("%s: file %q, name %q", r.Spec.Program, r.File, r.Name())
		}
		_, err := verifier.VerifyProgram(obj, obj.Program(r.Spec.Program), verifier.Options{LogLevel: r.Spec.LogLevel, Flags: r.Spec.Flags})
		if r.Accepted != (err == nil) {
			t.Errorf("%s: accepted %v, but Verify says %v", r.Spec.Program, r.Accepted, err)
		}
		if r.VerdictOK != (r.Accepted == r.Spec.ExpectSuccess) {
			t.Errorf("%s: VerdictOK %v with accepted %v, annotated success %v", r.Spec.Program, r.VerdictOK, r.Accepted, r.Spec.ExpectSuccess)
		}
		if !r.VerdictOK && r.Outcome != Fail {
			t.Errorf("%s: the verdict differs but the outcome is %v", r.Spec.Program, r.Outcome)
		}
		if r.Outcome != Pass && r.Reason == "" {
			t.Errorf("%s: %v without a reason", r.Spec.Program, r.Outcome)
		}
	}
	s := Summarize(rs)
	if s.Passed+s.Failed+s.Skipped != len(rs) {
		t.Errorf("summary %v does not add up to %d tests", s, len(rs))
	}
}

// stand-in verifiers

type call struct {
	prog string
	opts verifier.Options
}

// fakeVerifier accepts or rejects every program, with a log that holds
// the program's name and the messages of annotated.bpf.o at levels > 0.
type fakeVerifier struct {
	accept bool
	code   verifier.Code
	panics bool
	calls  []call
}

func (f *fakeVerifier) verify(obj *loader.Object, p *loader.Program, opts verifier.Options) (*verifier.Verified, error) {
	f.calls = append(f.calls, call{p.Name, opts})
	if f.panics {
		panic("walked off the end")
	}
	log := ""
	if opts.LogLevel > 0 {
		log = "0: (b7) r0 = 0\nprog " + p.Name + ": R2 !read_ok same same\nprocessed 3 insns (limit 1000000)\n"
	}
	if f.accept {
		return &verifier.Verified{Insns: p.Insns, Log: log, Stats: verifier.Stats{Processed: 3}}, nil
	}
	code := f.code
	if code == "" {
		code = verifier.CodeRegister
	}
	return nil, &verifier.Error{Insn: 1, Code: code, Msg: "R2 !read_ok", Log: log, Stats: verifier.Stats{Processed: 2}}
}

func (f *fakeVerifier) callsOf(prog string) []verifier.Options {
	var opts []verifier.Options
	for _, c := range f.calls {
		if c.prog == prog {
			opts = append(opts, c.opts)
		}
	}
	return opts
}

func TestRunObjectAcceptAll(t *testing.T) {
	f := &fakeVerifier{accept: true}
	rs, err := RunObject(annotatedObj, RunOptions{Arch: "X86_64", Verify: f.verify})
	if err != nil {
		t.Fatal(err)
	}
	r := byProgram(rs)

	if p := r["plain"]; p.Outcome != Pass || !p.Accepted || p.Retval != RetvalNone || p.Log != "" {
		t.Errorf("plain: %v %q, accepted %v, retval check %v, log %q; want a pass with no log at level 0", p.Outcome, p.Reason, p.Accepted, p.Retval, p.Log)
	}
	if p := r["rejected"]; p.Outcome != Fail || p.Reason != "accepted, annotated __failure" || p.MsgChecked {
		t.Errorf("rejected: %v %q (messages checked: %v); want a failure for the verdict alone", p.Outcome, p.Reason, p.MsgChecked)
	}
	// accepted: an XDP program returning -1, annotated __retval(0xffffffff),
	// run in the engine on 64 zero bytes.
	if p := r["accepted"]; p.Outcome != Pass || p.Retval != RetvalOK || p.GotRetval != 0xffffffff || p.RunErr != nil {
		t.Errorf("accepted: %v %q, retval check %v, got %#x, run error %v", p.Outcome, p.Reason, p.Retval, p.GotRetval, p.RunErr)
	}
	// details: accepted at log level 0 has no log, as in the kernel, so
	// its __msg("same") cannot match: test_loader fails it too.
	if p := r["details"]; p.Outcome != Fail || !p.MsgChecked || p.MsgOK || p.Missing != "same" || p.Retval != RetvalNone {
		t.Errorf("details: %v %q, messages checked %v ok %v missing %q, retval check %v", p.Outcome, p.Reason, p.MsgChecked, p.MsgOK, p.Missing, p.Retval)
	}
	// The options come from the annotations; an accepted program is
	// verified once.
	for _, name := range annotatedTests {
		opts := f.callsOf(name)
		if len(opts) != 1 {
			t.Errorf("%s verified %d times, want 1", name, len(opts))
			continue
		}
		spec := r[name].Spec
		if opts[0].LogLevel != spec.LogLevel || opts[0].Flags != spec.Flags || opts[0].Unprivileged {
			t.Errorf("%s verified with %+v; want log level %d, flags %#x, privileged", name, opts[0], spec.LogLevel, spec.Flags)
		}
	}
	if got := f.callsOf("accepted")[0].Flags; got != FlagTestRegInvariants|FlagAnyAlignment|FlagTestStateFreq|0x100 {
		t.Errorf("accepted verified with flags %#x", got)
	}
	if s := Summarize(rs); s != (Summary{Passed: 2, Failed: 2}) || s.String() != "2 passed, 2 failed, 0 skipped" {
		t.Errorf("summary %v", s)
	}
}

func TestRunObjectRejectAll(t *testing.T) {
	f := &fakeVerifier{}
	rs, err := RunObject(annotatedObj, RunOptions{Arch: "X86_64", Verify: f.verify})
	if err != nil {
		t.Fatal(err)
	}
	r := byProgram(rs)
	// rejected: __log_level(2), both messages in the log, in order.
	if p := r["rejected"]; p.Outcome != Pass || p.Accepted || !p.MsgChecked || !p.MsgOK || !strings.Contains(p.Log, "prog rejected") || p.Stats.Processed != 2 {
		t.Errorf("rejected: %v %q, messages checked %v ok %v, log %q, stats %+v", p.Outcome, p.Reason, p.MsgChecked, p.MsgOK, p.Log, p.Stats)
	}
	if opts := f.callsOf("rejected"); len(opts) != 1 || opts[0].LogLevel != 2 {
		t.Errorf("rejected verified with %+v, want once at level 2", opts)
	}
	// plain: rejected at level 0 is verified again at level 1 for the
	// log, as libbpf does; the verdict is the first one's.
	p := r["plain"]
	if opts := f.callsOf("plain"); len(opts) != 2 || opts[0].LogLevel != 0 || opts[1].LogLevel != 1 {
		t.Errorf("plain verified with %+v, want level 0 then level 1", opts)
	}
	if p.Outcome != Fail || !strings.HasPrefix(p.Reason, "rejected, annotated __success: insn 1: R2 !read_ok") || !strings.Contains(p.Log, "prog plain") {
		t.Errorf("plain: %v %q, log %q", p.Outcome, p.Reason, p.Log)
	}
	var ve *verifier.Error
	if !errors.As(p.Err, &ve) || ve.Insn != 1 {
		t.Errorf("plain: error %v, want the verifier's", p.Err)
	}
}

func TestRunObjectUnsupported(t *testing.T) {
	f := &fakeVerifier{code: verifier.CodeUnsupported}
	rs, err := RunObject(annotatedObj, RunOptions{Arch: "X86_64", Verify: f.verify, Program: "rejected"})
	if err != nil {
		t.Fatal(err)
	}
	if len(rs) != 1 {
		t.Fatalf("%d results for one program", len(rs))
	}
	// Annotated __failure, and the messages match, but callx rejected it
	// for what it does not model: not a pass.
	if p := rs[0]; p.Outcome != Skip || !p.Unsupported || !p.VerdictOK || !strings.Contains(p.Reason, "does not model yet") {
		t.Errorf("rejected: %v %q, unsupported %v", p.Outcome, p.Reason, p.Unsupported)
	}
	rs, err = RunObject(annotatedObj, RunOptions{Arch: "X86_64", Verify: f.verify, Program: "plain"})
	if err != nil {
		t.Fatal(err)
	}
	if p := rs[0]; p.Outcome != Fail || !p.Unsupported {
		t.Errorf("plain (annotated __success) rejected as unsupported: %v %q", p.Outcome, p.Reason)
	}
}

func TestRunObjectPanic(t *testing.T) {
	f := &fakeVerifier{panics: true}
	rs, err := RunObject(annotatedObj, RunOptions{Arch: "X86_64", Verify: f.verify})
	if err != nil {
		t.Fatal(err)
	}
	for _, r := range rs {
		if r.Outcome != Fail || r.Panic != "walked off the end" || r.Accepted || !strings.Contains(r.Reason, "panicked") {
			t.Errorf("%s: %v %q, panic %q", r.Spec.Program, r.Outcome, r.Reason, r.Panic)
		}
	}
	if len(f.calls) != len(annotatedTests) {
		t.Errorf("%d verifications; a panic is not verified again", len(f.calls))
	}
}

func TestRunObjectArch(t *testing.T) {
	f := &fakeVerifier{accept: true}
	rs, err := RunObject(annotatedObj, RunOptions{Arch: "RISCV64", Verify: f.verify})
	if err != nil {
		t.Fatal(err)
	}
	d := byProgram(rs)["details"]
	if d.Outcome != Skip || d.Reason != "for X86_64, ARM64 only" || len(f.callsOf("details")) != 0 {
		t.Errorf("details on RISCV64: %v %q, verified %d times", d.Outcome, d.Reason, len(f.callsOf("details")))
	}
}

func TestRunObjectErrors(t *testing.T) {
	if _, err := RunObject(annotatedObj, RunOptions{Program: "nope"}); !errors.Is(err, ErrNoProgram) {
		t.Errorf("an unknown program: %v, want ErrNoProgram", err)
	}
	if _, err := RunObject("testdata/no-such.o", RunOptions{}); err == nil {
		t.Error("a missing object: no error")
	}
	// A program without annotations is a privileged test expected to load.
	rs, err := RunObject("../examples/guard.bpf.o", RunOptions{})
	if err != nil || len(rs) != 1 || rs[0].Spec.Program != "guard" || !rs[0].Spec.ExpectSuccess {
		t.Errorf("an object without annotations: %v, %d results", err, len(rs))
	}
}

// TestEngineRun runs the annotated programs in the engine directly: the
// return values, and the program types it cannot run.
func TestEngineRun(t *testing.T) {
	obj, err := loader.Open(annotatedObj)
	if err != nil {
		t.Fatal(err)
	}
	specs, err := Parse(obj)
	if err != nil {
		t.Fatal(err)
	}
	for i, p := range obj.Programs {
		ret, err := engineRun(obj, p, specs)
		if err != nil {
			t.Errorf("%s (%s): %v", p.Name, p.Type, err)
			continue
		}
		want := map[string]uint32{"plain": 0, "rejected": 0, "accepted": 0xffffffff, "unpriv_only": 1, "helper_prog": 0, "details": 64}[p.Name]
		if ret != want {
			t.Errorf("%s: retval %#x, want %#x", p.Name, ret, want)
		}
		if specs[i].Retval != nil && !specs[i].RetvalMatches(ret) {
			t.Errorf("%s: retval %#x does not match __retval %d", p.Name, ret, *specs[i].Retval)
		}
	}
	// A type the engine has no context for is skipped, not failed.
	other := *obj.Programs[0]
	other.Type, other.Section = loader.ProgCgroupSKB, "cgroup/skb"
	_, err = engineRun(obj, &other, specs)
	var cannot *cannotRunError
	if !errors.As(err, &cannot) || !strings.Contains(err.Error(), "not cgroup_skb") {
		t.Errorf("a cgroup_skb program: %v, want a run the engine cannot do", err)
	}
}
