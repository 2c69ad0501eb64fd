package loader

// This file implements the table tests of the loader on the committed
// test objects: programs, section types, each relocation kind, function
// pointers, slots, maps, global data, functions, linking and line info.

import (
	"debug/elf"
	"encoding/binary"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/callx/callx/asm"
	"github.com/cilium/ebpf/btf"
)

// objects returns the committed test objects: good ones, and err_ ones
// that must fail.
func objects(t testing.TB) (good, bad []string) {
	t.Helper()
	files, err := filepath.Glob("testdata/*.bpf.o")
	if err != nil || len(files) == 0 {
		t.Fatalf("no test objects (run make generated): %v", err)
	}
	for _, f := range files {
		if strings.HasPrefix(filepath.Base(f), "err_") {
			bad = append(bad, f)
		} else {
			good = append(good, f)
		}
	}
	return good, bad
}

func open(t testing.TB, name string) *Object {
	t.Helper()
	obj, err := Open(filepath.Join("testdata", name+".bpf.o"))
	if err != nil {
		t.Fatal(err)
	}
	return obj
}

func funcIndex(t testing.TB, obj *Object, name string) int {
	t.Helper()
	i := obj.FuncIndex(name)
	if i < 0 {
		t.Fatalf("%s: no function %q", obj.Name, name)
	}
	return i
}

func mapByName(t testing.TB, obj *Object, name string) *Map {
	t.Helper()
	i := obj.MapIndex(name)
	if i < 0 {
		t.Fatalf("%s: no map %q", obj.Name, name)
	}
	return obj.Maps[i]
}

