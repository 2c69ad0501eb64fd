package verifier_test

import (
	"errors"
	"strings"
	"testing"

	"github.com/callx/callx/asm"
	"github.com/callx/callx/loader"
	"github.com/callx/callx/verifier"
	"github.com/cilium/ebpf/btf"
)

// debugpointProto is void (*)(struct xdp_md *, int).
var debugpointProto = &btf.FuncProto{
	Return: &btf.Void{},
	Params: []btf.FuncParam{
		{Name: "ctx", Type: &btf.Pointer{Target: &btf.Struct{Name: "xdp_md"}}},
		{Name: "code", Type: &btf.Int{Name: "int", Size: 4, Encoding: btf.Signed}},
	},
}

func staticFunc(name string) *btf.Func {
	return &btf.Func{Name: name, Linkage: btf.StaticFunc, Type: &btf.FuncProto{Return: &btf.Int{Name: "int", Size: 4}}}
}

// TestCallX checks the indirect-call rules of INDIRECT-CALLS.md on small
// programs: the closed world (functions by address), open-world slots
// (NULL check, arguments against the prototype), and stores into slots.
func TestCallX(t *testing.T) {
	bss := &verifier.MapInfo{Name: ".bss", Type: 2, KeySize: 4, ValueSize: 16, MaxEntries: 1, SpinLockOff: -1,
		Slots: []*verifier.SlotInfo{{Name: "debugpoint", Offset: 0, Count: 1, Proto: debugpointProto}}}
	// map 1: a slot after 8 bytes of plain data.
	data := &verifier.MapInfo{Name: ".data", Type: 2, KeySize: 4, ValueSize: 16, MaxEntries: 1, SpinLockOff: -1,
		Slots: []*verifier.SlotInfo{{Name: "late", Offset: 8, Count: 1, Proto: debugpointProto}}}
	tests := []struct {
		name string
		src  string
		want string
	}{
		{"variable load reaching a slot", `r2 = map_idx_value(1) ll
r3 = *(u64 *)(r2 + 0)
r3 &= 8
r2 += r3
r4 = *(u64 *)(r2 + 0)
r0 = 0
exit`, ""},
		{"closed world", `r2 = func(pc+3) ll
callx r2
exit
r0 = 2
exit`, ""},
		{"scalar target", "r2 = 0\ncallx r2\nr0 = 0\nexit", "R2 has type scalar, expected func"},
		{"uninitialised target", "callx r2\nr0 = 0\nexit", "R2 !read_ok"},
		{"modified target", `r2 = func(pc+4) ll
r2 += 8
callx r2
exit
r0 = 2
exit`, "dereference of modified func ptr R2 off=8 disallowed"},
		{"slot without NULL check", `r2 = map_idx_value(0) ll
r3 = *(u64 *)(r2 + 0)
r2 = 1
callx r3
r0 = 0
exit`, "func_or_null, check it against NULL first"},
		{"slot called as declared", `r2 = map_idx_value(0) ll
r3 = *(u64 *)(r2 + 0)
if r3 == 0 goto out
r2 = 1
callx r3
out:
r0 = 0
exit`, ""},
		{"slot missing argument", `r4 = map_idx_value(0) ll
r3 = *(u64 *)(r4 + 0)
if r3 == 0 goto out
callx r3
out:
r0 = 0
exit`, "R2 !read_ok"},
		{"slot wrong argument", `r2 = map_idx_value(0) ll
r3 = *(u64 *)(r2 + 0)
if r3 == 0 goto out
r1 = 7
r2 = 1
callx r3
out:
r0 = 0
exit`, "R1 is scalar, slot debugpoint argument 1 expects the context"},
		{"void result unreadable", `r2 = map_idx_value(0) ll
r3 = *(u64 *)(r2 + 0)
if r3 == 0 goto out
r2 = 1
callx r3
exit
out:
r0 = 0
exit`, "R0 !read_ok"},
		{"store zero into slot", `r2 = map_idx_value(0) ll
r1 = 0
*(u64 *)(r2 + 0) = r1
r0 = 0
exit`, ""},
		{"store scalar into slot", `r2 = map_idx_value(0) ll
r1 = 5
*(u64 *)(r2 + 0) = r1
r0 = 0
exit`, "only a matching function or 0 may be stored into function pointer slot debugpoint"},
		{"partial store into slot", `r2 = map_idx_value(0) ll
r1 = 0
*(u32 *)(r2 + 4) = r1
r0 = 0
exit`, "store of 4 bytes into function pointer slot debugpoint is not allowed"},
		{"store beside slot", `r2 = map_idx_value(0) ll
r1 = 5
*(u64 *)(r2 + 8) = r1
r0 = 0
exit`, ""},
		{"narrow load of slot", `r2 = map_idx_value(0) ll
r3 = *(u32 *)(r2 + 0)
callx r3
r0 = 0
exit`, "R3 has type scalar, expected func"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			insns, err := asm.Assemble([]byte(tt.src+"\n"), tt.name)
			if err != nil {
				t.Fatalf("assemble: %v", err)
			}
			var fi []loader.FuncInfo
			fi = append(fi, loader.FuncInfo{Slot: 0, Func: &btf.Func{Name: "prog", Linkage: btf.GlobalFunc, Type: &btf.FuncProto{Return: &btf.Int{Name: "int", Size: 4}}}})
			if strings.HasPrefix(tt.src, "r2 = func(") {
				// the function is the last two instructions
				fi = append(fi, loader.FuncInfo{Slot: len(insns) - 2, Func: staticFunc("target")})
			}
			_, err = verifier.Verify(insns, verifier.Options{Type: "xdp", Maps: []*verifier.MapInfo{bss, data}, FuncInfo: fi, LogLevel: verifier.LogLevel1})
			if tt.want == "" {
				if err != nil {
					var ve *verifier.Error
					errors.As(err, &ve)
					t.Fatalf("rejected: %v\n%s", err, ve.Log)
				}
				return
			}
			var ve *verifier.Error
			if err == nil || !errors.As(err, &ve) {
				t.Fatalf("got %v, want rejection %q", err, tt.want)
			}
			if !strings.Contains(ve.Msg, tt.want) && !strings.Contains(ve.Log, tt.want) {
				t.Fatalf("rejected with %q, want %q\n%s", ve.Msg, tt.want, ve.Log)
			}
		})
	}
}

