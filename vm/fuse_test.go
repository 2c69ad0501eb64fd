package vm

import (
	"bytes"
	"fmt"
	"math/rand/v2"
	"slices"
	"strings"
	"testing"

	"github.com/callx/callx/asm"
	"github.com/callx/callx/maps"
)

// The superinstructions must not change what a program does. These tests
// run programs made of the patterns they stand for, mixed with the ops
// around them, in bounds and out, twice: as lowered, and with every
// superinstruction undone (Program.plain); the result, the trap (kind,
// instruction, message), the instruction count, the memory and the maps
// must be the same.

// genProgram writes a random program of n snippets in LLVM syntax. r6
// points to the input (with ctx, to the context, and r8 to the packet),
// r7 into the stack, r10 is the frame; every snippet leaves r1-r5
// written, so that the register check passes.
func genProgram(rnd *rand.Rand, n int, ctx bool) string {
	var b strings.Builder
	w := func(format string, args ...any) { fmt.Fprintf(&b, format+"\n", args...) }
	w("r6 = r1")
	w("r7 = r10")
	w("r7 += -64")
	for i, r := range []int{0, 1, 2, 3, 4, 5, 8, 9} {
		w("r%d = %d", r, i*3+1)
	}
	w("*(u64 *)(r10 - 8) = r0")
	w("*(u64 *)(r10 - 16) = r2")
	w("*(u32 *)(r10 - 20) = r1")
	scratch := []int{0, 2, 3, 4, 5, 8, 9} // what snippets may write
	if ctx {
		w("r8 = *(u32 *)(r6 + 0)")
		scratch = []int{0, 2, 3, 4, 5, 9}
	}
	reg := func() int { return scratch[rnd.IntN(len(scratch))] }
	anyReg := func() int { return []int{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}[rnd.IntN(10)] }
	base := func() (string, int) { // a pointer register and an offset, mostly in bounds
		switch rnd.IntN(8) {
		case 0, 1, 2:
			if ctx && rnd.IntN(2) == 0 {
				return "r8", rnd.IntN(34) - 1
			}
			return "r6", rnd.IntN(34) - 1
		case 3, 4:
			return "r7", rnd.IntN(70) - 3
		case 5, 6:
			return "r10", -rnd.IntN(66)
		}
		return "r0", rnd.IntN(12) // after a lookup: a map value, or NULL, or a number
	}
	size := func() (string, int) {
		switch rnd.IntN(4) {
		case 0:
			return "u8", 1
		case 1:
			return "u16", 2
		case 2:
			return "u32", 4
		}
		return "u64", 8
	}
	jcc := func() string {
		return []string{"==", "!=", ">", ">=", "<", "<=", "s>", "s>=", "s<", "s<=", "&"}[rnd.IntN(11)]
	}
	label := func(i int) string { // mostly forward, sometimes back
		if rnd.IntN(5) == 0 {
			return fmt.Sprintf("L%d", rnd.IntN(i+1))
		}
		return fmt.Sprintf("L%d", i+1+rnd.IntN(n-i))
	}
	test := func(i int) { // a conditional jump, often on what the snippet wrote
		if rnd.IntN(3) == 0 {
			return
		}
		wr := "r"
		if rnd.IntN(2) == 0 {
			wr = "w"
		}
		if rnd.IntN(2) == 0 {
			w("if %s%d %s %d goto %s", wr, anyReg(), jcc(), rnd.IntN(300)-20, label(i))
		} else {
			w("if %s%d %s %s%d goto %s", wr, anyReg(), jcc(), wr, anyReg(), label(i))
		}
	}
	alu := []string{"+=", "-=", "|=", "&=", "^=", "<<=", ">>=", "s>>=", "*=", "/=", "%="}
	for i := range n {
		w("L%d:", i)
		switch rnd.IntN(20) {
		case 0, 1: // a load, maybe tested
			bs, off := base()
			sz, _ := size()
			w("r%d = *(%s *)(%s %+d)", reg(), sz, bs, off)
			test(i)
		case 2: // a store
			bs, off := base()
			sz, _ := size()
			if rnd.IntN(2) == 0 {
				w("*(%s *)(%s %+d) = r%d", sz, bs, off, anyReg())
			} else {
				w("*(%s *)(%s %+d) = %d", sz, bs, off, rnd.IntN(1000)-500)
			}
		case 3: // ALU
			wr := "r"
			if rnd.IntN(2) == 0 {
				wr = "w"
			}
			if rnd.IntN(2) == 0 {
				w("%s%d %s %s%d", wr, reg(), alu[rnd.IntN(len(alu))], wr, anyReg())
			} else {
				w("%s%d %s %d", wr, reg(), alu[rnd.IntN(len(alu))], rnd.IntN(70)-5)
			}
			test(i)
		case 4: // the EtherType, a byte at a time (or nearly)
			bs, off := base()
			a, c := reg(), reg()
			bs2, off2, c2, a2 := bs, off+1, c, a
			switch rnd.IntN(10) {
			case 4:
				bs2, _ = base()
			case 0: // the first load overwrites the base
				w("r9 = %s", bs)
				bs, bs2, a = "r9", "r9", 9
			case 1:
				off2 = off + 2
			case 2:
				c2 = reg()
			case 3:
				a2 = reg()
			}
			w("w%d = *(u8 *)(%s %+d)", a, bs, off)
			w("w%d = *(u8 *)(%s %+d)", c, bs2, off2)
			w("w%d <<= 8", c2)
			w("w%d |= w%d", c, a2)
			test(i)
		case 5: // bpf_ntohs of a load
			bs, off := base()
			d, d2 := reg(), reg()
			if rnd.IntN(4) != 0 {
				d2 = d
			}
			w("w%d = *(u16 *)(%s %+d)", d, bs, off)
			w("r%d = be16 r%d", d2, d2)
			test(i)
		case 6: // a sum in memory (or nearly)
			bs, off := base()
			d := reg()
			bs2, off2, d2 := bs, off, d
			switch rnd.IntN(8) {
			case 0:
				bs2, off2 = base()
			case 1:
				off2 = off + 1
			case 2:
				d2 = reg()
			case 3: // the load overwrites the base
				w("r9 = %s", bs)
				bs, bs2, d, d2 = "r9", "r9", 9, 9
			}
			w("r%d = *(u64 *)(%s %+d)", d, bs, off)
			if rnd.IntN(2) == 0 {
				w("r%d += %d", d, rnd.IntN(9)-2)
			} else {
				w("r%d += r%d", d, anyReg())
			}
			if rnd.IntN(4) != 0 {
				w("*(u64 *)(%s %+d) = r%d", bs2, off2, d2)
			}
		case 7: // a byte copied
			bs, off := base()
			bs2, off2 := base()
			d, d2 := reg(), reg()
			if rnd.IntN(4) != 0 {
				d2 = d
			}
			w("w%d = *(u8 *)(%s %+d)", d, bs, off)
			w("*(u8 *)(%s %+d) = w%d", bs2, off2, d2)
		case 8: // a map lookup with the key on the stack, then its value
			w("*(u32 *)(r10 - 4) = w%d", anyReg())
			w("r2 = r10")
			w("r2 += -4")
			w("r1 = map_idx(%d) ll", rnd.IntN(2))
			w("call 1")
			w("r1 = 1")
			w("r2 = 2")
			w("r3 = 3")
			w("r4 = 4")
			w("r5 = 5")
			if rnd.IntN(2) == 0 {
				w("if r0 == 0 goto %s", label(i))
				w("r%d = *(u64 *)(r0 + 0)", reg())
			}
		case 9: // two loads
			bs, off := base()
			bs2, off2 := base()
			sz, _ := size()
			if rnd.IntN(2) == 0 {
				sz = "u32"
			}
			w("r%d = *(%s *)(%s %+d)", reg(), sz, bs, off)
			w("r%d = *(%s *)(%s %+d)", reg(), sz, bs2, off2)
		case 10: // a load and a sum
			bs, off := base()
			d := reg()
			w("r%d = *(u64 *)(%s %+d)", d, bs, off)
			w("r%d += r%d", d, anyReg())
			test(i)
		case 11: // three-address arithmetic, a bounds check
			d, s := reg(), anyReg()
			switch rnd.IntN(4) {
			case 0:
				w("w%d = w%d", d, s)
				w("w%d += %d", d, rnd.IntN(40)-20)
			case 1:
				w("w%d = w%d", d, s)
				w("w%d -= w%d", d, anyReg())
			case 2:
				w("r%d = r%d", d, s)
				w("r%d -= r%d", d, anyReg())
			default:
				w("r%d = r%d", d, s)
				w("r%d += %d", d, rnd.IntN(40))
				w("if r%d > r%d goto %s", d, anyReg(), label(i))
			}
			test(i)
		case 12: // a counter
			d := reg()
			w("r%d += %d", d, rnd.IntN(3)+1)
			w("if r%d == %d goto %s", d, rnd.IntN(40), label(i))
		case 13: // an element of a global
			d := reg()
			if rnd.IntN(2) == 0 {
				w("r%d = map_idx_value(%d) ll", d, rnd.IntN(2))
			} else {
				w("r%d = %d", d, rnd.IntN(100))
			}
			w("r%d += r%d", d, anyReg())
			if rnd.IntN(4) != 0 {
				d2 := d
				if rnd.IntN(4) == 0 {
					d2 = reg()
				}
				w("w%d = *(u8 *)(r%d + %d)", d2, d, rnd.IntN(4))
			}
		case 14: // a return
			if rnd.IntN(2) == 0 {
				w("w0 = %d", rnd.IntN(5))
			} else {
				w("w0 = w%d", anyReg())
			}
			w("exit")
		case 15:
			w("goto %s", label(i))
		default:
			w("r%d = r%d", reg(), anyReg())
			test(i)
		}
	}
	w("L%d:", n)
	w("r0 = r%d", anyReg())
	w("exit")
	return b.String()
}

