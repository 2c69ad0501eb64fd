package vm

// This file implements lowering: a program is checked once (structure,
// jump and call targets, registers read before written, helpers known) and
// turned into ops with resolved targets and per-block instruction costs.

import (
	"fmt"
	"slices"

	"github.com/callx/callx/asm"
	"github.com/callx/callx/helpers"
	"github.com/callx/callx/maps"
)

// DefaultBudget is the default number of instructions one run may execute.
const DefaultBudget = 1 << 30

// Options tune Load.
type Options struct {
	// Helpers resolves `call N`; nil means helpers.Default().
	Helpers *helpers.Table
	// Budget is the most instructions one run may execute; 0 means DefaultBudget.
	Budget int64
	// Maps are the maps that ld_imm64 with PseudoMapIdx (a map reference)
	// and PseudoMapIdxValue (a pointer into element 0's value) name by index.
	// Programs of one object share one slice, and so their maps.
	Maps []*maps.Map
	// Funcs gives the object-wide id of each function in the program, by
	// its first slot; function values carry these ids, so that a function
	// pointer in global data means the same function in every program.
	// Nil numbers the functions in order of their first slot.
	Funcs []Func
	// EntryArgs is the number of argument registers set at entry: 2 for
	// the raw program type (r1 = data, r2 = length, the default), 1 for
	// programs that take a context.
	EntryArgs int
	// Verified says the program passed callx's verifier: its proof that
	// no path reads a register before writing it stands for the
	// engine's own check, which is stricter (it also refuses reads on
	// paths that cannot run). A register read uninitialised on such a
	// path would read 0 or an earlier value, never memory.
	Verified bool
}

// Func names the function that starts at an instruction slot.
type Func struct {
	ID   uint32
	Slot int
}

// Program is a lowered program, ready to run on a Machine. It is immutable
// and may be shared by many machines.
type Program struct {
	insns     asm.Program // the source, normalised
	ops       []op
	slotOf    []int32 // op index -> instruction slot
	plain     []op    // ops before superinstructions (see superinstructions)
	funcEntry []int32 // function id -> entry op, -1 when not in this program
	helpers   []helpers.Func
	maps      []*maps.Map
	budget    int64
}

// Instructions returns the program's instructions (do not modify them).
func (p *Program) Instructions() asm.Program { return p.insns }

// Load checks and lowers a program.
func Load(insns asm.Program, opts Options) (*Program, error) {
	if err := insns.Validate(); err != nil {
		return nil, err
	}
	insns = slices.Clone(insns)
	insns.Normalize()
	table := opts.Helpers
	if table == nil {
		table = helpers.Default()
	}
	p := &Program{insns: insns, budget: opts.Budget, maps: opts.Maps}
	if p.budget <= 0 {
		p.budget = DefaultBudget
	}
	var known []int
	for _, f := range opts.Funcs {
		known = append(known, f.Slot)
	}
	cfg, err := buildCFG(insns, known)
	if err != nil {
		return nil, err
	}
	entry := mainEntry
	if opts.EntryArgs == 1 {
		entry = regs(asm.R1, asm.R10)
	}
	if err := checkRegisters(insns, cfg, entry, !opts.Verified); err != nil {
		return nil, err
	}
	ids, err := funcIDs(cfg, opts.Funcs)
	if err != nil {
		return nil, err
	}
	if err := p.lower(cfg, table, ids, opts.Verified); err != nil {
		return nil, err
	}
	return p, nil
}

// cfg is what lowering needs to know about control flow.
type cfg struct {
	entries []int  // subprogram entry slots, sorted, entries[0] == 0
	leader  []bool // slot starts a basic block
	target  []int  // jump, call and PSEUDO_FUNC target slot per slot, -1 if none
}

