// This file implements the tests that pin down what the kernel does with
// each program under testdata/progs and the frames of testdata/pcap: one
// table, an entry per program, whose expect function is a model of the
// program written from its header comment.

package kernel

import (
	"bytes"
	"errors"
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"github.com/cilium/ebpf"
	"github.com/cilium/ebpf/asm"
	"github.com/cilium/ebpf/btf"
	"golang.org/x/sys/unix"
)

const progDir = "../testdata/progs"

// want is what a program must do with one frame.
type want struct {
	retval uint32
	data   []byte // the packet out; nil: the frame, unchanged
	meta   []byte // the XDP metadata out; nil: none
	mark   uint32 // skb->mark after the run (skb programs)
}

// progTest runs one program over a capture.
type progTest struct {
	name   string
	object string // testdata/progs/<object>.bpf.o
	prog   string
	pcap   string
	// setup fills the maps user space owns; it runs after Load and after
	// every ResetMaps.
	setup func(t testing.TB, c updater)
	// expect models the program on one frame of at least 14 bytes.
	expect func(f []byte) want
	// after checks the maps once every frame has run; ran holds the
	// frames that ran, in order.
	after func(t *testing.T, c *Collection, ran [][]byte)
	// bench is the frame BenchmarkKernel runs.
	bench func() []byte
}

