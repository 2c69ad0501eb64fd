package selftest

// This file implements reading a program's test specification from the BTF
// declaration tags that the kernel selftests' annotations (bpf_misc.h)
// attach to its FUNC, with the rules of test_loader.c's parse_test_spec:
// which tag sets which field, which mode each tag implies, and what the
// unprivileged mode inherits from the privileged one.

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	"github.com/callx/callx/loader"
	"github.com/cilium/ebpf/btf"
)

// Program load flags (BPF_F_* of BPF_PROG_LOAD's prog_flags) that
// annotations name.
const (
	FlagStrictAlignment   uint32 = 1 << 0 // BPF_F_STRICT_ALIGNMENT
	FlagAnyAlignment      uint32 = 1 << 1 // BPF_F_ANY_ALIGNMENT
	FlagTestRndHi32       uint32 = 1 << 2 // BPF_F_TEST_RND_HI32
	FlagTestStateFreq     uint32 = 1 << 3 // BPF_F_TEST_STATE_FREQ
	FlagSleepable         uint32 = 1 << 4 // BPF_F_SLEEPABLE
	FlagXDPHasFrags       uint32 = 1 << 5 // BPF_F_XDP_HAS_FRAGS
	FlagTestRegInvariants uint32 = 1 << 7 // BPF_F_TEST_REG_INVARIANTS
)

// DefaultFlags are the flags test_loader loads every program with before
// the annotations add or clear theirs (testing_prog_flags(): each flag the
// kernel accepts; Linux 6.12 and later accept both).
const DefaultFlags = FlagTestRndHi32 | FlagTestRegInvariants

var flagNames = map[string]uint32{
	"BPF_F_STRICT_ALIGNMENT":    FlagStrictAlignment,
	"BPF_F_ANY_ALIGNMENT":       FlagAnyAlignment,
	"BPF_F_TEST_RND_HI32":       FlagTestRndHi32,
	"BPF_F_TEST_STATE_FREQ":     FlagTestStateFreq,
	"BPF_F_SLEEPABLE":           FlagSleepable,
	"BPF_F_XDP_HAS_FRAGS":       FlagXDPHasFrags,
	"BPF_F_TEST_REG_INVARIANTS": FlagTestRegInvariants,
}

// Named return values __retval accepts besides numbers (bpf_misc.h).
const (
	// PointerValue is POINTER_VALUE: an expected return value that any
	// return value matches (the program returns a pointer).
	PointerValue = 0xcafe4a
	// TestDataLen is TEST_DATA_LEN: the number of zero bytes a test run
	// gives the program.
	TestDataLen = 64
)

// The tags, as bpf_misc.h writes them and test_loader.c reads them. Tags
// that may repeat carry a counter: "comment:test_expect_msg=3=text".
const (
	tagFailure         = "comment:test_expect_failure"
	tagSuccess         = "comment:test_expect_success"
	tagMsg             = "comment:test_expect_msg="
	tagXlated          = "comment:test_expect_xlated="
	tagFailureUnpriv   = "comment:test_expect_failure_unpriv"
	tagSuccessUnpriv   = "comment:test_expect_success_unpriv"
	tagMsgUnpriv       = "comment:test_expect_msg_unpriv="
	tagXlatedUnpriv    = "comment:test_expect_xlated_unpriv="
	tagLogLevel        = "comment:test_log_level="
	tagFlags           = "comment:test_prog_flags="
	tagDescription     = "comment:test_description="
	tagRetval          = "comment:test_retval="
	tagRetvalUnpriv    = "comment:test_retval_unpriv="
	tagAuxiliary       = "comment:test_auxiliary"
	tagAuxiliaryUnpriv = "comment:test_auxiliary_unpriv"
	tagBTFPath         = "comment:test_btf_path="
	tagArch            = "comment:test_arch="
	tagJited           = "comment:test_jited="
	tagJitedUnpriv     = "comment:test_jited_unpriv="
)

// Archs are the architectures __arch_* names, as the tags spell them.
var Archs = []string{"X86_64", "ARM64", "RISCV64"}

