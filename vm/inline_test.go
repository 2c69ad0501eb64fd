package vm

import (
	"os/exec"
	"strings"
	"testing"
)

// TestFastLoopStaysSmall guards the interpreter's speed: when the fast loop
// grows past the Go inliner's "big function" threshold, the compiler stops
// inlining load, store and the byte-order helpers into it, the loop starts
// making calls, and its state moves from machine registers to the stack
// (about 20% slower). Move rare cases to exec (a stop reason) instead.
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
