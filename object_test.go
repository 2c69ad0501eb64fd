package callx_test

import (
	"encoding/binary"
	"io"
	"os"
	"sync"
	"testing"

	"github.com/callx/callx"
	"github.com/callx/callx/maps"
	"github.com/google/gopacket/pcapgo"
)

func frames(t *testing.T, path string) [][]byte {
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
	var out [][]byte
	for {
		data, _, err := r.ReadPacketData()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		if len(data) >= 14 {
			out = append(out, data)
		}
	}
}

func counter(t *testing.T, m *maps.Map, key uint32) uint64 {
	t.Helper()
	v, err := m.Lookup(binary.LittleEndian.AppendUint32(nil, key))
	if err != nil {
		t.Fatal(err)
	}
	return binary.LittleEndian.Uint64(v)
}

// TestConcurrentRunners runs one object's program on many goroutines at
// once, each with its own runner, all sharing the object's maps: the
// program's atomic counters must add up exactly (run with -race).
func TestConcurrentRunners(t *testing.T) {
	obj, err := callx.OpenObject("examples/guard.bpf.o")
	if err != nil {
		t.Fatal(err)
	}
	prog, err := obj.Program("guard")
	if err != nil {
		t.Fatal(err)
	}
	pkts := frames(t, "examples/traffic.pcap")
	verdicts, err := obj.Map("verdicts")
	if err != nil {
		t.Fatal(err)
	}
	const workers, rounds = 4, 25
	want := map[uint64]uint64{}
	var mu sync.Mutex
	var wg sync.WaitGroup
	for range workers {
		runner, err := prog.NewRunner()
		if err != nil {
			t.Fatal(err)
		}
		wg.Add(1)
		go func() {
			defer wg.Done()
			seen := map[uint64]uint64{}
			for range rounds {
				for _, p := range pkts {
					res, err := runner.Run(p)
					if err != nil {
						t.Error(err)
						return
					}
					seen[res.Retval]++
				}
			}
			mu.Lock()
			for v, n := range seen {
				want[v] += n
			}
			mu.Unlock()
		}()
	}
	wg.Wait()
	if len(want) < 2 {
		t.Fatalf("verdicts %v: want both drops and passes", want)
	}
	for v, n := range want {
		if got := counter(t, verdicts, uint32(v)); got != n {
			t.Errorf("verdicts[%d] = %d, want %d", v, got, n)
		}
	}
}

// TestFunctionValues runs testdata/objects/funcvalues.bpf.o: function
// pointers in .rodata, .data (to a global function, to the function at
// .text+0, in a struct field, NULL), &func in code and a bpf_loop
// callback. The expected sum is worked out in the C file's comment.
func TestFunctionValues(t *testing.T) {
	obj, err := callx.OpenObject("testdata/objects/funcvalues.bpf.o")
	if err != nil {
		t.Fatal(err)
	}
	prog, err := obj.Program("fold")
	if err != nil {
		t.Fatal(err)
	}
	runner, err := prog.NewRunner()
	if err != nil {
		t.Fatal(err)
	}
	res, err := runner.Run(make([]byte, 60))
	if err != nil {
		t.Fatal(err)
	}
	r := uint64(21) * 2 // table[1]: ingress_ifindex is 1
	r ^= 0x55           // current: global_op
	r += 100            // zero_fn: first, at .text+0
	r *= 2              // handlers[0].fn: op_b
	r ^= 0x55           // &global_op
	r += 45             // bpf_loop: 0+1+...+9
	if res.Retval != r {
		t.Errorf("fold returned %d, want %d", res.Retval, r)
	}
}
