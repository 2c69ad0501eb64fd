package verifier

// This file tests the stack liveness analysis against the kernel's log
// of the same programs (Linux 6.18, log level 2, 2026-11-25).

import (
	"strings"
	"testing"
)

func TestStackLivenessLog(t *testing.T) {
	tests := []struct {
		name string
		src  string
		want string // the kernel's lines about stack liveness, in order
	}{
		{
			name: "reads and a write in one function",
			src: `	r1 = *(u64 *)(r10 - 8)
	r2 = *(u64 *)(r10 - 24)
	*(u64 *)(r10 - 8) = r1
	r0 = 0
	exit
`,
			want: `(0) frame 0 insn 2 +written -8 
(0) frame 0 insn 1 +live -24 
(0) frame 0 insn 1 +written -8 
(0) frame 0 insn 0 +live -8,-24 
(0) frame 0 insn 0 +written -8 
(0) live stack update done in 2 iterations
`,
		},
		{
			name: "a callee reads and writes its caller's stack",
			src: `	*(u64 *)(r10 - 8) = 0
	*(u64 *)(r10 - 16) = 0
	r1 = r10
	r1 += -8
	call pc+3
	r0 = *(u64 *)(r10 - 16)
	r0 = 0
	exit
	r0 = *(u64 *)(r1 + 0)
	*(u64 *)(r1 - 8) = r0
	r0 = 0
	exit
`,
			want: `(4,8) frame 0 insn 9 +written -16 
(4,8) frame 0 insn 8 +live -8 
(4,8) frame 0 insn 8 +written -16 
(4,8) live stack update done in 2 iterations
(0) frame 0 insn 4 +live -8 
(0) frame 0 insn 4 +written -16 
(0) frame 0 insn 1 +live -8 
(0) frame 0 insn 1 +written -16 
(0) frame 0 insn 0 +written -8,-16 
(0) live stack update done in 2 iterations
(0) frame 0 insn 5 +live -16 
(0) live stack update done in 2 iterations
`,
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := Verify(assemble(t, tt.src), Options{Type: "socket", LogLevel: LogLevel2})
			if err != nil {
				t.Fatal(err)
			}
			var got strings.Builder
			for _, line := range strings.SplitAfter(v.Log, "\n") {
				if strings.HasPrefix(line, "(") {
					got.WriteString(line)
				}
			}
			if got.String() != tt.want {
				t.Errorf("stack liveness lines:\n%s\nthe kernel's:\n%s", got.String(), tt.want)
			}
		})
	}
}
