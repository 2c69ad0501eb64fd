package verifier_test

import (
	"errors"
	"os"
	"strings"
	"testing"

	"github.com/callx/callx/asm"
	"github.com/callx/callx/loader"
	"github.com/callx/callx/verifier"
)

// arrayMap is a one-element array map with an 8-byte value.
var arrayMap = &verifier.MapInfo{Name: "arr", Type: 2, KeySize: 4, ValueSize: 8, MaxEntries: 1, SpinLockOff: -1}

func TestVerify(t *testing.T) {
	tests := []struct {
		name string
		typ  loader.ProgType
		src  string
		want string // "" accepted, else a substring of the rejection
	}{
		{"return constant", "socket", "r0 = 0\nexit", ""},
		{"r0 unset", "socket", "exit", "R0 !read_ok"},
		{"read uninitialised", "socket", "r0 = r2\nexit", "R2 !read_ok"},
		{"write fp", "socket", "r10 = 0\nr0 = 0\nexit", "frame pointer is read only"},
		{"stack spill fill", "socket", "r1 = 7\n*(u64 *)(r10 - 8) = r1\nr0 = *(u64 *)(r10 - 8)\nexit", ""},
		{"stack out of bounds", "socket", "r1 = 7\n*(u64 *)(r10 - 520) = r1\nr0 = 0\nexit", "invalid write to stack R10 off=-520 size=8"},
		{"stack above fp", "socket", "r1 = 7\n*(u64 *)(r10 + 0) = r1\nr0 = 0\nexit", "invalid write to stack"},
		{"misaligned stack", "socket", "r1 = 7\n*(u64 *)(r10 - 4) = r1\nr0 = 0\nexit", "misaligned stack access"},
		{"deref scalar", "socket", "r1 = 0\nr0 = *(u64 *)(r1 + 0)\nexit", "R1 invalid mem access 'scalar'"},
		{"ctx read", "socket", "r0 = *(u32 *)(r1 + 0)\nexit", ""},
		{"ctx bad offset", "socket", "r0 = *(u32 *)(r1 + 1000)\nexit", "invalid bpf_context access off=1000 size=4"},
		{"xdp packet unchecked", "xdp", "r2 = *(u32 *)(r1 + 0)\nr0 = *(u8 *)(r2 + 0)\nexit", "invalid access to packet"},
		{"xdp packet checked", "xdp", `r2 = *(u32 *)(r1 + 0)
r3 = *(u32 *)(r1 + 4)
r4 = r2
r4 += 14
if r4 > r3 goto out
r0 = *(u8 *)(r2 + 13)
exit
out:
r0 = 1
exit`, ""},
		{"xdp packet off by one", "xdp", `r2 = *(u32 *)(r1 + 0)
r3 = *(u32 *)(r1 + 4)
r4 = r2
r4 += 14
if r4 > r3 goto out
r0 = *(u8 *)(r2 + 14)
exit
out:
r0 = 1
exit`, "invalid access to packet, off=14 size=1"},
		{"map value without null check", "socket", `r1 = 1
*(u32 *)(r10 - 4) = r1
r2 = r10
r2 += -4
r1 = map_idx(0) ll
call 1
r0 = *(u64 *)(r0 + 0)
exit`, "R0 invalid mem access 'map_value_or_null'"},
		// Linux 6.14+: an array lookup with a constant key in bounds
		// cannot fail.
		{"array value by constant key in bounds", "socket", `r1 = 0
*(u32 *)(r10 - 4) = r1
r2 = r10
r2 += -4
r1 = map_idx(0) ll
call 1
r0 = *(u64 *)(r0 + 0)
exit`, ""},
		{"array value by key of zero bytes", "socket", `*(u32 *)(r10 - 4) = 0
r2 = r10
r2 += -4
r1 = map_idx(0) ll
call 1
r0 = *(u64 *)(r0 + 0)
exit`, ""},
		{"map value with null check", "socket", `r1 = 0
*(u32 *)(r10 - 4) = r1
r2 = r10
r2 += -4
r1 = map_idx(0) ll
call 1
if r0 == 0 goto out
r0 = *(u64 *)(r0 + 0)
exit
out:
exit`, ""},
		{"map value out of bounds", "socket", `r1 = 0
*(u32 *)(r10 - 4) = r1
r2 = r10
r2 += -4
r1 = map_idx(0) ll
call 1
if r0 == 0 goto out
r0 = *(u64 *)(r0 + 4)
exit
out:
exit`, "invalid access to map value, value_size=8 off=4 size=8"},
		{"variable index bounded", "socket", `r1 = 0
*(u32 *)(r10 - 4) = r1
r2 = r10
r2 += -4
r1 = map_idx(0) ll
call 1
if r0 == 0 goto out
r1 = *(u64 *)(r0 + 0)
r1 &= 7
r0 += r1
r0 = *(u8 *)(r0 + 0)
exit
out:
exit`, ""},
		{"variable index unbounded", "socket", `r1 = 0
*(u32 *)(r10 - 4) = r1
r2 = r10
r2 += -4
r1 = map_idx(0) ll
call 1
if r0 == 0 goto out
r1 = *(u64 *)(r0 + 0)
r0 += r1
r0 = *(u8 *)(r0 + 0)
exit
out:
exit`, "unbounded min value"},
		{"bounded loop", "socket", `r0 = 0
loop:
r0 += 1
if r0 < 10 goto loop
exit`, ""},
		{"infinite loop", "socket", `r0 = 0
loop:
goto loop`, "infinite loop detected"},
		{"pointer arithmetic on ctx", "socket", "r1 *= 2\nr0 = 0\nexit", "R1 pointer arithmetic with *= operator prohibited"},
		{"bitwise on pointer", "socket", "r1 &= 2\nr0 = 0\nexit", "R1 bitwise operator &= on pointer prohibited"},
		{"unknown helper", "socket", "call 9999\nr0 = 0\nexit", "invalid func unknown#9999"},
		{"helper not for this type", "socket", "r2 = 0\ncall 44\nr0 = 0\nexit", "program of this type cannot use helper bpf_xdp_adjust_head#44"},
		{"div by zero constant", "socket", "r0 = 1\nr0 /= 0\nexit", "div by zero"},
		{"bpf-to-bpf call", "socket", `call f
exit
f:
r0 = 1
exit`, ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			insns, err := asm.Assemble([]byte(tt.src+"\n"), tt.name)
			if err != nil {
				t.Fatalf("assemble: %v", err)
			}
			_, err = verifier.Verify(insns, verifier.Options{Type: tt.typ, Maps: []*verifier.MapInfo{arrayMap}, LogLevel: verifier.LogLevel1})
			if tt.want == "" {
				if err != nil {
					var ve *verifier.Error
					if errors.As(err, &ve) {
						t.Fatalf("rejected: %v\n%s", err, ve.Log)
					}
					t.Fatalf("rejected: %v", err)
				}
				return
			}
			if err == nil {
				t.Fatalf("accepted, want %q", tt.want)
			}
			var ve *verifier.Error
			if !errors.As(err, &ve) {
				t.Fatalf("error %T, want *verifier.Error", err)
			}
			if !strings.Contains(ve.Log, tt.want) && !strings.Contains(ve.Msg, tt.want) {
				t.Fatalf("rejected with %q, want %q\n%s", ve.Msg, tt.want, ve.Log)
			}
		})
	}
}

