package callx

// This file implements running an object's program on packets: the
// program type picks the context (XDP, tc, socket filter) and the runner
// reuses one machine and one context from packet to packet.

import (
	"fmt"

	"github.com/callx/callx/ctx"
	"github.com/callx/callx/loader"
	"github.com/callx/callx/vm"
)

// Runner runs one program on packets. It is not safe for concurrent use:
// make one per goroutine (they share the object's maps).
type Runner struct {
	Program *ObjectProgram
	Machine *vm.Machine
	xdp     *ctx.XDP
	skb     *ctx.SKB
}

// PacketResult is the outcome of one run on a packet.
type PacketResult struct {
	Retval uint64
	Packet []byte // the packet after the run (valid until the next run)
	Meta   []byte // XDP metadata in front of the packet
}

// NewRunner returns a runner for a packet program (xdp, tc, socket).
func (p *ObjectProgram) NewRunner() (*Runner, error) {
	r := &Runner{Program: p, Machine: p.VM.NewMachine()}
	switch p.Spec.Type {
	case loader.ProgType("xdp"):
		r.xdp = ctx.NewXDP(r.Machine)
	case loader.ProgType("tc"):
		r.skb = ctx.NewSKB(r.Machine, ctx.TC)
	case loader.ProgType("socket"):
		r.skb = ctx.NewSKB(r.Machine, ctx.SocketFilter)
	default:
		return nil, fmt.Errorf("program %s: programs of type %q cannot run on packets", p.Name(), p.Spec.Type)
	}
	return r, nil
}

// Run runs the program on one packet.
func (r *Runner) Run(pkt []byte) (PacketResult, error) {
	if r.xdp != nil {
		ret, err := r.xdp.Run(pkt)
		return PacketResult{Retval: ret, Packet: r.xdp.Packet(), Meta: r.xdp.Meta()}, err
	}
	ret, err := r.skb.Run(pkt)
	return PacketResult{Retval: ret, Packet: r.skb.Packet()}, err
}

// VerdictName names a return value the way the program type means it.
func (r *Runner) VerdictName(v uint64) string {
	if r.xdp != nil {
		return ctx.XDPActionName(v)
	}
	if r.skb.Kind == ctx.TC {
		return ctx.TCActionName(v)
	}
	if v == 0 {
		return "drop"
	}
	return "accept"
}

// Repeat runs the program n times on one packet the way BPF_PROG_TEST_RUN
// with repeat does: the packet is set once and carries over from run to
// run. It returns the last run's result.
func (r *Runner) Repeat(pkt []byte, n int) (PacketResult, error) {
	var ret uint64
	var err error
	if r.xdp != nil {
		if err = r.xdp.Reset(pkt); err != nil {
			return PacketResult{}, err
		}
		ret, err = r.Machine.RepeatContext(r.xdp, n)
		return PacketResult{Retval: ret, Packet: r.xdp.Packet(), Meta: r.xdp.Meta()}, err
	}
	if err = r.skb.Reset(pkt); err != nil {
		return PacketResult{}, err
	}
	ret, err = r.Machine.RepeatContext(r.skb, n)
	return PacketResult{Retval: ret, Packet: r.skb.Packet()}, err
}
