package vm

import (
	"errors"
	"strings"
	"testing"

	"github.com/callx/callx/asm"
	"github.com/callx/callx/helpers"
)

// loadSource assembles LLVM-syntax source and lowers it.
func loadSource(t *testing.T, src string, opts Options) (*Program, error) {
	t.Helper()
	insns, err := asm.Assemble([]byte(src), t.Name())
	if err != nil {
		t.Fatalf("assembling: %v", err)
	}
	return Load(insns, opts)
}

func TestRun(t *testing.T) {
	tests := []struct {
		desc  string
		src   string
		input []byte
		want  uint64
	}{
		{"division by zero gives 0", `
			r0 = 7
			r1 = 0
			r0 /= r1
			exit`, nil, 0},
		{"32-bit division by zero gives 0", `
			r0 = -1
			w1 = 0
			w0 /= w1
			exit`, nil, 0},
		{"modulo by zero leaves dst", `
			r0 = -3
			r1 = 0
			r0 %= r1
			exit`, nil, 0xfffffffffffffffd},
		{"32-bit modulo by zero leaves dst, zero-extended", `
			r0 = -3
			w1 = 0
			w0 %= w1
			exit`, nil, 0xfffffffd},
		{"modulo by a zero immediate, 32-bit", `
			r0 = -3
			w0 %= 0
			exit`, nil, 0xfffffffd},
		{"sdiv of INT_MIN by -1 is INT_MIN", `
			r0 = 1
			r0 <<= 63
			r1 = -1
			r0 s/= r1
			exit`, nil, 1 << 63},
		{"smod of INT_MIN by -1 is 0", `
			r0 = 1
			r0 <<= 63
			r0 s%= -1
			exit`, nil, 0},
		{"shift amounts are masked", `
			r0 = 1
			r1 = 65
			r0 <<= r1
			exit`, nil, 2},
		{"32-bit ops zero the upper half", `
			r0 = -1
			w0 += 0
			exit`, nil, 0xffffffff},
		{"r1 points to a copy of the input, r2 is its length", `
			r0 = *(u16 *)(r1 + 1)
			r0 <<= 8
			r0 += r2
			exit`, []byte{1, 2, 3, 4}, 0x030200 + 4},
		{"the program writes its own copy of the input", `
			*(u8 *)(r1 + 0) = 9
			r0 = *(u8 *)(r1 + 0)
			exit`, []byte{1}, 9},
		{"r6-r9 survive a call, and each frame has its own stack", `
			r6 = 6
			*(u64 *)(r10 - 8) = r6
			call f
			r0 += r6
			r1 = *(u64 *)(r10 - 8)
			r0 += r1
			exit
		f:
			r6 = 100
			*(u64 *)(r10 - 8) = r6
			r0 = 1
			exit`, nil, 1 + 6 + 6},
		{"function values survive spill, fill, argument and return", `
			r1 = double ll
			*(u64 *)(r10 - 8) = r1
			r1 = *(u64 *)(r10 - 8)
			call pick
			r1 = 21
			callx r0
			exit
		pick:
			r0 = r1
			exit
		double:
			r0 = r1
			r0 += r1
			exit`, nil, 42},
		{"mov then add fuse, but not when a jump lands on the add", `
			r0 = 0
			r1 = 3
			r3 = r10
			r3 += -8
			*(u64 *)(r3 + 0) = r1
			r2 = r0
		loop:
			r2 += 10
			r1 += -1
			if r1 != 0 goto loop
			r0 = *(u64 *)(r10 - 8)
			r0 += r2
			exit`, nil, 33},
		{"rD = rS; rD += rT fuse; rD += rD does not", `
			r1 = 5
			r2 = 7
			r3 = r1
			r3 += r2
			r4 = r2
			r4 += r4
			r0 = r3
			r0 <<= 8
			r0 |= r4
			exit`, nil, 12<<8 | 14},
		{"the fused bounds check, taken", `
			r1 = 100
			r2 = 10
			r3 = r2
			r3 += 95
			if r3 > r1 goto big
			r0 = r3
			exit
		big:
			r0 = r3
			r0 += 1000
			exit`, nil, 1105},
		{"the fused bounds check, not taken", `
			r1 = 100
			r2 = 10
			r3 = r2
			r3 += 80
			if r3 > r1 goto big
			r0 = r3
			exit
		big:
			r0 = 0
			exit`, nil, 90},
		{"legacy callx encoding runs like the current one", `
			r2 = one ll
			callx r2
			exit
		one:
			r0 = 1
			exit`, nil, 1},
		{"seven nested calls fit in eight frames", `
			call f1
			exit
		f1:
			call f2
			exit
		f2:
			call f3
			exit
		f3:
			call f4
			exit
		f4:
			call f5
			exit
		f5:
			call f6
			exit
		f6:
			call f7
			exit
		f7:
			r0 = 7
			exit`, nil, 7},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			p, err := loadSource(t, tt.src, Options{})
			if err != nil {
				t.Fatal(err)
			}
			input := append([]byte(nil), tt.input...)
			got, err := p.NewMachine().RunRaw(input)
			if err != nil {
				t.Fatal(err)
			}
			if got != tt.want {
				t.Errorf("got %#x, want %#x", got, tt.want)
			}
			if string(input) != string(tt.input) {
				t.Errorf("the caller's input changed")
			}
		})
	}
}

