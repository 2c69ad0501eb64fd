package loader

// This file implements the tests of Program.Disassemble, against a golden
// text and against llvm-objdump-19 -S.

import (
	"os/exec"
	"regexp"
	"strconv"
	"strings"
	"testing"
)

func TestDisassembleSeed(t *testing.T) {
	obj := open(t, "seed")
	want := `0000000000000000 <trace_kfree_skb>:
; 	struct sk_buff *skb = ctx->skb;
       0:	r1 = *(u64 *)(r1 + 0)
; 	fn f = *(volatile fn *)&func;
       1:	r2 = map_idx_value(0) ll <func>
       3:	r2 = *(u64 *)(r2 + 0)
; 	if (f)
       4:	if r2 == 0 goto +1
; 		f(skb);
       5:	callx r2
; 	return 0;
       6:	w0 = 0
       7:	exit
`
	if got := obj.Programs[0].Disassemble(); got != want {
		t.Errorf("got\n%s\nwant\n%s", got, want)
	}
}

func TestDisassembleAnnotations(t *testing.T) {
	obj := open(t, "funcptrs")
	got := obj.Program("xdp_loops").Disassemble()
	for _, want := range []string{
		"0000000000000000 <xdp_loops>:\n",
		"; \tbpf_loop(10, loop_step, &c, 0);\n",
		"       5:\tr2 = func(pc+16) ll <loop_step>\n",
		"      10:\tr1 = map_idx(3) ll <values>\n",
		"\n00000000000000b0 <loop_step>:\n",
	} {
		if !strings.Contains(got, want) {
			t.Errorf("missing %q in\n%s", want, got)
		}
	}
	// a program without an object or line info still prints
	bare := (&Program{Name: "bare", Insns: obj.Programs[0].Insns[:2]}).Disassemble()
	if bare != "0000000000000000 <bare>:\n       0:\tr6 = r1\n       1:\tw1 = *(u32 *)(r6 + 12)\n" {
		t.Errorf("bare program:\n%s", bare)
	}
}

var (
	reSourceLine = regexp.MustCompile(`^; (.*)$`)
	reSlotLine   = regexp.MustCompile(`^\s*(\d+):\t`)
)

// sourceLines returns, for a disassembly of one function, the source line
// printed before each slot that has one.
func sourceLines(text string) map[int]string {
	lines := make(map[int]string)
	pending := ""
	for _, line := range strings.Split(text, "\n") {
		if m := reSourceLine.FindStringSubmatch(line); m != nil {
			pending = m[1]
		} else if m := reSlotLine.FindStringSubmatch(line); m != nil && pending != "" {
			slot, _ := strconv.Atoi(m[1])
			lines[slot] = pending
			pending = ""
		}
	}
	return lines
}

// The source lines interleaved in each entry function are where
// llvm-objdump-19 -S puts them, from DWARF: each line we print (but at the
// entry, where BTF's line_info gives the function's declaration and DWARF
// its opening brace) is printed there by llvm-objdump-19 too, and most of
// those it prints we print. DWARF has rows BTF has not (llvm-objdump-19
// repeats a line after a row that is not a statement), so not all.
func TestDisassembleLLVM(t *testing.T) {
	tool := llvmTool(t, "llvm-objdump-19")
	good, _ := objects(t)
	both, theirs := 0, 0
	for _, file := range good {
		obj, err := Open(file)
		if err != nil {
			t.Fatal(err)
		}
		// the objects name their sources relative to the repository root
		cmd := exec.Command(tool, "-S", "-d", "--no-show-raw-insn", "loader/"+file)
		cmd.Dir = ".."
		out, err := cmd.CombinedOutput()
		if err != nil {
			t.Fatalf("%s: %v\n%s", file, err, out)
		}
		for _, p := range obj.Programs {
			fn := obj.Funcs[p.Funcs[0].Func]
			start := strings.Index(string(out), "<"+p.Name+">:\n")
			if start < 0 {
				t.Fatalf("%s: llvm-objdump-19 shows no %s", file, p.Name)
			}
			end := strings.Index(string(out[start:]), "\n\n")
			if end < 0 {
				end = len(out) - start
			}
			llvm := sourceLines(string(out[start : start+end]))
			ours := sourceLines(p.Disassemble())
			for slot := 1; slot < fn.Size; slot++ {
				l, o := llvm[fn.Offset+slot], ours[slot]
				if o != "" && o != l {
					t.Errorf("%s: %s slot %d: we print %q, llvm-objdump-19 %q", file, p.Name, slot, o, l)
				}
				if l != "" {
					theirs++
					if o == l {
						both++
					}
				}
			}
		}
	}
	if both*5 < theirs*4 {
		t.Errorf("we print %d of the %d source lines llvm-objdump-19 prints", both, theirs)
	}
	t.Logf("%d of the %d source lines llvm-objdump-19 prints, at the same instructions", both, theirs)
}
