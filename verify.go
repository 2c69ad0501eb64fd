package callx

// This file implements verifying an object's program before it runs: the
// verifier's verdict and what it proved, kept with the program.

import (
	"github.com/callx/callx/verifier"
)

// Verify runs the verifier on the program with the object's maps, BTF
// and type, at the given log level. On success the program keeps the
// result in p.Verified, which the engine trusts for what it proved (for
// now: the stack depths and the slot budgets). A rejection is a
// *verifier.Error with the instruction, the kernel's message and the log.
func (p *ObjectProgram) Verify(logLevel int) (*verifier.Verified, error) {
	v, err := verifier.VerifyProgram(p.Object.Spec, p.Spec, verifier.Options{LogLevel: logLevel})
	if err != nil {
		return nil, err
	}
	p.Verified = v
	return v, nil
}
