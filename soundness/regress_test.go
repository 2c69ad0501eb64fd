// This file implements TestRegressions: every finding saved under
// testdata/ checked again, and failing while the verifier still gets it
// wrong.

package soundness

import (
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

var replayHangs = flag.Bool("soundness.hangs", false, "TestRegressions: replay the open verifier hangs too")

func TestRegressions(t *testing.T) {
	files, err := filepath.Glob(filepath.Join(testdataDir, "*.s"))
	if err != nil {
		t.Fatal(err)
	}
	if len(files) == 0 {
		t.Skip("no findings saved under testdata/ yet")
	}
	c := newTestChecker(t)
	for _, file := range files {
		t.Run(filepath.Base(file), func(t *testing.T) {
			src, err := os.ReadFile(file)
			if err != nil {
				t.Fatal(err)
			}
			r, err := ParseRegression(src, file)
			if err != nil {
				t.Fatal(err)
			}
			if r.Open && strings.HasPrefix(r.Class, string(VerifierHang)) && !*replayHangs {
				t.Skip("an open verifier hang: -soundness.hangs replays it (and leaves the verifier's goroutine running)")
			}
			res, err := c.Check(r.Program)
			if err != nil {
				t.Fatal(err)
			}
			f := res.Finding
			switch {
			case !r.Open && strings.HasPrefix(r.Class, string(UnsoundAcceptance)) && res.Accepted:
				// Fixed: callx rejects it as the kernel does, kernel or not.
				t.Errorf("callx accepts it again; the kernel rejects it:\n%s", r.Class)
			case f != nil && f.Kind.Unsound() && r.Open:
				t.Logf("open: %s", f.Error())
			case f != nil && f.Kind.Unsound():
				t.Errorf("%s", f.Report())
			case r.Open && strings.HasPrefix(r.Class, string(UnsoundAcceptance)) && !c.KernelUsed():
				t.Skipf("open, and needs the kernel to reproduce: %v", c.KernelErr)
			case r.Open:
				t.Logf("fixed: delete its \"# status: open\" line, so that this test fails should it come back")
			}
		})
	}
}
