package selftest

// This file implements the kernel's verifier selftests as a conformance
// suite for callx's verifier: every privileged test of every compiled
// progs/verifier_*.c goes through RunObject, and callx's verdict, log and
// return value are compared with the annotations and, where bpf() works,
// with the running kernel's verdict on the same program. A program callx
// accepts and the kernel rejects is unsound: the test fails on it.

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"regexp"
	"sort"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/callx/callx/kernel"
	"github.com/callx/callx/verifier"
)

// kernelResults caches each object's kernel outcomes for the test run:
// TestKernelSelftests and TestCallxSelftests load each program into the
// kernel once between them.
var kernelResults struct {
	sync.Mutex
	byPath map[string]*fileResult
}

// kernelFileResult is runFileInKernel, cached per object.
func kernelFileResult(path string) (*fileResult, error) {
	kernelResults.Lock()
	defer kernelResults.Unlock()
	if r, ok := kernelResults.byPath[path]; ok {
		return r, nil
	}
	r, err := runFileInKernel(path)
	if err != nil {
		return nil, err
	}
	if kernelResults.byPath == nil {
		kernelResults.byPath = map[string]*fileResult{}
	}
	kernelResults.byPath[path] = r
	return r, nil
}

// callxRow is one object's row of callx's table.
type callxRow struct {
	file    string
	loadErr error // callx's loader or the annotations refused the object
	results []*Result
	kernel  map[string]*outcome // by program; nil when the kernel was not asked

	tests, archSkipped   int
	accepted, unsupp     int // accepted; rejected with CodeUnsupported
	annComparable, annOK int // verdict against the annotation (unsupported rejections of __failure tests left out)
	kerComparable, kerOK int // verdict against the kernel's, where it verified the program
	msgTotal, msgOK      int
	retTotal, retOK      int
	retSkipped           int
	unsound              []string
	incomplete           []string // callx rejects what the kernel (or, without it, the annotation) accepts
	panics               []string
	msgMissing           []string
	retWrong             []string
	notRun               map[string]int // why a __retval was not run, by reason
}

// kernelVerdict is the kernel's verdict on a test: ok is false when the
// kernel did not verify it (not asked, EPERM, setup error).
func (row *callxRow) kernelVerdict(prog string) (acc, ok bool) {
	o := row.kernel[prog]
	if o == nil || o.status != accepted && o.status != rejected {
		return false, false
	}
	return o.status == accepted, true
}

func (row *callxRow) count() {
	for _, r := range row.results {
		if r.Spec != nil && !r.Spec.RunsOn(HostArch()) {
			row.archSkipped++
			continue
		}
		row.tests++
		name := r.Spec.Program
		if r.Panic != "" {
			row.panics = append(row.panics, fmt.Sprintf("%s `%s`: %s", row.file, name, r.Panic))
			continue
		}
		if r.Accepted {
			row.accepted++
		}
		if r.Unsupported {
			row.unsupp++
		}
		// Against the annotation; a __failure test callx rejects only for
		// what it does not model is not an agreement (nor a disagreement).
		if !(r.Unsupported && !r.Spec.ExpectSuccess) {
			row.annComparable++
			if r.VerdictOK {
				row.annOK++
			}
		}
		// Against the kernel, the same way.
		kAccepted, kOK := row.kernelVerdict(name)
		if kOK && !(r.Unsupported && !kAccepted) {
			row.kerComparable++
			if r.Accepted == kAccepted {
				row.kerOK++
			}
		}
		// Soundness: the kernel's verdict where it has one, else the
		// annotation's.
		refused, by := !r.Spec.ExpectSuccess, "annotated __failure"
		if kOK {
			refused, by = !kAccepted, "the kernel rejects it"
		}
		switch {
		case r.Accepted && refused:
			row.unsound = append(row.unsound, fmt.Sprintf("%s `%s`: callx accepts, %s", row.file, name, by))
		case !r.Accepted && !refused:
			by := "annotated __success"
			if kOK {
				by = "the kernel accepts it"
			}
			row.incomplete = append(row.incomplete, fmt.Sprintf("%s `%s`: %s; callx: %v", row.file, name, by, r.Err))
		}
		if r.MsgChecked {
			row.msgTotal++
			if r.MsgOK {
				row.msgOK++
			} else {
				row.msgMissing = append(row.msgMissing, fmt.Sprintf("%s `%s`: %s", row.file, name, r.Reason))
			}
		}
		switch r.Retval {
		case RetvalOK:
			row.retTotal++
			row.retOK++
		case RetvalWrong:
			row.retTotal++
			what := fmt.Sprintf("%s `%s`: %s", row.file, name, r.Reason)
			if o := row.kernel[name]; o != nil && o.retval != nil {
				what += fmt.Sprintf("; the kernel returned %d", int32(o.gotRet))
			}
			row.retWrong = append(row.retWrong, what)
		case RetvalSkipped:
			row.retSkipped++
			if row.notRun == nil {
				row.notRun = map[string]int{}
			}
			row.notRun[notRunReason(r.RunErr)]++
		}
	}
}

