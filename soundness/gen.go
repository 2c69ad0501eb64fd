// This file implements Generate: the generator's model of what each
// register and stack slot holds, the blocks it nests (branches, loops),
// and the choice of what comes next. The snippets themselves are in
// gen_alu.go, gen_memory.go and gen_calls.go.

package soundness

import (
	"fmt"
	"slices"

	"github.com/callx/callx/asm"
	"github.com/callx/callx/loader"
)

// vkind is what the generator knows a register or a stack slot holds.
type vkind uint8

const (
	vUninit         vkind = iota // never written (on some path)
	vScalar                      // a number
	vCtx                         // the context
	vPkt                         // a packet pointer: off from data, rng bytes from data proven in the packet
	vPktEnd                      // data_end
	vMapValue                    // a pointer into map m's value, at off
	vMapValueOrNull              // what map_lookup_elem returned, before the NULL check
	vStack                       // a pointer into this frame's stack, at off (negative)
	vParentStack                 // a pointer to an 8-byte slot of the caller's stack
	vMixed                       // something the generator lost track of: not to be used
)

// val is what the generator knows about one register or stack slot.
type val struct {
	kind vkind
	m    int // vMapValue, vMapValueOrNull: the map
	off  int // vPkt, vMapValue, vStack: the constant offset
	rng  int // vPkt: bytes from data known to be in the packet
}

// merge is what is known of a register after two paths join.
func merge(a, b val) val {
	switch {
	case a == b:
		return a
	case a.kind == vUninit || b.kind == vUninit:
		return val{kind: vUninit}
	case a.kind == vPkt && b.kind == vPkt && a.off == b.off:
		a.rng = min(a.rng, b.rng)
		return a
	case a.kind == vScalar && b.kind == vScalar:
		return a
	}
	return val{kind: vMixed}
}

// Stack geometry: each frame uses its own slots, few enough that a
// program and two levels of calls stay under the kernel's 512 bytes.
const (
	mainSlots = 24 // 192 bytes
	subSlots  = 16 // 128 bytes
)

// frameState is what the generator knows about one function's frame at
// one point.
type frameState struct {
	regs  [11]val
	stack [mainSlots]val // stack[i] is the 8 bytes at fp-8*(i+1)
}

func mergeStates(a, b frameState) frameState {
	var m frameState
	for i := range a.regs {
		m.regs[i] = merge(a.regs[i], b.regs[i])
	}
	for i := range a.stack {
		m.stack[i] = merge(a.stack[i], b.stack[i])
	}
	return m
}

// pendingFunc is a subprogram called (or passed to bpf_loop) before it
// is generated: it is laid out after the main program.
type pendingFunc struct {
	at       label
	args     []val // r1, r2, ... at entry
	frame    int   // call depth: 1 for a function the main program calls
	callback bool  // bpf_loop callback: returns 0 or 1
}

// gen is one generation.
type gen struct {
	s     *Source
	b     builder
	typ   loader.ProgType
	maps  []MapSpec
	st    frameState
	slots int // stack slots this frame may use

	frame      int  // 0 in the main program
	depth      int  // nesting of blocks
	inLoop     bool // in a loop body: only r0-r5 and scalar stack slots may be written
	counter    asm.Register
	canExit    bool // the block may end with an exit (an early return)
	dead       bool // the block ended with an exit: nothing may follow
	funcs      []*pendingFunc
	snippets   int // snippets left for this function
	faults     int // deliberate faults put in
	faultsLeft int // how many more it may put in
	features   map[string]int
}

// faultPct is the chance, in percent, that one decision of the generator
// puts a fault in, while the program's allowance of faults lasts.
const faultPct = 4

// fault decides whether to put a fault in here: never in a program meant
// to be valid (about half of them), with a small chance at each decision
// in the others, up to one or two faults.
func (g *gen) fault() bool {
	if g.faultsLeft > 0 && g.s.Chance(faultPct) {
		g.faultsLeft--
		g.faults++
		return true
	}
	return false
}

