package main

import (
	"bytes"
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// runCLI runs the CLI in-process.
func runCLI(args ...string) (code int, stdout, stderr string) {
	var out, errb bytes.Buffer
	code = run(args, &out, &errb)
	return code, out.String(), errb.String()
}

func writeFile(t *testing.T, name, content string) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), name)
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	return path
}

const conformanceDir = "../../../shared/conformance"

func TestRunJSON(t *testing.T) {
	prog := writeFile(t, "sum.s", `
		r0 = *(u8 *)(r1 + 0)
		r0 += r2
		exit
	`)
	data := writeFile(t, "in.bin", "\x05\x00\x00")
	code, out, errs := runCLI("run", "--data", data, "--repeat", "7", "--json", prog)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got map[string]any
	dec := json.NewDecoder(strings.NewReader(out))
	dec.UseNumber()
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("output %q: %v", out, err)
	}
	if len(got) != 3 || got["retval"] != json.Number("8") || got["runs"] != json.Number("7") {
		t.Errorf("got %v, want exactly retval 8, runs 7 and ns_per_run", got)
	}
	if ns, err := got["ns_per_run"].(json.Number).Float64(); err != nil || ns <= 0 {
		t.Errorf("ns_per_run = %v, want a positive number", got["ns_per_run"])
	}
}

func TestRunHuman(t *testing.T) {
	code, out, errs := runCLI("run", "--show", "--repeat", "10", "--data", "../../examples/dispatch.in", "../../examples/dispatch.s")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, want := range []string{"callx r3", "retval: ", "per run", "ns per instruction"} {
		if !strings.Contains(out, want) {
			t.Errorf("output lacks %q:\n%s", want, out)
		}
	}
}

func TestExitCodes(t *testing.T) {
	trap := writeFile(t, "trap.s", "r0 = *(u64 *)(r1 + 0)\nexit\n")
	uninit := writeFile(t, "uninit.s", "r0 = r5\nexit\n")
	junk := writeFile(t, "junk.s", "r0 = 1\nr0 = frobnicate r1\nexit\n")
	truncated := writeFile(t, "short.bin", "\x95\x00\x00")
	tests := []struct {
		desc   string
		args   []string
		code   int
		stderr string
	}{
		{"a run that traps", []string{"run", trap}, 1, "trap.s: insn 0: invalid read of 8 bytes"},
		{"a program the engine refuses", []string{"run", uninit}, 1, "uninit.s: insn 0: R5 !read_ok"},
		{"assembly that does not parse names file:line", []string{"run", junk}, 2, "junk.s:2:"},
		{"truncated bytecode names the instruction", []string{"run", truncated}, 2, "insn 0: truncated instruction"},
		{"a missing file", []string{"run", "no/such/file.s"}, 2, "no/such/file.s"},
		{"no file", []string{"run"}, 2, "run takes 1 argument(s), got 0"},
		{"an unknown flag", []string{"run", "--frobnicate", trap}, 2, "unknown flag"},
		{"an unknown command", []string{"frobnicate"}, 2, "unknown command"},
		{"a zero repeat", []string{"run", "--repeat", "0", trap}, 2, "--repeat must be at least 1"},
		{"conformance: callx.data is refused", []string{"run", conformanceDir + "/tests/callx.data"}, 1, "is not a function value"},
		{"conformance: a negative file", []string{"run", conformanceDir + "/negative/invalid_register.data"}, 2, "Invalid register"},
		{"conformance: a wrong result", []string{"run", conformanceDir + "/negative/incorrect_return_value_high_bits.data"}, 1, "want 0x8977665544332211"},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			if strings.Contains(strings.Join(tt.args, " "), conformanceDir) {
				if _, err := os.Stat(conformanceDir); err != nil {
					t.Skipf("the conformance suite is not at %s", conformanceDir)
				}
			}
			code, _, errs := runCLI(tt.args...)
			if code != tt.code || !strings.Contains(errs, tt.stderr) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errs, tt.code, tt.stderr)
			}
		})
	}
}

func TestRunConformanceFile(t *testing.T) {
	path := conformanceDir + "/tests/lddw.data"
	if _, err := os.Stat(path); err != nil {
		t.Skipf("the conformance suite is not at %s", conformanceDir)
	}
	code, out, errs := runCLI("run", "--json", path)
	if code != 0 || !strings.Contains(out, `"retval":1234605616436508552`) {
		t.Errorf("exit %d, stdout %q, stderr %q", code, out, errs)
	}
}

func TestAsmDisasmRoundTrip(t *testing.T) {
	dir := t.TempDir()
	bin := filepath.Join(dir, "primes.bin")
	if code, _, errs := runCLI("asm", "../../examples/primes.s", "-o", bin); code != 0 {
		t.Fatalf("asm: exit %d: %s", code, errs)
	}
	code, text, errs := runCLI("disasm", bin)
	if code != 0 {
		t.Fatalf("disasm: exit %d: %s", code, errs)
	}
	again := filepath.Join(dir, "again.s")
	if err := os.WriteFile(again, []byte(text), 0o644); err != nil {
		t.Fatal(err)
	}
	bin2 := filepath.Join(dir, "again.bin")
	if code, _, errs := runCLI("asm", again, "-o", bin2); code != 0 {
		t.Fatalf("asm of the disassembly: exit %d: %s", code, errs)
	}
	a, _ := os.ReadFile(bin)
	b, _ := os.ReadFile(bin2)
	if len(a) == 0 || !bytes.Equal(a, b) {
		t.Errorf("disasm → asm changed the bytes (%d vs %d bytes)", len(a), len(b))
	}
	// Both runs agree.
	_, out1, _ := runCLI("run", "--json", bin)
	_, out2, _ := runCLI("run", "--json", "../../examples/primes.s")
	if cut(out1) != cut(out2) {
		t.Errorf("bytecode gave %s, assembly %s", out1, out2)
	}
}

// cut keeps the retval of a --json line.
func cut(s string) string {
	s, _, _ = strings.Cut(s, ",")
	return s
}
