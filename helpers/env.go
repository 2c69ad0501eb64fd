package helpers

// This file implements the interfaces through which helpers reach the
// program that calls them: its memory, maps and context, and callbacks.

import "github.com/callx/callx/maps"

// Env is what a helper sees of the program that calls it.
type Env interface {
	// Memory returns the n bytes at the program address addr, or an error
	// when they are not all inside one region the program may access (for
	// writing, when write is set).
	Memory(addr, n uint64, write bool) ([]byte, error)
	// Map returns the map a map reference argument names.
	Map(ref uint64) (*maps.Map, error)
	// MapPointer is the program address of byte off of a map's values.
	MapPointer(m *maps.Map, off uint32) uint64
	// MapAt returns the map whose values hold a program address.
	MapAt(addr uint64) (*maps.Map, uint32, error)
	// Call runs a callback (a function value) and returns its r0.
	Call(fn uint64, r1, r2, r3, r4, r5 uint64) (uint64, error)
	// Context is the run's context (nil for raw programs); helpers assert
	// the interfaces below on it.
	Context() any
	// Printk takes bpf_trace_printk output.
	Printk(s string)
	// Scratch copies b into memory the program can read (a callback's
	// key argument) and returns its address.
	Scratch(b []byte) (uint64, error)
}

// XDPContext is the context of XDP programs, for the xdp_adjust helpers.
// Each returns a negative errno when the kernel's would fail.
type XDPContext interface {
	AdjustHead(delta int) int64
	AdjustTail(delta int) int64
	AdjustMeta(delta int) int64
}

// SKBContext is the context of tc and socket filter programs.
type SKBContext interface {
	// PacketData is the bytes from data to data_end (writable by helpers).
	PacketData() []byte
	// ChangeData tells the context that helpers rewrote packet bytes.
	ChangeData()
}

// Redirector records bpf_redirect verdicts.
type Redirector interface {
	Redirect(ifindex uint32, flags uint64) uint64
}
