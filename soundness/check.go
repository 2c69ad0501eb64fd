// This file implements Checker: the verifier under test, then the kernel
// and the engine for the programs it accepts, and the counts over all the
// programs checked.

package soundness

import (
	"errors"
	"fmt"
	"regexp"
	"runtime/debug"
	"sort"
	"strings"
	"time"

	"github.com/callx/callx/asm"
	"github.com/callx/callx/kernel"
	"github.com/callx/callx/verifier"
	"golang.org/x/sys/unix"
)

// VerifyFunc is a verifier under test: verifier.Verify, or a stand-in.
type VerifyFunc func(asm.Program, verifier.Options) (*verifier.Verified, error)

// Options configure a Checker.
type Options struct {
	// Verify is the verifier under test; nil is callx's verifier.Verify.
	Verify VerifyFunc
	// KernelVerifies makes the kernel's verdict stand in for the
	// verifier under test (which is then not run): the engine runs what
	// the kernel accepts. This checks the generator, the engine and the
	// harness while callx's verifier is being built; it needs the kernel.
	KernelVerifies bool
	// NoKernel leaves the kernel out even where it is available.
	NoKernel bool
	// KernelAlways asks the kernel about every program, not only the
	// ones the verifier accepts, so that Stats counts how often the two
	// agree (and which of callx's rejections the kernel does not make).
	KernelAlways bool
	// Budget is the instructions one engine run may execute; 0 is
	// DefaultBudget.
	Budget int64
	// VerifyTimeout is how long the verifier under test may take over a
	// program before that is a finding (VerifierHang); 0 is
	// DefaultVerifyTimeout.
	VerifyTimeout time.Duration
	// Seed seeds the packets and map contents of the engine's runs.
	Seed uint64
}

// DefaultVerifyTimeout is how long the verifier under test may take over
// one program: callx's verifier walks the kernel's limit of a million
// instructions in a few seconds.
const DefaultVerifyTimeout = 10 * time.Second

// Checker checks programs. It is not safe for concurrent use.
type Checker struct {
	opts   Options
	kernel *kernelSide // nil when the kernel is not used
	// KernelErr says why the kernel is not used, when it is not.
	KernelErr error
	inputs    *Source
	Stats     Stats
	// MinimizeTime bounds the time Minimize takes; 0 is
	// DefaultMinimizeTime.
	MinimizeTime time.Duration
	// Hung is set when the verifier under test did not return (a
	// VerifierHang finding), Hangs counts those times: each goroutine
	// still runs, and further checks compete with it for the CPU (callx's
	// verifier has ended after tens of seconds, so far).
	Hung  bool
	Hangs int
}

// NewChecker returns a checker. It uses the kernel where kernel.Available
// says it can (and opts do not say otherwise); KernelErr says why not.
func NewChecker(opts Options) (*Checker, error) {
	c := &Checker{opts: opts, inputs: NewSource(opts.Seed ^ 0x5eed)}
	if c.opts.Verify == nil {
		c.opts.Verify = verifier.Verify
	}
	if c.opts.Budget <= 0 {
		c.opts.Budget = DefaultBudget
	}
	if c.opts.VerifyTimeout <= 0 {
		c.opts.VerifyTimeout = DefaultVerifyTimeout
	}
	c.Stats.Rejections = map[string]int{}
	switch err := kernel.Available(); {
	case opts.NoKernel:
		c.KernelErr = errors.New("soundness: the kernel is left out (Options.NoKernel)")
	case err != nil:
		c.KernelErr = err
	default:
		c.kernel = newKernelSide()
	}
	if opts.KernelVerifies && c.kernel == nil {
		return nil, fmt.Errorf("soundness: the kernel cannot stand in for the verifier: %w", c.KernelErr)
	}
	return c, nil
}

// Close releases the kernel maps.
func (c *Checker) Close() {
	if c.kernel != nil {
		c.kernel.close()
	}
}

// KernelUsed reports whether the checker asks the kernel.
func (c *Checker) KernelUsed() bool { return c.kernel != nil }

// Result is what one check found out.
type Result struct {
	// Accepted is the verdict of the verifier under test; VerifyErr is
	// its rejection.
	Accepted  bool
	VerifyErr error
	// VerifyTime is how long the verifier under test took.
	VerifyTime time.Duration
	// Kernel is the kernel's verdict, nil when it was not asked or did
	// not decide in time (KernelTimedOut).
	Kernel         *kernel.Verdict
	KernelTimedOut bool
	// Runs is how many times the engine ran the program; Budget how many
	// of those ran out of budget (in programs that loop).
	Runs, Budget int
	// Finding is what is wrong, nil when nothing is.
	Finding *Finding
}

