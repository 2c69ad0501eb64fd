package verifier

// This file implements the verifier's state: what it knows about every
// register and stack byte of every frame at one point of one path, as the
// kernel's struct bpf_reg_state, bpf_stack_state, bpf_func_state and
// bpf_verifier_state (include/linux/bpf_verifier.h).

import (
	"github.com/callx/callx/asm"
	"github.com/cilium/ebpf/btf"
)

// Limits of the machine, as the kernel's.
const (
	maxBPFStack   = 512 // MAX_BPF_STACK
	maxCallFrames = 8   // MAX_CALL_FRAMES
	numRegs       = 11  // MAX_BPF_REG
	regSize       = 8   // BPF_REG_SIZE
)

// MapInfo is what the verifier knows about a map a program refers to.
type MapInfo struct {
	Index      int // in the program's map table (PseudoMapIdx)
	Name       string
	Type       uint32 // enum bpf_map_type
	KeySize    uint32
	ValueSize  uint32
	MaxEntries uint32
	Flags      uint32
	ReadOnly   bool // frozen .rodata: programs may only read it
	// SpinLockOff is the offset of the value's struct bpf_spin_lock, or -1.
	SpinLockOff int32
	// FuncTable maps the offsets of a read-only map's function pointers
	// to the first instruction of their functions (the closed world).
	FuncTable map[uint32]int
	// Slots are a writable map's open-world function-pointer slots.
	Slots []*SlotInfo
	// HasTimer: the value holds a struct bpf_timer.
	HasTimer bool
	// Contents are a read-only map's bytes, which loads read as constants.
	Contents []byte
	// InnerMap is the template of a map-in-map's inner maps.
	InnerMap *MapInfo
}

// Reg is what the verifier knows about one register (struct
// bpf_reg_state). For a scalar, Scalar holds its value; for a pointer,
// Off is the constant offset from the object's start and Scalar the
// variable part of the offset.
type Reg struct {
	Type RegType
	Off  int32
	Scalar
	// ID ties registers that hold the same value (a scalar copied, or the
	// same maybe-NULL pointer): a comparison refines all of them.
	ID uint32
	// RefObjID is the acquired reference a pointer belongs to (ringbuf
	// reserve, socket lookup), released by the matching helper.
	RefObjID uint32
	// Range is, for packet pointers, how many bytes past the pointer are
	// known to be in the packet.
	Range int32
	// Map is the map of a map_ptr, map_value or map_key.
	Map *MapInfo
	// MemSize is the size of a PtrToMem region.
	MemSize uint32
	// Frameno is, for a stack pointer, the frame whose stack it points
	// into.
	Frameno int
	// Subprog is, for a func pointer, the subprogram it names; for a
	// callback's ctx-less argument it is unused.
	Subprog int
	// BTFName is, for PtrToBTFID, the type's name in the log.
	BTFName string
	// BTFStruct is, for PtrToBTFID, the kernel struct it points to, when
	// the kernel's BTF is known.
	BTFStruct *btf.Struct
	// FuncSet is, for a func loaded from a function table at a variable
	// offset, every function it may be (Subprog is then -1).
	FuncSet *funcSet
	// Slot is, for a func loaded from an open-world slot, the slot: its
	// prototype types the call.
	Slot *SlotInfo
	// Precise marks a scalar whose exact value matters to a decision
	// (precision tracking): pruning compares it, not just its type.
	Precise bool
	// written is the log's liveness mark "_w": written since the last
	// checkpoint (REG_LIVE_WRITTEN).
	written bool
}

// notInit is an uninitialised register (__mark_reg_not_init).
func notInit() Reg { return Reg{Type: NotInit, Scalar: UnknownScalar()} }

// unknownScalar is a scalar about which nothing is known
// (__mark_reg_unknown).
func unknownScalar() Reg { return Reg{Type: ScalarValue, Scalar: UnknownScalar()} }

// constScalar is the known constant v (__mark_reg_known).
func constScalar(v uint64) Reg { return Reg{Type: ScalarValue, Scalar: ConstScalar(v)} }