func TestTraps(t *testing.T) {
	tests := []struct {
		desc   string
		src    string
		input  []byte
		budget int64
		kind   error
		index  int
		msg    string // part of the error text
	}{
		{"read past the input", `
			r0 = *(u64 *)(r1 + 1)
			exit`, make([]byte, 8), 0, ErrMemory, 0, "invalid read of 8 bytes at 0x200000001 (data+1 of 8 bytes)"},
		{"read through NULL", `
			r1 = 0
			r0 = *(u8 *)(r1 + 0)
			exit`, nil, 0, ErrMemory, 1, "not a pointer"},
		{"write above the stack top", `
			*(u64 *)(r10 + 0) = 1
			r0 = 0
			exit`, nil, 0, ErrMemory, 0, "invalid write of 8 bytes"},
		{"write below the stack", `
			r1 = r10
			r1 += -4097
			*(u8 *)(r1 + 0) = 1
			r0 = 0
			exit`, nil, 0, ErrMemory, 2, "not a pointer"},
		{"a function value is not a pointer", `
			r1 = f ll
			r0 = *(u8 *)(r1 + 0)
			exit
		f:
			r0 = 0
			exit`, nil, 0, ErrMemory, 2, "outside every region"},
		{"callx on a number", `
			r1 = 5
			callx r1
			exit`, nil, 0, ErrCallTarget, 1, "callx target 0x5 is not a function value"},
		{"callx on a pointer", `
			r1 = r10
			callx r1
			exit`, nil, 0, ErrCallTarget, 1, "is not a function value"},
		{"recursion runs out of frames", `
			call f
			exit
		f:
			call f
			exit`, nil, 0, ErrCallDepth, 2, "too many call frames"},
		{"an endless loop runs out of budget", `
			r0 = 0
		loop:
			r0 += 1
			goto loop`, nil, 1000, ErrBudget, 2, "instruction budget exhausted"},
		{"legacy packet loads need a socket buffer", `
			r6 = r1
			r0 = *(u8 *)skb[0]
			exit`, nil, 0, ErrUnsupported, 1, "LD_ABS"},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			p, err := loadSource(t, tt.src, Options{Budget: tt.budget})
			if err != nil {
				t.Fatal(err)
			}
			_, err = p.NewMachine().RunRaw(tt.input)
			var trap *Trap
			if !errors.As(err, &trap) {
				t.Fatalf("got %v, want a trap", err)
			}
			if !errors.Is(err, tt.kind) || trap.Index != tt.index || !strings.Contains(err.Error(), tt.msg) {
				t.Errorf("got %q (kind %v, insn %d), want kind %v at insn %d containing %q",
					err, trap.Kind, trap.Index, tt.kind, tt.index, tt.msg)
			}
		})
	}
}

func TestLoadErrors(t *testing.T) {
	tests := []struct {
		desc  string
		src   string
		index int
		msg   string
	}{
		{"reading a register never written", `
			r0 = r3
			exit`, 0, "R3 !read_ok"},
		{"r0 unset on one path", `
			if r1 == 0 goto out
			r0 = 1
		out:
			exit`, 2, "R0 !read_ok"},
		{"arguments are gone after a call", `
			call 5
			r0 = r1
			exit`, 1, "R1 !read_ok"},
		{"the frame pointer is read only", `
			r10 = 0
			exit`, 0, "frame pointer is read only"},
		{"unknown helper", `
			call 9999
			exit`, 0, "invalid func unknown#9999"},
		{"falling off the end", `
			r0 = 0
			if r0 == 0 goto +0
			r0 = 1`, 2, "last insn is not an exit or jmp"},
		{"jump out of the program", `
			r0 = 0
			goto +5
			exit`, 1, "jump out of range from insn 1 to 7"},
		{"jump into the middle of ld_imm64", `
			goto +1
			r0 = 1 ll
			exit`, 0, "jump into the middle of ldimm64 insn 1"},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			_, err := loadSource(t, tt.src, Options{})
			var le *LoadError
			if !errors.As(err, &le) {
				t.Fatalf("got %v, want a *LoadError", err)
			}
			if le.Index != tt.index || le.Msg != tt.msg {
				t.Errorf("got insn %d %q, want insn %d %q", le.Index, le.Msg, tt.index, tt.msg)
			}
		})
	}
}