// twin is a program loaded twice, with maps of its own each time.
func twin(t testing.TB, src string, budget int64, entryArgs int) (fused, plain *Program, err error) {
	insns, err := asm.Assemble([]byte(src), "gen")
	if err != nil {
		t.Fatalf("assemble: %v\n%s", err, src)
	}
	load := func() (*Program, error) {
		arr, err := maps.New(maps.Spec{Name: "arr", Type: maps.Array, KeySize: 4, ValueSize: 16, MaxEntries: 4})
		if err != nil {
			t.Fatal(err)
		}
		hash, err := maps.New(maps.Spec{Name: "hash", Type: maps.Hash, KeySize: 4, ValueSize: 16, MaxEntries: 4})
		if err != nil {
			t.Fatal(err)
		}
		for k := range uint32(3) {
			v := []byte{byte(k), 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15}
			if err := arr.Update(u32key(k), v, 0); err != nil {
				t.Fatal(err)
			}
			if err := hash.Update(u32key(k*7), v, 0); err != nil {
				t.Fatal(err)
			}
		}
		return Load(insns, Options{Maps: []*maps.Map{arr, hash}, Budget: budget, EntryArgs: entryArgs})
	}
	if fused, err = load(); err != nil {
		return nil, nil, err
	}
	if plain, err = load(); err != nil {
		t.Fatalf("loaded once, not twice: %v", err)
	}
	plain.ops = slices.Clone(plain.plain)
	return fused, plain, nil
}

