package main

import (
	"encoding/json"
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/callx/callx/loader"
	"github.com/callx/callx/verifier"
)

// Objects with one program and with several, of each packet type.
var verifyObjects = []string{
	"../../testdata/progs/tailcall.bpf.o", // three XDP programs
	"../../testdata/progs/counter.bpf.o",
	"../../testdata/progs/err_no_bounds_check.bpf.o",
	"../../testdata/progs/socket_filter.bpf.o",
	"../../testdata/progs/tc_mark.bpf.o",
	"../../examples/guard.bpf.o",
}

// contractKeys are the keys of one object of `verify --json`, and the JSON
// kinds of their values.
var contractKeys = map[string]string{
	"name": "string", "section": "string", "accepted": "bool", "error": "string",
	"log": "string", "processed_insns": "int", "verify_ns": "int",
}

// decodeVerdicts checks that out is exactly the contract's array and
// returns it.
func decodeVerdicts(t *testing.T, out string) []map[string]any {
	t.Helper()
	dec := json.NewDecoder(strings.NewReader(out))
	dec.UseNumber()
	var got []map[string]any
	if err := dec.Decode(&got); err != nil {
		t.Fatalf("output %q is not a JSON array of objects: %v", out, err)
	}
	if dec.More() {
		t.Fatalf("output %q holds more than one JSON value", out)
	}
	for i, v := range got {
		if len(v) != len(contractKeys) {
			t.Errorf("element %d has keys %v, want exactly %v", i, keys(v), contractKeys)
		}
		for k, kind := range contractKeys {
			x, ok := v[k]
			if !ok {
				t.Errorf("element %d lacks %q", i, k)
				continue
			}
			switch kind {
			case "string":
				_, ok = x.(string)
			case "bool":
				_, ok = x.(bool)
			case "int":
				var n json.Number
				if n, ok = x.(json.Number); ok {
					_, err := n.Int64()
					ok = err == nil
				}
			}
			if !ok {
				t.Errorf("element %d: %q is %T (%v), want a JSON %s", i, k, x, x, kind)
			}
		}
	}
	return got
}

func keys(m map[string]any) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	return ks
}

func num(v any) int64 {
	n, _ := v.(json.Number).Int64()
	return n
}

// inProcess verifies an object's programs in-process, at a log level.
func inProcess(t *testing.T, path string, level int) (*loader.Object, []error, []string) {
	t.Helper()
	obj, err := loader.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	var errs []error
	var logs []string
	for _, p := range obj.Programs {
		v, err := verifier.VerifyProgram(obj, p, verifier.Options{LogLevel: level})
		errs = append(errs, err)
		switch e := err.(type) {
		case nil:
			logs = append(logs, v.Log)
		case *verifier.Error:
			logs = append(logs, e.Log)
		default:
			logs = append(logs, "")
		}
	}
	return obj, errs, logs
}