var progTests = []progTest{
	{
		name: "firewall", object: "firewall", prog: "xdp_firewall", pcap: "mixed.pcap",
		setup: func(t testing.TB, c updater) {
			for _, a := range firewallBlocked {
				mustUpdate(t, c, "blocked", a[:], u64(0))
			}
		},
		expect: func(f []byte) want {
			if src, ok := firewallSource(f); ok && firewallIsBlocked(src) {
				return want{retval: xdpDrop}
			}
			return want{retval: xdpPass}
		},
		after: func(t *testing.T, c *Collection, ran [][]byte) {
			hits := map[[4]byte]uint64{}
			var drops uint64
			for _, f := range ran {
				if src, ok := firewallSource(f); ok && firewallIsBlocked(src) {
					hits[src]++
					drops++
				}
			}
			if drops == 0 {
				t.Fatal("the capture has no frames from blocked sources")
			}
			for _, a := range firewallBlocked {
				checkU64(t, c, "blocked", a[:], hits[a])
			}
			checkU64(t, c, "stats", u32(xdpDrop), drops)
			checkU64(t, c, "stats", u32(xdpPass), uint64(len(ran))-drops)
			checkU64(t, c, "stats", u32(xdpTX), 0)
		},
		bench: func() []byte { return tcpFrame(blockedA, server, 40000, 80, 1, true, nil) },
	},
	{
		name: "lb", object: "lb", prog: "xdp_lb", pcap: "lb.pcap",
		setup: func(t testing.TB, c updater) {
			for i, b := range lbBackends {
				v := append(append(b.mac[:], 0, 0), b.addr[:]...)
				mustUpdate(t, c, "backends", u32(uint32(i)), v)
			}
		},
		expect: lbModel,
		after: func(t *testing.T, c *Collection, ran [][]byte) {
			var tx, bytes uint64
			for _, f := range ran {
				if lbModel(f).retval == xdpTX {
					tx++
					bytes += uint64(len(f))
				}
			}
			if tx == 0 {
				t.Fatal("no frame was balanced")
			}
			checkU64(t, c, "lb_stats", u32(0), tx)
			checkU64(t, c, "lb_stats", u32(1), bytes)
		},
		bench: func() []byte { return udpFrame(clients[0], vip, 5555, 53, 1, make([]byte, 64)) },
	},
	{
		name: "counter", object: "counter", prog: "xdp_count", pcap: "mixed.pcap",
		expect: func([]byte) want { return want{retval: xdpPass} },
		after: func(t *testing.T, c *Collection, ran [][]byte) {
			var packets, bytes [256]uint64
			for _, f := range ran {
				if p, ok := counterProto(f); ok {
					packets[p]++
					bytes[p] += uint64(len(f))
				}
			}
			for _, p := range []int{protoICMP, protoIPIP, protoTCP, protoUDP, 58} {
				if packets[p] == 0 {
					t.Errorf("the capture has no frames of IP protocol %d", p)
				}
			}
			pc := dump(t, c, "pkt_count")
			bc := dump(t, c, "byte_count")
			for p := range 256 {
				if got := le64(pc[p].Value); got != packets[p] {
					t.Errorf("pkt_count[%d] = %d, want %d", p, got, packets[p])
				}
				if got := le64(bc[p].Value); got != bytes[p] {
					t.Errorf("byte_count[%d] = %d, want %d", p, got, bytes[p])
				}
				if len(pc[p].PerCPU) == 0 {
					t.Fatalf("pkt_count[%d] has no per-CPU values", p)
				}
			}
		},
		bench: func() []byte { return udpFrame(clients[0], server, 5555, 53, 1, make([]byte, 64)) },
	},
	{
		name: "tc_mark", object: "tc_mark", prog: "tc_mark", pcap: "mixed.pcap",
		setup: func(t testing.TB, c updater) {
			for dst, mark := range tcMarks {
				mustUpdate(t, c, "marks", dst[:], u32(mark))
			}
		},
		expect: tcMarkModel,
		after: func(t *testing.T, c *Collection, ran [][]byte) {
			var bytes, marked, dropped uint64
			for _, f := range ran {
				bytes += uint64(len(f))
				w := tcMarkModel(f)
				if w.mark != 0 {
					marked++
				}
				if w.retval == tcShot {
					dropped++
				}
			}
			if marked == 0 || dropped == 0 {
				t.Fatalf("the capture has %d frames to mark and %d to drop, want some of each", marked, dropped)
			}
			checkU64(t, c, "tc_stats", u32(0), uint64(len(ran)))
			checkU64(t, c, "tc_stats", u32(1), bytes)
			checkU64(t, c, "tc_stats", u32(2), marked)
			checkU64(t, c, "tc_stats", u32(3), dropped)
		},
		bench: func() []byte { return udpFrame(clients[0], server, 5555, 53, 1, make([]byte, 64)) },
	},
	{
		name: "socket_filter", object: "socket_filter", prog: "udp_port_filter", pcap: "mixed.pcap",
		expect: socketFilterModel,
		after: func(t *testing.T, c *Collection, ran [][]byte) {
			var accepted, acceptedBytes, rejected uint64
			for _, f := range ran {
				if n := socketFilterModel(f).retval; n != 0 {
					accepted++
					acceptedBytes += uint64(n)
				} else {
					rejected++
				}
			}
			if accepted == 0 {
				t.Fatal("the filter accepted nothing")
			}
			checkVar(t, c, "accepted", u64(accepted))
			checkVar(t, c, "accepted_bytes", u64(acceptedBytes))
			checkVar(t, c, "rejected", u64(rejected))
			checkVar(t, c, "filter_port", []byte{0xe9, 0x14}) // 5353, .rodata
		},
		bench: func() []byte { return udpFrame(clients[0], server, 5555, 5353, 1, make([]byte, 64)) },
	},
	{
		name: "adjust", object: "adjust", prog: "xdp_adjust", pcap: "adjust.pcap",
		expect: adjustModel,
		after: func(t *testing.T, c *Collection, ran [][]byte) {
			seen := map[uint32]bool{}
			for _, f := range ran {
				seen[adjustModel(f).retval] = true
			}
			for _, r := range []uint32{xdpDrop, xdpPass, xdpTX} {
				if !seen[r] {
					t.Errorf("no frame of the capture returns %d", r)
				}
			}
		},
		bench: func() []byte { return udpFrame(clients[0], server, 5555, 53, 1, make([]byte, 64)) },
	},
	{
		name: "ringbuf", object: "ringbuf", prog: "xdp_ringbuf", pcap: "mixed.pcap",
		expect: func([]byte) want { return want{retval: xdpPass} },
		after:  checkRingbuf,
		bench:  func() []byte { return udpFrame(clients[0], server, 5555, 53, 1, make([]byte, 64)) },
	},
	{
		name: "loops", object: "loops", prog: "xdp_loops", pcap: "mixed.pcap",
		expect: loopsModel,
		after: func(t *testing.T, c *Collection, ran [][]byte) {
			var sum uint64
			var buckets [8]uint64
			for _, f := range ran {
				for _, b := range f[:min(len(f), 64)] {
					sum += uint64(b)
				}
				buckets[min(len(f)/256, 7)]++
			}
			var nonempty uint64
			for i, n := range buckets {
				checkU64(t, c, "buckets", u32(uint32(i)), n)
				if n != 0 {
					nonempty++
				}
			}
			checkU64(t, c, "sums", u32(0), sum)
			checkU64(t, c, "sums", u32(1), uint64(len(ran)))
			checkU64(t, c, "sums", u32(2), nonempty)
		},
		bench: func() []byte { return udpFrame(clients[0], server, 5555, 53, 1, make([]byte, 64)) },
	},
	{
		name: "tailcall", object: "tailcall", prog: "xdp_dispatch", pcap: "mixed.pcap",
		expect: tailcallModel,
		after: func(t *testing.T, c *Collection, ran [][]byte) {
			var calls [5]uint64
			for _, f := range ran {
				switch tailcallModel(f).retval {
				case xdpDrop:
					calls[0]++
				case xdpTX:
					calls[2]++
				case xdpAborted:
					calls[4]++
				}
			}
			for i, n := range calls {
				checkU64(t, c, "calls", u32(uint32(i)), n)
			}
			var slots []string
			for _, kv := range dump(t, c, "jmp_table") {
				slots = append(slots, fmt.Sprintf("%d:%s", le32(kv.Key), kv.Program))
			}
			if got := strings.Join(slots, " "); got != "0:prog_a 2:prog_b" {
				t.Errorf("jmp_table = %s, want 0:prog_a 2:prog_b", got)
			}
		},
		bench: func() []byte { return icmpFrame(clients[0], server, 1, false) },
	},
	{
		name: "tailcall/prog_a", object: "tailcall", prog: "prog_a", pcap: "adjust.pcap",
		expect: func([]byte) want { return want{retval: xdpDrop} },
		after: func(t *testing.T, c *Collection, ran [][]byte) {
			checkU64(t, c, "calls", u32(0), uint64(len(ran)))
		},
		bench: func() []byte { return icmpFrame(clients[0], server, 1, false) },
	},
	{
		name: "tailcall/prog_b", object: "tailcall", prog: "prog_b", pcap: "adjust.pcap",
		expect: func([]byte) want { return want{retval: xdpTX} },
		after: func(t *testing.T, c *Collection, ran [][]byte) {
			checkU64(t, c, "calls", u32(2), uint64(len(ran)))
		},
		bench: func() []byte { return icmpFrame(clients[0], server, 1, false) },
	},
	{
		name: "spinlock", object: "spinlock", prog: "xdp_spinlock", pcap: "mixed.pcap",
		expect: func([]byte) want { return want{retval: xdpPass} },
		after: func(t *testing.T, c *Collection, ran [][]byte) {
			var packets, bytes [4]uint64
			for _, f := range ran {
				k := spinlockClass(f)
				packets[k]++
				bytes[k] += uint64(len(f))
			}
			for i, kv := range dump(t, c, "flows") {
				v := kv.Value
				if lock, p, b := le32(v), uint64(le32(v[4:])), le64(v[8:]); lock != 0 || p != packets[i] || b != bytes[i] {
					t.Errorf("flows[%d] = {lock %d, packets %d, bytes %d}, want {0, %d, %d}", i, lock, p, b, packets[i], bytes[i])
				}
			}
		},
		bench: func() []byte { return udpFrame(clients[0], server, 5555, 53, 1, make([]byte, 64)) },
	},
	{
		name: "csum", object: "csum", prog: "tc_csum", pcap: "csum.pcap",
		expect: csumModel,
		after: func(t *testing.T, c *Collection, ran [][]byte) {
			var n uint64
			for _, f := range ran {
				if csumModel(f).data != nil {
					n++
				}
			}
			if n == 0 {
				t.Fatal("nothing was rewritten")
			}
			checkU64(t, c, "rewritten", u32(0), n)
		},
		bench: func() []byte { return udpFrame(clients[0], server, 5555, 8053, 1, make([]byte, 64)) },
	},
	{
		name: "globals", object: "globals", prog: "xdp_globals", pcap: "mixed.pcap",
		expect: globalsModel,
		after: func(t *testing.T, c *Collection, ran [][]byte) {
			var bytes, magic uint64
			for _, f := range ran {
				bytes += uint64(len(f))
				if globalsModel(f).retval == xdpTX {
					magic++
				}
			}
			if magic == 0 {
				t.Fatal("no magic frame in the capture")
			}
			checkVar(t, c, "packets", u64(uint64(len(ran))))
			checkVar(t, c, "bytes", u64(bytes))
			checkVar(t, c, "last_verdict", u32(globalsModel(ran[len(ran)-1]).retval))
			checkVar(t, c, "magic_seq", u32(100+uint32(magic)))
			checkVar(t, c, "cfg_max_len", u32(1024))
		},
		bench: func() []byte { return udpFrame(clients[0], server, 5555, 7777, 1, []byte("callx! bench")) },
	},
	{
		// CO-RE: the kernel (libbpf's rules, through cilium/ebpf) and
		// callx's loader relocate the object against this kernel's BTF.
		name: "core", object: "core", prog: "xdp_core", pcap: "mixed.pcap",
		expect: func([]byte) want { return want{retval: xdpPass} },
		after: func(t *testing.T, c *Collection, ran [][]byte) {
			off, size := kernelFieldOf(t, "task_struct", "pid")
			checkU64(t, c, "core_out", u32(0), off)
			checkU64(t, c, "core_out", u32(1), size)
			checkU64(t, c, "core_out", u32(2), 0) // callx_no_such_field
		},
		bench: func() []byte { return udpFrame(clients[0], server, 5555, 7777, 1, nil) },
	},
}

