package vm

// This file implements program contexts: the struct r1 points to when a
// program of a type other than raw runs (xdp_md, __sk_buff, ...). The
// context region has no memory of its own: every load and store on it goes
// to the Context, which converts fields the way the kernel's
// convert_ctx_access does (a 32-bit load of xdp_md.data yields a full
// pointer into the packet region). Packet memory is its own region.

import (
	"encoding/binary"
	"errors"
	"fmt"
)

// Context is the context of one run.
type Context interface {
	// LoadField reads a size-byte field at off of the context struct.
	LoadField(m *Machine, off uint32, size int) (uint64, error)
	// StoreField writes one.
	StoreField(m *Machine, off uint32, size int, v uint64) error
}

// PacketContext is a Context with packet bytes, for the legacy packet
// loads (LD_ABS, LD_IND) of socket filters.
type PacketContext interface {
	Context
	PacketData() []byte // the bytes from data to data_end
}

// ContextAccessError is an access to a context field the program type does not allow.
type ContextAccessError struct {
	Off   uint32
	Size  int
	Write bool
}

func (e *ContextAccessError) Error() string {
	return fmt.Sprintf("invalid bpf_context access off=%d size=%d", e.Off, e.Size)
}

// Context words: the 4-byte fields of the context a Context publishes
// with SetContextWord, so that the interpreter reads them without calling
// the Context (xdp_md.data and data_end are read by every XDP program).
const contextWords = 64

// SetContextWord publishes the value a 4-byte load at byte 4*i of the
// context reads (a converted pointer, or a zero-extended field).
func (m *Machine) SetContextWord(i int, v uint64) {
	m.ctxWords[i&(contextWords-1)] = v
	m.ctxMask |= 1 << (i & (contextWords - 1))
}

// ClearContextWords forgets every published word.
func (m *Machine) ClearContextWords() { m.ctxMask = 0 }

// contextWord is the fast path of a 4-byte context load.
func (m *Machine) contextWord(a uint64) (uint64, bool) {
	i := (a - regionBase(ContextRegion)) >> 2
	if a&3 != 0 || i >= contextWords || m.ctxMask>>i&1 == 0 {
		return 0, false
	}
	return m.ctxWords[i], true
}

// slowLoad handles a load the region table refused: a context field, or a trap.
func (m *Machine) slowLoad(pc int, o *op, addr uint64) (uint64, error) {
	size := loadSize(o.kind)
	if b := load(m.regions, addr, uint64(size)); b != nil { // a superinstruction stopped short
		return loadValue(o.kind, b), nil
	}
	region, off := SplitAddr(addr)
	if region != ContextRegion || m.ctx == nil || off >= 1<<16 {
		return 0, m.memTrap(pc, addr, size, false)
	}
	v, err := m.ctx.LoadField(m, uint32(off), size)
	if err != nil {
		return 0, &Trap{Kind: ErrMemory, Index: int(m.cur.slotOf[pc]), Addr: addr, Size: size, Where: "ctx", Cause: err}
	}
	switch o.kind {
	case kLdxSB:
		v = uint64(int64(int8(v)))
	case kLdxSH:
		v = uint64(int64(int16(v)))
	case kLdxSW:
		v = uint64(int64(int32(v)))
	}
	return v, nil
}

// slowStore handles a store the region table refused.
func (m *Machine) slowStore(pc int, o *op, addr uint64, v uint64) error {
	size := storeSize(o.kind)
	if b := store(m.regions, addr, uint64(size)); b != nil { // a superinstruction stopped short
		for i := range b {
			b[i] = byte(v >> (8 * i))
		}
		return nil
	}
	region, off := SplitAddr(addr)
	if region != ContextRegion || m.ctx == nil || off >= 1<<16 {
		return m.memTrap(pc, addr, size, true)
	}
	if err := m.ctx.StoreField(m, uint32(off), size, v); err != nil {
		return &Trap{Kind: ErrMemory, Index: int(m.cur.slotOf[pc]), Addr: addr, Size: size, Write: true, Where: "ctx", Cause: err}
	}
	return nil
}

// loadValue is what a load op reads from b, extended to 64 bits.
func loadValue(k opKind, b []byte) uint64 {
	var v uint64
	for i := range b {
		v |= uint64(b[i]) << (8 * i)
	}
	switch k {
	case kLdxSB:
		v = uint64(int64(int8(v)))
	case kLdxSH:
		v = uint64(int64(int16(v)))
	case kLdxSW:
		v = uint64(int64(int32(v)))
	}
	return v
}

func loadSize(k opKind) int {
	switch k {
	case kLdxB, kLdxSB:
		return 1
	case kLdxH, kLdxSH:
		return 2
	case kLdxW, kLdxSW:
		return 4
	}
	return 8
}

func storeSize(k opKind) int {
	switch k {
	case kStB, kStxB:
		return 1
	case kStH, kStxH:
		return 2
	case kStW, kStxW:
		return 4
	}
	return 8
}

var errNoPacket = errors.New("legacy packet load (LD_ABS/LD_IND) needs a socket buffer context")

// legacyPacketLoad runs LD_ABS / LD_IND: r0 = ntoh(packet[imm (+ src)]).
// Out of bounds, the kernel ends the program with r0 = 0; so does callx
// (the error says so and the caller returns 0).
func (m *Machine) legacyPacketLoad(o *op, r *[16]uint64) (uint64, bool, error) {
	pc, ok := m.ctx.(PacketContext)
	if !ok {
		return 0, false, errNoPacket
	}
	data := pc.PacketData()
	off := int64(int32(o.imm))
	if o.src != 0xff { // LD_IND adds the src register
		off += int64(int32(r[o.src&15]))
	}
	n := int64(o.x) // the access width, stored at lowering
	if off < 0 || off+n > int64(len(data)) {
		return 0, false, nil
	}
	b := data[off : off+n]
	switch n {
	case 1:
		return uint64(b[0]), true, nil
	case 2:
		return uint64(binary.BigEndian.Uint16(b)), true, nil
	}
	return uint64(binary.BigEndian.Uint32(b)), true, nil
}
