package verifier

// This file tests the loop handling of pruning against figures measured
// on the kernel: which instructions are in loops (scc.go), and how many
// instructions and states the walk of a loop takes (prune.go).

import (
	"errors"
	"strconv"
	"strings"
	"testing"

	"github.com/cilium/ebpf/btf"

	"github.com/callx/callx/loader"
)

func TestComputeSCCs(t *testing.T) {
	tests := []struct {
		name string
		src  string
		// loops groups the instructions by loop; the rest are in none.
		loops [][]int
	}{
		{
			name: "straight line",
			src:  "r0 = 0\nr0 += 1\nexit\n",
		},
		{
			name: "a loop",
			src: `	r0 = 0
	r0 += 1
	if r0 < 10 goto -2
	exit
`,
			loops: [][]int{{1, 2}},
		},
		{
			name: "an instruction that jumps to itself",
			src: `	r0 = 0
	if r0 > 10 goto -1
	exit
`,
			loops: [][]int{{1}},
		},
		{
			name: "two loops one after the other",
			src: `	r0 = 0
	r0 += 1
	if r0 < 10 goto -2
	r0 += 2
	if r0 < 20 goto -2
	exit
`,
			loops: [][]int{{1, 2}, {3, 4}},
		},
		{
			name: "a call inside a loop does not take the callee into it",
			src: `	r6 = 0
	call pc+3
	r6 += 1
	if r6 < 3 goto -3
	exit
	r0 = 0
	exit
`,
			loops: [][]int{{1, 2, 3}},
		},
		{
			name: "ld_imm64 inside a loop",
			src: `	r6 = 0
	r1 = 5 ll
	r6 += 1
	if r6 < 3 goto -4
	r0 = 0
	exit
`,
			loops: [][]int{{1, 3, 4}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v := &verifier{insns: assemble(t, tt.src)}
			scc := v.computeSCCs()
			inLoop := map[int]int{}
			for _, loop := range tt.loops {
				id := scc[loop[0]]
				if id == 0 {
					t.Fatalf("insn %d: in no loop, want one with %v (scc %v)", loop[0], loop, scc)
				}
				for _, i := range loop {
					if scc[i] != id {
						t.Errorf("insn %d: loop %d, want %d as insn %d (scc %v)", i, scc[i], id, loop[0], scc)
					}
					inLoop[i] = id
				}
			}
			for i, id := range scc {
				if _, ok := inLoop[i]; !ok && id != 0 && (i == 0 || !v.insns[i-1].IsLoadImm64()) {
					t.Errorf("insn %d: in loop %d, want none (scc %v)", i, id, scc)
				}
			}
		})
	}
}

func TestCallchainString(t *testing.T) {
	for _, tt := range []struct {
		c    callchain
		want string
	}{
		{callchain{scc: 1}, "(1)"},
		{callchain{callsites: [maxCallFrames - 1]int{10, 28}, scc: 3}, "(10,28,3)"},
	} {
		if got := tt.c.String(); got != tt.want {
			t.Errorf("%+v: %q, want %q", tt.c, got, tt.want)
		}
	}
}

// TestLoopWalkMatchesKernel checks the walk of loops against the counts
// Linux 6.18 reported for the same programs (BPF_PROG_LOAD at log level
// 4, 2026-11-25): processed instructions, states kept, and the most
// states at one instruction. They depend on when the walk keeps a state
// (every 2 jumps and 8 instructions, never more often inside a loop
// than every 20 jumps or 100 instructions, always when the history
// reaches 40 entries), on the order old states are compared in (newest
// first), and on when they are evicted.
func TestLoopWalkMatchesKernel(t *testing.T) {
	loop := func(mask string) string {
		return `	r6 = r1
	r8 = 0
	call 5
	r0 &= ` + mask + `
	r8 += 1
	if r8 < r0 goto -4
	if w8 < -27 goto +1
	r0 = 2
	r0 = 2
	exit
`
	}
	tests := []struct {
		name                          string
		src                           string
		processed, states, maxPerInsn int
	}{
		{"up to 255 iterations", loop("255"), 1533, 138, 4},
		{"up to 4095 iterations", loop("4095"), 24573, 2198, 4},
		{"up to 65535 iterations", loop("65535"), 393213, 35166, 4},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			v, err := Verify(assemble(t, tt.src), Options{Type: "xdp"})
			if err != nil {
				t.Fatal(err)
			}
			s := v.Stats
			if s.Processed != tt.processed || s.TotalStates != tt.states || s.MaxStatesPerInsn != tt.maxPerInsn {
				t.Errorf("processed %d, total_states %d, max_states_per_insn %d; the kernel: %d, %d, %d",
					s.Processed, s.TotalStates, s.MaxStatesPerInsn, tt.processed, tt.states, tt.maxPerInsn)
			}
		})
	}
}