// TestCallXObjects verifies the committed objects that call through
// function pointers: examples/guard.bpf.o (a .rodata function table and a
// debugpoint slot) is accepted; testdata's funcvalues takes the address
// of a global function, which Linux refuses ("callback function not
// static").
func TestCallXObjects(t *testing.T) {
	for _, c := range []struct {
		path, want string
	}{
		{"../examples/guard.bpf.o", ""},
		{"../testdata/objects/funcvalues.bpf.o", "callback function not static"},
	} {
		obj, err := loader.Open(c.path)
		if err != nil {
			t.Fatal(err)
		}
		for _, p := range obj.Programs {
			v, err := verifier.VerifyProgram(obj, p, verifier.Options{})
			if c.want == "" {
				if err != nil {
					t.Errorf("%s %s: %v", c.path, p.Name, err)
					continue
				}
				if p.Name == "guard" && (len(v.SlotBudgets) != 1 || v.SlotBudgets[0].Slot.Name != "debugpoint" || v.SlotBudgets[0].Frames != 3) {
					t.Errorf("guard's slot budgets: %+v, want debugpoint at 3 frames", v.SlotBudgets)
				}
				continue
			}
			if err == nil || !strings.Contains(err.Error(), c.want) {
				t.Errorf("%s %s: got %v, want %q", c.path, p.Name, err, c.want)
			}
		}
	}
}

// TestVerifiedFacts checks what a verified program carries for the
// engine: stack depths and the pointer type of each memory access.
func TestVerifiedFacts(t *testing.T) {
	insns, err := asm.Assemble([]byte("r2 = 1\n*(u64 *)(r10 - 16) = r2\nr0 = *(u32 *)(r1 + 0)\nexit\n"), "facts")
	if err != nil {
		t.Fatal(err)
	}
	v, err := verifier.Verify(insns, verifier.Options{Type: "socket"})
	if err != nil {
		t.Fatal(err)
	}
	if len(v.StackDepth) != 1 || v.StackDepth[0] != 16 {
		t.Errorf("stack depths %v, want [16]", v.StackDepth)
	}
	if v.AccessTypes[1] != verifier.PtrToStack || v.AccessTypes[2] != verifier.PtrToCtx || len(v.AccessTypes) != 2 {
		t.Errorf("access types %v, want 1: fp, 2: ctx", v.AccessTypes)
	}
}