func TestGoodObjectsLoad(t *testing.T) {
	good, bad := objects(t)
	for _, f := range good {
		if _, err := Open(f); err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
	for _, f := range bad {
		obj, err := Open(f)
		var e *Error
		if obj != nil || !errors.As(err, &e) || e.Section == "" {
			t.Errorf("%s: want an *Error naming a section, got %v, %v", f, obj, err)
		}
	}
}

// Every err_ object fails for its reason, at its place.
func TestErrorObjects(t *testing.T) {
	for _, tt := range []struct {
		file, section string
		offset        uint64
		msg           string
		is            error
	}{
		{"err_extern", "xdp", 0x8, `R_BPF_64_32 against extern "bpf_kfunc_call_test"`, ErrUnsupported},
		{"err_map_field", ".maps", 0, `map "painted": unknown member "colour"`, nil},
		{"err_map_type", ".maps", 0, `map "strange": unknown map type 99`, nil},
		{"err_prog_array", ".maps", 0x20, `map "progs": .values[1] is "not_a_prog", not a program`, nil},
		{"err_slot_init", ".data", 0, "slot forged is initialised to 0x1234, which is not a function", nil},
		{"err_static_prog", "xdp", 0, `program "hidden_prog" is static`, nil},
	} {
		_, err := Open(filepath.Join("testdata", tt.file+".bpf.o"))
		var e *Error
		if !errors.As(err, &e) {
			t.Errorf("%s: want *Error, got %v", tt.file, err)
			continue
		}
		if e.File != tt.file+".bpf" || e.Section != tt.section || e.Offset != tt.offset || !strings.Contains(e.Msg, tt.msg) {
			t.Errorf("%s: got %q (file %q section %q offset %#x), want section %s+%#x: %s", tt.file, err, e.File, e.Section, e.Offset, tt.section, tt.offset, tt.msg)
		}
		if tt.is != nil && !errors.Is(err, tt.is) {
			t.Errorf("%s: %v is not %v", tt.file, err, tt.is)
		}
	}
}

func TestPrograms(t *testing.T) {
	type prog struct {
		name, section string
		typ           ProgType
		attach        string
		frags         bool
	}
	for _, tt := range []struct {
		file  string
		progs []prog
	}{
		{"seed", []prog{{"trace_kfree_skb", "tp_btf/kfree_skb", ProgTPBTF, "kfree_skb", false}}},
		{"xdp_counter", []prog{{"xdp_count", "xdp", ProgXDP, "", false}, {"xdp_frags_pass", "xdp.frags", ProgXDP, "", true}}},
		{"funcptrs", []prog{{"xdp_dispatch", "xdp", ProgXDP, "", false}, {"xdp_loops", "xdp", ProgXDP, "", false}}},
		{"calls", []prog{{"calls_main", "socket", ProgSocket, "", false}}},
		{"tc_socket", []prog{
			{"tc_drop", "tc", ProgTC, "", false},
			{"tc_pass", "classifier", ProgTC, "", false},
			{"tc_entry", "tcx/ingress", ProgTC, "ingress", false},
			{"sock_count", "socket", ProgSocket, "", false},
			{"on_switch", "raw_tp/sched_switch", ProgRawTP, "sched_switch", false},
			{"on_wakeup", "raw_tracepoint/sched_wakeup", ProgRawTP, "sched_wakeup", false},
			{"on_unlink", "kprobe/do_unlinkat", ProgKprobe, "do_unlinkat", false},
			{"on_openat", "tp/syscalls/sys_enter_openat", ProgTracepoint, "syscalls/sys_enter_openat", false},
			{"on_exit_tp", "tracepoint/sched/sched_process_exit", ProgTracepoint, "sched/sched_process_exit", false},
			{"on_connect", "fentry/tcp_v4_connect", ProgFentry, "tcp_v4_connect", false},
			{"on_connect_ret", "fexit/tcp_v4_connect", ProgFexit, "tcp_v4_connect", false},
			{"on_file_open", "lsm/file_open", ProgLSM, "file_open", false},
			{"new_handler", "freplace/handler", ProgFreplace, "handler", false},
		}},
	} {
		obj := open(t, tt.file)
		var got []prog
		for _, p := range obj.Programs {
			got = append(got, prog{p.Name, p.Section, p.Type, p.AttachTo, p.Frags})
			if p.Funcs[0].Func != obj.FuncIndex(p.Name) || p.Funcs[0].Slot != 0 {
				t.Errorf("%s: %s does not start with its entry: %v", tt.file, p.Name, p.Funcs)
			}
		}
		if !slices.Equal(got, tt.progs) {
			t.Errorf("%s: programs\n got %v\nwant %v", tt.file, got, tt.progs)
		}
	}
}

func TestSectionTypes(t *testing.T) {
	for _, tt := range []struct {
		section string
		typ     ProgType
		attach  string
		kernel  uint32
	}{
		{"xdp", ProgXDP, "", 6},
		{"xdp.frags", ProgXDP, "", 6},
		{"xdp/devmap", ProgXDP, "devmap", 6},
		{"xdp_foo", ProgUnknown, "", 0},
		{"tc", ProgTC, "", 3},
		{"classifier", ProgTC, "", 3},
		{"tcx/ingress", ProgTC, "ingress", 3},
		{"tcx/sideways", ProgUnknown, "sideways", 0},
		{"socket", ProgSocket, "", 1},
		{"raw_tp/x", ProgRawTP, "x", 17},
		{"raw_tp", ProgRawTP, "", 17},
		{"raw_tpx", ProgUnknown, "", 0},
		{"raw_tp.w/x", ProgRawTPWritable, "x", 24},
		{"tp_btf/kfree_skb", ProgTPBTF, "kfree_skb", 26},
		{"fentry/f", ProgFentry, "f", 26},
		{"fentry.s/f", ProgFentry, "f", 26},
		{"fexit/f", ProgFexit, "f", 26},
		{"kprobe/f", ProgKprobe, "f", 2},
		{"kretprobe/f", ProgKprobe, "f", 2},
		{"tp/a/b", ProgTracepoint, "a/b", 5},
		{"tracepoint/a/b", ProgTracepoint, "a/b", 5},
		{"lsm/file_open", ProgLSM, "file_open", 29},
		{"freplace/g", ProgFreplace, "g", 28},
		{"?xdp", ProgXDP, "", 6},
		{"cgroup_skb/egress", ProgCgroupSKB, "egress", 8},
		{"struct_ops/x", ProgStructOps, "x", 27},
	} {
		var typ ProgType
		if d := sectionType(tt.section); d != nil {
			typ = d.typ
		}
		if typ != tt.typ || attachTarget(tt.section) != tt.attach || typ.KernelType() != tt.kernel {
			t.Errorf("%q: got %q %q %d, want %q %q %d", tt.section, typ, attachTarget(tt.section), typ.KernelType(), tt.typ, tt.attach, tt.kernel)
		}
	}
	if d := sectionType("fentry.s/f"); !d.sleepable {
		t.Error("fentry.s is sleepable")
	}
}

// A reference expected at an instruction, given by its section and byte
// offset in the object (as llvm-objdump -dr prints them).
type wantRef struct {
	src  asm.Register // PseudoMapIdx, PseudoMapIdxValue, PseudoFunc or PseudoCall
	name string       // map, data section or function
	off  uint32       // offset in the data section
}

// linkedAt returns program prog's instruction for the object's
// instruction at section+offset, and its slot in the program.
func linkedAt(t *testing.T, obj *Object, prog, section string, offset uint64) (*Program, int) {
	t.Helper()
	p := obj.Program(prog)
	if p == nil {
		t.Fatalf("%s: no program %s", obj.Name, prog)
	}
	slot := int(offset / asm.InstructionSize)
	for _, ref := range p.Funcs {
		fn := obj.Funcs[ref.Func]
		if fn.Section == section && fn.Offset <= slot && slot < fn.Offset+fn.Size {
			return p, ref.Slot + slot - fn.Offset
		}
	}
	t.Fatalf("%s: %s+%#x is not in program %s", obj.Name, section, offset, prog)
	return nil, 0
}

// Each kind of relocation clang-19 writes, resolved and linked.
func TestRelocationKinds(t *testing.T) {
	mapRef := func(name string) wantRef { return wantRef{asm.PseudoMapIdx, name, 0} }
	global := func(sec string, off uint32) wantRef { return wantRef{asm.PseudoMapIdxValue, sec, off} }
	funcRef := func(name string) wantRef { return wantRef{asm.PseudoFunc, name, 0} }
	call := func(name string) wantRef { return wantRef{asm.PseudoCall, name, 0} }
	for _, tt := range []struct {
		desc, file, prog, section string
		offset                    uint64
		want                      wantRef
	}{
		{"BTF map by its symbol", "xdp_counter", "xdp_count", ".text", 0x70, mapRef("counters")},
		{"BTF map at offset 0 of .maps", "xdp_counter", "xdp_count", "xdp", 0x178, mapRef("totals")},
		{"legacy map by its symbol (value 0x14)", "tc_socket", "sock_count", "socket", 0x68, mapRef("legacy_hash")},
		{"map of maps", "calls", "calls_main", "socket", 0x28, mapRef("outer")},
		{"prog array", "tc_socket", "tc_entry", "tcx/ingress", 0x10, mapRef("jump_table")},
		{".rodata by section symbol, imm 0", "xdp_counter", "xdp_count", "xdp", 0x40, global(".rodata", 0)},
		{".rodata by section symbol, imm 4", "xdp_counter", "xdp_count", "xdp", 0x1d8, global(".rodata", 4)},
		{".rodata.str1.1 string literal", "xdp_counter", "xdp_count", "xdp", 0x1c0, global(".rodata.str1.1", 0)},
		{".bss by variable symbol", "xdp_counter", "xdp_count", "xdp", 0x60, global(".bss", 0)},
		{".data by variable symbol at value 8", "xdp_counter", "xdp_count", "xdp", 0x138, global(".data", 8)},
		{".data.custom from a global subprogram", "xdp_counter", "xdp_count", ".text", 0, global(".data.custom", 0)},
		{".data by section symbol, imm 0x28", "funcptrs", "xdp_dispatch", "xdp", 0x28, global(".data", 0x28)},
		{".data by variable symbol, field offset in the load", "funcptrs", "xdp_dispatch", "xdp", 0x40, global(".data", 8)},
		{".rodata function table", "funcptrs", "xdp_dispatch", "xdp", 0x88, global(".rodata", 0)},
		{"function-scope static in .bss", "calls", "calls_main", ".text", 0x88, global(".bss", 0)},
		{"&static callback: .text + imm 0x30", "funcptrs", "xdp_loops", "xdp", 0x210, funcRef("loop_step")},
		{"&static callback: .text + imm 0x60", "funcptrs", "xdp_loops", "xdp", 0x248, funcRef("sum_elem")},
		{"&global function by its symbol", "funcptrs", "xdp_dispatch", "xdp", 0x60, funcRef("global_op")},
		{"call static by .text symbol, imm 6", "xdp_counter", "xdp_count", "xdp", 0xe8, call("count")},
		{"call global by its symbol, imm -1", "xdp_counter", "xdp_count", "xdp", 0xa0, call("too_long")},
		{"call global from another section", "xdp_counter", "xdp_frags_pass", "xdp.frags", 0x18, call("too_long")},
		{"call inside .text, no relocation", "calls", "calls_main", ".text", 0, call("leaf")},
		{"call backwards inside .text, no relocation", "calls", "calls_main", ".text", 0x58, call("leaf")},
		{"call global inside .text by its symbol", "calls", "calls_main", ".text", 0x38, call("mid")},
	} {
		obj := open(t, tt.file)
		p, slot := linkedAt(t, obj, tt.prog, tt.section, tt.offset)
		ins := p.Insns[slot]
		var got wantRef
		switch {
		case ins.IsLocalCall():
			got = wantRef{asm.PseudoCall, funcNameAt(obj, p, slot+1+int(ins.Imm)), 0}
		case ins.IsLoadImm64() && ins.Src == asm.PseudoFunc:
			got = wantRef{asm.PseudoFunc, funcNameAt(obj, p, slot+1+int(ins.Imm)), 0}
		case ins.IsLoadImm64() && ins.Src == asm.PseudoMapIdx:
			got = wantRef{asm.PseudoMapIdx, obj.Maps[ins.Imm].Name, uint32(p.Insns[slot+1].Imm)}
		case ins.IsLoadImm64() && ins.Src == asm.PseudoMapIdxValue:
			got = wantRef{asm.PseudoMapIdxValue, obj.Maps[ins.Imm].Section, uint32(p.Insns[slot+1].Imm)}
		default:
			got = wantRef{name: asm.FormatInstruction(p.Insns, slot)}
		}
		if got != tt.want {
			t.Errorf("%s: %s %s %s+%#x: got %+v, want %+v", tt.desc, tt.file, tt.prog, tt.section, tt.offset, got, tt.want)
		}
	}
}

// funcNameAt names the function starting at slot of p, or says there is none.
func funcNameAt(obj *Object, p *Program, slot int) string {
	for _, ref := range p.Funcs {
		if ref.Slot == slot {
			return obj.Funcs[ref.Func].Name
		}
	}
	return "<no function>"
}

// Function pointers in data: by global symbol, by .text + addend, and the
// function at .text+0 whose address is the value 0.
func TestFuncPointers(t *testing.T) {
	obj := open(t, "funcptrs")
	name := func(fps []FuncPointer) map[uint32]string {
		m := make(map[uint32]string)
		for _, fp := range fps {
			m[fp.Offset] = obj.Funcs[fp.Func].Name
		}
		return m
	}
	data, rodata := mapByName(t, obj, ".data"), mapByName(t, obj, ".rodata")
	if got, want := name(data.FuncPointers), map[uint32]string{0: "global_op", 16: "op_b", 40: "first"}; !mapsEqual(got, want) {
		t.Errorf(".data function pointers: got %v, want %v", got, want)
	}
	if got, want := name(rodata.FuncPointers), map[uint32]string{0: "op_a", 8: "op_b", 16: "op_c"}; !mapsEqual(got, want) {
		t.Errorf(".rodata function pointers: got %v, want %v", got, want)
	}
	for _, m := range []*Map{data, rodata} {
		for _, fp := range m.FuncPointers {
			if v := binary.LittleEndian.Uint64(m.Contents[fp.Offset:]); v != 0 {
				t.Errorf("%s+%d: contents %#x, want 0 (the engine writes the handle)", m.Name, fp.Offset, v)
			}
		}
	}
	if first := obj.Funcs[funcIndex(t, obj, "first")]; first.Section != ".text" || first.Offset != 0 {
		t.Errorf("first is at %s+%d, want .text+0", first.Section, first.Offset)
	}
	// handlers[0] = {1, op_b}: the id survives, the pointer is cleared
	if id := binary.LittleEndian.Uint32(data.Contents[8:]); id != 1 {
		t.Errorf("handlers[0].id = %d, want 1", id)
	}
}

func mapsEqual[K comparable, V comparable](a, b map[K]V) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if w, ok := b[k]; !ok || w != v {
			return false
		}
	}
	return true
}