// kernelFieldOf returns the byte offset and size of a field of a struct
// in the running kernel's BTF.
func kernelFieldOf(t *testing.T, structName, field string) (off, size uint64) {
	t.Helper()
	spec, err := btf.LoadKernelSpec()
	if err != nil {
		t.Skipf("no kernel BTF: %v", err)
	}
	var st *btf.Struct
	if err := spec.TypeByName(structName, &st); err != nil {
		t.Fatal(err)
	}
	for _, m := range st.Members {
		if m.Name == field {
			sz, err := btf.Sizeof(m.Type)
			if err != nil {
				t.Fatal(err)
			}
			return uint64(m.Offset.Bytes()), uint64(sz)
		}
	}
	t.Fatalf("%s has no field %s", structName, field)
	return 0, 0
}

// TestPrograms runs every program of the table over its capture twice,
// with ResetMaps and setup in between, and checks the return value, the
// packet, the metadata and the skb mark of every frame, then the maps.
func TestPrograms(t *testing.T) {
	if err := Available(); err != nil {
		t.Skip(err)
	}
	for _, pt := range progTests {
		t.Run(pt.name, func(t *testing.T) {
			c := load(t, pt.object)
			typ, err := c.ProgramType(pt.prog)
			if err != nil {
				t.Fatal(err)
			}
			frames := readPcap(t, pt.pcap)
			for pass := range 2 {
				if pass > 0 {
					if err := c.ResetMaps(); err != nil {
						t.Fatal(err)
					}
				}
				if pt.setup != nil {
					pt.setup(t, c)
				}
				var ran [][]byte
				for i, f := range frames {
					res, err := c.Run(pt.prog, f, 1)
					if want := refusal(typ, f); want != nil {
						if !errors.Is(err, want) {
							t.Errorf("frame %d (%d bytes): error %v, want %v", i, len(f), err, want)
						}
						continue
					}
					if err != nil {
						t.Fatalf("frame %d: %v", i, err)
					}
					ran = append(ran, f)
					checkResult(t, fmt.Sprintf("frame %d", i), typ, f, res, pt.expect(f))
				}
				if t.Failed() {
					return
				}
				if pt.after != nil {
					pt.after(t, c, ran)
				}
			}
		})
	}
}

