package verifier

import "testing"

// TestLivenessLdAbs checks the kernel's rule for LD_ABS and LD_IND in
// compute_live_registers: they count as reading every register, so a
// register written before one is live there even if nothing else reads
// it (a soundness finding: callx forgot it, and pruned where the kernel
// does not).
func TestLivenessLdAbs(t *testing.T) {
	v := &verifier{insns: assemble(t, `	r6 = r1
	r9 = 4
	r0 = *(u16 *)skb[37]
	r9 = 5
	r0 = 0
	exit
`)}
	l := computeLiveness(v)
	if l.in[2]&(1<<9) == 0 {
		t.Errorf("r9 dead before the LD_ABS at 2 (live %016b); the kernel keeps it", l.in[2])
	}
	if l.in[4]&(1<<9) != 0 {
		t.Errorf("r9 live at 4 (live %016b): nothing reads it after", l.in[4])
	}
}