// The seed's example (INDIRECT-CALLS.md): one slot, func, in .bss, of
// prototype void (struct sk_buff *).
func TestSeedSlot(t *testing.T) {
	obj := open(t, "seed")
	if len(obj.Slots) != 1 {
		t.Fatalf("slots: %v", obj.Slots)
	}
	s := obj.Slots[0]
	m := obj.Maps[s.Map]
	if s.Name != "func" || m.Section != ".bss" || m.ReadOnly || s.Offset != 0 || s.Count != 1 || !slices.Equal(s.Init, []int{-1}) {
		t.Errorf("slot %v in %s, init %v", s, m.Section, s.Init)
	}
	if len(s.Proto.Params) != 1 {
		t.Fatalf("proto %v: want one parameter", s.Proto)
	}
	ptr, ok := btf.UnderlyingType(s.Proto.Params[0].Type).(*btf.Pointer)
	if !ok || ptr.Target.TypeName() != "sk_buff" {
		t.Errorf("parameter %v: want struct sk_buff *", s.Proto.Params[0].Type)
	}
	if _, ok := s.Proto.Return.(*btf.Void); !ok {
		t.Errorf("return %v: want void", s.Proto.Return)
	}
	p := obj.Programs[0]
	want := []string{
		"r1 = *(u64 *)(r1 + 0)",
		"r2 = map_idx_value(0) ll",
		"r2 = *(u64 *)(r2 + 0)",
		"if r2 == 0 goto +1",
		"callx r2",
		"w0 = 0",
		"exit",
	}
	if got := strings.Split(strings.TrimSpace(asm.Disassemble(p.Insns)), "\n"); !slices.Equal(got, want) {
		t.Errorf("seed program:\n%s", asm.Disassemble(p.Insns))
	}
}