// Check checks one program. The error is for what stopped the check
// itself (a map the kernel would not create, say); what is wrong with
// the verifier is Result.Finding.
func (c *Checker) Check(p *Program) (*Result, error) {
	res, err := c.check(p)
	if err != nil {
		return nil, err
	}
	c.Stats.add(p, res)
	return res, nil
}

func (c *Checker) check(p *Program) (*Result, error) {
	res := &Result{}
	if c.opts.KernelVerifies {
		v, err := c.kernel.verify(p, 0)
		if errors.Is(err, errKernelStuck) {
			res.KernelTimedOut = true
			res.Finding = c.newFinding(KernelBug, p, err.Error())
			return res, nil
		}
		if errors.Is(err, errNotComparable) {
			res.VerifyErr = err
			return res, nil
		}
		if err != nil {
			return nil, err
		}
		res.Accepted = v.Accepted
		switch {
		case v.TimedOut:
			res.KernelTimedOut = true
			res.VerifyErr = fmt.Errorf("the kernel did not decide within %v", kernelTimeout)
		case !v.Accepted:
			res.Kernel = v
			res.VerifyErr = fmt.Errorf("the kernel rejects it: %v", v.Err)
		default:
			res.Kernel = v
		}
	} else {
		var panicked *Finding
		start := time.Now()
		res.Accepted, panicked, res.VerifyErr = c.verify(p)
		res.VerifyTime = time.Since(start)
		if panicked != nil {
			res.Finding = panicked
			return res, nil
		}
	}

	if c.kernel != nil && !c.opts.KernelVerifies && (res.Accepted || c.opts.KernelAlways) {
		v, err := c.kernel.verify(p, 0)
		switch {
		case errors.Is(err, errNotComparable):
		case errors.Is(err, errKernelStuck):
			res.KernelTimedOut = true
			res.Finding = c.newFinding(KernelBug, p, err.Error())
			return res, nil
		case err != nil:
			return nil, err
		case v.TimedOut:
			res.KernelTimedOut = true
		default:
			res.Kernel = v
			if res.Accepted && !v.Accepted {
				res.Finding = c.unsoundAcceptance(p, v)
				return res, nil
			}
		}
	}
	if !res.Accepted {
		return res, nil
	}

	out, err := runEngine(p, c.inputs, c.opts.Budget)
	if err != nil {
		return nil, err
	}
	res.Runs, res.Budget = out.runs, out.budget
	switch {
	case out.loadErr != nil:
		res.Finding = c.newFinding(EngineRefused, p, fmt.Sprintf("the engine will not load it: %v", out.loadErr))
	case out.trap != nil:
		f := c.newFinding(EngineTrap, p, fmt.Sprintf("the engine traps: %v", out.trap))
		f.Trap, f.Input, f.MapsFilled = out.trap, out.input, out.filled
		res.Finding = f
	}
	return res, nil
}

// verify runs the verifier under test, turning a panic, or no verdict by
// the deadline, into a finding. verr is the verifier's rejection.
func (c *Checker) verify(p *Program) (ok bool, f *Finding, verr error) {
	type verdict struct {
		err      error
		panicked *Finding
	}
	done := make(chan verdict, 1)
	opts := c.verifierOptions(p, 0)
	go func() {
		defer func() {
			if v := recover(); v != nil {
				f := c.newFinding(VerifierPanic, p, fmt.Sprintf("the verifier panics: %v", v))
				f.CallxLog = string(debug.Stack())
				done <- verdict{panicked: f}
			}
		}()
		_, err := c.opts.Verify(p.Insns, opts)
		done <- verdict{err: err}
	}()
	timer := time.NewTimer(c.opts.VerifyTimeout)
	defer timer.Stop()
	select {
	case v := <-done:
		return v.err == nil && v.panicked == nil, v.panicked, v.err
	case <-timer.C:
		// The verifier's goroutine runs on: nothing can stop it.
		c.Hung = true
		c.Hangs++
		return false, c.newFinding(VerifierHang, p, fmt.Sprintf("the verifier has not decided after %v", c.opts.VerifyTimeout)), nil
	}
}

func (c *Checker) verifierOptions(p *Program, level int) verifier.Options {
	opts := verifier.Options{Type: p.Type, Maps: verifierInfos(p.Maps), LogLevel: level}
	if fi, spec, err := funcInfo(p.Insns); err == nil {
		opts.FuncInfo, opts.BTF = fi, spec
	}
	return opts
}

