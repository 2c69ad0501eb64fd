package verifier

// This file implements the walk over a program's paths (the kernel's
// do_check and the loop around it in do_check_common).

import (
	"strings"

	"github.com/callx/callx/asm"
)

// verifier holds one verification.
type verifier struct {
	insns asm.Program
	opts  Options
	cfg   *CFG
	log   strings.Builder
	stats Stats
}

func newVerifier(insns asm.Program, opts Options) *verifier {
	return &verifier{insns: insns, opts: opts}
}

// run verifies the program.
func (v *verifier) run() error {
	cfg, err := CheckCFGWith(v.insns, CFGOptions{Privileged: !v.opts.Unprivileged})
	if err != nil {
		return err
	}
	v.cfg = cfg
	return rejectf(0, CodeUnsupported, "callx: the state walk is not built yet")
}

// finishLog ends the log as the kernel does.
func (v *verifier) finishLog(err error) {}

// stackDepths returns each subprogram's stack depth.
func (v *verifier) stackDepths() []int { return make([]int, len(v.cfg.Subprogs)) }