// The slots of funcptrs.bpf.c: open world in .data and .bss, closed world
// in .rodata.
func TestSlots(t *testing.T) {
	obj := open(t, "funcptrs")
	f := func(name string) int { return funcIndex(t, obj, name) }
	type slot struct {
		name    string
		section string
		offset  uint32
		count   uint32
		init    string
		params  int
	}
	initString := func(init []int) string {
		var s []string
		for _, i := range init {
			if i < 0 {
				s = append(s, "NULL")
			} else {
				s = append(s, obj.Funcs[i].Name)
			}
		}
		return strings.Join(s, ",")
	}
	var got []slot
	for _, s := range obj.Slots {
		got = append(got, slot{s.Name, obj.Maps[s.Map].Section, s.Offset, s.Count, initString(s.Init), len(s.Proto.Params)})
	}
	want := []slot{
		{"current", ".data", 0, 1, "global_op", 1},
		{"handlers[0].fn", ".data", 16, 1, "op_b", 1},
		{"handlers[1].fn", ".data", 32, 1, "NULL", 1},
		{"zero_fn", ".data", 40, 1, "first", 1},
		{"table", ".rodata", 0, 3, "op_a,op_b,op_c", 1},
		{"debugpoint1", ".bss", 0, 1, "NULL", 2},
		{"debugpoint2", ".bss", 8, 1, "NULL", 1},
	}
	if !slices.Equal(got, want) {
		t.Errorf("slots\n got %v\nwant %v", got, want)
	}
	table := obj.Slots[slices.IndexFunc(obj.Slots, func(s *Slot) bool { return s.Name == "table" })]
	if !slices.Equal(table.Init, []int{f("op_a"), f("op_b"), f("op_c")}) || !obj.Maps[table.Map].ReadOnly {
		t.Errorf("table: %v init %v", table, table.Init)
	}
	// the functions in the data the program loads are linked into it: the
	// closed-world table's, and the first fills of the open-world slots in
	// writable .data (first, at .text+0, is only there)
	p := obj.Program("xdp_dispatch")
	var linked []string
	for _, ref := range p.Funcs {
		linked = append(linked, obj.Funcs[ref.Func].Name)
	}
	if want := []string{"xdp_dispatch", "global_op", "op_b", "first", "op_a", "op_c"}; !slices.Equal(linked, want) {
		t.Errorf("xdp_dispatch links %v, want %v", linked, want)
	}
	dp := obj.Slots[5].Proto
	if ptr, ok := btf.UnderlyingType(dp.Params[0].Type).(*btf.Pointer); !ok || ptr.Target.TypeName() != "xdp_md" {
		t.Errorf("debugpoint1's first parameter is %v, want struct xdp_md *", dp.Params[0].Type)
	}
}