func (g *gen) note(feature string) { g.features[feature]++ }

// Generate returns a program of type XDP or Socket drawn from s: a main
// function, and the subprograms and callbacks it calls after it.
func Generate(s *Source) *Program {
	p, _ := generate(s)
	return p
}

// generate is Generate, and the generation's counts of features and faults.
func generate(s *Source) (*Program, *gen) {
	g := &gen{s: s, maps: StandardMaps, features: map[string]int{}}
	g.typ = XDP
	if s.Intn(2) == 1 {
		g.typ = Socket
	}
	g.faultsLeft = s.Weighted(45, 40, 15)
	g.slots = mainSlots
	g.st.regs[1] = val{kind: vCtx}
	g.st.regs[10] = val{kind: vStack}
	if !g.fault() {
		g.b.emit(movReg(asm.R6, asm.R1)) // r6 = r1: the context, kept
		g.st.regs[6] = val{kind: vCtx}
	}
	g.snippets = s.Intn(24) + 1
	g.block(g.snippets)
	g.epilogue()
	for i := 0; i < len(g.funcs); i++ {
		g.function(g.funcs[i])
	}
	insns, err := g.b.program()
	if err != nil {
		panic(fmt.Sprintf("soundness: the generator laid out a bad program: %v", err))
	}
	return &Program{
		Type:  g.typ,
		Insns: insns,
		Maps:  slices.Clone(g.maps),
	}, g
}

// block generates up to n snippets, fewer if one ends the block.
func (g *gen) block(n int) {
	for range n {
		if g.dead {
			return
		}
		g.snippet()
	}
}

// snippet generates one piece of program, chosen among those that make
// sense here.
func (g *gen) snippet() {
	type choice struct {
		weight int
		f      func()
	}
	_, haveCtx := g.regOf(vCtx)
	choices := []choice{
		{30, g.alu},
		{8, g.stack},
		{6, g.helper},
		{10, g.mapLookup},
		{3, g.mapDirect},
		{3, g.mapUpdate},
	}
	if g.depth < 3 {
		choices = append(choices, choice{10, g.branch})
	}
	if !g.inLoop && g.depth < 2 {
		choices = append(choices, choice{5, g.loop})
	}
	if haveCtx {
		choices = append(choices, choice{6, g.ctxRead})
	}
	if g.typ == XDP && haveCtx {
		choices = append(choices, choice{12, g.packet})
		if g.frame == 0 && !g.inLoop {
			choices = append(choices, choice{2, g.xdpAdjust})
		}
	}
	if g.typ == Socket && g.st.regs[6].kind == vCtx {
		choices = append(choices, choice{5, g.legacyLoad})
	}
	if g.typ == Socket && haveCtx {
		choices = append(choices, choice{3, g.skbLoadBytes})
	}
	if _, ok := g.regOf(vPkt); ok {
		choices = append(choices, choice{6, g.packetAccess})
	}
	if _, ok := g.regOf(vMapValue); ok {
		choices = append(choices, choice{8, g.mapAccess})
	}
	if g.frame < 2 && len(g.funcs) < 4 {
		choices = append(choices, choice{3, g.callFunc}, choice{2, g.bpfLoop})
	}
	if g.canExit {
		choices = append(choices, choice{3, g.earlyExit})
	}
	weights := make([]int, len(choices))
	for i, c := range choices {
		weights[i] = c.weight
	}
	choices[g.s.Weighted(weights...)].f()
}

// regOf returns a register holding a value of kind k, chosen at random
// among them.
func (g *gen) regOf(k vkind) (asm.Register, bool) {
	var rs []asm.Register
	for r := asm.R0; r <= asm.R9; r++ {
		if g.st.regs[r].kind == k {
			rs = append(rs, r)
		}
	}
	if len(rs) == 0 {
		return 0, false
	}
	return rs[g.s.Intn(len(rs))], true
}

