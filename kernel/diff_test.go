// This file implements the differential test of callx against the kernel:
// every program of testdata/progs runs on every frame of its capture in
// both, and the return values, the packets (and XDP metadata) and, at the
// end, the contents of every map and ring buffer must be the same.

package kernel

import (
	"bytes"
	"encoding/hex"
	"errors"
	"fmt"
	"path/filepath"
	"sort"
	"testing"

	"github.com/callx/callx"
	"github.com/callx/callx/ctx"
	"github.com/callx/callx/maps"
)

// callxObject fills callx's maps for the setup functions.
type callxObject struct{ o *callx.Object }

func (c callxObject) Update(name string, key, value []byte) error {
	m, err := c.o.Map(name)
	if err != nil {
		return err
	}
	return m.Update(key, value, maps.UpdateAny)
}

// loadBoth loads a test program into the kernel and into callx, fills the
// maps of both the same way, and returns callx's runner for it.
func loadBoth(tb testing.TB, pt progTest) (*Collection, *callx.Object, *callx.Runner) {
	tb.Helper()
	path := filepath.Join(progDir, pt.object+".bpf.o")
	k, err := Load(path)
	if err != nil {
		tb.Fatal(err)
	}
	tb.Cleanup(func() { k.Close() })
	obj, err := callx.OpenObject(path)
	if err != nil {
		tb.Fatal(err)
	}
	if pt.setup != nil {
		pt.setup(tb, k)
		pt.setup(tb, callxObject{obj})
	}
	prog, err := obj.Program(pt.prog)
	if err != nil {
		tb.Fatal(err)
	}
	runner, err := prog.NewRunner()
	if err != nil {
		tb.Fatal(err)
	}
	return k, obj, runner
}

func TestDifferential(t *testing.T) {
	if err := Available(); err != nil {
		t.Skipf("the kernel is not available as an oracle here: %v", err)
	}
	for _, pt := range progTests {
		t.Run(pt.name, func(t *testing.T) {
			k, obj, runner := loadBoth(t, pt)
			ran, mismatches := 0, 0
			for i, f := range readPcap(t, pt.pcap) {
				kr, kerr := k.Run(pt.prog, f, 1)
				cr, cerr := runner.Run(f)
				if kerr != nil {
					if !errors.Is(cerr, ctx.ErrPacketSize) {
						t.Errorf("frame %d (%d bytes): the kernel refused it (%v), callx: %v", i, len(f), kerr, cerr)
					}
					continue
				}
				if cerr != nil {
					t.Fatalf("frame %d (%d bytes): the kernel ran it, callx: %v", i, len(f), cerr)
				}
				ran++
				if diff := compareRun(kr, cr); diff != "" {
					mismatches++
					if mismatches <= 5 {
						t.Errorf("frame %d (%d bytes): %s", i, len(f), diff)
					}
				}
			}
			if mismatches > 0 {
				t.Fatalf("%d of %d frames differ", mismatches, ran)
			}
			compareMaps(t, k, obj)
			t.Logf("%d frames: same return values and packets; maps agree", ran)
		})
	}
}

// compareRun says how callx's run differs from the kernel's, or "".
func compareRun(k *Result, c callx.PacketResult) string {
	if uint64(k.Retval) != c.Retval&0xffffffff {
		return fmt.Sprintf("retval: kernel %d, callx %d", k.Retval, c.Retval)
	}
	if !bytes.Equal(k.Data, c.Packet) {
		return fmt.Sprintf("packet:\nkernel %x\ncallx  %x", k.Data, c.Packet)
	}
	if len(k.Meta) > 0 || len(c.Meta) > 0 {
		if !bytes.Equal(k.Meta, c.Meta) {
			return fmt.Sprintf("metadata: kernel %x, callx %x", k.Meta, c.Meta)
		}
	}
	return ""
}

// compareMaps compares every map after the runs: contents (per-CPU values
// summed over the kernel's CPUs; callx runs as one), and ring buffer
// records in order.
func compareMaps(t *testing.T, k *Collection, obj *callx.Object) {
	t.Helper()
	for i, spec := range obj.Spec.Maps {
		m := obj.Maps[i]
		switch m.Spec().Type {
		case maps.ProgArray:
			continue
		case maps.RingBuf:
			want, err := k.ReadRingbuf(spec.Name)
			if err != nil {
				t.Fatalf("map %s: %v", spec.Name, err)
			}
			var got [][]byte
			for {
				rec, ok := m.ReadRecord()
				if !ok {
					break
				}
				got = append(got, rec)
			}
			if len(got) != len(want) {
				t.Errorf("ring buffer %s: kernel %d records, callx %d", spec.Name, len(want), len(got))
				continue
			}
			for j := range want {
				if !bytes.Equal(want[j], got[j]) {
					t.Errorf("ring buffer %s record %d: kernel %x, callx %x", spec.Name, j, want[j], got[j])
				}
			}
			continue
		}
		kvs, err := k.Dump(spec.Name)
		if err != nil {
			t.Fatalf("map %s: %v", spec.Name, err)
		}
		want := map[string]string{}
		for _, kv := range kvs {
			want[hex.EncodeToString(kv.Key)] = hex.EncodeToString(kv.Value)
		}
		got := map[string]string{}
		var key []byte
		for {
			next, err := m.NextKey(key)
			if err != nil {
				break
			}
			v, err := m.Lookup(next)
			if err != nil {
				t.Fatalf("map %s key %x: %v", spec.Name, next, err)
			}
			got[hex.EncodeToString(next)] = hex.EncodeToString(v)
			key = next
		}
		if diff := diffContents(want, got); diff != "" {
			t.Errorf("map %s (%v):\n%s", spec.Name, m.Spec().Type, diff)
		}
	}
}

func diffContents(want, got map[string]string) string {
	var lines []string
	for k, w := range want {
		if g, ok := got[k]; !ok {
			lines = append(lines, fmt.Sprintf("  key %s: kernel %s, callx has none", k, w))
		} else if g != w {
			lines = append(lines, fmt.Sprintf("  key %s: kernel %s, callx %s", k, w, g))
		}
	}
	for k, g := range got {
		if _, ok := want[k]; !ok {
			lines = append(lines, fmt.Sprintf("  key %s: kernel has none, callx %s", k, g))
		}
	}
	sort.Strings(lines)
	if len(lines) > 8 {
		lines = append(lines[:8], fmt.Sprintf("  … and %d more", len(lines)-8))
	}
	var b bytes.Buffer
	for _, l := range lines {
		b.WriteString(l + "\n")
	}
	return b.String()
}

// TestDifferentialRepeat compares runs repeated on one frame, as
// BPF_PROG_TEST_RUN repeats them: the packet and its metadata carry over,
// so differences in the helpers' limits show up (this found the 255-byte
// metadata limit of Linux 6.x).
func TestDifferentialRepeat(t *testing.T) {
	if err := Available(); err != nil {
		t.Skipf("the kernel is not available as an oracle here: %v", err)
	}
	for _, pt := range progTests {
		t.Run(pt.name, func(t *testing.T) {
			k, _, runner := loadBoth(t, pt)
			for _, n := range []int{1, 2, 3, 5, 8, 13, 26, 27, 40, 100} {
				kr, err := k.Run(pt.prog, pt.bench(), n)
				if err != nil {
					t.Fatal(err)
				}
				cr, err := runner.Repeat(pt.bench(), n)
				if err != nil {
					t.Fatalf("repeat %d: %v", n, err)
				}
				if diff := compareRun(kr, cr); diff != "" {
					t.Fatalf("repeat %d: %s", n, diff)
				}
			}
		})
	}
}