// fakeContext is a context of 6 words over a packet: data, data_end, and
// four numbers; the first three are published words, the others are read
// through LoadField; stores are refused.
type fakeContext struct{ pkt []byte }

func (c *fakeContext) word(i int) uint64 {
	return []uint64{Addr(PacketRegion, 0), Addr(PacketRegion, uint64(len(c.pkt))), 7, 0xfffffff3, 13, 17}[i]
}

func (c *fakeContext) start(m *Machine) {
	m.SetPacket(c.pkt)
	m.ClearContextWords()
	for i := range 3 {
		m.SetContextWord(i, c.word(i))
	}
}

func (c *fakeContext) LoadField(_ *Machine, off uint32, size int) (uint64, error) {
	if size != 4 || off%4 != 0 || off >= 24 {
		return 0, &ContextAccessError{Off: off, Size: size}
	}
	return c.word(int(off / 4)), nil
}

func (c *fakeContext) StoreField(_ *Machine, off uint32, size int, _ uint64) error {
	return &ContextAccessError{Off: off, Size: size, Write: true}
}

// sameRuns runs both programs twice on input (the packet, with ctx) and
// reports the first difference; it returns whether the first run trapped.
func sameRuns(t testing.TB, src string, fused, plain *Program, input []byte, ctx bool) (trapped bool) {
	mf, mp := fused.NewMachine(), plain.NewMachine()
	cf, cp := &fakeContext{bytes.Clone(input)}, &fakeContext{bytes.Clone(input)}
	for run := range 2 {
		run1 := func(m *Machine, c *fakeContext) (uint64, error) {
			if !ctx {
				return m.RunRaw(input)
			}
			c.start(m)
			return m.RunContext(c)
		}
		rf, ef := run1(mf, cf)
		rp, ep := run1(mp, cp)
		trapped = trapped || run == 0 && ef != nil
		msg := func(e error) string {
			if e == nil {
				return "<nil>"
			}
			return e.Error()
		}
		switch {
		case rf != rp || msg(ef) != msg(ep):
			t.Fatalf("run %d: fused %d, %s; plain %d, %s\n%s", run, rf, msg(ef), rp, msg(ep), src)
		case mf.Executed() != mp.Executed():
			t.Fatalf("run %d: fused executed %d, plain %d\n%s", run, mf.Executed(), mp.Executed(), src)
		case !bytes.Equal(mf.data, mp.data) || mf.stack != mp.stack || !bytes.Equal(cf.pkt, cp.pkt):
			t.Fatalf("run %d: memory differs\n%s", run, src)
		}
		for i := range fused.maps {
			if !bytes.Equal(fused.maps[i].Values(), plain.maps[i].Values()) {
				t.Fatalf("run %d on %x: map %d differs: fused %x, plain %x\n%s", run, input, i,
					fused.maps[i].Values(), plain.maps[i].Values(), src)
			}
		}
	}
	return trapped
}