func TestProgArrayInit(t *testing.T) {
	obj := open(t, "tc_socket")
	m := mapByName(t, obj, "jump_table")
	if m.Type != 3 || m.KeySize != 4 || m.ValueSize != 4 || m.MaxEntries != 4 || m.Section != ".maps" {
		t.Errorf("jump_table: %v", m)
	}
	if want := map[uint32]string{0: "tc_drop", 2: "tc_pass"}; !mapsEqual(m.InitProgs, want) {
		t.Errorf("jump_table init: %v, want %v", m.InitProgs, want)
	}
}

func TestMapOfMapsInit(t *testing.T) {
	obj := open(t, "calls")
	m := mapByName(t, obj, "outer")
	if m.Type != mapArrayOfMaps || m.KeySize != 4 || m.ValueSize != 4 || m.MaxEntries != 4 {
		t.Errorf("outer: %v", m)
	}
	if in := m.Inner; in == nil || in.Type != mapArray || in.KeySize != 4 || in.ValueSize != 4 || in.MaxEntries != 1 {
		t.Errorf("outer's inner map: %v", m.Inner)
	}
	if want := map[uint32]string{0: "inner_a", 3: "inner_b"}; !mapsEqual(m.InitMaps, want) {
		t.Errorf("outer init: %v, want %v", m.InitMaps, want)
	}
	if rb := mapByName(t, obj, "events"); rb.Type != 27 || rb.MaxEntries != 4096 || rb.KeySize != 0 || rb.ValueSize != 0 {
		t.Errorf("events: %v", rb)
	}
}

