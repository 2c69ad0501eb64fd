package selftest

// This file implements the report of the kernel conformance run: the
// per-file markdown table, the totals, and the tests where the kernel and
// the annotations disagree, with why.

import (
	"fmt"
	"sort"
	"strings"
	"time"

	"golang.org/x/sys/unix"
)

// describe says why a test does not agree with its annotations.
func describe(o *outcome) string {
	var what []string
	if !o.verdict {
		if o.status == accepted {
			what = append(what, "accepted, annotated __failure")
		} else {
			what = append(what, fmt.Sprintf("rejected, annotated __success: %s", lastLine(o.log, o.err)))
		}
	}
	if o.msgs != nil && !*o.msgs {
		what = append(what, fmt.Sprintf("__msg %q not found; the log has %q", o.missing, nearestLine(o.log, o.missing, o.err)))
	}
	if o.retval != nil && !*o.retval {
		if o.runError != nil {
			what = append(what, fmt.Sprintf("test run: %v", o.runError))
		} else {
			what = append(what, fmt.Sprintf("retval %d (%#x), annotated %d", int32(o.gotRet), o.gotRet, *o.spec.Retval))
		}
	}
	return strings.Join(what, "; ")
}

// nearestLine is the log line that starts like the missing pattern (its
// text before any regular expression, up to 16 bytes), or the last line.
func nearestLine(log, pattern string, err error) string {
	prefix, _, _ := strings.Cut(pattern, "{{")
	prefix = strings.TrimSpace(prefix)
	if len(prefix) > 16 {
		prefix = prefix[:16]
	}
	if prefix != "" {
		for _, l := range strings.Split(log, "\n") {
			if strings.Contains(l, prefix) {
				return strings.TrimSpace(l)
			}
		}
	}
	return lastLine(log, err)
}

// lastLine is the last line of a verifier log that is not one of the
// statistics lines (or the last line when all are), or the error when
// there is no log.
func lastLine(log string, err error) string {
	lines := strings.Split(strings.TrimSpace(log), "\n")
	for i := len(lines) - 1; i >= 0; i-- {
		l := strings.TrimSpace(lines[i])
		if l != "" && !strings.HasPrefix(l, "processed ") && !strings.HasPrefix(l, "verification time") && !strings.HasPrefix(l, "stack depth") {
			return l
		}
	}
	if l := strings.TrimSpace(lines[len(lines)-1]); l != "" {
		return l
	}
	if err != nil {
		return firstLine(err)
	}
	return "(empty log)"
}

