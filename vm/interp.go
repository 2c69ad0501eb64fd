package vm

// This file implements the interpreter: a fast loop over the lowered ops
// (one dense switch per instruction, registers indexed by 4-bit numbers so
// there are no bounds checks, every memory access through the load and
// store functions, block costs charged at jumps, calls and exits) whose one
// call is to helpers, and exec around it, which handles what the loop stops
// for: tail calls, context fields, inlined loops, traps.

import (
	"encoding/binary"
	"math/bits"
	"sync/atomic"
)

// maxLoops is BPF_MAX_LOOPS: may_goto iterations per run, bpf_loop calls.
const maxLoops = 8 * 1024 * 1024

// Errnos the inlined helpers return, as r0 holds them.
const (
	errE2BIG  = 1<<64 - 7
	errEINVAL = 1<<64 - 22
)

// stop says why the fast loop returned to exec.
type stop uint8

const (
	stopExit        stop = iota // the base frame exited
	stopHelper                  // a helper call (the block is charged)
	stopHelperError             // a helper call failed (the error is m.err)
	stopTailCall                // a tail call (the block is charged)
	stopSlowLoad                // a load the region table refused: a context field or a fault
	stopSlowStore               // a store the region table refused
	stopBudget                  // the instruction budget ran out
	stopCallTarget              // callx on a value that is not a function of this program
	stopCallDepth               // a call beyond MaxFrames
	stopPacketLoad              // LD_ABS / LD_IND
	stopLoop                    // bpf_loop or for_each_map_elem (the block is charged)
	stopAtomic                  // an atomic other than an aligned add
	stopBadOp                   // an op kind the loop does not know
)