func TestSuperinstructionsChangeNothing(t *testing.T) {
	rnd := rand.New(rand.NewPCG(7, 11))
	fusedOps, loaded, trapped := 0, 0, 0
	kinds := map[opKind]int{}
	for i := range 4000 {
		ctx := i%2 == 1
		src := genProgram(rnd, 4+rnd.IntN(24), ctx)
		budget := int64(20000) // backward jumps make loops
		if rnd.IntN(3) == 0 {
			budget = int64(10 + rnd.IntN(200))
		}
		entry := 2
		if ctx {
			entry = 1
		}
		fused, plain, err := twin(t, src, budget, entry)
		if err != nil {
			t.Fatalf("%v\n%s", err, src)
		}
		loaded++
		for k := range fused.ops {
			if fused.ops[k].kind != fused.plain[k].kind {
				fusedOps++
				kinds[fused.ops[k].kind]++
			}
		}
		input := make([]byte, 8+rnd.IntN(56))
		for i := range input {
			input[i] = byte(rnd.Uint32())
		}
		if sameRuns(t, src, fused, plain, input, ctx) {
			trapped++
		}
	}
	t.Logf("%d programs loaded, %d trapped, %d superinstructions: %v", loaded, trapped, fusedOps, kinds)
	if fusedOps < 4000 {
		t.Errorf("only %d superinstructions in the programs: the generator misses the patterns", fusedOps)
	}
}

