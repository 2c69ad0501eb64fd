package main

import (
	"encoding/binary"
	"encoding/json"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/google/gopacket/pcapgo"
)

// guardVerdict is examples/guard.bpf.c written in Go, for checking the
// CLI's verdict table: 1 (XDP_DROP) or 2 (XDP_PASS).
func guardVerdict(f []byte) int {
	if len(f) < 14 {
		return 2
	}
	proto := binary.BigEndian.Uint16(f[12:])
	l3 := 14
	if proto == 0x8100 {
		if len(f) < 18 {
			return 2
		}
		proto = binary.BigEndian.Uint16(f[16:])
		l3 = 18
	}
	if proto != 0x0800 || len(f) < l3+20 || f[l3]&0xf < 5 {
		return 2
	}
	ip := f[l3:]
	trusted := ip[12] == 10
	l4 := l3 + int(ip[0]&0xf)*4
	switch ip[9] {
	case 17:
		if len(f) < l4+8 || trusted {
			return 2
		}
		if port := binary.BigEndian.Uint16(f[l4+2:]); port == 123 || port == 5353 {
			return 1
		}
	case 6:
		if len(f) < l4+20 {
			return 2
		}
		flags := f[l4+13]
		syn, ack := flags&0x02 != 0, flags&0x10 != 0
		if syn && !ack && binary.BigEndian.Uint16(f[l4+2:]) == 22 && !trusted {
			return 1
		}
	}
	return 2
}

func readFrames(t *testing.T, path string) [][]byte {
	t.Helper()
	f, err := os.Open(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := pcapgo.NewReader(f)
	if err != nil {
		t.Fatal(err)
	}
	var frames [][]byte
	for {
		data, _, err := r.ReadPacketData()
		if err == io.EOF {
			return frames
		}
		if err != nil {
			t.Fatal(err)
		}
		frames = append(frames, data)
	}
}

func TestRunPcap(t *testing.T) {
	out := filepath.Join(t.TempDir(), "out.pcap")
	code, stdout, errs := runCLI("run", "--json", "../../examples/guard.bpf.o", "--pcap", "../../examples/traffic.pcap", "--out", out)
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var got captureStats
	if err := json.Unmarshal([]byte(stdout), &got); err != nil {
		t.Fatalf("%q: %v", stdout, err)
	}
	frames := readFrames(t, "../../examples/traffic.pcap")
	want := map[string]int{}
	skipped := 0
	for _, f := range frames {
		if len(f) < 14 {
			skipped++
			continue
		}
		want[map[int]string{1: "XDP_DROP", 2: "XDP_PASS"}[guardVerdict(f)]]++
	}
	if got.Packets != len(frames) || got.Skipped != skipped || got.Errors != 0 {
		t.Errorf("packets %d skipped %d errors %d; want %d, %d, 0", got.Packets, got.Skipped, got.Errors, len(frames), skipped)
	}
	if want["XDP_DROP"] == 0 {
		t.Fatal("the capture has nothing the guard drops")
	}
	for v, n := range want {
		if got.Verdicts[v] != n {
			t.Errorf("%s: %d packets, want %d (all: %v)", v, got.Verdicts[v], n, got.Verdicts)
		}
	}
	if n := len(readFrames(t, out)); n != len(frames)-skipped {
		t.Errorf("--out has %d packets, want %d", n, len(frames)-skipped)
	}
	// The human table says the same.
	_, table, _ := runCLI("run", "../../examples/guard.bpf.o", "--pcap", "../../examples/traffic.pcap")
	for _, s := range []string{"guard (xdp)", "XDP_DROP", "XDP_PASS", "time per packet"} {
		if !strings.Contains(table, s) {
			t.Errorf("the table lacks %q:\n%s", s, table)
		}
	}
}

func TestRunObjectPacket(t *testing.T) {
	frames := readFrames(t, "../../examples/traffic.pcap")
	for i, f := range frames {
		if len(f) < 14 {
			continue
		}
		pkt := writeFile(t, "pkt.bin", string(f))
		code, stdout, errs := runCLI("run", "--json", "--repeat", "3", "--data", pkt, "../../examples/guard.bpf.o")
		if code != 0 {
			t.Fatalf("frame %d: exit %d: %s", i, code, errs)
		}
		var got struct {
			Retval uint64 `json:"retval"`
			Runs   int    `json:"runs"`
		}
		if err := json.Unmarshal([]byte(stdout), &got); err != nil || got.Runs != 3 || got.Retval != uint64(guardVerdict(f)) {
			t.Fatalf("frame %d: %s (%v); want retval %d", i, stdout, err, guardVerdict(f))
		}
		if i > 40 {
			break
		}
	}
}

func TestRunObjectErrors(t *testing.T) {
	tests := []struct {
		desc   string
		args   []string
		code   int
		stderr string
	}{
		{"several programs and no --prog", []string{"run", "--data", "x", "../../testdata/progs/tailcall.bpf.o"}, 2, "name one with --prog"},
		{"an unknown program", []string{"run", "--prog", "nope", "--data", "x", "../../examples/guard.bpf.o"}, 2, `no program "nope"`},
		{"a tracing program cannot run on packets", []string{"run", "--data", "x", "../../loader/testdata/seed.bpf.o"}, 2, "cannot run on packets"},
		{"no packet", []string{"run", "../../examples/guard.bpf.o"}, 2, "needs --data PACKET or --pcap FILE"},
		{"not an ELF object", []string{"run", "--data", "x", "../../examples/traffic.pcap.o"}, 2, "traffic.pcap.o"},
		{"--pcap on a .s file", []string{"run", "--pcap", "x", "../../examples/lcg.s"}, 2, "are for .o files"},
		{"the verifier rejects an unchecked packet access", []string{"run", "--pcap", "../../testdata/pcap/mixed.pcap", "../../testdata/progs/err_no_bounds_check.bpf.o"}, 1,
			"rejected by the verifier: insn 1: R1 offset is outside of the packet"},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			code, _, errs := runCLI(tt.args...)
			if code != tt.code || !strings.Contains(errs, tt.stderr) {
				t.Errorf("exit %d, stderr %q; want exit %d and %q", code, errs, tt.code, tt.stderr)
			}
		})
	}
}