// fast runs ops from pc in the registers m.regs until something needs more
// than the loop does (see stop), or the frame at depth m.base exits. It
// makes one call, to helpers, and nothing it keeps in machine registers
// lives across that call but what it set at entry, so Go keeps its state in
// registers without spilling it at the loop's head (see inline_test.go).
// Each op is 32 bytes, so an op's fields are read with one indexed load
// each. It returns where and with how much budget left.
func (m *Machine) fast(pc int, budget int64) (stop, int, int64) {
	ops := m.cur.ops
	regions := m.regions
	r := &m.regs
	le := binary.LittleEndian

	for {
		o := &ops[pc]
		switch o.kind {
		case kInvalid: // a case of its own, so that the jump table starts at 0
			return stopBadOp, pc, budget

		// 64-bit ALU.
		case kAdd64K:
			r[o.dst&15] += uint64(o.imm)
		case kAdd64X:
			r[o.dst&15] += r[o.src&15]
		case kSub64K:
			r[o.dst&15] -= uint64(o.imm)
		case kSub64X:
			r[o.dst&15] -= r[o.src&15]
		case kMul64K:
			r[o.dst&15] *= uint64(o.imm)
		case kMul64X:
			r[o.dst&15] *= r[o.src&15]
		case kDiv64K:
			r[o.dst&15] /= uint64(o.imm)
		case kDiv64X:
			r[o.dst&15] = div64(r[o.dst&15], r[o.src&15])
		case kSDiv64K:
			r[o.dst&15] = uint64(int64(r[o.dst&15]) / o.imm)
		case kSDiv64X:
			r[o.dst&15] = sdiv64(int64(r[o.dst&15]), int64(r[o.src&15]))
		case kMod64K:
			r[o.dst&15] %= uint64(o.imm)
		case kMod64X:
			r[o.dst&15] = mod64(r[o.dst&15], r[o.src&15])
		case kSMod64K:
			r[o.dst&15] = uint64(int64(r[o.dst&15]) % o.imm)
		case kSMod64X:
			r[o.dst&15] = smod64(int64(r[o.dst&15]), int64(r[o.src&15]))
		case kOr64K:
			r[o.dst&15] |= uint64(o.imm)
		case kOr64X:
			r[o.dst&15] |= r[o.src&15]
		case kAnd64K:
			r[o.dst&15] &= uint64(o.imm)
		case kAnd64X:
			r[o.dst&15] &= r[o.src&15]
		case kXor64K:
			r[o.dst&15] ^= uint64(o.imm)
		case kXor64X:
			r[o.dst&15] ^= r[o.src&15]
		case kLsh64K:
			r[o.dst&15] <<= uint64(o.imm) & 63
		case kLsh64X:
			r[o.dst&15] <<= r[o.src&15] & 63
		case kRsh64K:
			r[o.dst&15] >>= uint64(o.imm) & 63
		case kRsh64X:
			r[o.dst&15] >>= r[o.src&15] & 63
		case kArsh64K:
			r[o.dst&15] = uint64(int64(r[o.dst&15]) >> (uint64(o.imm) & 63))
		case kArsh64X:
			r[o.dst&15] = uint64(int64(r[o.dst&15]) >> (r[o.src&15] & 63))
		case kMov64K:
			r[o.dst&15] = uint64(o.imm)
		case kMov64X:
			r[o.dst&15] = r[o.src&15]
		case kMovSX8_64:
			r[o.dst&15] = uint64(int64(int8(r[o.src&15])))
		case kMovSX16_64:
			r[o.dst&15] = uint64(int64(int16(r[o.src&15])))
		case kMovSX32_64:
			r[o.dst&15] = uint64(int64(int32(r[o.src&15])))
		case kNeg64:
			r[o.dst&15] = -r[o.dst&15]
		case kMovAdd64:
			r[o.dst&15] = r[o.src&15] + uint64(o.imm)
		case kMovAddX64:
			r[o.dst&15] = r[o.src&15] + r[o.imm&15]
		case kMovSubX64:
			r[o.dst&15] = r[o.src&15] - r[o.x&15]
		case kMovAddJgt:
			v := r[o.src&15] + uint64(o.imm)
			r[o.dst&15] = v
			if v > r[o.x&15] {
				goto taken
			}
			goto notTaken

		// 32-bit ALU.
		case kAdd32K:
			r[o.dst&15] = uint64(uint32(r[o.dst&15]) + uint32(o.imm))
		case kAdd32X:
			r[o.dst&15] = uint64(uint32(r[o.dst&15]) + uint32(r[o.src&15]))
		case kSub32K:
			r[o.dst&15] = uint64(uint32(r[o.dst&15]) - uint32(o.imm))
		case kSub32X:
			r[o.dst&15] = uint64(uint32(r[o.dst&15]) - uint32(r[o.src&15]))
		case kMul32K:
			r[o.dst&15] = uint64(uint32(r[o.dst&15]) * uint32(o.imm))
		case kMul32X:
			r[o.dst&15] = uint64(uint32(r[o.dst&15]) * uint32(r[o.src&15]))
		case kDiv32K:
			r[o.dst&15] = uint64(uint32(r[o.dst&15]) / uint32(o.imm))
		case kDiv32X:
			r[o.dst&15] = div32(uint32(r[o.dst&15]), uint32(r[o.src&15]))
		case kSDiv32K:
			r[o.dst&15] = uint64(uint32(int32(r[o.dst&15]) / int32(o.imm)))
		case kSDiv32X:
			r[o.dst&15] = sdiv32(int32(r[o.dst&15]), int32(r[o.src&15]))
		case kMod32K:
			r[o.dst&15] = uint64(uint32(r[o.dst&15]) % uint32(o.imm))
		case kMod32X:
			r[o.dst&15] = mod32(uint32(r[o.dst&15]), uint32(r[o.src&15]))
		case kSMod32K:
			r[o.dst&15] = uint64(uint32(int32(r[o.dst&15]) % int32(o.imm)))
		case kSMod32X:
			r[o.dst&15] = smod32(int32(r[o.dst&15]), int32(r[o.src&15]))
		case kOr32K:
			r[o.dst&15] = uint64(uint32(r[o.dst&15]) | uint32(o.imm))
		case kOr32X:
			r[o.dst&15] = uint64(uint32(r[o.dst&15]) | uint32(r[o.src&15]))
		case kAnd32K:
			r[o.dst&15] = uint64(uint32(r[o.dst&15]) & uint32(o.imm))
		case kAnd32X:
			r[o.dst&15] = uint64(uint32(r[o.dst&15]) & uint32(r[o.src&15]))
		case kXor32K:
			r[o.dst&15] = uint64(uint32(r[o.dst&15]) ^ uint32(o.imm))
		case kXor32X:
			r[o.dst&15] = uint64(uint32(r[o.dst&15]) ^ uint32(r[o.src&15]))
		case kLsh32K:
			r[o.dst&15] = uint64(uint32(r[o.dst&15]) << (uint32(o.imm) & 31))
		case kLsh32X:
			r[o.dst&15] = uint64(uint32(r[o.dst&15]) << (uint32(r[o.src&15]) & 31))
		case kRsh32K:
			r[o.dst&15] = uint64(uint32(r[o.dst&15]) >> (uint32(o.imm) & 31))
		case kRsh32X:
			r[o.dst&15] = uint64(uint32(r[o.dst&15]) >> (uint32(r[o.src&15]) & 31))
		case kArsh32K:
			r[o.dst&15] = uint64(uint32(int32(r[o.dst&15]) >> (uint32(o.imm) & 31)))
		case kArsh32X:
			r[o.dst&15] = uint64(uint32(int32(r[o.dst&15]) >> (uint32(r[o.src&15]) & 31)))
		case kMov32K:
			r[o.dst&15] = uint64(uint32(o.imm))
		case kMov32X:
			r[o.dst&15] = uint64(uint32(r[o.src&15]))
		case kMovSX8_32:
			r[o.dst&15] = uint64(uint32(int32(int8(r[o.src&15]))))
		case kMovSX16_32:
			r[o.dst&15] = uint64(uint32(int32(int16(r[o.src&15]))))
		case kNeg32:
			r[o.dst&15] = uint64(-uint32(r[o.dst&15]))
		case kZext32:
			r[o.dst&15] = uint64(uint32(r[o.dst&15]))
		case kMovAdd32:
			r[o.dst&15] = uint64(uint32(r[o.src&15]) + uint32(o.imm))
		case kMovSubX32:
			r[o.dst&15] = uint64(uint32(r[o.src&15]) - uint32(r[o.x&15]))

		// Byte order.
		case kLe16:
			r[o.dst&15] = uint64(uint16(r[o.dst&15]))
		case kBe16:
			r[o.dst&15] = uint64(bits.ReverseBytes16(uint16(r[o.dst&15])))
		case kBe32:
			r[o.dst&15] = uint64(bits.ReverseBytes32(uint32(r[o.dst&15])))
		case kBe64:
			r[o.dst&15] = bits.ReverseBytes64(r[o.dst&15])

		case kLdImm64:
			r[o.dst&15] = uint64(o.imm)

		// Loads.
		case kLdxB:
			if b := load1(regions, r[o.src&15]+uint64(o.imm)); b != nil {
				r[o.dst&15] = uint64(b[0])
			} else {
				return stopSlowLoad, pc, budget
			}
		case kLdxH:
			if b := load2(regions, r[o.src&15]+uint64(o.imm)); b != nil {
				r[o.dst&15] = uint64(le.Uint16(b[:]))
			} else {
				return stopSlowLoad, pc, budget
			}
		case kLdxW:
			if b := load4(regions, r[o.src&15]+uint64(o.imm)); b != nil {
				r[o.dst&15] = uint64(le.Uint32(b[:]))
			} else if v, ok := m.contextWord(r[o.src&15] + uint64(o.imm)); ok {
				r[o.dst&15] = v
			} else {
				return stopSlowLoad, pc, budget
			}
		case kLdxDW:
			if b := load8(regions, r[o.src&15]+uint64(o.imm)); b != nil {
				r[o.dst&15] = le.Uint64(b[:])
			} else {
				return stopSlowLoad, pc, budget
			}
		case kLdxSB:
			if b := load1(regions, r[o.src&15]+uint64(o.imm)); b != nil {
				r[o.dst&15] = uint64(int64(int8(b[0])))
			} else {
				return stopSlowLoad, pc, budget
			}
		case kLdxSH:
			if b := load2(regions, r[o.src&15]+uint64(o.imm)); b != nil {
				r[o.dst&15] = uint64(int64(int16(le.Uint16(b[:]))))
			} else {
				return stopSlowLoad, pc, budget
			}
		case kLdxSW:
			if b := load4(regions, r[o.src&15]+uint64(o.imm)); b != nil {
				r[o.dst&15] = uint64(int64(int32(le.Uint32(b[:]))))
			} else {
				return stopSlowLoad, pc, budget
			}

		// Stores.
		case kStB, kStxB:
			if b := store1(regions, r[o.dst&15]+uint64(o.imm)); b != nil {
				b[0] = byte(storeValue(o, r))
			} else {
				return stopSlowStore, pc, budget
			}
		case kStH, kStxH:
			if b := store2(regions, r[o.dst&15]+uint64(o.imm)); b != nil {
				le.PutUint16(b[:], uint16(storeValue(o, r)))
			} else {
				return stopSlowStore, pc, budget
			}
		case kStW, kStxW:
			if b := store4(regions, r[o.dst&15]+uint64(o.imm)); b != nil {
				le.PutUint32(b[:], uint32(storeValue(o, r)))
			} else {
				return stopSlowStore, pc, budget
			}
		case kStDW, kStxDW:
			if b := store8(regions, r[o.dst&15]+uint64(o.imm)); b != nil {
				le.PutUint64(b[:], storeValue(o, r))
			} else {
				return stopSlowStore, pc, budget
			}

		// Atomics.
		case kAtomicAdd64: // the counter idiom stays in the loop (an intrinsic, no call)
			if b := store8(regions, r[o.dst&15]+uint64(o.imm)); b != nil {
				if w := word64(b[:]); w != nil {
					atomic.AddUint64(w, r[o.src&15])
					break
				}
			}
			return stopAtomic, pc, budget
		case kAtomicAdd32:
			if b := store4(regions, r[o.dst&15]+uint64(o.imm)); b != nil {
				if w := word32(b[:]); w != nil {
					atomic.AddUint32(w, uint32(r[o.src&15]))
					break
				}
			}
			return stopAtomic, pc, budget
		case kAtomicOr32, kAtomicAnd32, kAtomicXor32,
			kAtomicFetchAdd32, kAtomicFetchOr32, kAtomicFetchAnd32, kAtomicFetchXor32,
			kXchg32, kCmpXchg32,
			kAtomicOr64, kAtomicAnd64, kAtomicXor64,
			kAtomicFetchAdd64, kAtomicFetchOr64, kAtomicFetchAnd64, kAtomicFetchXor64,
			kXchg64, kCmpXchg64:
			return stopAtomic, pc, budget

		// Jumps.
		case kJa:
			if budget -= int64(o.cost); budget < 0 {
				return stopBudget, pc, budget
			}
			pc = int(o.target)
			continue
		case kJeq64K:
			if r[o.dst&15] == uint64(o.imm) {
				goto taken
			}
			goto notTaken
		case kJeq64X:
			if r[o.dst&15] == r[o.src&15] {
				goto taken
			}
			goto notTaken
		case kJne64K:
			if r[o.dst&15] != uint64(o.imm) {
				goto taken
			}
			goto notTaken
		case kJne64X:
			if r[o.dst&15] != r[o.src&15] {
				goto taken
			}
			goto notTaken
		case kJgt64K:
			if r[o.dst&15] > uint64(o.imm) {
				goto taken
			}
			goto notTaken
		case kJgt64X:
			if r[o.dst&15] > r[o.src&15] {
				goto taken
			}
			goto notTaken
		case kJge64K:
			if r[o.dst&15] >= uint64(o.imm) {
				goto taken
			}
			goto notTaken
		case kJge64X:
			if r[o.dst&15] >= r[o.src&15] {
				goto taken
			}
			goto notTaken
		case kJlt64K:
			if r[o.dst&15] < uint64(o.imm) {
				goto taken
			}
			goto notTaken
		case kJlt64X:
			if r[o.dst&15] < r[o.src&15] {
				goto taken
			}
			goto notTaken
		case kJle64K:
			if r[o.dst&15] <= uint64(o.imm) {
				goto taken
			}
			goto notTaken
		case kJle64X:
			if r[o.dst&15] <= r[o.src&15] {
				goto taken
			}
			goto notTaken
		case kJsgt64K:
			if int64(r[o.dst&15]) > o.imm {
				goto taken
			}
			goto notTaken
		case kJsgt64X:
			if int64(r[o.dst&15]) > int64(r[o.src&15]) {
				goto taken
			}
			goto notTaken
		case kJsge64K:
			if int64(r[o.dst&15]) >= o.imm {
				goto taken
			}
			goto notTaken
		case kJsge64X:
			if int64(r[o.dst&15]) >= int64(r[o.src&15]) {
				goto taken
			}
			goto notTaken
		case kJslt64K:
			if int64(r[o.dst&15]) < o.imm {
				goto taken
			}
			goto notTaken
		case kJslt64X:
			if int64(r[o.dst&15]) < int64(r[o.src&15]) {
				goto taken
			}
			goto notTaken
		case kJsle64K:
			if int64(r[o.dst&15]) <= o.imm {
				goto taken
			}
			goto notTaken
		case kJsle64X:
			if int64(r[o.dst&15]) <= int64(r[o.src&15]) {
				goto taken
			}
			goto notTaken
		case kJset64K:
			if r[o.dst&15]&uint64(o.imm) != 0 {
				goto taken
			}
			goto notTaken
		case kJset64X:
			if r[o.dst&15]&r[o.src&15] != 0 {
				goto taken
			}
			goto notTaken
		case kJeq32K:
			if uint32(r[o.dst&15]) == uint32(o.imm) {
				goto taken
			}
			goto notTaken
		case kJeq32X:
			if uint32(r[o.dst&15]) == uint32(r[o.src&15]) {
				goto taken
			}
			goto notTaken
		case kJne32K:
			if uint32(r[o.dst&15]) != uint32(o.imm) {
				goto taken
			}
			goto notTaken
		case kJne32X:
			if uint32(r[o.dst&15]) != uint32(r[o.src&15]) {
				goto taken
			}
			goto notTaken
		case kJgt32K:
			if uint32(r[o.dst&15]) > uint32(o.imm) {
				goto taken
			}
			goto notTaken
		case kJgt32X:
			if uint32(r[o.dst&15]) > uint32(r[o.src&15]) {
				goto taken
			}
			goto notTaken
		case kJge32K:
			if uint32(r[o.dst&15]) >= uint32(o.imm) {
				goto taken
			}
			goto notTaken
		case kJge32X:
			if uint32(r[o.dst&15]) >= uint32(r[o.src&15]) {
				goto taken
			}
			goto notTaken
		case kJlt32K:
			if uint32(r[o.dst&15]) < uint32(o.imm) {
				goto taken
			}
			goto notTaken
		case kJlt32X:
			if uint32(r[o.dst&15]) < uint32(r[o.src&15]) {
				goto taken
			}
			goto notTaken
		case kJle32K:
			if uint32(r[o.dst&15]) <= uint32(o.imm) {
				goto taken
			}
			goto notTaken
		case kJle32X:
			if uint32(r[o.dst&15]) <= uint32(r[o.src&15]) {
				goto taken
			}
			goto notTaken
		case kJsgt32K:
			if int32(r[o.dst&15]) > int32(o.imm) {
				goto taken
			}
			goto notTaken
		case kJsgt32X:
			if int32(r[o.dst&15]) > int32(r[o.src&15]) {
				goto taken
			}
			goto notTaken
		case kJsge32K:
			if int32(r[o.dst&15]) >= int32(o.imm) {
				goto taken
			}
			goto notTaken
		case kJsge32X:
			if int32(r[o.dst&15]) >= int32(r[o.src&15]) {
				goto taken
			}
			goto notTaken
		case kJslt32K:
			if int32(r[o.dst&15]) < int32(o.imm) {
				goto taken
			}
			goto notTaken
		case kJslt32X:
			if int32(r[o.dst&15]) < int32(r[o.src&15]) {
				goto taken
			}
			goto notTaken
		case kJsle32K:
			if int32(r[o.dst&15]) <= int32(o.imm) {
				goto taken
			}
			goto notTaken
		case kJsle32X:
			if int32(r[o.dst&15]) <= int32(r[o.src&15]) {
				goto taken
			}
			goto notTaken
		case kJset32K:
			if uint32(r[o.dst&15])&uint32(o.imm) != 0 {
				goto taken
			}
			goto notTaken
		case kJset32X:
			if uint32(r[o.dst&15])&uint32(r[o.src&15]) != 0 {
				goto taken
			}
			goto notTaken
		case kMayGoto:
			if budget -= int64(o.cost); budget < 0 {
				return stopBudget, pc, budget
			}
			if m.mayGoto == 0 {
				pc = int(o.target)
				continue
			}
			m.mayGoto--
		case kCharge:
			if budget -= int64(o.cost); budget < 0 {
				return stopBudget, pc, budget
			}

		// Calls.
		case kCallHelper:
			// The one call the loop makes: pc and the budget are read
			// again from m after it, so that they need no place on the
			// stack (helpers may run callbacks, which run this loop again,
			// deeper).
			if budget -= int64(o.cost); budget < 0 {
				return stopBudget, pc, budget
			}
			d := m.depth & (MaxFrames - 1)
			m.left, m.calls[d] = budget, int32(pc)
			v, err := m.cur.helpers[o.target](m, r[1], r[2], r[3], r[4], r[5])
			pc, budget = int(m.calls[m.depth&(MaxFrames-1)]), m.left
			if err != nil {
				m.err = err
				return stopHelperError, pc, budget
			}
			r[0] = v
			pc++
			continue
		case kLookup:
			r[2] = r[o.src&15] + uint64(o.imm)
			r[1] = uint64(o.aux)
			pc += 2
			o = &ops[pc]
			fallthrough
		case kMapLookup:
			if budget -= int64(o.cost); budget < 0 {
				return stopBudget, pc, budget
			}
			// Inlined for arrays, as the kernel's verifier does:
			// r0 = &values[key] or NULL; the helper runs otherwise.
			arrays := m.arrays
			i := r[1] - mapTag
			if i >= uint64(len(arrays)) || arrays[i].elemSize == 0 {
				return stopHelper, pc, budget
			}
			b := load4(regions, r[2])
			if b == nil {
				return stopHelper, pc, budget
			}
			a := &arrays[i]
			if k := uint64(le.Uint32(b[:])); k < a.maxEntries {
				r[0] = a.base + k*a.elemSize
			} else {
				r[0] = 0
			}
		case kCallLocal, kCallX:
			if budget -= int64(o.cost); budget < 0 {
				return stopBudget, pc, budget
			}
			entry := o.target
			if o.kind == kCallX {
				funcEntry := m.cur.funcEntry
				id, ok := funcID(r[o.dst&15])
				if !ok || uint64(id) >= uint64(len(funcEntry)) || funcEntry[id] < 0 {
					return stopCallTarget, pc, budget
				}
				entry = uint32(funcEntry[id])
			}
			if m.depth+1 >= MaxFrames {
				return stopCallDepth, pc, budget
			}
			f := &m.frames[m.depth&(MaxFrames-1)]
			f.ret, f.fp, f.loop = int32(pc+1), r[10], false
			f.callee = [4]uint64{r[6], r[7], r[8], r[9]}
			m.depth++
			r[10] = frameTop(m.depth)
			pc = int(entry)
			continue
		case kLoop, kForEach:
			if budget -= int64(o.cost); budget < 0 {
				return stopBudget, pc, budget
			}
			return stopLoop, pc, budget
		case kExit:
			goto exit
		case kTailCall:
			if budget -= int64(o.cost); budget < 0 {
				return stopBudget, pc, budget
			}
			return stopTailCall, pc, budget
		case kLdPacket:
			return stopPacketLoad, pc, budget

		// Superinstructions (see fuse.go): on a stop, pc is the op of the
		// pattern exec must run, those before it done.
		case kLdxDWAddX:
			if b := load8(regions, r[o.src&15]+uint64(o.imm)); b != nil {
				r[o.dst&15] = le.Uint64(b[:]) + r[o.x&15]
				pc += 2
				continue
			}
			return stopSlowLoad, pc, budget
		case kAddMemK, kAddMemX:
			if b := store8(regions, r[o.src&15]+uint64(o.imm)); b != nil {
				v := le.Uint64(b[:])
				if o.kind == kAddMemK {
					v += uint64(o.aux)
				} else {
					v += r[o.x&15]
				}
				r[o.dst&15] = v
				le.PutUint64(b[:], v)
				pc += 3
				continue
			}
			return stopSlowLoad, pc, budget
		case kLdxW2:
			if a := r[o.src&15] + uint64(o.imm); a>>regionShift == ContextRegion {
				if v, ok := m.contextWord(a); ok {
					r[o.dst&15] = v
				} else {
					return stopSlowLoad, pc, budget
				}
			} else if b := load4(regions, a); b != nil {
				r[o.dst&15] = uint64(le.Uint32(b[:]))
			} else {
				return stopSlowLoad, pc, budget
			}
			if v, ok := m.contextWord(r[o.y&15] + uint64(o.aux)); ok {
				r[o.x&15] = v
			} else if b := load4(regions, r[o.y&15]+uint64(o.aux)); b != nil {
				r[o.x&15] = uint64(le.Uint32(b[:]))
			} else {
				return stopSlowLoad, pc + 1, budget
			}
			pc += 2
			continue
		case kLdxBH, kLdxBHJ:
			if b := load2(regions, r[o.src&15]+uint64(o.imm)); b != nil {
				r[o.dst&15] = uint64(b[0])
				r[o.x&15] = uint64(le.Uint16(b[:]))
				pc += 3
				if o.kind == kLdxBHJ {
					goto cond
				}
				pc++
				continue
			}
			return stopSlowLoad, pc, budget
		case kLdxHBe, kLdxHBeJ:
			if b := load2(regions, r[o.src&15]+uint64(o.imm)); b != nil {
				r[o.dst&15] = uint64(bits.ReverseBytes16(le.Uint16(b[:])))
				pc++
				if o.kind == kLdxHBeJ {
					goto cond
				}
				pc++
				continue
			}
			return stopSlowLoad, pc, budget
		case kLdxB2:
			if b := load1(regions, r[o.src&15]+uint64(o.imm)); b != nil {
				r[o.dst&15] = uint64(b[0])
			} else {
				return stopSlowLoad, pc, budget
			}
			if b := load1(regions, r[o.y&15]+uint64(o.aux)); b != nil {
				r[o.x&15] = uint64(b[0])
				pc += 2
				continue
			}
			return stopSlowLoad, pc + 1, budget
		case kCopyB:
			if b := load1(regions, r[o.src&15]+uint64(o.imm)); b != nil {
				v := b[0]
				r[o.dst&15] = uint64(v)
				if b := store1(regions, r[o.x&15]+uint64(o.aux)); b != nil {
					b[0] = v
					pc += 2
					continue
				}
				return stopSlowStore, pc + 1, budget
			}
			return stopSlowLoad, pc, budget
		case kMovKExit:
			r[o.dst&15] = uint64(o.imm)
			pc++
			o = &ops[pc]
			goto exit
		case kMovXExit:
			r[o.dst&15] = r[o.src&15]
			pc++
			o = &ops[pc]
			goto exit
		case kMov32XExit:
			r[o.dst&15] = uint64(uint32(r[o.src&15]))
			pc++
			o = &ops[pc]
			goto exit
		case kLdxBJ:
			if b := load1(regions, r[o.src&15]+uint64(o.imm)); b != nil {
				r[o.dst&15] = uint64(b[0])
				goto cond
			}
			return stopSlowLoad, pc, budget
		case kLdxWJ:
			if b := load4(regions, r[o.src&15]+uint64(o.imm)); b != nil {
				r[o.dst&15] = uint64(le.Uint32(b[:]))
				goto cond
			} else if v, ok := m.contextWord(r[o.src&15] + uint64(o.imm)); ok {
				r[o.dst&15] = v
				goto cond
			}
			return stopSlowLoad, pc, budget
		case kLdxDWJ:
			if b := load8(regions, r[o.src&15]+uint64(o.imm)); b != nil {
				r[o.dst&15] = le.Uint64(b[:])
				goto cond
			}
			return stopSlowLoad, pc, budget
		case kAddKJ:
			r[o.dst&15] += uint64(o.imm)
			goto cond
		case kMovKJ:
			r[o.dst&15] = uint64(o.imm)
			goto cond
		default:
			return stopBadOp, pc, budget
		}
		pc++
		continue

		// The two ends of a conditional jump, shared by every condition:
		// charge the block, then go to the target, or on (skipping the
		// goto a threaded jump stands for, see threadJumps).
	taken:
		if budget -= int64(o.cost); budget < 0 {
			return stopBudget, pc, budget
		}
		pc = int(o.target)
		continue
	notTaken:
		if budget -= int64(o.cost) - int64(o.skip); budget < 0 {
			return stopBudget, pc, budget
		}
		pc += 1 + int(o.skip)
		continue

		// The conditional jump a superinstruction ends with (see jumpCond),
		// the op after pc.
	cond:
		{
			// Without branches but the one that jumps: the outcome of a
			// test is the program's, the shape of the test is not.
			sh, f := uint64(o.cf&cf32), uint64(o.cf&cfSigned)<<56
			x := -uint64(o.cf & cfX) // all ones when the operand is a register
			a := r[o.y&15]<<sh ^ f
			b := (r[o.aux&15]<<sh^f)&x | uint64(o.aux)&^x
			c := b2u(a < b) | b2u(a == b)<<1 | b2u(a&b != 0)<<2
			cost, next := int64(o.cost), int(o.target)
			if o.cc>>c&1 == 0 {
				cost, next = cost-int64(o.skip), pc+2+int(o.skip)
			}
			if budget -= cost; budget < 0 {
				return stopBudget, pc + 1, budget
			}
			pc = next
			continue
		}

		// Exit, shared with the superinstructions that end in one.
	exit:
		if budget -= int64(o.cost); budget < 0 {
			return stopBudget, pc, budget
		}
		if m.depth == m.base {
			if m.base == 0 && m.nextRun() {
				pc, budget = 0, m.budget
				continue
			}
			return stopExit, pc, budget
		}
		// No pointers in frames: storing one would cost a write barrier,
		// a call, and the loop would lose its registers to the stack.
		caller := (m.depth - 1) & (MaxFrames - 1)
		f := &m.frames[caller]
		if f.loop { // a bpf_loop or for_each_map_elem callback returned
			if l := &m.loops[caller]; r[0] == 0 && l.i < l.n { // call it again
				if l.mapRef != 0 { // (map, &key, &value, ctx), key in scratch
					le.PutUint32(m.scratch[caller*scratchSlot:], uint32(l.i))
					r[1], r[2], r[3], r[4] = l.mapRef, l.keyAddr, l.base+l.i*l.elemSize, l.ctx
				} else { // (index, ctx)
					r[1], r[2] = l.i, l.ctx
				}
				l.i++
				pc = int(l.entry)
				continue
			} else {
				r[0] = l.i // calls made
			}
		}
		m.depth--
		r[6], r[7], r[8], r[9] = f.callee[0], f.callee[1], f.callee[2], f.callee[3]
		r[10] = f.fp
		pc = int(f.ret)
		continue
	}
}