// Spec is what a program's annotations expect of it: the test_spec of
// test_loader.c. The unprivileged fields hold what test_loader uses in
// that mode, after inheriting from the privileged ones (an unannotated
// unprivileged verdict, retval or message list is the privileged one).
type Spec struct {
	Program     string // the program's function name
	Section     string // its ELF section
	Description string // __description, "" when absent

	// Priv and Unpriv say in which modes the program is a test (or, for
	// an auxiliary program, is loaded beside the tests): a privileged tag
	// (__success, __failure, __msg, __retval, __xlated, __auxiliary)
	// selects Priv, an _unpriv one Unpriv; with neither, Priv.
	Priv, Unpriv bool

	// The privileged expectations.
	ExpectSuccess bool     // __success, or no __failure
	Messages      []string // __msg, in order: patterns for MatchLog
	Xlated        []string // __xlated, in order, "..." included
	Retval        *int64   // __retval (a test run is expected), nil without
	// Jited holds the __jited patterns by the architecture of the
	// __arch_* before them.
	Jited map[string][]string

	// The unprivileged expectations.
	UnprivExpectSuccess bool
	UnprivMessages      []string
	UnprivXlated        []string
	UnprivRetval        *int64
	UnprivJited         map[string][]string

	LogLevel  int      // __log_level; 0 without
	Flags     uint32   // prog_flags: DefaultFlags with __flag's set or cleared (the section's own, BPF_F_SLEEPABLE or BPF_F_XDP_HAS_FRAGS, come from the loader)
	Auxiliary bool     // __auxiliary or __auxiliary_unpriv: loaded with every test of its mode, not a test itself
	Arch      []string // __arch_*; empty for any architecture
	BTFPath   string   // __btf_path: custom kernel BTF to load with
}

// Name is the test's name as test_loader prints it: the description, or
// the program's name.
func (s *Spec) Name() string {
	if s.Description != "" {
		return s.Description
	}
	return s.Program
}

// RunsOn reports whether the test runs on arch ("X86_64", "ARM64",
// "RISCV64"): test_loader skips it elsewhere.
func (s *Spec) RunsOn(arch string) bool {
	if len(s.Arch) == 0 {
		return true
	}
	for _, a := range s.Arch {
		if a == arch {
			return true
		}
	}
	return false
}

// RetvalMatches reports whether a test run's return value r (the 32 bits
// BPF_PROG_TEST_RUN reports) is the privileged __retval, compared as
// test_loader compares them (as C ints; PointerValue matches anything).
// It is true when the spec has no __retval.
func (s *Spec) RetvalMatches(r uint32) bool {
	return retvalMatches(s.Retval, r)
}

// UnprivRetvalMatches is RetvalMatches for the unprivileged __retval.
func (s *Spec) UnprivRetvalMatches(r uint32) bool {
	return retvalMatches(s.UnprivRetval, r)
}

func retvalMatches(want *int64, r uint32) bool {
	if want == nil {
		return true
	}
	w := int32(*want)
	return w == PointerValue || w == int32(r)
}

// MatchLog checks the privileged __msg patterns against a verifier log
// with test_loader's rules (see Match).
func (s *Spec) MatchLog(log string) (ok bool, missing string) {
	return Match(s.Messages, log)
}

// MatchUnprivLog checks the unprivileged __msg patterns against a log.
func (s *Spec) MatchUnprivLog(log string) (ok bool, missing string) {
	return Match(s.UnprivMessages, log)
}

// Prog names one program of an object, for ParseBTF.
type Prog struct {
	Name    string // the function's name
	Section string
}

// Parse reads the annotations of every program of obj, in the order of
// obj.Programs. Programs without annotations get the default spec (a
// privileged test expected to load). An object without BTF, a program
// without a BTF FUNC or a malformed annotation is an error, as it is for
// test_loader.
func Parse(obj *loader.Object) ([]*Spec, error) {
	progs := make([]Prog, len(obj.Programs))
	for i, p := range obj.Programs {
		progs[i] = Prog{Name: p.Name, Section: p.Section}
	}
	specs, err := ParseBTF(obj.BTF, progs)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", obj.Name, err)
	}
	return specs, nil
}

// ParseBTF is Parse for programs known by name and section, with the
// object's BTF: for objects read by another loader.
func ParseBTF(spec *btf.Spec, progs []Prog) ([]*Spec, error) {
	if spec == nil {
		return nil, errors.New("the object has no BTF")
	}
	specs := make([]*Spec, 0, len(progs))
	for _, p := range progs {
		fn, err := findFunc(spec, p.Name)
		if err != nil {
			return nil, err
		}
		s, err := parseTags(p, fn.Tags)
		if err != nil {
			return nil, fmt.Errorf("program %s: %w", p.Name, err)
		}
		specs = append(specs, s)
	}
	return specs, nil
}

