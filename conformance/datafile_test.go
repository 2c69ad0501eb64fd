package conformance

// This file implements the tests of the .data reader and of Case.Check, on
// small inline files and on every file of the shared suite.

import (
	"errors"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"github.com/callx/callx/asm"
)

func TestParse(t *testing.T) {
	tests := []struct {
		name string
		data string
		want Case
	}{
		{
			name: "asm, mem and hex result",
			data: "# Copyright\n# SPDX-License-Identifier: MIT\n-- asm\nldxb %r0, [%r1+2] # load\nexit\n" +
				"-- mem\naa bb 11\n22\n-- result\n0x11\n",
			want: Case{
				Program:   asm.Program{{Op: 0x71, Src: asm.R1, Off: 2}, {Op: asm.OpExitK}},
				Mem:       []byte{0xaa, 0xbb, 0x11, 0x22},
				Result:    0x11,
				HasResult: true,
			},
		},
		{
			name: "decimal result",
			data: "-- asm\nmov %r0, 8\nexit\n-- result\n8\n",
			want: Case{Program: asm.Program{{Op: 0xb7, Imm: 8}, {Op: asm.OpExitK}}, Result: 8, HasResult: true},
		},
		{
			name: "negative decimal result",
			data: "-- asm\nmov %r0, -1\nexit\n-- result\n-1\n",
			want: Case{Program: asm.Program{{Op: 0xb7, Imm: -1}, {Op: asm.OpExitK}}, Result: 1<<64 - 1, HasResult: true},
		},
		{
			name: "raw words",
			data: "-- raw\n0x00000001000000b7\n95\n-- result\n0x1\n",
			want: Case{Program: asm.Program{{Op: 0xb7, Imm: 1}, {Op: asm.OpExitK}}, Result: 1, HasResult: true},
		},
		{
			name: "raw bytes and empty error",
			data: "# Test add64_imm\n-- raw\n07 00 00 00 01 00 00 00\n95 00 00 00 00 00 00 00\n-- error\n",
			want: Case{Program: asm.Program{{Op: 0x07, Imm: 1}, {Op: asm.OpExitK}}, HasError: true},
		},
		{
			name: "asm and raw agree",
			data: "-- asm\nlddw %r0, 0x1122334455667788\nexit\n-- raw\n0x5566778800000018\n" +
				"0x1122334400000000\n0x0000000000000095\n-- result\n0x1122334455667788\n",
			want: Case{
				Program:   asm.Program{{Op: 0x18, Imm: 0x55667788}, {Imm: 0x11223344}, {Op: asm.OpExitK}},
				Result:    0x1122334455667788,
				HasResult: true,
			},
		},
		{
			name: "error text",
			data: "-- asm\nmov %r0, 0\nexit\n-- error\nInvalid\nsecond line\n",
			want: Case{Program: asm.Program{{Op: 0xb7}, {Op: asm.OpExitK}}, Error: "Invalid\nsecond line", HasError: true},
		},
		{
			name: "ignored sections",
			data: "# header\n-- c\n#include <stdint.h>\nuint64_t entry(void) { return 1; }\n-- asm\nmov %r0, 1\nexit\n" +
				"-- result\n0x1\n-- no register offset\ncall instruction\n",
			want: Case{Program: asm.Program{{Op: 0xb7, Imm: 1}, {Op: asm.OpExitK}}, Result: 1, HasResult: true},
		},
		{
			name: "legacy callx is normalised",
			data: "-- raw\n8d 00 00 00 02 00 00 00\n95 00 00 00 00 00 00 00\n-- result\n0x0\n",
			want: Case{Program: asm.Program{{Op: asm.OpCallX, Dst: asm.R2}, {Op: asm.OpExitK}}, HasResult: true},
		},
		{
			name: "CRLF",
			data: "-- asm\r\nmov %r0, 2\r\nexit\r\n-- result\r\n0x2\r\n",
			want: Case{Program: asm.Program{{Op: 0xb7, Imm: 2}, {Op: asm.OpExitK}}, Result: 2, HasResult: true},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			got, err := Parse([]byte(tt.data), "case.data")
			if err != nil {
				t.Fatalf("Parse: %v", err)
			}
			tt.want.Name = "case.data"
			if !reflect.DeepEqual(*got, tt.want) {
				t.Errorf("got\n%+v\nwant\n%+v", *got, tt.want)
			}
		})
	}
}