// TestRunNoVerify: --no-verify runs a program the verifier rejects in the
// engine's safe mode, where the unchecked access is checked at run time.
func TestRunNoVerify(t *testing.T) {
	code, out, errs := runCLI("run", "--no-verify", "--json", "--pcap", "../../testdata/pcap/mixed.pcap", "../../testdata/progs/err_no_bounds_check.bpf.o")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if !strings.Contains(out, `"packets":200`) {
		t.Fatalf("want a run over the 200 packets, got %q", out)
	}
}

func TestDisasmObject(t *testing.T) {
	code, out, errs := runCLI("disasm", "../../examples/guard.bpf.o")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, s := range []string{"guard (section xdp, xdp)", "; \tproto = eth->h_proto;", "callx r", "<verdicts>"} {
		if !strings.Contains(out, s) {
			t.Errorf("disasm lacks %q", s)
		}
	}
}

func TestRunPrintsPrintkAndRingBuffers(t *testing.T) {
	pkt := writeFile(t, "pkt.bin", strings.Repeat("\x00", 12)+"\x08\x00"+strings.Repeat("\x00", 46))
	code, out, errs := runCLI("run", "--data", pkt, "../../testdata/objects/printk.bpf.o")
	if code != 0 || !strings.Contains(out, "len 60 type 800 ok") {
		t.Errorf("exit %d, stdout %q, stderr %q; want the printk line", code, out, errs)
	}
	code, out, errs = runCLI("run", "../../testdata/progs/ringbuf.bpf.o", "--pcap", "../../testdata/pcap/mixed.pcap")
	if code != 0 || !strings.Contains(out, "ring buffer summaries: 199 records") || !strings.Contains(out, "ring buffer events: ") {
		t.Errorf("exit %d, stdout %q, stderr %q; want the ring buffer records", code, out, errs)
	}
}