// buildCFG finds subprograms, jump targets and block leaders, and checks
// that every target is an instruction inside the program. Functions start
// at slot 0, at the targets of calls and function references, and at the
// slots of known functions (those data may point to).
func buildCFG(insns asm.Program, known []int) (*cfg, error) {
	n := len(insns)
	c := &cfg{leader: make([]bool, n+1), target: make([]int, n)}
	midImm64 := make([]bool, n)
	for i := 0; i < n; i++ {
		c.target[i] = -1
		if insns[i].IsLoadImm64() {
			midImm64[i+1] = true
			c.target[i+1] = -1
			i++
		}
	}
	entrySet := map[int]bool{0: true}
	c.leader[0] = true
	for _, e := range known {
		if e < 0 || e >= n || midImm64[e] {
			return nil, &LoadError{Index: max(0, min(e, n-1)), Msg: fmt.Sprintf("function start %d is not an instruction", e)}
		}
		entrySet[e], c.leader[e] = true, true
	}
	for i := 0; i < n; i++ {
		ins := insns[i]
		t, isFunc, has := targetOf(ins, i)
		if !has {
			if ins.IsLoadImm64() {
				i++
			}
			continue
		}
		if t < 0 || t >= n {
			if isFunc {
				return nil, &LoadError{Index: i, Msg: fmt.Sprintf("call to invalid destination: insn %d", t)}
			}
			return nil, &LoadError{Index: i, Msg: fmt.Sprintf("jump out of range from insn %d to %d", i, t)}
		}
		if midImm64[t] {
			return nil, &LoadError{Index: i, Msg: fmt.Sprintf("jump into the middle of ldimm64 insn %d", t-1)}
		}
		c.target[i] = t
		c.leader[t] = true
		if isFunc {
			entrySet[t] = true
		}
		if ins.IsLoadImm64() {
			i++
		}
	}
	for i, ins := range insns {
		if endsBlock(ins) {
			c.leader[i+1] = true
		}
	}
	for e := range entrySet {
		c.entries = append(c.entries, e)
	}
	slices.Sort(c.entries)
	last := insns[n-1]
	if midImm64[n-1] || !(last.IsExit() || last.Op.Class().IsJump() && last.Op.JumpOp() == asm.OpJA) {
		return nil, &LoadError{Index: n - 1, Msg: "last insn is not an exit or jmp"}
	}
	return c, nil
}

// targetOf returns the slot an instruction jumps to or names as a function.
func targetOf(ins asm.Instruction, i int) (t int, isFunc, ok bool) {
	class := ins.Op.Class()
	switch {
	case ins.IsLocalCall():
		return i + int(ins.Imm) + 1, true, true
	case ins.IsLoadImm64() && ins.Src == asm.PseudoFunc:
		return i + int(ins.Imm) + 1, true, true
	case class == asm.ClassJMP32 && ins.Op.JumpOp() == asm.OpJA:
		return i + int(ins.Imm) + 1, false, true
	case class.IsJump():
		switch ins.Op.JumpOp() {
		case asm.OpCall, asm.OpExit:
			return 0, false, false
		}
		return i + int(ins.Off) + 1, false, true
	}
	return 0, false, false
}

// isGoto reports whether an instruction is an unconditional jump.
func isGoto(ins asm.Instruction) bool {
	return ins.Op.Class().IsJump() && ins.Op.JumpOp() == asm.OpJA
}

// endsBlock reports whether the next instruction starts a new block:
// after jumps, calls and exit, where the interpreter charges the block cost.
func endsBlock(ins asm.Instruction) bool {
	return ins.Op.Class().IsJump()
}

// funcIDs gives every function entry of the program its id.
func funcIDs(c *cfg, funcs []Func) (map[int]uint32, error) {
	ids := make(map[int]uint32, len(c.entries))
	if funcs == nil {
		for k, e := range c.entries {
			ids[e] = uint32(k)
		}
		return ids, nil
	}
	for _, f := range funcs {
		ids[f.Slot] = f.ID
	}
	for _, e := range c.entries {
		if _, ok := ids[e]; !ok {
			return nil, &LoadError{Index: e, Msg: "a function starts here that Options.Funcs does not name"}
		}
	}
	return ids, nil
}