func TestLegacyMaps(t *testing.T) {
	obj := open(t, "tc_socket")
	for _, want := range []Map{
		{Name: "legacy_counts", Type: 2, KeySize: 4, ValueSize: 8, MaxEntries: 2, Flags: 0},
		{Name: "legacy_hash", Type: 1, KeySize: 4, ValueSize: 4, MaxEntries: 64, Flags: 1},
	} {
		m := mapByName(t, obj, want.Name)
		if m.Type != want.Type || m.KeySize != want.KeySize || m.ValueSize != want.ValueSize ||
			m.MaxEntries != want.MaxEntries || m.Flags != want.Flags || m.Section != "maps" || m.Contents != nil {
			t.Errorf("%v, want %v", m, &want)
		}
	}
}

func TestBTFMaps(t *testing.T) {
	obj := open(t, "xdp_counter")
	c := mapByName(t, obj, "counters")
	if c.Type != 1 || c.KeySize != 2 || c.ValueSize != 16 || c.MaxEntries != 256 {
		t.Errorf("counters: %v", c)
	}
	if c.KeyBTF.TypeName() != "__u16" || c.ValueBTF.TypeName() != "counter" {
		t.Errorf("counters: key %v value %v", c.KeyBTF, c.ValueBTF)
	}
	if tot := mapByName(t, obj, "totals"); tot.Flags != 1<<10 || tot.Type != 2 {
		t.Errorf("totals: %v flags %#x", tot, tot.Flags)
	}
}

func TestGlobalData(t *testing.T) {
	obj := open(t, "xdp_counter")
	var names []string
	for _, m := range obj.Maps {
		names = append(names, m.Name)
	}
	if want := []string{".data", ".data.custom", ".rodata", ".bss", "totals", "counters", ".rodata.str1.1"}; !slices.Equal(names, want) {
		t.Errorf("maps in file order: %v, want %v", names, want)
	}
	for _, tt := range []struct {
		name     string
		size     uint32
		readOnly bool
		check    func(*Map) bool
	}{
		{".data", 72, false, func(m *Map) bool {
			return binary.LittleEndian.Uint64(m.Contents) == 7 && binary.LittleEndian.Uint64(m.Contents[8:]) == 1 &&
				binary.LittleEndian.Uint64(m.Contents[24:]) == 3
		}},
		{".data.custom", 4, false, func(m *Map) bool { return binary.LittleEndian.Uint32(m.Contents) == 1500 }},
		{".rodata", 8, true, func(m *Map) bool {
			return binary.LittleEndian.Uint32(m.Contents) == 14 && string(m.Contents[4:]) == "xdp\x00"
		}},
		{".bss", 4, false, func(m *Map) bool { return binary.LittleEndian.Uint32(m.Contents) == 0 }},
		{".rodata.str1.1", 20, true, func(m *Map) bool { return string(m.Contents) == "long %s packet: %d\n\x00" }},
	} {
		m := mapByName(t, obj, tt.name)
		wantFlags := uint32(flagMmapable)
		if tt.readOnly {
			wantFlags |= flagRdonlyProg
		}
		if m.Type != 2 || m.KeySize != 4 || m.ValueSize != tt.size || m.MaxEntries != 1 || m.ReadOnly != tt.readOnly ||
			m.Flags != wantFlags || len(m.Contents) != int(tt.size) || !tt.check(m) {
			t.Errorf("%v: readonly %v flags %#x contents % x", m, m.ReadOnly, m.Flags, m.Contents)
		}
	}
	// the DATASEC is fixed up from the symbol table: sizes and offsets
	ds, ok := mapByName(t, obj, ".data").ValueBTF.(*btf.Datasec)
	if !ok || ds.Size != 72 || len(ds.Vars) != 2 {
		t.Fatalf(".data BTF: %v", ds)
	}
	for _, v := range ds.Vars {
		want := map[string][2]uint32{"seen": {0, 8}, "big_table": {8, 64}}[v.Type.TypeName()]
		if v.Offset != want[0] || v.Size != want[1] {
			t.Errorf(".data var %s at %d size %d, want %v", v.Type.TypeName(), v.Offset, v.Size, want)
		}
	}
	if _, ok := mapByName(t, obj, ".rodata.str1.1").ValueBTF.(*btf.Datasec); ok {
		t.Error(".rodata.str1.1 has no variables, hence no DATASEC")
	}
}