// findFunc finds the program's FUNC by name, as btf__find_by_name_kind
// does: the first one.
func findFunc(spec *btf.Spec, name string) (*btf.Func, error) {
	types, err := spec.AnyTypesByName(name)
	if err != nil && !errors.Is(err, btf.ErrNotFound) {
		return nil, fmt.Errorf("program %s: %w", name, err)
	}
	for _, t := range types {
		if fn, ok := t.(*btf.Func); ok {
			return fn, nil
		}
	}
	return nil, fmt.Errorf("program %s: no BTF FUNC of that name", name)
}

// parseTags builds a program's spec from its FUNC's decl tags, in BTF
// order (parse_test_spec).
func parseTags(p Prog, tags []string) (*Spec, error) {
	s := &Spec{Program: p.Name, Section: p.Section, ExpectSuccess: true, Flags: DefaultFlags}
	var (
		unprivResult, unprivRetval bool
		failure, unprivFailure     bool
		lastArch                   string // of the last __arch_*: the __jited lines after it are for it
	)
	for _, tag := range tags {
		var (
			val string
			err error
		)
		switch {
		case hasPrefix(tag, tagDescription, &val):
			s.Description = val
		case tag == tagFailure:
			failure = true
			s.Priv = true
		case tag == tagSuccess:
			failure = false
			s.Priv = true
		case tag == tagFailureUnpriv:
			unprivFailure, unprivResult = true, true
			s.Unpriv = true
		case tag == tagSuccessUnpriv:
			unprivFailure, unprivResult = false, true
			s.Unpriv = true
		case tag == tagAuxiliary:
			s.Auxiliary, s.Priv = true, true
		case tag == tagAuxiliaryUnpriv:
			s.Auxiliary, s.Unpriv = true, true
		case dynamic(tag, tagMsg, &val):
			if err = checkPattern(val); err != nil {
				break
			}
			s.Messages = append(s.Messages, val)
			s.Priv = true
		case dynamic(tag, tagMsgUnpriv, &val):
			if err = checkPattern(val); err != nil {
				break
			}
			s.UnprivMessages = append(s.UnprivMessages, val)
			s.Unpriv = true
		case dynamic(tag, tagJited, &val):
			if lastArch == "" {
				return nil, errors.New("__jited used before __arch_*")
			}
			if err = checkDisasm(val); err != nil {
				break
			}
			s.Jited = pushJited(s.Jited, lastArch, val)
			s.Priv = true
		case dynamic(tag, tagJitedUnpriv, &val):
			if lastArch == "" {
				return nil, errors.New("__jited_unpriv used before __arch_*")
			}
			if err = checkDisasm(val); err != nil {
				break
			}
			s.UnprivJited = pushJited(s.UnprivJited, lastArch, val)
			s.Unpriv = true
		case dynamic(tag, tagXlated, &val):
			if err = checkDisasm(val); err != nil {
				break
			}
			s.Xlated = append(s.Xlated, val)
			s.Priv = true
		case dynamic(tag, tagXlatedUnpriv, &val):
			if err = checkDisasm(val); err != nil {
				break
			}
			s.UnprivXlated = append(s.UnprivXlated, val)
			s.Unpriv = true
		case hasPrefix(tag, tagRetvalUnpriv, &val):
			var v int64
			if v, err = parseRetval(val); err == nil {
				s.UnprivRetval, unprivRetval = &v, true
				s.Unpriv = true
			}
		case hasPrefix(tag, tagRetval, &val):
			var v int64
			if v, err = parseRetval(val); err == nil {
				s.Retval = &v
				s.Priv = true
			}
		case hasPrefix(tag, tagLogLevel, &val):
			var v int64
			if v, err = parseInt(val); err == nil {
				s.LogLevel = int(int32(v))
			}
		case hasPrefix(tag, tagFlags, &val):
			err = s.setFlag(val)
		case hasPrefix(tag, tagArch, &val):
			if !validArch(val) {
				return nil, fmt.Errorf("bad arch spec: %q", val)
			}
			s.Arch = append(s.Arch, val)
			lastArch = val
		case hasPrefix(tag, tagBTFPath, &val):
			s.BTFPath = val
		default:
			// Not a test tag: test_loader ignores it.
		}
		if err != nil {
			return nil, fmt.Errorf("tag %q: %w", tag, err)
		}
	}
	if !s.Priv && !s.Unpriv {
		s.Priv = true
	}
	s.ExpectSuccess = !failure
	// What the unprivileged mode inherits (parse_test_spec's last step).
	if !unprivResult {
		unprivFailure = failure
	}
	s.UnprivExpectSuccess = !unprivFailure
	if !unprivRetval && s.Retval != nil {
		v := *s.Retval
		s.UnprivRetval = &v
	}
	if len(s.UnprivMessages) == 0 {
		s.UnprivMessages = clone(s.Messages)
	}
	if len(s.UnprivXlated) == 0 {
		s.UnprivXlated = clone(s.Xlated)
	}
	if len(s.UnprivJited) == 0 && len(s.Jited) > 0 {
		s.UnprivJited = map[string][]string{}
		for a, p := range s.Jited {
			s.UnprivJited[a] = clone(p)
		}
	}
	return s, nil
}