// stableLog drops the lines of a log that hold times.
func stableLog(s string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if !strings.HasPrefix(l, "verification time") {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}

func TestVerifyJSON(t *testing.T) {
	for _, path := range verifyObjects {
		t.Run(path[strings.LastIndex(path, "/")+1:], func(t *testing.T) {
			code, out, errs := runCLI("verify", "--json", path)
			got := decodeVerdicts(t, out)
			obj, verrs, _ := inProcess(t, path, 0)
			if len(got) != len(obj.Programs) {
				t.Fatalf("%d verdicts for %d programs", len(got), len(obj.Programs))
			}
			allAccepted := true
			for i, p := range obj.Programs {
				v := got[i]
				accepted := verrs[i] == nil
				allAccepted = allAccepted && accepted
				if v["name"] != p.Name || v["section"] != p.Section {
					t.Errorf("element %d is %v (%v), want %s (%s)", i, v["name"], v["section"], p.Name, p.Section)
				}
				if v["accepted"] != accepted {
					t.Errorf("%s: accepted %v, Verify in-process says %v", p.Name, v["accepted"], verrs[i])
				}
				if accepted && v["error"] != "" || !accepted && v["error"] != verrs[i].Error() {
					t.Errorf("%s: error %q, want %q", p.Name, v["error"], fmt.Sprint(verrs[i]))
				}
				if v["log"] != "" {
					t.Errorf("%s: a log at level 0: %q", p.Name, v["log"])
				}
				if num(v["processed_insns"]) < 0 || num(v["verify_ns"]) <= 0 {
					t.Errorf("%s: processed_insns %v, verify_ns %v", p.Name, v["processed_insns"], v["verify_ns"])
				}
			}
			want := 0
			if !allAccepted {
				want = 1
			}
			if code != want {
				t.Errorf("exit %d, want %d (stderr %q)", code, want, errs)
			}
		})
	}
}

func TestVerifyHuman(t *testing.T) {
	line := regexp.MustCompile(`^(\w+) \(([\w/.]+)\): (accepted, (\d+) insns processed, [0-9.]+ (ns|µs|ms)|rejected at insn (\d+): .+|rejected: .+)$`)
	for _, path := range verifyObjects {
		code, out, errs := runCLI("verify", path)
		_, verrs, _ := inProcess(t, path, 0)
		lines := strings.Split(strings.TrimSuffix(out, "\n"), "\n")
		if len(lines) != len(verrs) {
			t.Errorf("%s: %d lines for %d programs:\n%s", path, len(lines), len(verrs), out)
			continue
		}
		want := 0
		for i, l := range lines {
			m := line.FindStringSubmatch(l)
			if m == nil {
				t.Errorf("%s: line %q is not a verdict", path, l)
				continue
			}
			if accepted := strings.HasPrefix(m[3], "accepted"); accepted != (verrs[i] == nil) {
				t.Errorf("%s: %q, Verify in-process says %v", path, l, verrs[i])
			}
			if ve, ok := verrs[i].(*verifier.Error); ok && m[6] != fmt.Sprint(ve.Insn) {
				t.Errorf("%s: %q, Verify in-process rejects at insn %d", path, l, ve.Insn)
			}
			if verrs[i] != nil {
				want = 1
			}
		}
		if code != want {
			t.Errorf("%s: exit %d, want %d (stderr %q)", path, code, want, errs)
		}
	}
}

func TestVerifyProg(t *testing.T) {
	path := "../../testdata/progs/tailcall.bpf.o"
	obj, verrs, _ := inProcess(t, path, 0)
	for i, p := range obj.Programs {
		code, out, _ := runCLI("verify", "--json", "--prog", p.Name, path)
		got := decodeVerdicts(t, out)
		if len(got) != 1 || got[0]["name"] != p.Name || got[0]["accepted"] != (verrs[i] == nil) {
			t.Errorf("--prog %s: %v", p.Name, got)
		}
		if want := map[bool]int{true: 0, false: 1}[verrs[i] == nil]; code != want {
			t.Errorf("--prog %s: exit %d, want %d", p.Name, code, want)
		}
	}
}

func TestVerifyLogLevels(t *testing.T) {
	path := "../../testdata/progs/tailcall.bpf.o"
	for _, level := range []int{0, 1, 2, 3, 4, 5, 7} {
		_, _, logs := inProcess(t, path, level)
		code, out, errs := runCLI("verify", "--json", "--log-level", fmt.Sprint(level), path)
		if code == 2 {
			t.Fatalf("--log-level %d: exit 2: %s", level, errs)
		}
		got := decodeVerdicts(t, out)
		for i, v := range got {
			if stableLog(v["log"].(string)) != stableLog(logs[i]) {
				t.Errorf("--log-level %d, %s: log %q, Verify in-process gives %q", level, v["name"], v["log"], logs[i])
			}
		}
		// The human form prints each non-empty log after its verdict.
		_, human, _ := runCLI("verify", "--log-level", fmt.Sprint(level), path)
		for _, l := range logs {
			for _, ll := range strings.Split(stableLog(l), "\n") {
				if ll = strings.TrimSpace(ll); ll != "" && level > 0 && !strings.Contains(human, ll) {
					t.Errorf("--log-level %d: the output lacks the log line %q:\n%s", level, ll, human)
				}
			}
		}
	}
}

func TestVerifyExitCodes(t *testing.T) {
	// The control-flow pass rejects an unreachable instruction, whatever
	// the state walk does.
	unreachable := writeFile(t, "unreachable.s", "r0 = 0\nexit\nr0 = 1\nexit\n")
	junk := writeFile(t, "junk.o", "not an ELF object")
	tests := []struct {
		desc   string
		args   []string
		code   int
		stderr string
	}{
		{"a rejected program", []string{"verify", unreachable}, 1, "1 of 1 programs rejected"},
		{"a rejected program, --type", []string{"verify", "--type", "xdp", "--json", unreachable}, 1, "rejected"},
		{"an unknown program", []string{"verify", "--prog", "nope", "../../testdata/progs/tailcall.bpf.o"}, 2, `no program "nope" (it has prog_a, prog_b, xdp_dispatch)`},
		{"a log level out of range", []string{"verify", "--log-level", "8", unreachable}, 2, "--log-level is a sum of"},
		{"a negative log level", []string{"verify", "--log-level", "-1", unreachable}, 2, "--log-level is a sum of"},
		{"an unknown type", []string{"verify", "--type", "frob", unreachable}, 2, `--type "frob" is not a program type`},
		{"--type on an object", []string{"verify", "--type", "xdp", "../../testdata/progs/counter.bpf.o"}, 2, "--type is for .s and bytecode files"},
		{"--prog on assembly", []string{"verify", "--prog", "x", unreachable}, 2, "--prog is for .o files"},
		{"a missing file", []string{"verify", "no/such/file.o"}, 2, "no/such/file.o"},
		{"a file that is not an object", []string{"verify", junk}, 2, "junk"},
		{"no file", []string{"verify"}, 2, "verify takes 1 argument(s), got 0"},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			code, _, errs := runCLI(tt.args...)
			if code != tt.code || !strings.Contains(errs, tt.stderr) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errs, tt.code, tt.stderr)
			}
		})
	}
	// The rejection names the instruction, in both forms.
	_, out, _ := runCLI("verify", unreachable)
	if !strings.HasPrefix(out, "unreachable (socket): rejected at insn 2: ") {
		t.Errorf("output %q", out)
	}
	_, out, _ = runCLI("verify", "--json", "--type", "xdp", unreachable)
	got := decodeVerdicts(t, out)
	if len(got) != 1 || got[0]["name"] != "unreachable" || got[0]["section"] != "" || got[0]["accepted"] != false ||
		!strings.HasPrefix(got[0]["error"].(string), "insn 2: ") {
		t.Errorf("--json: %v", got)
	}
}