func TestParseErrors(t *testing.T) {
	tests := []struct {
		name string
		data string
		msg  string // substring of the error
		line int    // line of the *asm.SyntaxError, or 0 when the error has none
	}{
		{"empty file", "# nothing\n", "no result or error section", 0},
		{"no program", "-- result\n0x0\n", "no program", 0},
		{"no expectation", "-- asm\nexit\n", "no result or error section", 0},
		{"both expectations", "-- asm\nexit\n-- result\n0\n-- error\nx\n", "both a result and an error", 0},
		{"result without value", "-- asm\nexit\n-- result\n", "no value", 0},
		{"two results", "-- asm\nexit\n-- result\n0\n1\n", "more than one result", 5},
		{"bad result", "-- asm\nexit\n-- result\n0xzz\n", "invalid result", 4},
		{"bad decimal result", "-- asm\nexit\n-- result\n12a\n", "invalid result", 4},
		{"unknown header", "-- asm\nexit\n-- Unknown directive\n-- error\n", "unknown section header", 3},
		{"bad mem byte", "-- asm\nexit\n-- mem\n00 1ff\n-- result\n0\n", "invalid mem byte", 4},
		{"bad raw word", "-- raw\n0xnothex\n-- result\n0\n", "invalid 64-bit hex word", 2},
		{"raw with 7 bytes", "-- raw\n95 00 00 00 00 00 00\n-- result\n0\n", "want one 64-bit hex word or 8 hex bytes", 2},
		{"empty raw", "-- asm\nexit\n-- raw\n-- result\n0\n", "raw section is empty", 0},
		{"asm error keeps the file line", "# a\n# b\n-- asm\nmov %r0, 0\nor %r0, %r50\nexit\n-- error\nInvalid register\n", "Invalid register", 5},
		{"empty asm", "-- asm\n-- result\n0\n", "asm section is empty", 0},
		{"asm and raw differ", "-- asm\nmov %r0, 1\nexit\n-- raw\n0x00000002000000b7\n0x95\n-- result\n1\n", "differ at slot 0", 0},
		{"asm and raw lengths differ", "-- asm\nexit\n-- raw\n0x95\n0x95\n-- result\n1\n", "1 slots, the raw section 2", 0},
		{"reserved field", "-- raw\n07 00 01 00 01 00 00 00\n95 00 00 00 00 00 00 00\n-- error\n", "insn 0: BPF_ALU uses reserved fields", 0},
		{"truncated lddw", "-- raw\n0x18\n-- result\n0\n", "insn 0: invalid bpf_ld_imm64", 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			c, err := Parse([]byte(tt.data), "bad.data")
			if err == nil {
				t.Fatalf("no error; case %+v", c)
			}
			if c != nil {
				t.Errorf("case %+v returned with the error", c)
			}
			if !strings.Contains(err.Error(), tt.msg) || !strings.Contains(err.Error(), "bad.data") {
				t.Errorf("error %q does not name the file and contain %q", err, tt.msg)
			}
			var se *asm.SyntaxError
			if tt.line != 0 && (!errors.As(err, &se) || se.Line != tt.line) {
				t.Errorf("error %v: want a *asm.SyntaxError at line %d", err, tt.line)
			}
		})
	}
}

// TestParseNamesInstruction checks that a malformed raw instruction is an
// *asm.InsnError with its index.
func TestParseNamesInstruction(t *testing.T) {
	_, err := Parse([]byte("-- raw\n0xb7\n0x95\n95 01 00 00 00 00 00 00\n-- error\n"), "x")
	var ie *asm.InsnError
	if !errors.As(err, &ie) || ie.Index != 2 {
		t.Fatalf("error %v: want an *asm.InsnError at index 2", err)
	}
}