// TestVerifyLog checks the level-2 log's shape on a small program: the
// initial state, each instruction with the registers it wrote, and the
// statistics line.
func TestVerifyLog(t *testing.T) {
	insns, err := asm.Assemble([]byte("r0 = 0\nr2 = r1\nexit\n"), "log")
	if err != nil {
		t.Fatal(err)
	}
	v, err := verifier.Verify(insns, verifier.Options{Type: "socket", LogLevel: verifier.LogLevel2})
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{
		"0: R1=ctx() R10=fp0\n",
		"0: (b7) r0 = 0                        ; R0_w=0\n",
		"1: (bf) r2 = r1                       ; R1=ctx() R2_w=ctx()\n",
		"2: (95) exit\n",
		"processed 3 insns (limit 1000000) max_states_per_insn 0 total_states 0 peak_states 0 mark_read 0\n",
	} {
		if !strings.Contains(v.Log, want) {
			t.Errorf("log lacks %q:\n%s", want, v.Log)
		}
	}
	if v.Stats.Processed != 3 {
		t.Errorf("processed %d, want 3", v.Stats.Processed)
	}
}

// TestSockmapValue checks that a sockmap's values are sockets
// (resolve_map_arg_type): map_update_elem takes a socket, not memory.
func TestSockmapValue(t *testing.T) {
	sockmap := &verifier.MapInfo{Name: "socks", Type: 15, KeySize: 4, ValueSize: 4, MaxEntries: 1, SpinLockOff: -1}
	insns, err := asm.Assemble([]byte(`*(u32 *)(r10 - 4) = 0
*(u32 *)(r10 - 8) = 0
r1 = map_idx(0) ll
r2 = r10
r2 += -4
r3 = r10
r3 += -8
r4 = 0
call 2
r0 = 0
exit
`), "sockmap")
	if err != nil {
		t.Fatal(err)
	}
	_, err = verifier.Verify(insns, verifier.Options{Type: "socket", Maps: []*verifier.MapInfo{sockmap}})
	want := "R3 type=fp expected=sock_common, sock, tcp_sock, xdp_sock, ptr_, trusted_ptr_"
	if err == nil || !strings.Contains(err.Error(), want) {
		t.Errorf("got %v, want %q", err, want)
	}
}