// lower emits the ops.
func (p *Program) lower(c *cfg, table *helpers.Table, ids map[int]uint32, verified bool) error {
	insns := p.insns
	n := len(insns)
	opOf := make([]int32, n)
	p.ops = make([]op, 0, n+n/8)
	p.slotOf = make([]int32, 0, n+n/8)
	helperIndex := map[helpers.ID]int32{}
	var count int32 // instructions in the current block so far
	emit := func(o op, slot int) {
		p.ops = append(p.ops, o)
		p.slotOf = append(p.slotOf, int32(slot))
	}
	for i := 0; i < n; i++ {
		if i > 0 && c.leader[i] && count > 0 {
			// The block falls through into a jump target. When that is an
			// exit or a goto, a copy of it ends the block, charged for
			// both; otherwise a charge op does.
			switch ins := insns[i]; {
			case ins.IsExit():
				emit(op{kind: kExit, cost: uint32(count + 1)}, i)
			case isGoto(ins):
				emit(op{kind: kJa, cost: uint32(count + 1)}, i) // target resolved below
			default:
				emit(op{kind: kCharge, cost: uint32(count)}, i)
			}
			count = 0
		}
		opOf[i] = int32(len(p.ops))
		count++
		ins := insns[i]
		o, err := lowerOne(ins)
		if err != nil {
			return &LoadError{Index: i, Msg: err.Error()}
		}
		switch {
		case ins.IsLoadImm64():
			v, err := p.imm64(ins, insns[i+1], ids[c.target[i]])
			if err != nil {
				return &LoadError{Index: i, Msg: err.Error()}
			}
			o.imm = int64(v)
			opOf[i+1] = opOf[i]
			emit(o, i)
			i++
			continue
		case ins.IsHelperCall() && (ins.Imm == helpers.TailCallID || ins.Imm == helpers.LoopID):
			// the interpreter runs these itself
		case ins.IsHelperCall():
			h, err := table.Lookup(helpers.ID(ins.Imm))
			if err == nil && h.Fn == nil {
				err = &helpers.UnknownError{ID: h.ID}
			}
			switch {
			case err != nil && !verified:
				return &LoadError{Index: i, Msg: err.Error()}
			case err != nil:
				// A verified program calls it only on a path that cannot
				// run (the verifier checked every call it walked): a
				// call that runs all the same traps.
				h = &helpers.Helper{ID: helpers.ID(ins.Imm), Fn: failingHelper(err)}
			}
			k, ok := helperIndex[h.ID]
			if !ok {
				k = int32(len(p.helpers))
				helperIndex[h.ID] = k
				p.helpers = append(p.helpers, h.Fn)
			}
			o.target = uint32(k)
		}
		if endsBlock(ins) {
			o.cost = uint32(count)
			count = 0
		}
		if k := len(p.ops) - 1; !c.leader[i] && k >= 0 && fuse(&p.ops[k], o, c.target[i]) {
			opOf[i] = int32(k) // no jump lands here: the slot lives on in op k
			continue
		}
		emit(o, i)
	}
	// Resolve targets now that every slot has its op.
	for k := range p.ops {
		o := &p.ops[k]
		slot := p.slotOf[k]
		if o.kind == kCharge || o.kind == kCallHelper || o.kind == kMapLookup || o.kind == kForEach {
			continue
		}
		if o.kind == kMovAddJgt { // fuse left the jump's target slot here
			o.target = uint32(opOf[o.target])
			continue
		}
		if t := c.target[slot]; t >= 0 && o.kind != kLdImm64 {
			o.target = uint32(opOf[t])
		}
	}
	var maxID uint32
	for _, id := range ids {
		maxID = max(maxID, id)
	}
	p.funcEntry = make([]int32, maxID+1)
	for i := range p.funcEntry {
		p.funcEntry[i] = -1
	}
	for _, e := range c.entries {
		p.funcEntry[ids[e]] = opOf[e]
	}
	p.threadJumps()
	p.jumpsToExit()
	p.superinstructions()
	return nil
}