// writable reports whether a snippet may write r: not r10, not the
// register the context is kept in (r6 in the main program), not a loop
// counter, and in a loop body only r0-r5.
func (g *gen) writable(r asm.Register) bool {
	switch {
	case r == asm.R10:
		return false
	case g.inLoop && r > asm.R5:
		return false
	case r == asm.R6 && g.st.regs[6].kind == vCtx:
		return false
	}
	return true
}

// dst picks a register to write. With persistent it is one of r6-r9,
// which calls keep; ok is false when there is none.
func (g *gen) dst(persistent bool) (asm.Register, bool) {
	lo, hi := asm.R0, asm.R9
	if persistent {
		lo = asm.R6
	}
	var rs []asm.Register
	for r := lo; r <= hi; r++ {
		if g.writable(r) {
			rs = append(rs, r)
		}
	}
	if len(rs) == 0 {
		return 0, false
	}
	return rs[g.s.Intn(len(rs))], true
}

// set records that r now holds v.
func (g *gen) set(r asm.Register, v val) { g.st.regs[r] = v }

// clobber records a helper or function call: r1-r5 are unreadable after it.
func (g *gen) clobber() {
	for r := asm.R1; r <= asm.R5; r++ {
		g.st.regs[r] = val{kind: vUninit}
	}
}

// scalar returns a register holding a scalar, making one (r = imm) if
// there is none.
func (g *gen) scalar() asm.Register {
	if r, ok := g.regOf(vScalar); ok && g.s.Intn(4) != 0 {
		return r
	}
	r, _ := g.dst(false)
	g.b.emit(movImm(r, g.imm()))
	g.set(r, val{kind: vScalar})
	return r
}

// branch generates an if (a triangle: the body runs or not) or an
// if-else (a diamond), on a condition about scalars.
func (g *gen) branch() {
	g.note("branch")
	cond := g.scalar()
	jmp32 := g.s.Chance(25)
	ops := []asm.JumpOp{asm.OpJEQ, asm.OpJNE, asm.OpJGT, asm.OpJGE, asm.OpJLT, asm.OpJLE,
		asm.OpJSGT, asm.OpJSGE, asm.OpJSLT, asm.OpJSLE, asm.OpJSET}
	o := ops[g.s.Intn(len(ops))]
	emitCond := func(l label) {
		if other, ok := g.regOf(vScalar); ok && g.s.Chance(30) {
			g.b.jmpReg(jmp32, o, cond, other, l)
			return
		}
		g.b.jmpImm(jmp32, o, cond, g.imm(), l)
	}
	g.depth++
	defer func() { g.depth-- }()
	before := g.st
	canExit := g.canExit
	if g.s.Chance(50) { // triangle
		end := g.b.newLabel()
		emitCond(end)
		g.canExit = true
		g.block(g.s.Intn(4) + 1)
		after := g.st
		if g.dead {
			after = before
		}
		g.dead, g.canExit = false, canExit
		g.b.bind(end)
		g.st = mergeStates(before, after)
		return
	}
	elseL, end := g.b.newLabel(), g.b.newLabel()
	emitCond(elseL)
	g.canExit = true
	g.block(g.s.Intn(4) + 1)
	thenState, thenDead := g.st, g.dead
	if !thenDead {
		g.b.jump(end)
	}
	g.dead = false
	g.b.bind(elseL)
	g.st = before
	g.canExit = !thenDead // one side must reach the join
	g.block(g.s.Intn(4) + 1)
	elseState, elseDead := g.st, g.dead
	g.dead, g.canExit = false, canExit
	g.b.bind(end)
	switch {
	case thenDead:
		g.st = elseState
	case elseDead:
		g.st = thenState
	default:
		g.st = mergeStates(thenState, elseState)
	}
}