// pointerReg is a pointer of type t with offset zero and no variable part
// (__mark_reg_known_zero on a pointer).
func pointerReg(t RegType) Reg { return Reg{Type: t, Scalar: ConstScalar(0)} }

// isConstScalar reports whether r is a scalar with a known value.
func (r *Reg) isConstScalar() bool { return r.Type == ScalarValue && r.VarOff.IsConst() }

// Stack slot byte kinds (enum bpf_stack_slot_type).
type slotType uint8

const (
	stackInvalid slotType = iota // nothing written
	stackSpill                   // part of a spilled register
	stackMisc                    // some scalar bytes
	stackZero                    // known zero
	stackIter                    // an open-coded iterator
	stackDynptr                  // a dynptr
)

// stackSlot is one 8-byte stack slot (struct bpf_stack_state): the kind
// of each byte, and the register spilled there when they are stackSpill.
type stackSlot struct {
	// Kind is the kind of each byte, as the kernel indexes slot_type: the
	// byte at fp+off is Kind[(-off-1)%8], so Kind[0] is the slot's highest
	// address and Kind[7] its lowest.
	Kind    [regSize]slotType
	Spilled Reg
}

// isSpill reports whether the slot holds a spilled register
// (is_spilled_reg: its lowest byte is part of a spill).
func (s *stackSlot) isSpill() bool { return s.Kind[regSize-1] == stackSpill }

// isSpilledScalar is is_spilled_scalar_reg.
func (s *stackSlot) isSpilledScalar() bool {
	return s.isSpill() && s.Spilled.Type == ScalarValue
}

// Frame is one function's state (struct bpf_func_state).
type Frame struct {
	Regs [numRegs]Reg
	// Stack holds the allocated slots, deepest last: Stack[i] covers
	// fp-8*(i+1) up to fp-8*i.
	Stack []stackSlot
	// Frameno is this frame's depth, 0 for the program.
	Frameno int
	// Callsite is the call instruction that made this frame, -1 for the
	// program's.
	Callsite int
	// Subprog is the subprogram this frame runs.
	Subprog int
	// InCallback is set in a callback's frame (bpf_loop, for_each), whose
	// return value the caller's helper checks.
	InCallback bool
	// CallbackRetMin/Max bound a callback's return value.
	CallbackRetMin, CallbackRetMax int64
	// AsyncCallback marks a timer callback.
	AsyncCallback bool
	// callbackDepth counts the callback iterations pushed from this
	// frame along the current path (bpf_loop stops at its count).
	callbackDepth int
	// refsAtEntry is how many references the state held when this
	// callback frame began: a callback may not keep any.
	refsAtEntry int
}

// ref is an acquired reference (struct bpf_reference_state).
type ref struct {
	ID   uint32
	Insn int // where it was acquired
}

// State is one path's whole state (struct bpf_verifier_state).
type State struct {
	Frames []*Frame // Frames[len-1] is the current frame
	Refs   []ref
	// ActiveLock is the id of the map value whose spin lock is held, or 0.
	ActiveLock     uint32
	ActiveLockPtr  *MapInfo
	ActiveRCU      bool
	Speculative    bool
	Insn           int // the instruction this state is at
	PrevInsn       int
	branches       int
	parent         *State
	hist           *histNode // the instructions since the last kept state, newest first
	histLen        int       // how many
	kernelHistLen  int       // how many the kernel's history would hold (kernelHist)
	allPrecise     bool      // markAllPrecise went through this kept state
	cleaned        bool      // its dead registers and slots were forgotten (cleanLiveStates)
	callbackUnroll int
	mayGotoDepth   int
}

// cur returns the current frame.
func (s *State) cur() *Frame { return s.Frames[len(s.Frames)-1] }

// clone copies s deeply: frames, stacks, references.
func (s *State) clone() *State {
	n := *s
	n.Frames = make([]*Frame, len(s.Frames))
	for i, f := range s.Frames {
		nf := *f
		nf.Stack = append([]stackSlot(nil), f.Stack...)
		n.Frames[i] = &nf
	}
	n.Refs = append([]ref(nil), s.Refs...)
	return &n
}

// regOf returns the register r of the current frame.
func (s *State) regOf(r asm.Register) *Reg { return &s.cur().Regs[r] }