// fuse merges op o into the op before it, in the same block, when a
// superinstruction does both:
//   - `rD = rS; rD += K` (how clang computes a pointer plus an offset:
//     stack keys, packet bounds) becomes rD = rS + K;
//   - `rD = rS; rD += rT` (the address of element rT of an array) becomes
//     rD = rS + rT;
//   - `rD = K; rD += rS` (K a constant or an address: element rS of a
//     global) becomes rD = rS + K;
//   - `rD = rS; rD -= rT` (a length: data_end - data), and the same in 32
//     bits, and `wD = wS; wD += K`, become one op;
//   - and the packet bounds check `rD = rS; rD += K; if rD > rE goto L`
//     becomes one op (targetSlot is the jump's target, resolved later).
func fuse(prev *op, o op, targetSlot int) bool {
	switch {
	case prev.kind == kMov64X && o.kind == kAdd64K && o.dst == prev.dst:
		prev.kind, prev.imm = kMovAdd64, o.imm
	case prev.kind == kMov64X && o.kind == kAdd64X && o.dst == prev.dst && o.src != o.dst:
		prev.kind, prev.imm = kMovAddX64, int64(o.src)
	case (prev.kind == kMov64K || prev.kind == kLdImm64) && o.kind == kAdd64X && o.dst == prev.dst && o.src != o.dst:
		prev.kind, prev.src = kMovAdd64, o.src
	case prev.kind == kMov64X && o.kind == kSub64X && o.dst == prev.dst && o.src != o.dst:
		prev.kind, prev.x = kMovSubX64, o.src
	case prev.kind == kMov32X && o.kind == kAdd32K && o.dst == prev.dst:
		prev.kind, prev.imm = kMovAdd32, o.imm
	case prev.kind == kMov32X && o.kind == kSub32X && o.dst == prev.dst && o.src != o.dst:
		prev.kind, prev.x = kMovSubX32, o.src
	case prev.kind == kMovAdd64 && o.kind == kJgt64X && o.dst == prev.dst:
		prev.kind, prev.x, prev.cost, prev.target = kMovAddJgt, o.src, o.cost, uint32(targetSlot)
	default:
		return false
	}
	return true
}

// imm64 is the value an ld_imm64 loads: a constant, a function value, a
// map reference or a pointer into a map's first value.
func (p *Program) imm64(lo, hi asm.Instruction, funcID uint32) (uint64, error) {
	switch lo.Src {
	case asm.PseudoNone:
		return asm.Imm64(lo, hi), nil
	case asm.PseudoFunc:
		return FuncValue(funcID), nil
	case asm.PseudoMapIdx, asm.PseudoMapIdxValue:
		idx := int(lo.Imm)
		if idx < 0 || idx >= len(p.maps) {
			return 0, fmt.Errorf("map index %d out of range: the program has %d maps", idx, len(p.maps))
		}
		if lo.Src == asm.PseudoMapIdx {
			return MapValue(idx), nil
		}
		off := uint32(hi.Imm)
		if uint64(off) >= uint64(len(p.maps[idx].Values())) {
			return 0, fmt.Errorf("invalid access to map value pointer, value_size=%d off=%d", p.maps[idx].Spec().ValueSize, off)
		}
		return regionBase(mapRegion(idx)) + uint64(off), nil
	}
	return 0, fmt.Errorf("ld_imm64 with pseudo source %d (map fd, BTF id) needs a map table: load objects through the loader", lo.Src)
}