// TestMapPtrAccess checks reads through a map pointer of the kernel's
// struct for the map (check_ptr_to_map_access), typed by the running
// kernel's BTF.
func TestMapPtrAccess(t *testing.T) {
	if _, err := os.Stat("/sys/kernel/btf/vmlinux"); err != nil {
		t.Skip("no kernel BTF:", err)
	}
	for _, tt := range []struct {
		name, src, want string
	}{
		{"the ops pointer", "r1 = map_idx(0) ll\nr0 = *(u64 *)(r1 + 0)\nr0 = 0\nexit", ""},
		{"negative offset", "r1 = map_idx(0) ll\nr0 = *(u64 *)(r1 - 8)\nr0 = 0\nexit", "R1 is bpf_array invalid negative access: off=-8"},
		{"write", "r1 = map_idx(0) ll\nr0 = 0\n*(u32 *)(r1 + 36) = r0\nexit", "only read from bpf_array is supported"},
	} {
		t.Run(tt.name, func(t *testing.T) {
			insns, err := asm.Assemble([]byte(tt.src), tt.name)
			if err != nil {
				t.Fatal(err)
			}
			_, err = verifier.Verify(insns, verifier.Options{Type: "socket", Maps: []*verifier.MapInfo{arrayMap}})
			switch {
			case tt.want == "" && err != nil:
				t.Errorf("rejected: %v", err)
			case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
				t.Errorf("got %v, want %q", err, tt.want)
			}
		})
	}
}

// TestByteSwapPointer checks that a byte swap or negation of a pointer,
// where pointers may leak, leaves an unknown scalar, not a pointer.
func TestByteSwapPointer(t *testing.T) {
	for _, op := range []string{"r0 = be64 r0", "r0 = bswap64 r0", "r0 = -r0", "r0 = le64 r0"} {
		src := "r1 = 0\n*(u32 *)(r10 - 4) = r1\nr2 = r10\nr2 += -4\nr1 = map_idx(0) ll\ncall 1\nif r0 == 0 goto out\n" +
			op + "\nr1 = 22\n*(u64 *)(r0 + 0) = r1\nout:\nexit\n"
		insns, err := asm.Assemble([]byte(src), op)
		if err != nil {
			t.Fatal(err)
		}
		_, err = verifier.Verify(insns, verifier.Options{Type: "socket", Maps: []*verifier.MapInfo{arrayMap}})
		if err == nil || !strings.Contains(err.Error(), "R0 invalid mem access 'scalar'") {
			t.Errorf("%s: %v; want R0 invalid mem access 'scalar'", op, err)
		}
	}
}
