package selftest

// This file tests reading annotations: from the compiled testdata object
// (the tags as clang writes them) and from tag lists (the rules).

import (
	"reflect"
	"strings"
	"testing"

	"github.com/callx/callx/loader"
)

func ptr(v int64) *int64 { return &v }

func TestParseObject(t *testing.T) {
	obj, err := loader.Open("testdata/annotated.bpf.o")
	if err != nil {
		t.Fatal(err)
	}
	specs, err := Parse(obj)
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]*Spec{
		"plain": {
			Program: "plain", Section: "socket", Priv: true,
			ExpectSuccess: true, UnprivExpectSuccess: true, Flags: DefaultFlags,
		},
		"rejected": {
			Program: "rejected", Section: "socket", Description: "reads an uninitialised register",
			Priv: true, Unpriv: true,
			Messages:       []string{"R2 !read_ok", "processed {{[0-9]+}} insns"},
			UnprivMessages: []string{"R2 !read_ok", "processed {{[0-9]+}} insns"},
			LogLevel:       2, Flags: DefaultFlags,
		},
		"accepted": {
			Program: "accepted", Section: "xdp", Priv: true, Unpriv: true,
			ExpectSuccess: true, Retval: ptr(-1),
			UnprivExpectSuccess: true, UnprivRetval: ptr(-1 << 31),
			Flags: FlagTestRegInvariants | FlagAnyAlignment | FlagTestStateFreq | 0x100,
		},
		"unpriv_only": {
			Program: "unpriv_only", Section: "socket", Unpriv: true,
			ExpectSuccess:  true,
			UnprivMessages: []string{"R1 leaks addr"}, UnprivRetval: ptr(PointerValue),
			Flags: DefaultFlags,
		},
		"helper_prog": {
			Program: "helper_prog", Section: "tc", Priv: true, Auxiliary: true,
			ExpectSuccess: true, UnprivExpectSuccess: true, Flags: DefaultFlags,
		},
		"details": {
			Program: "details", Section: "tc", Priv: true,
			ExpectSuccess: true, UnprivExpectSuccess: true,
			Messages: []string{"same", "same"}, UnprivMessages: []string{"same", "same"},
			Xlated: []string{"0: r0 = 0", "...", "2: exit"}, UnprivXlated: []string{"0: r0 = 0", "...", "2: exit"},
			Jited:       map[string][]string{"X86_64": {"endbr64", "...", "retq"}, "ARM64": {"ret"}},
			UnprivJited: map[string][]string{"X86_64": {"endbr64", "...", "retq"}, "ARM64": {"ret"}},
			Retval:      ptr(TestDataLen), UnprivRetval: ptr(TestDataLen),
			Arch:  []string{"X86_64", "ARM64"},
			Flags: DefaultFlags, BTFPath: "btf__core.bpf.o",
		},
	}
	if len(specs) != len(want) {
		t.Fatalf("got %d specs, want %d", len(specs), len(want))
	}
	for _, s := range specs {
		w := want[s.Program]
		if w == nil {
			t.Errorf("unexpected program %s", s.Program)
			continue
		}
		if !reflect.DeepEqual(s, w) {
			t.Errorf("%s:\n got %+v\nwant %+v", s.Program, *s, *w)
		}
	}
}