// unsoundAcceptance is the finding for a program the kernel rejects,
// with the kernel's reason (its log, asked for again at level 1).
func (c *Checker) unsoundAcceptance(p *Program, v *kernel.Verdict) *Finding {
	kind := UnsoundAcceptance
	if errors.Is(v.Err, unix.EFAULT) {
		kind = KernelBug
	}
	f := c.newFinding(kind, p, fmt.Sprintf("callx accepts it, the kernel rejects it (%v)", v.Err))
	if lv, err := c.kernel.verify(p, kernel.LogLevelBranch); err == nil {
		f.KernelLog = lv.LogTail(kernelLogLines)
		reason := kernelReason(lv.Log)
		if reason == "(no log)" {
			// A log cut short (the kernel's buffer rotates) keeps no
			// message: the errno says what it was.
			reason = fmt.Sprintf("%v (no message in its log)", v.Err)
		}
		f.Msg = fmt.Sprintf("callx accepts it, the kernel rejects it: %s", reason)
		if strings.Contains(reason, "verifier bug") {
			f.Kind = KernelBug
		}
	}
	return f
}

// kernelLogLines is how much of the kernel's log a finding keeps.
const kernelLogLines = 30

// kernelReason is what a rejecting kernel log says was wrong: its last
// line before the statistics and the state dumps, after the line before
// it when that one is a message too (the kernel often says it in two:
// "invalid access to map value, value_size=48 off=48 size=8" then "R0 min
// value is outside of the allowed memory range").
func kernelReason(log string) string {
	var msgs []string
	lines := strings.Split(strings.TrimRight(log, "\n"), "\n")
	for i := len(lines) - 1; i >= 0 && len(msgs) < 2; i-- {
		l := strings.TrimSpace(lines[i])
		switch {
		case l == "", strings.HasPrefix(l, "processed "), strings.HasPrefix(l, "verification time"),
			strings.HasPrefix(l, "stack depth"), strings.HasPrefix(l, "old state:"), strings.HasPrefix(l, "cur state:"):
			if len(msgs) > 0 {
				i = -1 // the message is over
			}
		case logInsnLine.MatchString(l):
			i = -1
		default:
			msgs = append(msgs, l)
		}
	}
	switch len(msgs) {
	case 0:
		return "(no log)"
	case 1:
		return msgs[0]
	}
	return msgs[1] + " (" + msgs[0] + ")"
}

// logInsnLine is a line of a verifier log about an instruction or a
// path: "12: (bf) r2 = r1", "from 9 to 2: ...", "; source line".
var logInsnLine = regexp.MustCompile(`^([0-9]+: |from [0-9]+ to [0-9]+|;)`)

// newFinding makes a finding and fills in callx's log for the program.
func (c *Checker) newFinding(kind Kind, p *Program, msg string) *Finding {
	f := &Finding{Kind: kind, Program: p.Clone(), Msg: msg}
	if kind != VerifierPanic && kind != VerifierHang && !c.opts.KernelVerifies {
		f.callxLog = func() string { return c.callxLog(f.Program) }
	}
	return f
}

// callxLog is the verifier's log for p at level 2, or why there is none.
func (c *Checker) callxLog(p *Program) (log string) {
	defer func() {
		if v := recover(); v != nil {
			log = fmt.Sprintf("(the verifier panics at log level 2: %v)", v)
		}
	}()
	v, err := c.opts.Verify(p.Insns, c.verifierOptions(p, verifier.LogLevel2|verifier.LogLevelStats))
	var e *verifier.Error
	switch {
	case err == nil:
		log = v.Log
	case errors.As(err, &e):
		log = e.Log + "\n(rejected at log level 2: " + e.Error() + ")"
	default:
		log = "(rejected at log level 2: " + err.Error() + ")"
	}
	return tail(log, callxLogLines)
}

// callxLogLines is how much of callx's log a finding keeps.
const callxLogLines = 200

func tail(s string, n int) string {
	lines := strings.Split(strings.TrimRight(s, "\n"), "\n")
	if len(lines) > n {
		lines = append([]string{fmt.Sprintf("(%d lines before)", len(lines)-n)}, lines[len(lines)-n:]...)
	}
	return strings.Join(lines, "\n")
}