// lowerOne picks the op kind and operands of one instruction.
func lowerOne(ins asm.Instruction) (op, error) {
	o := op{dst: uint8(ins.Dst) & 15, src: uint8(ins.Src) & 15, imm: int64(ins.Imm)}
	code := ins.Op
	class := code.Class()
	x := code.Source() == asm.SourceX
	pick := func(k, kx opKind) opKind {
		if x {
			return kx
		}
		return k
	}
	switch class {
	case asm.ClassALU64, asm.ClassALU:
		alu64 := class == asm.ClassALU64
		w := func(k64, k64x, k32, k32x opKind) opKind {
			if alu64 {
				return pick(k64, k64x)
			}
			return pick(k32, k32x)
		}
		signed := ins.Off == 1
		switch code.ALUOp() {
		case asm.OpAdd:
			o.kind = w(kAdd64K, kAdd64X, kAdd32K, kAdd32X)
		case asm.OpSub:
			o.kind = w(kSub64K, kSub64X, kSub32K, kSub32X)
		case asm.OpMul:
			o.kind = w(kMul64K, kMul64X, kMul32K, kMul32X)
		case asm.OpDiv:
			if signed {
				o.kind = w(kSDiv64K, kSDiv64X, kSDiv32K, kSDiv32X)
			} else {
				o.kind = w(kDiv64K, kDiv64X, kDiv32K, kDiv32X)
			}
			if !x && ins.Imm == 0 { // division by zero gives 0
				o.kind, o.imm = w(kMov64K, 0, kMov32K, 0), 0
			}
		case asm.OpMod:
			if signed {
				o.kind = w(kSMod64K, kSMod64X, kSMod32K, kSMod32X)
			} else {
				o.kind = w(kMod64K, kMod64X, kMod32K, kMod32X)
			}
			if !x && ins.Imm == 0 { // modulo by zero leaves dst (zero-extended for 32 bits)
				o.kind, o.imm = w(kOr64K, 0, kZext32, 0), 0
			}
		case asm.OpOr:
			o.kind = w(kOr64K, kOr64X, kOr32K, kOr32X)
		case asm.OpAnd:
			o.kind = w(kAnd64K, kAnd64X, kAnd32K, kAnd32X)
		case asm.OpXor:
			o.kind = w(kXor64K, kXor64X, kXor32K, kXor32X)
		case asm.OpLsh:
			o.kind = w(kLsh64K, kLsh64X, kLsh32K, kLsh32X)
		case asm.OpRsh:
			o.kind = w(kRsh64K, kRsh64X, kRsh32K, kRsh32X)
		case asm.OpArsh:
			o.kind = w(kArsh64K, kArsh64X, kArsh32K, kArsh32X)
		case asm.OpNeg:
			o.kind = w(kNeg64, 0, kNeg32, 0)
		case asm.OpMov:
			switch {
			case !x:
				o.kind = w(kMov64K, 0, kMov32K, 0)
			case ins.Off == 8:
				o.kind = w(0, kMovSX8_64, 0, kMovSX8_32)
			case ins.Off == 16:
				o.kind = w(0, kMovSX16_64, 0, kMovSX16_32)
			case ins.Off == 32:
				o.kind = kMovSX32_64
			default:
				o.kind = w(0, kMov64X, 0, kMov32X)
			}
		case asm.OpEnd:
			big := alu64 || x // ALU64 END is bswap; ALU END with X is to-big-endian
			switch {
			case big && ins.Imm == 16:
				o.kind = kBe16
			case big && ins.Imm == 32:
				o.kind = kBe32
			case big:
				o.kind = kBe64
			case ins.Imm == 16:
				o.kind = kLe16
			case ins.Imm == 32:
				o.kind = kZext32
			default: // le64 on a little-endian machine changes nothing
				o.kind, o.imm = kOr64K, 0
			}
		}
	case asm.ClassJMP, asm.ClassJMP32:
		j64 := class == asm.ClassJMP
		w := func(k64, k64x, k32, k32x opKind) opKind {
			if j64 {
				return pick(k64, k64x)
			}
			return pick(k32, k32x)
		}
		switch code.JumpOp() {
		case asm.OpJA:
			o.kind = kJa
		case asm.OpJEQ:
			o.kind = w(kJeq64K, kJeq64X, kJeq32K, kJeq32X)
		case asm.OpJNE:
			o.kind = w(kJne64K, kJne64X, kJne32K, kJne32X)
		case asm.OpJGT:
			o.kind = w(kJgt64K, kJgt64X, kJgt32K, kJgt32X)
		case asm.OpJGE:
			o.kind = w(kJge64K, kJge64X, kJge32K, kJge32X)
		case asm.OpJLT:
			o.kind = w(kJlt64K, kJlt64X, kJlt32K, kJlt32X)
		case asm.OpJLE:
			o.kind = w(kJle64K, kJle64X, kJle32K, kJle32X)
		case asm.OpJSGT:
			o.kind = w(kJsgt64K, kJsgt64X, kJsgt32K, kJsgt32X)
		case asm.OpJSGE:
			o.kind = w(kJsge64K, kJsge64X, kJsge32K, kJsge32X)
		case asm.OpJSLT:
			o.kind = w(kJslt64K, kJslt64X, kJslt32K, kJslt32X)
		case asm.OpJSLE:
			o.kind = w(kJsle64K, kJsle64X, kJsle32K, kJsle32X)
		case asm.OpJSET:
			o.kind = w(kJset64K, kJset64X, kJset32K, kJset32X)
		case asm.OpJCond:
			o.kind = kMayGoto
		case asm.OpExit:
			o.kind = kExit
		case asm.OpCall:
			switch {
			case x:
				r, _ := ins.CallXTarget()
				o.kind, o.dst = kCallX, uint8(r)
			case ins.Src == asm.PseudoCallHelper && ins.Imm == helpers.TailCallID:
				o.kind = kTailCall
			case ins.Src == asm.PseudoCallHelper && ins.Imm == helpers.LoopID:
				o.kind = kLoop
			case ins.Src == asm.PseudoCallHelper && ins.Imm == helpers.ForEachMapElemID:
				o.kind = kForEach
			case ins.Src == asm.PseudoCallHelper && ins.Imm == helpers.MapLookupElemID:
				o.kind = kMapLookup
			case ins.Src == asm.PseudoCallHelper:
				o.kind = kCallHelper
			case ins.Src == asm.PseudoCall:
				o.kind = kCallLocal
			default:
				return o, fmt.Errorf("calls to kernel functions (kfunc btf_id %d) are not supported", ins.Imm)
			}
		}
	case asm.ClassLD:
		if ins.IsLoadImm64() {
			o.kind = kLdImm64
			break
		}
		o.kind, o.x = kLdPacket, uint8(code.Size().Bytes())
		if code.Mode() == asm.ModeABS {
			o.src = 0xff // no index register
		}
	case asm.ClassLDX:
		o.imm = int64(ins.Off)
		sx := code.Mode() == asm.ModeMEMSX
		switch code.Size() {
		case asm.SizeB:
			o.kind = kLdxB
			if sx {
				o.kind = kLdxSB
			}
		case asm.SizeH:
			o.kind = kLdxH
			if sx {
				o.kind = kLdxSH
			}
		case asm.SizeW:
			o.kind = kLdxW
			if sx {
				o.kind = kLdxSW
			}
		default:
			o.kind = kLdxDW
		}
	case asm.ClassST:
		o.imm, o.aux = int64(ins.Off), int64(ins.Imm)
		o.kind = [...]opKind{asm.SizeW: kStW, asm.SizeH: kStH, asm.SizeB: kStB, asm.SizeDW: kStDW}[code.Size()]
	case asm.ClassSTX:
		o.imm = int64(ins.Off)
		if code.Mode() == asm.ModeMEM {
			o.kind = [...]opKind{asm.SizeW: kStxW, asm.SizeH: kStxH, asm.SizeB: kStxB, asm.SizeDW: kStxDW}[code.Size()]
			break
		}
		w64 := code.Size() == asm.SizeDW
		w := func(k32, k64 opKind) opKind {
			if w64 {
				return k64
			}
			return k32
		}
		switch ins.Imm {
		case asm.AtomicAdd:
			o.kind = w(kAtomicAdd32, kAtomicAdd64)
		case asm.AtomicOr:
			o.kind = w(kAtomicOr32, kAtomicOr64)
		case asm.AtomicAnd:
			o.kind = w(kAtomicAnd32, kAtomicAnd64)
		case asm.AtomicXor:
			o.kind = w(kAtomicXor32, kAtomicXor64)
		case asm.AtomicAdd | asm.AtomicFetch:
			o.kind = w(kAtomicFetchAdd32, kAtomicFetchAdd64)
		case asm.AtomicOr | asm.AtomicFetch:
			o.kind = w(kAtomicFetchOr32, kAtomicFetchOr64)
		case asm.AtomicAnd | asm.AtomicFetch:
			o.kind = w(kAtomicFetchAnd32, kAtomicFetchAnd64)
		case asm.AtomicXor | asm.AtomicFetch:
			o.kind = w(kAtomicFetchXor32, kAtomicFetchXor64)
		case asm.AtomicXchg:
			o.kind = w(kXchg32, kXchg64)
		case asm.AtomicCmpXchg:
			o.kind = w(kCmpXchg32, kCmpXchg64)
		}
	}
	if o.kind == kInvalid {
		return o, fmt.Errorf("unknown opcode %02x", uint8(code))
	}
	return o, nil
}

// failingHelper is a helper that fails with err when called.
func failingHelper(err error) helpers.Func {
	return func(helpers.Env, uint64, uint64, uint64, uint64, uint64) (uint64, error) {
		return 0, err
	}
}