// A pointer to data in data is left as the compiler wrote it (libbpf
// ignores relocations in data): it is neither a function pointer nor a slot.
func TestDataPointerInData(t *testing.T) {
	obj := open(t, "calls")
	m := mapByName(t, obj, ".data")
	if len(m.FuncPointers) != 0 || len(obj.Slots) != 0 || len(m.Contents) != 8 || binary.LittleEndian.Uint64(m.Contents) != 0 {
		t.Errorf(".data: %v function pointers %v slots %v contents % x", m, m.FuncPointers, obj.Slots, m.Contents)
	}
	if s := mapByName(t, obj, ".rodata.str1.1"); string(s.Contents) != "hello\x00" {
		t.Errorf(".rodata.str1.1: %q", s.Contents)
	}
}

func TestFuncs(t *testing.T) {
	obj := open(t, "calls")
	for _, tt := range []struct {
		name   string
		global bool
	}{{"mid", true}, {"top", true}, {"leaf", false}, {"counted", false}, {"hidden_fn", false}, {"calls_main", true}} {
		fn := obj.Funcs[funcIndex(t, obj, tt.name)]
		if fn.Global != tt.global {
			t.Errorf("%s: global %v, want %v", tt.name, fn.Global, tt.global)
		}
		if fn.BTF == nil || fn.BTF.Name != tt.name || (fn.BTF.Linkage == btf.GlobalFunc) != tt.global {
			t.Errorf("%s: BTF %v", tt.name, fn.BTF)
		}
	}
	// every function's BTF FUNC is at its start in each program
	for _, p := range obj.Programs {
		if len(p.FuncInfo) != len(p.Funcs) {
			t.Fatalf("%s: %d func_info for %d functions", p.Name, len(p.FuncInfo), len(p.Funcs))
		}
		for i, ref := range p.Funcs {
			if fi := p.FuncInfo[i]; fi.Slot != ref.Slot || fi.Func != obj.Funcs[ref.Func].BTF {
				t.Errorf("%s: func_info %d at %d (%v), function at %d", p.Name, i, fi.Slot, fi.Func, ref.Slot)
			}
		}
	}
}

// LinkFunc links any function as a program of its own: what open-world
// callees are verified as.
func TestLinkFunc(t *testing.T) {
	obj := open(t, "calls")
	p := obj.LinkFunc(funcIndex(t, obj, "top"))
	var names []string
	for _, ref := range p.Funcs {
		names = append(names, obj.Funcs[ref.Func].Name)
	}
	if p.Name != "top" || p.Type != ProgUnknown || !slices.Equal(names, []string{"top", "mid", "leaf"}) || len(p.Insns) != 8+3+3 {
		t.Errorf("LinkFunc(top): %v %q %v", p, p.Type, names)
	}
	if obj.LinkFunc(-1) != nil || obj.LinkFunc(len(obj.Funcs)) != nil {
		t.Error("LinkFunc out of range")
	}
	// a program's entry links to the same program
	main := obj.LinkFunc(funcIndex(t, obj, "calls_main"))
	if main.Type != ProgSocket || !slices.Equal(main.Insns, obj.Programs[0].Insns) {
		t.Errorf("LinkFunc(calls_main) differs from the program")
	}
}