func TestCheck(t *testing.T) {
	wantResult := &Case{Name: "r", Result: 0x11, HasResult: true}
	wantError := &Case{Name: "e", Error: "Invalid", HasError: true}
	runErr := errors.New("out of bounds")
	tests := []struct {
		name   string
		c      *Case
		retval uint64
		err    error
		ok     bool
	}{
		{"result matches", wantResult, 0x11, nil, true},
		{"result differs", wantResult, 0x12, nil, false},
		{"unexpected error", wantResult, 0, runErr, false},
		{"expected error", wantError, 0, runErr, true},
		{"missing error", wantError, 0x11, nil, false},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			err := tt.c.Check(tt.retval, tt.err)
			if (err == nil) != tt.ok {
				t.Fatalf("Check = %v, want ok=%v", err, tt.ok)
			}
			if tt.err != nil && err != nil && !errors.Is(err, tt.err) {
				t.Errorf("Check = %v does not wrap the run error", err)
			}
		})
	}
}

// suiteDir returns ../shared/conformance relative to the module root, or
// skips the test when it is absent.
func suiteDir(t *testing.T) string {
	t.Helper()
	dir, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	for {
		if _, err := os.Stat(filepath.Join(dir, "go.mod")); err == nil {
			break
		}
		parent := filepath.Dir(dir)
		if parent == dir {
			t.Fatal("no go.mod above the working directory")
		}
		dir = parent
	}
	suite := filepath.Join(dir, "..", "shared", "conformance")
	if _, err := os.Stat(filepath.Join(suite, "tests")); err != nil {
		t.Skipf("bpf_conformance suite not found at %s (it sits beside the repository, in ../shared/conformance): %v", suite, err)
	}
	return suite
}

// suiteFiles returns the regular files of a suite folder, sorted.
func suiteFiles(t *testing.T, dir string) []string {
	t.Helper()
	entries, err := os.ReadDir(dir)
	if err != nil {
		t.Fatal(err)
	}
	var files []string
	for _, e := range entries {
		if e.Type().IsRegular() {
			files = append(files, filepath.Join(dir, e.Name()))
		}
	}
	if len(files) == 0 {
		t.Fatalf("no files in %s", dir)
	}
	return files
}

// TestParseSuite parses every file of the suite: each of tests/ must parse
// (running them is TestConformance's job); negative/ files may fail to parse
// but must not panic.
func TestParseSuite(t *testing.T) {
	suite := suiteDir(t)
	for _, file := range suiteFiles(t, filepath.Join(suite, "tests")) {
		if _, err := ParseFile(file); err != nil {
			t.Errorf("%v", err)
		}
	}
	rejected := 0
	negative := suiteFiles(t, filepath.Join(suite, "negative"))
	for _, file := range negative {
		if _, err := ParseFile(file); err != nil {
			rejected++
		}
	}
	t.Logf("negative: %d of %d files rejected by the reader", rejected, len(negative))
}

func FuzzParse(f *testing.F) {
	f.Add([]byte("-- asm\nmov %r0, 1\nexit\n-- mem\n00 11\n-- result\n0x1\n"))
	f.Add([]byte("-- raw\n07 00 01 00 01 00 00 00\n0x95\n-- error\nInvalid\n"))
	f.Add([]byte("-- c\nint x;\n-- asm\nexit\n-- raw\n0x95\n-- result\n-1\n-- no register offset\n"))
	f.Fuzz(func(t *testing.T, data []byte) {
		c, err := Parse(data, "fuzz")
		if (c == nil) != (err != nil) {
			t.Fatalf("case %v with error %v: want exactly one of them", c, err)
		}
		if c != nil {
			if len(c.Program) == 0 || c.HasResult == c.HasError {
				t.Fatalf("accepted an incomplete case: %+v", c)
			}
			if err := c.Program.Validate(); err != nil {
				t.Fatalf("accepted an invalid program: %v", err)
			}
		}
	})
}