// TestLoadVerified checks that a verified program is not refused for a
// read on a path that cannot run, and that the frame pointer stays read
// only even then.
func TestLoadVerified(t *testing.T) {
	deadRead := `
		r0 = 0
		if r0 == 0 goto out
		r0 = r3
	out:
		exit`
	if _, err := loadSource(t, deadRead, Options{}); err == nil {
		t.Fatal("loaded unverified; want R3 !read_ok")
	}
	p, err := loadSource(t, deadRead, Options{Verified: true})
	if err != nil {
		t.Fatalf("verified: %v", err)
	}
	if got, err := p.NewMachine().Run(0, 0); err != nil || got != 0 {
		t.Errorf("run: %d, %v; want 0", got, err)
	}
	// A helper callx lacks, on a path that cannot run: loaded; on one
	// that runs: a trap, never a crash.
	deadCall := `
		r0 = 0
		if r0 == 0 goto out
		call 9999
	out:
		exit`
	if _, err := loadSource(t, deadCall, Options{}); err == nil {
		t.Error("loaded unverified; want invalid func unknown#9999")
	}
	if p, err := loadSource(t, deadCall, Options{Verified: true}); err != nil {
		t.Errorf("verified: %v", err)
	} else if got, err := p.NewMachine().Run(0, 0); err != nil || got != 0 {
		t.Errorf("run: %d, %v; want 0", got, err)
	}
	p, err = loadSource(t, "call 9999\nexit", Options{Verified: true})
	if err != nil {
		t.Fatalf("verified: %v", err)
	}
	if _, err := p.NewMachine().Run(0, 0); err == nil || !strings.Contains(err.Error(), "unknown#9999") {
		t.Errorf("calling it: %v; want a trap naming unknown#9999", err)
	}
	_, err = loadSource(t, "r10 = 0\nexit", Options{Verified: true})
	var le *LoadError
	if !errors.As(err, &le) || le.Msg != "frame pointer is read only" {
		t.Errorf("writing r10, verified: %v; want frame pointer is read only", err)
	}
}

// TestExecuted checks the instruction count against a count by hand: the
// loop body is 5 instructions run n times, plus 2 before and the exit.
func TestExecuted(t *testing.T) {
	p, err := loadSource(t, `
		r0 = 1
		r1 = 1000
	loop:
		r0 *= 1103515245
		r0 += 12345
		r0 &= 0x7fffffff
		r1 += -1
		if r1 != 0 goto loop
		exit`, Options{})
	if err != nil {
		t.Fatal(err)
	}
	m := p.NewMachine()
	if _, err := m.RunRaw(nil); err != nil {
		t.Fatal(err)
	}
	if got, want := m.Executed(), int64(2+5*1000+1); got != want {
		t.Errorf("executed %d instructions, want %d", got, want)
	}
}

// TestPanicsStop: a Go panic under a run (here a helper's) comes back as an
// ErrInternal trap from every entry point, never as a crash.
func TestPanicsStop(t *testing.T) {
	table := helpers.NewTable(&helpers.Helper{ID: 5, Name: "boom",
		Fn: func(helpers.Env, uint64, uint64, uint64, uint64, uint64) (uint64, error) { panic("boom") }})
	insns, err := asm.Assemble([]byte("call 5\nexit\n"), "boom.s")
	if err != nil {
		t.Fatal(err)
	}
	p, err := Load(insns, Options{Helpers: table, EntryArgs: 1})
	if err != nil {
		t.Fatal(err)
	}
	m := p.NewMachine()
	if _, err := m.RunRaw(nil); !errors.Is(err, ErrInternal) {
		t.Errorf("RunRaw: got %v, want ErrInternal", err)
	}
	if _, err := m.RepeatContext(nil, 3); !errors.Is(err, ErrInternal) {
		t.Errorf("RepeatContext: got %v, want ErrInternal", err)
	}
	if _, err := m.RunRaw(nil); !errors.Is(err, ErrInternal) {
		t.Errorf("the machine is usable after a panic: got %v", err)
	}
}