// bpfLoopInLoops is a soundness finding, its maps taken out: two
// bpf_loop calls in a loop of a function called in a loop. How far the
// kernel walks it jumps with the loops' counts, as the states kept at
// the bpf_loop calls stop being evicted in time.
func bpfLoopInLoops(outer, inner string) string {
	return `	r6 = r1
	r9 = 0 ll
	w3 = 0
	r8 = 0
	r1 = 32
	r2 = 65535
	*(u64 *)(r10 - 96) = -48
	r3 = r10
	r3 += -96
	call pc+10
	r8 += 1
	if r8 < ` + outer + ` goto -8
	w9 = *(u16 *)(r10 - 92)
	w8 = *(u32 *)(r6 + 0)
	w9 = *(u32 *)(r6 + 4)
	r1 = r6
	r2 = -14
	call 65
	r0 = 1
	exit
	*(u64 *)(r10 - 8) = 7
	r2 = r10
	r2 += -8
	r1 = 0 ll
	call 7
	if r0 == 0 goto +1
	call pc+21
	r8 = 1384587572
	*(u64 *)(r10 - 128) = r8
	r7 = -2033448296
	r7 = r8
	r9 = 0
	r3 = 0
	r1 = 5
	r2 = func(pc+17) ll
	r4 = 0
	call 181
	r3 = 0
	r1 = 5
	r2 = func(pc+18) ll
	r4 = 0
	call 181
	r9 += 1
	if r9 != ` + inner + ` goto -14
	r0 = 1
	exit
	call 8
	r4 = 262144
	w4 = w0
	exit
	r8 = 9
	r2 = r10
	r2 += -128
	r1 = 0 ll
	r0 = 1
	exit
	*(u32 *)(r10 - 56) = w2
	*(u16 *)(r10 - 38) = -81875309
	r0 = 0
	exit
`
}

// bpfLoopInLoopsFuncs is the func_info of bpfLoopInLoops: the program,
// the function, the function it calls and the two callbacks.
func bpfLoopInLoopsFuncs() []loader.FuncInfo {
	ret := &btf.Int{Name: "int", Size: 4, Encoding: btf.Signed}
	infos := []loader.FuncInfo{{Slot: 0, Func: &btf.Func{Name: "prog", Linkage: btf.GlobalFunc, Type: &btf.FuncProto{Return: ret}}}}
	for _, start := range []int{21, 50, 54, 61} {
		fn := &btf.Func{Name: "f" + strconv.Itoa(start), Linkage: btf.StaticFunc, Type: &btf.FuncProto{Return: ret}}
		infos = append(infos, loader.FuncInfo{Slot: start, Func: fn})
	}
	return infos
}

func TestBpfLoopInLoops(t *testing.T) {
	// As Linux 6.18 (2026-11-25): processed instructions, states kept
	// and the most states at one instruction.
	tests := []struct {
		outer, inner                  string
		processed, states, maxPerInsn int
		tooLarge                      bool
	}{
		{"3", "5", 474, 53, 14, false},
		{"12", "8", 4008, 456, 65, false},
		{"12", "11", 1000001, 111525, 65, true},
	}
	for _, tt := range tests {
		t.Run(tt.outer+"x"+tt.inner, func(t *testing.T) {
			v, err := Verify(assemble(t, bpfLoopInLoops(tt.outer, tt.inner)), Options{Type: "xdp", FuncInfo: bpfLoopInLoopsFuncs()})
			var s Stats
			switch {
			case tt.tooLarge:
				var e *Error
				if !errors.As(err, &e) || !strings.Contains(e.Msg, "BPF program is too large") {
					t.Fatalf("verified with %v; the kernel: BPF program is too large", err)
				}
				s = e.Stats
			case err != nil:
				t.Fatal(err)
			default:
				s = v.Stats
			}
			if s.Processed != tt.processed || s.TotalStates != tt.states || s.MaxStatesPerInsn != tt.maxPerInsn {
				t.Errorf("processed %d, total_states %d, max_states_per_insn %d; the kernel: %d, %d, %d",
					s.Processed, s.TotalStates, s.MaxStatesPerInsn, tt.processed, tt.states, tt.maxPerInsn)
			}
		})
	}
}

// TestBpfLoopPrecision checks the precision marks around bpf_loop in
// the log: its flags are marked precise, as the kernel's inlining relies
// on them being 0, and its NULL context is not (Linux 6.18); returning
// from the callback, what the call needs precise is carried back.
func TestBpfLoopPrecision(t *testing.T) {
	v, err := Verify(assemble(t, bpfLoopInLoops("3", "5")), Options{Type: "xdp", FuncInfo: bpfLoopInLoopsFuncs(), LogLevel: LogLevel2})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"mark_precise: frame1: parent state regs=r4 stack=:",
		"frame 1: propagating r1,r4,r9\n",
	} {
		if !strings.Contains(v.Log, want) {
			t.Errorf("log lacks %q", want)
		}
	}
	if strings.Contains(v.Log, "regs=r3 stack=") {
		t.Errorf("log marks bpf_loop's NULL context precise")
	}
}