// Stats count what the checks found.
type Stats struct {
	Programs       int // checked
	Accepted       int // by the verifier under test
	KernelAsked    int // programs the kernel decided about
	KernelAccepted int
	KernelTimeouts int // programs the kernel did not decide about in time
	// BothAccept, OnlyCallx, OnlyKernel and BothReject split the
	// programs the kernel was asked about by the two verdicts (with
	// KernelVerifies, callx is the kernel).
	BothAccept, OnlyCallx, OnlyKernel, BothReject int
	EngineChecked                                 int // programs run in the engine
	EngineRuns                                    int
	BudgetRuns                                    int // runs out of budget, in programs that loop
	Findings                                      int
	ByKind                                        map[Kind]int
	// Rejections counts the verifier's reasons for rejecting programs the
	// kernel accepts (their numbers made N): what it does not model yet,
	// or gets wrong.
	Rejections map[string]int
	// Slowest is the longest the verifier under test took over one
	// program, SlowestProgram where that program came from.
	Slowest        time.Duration
	SlowestProgram string
}

func (s *Stats) add(p *Program, r *Result) {
	s.Programs++
	if r.KernelTimedOut {
		s.KernelTimeouts++
	}
	if r.VerifyTime > s.Slowest {
		s.Slowest, s.SlowestProgram = r.VerifyTime, p.Origin
	}
	if r.Accepted {
		s.Accepted++
	}
	if r.Kernel != nil {
		s.KernelAsked++
		k := r.Kernel.Accepted
		if k {
			s.KernelAccepted++
		}
		switch {
		case r.Accepted && k:
			s.BothAccept++
		case r.Accepted:
			s.OnlyCallx++
		case k:
			s.OnlyKernel++
			if r.VerifyErr != nil {
				msg := firstLine(r.VerifyErr.Error())
				if e := (*verifier.Error)(nil); errors.As(r.VerifyErr, &e) {
					msg = e.Msg
				}
				s.Rejections[numbers.ReplaceAllString(msg, "N")]++
			}
		default:
			s.BothReject++
		}
	}
	if r.Runs > 0 {
		s.EngineChecked++
		s.EngineRuns += r.Runs
		s.BudgetRuns += r.Budget
	}
	if r.Finding != nil {
		s.Findings++
		if s.ByKind == nil {
			s.ByKind = map[Kind]int{}
		}
		s.ByKind[r.Finding.Kind]++
	}
}

func firstLine(s string) string {
	s, _, _ = strings.Cut(s, "\n")
	return s
}

// String reports the counts, and the verifier's commonest reasons for
// rejecting what the kernel accepts.
func (s *Stats) String() string {
	var b strings.Builder
	fmt.Fprintf(&b, "programs checked:        %d\n", s.Programs)
	fmt.Fprintf(&b, "accepted by callx:       %d\n", s.Accepted)
	if s.KernelAsked > 0 {
		fmt.Fprintf(&b, "accepted by the kernel:  %d of %d asked (both accept %d, only callx %d, only the kernel %d, both reject %d)\n",
			s.KernelAccepted, s.KernelAsked, s.BothAccept, s.OnlyCallx, s.OnlyKernel, s.BothReject)
	} else {
		b.WriteString("accepted by the kernel:  (the kernel was not asked)\n")
	}
	if s.KernelTimeouts > 0 {
		fmt.Fprintf(&b, "the kernel undecided:    %d (no verdict within %v)\n", s.KernelTimeouts, kernelTimeout)
	}
	if s.Slowest > 0 {
		fmt.Fprintf(&b, "slowest verification:    %v (%s)\n", s.Slowest.Round(time.Microsecond), s.SlowestProgram)
	}
	fmt.Fprintf(&b, "checked in the engine:   %d programs, %d runs (%d out of budget)\n", s.EngineChecked, s.EngineRuns, s.BudgetRuns)
	fmt.Fprintf(&b, "findings:                %d", s.Findings)
	if len(s.ByKind) > 0 {
		var kinds []string
		for k, n := range s.ByKind {
			kinds = append(kinds, fmt.Sprintf("%s %d", k, n))
		}
		sort.Strings(kinds)
		fmt.Fprintf(&b, " (%s)", strings.Join(kinds, ", "))
	}
	b.WriteByte('\n')
	if len(s.Rejections) > 0 {
		type reason struct {
			msg string
			n   int
		}
		var rs []reason
		for m, n := range s.Rejections {
			rs = append(rs, reason{m, n})
		}
		sort.Slice(rs, func(i, j int) bool { return rs[i].n > rs[j].n || rs[i].n == rs[j].n && rs[i].msg < rs[j].msg })
		b.WriteString("callx rejects what the kernel accepts, commonest reasons:\n")
		for i, r := range rs {
			if i == 10 {
				fmt.Fprintf(&b, "  ... %d more reasons\n", len(rs)-10)
				break
			}
			fmt.Fprintf(&b, "  %6d  %s\n", r.n, r.msg)
		}
	}
	return b.String()
}