// Every line_info record's source text is the line it names in the C file.
func TestLineInfo(t *testing.T) {
	good, _ := objects(t)
	for _, f := range good {
		obj, err := Open(f)
		if err != nil {
			t.Fatal(err)
		}
		src, err := os.ReadFile(strings.TrimSuffix(f, ".o") + ".c")
		if err != nil {
			t.Fatal(err)
		}
		lines := strings.Split(string(src), "\n")
		for _, p := range obj.Programs {
			if len(p.LineInfo) == 0 {
				t.Errorf("%s: %s has no line info", f, p.Name)
			}
			for i, li := range p.LineInfo {
				if !strings.HasSuffix(li.File, filepath.Base(strings.TrimSuffix(f, ".o")+".c")) || li.Line == 0 || int(li.Line) > len(lines) {
					t.Errorf("%s: %s: line info %+v", f, p.Name, li)
					continue
				}
				if li.Source != lines[li.Line-1] {
					t.Errorf("%s: %s: line %d is %q, line info says %q", f, p.Name, li.Line, lines[li.Line-1], li.Source)
				}
				if i > 0 && li.Slot < p.LineInfo[i-1].Slot || li.Slot >= len(p.Insns) {
					t.Errorf("%s: %s: line info at slot %d out of order", f, p.Name, li.Slot)
				}
			}
		}
	}
}

// Without BTF an object still loads, without slots and func_info; with
// BTF-defined maps it cannot.
func TestWithoutBTF(t *testing.T) {
	strip := func(name string) []byte {
		b, err := os.ReadFile(filepath.Join("testdata", name+".bpf.o"))
		if err != nil {
			t.Fatal(err)
		}
		f, err := elf.NewFile(bytesReader(b))
		if err != nil {
			t.Fatal(err)
		}
		for _, s := range f.Sections {
			if s.Name == ".BTF" || s.Name == ".BTF.ext" {
				renameSection(t, b, f, s.Name, ".XTF"+s.Name[4:])
			}
		}
		return b
	}
	obj, err := Load(bytesReader(strip("seed")), "seed")
	if err != nil {
		t.Fatal(err)
	}
	if obj.BTF != nil || len(obj.Slots) != 0 || obj.Programs[0].FuncInfo != nil || obj.Funcs[0].BTF != nil || len(obj.Programs[0].Insns) != 8 {
		t.Errorf("seed without BTF: %v %v %v", obj.BTF, obj.Slots, obj.Programs[0].FuncInfo)
	}
	_, err = Load(bytesReader(strip("xdp_counter")), "xdp_counter")
	var e *Error
	if !errors.Is(err, ErrMissingBTF) || !errors.As(err, &e) || e.Section != ".maps" {
		t.Errorf("xdp_counter without BTF: %v", err)
	}
}

// TestCORE checks that CO-RE relocations are applied: against the
// running kernel's BTF when it can be read (the values then match it:
// TestDifferential/core in kernel/ runs the program in both), else
// against the object's own types, which leaves what clang compiled.
func TestCORE(t *testing.T) {
	obj, err := Open("../testdata/progs/core.bpf.o")
	if err != nil {
		t.Fatal(err)
	}
	if obj.CORE.Relocations != 3 {
		t.Errorf("%d relocations, want 3", obj.CORE.Relocations)
	}
	want := "local"
	if _, err := os.Stat("/sys/kernel/btf/vmlinux"); err == nil {
		want = "vmlinux"
	}
	if obj.CORE.Target != want {
		t.Errorf("target %q, want %q", obj.CORE.Target, want)
	}
	// The field-exists answer for a field the kernel lacks: 0 against
	// the kernel, 1 (as compiled) against the object's own types.
	var exists []int64
	for _, ins := range obj.Programs[0].Insns {
		if ins.Op == asm.OpCode(asm.ClassALU64)|asm.OpCode(asm.OpMov) && ins.Dst == asm.R1 {
			exists = append(exists, int64(ins.Imm))
		}
	}
	if len(exists) != 3 {
		t.Fatalf("%d constant moves into r1, want 3: %v", len(exists), exists)
	}
	if got, wantExists := exists[2], map[string]int64{"vmlinux": 0, "local": 1}[want]; got != wantExists {
		t.Errorf("callx_no_such_field exists = %d, want %d", got, wantExists)
	}
}