func TestParseTags(t *testing.T) {
	tests := []struct {
		desc  string
		tags  []string
		check func(*Spec) bool
		err   string // a substring of the error; "" for none
	}{
		{
			desc:  "no tags: privileged, expected to load",
			check: func(s *Spec) bool { return s.Priv && !s.Unpriv && s.ExpectSuccess && s.UnprivExpectSuccess },
		},
		{
			desc:  "a later __success wins over __failure",
			tags:  []string{tagFailure, tagSuccess},
			check: func(s *Spec) bool { return s.ExpectSuccess },
		},
		{
			desc:  "__msg alone implies privileged mode",
			tags:  []string{tagMsg + "0=x"},
			check: func(s *Spec) bool { return s.Priv && !s.Unpriv },
		},
		{
			desc:  "__msg_unpriv alone implies unprivileged mode only",
			tags:  []string{tagMsgUnpriv + "0=x"},
			check: func(s *Spec) bool { return !s.Priv && s.Unpriv && s.Messages == nil },
		},
		{
			desc: "unprivileged mode inherits the verdict unless it has its own",
			tags: []string{tagFailure, tagMsg + "0=a"},
			check: func(s *Spec) bool {
				return !s.UnprivExpectSuccess && reflect.DeepEqual(s.UnprivMessages, []string{"a"})
			},
		},
		{
			desc: "own unprivileged messages are not replaced",
			tags: []string{tagMsg + "0=a", tagMsgUnpriv + "1=b"},
			check: func(s *Spec) bool {
				return reflect.DeepEqual(s.Messages, []string{"a"}) && reflect.DeepEqual(s.UnprivMessages, []string{"b"})
			},
		},
		{
			desc:  "a message keeps '=' after the counter",
			tags:  []string{tagMsg + "7=R1=ctx() R10=fp0"},
			check: func(s *Spec) bool { return s.Messages[0] == "R1=ctx() R10=fp0" },
		},
		{
			desc:  "hex retval is read as a C int",
			tags:  []string{tagRetval + "0xfffffffe"},
			check: func(s *Spec) bool { return *s.Retval == -2 && *s.UnprivRetval == -2 && s.Priv },
		},
		{
			desc:  "negative decimal retval",
			tags:  []string{tagRetval + "-22"},
			check: func(s *Spec) bool { return *s.Retval == -22 },
		},
		{
			desc:  "flags: names, numbers, clearing",
			tags:  []string{tagFlags + "BPF_F_STRICT_ALIGNMENT", tagFlags + "!BPF_F_TEST_REG_INVARIANTS", tagFlags + "0x40"},
			check: func(s *Spec) bool { return s.Flags == FlagStrictAlignment|FlagTestRndHi32|0x40 },
		},
		{
			desc:  "an unknown tag is ignored",
			tags:  []string{"comment:something_else", "other"},
			check: func(s *Spec) bool { return s.Priv },
		},
		{desc: "bad retval", tags: []string{tagRetval + "12abc"}, err: "not a number"},
		{desc: "bad log level", tags: []string{tagLogLevel + "x"}, err: "not a number"},
		{desc: "bad flag", tags: []string{tagFlags + "BPF_F_NOPE"}, err: "not a number"},
		{desc: "bad arch", tags: []string{tagArch + "MIPS"}, err: "bad arch"},
		{desc: "__jited before __arch", tags: []string{tagJited + "0=ret"}, err: "before __arch"},
		{desc: "unclosed regex", tags: []string{tagMsg + "0=a {{b"}, err: "no closing"},
		{desc: "bad regex", tags: []string{tagMsg + "0={{(}}"}, err: "missing closing"},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			s, err := parseTags(Prog{Name: "p", Section: "socket"}, tt.tags)
			if tt.err != "" {
				if err == nil || !strings.Contains(err.Error(), tt.err) {
					t.Fatalf("error %v, want one with %q", err, tt.err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if !tt.check(s) {
				t.Errorf("unexpected spec %+v", *s)
			}
		})
	}
}

func TestRetvalMatches(t *testing.T) {
	tests := []struct {
		desc string
		want *int64
		got  uint32
		ok   bool
	}{
		{"no __retval", nil, 7, true},
		{"equal", ptr(7), 7, true},
		{"different", ptr(7), 8, false},
		{"negative as 32 bits", ptr(-1), 0xffffffff, true},
		{"INT_MIN", ptr(-1 << 31), 0x80000000, true},
		{"POINTER_VALUE matches anything", ptr(PointerValue), 0x1234, true},
	}
	for _, tt := range tests {
		s := &Spec{Retval: tt.want}
		if got := s.RetvalMatches(tt.got); got != tt.ok {
			t.Errorf("%s: RetvalMatches(%#x) = %v", tt.desc, tt.got, got)
		}
	}
}

func TestSpecHelpers(t *testing.T) {
	s := &Spec{Program: "p"}
	if s.Name() != "p" || !s.RunsOn("ARM64") {
		t.Errorf("defaults: name %q, runs on ARM64 %v", s.Name(), s.RunsOn("ARM64"))
	}
	s.Description, s.Arch = "d", []string{"X86_64"}
	if s.Name() != "d" || s.RunsOn("ARM64") || !s.RunsOn("X86_64") {
		t.Errorf("annotated: name %q, arch %v", s.Name(), s.Arch)
	}
}

func TestParseWithoutBTF(t *testing.T) {
	if _, err := ParseBTF(nil, []Prog{{Name: "p"}}); err == nil {
		t.Error("no error for an object without BTF")
	}
	obj, err := loader.Open("testdata/annotated.bpf.o")
	if err != nil {
		t.Fatal(err)
	}
	if _, err := ParseBTF(obj.BTF, []Prog{{Name: "nonexistent"}}); err == nil || !strings.Contains(err.Error(), "no BTF FUNC") {
		t.Errorf("error %v for a program without a FUNC", err)
	}
}