// refusal is the error BPF_PROG_TEST_RUN gives for running a program of
// type typ on frame f, nil when it runs it: frames shorter than an
// Ethernet header are refused (Run does not even ask), and for skb
// programs Linux 6.18 also refuses, with EINVAL, an IPv4 frame shorter
// than 14+20 bytes and an IPv6 frame shorter than 14+40.
func refusal(typ ebpf.ProgramType, f []byte) error {
	if len(f) < 14 {
		return ErrTooShort
	}
	if typ != ebpf.XDP {
		switch be16(f[12:]) {
		case etherIPv4:
			if len(f) < 14+20 {
				return unix.EINVAL
			}
		case etherIPv6:
			if len(f) < 14+40 {
				return unix.EINVAL
			}
		}
	}
	return nil
}

func checkResult(t *testing.T, where string, typ ebpf.ProgramType, f []byte, res *Result, w want) {
	t.Helper()
	if res.Retval != w.retval {
		t.Errorf("%s: returned %d, want %d", where, res.Retval, w.retval)
	}
	data := w.data
	if data == nil {
		data = f
	}
	if !bytes.Equal(res.Data, data) {
		t.Errorf("%s: packet out\n%x\nwant\n%x", where, res.Data, data)
	}
	if !bytes.Equal(res.Meta, w.meta) {
		t.Errorf("%s: metadata %x, want %x", where, res.Meta, w.meta)
	}
	if typ != ebpf.XDP && len(res.Ctx) >= SkbMarkOffset+4 {
		if mark := le32(res.Ctx[SkbMarkOffset:]); mark != w.mark {
			t.Errorf("%s: skb->mark %#x, want %#x", where, mark, w.mark)
		}
	}
}

