package vm

// This file implements the lowered operation: the form the interpreter
// runs. Every instruction becomes one op whose kind already says its class,
// width, operand source and operation, so the interpreter dispatches once per
// instruction on a dense switch.

type opKind uint8

// The op kinds. K kinds take the immediate, X kinds the src register.
const (
	kInvalid opKind = iota

	// 64-bit ALU.
	kAdd64K
	kAdd64X
	kSub64K
	kSub64X
	kMul64K
	kMul64X
	kDiv64K // imm != 0
	kDiv64X
	kSDiv64K // imm != 0
	kSDiv64X
	kMod64K // imm != 0
	kMod64X
	kSMod64K // imm != 0
	kSMod64X
	kOr64K
	kOr64X
	kAnd64K
	kAnd64X
	kXor64K
	kXor64X
	kLsh64K
	kLsh64X
	kRsh64K
	kRsh64X
	kArsh64K
	kArsh64X
	kMov64K
	kMov64X
	kMovSX8_64
	kMovSX16_64
	kMovSX32_64
	kNeg64
	kMovAdd64  // superinstruction: dst = src + imm (rD = rS; rD += K)
	kMovAddX64 // superinstruction: dst = src + r[imm] (rD = rS; rD += rT)
	kMovAddJgt // superinstruction: dst = src + imm; if dst > r[x] goto target (a bounds check)
	kMovSubX64 // superinstruction: dst = src - r[x] (rD = rS; rD -= rT)

	// 32-bit ALU: the result is zero-extended.
	kAdd32K
	kAdd32X
	kSub32K
	kSub32X
	kMul32K
	kMul32X
	kDiv32K
	kDiv32X
	kSDiv32K
	kSDiv32X
	kMod32K
	kMod32X
	kSMod32K
	kSMod32X
	kOr32K
	kOr32X
	kAnd32K
	kAnd32X
	kXor32K
	kXor32X
	kLsh32K
	kLsh32X
	kRsh32K
	kRsh32X
	kArsh32K
	kArsh32X
	kMov32K
	kMov32X
	kMovSX8_32
	kMovSX16_32
	kNeg32
	kZext32    // dst = (u32)dst: 32-bit mod by a zero immediate, le32
	kMovAdd32  // superinstruction: wD = wS + imm (wD = wS; wD += K)
	kMovSubX32 // superinstruction: wD = wS - w[x] (wD = wS; wD -= wT)

	// Byte order.
	kLe16
	kBe16
	kBe32
	kBe64

	// Immediate 64-bit load (ld_imm64 with a constant or a function value).
	kLdImm64

	// Loads and stores; addr = reg + off.
	kLdxB
	kLdxH
	kLdxW
	kLdxDW
	kLdxSB
	kLdxSH
	kLdxSW
	kStB
	kStH
	kStW
	kStDW
	kStxB
	kStxH
	kStxW
	kStxDW

	// Atomics.
	kAtomicAdd32
	kAtomicAdd64
	kAtomicOr32
	kAtomicOr64
	kAtomicAnd32
	kAtomicAnd64
	kAtomicXor32
	kAtomicXor64
	kAtomicFetchAdd32
	kAtomicFetchAdd64
	kAtomicFetchOr32
	kAtomicFetchOr64
	kAtomicFetchAnd32
	kAtomicFetchAnd64
	kAtomicFetchXor32
	kAtomicFetchXor64
	kXchg32
	kXchg64
	kCmpXchg32
	kCmpXchg64

	// Jumps. The block cost is charged before the branch.
	kJa
	kJeq64K
	kJeq64X
	kJne64K
	kJne64X
	kJgt64K
	kJgt64X
	kJge64K
	kJge64X
	kJlt64K
	kJlt64X
	kJle64K
	kJle64X
	kJsgt64K
	kJsgt64X
	kJsge64K
	kJsge64X
	kJslt64K
	kJslt64X
	kJsle64K
	kJsle64X
	kJset64K
	kJset64X
	kJeq32K
	kJeq32X
	kJne32K
	kJne32X
	kJgt32K
	kJgt32X
	kJge32K
	kJge32X
	kJlt32K
	kJlt32X
	kJle32K
	kJle32X
	kJsgt32K
	kJsgt32X
	kJsge32K
	kJsge32X
	kJslt32K
	kJslt32X
	kJsle32K
	kJsle32X
	kJset32K
	kJset32X
	kMayGoto

	// Calls and control.
	kCallHelper // target: index into Program.helpers
	kMapLookup  // bpf_map_lookup_elem: arrays inline, other maps through the helper (target)
	kCallLocal  // target: entry op of the callee
	kCallX      // dst: the register holding a function value
	kTailCall   // bpf_tail_call(ctx, prog_array, index)
	kLoop       // bpf_loop(nr_loops, callback, ctx, flags), inlined
	kForEach    // bpf_for_each_map_elem: inlined for arrays, the helper (target) otherwise
	kExit
	kCharge   // a block falls through into a jump target: charge its cost
	kLdPacket // legacy LD_ABS/LD_IND: x = width, src = index register or 0xff

	// Superinstructions made after lowering (see fuse.go): each does the op
	// it replaces and the ones after it, which stay in place.
	kLdxDWAddX  // rD = *(u64 *)(rS + off); rD += rX (x)
	kMovKExit   // rD = K (imm, already extended); exit
	kMovXExit   // rD = rS; exit
	kMov32XExit // wD = wS; exit
	kLdxW2      // rD = *(u32 *)(rS + off); rX = *(u32 *)(rY + aux)
	kLdxBH      // wD = *(u8 *)(rS + off); wX = *(u8 *)(rS + off + 1); wX <<= 8; wX |= wD
	kLdxB2      // wD = *(u8 *)(rS + off); wX = *(u8 *)(rY + aux)
	kLdxHBe     // wD = *(u16 *)(rS + off); rD = be16 rD
	kAddMemK    // rD = *(u64 *)(rS + off); rD += aux; *(u64 *)(rS + off) = rD
	kAddMemX    // rD = *(u64 *)(rS + off); rD += rX; *(u64 *)(rS + off) = rD
	kCopyB      // wD = *(u8 *)(rS + off); *(u8 *)(rX + aux) = wD
	kLookup     // r2 = rS + off; r1 = aux (an array map); call bpf_map_lookup_elem

	// Superinstructions ending in a conditional jump: the op, then the
	// jump's condition (cc, cf) on rY and aux (a constant, or a register
	// when cf says so).
	kLdxBJ   // wD = *(u8 *)(rS + off); if ...
	kLdxWJ   // wD = *(u32 *)(rS + off); if ...
	kLdxDWJ  // rD = *(u64 *)(rS + off); if ...
	kAddKJ   // rD += K; if ...
	kLdxBHJ  // kLdxBH; if ...
	kLdxHBeJ // kLdxHBe; if ...
	kMovKJ   // rD = K (imm, already extended); if ...

)

// op is one lowered instruction (32 bytes, so that the interpreter finds
// an op with a shift and reads every field with one indexed load: no field
// needs sign extension).
type op struct {
	kind   opKind
	dst    uint8  // register number, always < 16
	src    uint8  // register number, always < 16
	skip   uint8  // conditional jumps: ops to skip when not taken (see threadJumps)
	target uint32 // jump target op index, callee entry op, or helper index
	imm    int64  // immediate, sign-extended to 64 bits (ld_imm64: the constant; loads and stores: the offset)
	cost   uint32 // jumps, calls, exit, charge: instructions in the block so far
	x      uint8  // superinstructions: a third register (always < 16); LD_ABS/LD_IND: the width
	y      uint8  // superinstructions: a fourth register (always < 16)
	cc     uint8  // superinstructions ending in a conditional jump: its condition (see jumpCond)
	cf     uint8  // and how it compares (see jumpCond)
	aux    int64  // ST: the value stored; superinstructions: a second immediate
}