// notRunReason is why the engine did not run a test, with the names
// and numbers that vary taken out, to group them.
var notRunNames = regexp.MustCompile(`program \S+ \(section [^)]*\): |insn \d+: |\(section [^)]*\)`)

func notRunReason(err error) string {
	return strings.TrimSpace(notRunNames.ReplaceAllString(fmt.Sprint(err), ""))
}

// TestCallxSelftests runs every privileged verifier selftest through
// callx's verifier (and engine, for __retval) and compares with the
// annotations and, where bpf() works and not in -short mode, with the
// running kernel. It writes the report to $CALLX_VERIFIER_REPORT when set,
// and fails when callx accepts a program the kernel rejects (or, where the
// kernel's verdict is not known, one annotated __failure), or when the
// verifier panics.
func TestCallxSelftests(t *testing.T) {
	files := selftestObjects(t)
	rows, report := runCallxSuite(files, RunOptions{})
	t.Log("\n" + report)
	if out := os.Getenv("CALLX_VERIFIER_REPORT"); out != "" {
		if err := os.WriteFile(out, []byte(report), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	for _, row := range rows {
		for _, u := range row.unsound {
			t.Errorf("unsound: %s", u)
		}
		for _, p := range row.panics {
			t.Errorf("the verifier panicked: %s", p)
		}
	}
}

// runCallxSuite runs the objects through callx with opts and, unless it
// is not usable or in -short mode, through the kernel; it returns the
// rows and the report.
func runCallxSuite(files []string, opts RunOptions) ([]*callxRow, string) {
	kernelNote := ""
	if err := kernel.Available(); err != nil {
		kernelNote = err.Error()
	} else if testing.Short() {
		kernelNote = "-short: the kernel's side is not run"
	}
	var (
		rows                  []*callxRow
		callxTime, kernelTime time.Duration
	)
	for _, f := range files {
		row := &callxRow{file: strings.TrimSuffix(filepath.Base(f), ".o")}
		start := time.Now()
		row.results, row.loadErr = RunObject(f, opts)
		callxTime += time.Since(start)
		if kernelNote == "" {
			start := time.Now()
			kr, err := kernelFileResult(f)
			kernelTime += time.Since(start)
			if err != nil {
				kernelNote = fmt.Sprintf("the kernel's side stopped at %s: %v", row.file, err)
			} else {
				row.kernel = map[string]*outcome{}
				for _, o := range kr.outcomes {
					row.kernel[o.spec.Program] = o
				}
			}
		}
		row.count()
		rows = append(rows, row)
	}
	return rows, formatCallxReport(rows, kernelNote, callxTime, kernelTime)
}

// formatCallxReport writes callx's per-file table in markdown, the totals,
// and the lists behind them.
func formatCallxReport(rows []*callxRow, kernelNote string, callxTime, kernelTime time.Duration) string {
	var b strings.Builder
	kernelSide := fmt.Sprintf("compared with the running kernel (%s, %s)", kernelRelease(), kernelTime.Round(time.Millisecond))
	if kernelNote != "" {
		kernelSide = "not compared with the kernel (" + kernelNote + ")"
	}
	fmt.Fprintf(&b, "callx's verifier on the kernel's verifier selftests (Linux 6.12 sources, progs/verifier_*.c), %s; callx's side took %s; %s.\n\n",
		time.Now().Format("2006-01-02"), callxTime.Round(time.Millisecond), kernelSide)
	b.WriteString("| file | tests | callx accepts | unsupported | verdict = annotation | verdict = kernel | unsound | __msg matches | __retval matches | __retval not run |\n")
	b.WriteString("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	var tot callxRow
	var notRead []string
	codes := map[verifier.Code]int{}
	unsupportedMsgs := map[string]int{}
	for _, r := range rows {
		if r.loadErr != nil {
			fmt.Fprintf(&b, "| %s | not read | – | – | – | – | – | – | – | – |\n", r.file)
			notRead = append(notRead, fmt.Sprintf("- %s: %v", r.file, r.loadErr))
			continue
		}
		kernelCol := ratio(r.kerOK, r.kerComparable)
		if r.kernel == nil {
			kernelCol = "not run"
		}
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %s | %s | %d | %s | %s | %d |\n", r.file, r.tests, r.accepted, r.unsupp,
			ratio(r.annOK, r.annComparable), kernelCol, len(r.unsound), ratio(r.msgOK, r.msgTotal), ratio(r.retOK, r.retTotal), r.retSkipped)
		tot.tests += r.tests
		tot.archSkipped += r.archSkipped
		tot.accepted += r.accepted
		tot.unsupp += r.unsupp
		tot.annComparable += r.annComparable
		tot.annOK += r.annOK
		tot.kerComparable += r.kerComparable
		tot.kerOK += r.kerOK
		tot.msgTotal += r.msgTotal
		tot.msgOK += r.msgOK
		tot.retTotal += r.retTotal
		tot.retOK += r.retOK
		tot.retSkipped += r.retSkipped
		tot.unsound = append(tot.unsound, r.unsound...)
		tot.incomplete = append(tot.incomplete, r.incomplete...)
		tot.panics = append(tot.panics, r.panics...)
		tot.msgMissing = append(tot.msgMissing, r.msgMissing...)
		tot.retWrong = append(tot.retWrong, r.retWrong...)
		for why, n := range r.notRun {
			if tot.notRun == nil {
				tot.notRun = map[string]int{}
			}
			tot.notRun[why] += n
		}
		for _, res := range r.results {
			var ve *verifier.Error
			if errors.As(res.Err, &ve) {
				codes[ve.Code]++
				if ve.Code == verifier.CodeUnsupported {
					unsupportedMsgs[ve.Msg]++
				}
			}
		}
	}
	fmt.Fprintf(&b, "| **total (%d files, %d read)** | %d | %d | %d | %s | %s | %d | %s | %s | %d |\n\n", len(rows), len(rows)-len(notRead),
		tot.tests, tot.accepted, tot.unsupp, ratio(tot.annOK, tot.annComparable), ratio(tot.kerOK, tot.kerComparable),
		len(tot.unsound), ratio(tot.msgOK, tot.msgTotal), ratio(tot.retOK, tot.retTotal), tot.retSkipped)

	fmt.Fprintf(&b, "Tests: %d privileged tests in the %d objects callx's loader reads (%d more are for another architecture). ", tot.tests, len(rows)-len(notRead), tot.archSkipped)
	fmt.Fprintf(&b, "callx accepts %d and rejects %d, %d of them for what its verifier does not model yet (`unsupported`). ", tot.accepted, tot.tests-tot.accepted-len(tot.panics), tot.unsupp)
	fmt.Fprintf(&b, "The verdict is the annotated one on %d of %d (%s; __failure tests rejected as unsupported are left out)", tot.annOK, tot.annComparable, percent(tot.annOK, tot.annComparable))
	if tot.kerComparable > 0 {
		fmt.Fprintf(&b, ", the kernel's on %d of the %d the kernel verified (%s)", tot.kerOK, tot.kerComparable, percent(tot.kerOK, tot.kerComparable))
	}
	fmt.Fprintf(&b, ". __msg: %d of %d match (tests with __msg whose verdict agrees); __retval: %d of %d match (accepted tests with __retval, one run on %d zero bytes in callx's engine), %d not run (program types the engine has no context for, or objects it cannot load). ",
		tot.msgOK, tot.msgTotal, tot.retOK, tot.retTotal, TestDataLen, tot.retSkipped)
	fmt.Fprintf(&b, "Unsound (callx accepts what the kernel, or where the kernel did not verify it the annotation, rejects): %d. Verifier panics: %d.\n", len(tot.unsound), len(tot.panics))

	if len(codes) > 0 {
		var cs []string
		for c, n := range codes {
			cs = append(cs, fmt.Sprintf("%s %d", c, n))
		}
		sort.Strings(cs)
		fmt.Fprintf(&b, "\nRejections by code: %s.\n", strings.Join(cs, ", "))
	}
	if len(unsupportedMsgs) > 0 {
		b.WriteString("\nWhat callx's verifier does not model yet, by message:\n\n")
		for _, m := range topCounts(unsupportedMsgs, 15) {
			b.WriteString("- " + m + "\n")
		}
	}
	writeList(&b, "Unsound: callx accepts what is rejected", tot.unsound, 0)
	writeList(&b, "The verifier panicked", tot.panics, 0)
	writeList(&b, "__retval differs in callx's engine", tot.retWrong, 0)
	if len(tot.notRun) > 0 {
		b.WriteString("\n__retval not run, by reason:\n\n")
		for _, m := range topCounts(tot.notRun, 20) {
			b.WriteString("- " + m + "\n")
		}
	}
	writeList(&b, "callx rejects what is accepted", tot.incomplete, 40)
	writeList(&b, "__msg not found", tot.msgMissing, 40)
	if len(notRead) > 0 {
		b.WriteString("\nObjects callx cannot read (its loader or the annotations):\n\n")
		b.WriteString(strings.Join(notRead, "\n"))
		b.WriteString("\n")
	}
	return b.String()
}

// writeList writes a titled list, at most max items (0: all).
func writeList(b *strings.Builder, title string, items []string, max int) {
	if len(items) == 0 {
		return
	}
	fmt.Fprintf(b, "\n%s (%d):\n\n", title, len(items))
	for i, it := range items {
		if max > 0 && i == max {
			fmt.Fprintf(b, "- … %d more\n", len(items)-max)
			break
		}
		b.WriteString("- " + it + "\n")
	}
}

// topCounts returns the n most frequent keys as "count: key".
func topCounts(m map[string]int, n int) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Slice(keys, func(i, j int) bool { return m[keys[i]] > m[keys[j]] || m[keys[i]] == m[keys[j]] && keys[i] < keys[j] })
	var out []string
	for i, k := range keys {
		if i == n {
			out = append(out, fmt.Sprintf("… %d more messages", len(keys)-n))
			break
		}
		out = append(out, fmt.Sprintf("%d: %s", m[k], k))
	}
	return out
}
