package vm

// This file implements the program's memory: a table of regions the engine
// gave it. An address is (region id << 32) | offset, region ids start at 1,
// so 0 and every small number is not an address. Every access is checked
// against one region's bounds and permissions; nothing else is reachable.

import "fmt"

// Limits of the call stack, as the kernel's.
const (
	MaxFrames  = 8   // MAX_CALL_FRAMES
	FrameSize  = 512 // MAX_BPF_STACK: bytes of stack per frame
	stackBytes = MaxFrames * FrameSize
)

const regionShift = 32

// region is memory the program may access (32 bytes, so the table indexes
// with a shift).
type region struct {
	mem      []byte
	writable bool
}

// Region ids. Every machine has these; map i is region FirstMapRegion+i.
const (
	stackRegion    = 1
	dataRegion     = 2 // the raw program type's input
	ContextRegion  = 3 // the context struct r1 points to; accesses go through Context
	PacketRegion   = 4 // packet memory of XDP, tc and socket programs
	ScratchRegion  = 5 // read-only memory helpers hand to callbacks (map keys)
	FirstMapRegion = 6
)

func regionBase(id int) uint64 { return uint64(id) << regionShift }

func mapRegion(index int) int { return FirstMapRegion + index }

// Addr is the program address of byte off of a region.
func Addr(region int, off uint64) uint64 { return regionBase(region) + off }

// SplitAddr is the inverse of Addr.
func SplitAddr(a uint64) (region int, off uint64) {
	return int(a >> regionShift), a & (1<<regionShift - 1)
}

// frameTop is the value of r10 in call frame depth (0 = the entry function).
// Frames grow down from the top of the stack region, as in the kernel: a
// callee's frame lies below its caller's, and nothing lies above frame 0.
func frameTop(depth int) uint64 { return regionBase(stackRegion) + uint64(stackBytes-depth*FrameSize) }

// load returns the n bytes at a, or nil when they are not all inside one region.
func load(regions []region, a, n uint64) []byte {
	i := a>>regionShift - 1
	if i >= uint64(len(regions)) {
		return nil
	}
	mem := regions[i].mem
	o := a & (1<<regionShift - 1)
	if o+n > uint64(len(mem)) {
		return nil
	}
	return mem[o : o+n : o+n]
}

// store is load for writing: the region must be writable.
func store(regions []region, a, n uint64) []byte {
	i := a>>regionShift - 1
	if i >= uint64(len(regions)) || !regions[i].writable {
		return nil
	}
	mem := regions[i].mem
	o := a & (1<<regionShift - 1)
	if o+n > uint64(len(mem)) {
		return nil
	}
	return mem[o : o+n : o+n]
}

// regionName names a region for error messages.
func (m *Machine) regionName(id int) string {
	switch id {
	case stackRegion:
		return "stack"
	case dataRegion:
		return "data"
	case ContextRegion:
		return "ctx"
	case PacketRegion:
		return "packet"
	case ScratchRegion:
		return "helper scratch"
	}
	if i := id - FirstMapRegion; i >= 0 && i < len(m.prog.maps) {
		return "map " + m.prog.maps[i].Spec().Name
	}
	return "?"
}

// describe names an address for an error message.
func (m *Machine) describe(a uint64) string {
	regions := m.regions
	i := a>>regionShift - 1
	if i >= uint64(len(regions)) {
		if a < 1<<regionShift {
			return "not a pointer"
		}
		return "outside every region"
	}
	r := regions[i]
	o := a & (1<<regionShift - 1)
	s := fmt.Sprintf("%s+%d of %d bytes", m.regionName(int(i)+1), o, len(r.mem))
	if !r.writable {
		s += ", read-only"
	}
	return s
}

// Memory implements helpers.Env.
func (m *Machine) Memory(addr, n uint64, write bool) ([]byte, error) {
	var b []byte
	if n <= 1<<regionShift { // larger sizes would wrap the bounds check
		if write {
			b = store(m.regions, addr, n)
		} else {
			b = load(m.regions, addr, n)
		}
	}
	if b == nil && n > 0 {
		return nil, fmt.Errorf("%w: %d bytes at %#x (%s)", ErrMemory, n, addr, m.describe(addr))
	}
	return b, nil
}

// load1, load2, load4 and load8 are load for the interpreter's widths:
// the bytes come back as an array, so that reading them needs no further
// bounds check (nil: not all inside one region).
func load1(regions []region, a uint64) *[1]byte {
	i := a>>regionShift - 1
	if i >= uint64(len(regions)) {
		return nil
	}
	mem := regions[i].mem
	if o := uint64(uint32(a)); o+1 <= uint64(len(mem)) {
		return (*[1]byte)(mem[o : o+1 : o+1])
	}
	return nil
}

func load2(regions []region, a uint64) *[2]byte {
	i := a>>regionShift - 1
	if i >= uint64(len(regions)) {
		return nil
	}
	mem := regions[i].mem
	if o := uint64(uint32(a)); o+2 <= uint64(len(mem)) {
		return (*[2]byte)(mem[o : o+2 : o+2])
	}
	return nil
}

func load4(regions []region, a uint64) *[4]byte {
	i := a>>regionShift - 1
	if i >= uint64(len(regions)) {
		return nil
	}
	mem := regions[i].mem
	if o := uint64(uint32(a)); o+4 <= uint64(len(mem)) {
		return (*[4]byte)(mem[o : o+4 : o+4])
	}
	return nil
}

func load8(regions []region, a uint64) *[8]byte {
	i := a>>regionShift - 1
	if i >= uint64(len(regions)) {
		return nil
	}
	mem := regions[i].mem
	if o := uint64(uint32(a)); o+8 <= uint64(len(mem)) {
		return (*[8]byte)(mem[o : o+8 : o+8])
	}
	return nil
}

// store1, store2, store4 and store8 are store for the interpreter's widths.
func store1(regions []region, a uint64) *[1]byte {
	i := a>>regionShift - 1
	if i >= uint64(len(regions)) || !regions[i].writable {
		return nil
	}
	mem := regions[i].mem
	if o := uint64(uint32(a)); o+1 <= uint64(len(mem)) {
		return (*[1]byte)(mem[o : o+1 : o+1])
	}
	return nil
}

func store2(regions []region, a uint64) *[2]byte {
	i := a>>regionShift - 1
	if i >= uint64(len(regions)) || !regions[i].writable {
		return nil
	}
	mem := regions[i].mem
	if o := uint64(uint32(a)); o+2 <= uint64(len(mem)) {
		return (*[2]byte)(mem[o : o+2 : o+2])
	}
	return nil
}

func store4(regions []region, a uint64) *[4]byte {
	i := a>>regionShift - 1
	if i >= uint64(len(regions)) || !regions[i].writable {
		return nil
	}
	mem := regions[i].mem
	if o := uint64(uint32(a)); o+4 <= uint64(len(mem)) {
		return (*[4]byte)(mem[o : o+4 : o+4])
	}
	return nil
}

func store8(regions []region, a uint64) *[8]byte {
	i := a>>regionShift - 1
	if i >= uint64(len(regions)) || !regions[i].writable {
		return nil
	}
	mem := regions[i].mem
	if o := uint64(uint32(a)); o+8 <= uint64(len(mem)) {
		return (*[8]byte)(mem[o : o+8 : o+8])
	}
	return nil
}