// exec runs from op pc in a new frame at depth base, with r1-r5 = args,
// until that frame exits. Runs start with base 0; callbacks (bpf_loop and
// friends) run nested, one frame below the helper's caller. The fast loop
// does the work; exec handles what it stops for.
func (m *Machine) exec(pc int, base int, args [5]uint64) (uint64, error) {
	r := &m.regs
	r[1], r[2], r[3], r[4], r[5] = args[0], args[1], args[2], args[3], args[4]
	r[10] = frameTop(base)
	m.depth = base
	budget := m.left
	for {
		m.base = base
		why, at, left := m.fast(pc, budget)
		pc, budget = at, left
		p := m.cur
		o := &p.plain[pc] // the op as lowered, before superinstructions
		switch why {
		case stopExit:
			if base == 0 && m.again > 0 { // after a tail call: the next run starts with the first program
				m.cur = m.prog
				if m.nextRun() {
					pc, budget = 0, m.budget
					continue
				}
			}
			m.left = budget
			return r[0], nil
		case stopLoop:
			next, ok, err := m.startLoop(pc, o.kind == kForEach)
			if err != nil {
				return 0, err
			}
			if ok {
				pc = next
				continue
			}
			fallthrough // for_each_map_elem over a map that is not an array: the helper
		case stopHelper:
			m.left = budget
			v, err := p.helpers[o.target](m, r[1], r[2], r[3], r[4], r[5])
			budget = m.left
			if err != nil {
				return 0, m.helperTrap(pc, err)
			}
			r[0] = v
		case stopHelperError:
			err := m.err
			m.err = nil
			m.left = budget
			return 0, m.helperTrap(pc, err)
		case stopTailCall:
			next, err := m.tailCall(pc, base, r[2], r[3])
			if err != nil {
				return 0, err
			}
			if next != nil { // the other program replaces this one
				pc = 0
				r[10] = frameTop(m.depth)
				continue
			}
		case stopSlowLoad:
			v, err := m.slowLoad(pc, o, r[o.src&15]+uint64(o.imm))
			if err != nil {
				return 0, err
			}
			r[o.dst&15] = v
		case stopSlowStore:
			if err := m.slowStore(pc, o, r[o.dst&15]+uint64(o.imm), storeValue(o, r)); err != nil {
				return 0, err
			}
		case stopAtomic:
			size := 8
			if atomicIs32(o.kind) {
				size = 4
			}
			addr := r[o.dst&15] + uint64(o.imm)
			b := store(m.regions, addr, uint64(size))
			if b == nil {
				return 0, m.memTrap(pc, addr, size, true)
			}
			if size == 4 {
				atomic32(o, b, r)
			} else {
				atomic64(o, b, r)
			}
		case stopBudget:
			return 0, m.budgetTrap(pc)
		case stopCallTarget:
			return 0, &Trap{Kind: ErrCallTarget, Index: int(p.slotOf[pc]), Addr: r[o.dst&15]}
		case stopCallDepth:
			return 0, &Trap{Kind: ErrCallDepth, Index: int(p.slotOf[pc])}
		case stopPacketLoad:
			v, ok, err := m.legacyPacketLoad(o, r)
			if err != nil {
				return 0, &Trap{Kind: ErrUnsupported, Index: int(p.slotOf[pc]), Cause: err}
			}
			if !ok { // out of the packet: the program ends with r0 = 0, as in the kernel
				m.left = budget
				return 0, nil
			}
			r[0] = v
		default:
			return 0, &Trap{Kind: ErrInternal, Index: int(p.slotOf[pc]), Cause: errBadOp}
		}
		pc++
	}
}

