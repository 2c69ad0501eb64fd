package vm

import (
	"os/exec"
	"regexp"
	"strings"
	"testing"
	"unsafe"
)

// TestOpSize: an op is 32 bytes, so that the fast loop finds one with a
// shift and reads each field with one indexed load.
func TestOpSize(t *testing.T) {
	if n := unsafe.Sizeof(op{}); n != 32 {
		t.Errorf("an op is %d bytes, want 32", n)
	}
}

// TestFastLoopStaysSmall guards the interpreter's speed: when the fast loop
// grows past the Go inliner's "big function" threshold, the compiler stops
// inlining load, store and the byte-order helpers into it, the loop starts
// making calls, and its state moves from machine registers to the stack
// (about 20% slower). Move rare cases to exec (a stop reason), or a long
// case body into a small function the loop inlines (see alu.go), instead.
func TestFastLoopStaysSmall(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the package with the inliner's diagnostics")
	}
	out, err := exec.Command("go", "build", "-gcflags=-m=2", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	for _, line := range strings.Split(string(out), "\n") {
		if strings.Contains(line, "(*Machine).fast considered 'big'") {
			t.Fatalf("the fast loop is too big for the inliner: %s", line)
		}
	}
	if !strings.Contains(string(out), "inlining call to load") {
		t.Fatalf("load is no longer inlined anywhere")
	}
}

// TestFastLoopCalls: the fast loop's one call is the helper call (through
// a register); everything else it calls is the runtime's, on paths that
// panic or grow the stack or store a helper's error.
func TestFastLoopCalls(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the package with the compiler's assembly listing")
	}
	out, err := exec.Command("go", "build", "-gcflags=-S", ".").CombinedOutput()
	if err != nil {
		t.Fatalf("go build: %v\n%s", err, out)
	}
	text := string(out)
	start := strings.Index(text, "vm.(*Machine).fast STEXT")
	if start < 0 {
		t.Fatalf("no listing of the fast loop")
	}
	listing := text[start:]
	if nl := strings.IndexByte(listing, '\n'); nl >= 0 {
		if end := strings.Index(listing[nl:], " STEXT"); end >= 0 { // the next function
			listing = listing[:nl+end]
		}
	}
	allowed := regexp.MustCompile(`CALL\s+(runtime\.(panicBounds|panicdivide|morestack_noctxt|gcWriteBarrier\d)\(SB\)|[A-Z][0-9A-Z]*$)`)
	byRegister := 0
	for _, line := range strings.Split(listing, "\n") {
		i := strings.Index(line, "\tCALL\t")
		if i < 0 {
			continue
		}
		call := strings.TrimSpace(line[i:])
		if !allowed.MatchString(call) {
			t.Errorf("the fast loop calls %s", call)
		}
		if !strings.Contains(call, "(SB)") {
			byRegister++
		}
	}
	if byRegister != 1 {
		t.Errorf("the fast loop makes %d calls through a register, want 1 (the helper call)", byRegister)
	}
}
