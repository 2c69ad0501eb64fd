// This file implements running a program once or many times with
// BPF_PROG_TEST_RUN, and what comes back: the return value, the packet,
// the XDP metadata, the context and the kernel's time per run.

package kernel

import (
	"encoding/binary"
	"errors"
	"fmt"
	"math"
	"time"

	"github.com/cilium/ebpf"
)

// Result is what BPF_PROG_TEST_RUN reports for a run.
type Result struct {
	// Retval is the program's return value (r0, truncated to 32 bits by
	// the kernel): an XDP action, a TC_ACT_ code, a socket filter's
	// length. With repeat > 1 it is the last run's.
	Retval uint32
	// Data is the packet after the run(s). For XDP it starts at
	// xdp->data: metadata the program added is in Meta, not here. For
	// socket filters the kernel puts back a zeroed Ethernet header in
	// front of the network header the program saw.
	Data []byte
	// Meta is the XDP metadata in front of the packet (what
	// bpf_xdp_adjust_meta made room for), nil when there is none or for
	// other program types.
	Meta []byte
	// Ctx is the context after the run, as the kernel copies it out:
	// a struct xdp_md (24 bytes) for XDP, a struct __sk_buff for skb
	// programs (tc, socket filter, ...); nil for other types.
	Ctx []byte
	// Duration is the kernel's own mean time per run (its
	// BPF_PROG_TEST_RUN duration, nanosecond resolution).
	Duration time.Duration
}

// Offsets of fields in the contexts the kernel copies out (UAPI layout).
const (
	xdpMDSize      = 24 // struct xdp_md: data, data_end, data_meta, ingress_ifindex, rx_queue_index, egress_ifindex
	skBuffCtxSpace = 256
	// SkbMarkOffset is the offset of mark (a native-endian __u32) in
	// struct __sk_buff, for reading Result.Ctx of skb programs.
	SkbMarkOffset = 8
)

// dataOutSlack is how much the packet may grow in a run: XDP frames in a
// test run cannot pass 4 KiB, skb programs may grow the linear data with
// bpf_skb_change_tail and friends.
const dataOutSlack = 64 << 10

// ErrTooShort is returned by Run, without asking the kernel, for packet
// programs (XDP and skb) given fewer than 14 bytes (an Ethernet header):
// the kernel refuses them with EINVAL.
var ErrTooShort = errors.New("kernel: packet shorter than an Ethernet header (14 bytes): BPF_PROG_TEST_RUN refuses it")

// Run runs program prog once with BPF_PROG_TEST_RUN when repeat <= 1, or
// repeat times in one system call (what the kernel times). The input is
// data: the packet for XDP and skb programs, the context (the u64
// arguments) for raw_tp programs, which run once.
//
// Run gives XDP programs the context struct xdp_md{data_end: len(data)}
// and asks for the context out of skb programs (so the kernel starts from
// a zeroed struct __sk_buff), so that Result.Ctx holds it; a visible
// consequence is that skb->wire_len reads len(data), where it would read
// 0 without a context.
//
// The kernel refuses some inputs with EINVAL (errors.Is(err,
// unix.EINVAL)): on Linux 6.18, skb programs given an IPv4 frame (by its
// Ethernet type) shorter than 34 bytes or an IPv6 frame shorter than 54.
// Inputs shorter than an Ethernet header give ErrTooShort.
//
// With repeat > 1 the kernel does not restore the packet between runs:
// each run sees what the previous one left (bpf_xdp_adjust_head and
// friends accumulate), and map updates happen repeat times.
func (c *Collection) Run(prog string, data []byte, repeat int) (*Result, error) {
	p, err := c.program(prog)
	if err != nil {
		return nil, err
	}
	if repeat < 0 || repeat > math.MaxUint32 {
		return nil, fmt.Errorf("kernel: run %s: repeat %d out of range", prog, repeat)
	}
	res, err := testRun(p, data, uint32(repeat))
	if err != nil {
		return nil, fmt.Errorf("kernel: run %s: %w", prog, err)
	}
	return res, nil
}

// runKind says how BPF_PROG_TEST_RUN takes input for a program type.
type runKind int

const (
	runSkb     runKind = iota // data in/out, struct __sk_buff context
	runXDP                    // data in/out, struct xdp_md context
	runContext                // context in only (raw_tp), one run, no timing
)

func kindOf(t ebpf.ProgramType) runKind {
	switch t {
	case ebpf.XDP:
		return runXDP
	case ebpf.RawTracepoint, ebpf.RawTracepointWritable, ebpf.Syscall:
		return runContext
	}
	return runSkb
}

// testRun issues BPF_PROG_TEST_RUN for p.
func testRun(p *ebpf.Program, data []byte, repeat uint32) (*Result, error) {
	if uint64(len(data)) > math.MaxUint32-dataOutSlack {
		return nil, fmt.Errorf("input of %d bytes is too long", len(data))
	}
	kind := kindOf(p.Type())
	var a testRunArgs
	switch kind {
	case runContext:
		if repeat > 1 {
			return nil, fmt.Errorf("%s programs run once per BPF_PROG_TEST_RUN (repeat %d)", p.Type(), repeat)
		}
		a.ctxIn = data
	case runXDP:
		if len(data) < 14 {
			return nil, ErrTooShort
		}
		a.dataIn, a.repeat = data, repeat
		a.dataOut = make([]byte, len(data)+dataOutSlack)
		a.ctxIn = make([]byte, xdpMDSize)
		binary.NativeEndian.PutUint32(a.ctxIn[4:], uint32(len(data))) // data_end
		a.ctxOut = make([]byte, xdpMDSize)
	default:
		if len(data) < 14 {
			return nil, ErrTooShort
		}
		a.dataIn, a.repeat = data, repeat
		a.dataOut = make([]byte, len(data)+dataOutSlack)
		a.ctxOut = make([]byte, skBuffCtxSpace)
	}

	if err := sysTestRun(p.FD(), &a); err != nil {
		return nil, err
	}

	res := &Result{Retval: a.retval, Duration: time.Duration(a.duration)}
	if a.dataOut != nil {
		res.Data = a.dataOut[:a.dataSizeOut]
	}
	if a.ctxOut != nil {
		res.Ctx = a.ctxOut[:a.ctxSizeOut]
	}
	if kind == runXDP && len(res.Ctx) >= 8 {
		// The kernel copies the frame from data_meta; xdp_md.data is
		// the metadata length then.
		meta := int(binary.NativeEndian.Uint32(res.Ctx[0:]))
		if meta > 0 && meta <= len(res.Data) {
			res.Meta = res.Data[:meta:meta]
			res.Data = res.Data[meta:]
		}
	}
	return res, nil
}