// b2u is 1 for true, 0 for false (a SETcc, inlined).
func b2u(b bool) uint8 {
	if b {
		return 1
	}
	return 0
}

func atomicIs32(k opKind) bool {
	switch k {
	case kAtomicAdd32, kAtomicOr32, kAtomicAnd32, kAtomicXor32,
		kAtomicFetchAdd32, kAtomicFetchOr32, kAtomicFetchAnd32, kAtomicFetchXor32,
		kXchg32, kCmpXchg32:
		return true
	}
	return false
}

// storeValue is the value a store writes: the immediate (ST) or src (STX).
func storeValue(o *op, r *[16]uint64) uint64 {
	switch o.kind {
	case kStB, kStH, kStW, kStDW:
		return uint64(o.aux)
	}
	return r[o.src&15]
}

// startLoop starts bpf_loop(nr_loops, callback, ctx, flags) or, over an
// array, bpf_for_each_map_elem(map, callback, ctx, flags) at op pc, inlined
// as the kernel's verifier inlines bpf_loop: the callback runs as a call
// from this frame, again and again (see kExit), until it returns nonzero or
// has run for every index or element; then r0 is the number of calls. It
// returns the op to go on at, or ok = false when the helper must run (a
// for_each over a map that is not an array).
func (m *Machine) startLoop(pc int, forEach bool) (next int, ok bool, err error) {
	r := &m.regs
	p := m.cur
	var n uint64
	var a array
	if forEach {
		i, isMap := mapIndex(r[1])
		if !isMap || i >= len(m.arrays) || m.arrays[i].elemSize == 0 {
			return 0, false, nil
		}
		a, n = m.arrays[i], m.arrays[i].maxEntries
	} else {
		n = uint64(uint32(r[1]))
	}
	switch {
	case r[4] != 0:
		r[0] = errEINVAL
		return pc + 1, true, nil
	case n > maxLoops:
		r[0] = errE2BIG
		return pc + 1, true, nil
	case n == 0:
		r[0] = 0
		return pc + 1, true, nil
	}
	id, isFunc := funcID(r[2])
	if !isFunc || uint64(id) >= uint64(len(p.funcEntry)) || p.funcEntry[id] < 0 {
		return 0, false, &Trap{Kind: ErrCallTarget, Index: int(p.slotOf[pc]), Addr: r[2]}
	}
	if m.depth+1 >= MaxFrames {
		return 0, false, &Trap{Kind: ErrCallDepth, Index: int(p.slotOf[pc])}
	}
	d := m.depth & (MaxFrames - 1)
	l := &m.loops[d]
	*l = loopState{i: 1, n: n, entry: p.funcEntry[id], ctx: r[3]}
	if forEach {
		l.mapRef, l.base, l.elemSize = r[1], a.base, a.elemSize
		l.keyAddr = regionBase(ScratchRegion) + uint64(d*scratchSlot)
		binary.LittleEndian.PutUint32(m.scratch[d*scratchSlot:], 0)
	}
	f := &m.frames[d]
	f.ret, f.fp, f.loop = int32(pc+1), r[10], true
	f.callee = [4]uint64{r[6], r[7], r[8], r[9]}
	m.depth++
	r[10] = frameTop(m.depth)
	if forEach {
		r[1], r[2], r[3], r[4] = l.mapRef, l.keyAddr, l.base, l.ctx
	} else {
		r[1], r[2] = 0, l.ctx
	}
	return int(l.entry), true, nil
}