// formatReport writes the per-file table in markdown, with the totals.
func formatReport(rows []*fileResult, took time.Duration) string {
	var b strings.Builder
	var tot fileResult
	fmt.Fprintf(&b, "Kernel verifier selftests (Linux 6.12 sources, progs/verifier_*.c) through the running kernel (%s), %s, in %s.\n\n",
		kernelRelease(), time.Now().Format("2006-01-02"), took.Round(time.Second))
	b.WriteString("| file | programs | privileged tests | verified | verdict agrees | __msg matches | __retval matches | EPERM (not comparable) | setup errors |\n")
	b.WriteString("|---|---:|---:|---:|---:|---:|---:|---:|---:|\n")
	var notes []string
	for _, r := range rows {
		if r.loadErr != nil {
			fmt.Fprintf(&b, "| %s | – | – | – | – | – | – | – | object not read |\n", r.file)
			notes = append(notes, fmt.Sprintf("- %s: %v", r.file, r.loadErr))
			continue
		}
		fmt.Fprintf(&b, "| %s | %d | %d | %d | %d | %s | %s | %d | %d |\n", r.file, r.programs, r.tests, r.loaded,
			r.verdictOK, ratio(r.msgOK, r.msgTotal), ratio(r.retOK, r.retTotal), r.eperm, r.setup)
		tot.programs += r.programs
		tot.aux += r.aux
		tot.unprivOnly += r.unprivOnly
		tot.tests += r.tests
		tot.loaded += r.loaded
		tot.verdictOK += r.verdictOK
		tot.msgOK += r.msgOK
		tot.msgTotal += r.msgTotal
		tot.retOK += r.retOK
		tot.retTotal += r.retTotal
		tot.eperm += r.eperm
		tot.setup += r.setup
		for _, o := range r.outcomes {
			if o.status == setupError {
				notes = append(notes, fmt.Sprintf("- %s %s: setup error: %v", r.file, o.spec.Program, firstLine(o.err)))
			}
		}
	}
	fmt.Fprintf(&b, "| **total (%d files)** | %d | %d | %d | %d | %s | %s | %d | %d |\n\n", len(rows), tot.programs, tot.tests,
		tot.loaded, tot.verdictOK, ratio(tot.msgOK, tot.msgTotal), ratio(tot.retOK, tot.retTotal), tot.eperm, tot.setup)
	fmt.Fprintf(&b, "Programs: %d, of which %d auxiliary and %d unprivileged-only tests (not run: this suite runs the privileged mode). ", tot.programs, tot.aux, tot.unprivOnly)
	fmt.Fprintf(&b, "The kernel verified %d of the %d privileged tests; its verdict agrees with the annotation on %d (%s). ", tot.loaded, tot.tests, tot.verdictOK, percent(tot.verdictOK, tot.loaded))
	fmt.Fprintf(&b, "__msg: %d of %d match; __retval: %d of %d match (one run on %d zero bytes). ", tot.msgOK, tot.msgTotal, tot.retOK, tot.retTotal, TestDataLen)
	eperm := map[string]int{}
	for _, r := range rows {
		for _, o := range r.outcomes {
			if o.status == refusedPerm {
				sec, _, _ := strings.Cut(strings.TrimPrefix(o.spec.Section, "?"), "/")
				eperm[sec]++
			}
		}
	}
	var secs []string
	for sec, n := range eperm {
		secs = append(secs, fmt.Sprintf("%s %d", sec, n))
	}
	sort.Strings(secs)
	fmt.Fprintf(&b, "%d tests were refused with EPERM before verification and are not comparable (by section: %s).\n", tot.eperm, strings.Join(secs, ", "))
	var dis []string
	for _, r := range rows {
		for _, o := range r.outcomes {
			if (o.status == accepted || o.status == rejected) && (!o.verdict || (o.msgs != nil && !*o.msgs) || (o.retval != nil && !*o.retval)) {
				dis = append(dis, fmt.Sprintf("- %s `%s`: %s", r.file, o.spec.Program, describe(o)))
			}
		}
	}
	if len(dis) > 0 {
		b.WriteString("\nWhere the kernel does not agree with the annotations (they were written for the 6.12 verifier; the quoted line is what the running kernel says instead):\n\n")
		b.WriteString(strings.Join(dis, "\n"))
		b.WriteString("\n")
	}
	var noBTF []string
	for _, r := range rows {
		if r.noBTF {
			noBTF = append(noBTF, r.file)
		}
	}
	if len(noBTF) > 0 {
		fmt.Fprintf(&b, "\nThe kernel refuses the BTF of %s (a naked function with a parameter has an unnamed parameter in BTF: `Invalid arg#1`): as libbpf does, their programs and maps are loaded without BTF.\n", strings.Join(noBTF, ", "))
	}
	if len(notes) > 0 {
		b.WriteString("\nNot verified:\n\n")
		b.WriteString(strings.Join(notes, "\n"))
		b.WriteString("\n")
	}
	return b.String()
}

func ratio(ok, total int) string {
	if total == 0 {
		return "–"
	}
	return fmt.Sprintf("%d/%d", ok, total)
}

func percent(ok, total int) string {
	if total == 0 {
		return "–"
	}
	return fmt.Sprintf("%.1f%%", 100*float64(ok)/float64(total))
}

func firstLine(err error) string {
	s, _, _ := strings.Cut(err.Error(), "\n")
	return s
}

func kernelRelease() string {
	var u unix.Utsname
	if unix.Uname(&u) != nil {
		return "unknown"
	}
	return "Linux " + unix.ByteSliceToString(u.Release[:])
}