// FuzzSuperinstructions is TestSuperinstructionsChangeNothing with the
// fuzzer choosing the program (by its seed), the budget and the input.
func FuzzSuperinstructions(f *testing.F) {
	f.Add(uint64(1), uint64(2), 8, 0, []byte{1, 2, 3})
	f.Fuzz(func(t *testing.T, s1, s2 uint64, n, budget int, input []byte) {
		rnd := rand.New(rand.NewPCG(s1, s2))
		ctx := n < 0
		entry := 2
		if ctx {
			entry = 1
		}
		src := genProgram(rnd, 1+n&31, ctx)
		fused, plain, err := twin(t, src, int64(1+budget&8191), entry)
		if err != nil {
			t.Fatalf("%v\n%s", err, src)
		}
		sameRuns(t, src, fused, plain, input, ctx)
	})
}

// TestJumpCond pins jumpCond to the order of the jump kinds in op.go.
func TestJumpCond(t *testing.T) {
	tests := []struct {
		kind   opKind
		cc, cf uint8
	}{
		{kJeq64K, ccEQ, 0},
		{kJne64X, ccNE, cfX},
		{kJgt64K, ccGT, 0},
		{kJge64X, ccGE, cfX},
		{kJlt64K, ccLT, 0},
		{kJle64K, ccLE, 0},
		{kJsgt64X, ccGT, cfX | cfSigned},
		{kJsge64K, ccGE, cfSigned},
		{kJslt64K, ccLT, cfSigned},
		{kJsle64X, ccLE, cfX | cfSigned},
		{kJset64K, ccSET, 0},
		{kJeq32X, ccEQ, cfX | cf32},
		{kJgt32K, ccGT, cf32},
		{kJsle32K, ccLE, cf32 | cfSigned},
		{kJset32X, ccSET, cfX | cf32},
	}
	for _, tt := range tests {
		cc, cf, ok := jumpCond(&op{kind: tt.kind})
		if !ok || cc != tt.cc || cf != tt.cf {
			t.Errorf("kind %d: got %#x %#x %v, want %#x %#x", tt.kind, cc, cf, ok, tt.cc, tt.cf)
		}
	}
	for _, k := range []opKind{kJa, kMayGoto, kExit, kAdd64K} {
		if _, _, ok := jumpCond(&op{kind: k}); ok {
			t.Errorf("kind %d is not a conditional jump", k)
		}
	}
}

// TestRepeatIsRuns: RepeatContext's runs, which restart where the run
// before exits (nextRun), are those of as many RunContext calls.
func TestRepeatIsRuns(t *testing.T) {
	rnd := rand.New(rand.NewPCG(3, 5))
	for range 500 {
		src := genProgram(rnd, 4+rnd.IntN(20), true)
		budget := int64(20000)
		if rnd.IntN(4) == 0 {
			budget = int64(10 + rnd.IntN(400))
		}
		a, b, err := twin(t, src, budget, 1)
		if err != nil {
			t.Fatalf("%v\n%s", err, src)
		}
		input := make([]byte, 8+rnd.IntN(56))
		for i := range input {
			input[i] = byte(rnd.Uint32())
		}
		n := 1 + rnd.IntN(4)
		ma, mb := a.NewMachine(), b.NewMachine()
		ca, cb := &fakeContext{bytes.Clone(input)}, &fakeContext{bytes.Clone(input)}
		ca.start(ma)
		ra, ea := ma.RepeatContext(ca, n)
		var rb uint64
		var eb error
		for range n {
			cb.start(mb)
			if rb, eb = mb.RunContext(cb); eb != nil {
				break
			}
		}
		if ra != rb || fmt.Sprint(ea) != fmt.Sprint(eb) || ma.Executed() != mb.Executed() ||
			ma.stack != mb.stack || !bytes.Equal(ca.pkt, cb.pkt) ||
			!bytes.Equal(a.maps[0].Values(), b.maps[0].Values()) {
			t.Fatalf("%d runs: repeated %d, %v, %d insns; one by one %d, %v, %d insns\n%s",
				n, ra, ea, ma.Executed(), rb, eb, mb.Executed(), src)
		}
	}
}