// loop generates a bounded loop: counter = 0; do { body } while (++counter < n).
// The body writes only r0-r5 and scalar stack slots, so that every
// iteration starts from what the generator assumed.
func (g *gen) loop() {
	counter, ok := g.dst(true)
	if !ok {
		g.alu()
		return
	}
	g.note("loop")
	n := g.s.Range(1, 12)
	g.b.emit(movImm(counter, 0))
	g.set(counter, val{kind: vScalar})
	head := g.b.newLabel()
	g.b.bind(head)
	for r := asm.R0; r <= asm.R5; r++ {
		g.st.regs[r] = val{kind: vUninit} // the body does not read what came before
	}
	for i := range g.st.stack {
		if k := g.st.stack[i].kind; k != vScalar && k != vUninit {
			g.st.stack[i] = val{kind: vMixed} // and does not fill pointers it might overwrite
		}
	}
	inLoop, canExit := g.inLoop, g.canExit
	g.inLoop, g.canExit, g.counter = true, false, counter
	g.block(g.s.Intn(4) + 1)
	g.inLoop, g.canExit = inLoop, canExit
	step := int32(1)
	if g.fault() {
		step = 0 // never ends
	}
	g.b.emit(addImm(counter, step))
	switch {
	case g.fault():
		g.b.jmpReg(false, asm.OpJLT, counter, g.unboundedScalar(counter), head) // bound unknown
	case g.s.Chance(30):
		g.b.jmpImm(true, asm.OpJLT, counter, int32(n), head)
	case g.s.Chance(30):
		g.b.jmpImm(false, asm.OpJNE, counter, int32(n), head)
	default:
		g.b.jmpImm(false, asm.OpJLT, counter, int32(n), head)
	}
	g.set(counter, val{kind: vScalar})
}

// unboundedScalar returns a register other than not holding a scalar the
// generator knows nothing about, for faults.
func (g *gen) unboundedScalar(not asm.Register) asm.Register {
	for r := asm.R0; r <= asm.R9; r++ {
		if r != not && g.st.regs[r].kind == vScalar {
			return r
		}
	}
	return asm.R0 // maybe uninitialised: a fault either way
}

// earlyExit returns from the middle of a function: r0 = imm; exit.
func (g *gen) earlyExit() {
	g.note("early exit")
	g.b.emit(movImm(asm.R0, g.retval()), exit())
	g.dead = true
}

// retval is a return value for the function being generated.
func (g *gen) retval() int32 {
	if g.frame > 0 {
		return int32(g.s.Intn(2)) // callbacks want 0 or 1; functions take anything
	}
	if g.typ == XDP {
		return []int32{2, 1, 0, 3, 4}[g.s.Intn(5)] // XDP_PASS, DROP, ABORTED, TX, REDIRECT
	}
	return []int32{-1, 0, 64}[g.s.Intn(3)]
}

// epilogue ends the main program: r0 set (or, as a fault, not) and exit.
func (g *gen) epilogue() {
	switch {
	case g.st.regs[0].kind == vScalar && g.s.Chance(30):
	case g.fault():
		if g.s.Chance(50) {
			g.b.emit(movReg(asm.R0, asm.R10)) // a pointer as the verdict
		}
	default:
		g.b.emit(movImm(asm.R0, g.retval()))
	}
	g.b.emit(exit())
}

// imm returns an immediate, small mostly, with the values that sit on the
// edges of ranges among them.
func (g *gen) imm() int32 {
	switch g.s.Intn(6) {
	case 0, 1:
		return int32(g.s.Intn(16))
	case 2:
		return []int32{-1, 0, 0x7fffffff, -0x80000000, 0xff, 0xffff, 0x100, 0x10000, 32, 63, 64}[g.s.Intn(11)]
	case 3:
		return int32(g.s.Range(-64, 64))
	case 4:
		return int32(1) << g.s.Intn(31)
	}
	return int32(g.s.Uint64())
}