// TestLoadAll loads every object under testdata/progs: the kernel accepts
// every one but the err_ ones, and every accepted program has an entry in
// progTests.
func TestLoadAll(t *testing.T) {
	if err := Available(); err != nil {
		t.Skip(err)
	}
	objects, err := filepath.Glob(filepath.Join(progDir, "*.bpf.o"))
	if err != nil || len(objects) == 0 {
		t.Fatalf("no objects in %s (%v): run make generated", progDir, err)
	}
	tested := map[string]bool{}
	for _, pt := range progTests {
		tested[pt.object+"/"+pt.prog] = true
	}
	for _, path := range objects {
		object := strings.TrimSuffix(filepath.Base(path), ".bpf.o")
		t.Run(object, func(t *testing.T) {
			c, err := Load(path)
			if strings.HasPrefix(object, "err_") {
				var le *LoadError
				if !errors.As(err, &le) || len(le.Log) == 0 {
					t.Fatalf("Load = %v, want a *LoadError with a verifier log", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			defer c.Close()
			for _, p := range c.Programs() {
				if !tested[object+"/"+p] {
					t.Errorf("program %s has no entry in progTests", p)
				}
			}
		})
	}
}

// TestRefused pins down how the kernel refuses err_no_bounds_check.
func TestRefused(t *testing.T) {
	if err := Available(); err != nil {
		t.Skip(err)
	}
	_, err := Load(filepath.Join(progDir, "err_no_bounds_check.bpf.o"))
	var le *LoadError
	if !errors.As(err, &le) {
		t.Fatalf("Load = %v, want a *LoadError", err)
	}
	log := strings.Join(le.Log, "\n")
	if !strings.Contains(log, "invalid access to packet") || !strings.Contains(err.Error(), "invalid access to packet") {
		t.Errorf("verifier log does not say \"invalid access to packet\":\n%s", log)
	}
}

func TestAPIErrors(t *testing.T) {
	if err := Available(); err != nil {
		t.Skip(err)
	}
	if _, err := Load(filepath.Join(progDir, "missing.bpf.o")); err == nil {
		t.Error("Load of a missing file succeeded")
	}
	c := load(t, "ringbuf")
	tests := []struct {
		desc string
		err  error
	}{
		{"unknown program", func() error { _, err := c.Run("nope", make([]byte, 14), 1); return err }()},
		{"13-byte packet", func() error { _, err := c.Run("xdp_ringbuf", make([]byte, 13), 1); return err }()},
		{"unknown map", func() error { _, err := c.Dump("nope"); return err }()},
		{"dump a ring buffer", func() error { _, err := c.Dump("events"); return err }()},
		{"ReadRingbuf of an array", func() error { _, err := c.ReadRingbuf(".bss"); return err }()},
		{"unknown variable", func() error { _, err := c.Variable("nope"); return err }()},
		{"negative repeat", func() error { _, err := c.Run("xdp_ringbuf", make([]byte, 14), -1); return err }()},
	}
	for _, tt := range tests {
		if tt.err == nil {
			t.Errorf("%s: no error", tt.desc)
		}
	}
}

// TestRepeat checks what repeat means to the kernel: the program runs
// repeat times (map updates accumulate) and the packet is not restored
// between runs (adjust.bpf.c encapsulates, then decapsulates, ...).
func TestRepeat(t *testing.T) {
	if err := Available(); err != nil {
		t.Skip(err)
	}
	c := load(t, "globals")
	if _, err := c.Run("xdp_globals", udpFrame(clients[0], server, 1, 7777, 1, []byte("callx!")), 1000); err != nil {
		t.Fatal(err)
	}
	checkVar(t, c, "packets", u64(1000))
	checkVar(t, c, "magic_seq", u32(1100))

	a := load(t, "adjust")
	f := udpFrame(clients[0], server, 7000, 53, 1, make([]byte, 100)) // not padded
	for _, tt := range []struct {
		repeat int
		retval uint32
		grow   int
	}{
		{1, xdpTX, 20}, {2, xdpPass, 0}, {3, xdpTX, 20}, {4, xdpPass, 0},
	} {
		res, err := a.Run("xdp_adjust", f, tt.repeat)
		if err != nil {
			t.Fatal(err)
		}
		if res.Duration <= 0 {
			t.Errorf("repeat %d: duration %v", tt.repeat, res.Duration)
		}
		if res.Retval != tt.retval || len(res.Data) != len(f)+tt.grow || len(res.Meta) != 8*tt.repeat {
			t.Errorf("repeat %d: returned %d with %d bytes and %d of metadata, want %d with %d and %d",
				tt.repeat, res.Retval, len(res.Data), len(res.Meta), tt.retval, len(f)+tt.grow, 8*tt.repeat)
		}
	}
}

// TestResetMaps checks that ResetMaps restores .data and .data.custom to
// their ELF contents, zeroes .bss and arrays, empties hash maps and keeps
// .rodata.
func TestResetMaps(t *testing.T) {
	if err := Available(); err != nil {
		t.Skip(err)
	}
	c := load(t, "globals")
	for range 3 {
		if _, err := c.Run("xdp_globals", udpFrame(clients[0], server, 1, 7777, 1, []byte("callx!")), 1); err != nil {
			t.Fatal(err)
		}
	}
	checkVar(t, c, "magic_seq", u32(103))
	if err := c.ResetMaps(); err != nil {
		t.Fatal(err)
	}
	checkVar(t, c, "packets", u64(0))
	checkVar(t, c, "last_verdict", u32(0xffffffff))
	checkVar(t, c, "magic_seq", u32(100))
	checkVar(t, c, "cfg_magic_port", []byte{0x61, 0x1e}) // 7777

	f := load(t, "firewall")
	mustUpdate(t, f, "blocked", blockedA, u64(5))
	if err := f.ResetMaps(); err != nil {
		t.Fatal(err)
	}
	if kvs := dump(t, f, "blocked"); len(kvs) != 0 {
		t.Errorf("blocked has %d entries after ResetMaps", len(kvs))
	}
}

func load(t testing.TB, object string) *Collection {
	t.Helper()
	c, err := Load(filepath.Join(progDir, object+".bpf.o"))
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { c.Close() })
	return c
}

// updater is what setup functions fill maps through: a kernel Collection,
// or callx's object in the differential test.
type updater interface {
	Update(mapName string, key, value []byte) error
}

func mustUpdate(t testing.TB, c updater, m string, key, value []byte) {
	t.Helper()
	if err := c.Update(m, key, value); err != nil {
		t.Fatal(err)
	}
}

func dump(t testing.TB, c *Collection, m string) []KV {
	t.Helper()
	kvs, err := c.Dump(m)
	if err != nil {
		t.Fatal(err)
	}
	return kvs
}

// checkU64 checks the __u64 value of key in map m.
func checkU64(t *testing.T, c *Collection, m string, key []byte, want uint64) {
	t.Helper()
	v, err := c.Lookup(m, key)
	if err != nil {
		t.Fatal(err)
	}
	if len(v) != 8 || le64(v) != want {
		t.Errorf("%s[%x] = %x, want %d", m, key, v, want)
	}
}

// checkVar checks the bytes of a global variable.
func checkVar(t *testing.T, c *Collection, name string, want []byte) {
	t.Helper()
	v, err := c.Variable(name)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(v, want) {
		t.Errorf("%s = %x, want %x", name, v, want)
	}
}

// TestRunContext runs a raw_tp program, whose input is its context: the
// program returns its first u64 argument plus one.
func TestRunContext(t *testing.T) {
	if err := Available(); err != nil {
		t.Skip(err)
	}
	p, err := ebpf.NewProgram(&ebpf.ProgramSpec{
		Type:    ebpf.RawTracepoint,
		License: "GPL",
		Instructions: asm.Instructions{
			asm.LoadMem(asm.R0, asm.R1, 0, asm.DWord), // r0 = *(u64 *)(r1 + 0)
			asm.Add.Imm(asm.R0, 1),                    // r0 += 1
			asm.Return(),
		},
	})
	if err != nil {
		t.Fatal(err)
	}
	defer p.Close()
	res, err := testRun(p, u64(41), 1)
	if err != nil {
		t.Fatal(err)
	}
	if res.Retval != 42 || res.Data != nil || res.Ctx != nil {
		t.Errorf("raw_tp run = %+v, want retval 42 and no data or context", res)
	}
	if _, err := testRun(p, u64(41), 2); err == nil {
		t.Error("raw_tp with repeat 2 succeeded")
	}
}