// setFlag applies one __flag: a name or a number, set, or cleared when
// it starts with "!".
func (s *Spec) setFlag(val string) error {
	unset := strings.HasPrefix(val, "!")
	if unset {
		val = val[1:]
	}
	f, known := flagNames[val]
	if !known {
		v, err := parseInt(val)
		if err != nil {
			return err
		}
		f = uint32(v)
	}
	if unset {
		s.Flags &^= f
	} else {
		s.Flags |= f
	}
	return nil
}

// hasPrefix reports whether tag starts with prefix and sets val to the rest.
func hasPrefix(tag, prefix string, val *string) bool {
	rest, ok := strings.CutPrefix(tag, prefix)
	if ok {
		*val = rest
	}
	return ok
}

// dynamic matches a repeatable tag, "<prefix><counter>=<value>", and sets
// val to the value (skip_dynamic_pfx: everything after the first '='
// following the prefix).
func dynamic(tag, prefix string, val *string) bool {
	rest, ok := strings.CutPrefix(tag, prefix)
	if !ok {
		return false
	}
	_, v, ok := strings.Cut(rest, "=")
	if ok {
		*val = v
	}
	return ok
}

// pushJited appends a __jited pattern to its architecture's list.
func pushJited(m map[string][]string, arch, val string) map[string][]string {
	if m == nil {
		m = map[string][]string{}
	}
	m[arch] = append(m[arch], val)
	return m
}

// checkDisasm checks an __xlated or __jited pattern; "..." is a marker
// that MatchDisasm reads, not a pattern.
func checkDisasm(val string) error {
	if val == "..." {
		return nil
	}
	return checkPattern(val)
}

func checkPattern(val string) error {
	_, err := compile(val)
	return err
}

func validArch(a string) bool {
	for _, x := range Archs {
		if a == x {
			return true
		}
	}
	return false
}

// parseInt reads a number as test_loader's parse_int: "0x" then hex
// digits, or a decimal number with an optional sign (strtol).
func parseInt(s string) (int64, error) {
	var (
		v   int64
		err error
	)
	if hex, ok := strings.CutPrefix(s, "0x"); ok {
		v, err = strconv.ParseInt(hex, 16, 64)
	} else {
		v, err = strconv.ParseInt(strings.TrimLeft(s, " \t\n\v\f\r"), 10, 64)
	}
	if err != nil {
		return 0, fmt.Errorf("not a number: %q", s)
	}
	return v, nil
}

// parseRetval reads __retval's value: a named value or a number, kept as
// the C int test_loader stores it in (so 0xffffffff is -1).
func parseRetval(s string) (int64, error) {
	switch s {
	case "INT_MIN":
		return -1 << 31, nil
	case "POINTER_VALUE":
		return PointerValue, nil
	case "TEST_DATA_LEN":
		return TestDataLen, nil
	}
	v, err := parseInt(s)
	if err != nil {
		return 0, err
	}
	return int64(int32(v)), nil
}

func clone(s []string) []string {
	if s == nil {
		return nil
	}
	return append([]string(nil), s...)
}
