package asm

// This file implements Assemble, an assembler for the BPF assembly syntax of
// LLVM: what llvm-mc reads, what clang -S and llvm-objdump -d write, and what
// the kernel's selftests and verifier log use.
//
// The syntax is C-like, an instruction per line:
//
//	r1 = 5                              w1 = r2 is an error: widths match
//	w0 += w1                            r1 s/= r2, r1 s%= r2, r1 s>>= 3
//	r1 = -r1                            r1 = be16 r1, r1 = bswap64 r1
//	r1 = (s8)r2                         w1 = (s16)w2
//	r1 = 0x1122334455667788 ll          ld_imm64, two slots
//	r0 = *(u8 *)(r1 + 2)                r0 = *(s16 *)(r1 + 2), w0 = *(u32 *)(r1 + 0)
//	*(u64 *)(r10 - 8) = r1              *(u32 *)(r1 + 4) = 7
//	lock *(u64 *)(r1 + 0) += r2         also &= |= ^=; u32 with r or w
//	r0 = atomic_fetch_add((u64 *)(r1 + 0), r0)   also and, or, xor
//	r0 = xchg_64(r1 + 0, r0)            w0 = xchg32_32(r1 + 0, w0)
//	r0 = cmpxchg_64(r1 + 0, r0, r2)     w0 = cmpxchg32_32(r1 + 0, w0, w2)
//	if r2 s> r3 goto LBB0_4             if w1 == 5 goto +3
//	goto -1      gotol LABEL            may_goto +2
//	call 1       call my_func           callx r2
//	r2 = my_func ll                     the address of a function
//	exit
//
// Jump targets are labels or relative offsets (+N, -N, N, and pc+N as the
// kernel writes them): the target of the instruction at slot i with offset N
// is slot i+N+1; llvm-objdump's <symbol+offset> after an offset is skipped.
//
// As in llvm-mc, ; separates statements (`r1 = 0; exit`: the kernel
// selftests' inline assembly reaches the assembler so), but a line that
// starts with ; is a comment (llvm-objdump -S prints source lines so).
// Comments start with # or // and run to the end of the line; /* */
// comments may span lines.
//
// Integers are decimal, hexadecimal (0x), binary (0b) or, as in llvm-mc,
// octal with a leading 0. An integer that does not fit its field is an
// error, never truncated (llvm-mc truncates silently): a 32-bit field takes
// [-2^31, 2^31-1], or [-2^31, 2^32-1] where it is used as 32 bits (w
// registers, jump32, stores of 4 bytes or fewer, pseudo operands); ld_imm64
// takes [-2^63, 2^64-1]; offsets take [-32768, 32767].
//
// Extensions for encodings LLVM cannot write (Disassemble prints them, so
// that every valid program reads back to the same bytes):
//
//	call pc+5                     local call by offset (src 1), as the kernel log writes it
//	call kfunc(1234)              kernel function by BTF id (src 2); kfunc(1234, 2)
//	                              also sets off, the module's fd_array index
//	callx 2                       the LLVM ≤ 18 callx encoding, register in imm
//	r0 = *(u16 *)skb[r1 + 4]      legacy packet load with an offset (LLVM: skb[r1])
//	r1 = map_fd(3) ll             ld_imm64 src 1: BPF_PSEUDO_MAP_FD, imm = fd
//	r1 = map_value(3, 16) ll      src 2: BPF_PSEUDO_MAP_VALUE, fd, offset in the value
//	r1 = btf_id(1234) ll          src 3: BPF_PSEUDO_BTF_ID, BTF id (, module BTF fd)
//	r1 = func(pc+5) ll            src 4: BPF_PSEUDO_FUNC, the function at slot i+5+1
//	r1 = map_idx(0) ll            src 5: BPF_PSEUDO_MAP_IDX, index into fd_array
//	r1 = map_idx_value(0, 16) ll  src 6: BPF_PSEUDO_MAP_IDX_VALUE, index, offset
//
// A pseudo ld_imm64 is NAME(lo) or NAME(lo, hi): lo and hi are the imm
// fields of its two slots, hi written only when it is not 0; the trailing ll
// is optional. `r2 = my_func ll` with my_func a code label is func(pc+N).
//
// Labels are `name:` at the start of a line. `call name` is a local call
// (src 1) and `r1 = name ll` a function address (src 4); both take any code
// label, jumps only labels in their own section. Directives are skipped where
// they are harmless (.globl, .type, .size, .p2align up to 8 bytes, .file,
// .loc, .cfi_*, ...); .text, .data, .bss and .section switch sections.
// Executable sections (.text, .text.*, flags with "x", or no flags and
// instructions) are laid out one after another in the order they first
// appear, .text first, as llvm-mc lays out an object, and make up the
// program; other sections (data, BTF, debug info) are skipped, and their
// labels cannot be referenced.
//
// A line may also be a kernel verifier log or bpftool line, `3: (bf) r2 = r1`:
// the index is ignored, the opcode in parentheses must match the
// instruction, `(18) r1 = 0x5` is an ld_imm64 without ll, jump immediates may
// be written as unsigned 32-bit hex, `call name#6` calls helper 6, and ;
// starts a comment (the register states).

import (
	"fmt"
	"strconv"
	"strings"
)

// Assemble translates LLVM-syntax BPF assembly into a program. Errors are
// *SyntaxError with the file name given and the 1-based line. A program that
// Assemble returns passes Validate.
func Assemble(src []byte, file string) (Program, error) {
	a := &assembler{
		sectionIndex: map[string]int{},
		labels:       map[string]labelDef{},
	}
	a.switchSection(".text", true, false)
	lines := strings.Split(string(src), "\n")
	for i, text := range lines {
		if err := a.assembleLine(text, i+1); err != nil {
			return nil, &SyntaxError{File: file, Line: i + 1, Msg: err.Error()}
		}
	}
	p, line, err := a.link()
	if err != nil {
		return nil, &SyntaxError{File: file, Line: line, Msg: err.Error()}
	}
	return p, nil
}

// assembler holds the state of one Assemble call.
type assembler struct {
	sections     []*section
	sectionIndex map[string]int // by name
	current      int            // index of the section being written
	labels       map[string]labelDef
	lexer        lexer
}

// section is the instructions of one ELF section, before layout. A section
// is code when it is declared executable or, declared without flags, when it
// holds an instruction; data when declared otherwise.
type section struct {
	name   string
	code   bool // executable: its instructions make up the program
	data   bool // declared not executable
	insns  []Instruction
	lines  []int   // source line of each slot
	fixups []fixup // label references to resolve at link time
}

// labelDef is where a label points: a slot of a section.
type labelDef struct {
	section int
	slot    int
	line    int
}

// refKind says which field a label reference fills, and how.
type refKind uint8

const (
	refNone     refKind = iota
	refJump             // off = target - pc - 1
	refJumpLong         // imm = target - pc - 1 (gotol)
	refCall             // imm = target - pc - 1 (call, src 1)
	refFunc             // imm = target - pc - 1 (ld_imm64, src 4)
)

// fixup is a label reference in the instruction at slot of its section.
type fixup struct {
	slot  int
	label string
	kind  refKind
	line  int
}

// statement is one parsed instruction: one slot, or two for ld_imm64.
type statement struct {
	ins   Instruction
	hi    Instruction // the second slot, when wide
	wide  bool
	label string // the label operand, resolved by link
	kind  refKind
}

// switchSection makes the named section current, creating it on first use;
// code and data say what it was declared as, if anything.
func (a *assembler) switchSection(name string, code, data bool) {
	if i, ok := a.sectionIndex[name]; ok {
		a.current = i
		return
	}
	a.sectionIndex[name] = len(a.sections)
	a.current = len(a.sections)
	a.sections = append(a.sections, &section{name: name, code: code, data: data})
}

// assembleLine parses one source line into the current section.
func (a *assembler) assembleLine(text string, line int) error {
	text = strings.TrimSuffix(text, "\r")
	rest, kernelOp, kernel := cutKernelLogPrefix(text)
	toks, err := a.lexer.lex(rest, kernel)
	if err != nil {
		return err
	}
	if kernel {
		return a.kernelLogLine(&cursor{toks: toks, kernel: true}, kernelOp, line)
	}
	for len(toks) > 0 {
		end := 0
		for end < len(toks) && !toks[end].is(tokPunct, ";") {
			end++
		}
		if err := a.statement(&cursor{toks: toks[:end]}, line); err != nil {
			return err
		}
		toks = toks[min(end+1, len(toks)):]
	}
	return nil
}

// statement assembles one statement: labels, then a directive or an
// instruction, or nothing.
func (a *assembler) statement(c *cursor, line int) error {
	for c.peek().kind == tokIdent && c.peekAt(1).is(tokPunct, ":") {
		name := c.next().text
		c.next()
		if prev, ok := a.labels[name]; ok {
			return fmt.Errorf("label %q redefined (first defined at line %d)", name, prev.line)
		}
		a.labels[name] = labelDef{section: a.current, slot: len(a.sections[a.current].insns), line: line}
	}
	if c.done() {
		return nil
	}
	if t := c.peek(); t.kind == tokNumber && c.peekAt(1).is(tokPunct, ":") {
		return fmt.Errorf("numeric label %s: is not supported", t.text)
	}
	if t := c.peek(); t.kind == tokIdent && strings.HasPrefix(t.text, ".") {
		return a.directive(c)
	}
	st, err := parseInstruction(c, false)
	if err != nil {
		return err
	}
	if !c.done() {
		return fmt.Errorf("unexpected %s after the instruction", c.peek())
	}
	return a.emit(st, line)
}

// kernelLogLine assembles the instruction of a kernel log line, whose
// opcode the line gives too.
func (a *assembler) kernelLogLine(c *cursor, op OpCode, line int) error {
	if c.done() {
		return fmt.Errorf("no instruction after (%02x)", uint8(op))
	}
	st, err := parseInstruction(c, op == OpLoadImm64)
	if err != nil {
		return err
	}
	if !c.done() {
		return fmt.Errorf("unexpected %s after the instruction", c.peek())
	}
	if st.ins.Op != op {
		return fmt.Errorf("opcode (%02x) does not match the instruction, which encodes as (%02x)",
			uint8(op), uint8(st.ins.Op))
	}
	return a.emit(st, line)
}

// emit appends an instruction to the current section.
func (a *assembler) emit(st statement, line int) error {
	sec := a.sections[a.current]
	if sec.data {
		return fmt.Errorf("instruction in section %s, which is not executable", sec.name)
	}
	sec.code = true
	if st.kind != refNone {
		sec.fixups = append(sec.fixups, fixup{slot: len(sec.insns), label: st.label, kind: st.kind, line: line})
	}
	sec.insns = append(sec.insns, st.ins)
	sec.lines = append(sec.lines, line)
	if st.wide {
		sec.insns = append(sec.insns, st.hi)
		sec.lines = append(sec.lines, line)
	}
	return nil
}

// cutKernelLogPrefix strips the `12: (bf) ` that starts an instruction in the
// kernel verifier log and in bpftool's dumps, returning the opcode it names.
func cutKernelLogPrefix(text string) (rest string, op OpCode, ok bool) {
	i := 0
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	start := i
	for i < len(text) && isDigit(text[i]) {
		i++
	}
	if i == start || i >= len(text) || text[i] != ':' {
		return text, 0, false
	}
	i++
	for i < len(text) && (text[i] == ' ' || text[i] == '\t') {
		i++
	}
	if i+4 > len(text) || text[i] != '(' || text[i+3] != ')' {
		return text, 0, false
	}
	v, err := strconv.ParseUint(text[i+1:i+3], 16, 8)
	if err != nil {
		return text, 0, false
	}
	return text[i+4:], OpCode(v), true
}

// Directives that are harmless in a code section: they only describe
// symbols and debug info.
var ignoredDirectives = map[string]bool{
	".globl": true, ".global": true, ".weak": true, ".local": true, ".hidden": true,
	".protected": true, ".internal": true, ".type": true, ".size": true, ".file": true,
	".loc": true, ".ident": true, ".addrsig": true, ".addrsig_sym": true,
}

// directive handles a line that starts with a directive.
func (a *assembler) directive(c *cursor) error {
	name := strings.ToLower(c.next().text)
	switch name {
	case ".text":
		a.switchSection(".text", true, false)
		return nil
	case ".data", ".bss":
		a.switchSection(name, false, true)
		return nil
	case ".section":
		secName, flags, hasFlags, err := sectionOperands(c)
		if err != nil {
			return err
		}
		if hasFlags {
			code := strings.Contains(flags, "x")
			a.switchSection(secName, code, !code)
		} else {
			isText := secName == ".text" || strings.HasPrefix(secName, ".text.")
			a.switchSection(secName, isText, false)
		}
		return nil
	}
	if !a.sections[a.current].code {
		return nil // data, BTF and debug sections: nothing in them is code
	}
	switch {
	case ignoredDirectives[name], strings.HasPrefix(name, ".cfi_"):
		return nil
	case name == ".p2align" || name == ".align" || name == ".balign":
		// Instructions are 8 bytes: aligning to 8 or less never pads.
		n, err := c.signedNumber()
		if err != nil {
			return err
		}
		bytes := n.mag
		if name == ".p2align" {
			bytes = 1 << min(n.mag, 63)
		}
		if n.neg || bytes > 8 {
			return fmt.Errorf("%s %s: alignment beyond 8 bytes would pad the code", name, n)
		}
		return nil
	}
	return fmt.Errorf("directive %s is not supported in a code section", name)
}

// sectionOperands reads `name[, "flags"[, @type, ...]]` of .section.
func sectionOperands(c *cursor) (name, flags string, hasFlags bool, err error) {
	var b strings.Builder
	for !c.done() && !c.peek().is(tokPunct, ",") {
		b.WriteString(c.next().text)
	}
	if b.Len() == 0 {
		return "", "", false, fmt.Errorf(".section needs a name")
	}
	if c.acceptPunct(",") && c.peek().kind == tokString {
		return b.String(), c.next().text, true, nil
	}
	return b.String(), "", false, nil
}

// link lays out the code sections, resolves labels and validates the
// program. On error it returns the source line to blame.
func (a *assembler) link() (Program, int, error) {
	var p Program
	var lines []int
	base := make([]int, len(a.sections))
	for i, s := range a.sections {
		if !s.code {
			continue
		}
		base[i] = len(p)
		p = append(p, s.insns...)
		lines = append(lines, s.lines...)
	}
	if len(p) == 0 {
		return nil, 1, fmt.Errorf("no instructions")
	}
	for i, s := range a.sections {
		for _, f := range s.fixups {
			if err := a.resolve(p, i, base, f); err != nil {
				return nil, f.line, err
			}
		}
	}
	if err := p.Validate(); err != nil {
		// Every instruction the parser builds is valid; this is a safety net.
		line := 1
		if ie, ok := err.(*InsnError); ok && ie.Index >= 0 && ie.Index < len(lines) {
			line = lines[ie.Index]
			err = fmt.Errorf("invalid instruction: %s", ie.Msg)
		}
		return nil, line, err
	}
	return p, 0, nil
}

// resolve fills in one label reference of section sec.
func (a *assembler) resolve(p Program, sec int, base []int, f fixup) error {
	l, ok := a.labels[f.label]
	if !ok {
		return fmt.Errorf("undefined label %q", f.label)
	}
	target := a.sections[l.section]
	if !target.code {
		return fmt.Errorf("label %q is in section %s, which is not executable", f.label, target.name)
	}
	if f.kind == refJump || f.kind == refJumpLong {
		if l.section != sec {
			return fmt.Errorf("jump to label %q in another section (%s)", f.label, target.name)
		}
	}
	pc := base[sec] + f.slot
	rel := int64(base[l.section]+l.slot) - int64(pc) - 1
	ins := &p[pc]
	if f.kind == refJump {
		if rel < -1<<15 || rel >= 1<<15 {
			return fmt.Errorf("jump to %q is %d instructions away, out of range [-32768, 32767]; use gotol", f.label, rel)
		}
		ins.Off = int16(rel)
		return nil
	}
	if rel < -1<<31 || rel >= 1<<31 {
		return fmt.Errorf("reference to %q out of range", f.label)
	}
	ins.Imm = int32(rel)
	return nil
}

// ---- Instructions ----

// parseInstruction parses one instruction; ldImm64 says that a bare
// `rN = imm` is an ld_imm64 (a kernel log line with opcode 18).
func parseInstruction(c *cursor, ldImm64 bool) (statement, error) {
	t := c.peek()
	if t.kind == tokPunct && t.text == "*" {
		return parseStore(c)
	}
	if t.kind != tokIdent {
		return statement{}, fmt.Errorf("expected an instruction, found %s", t)
	}
	if _, _, isReg, _ := registerName(t.text); isReg {
		return parseRegisterInstruction(c, ldImm64)
	}
	word := strings.ToLower(t.text)
	c.next()
	switch word {
	case "exit":
		return statement{ins: Instruction{Op: OpExitK}}, nil
	case "goto":
		return parseJumpTarget(c, Instruction{Op: OpCode(ClassJMP) | OpCode(OpJA)})
	case "may_goto":
		return parseJumpTarget(c, Instruction{Op: OpCode(ClassJMP) | OpCode(OpJCond), Src: PseudoMayGoto})
	case "gotol":
		return parseLongJump(c)
	case "if":
		return parseConditionalJump(c)
	case "call":
		return parseCall(c)
	case "callx":
		return parseCallX(c)
	case "lock":
		return parseLock(c)
	}
	return statement{}, fmt.Errorf("unknown instruction %q", t.text)
}

// parseJumpTarget reads the target of goto, may_goto and conditional jumps
// into off.
func parseJumpTarget(c *cursor, ins Instruction) (statement, error) {
	rel, label, err := c.target()
	if err != nil {
		return statement{}, err
	}
	if label != "" {
		return statement{ins: ins, label: label, kind: refJump}, nil
	}
	off, err := rel.int16("jump offset")
	if err != nil {
		return statement{}, err
	}
	ins.Off = off
	return statement{ins: ins}, nil
}

// parseLongJump reads `gotol target`: JMP32|JA with the offset in imm.
func parseLongJump(c *cursor) (statement, error) {
	ins := Instruction{Op: OpCode(ClassJMP32) | OpCode(OpJA)}
	rel, label, err := c.target()
	if err != nil {
		return statement{}, err
	}
	if label != "" {
		return statement{ins: ins, label: label, kind: refJumpLong}, nil
	}
	if ins.Imm, err = rel.int32("jump offset"); err != nil {
		return statement{}, err
	}
	return statement{ins: ins}, nil
}

// Conditions of conditional jumps. The signed ones are written `s>` etc.
var jumpConditions = map[string]JumpOp{
	"==": OpJEQ, "!=": OpJNE, ">": OpJGT, ">=": OpJGE, "<": OpJLT, "<=": OpJLE, "&": OpJSET,
	"s>": OpJSGT, "s>=": OpJSGE, "s<": OpJSLT, "s<=": OpJSLE,
}

// parseConditionalJump reads `if rA cond (rB|imm) goto target` after `if`.
func parseConditionalJump(c *cursor) (statement, error) {
	dst, err := c.register()
	if err != nil {
		return statement{}, err
	}
	cond := ""
	if c.acceptWord("s") {
		cond = "s"
	}
	if t := c.peek(); t.kind == tokPunct {
		cond += t.text
	}
	op, ok := jumpConditions[cond]
	if !ok {
		return statement{}, fmt.Errorf("expected a condition (==, !=, >, >=, <, <=, &, s>, s>=, s<, s<=), found %s", c.peek())
	}
	c.next()
	class := ClassJMP
	if dst.w {
		class = ClassJMP32
	}
	ins := Instruction{Dst: dst.n}
	if src, ok, err := c.optionalRegister(); err != nil {
		return statement{}, err
	} else if ok {
		if src.w != dst.w {
			return statement{}, fmt.Errorf("%s and %s have different widths", dst, src)
		}
		ins.Op = OpCode(class) | OpCode(op) | OpCode(SourceX)
		ins.Src = src.n
	} else {
		n, err := c.signedNumber()
		if err != nil {
			return statement{}, err
		}
		// The kernel log prints every jump immediate as unsigned 32-bit hex.
		ins.Op = OpCode(class) | OpCode(op)
		if ins.Imm, err = n.imm32(dst.w || c.kernel); err != nil {
			return statement{}, err
		}
	}
	if err := c.expectWord("goto"); err != nil {
		return statement{}, err
	}
	return parseJumpTarget(c, ins)
}

// parseCall reads the operand of call: a helper id, a label, pc+N, a kernel
// log `name#id`, or kfunc(id[, off]).
func parseCall(c *cursor) (statement, error) {
	ins := Instruction{Op: OpCallK}
	t := c.peek()
	switch {
	case t.is(tokPunct, "+") || t.is(tokPunct, "-") || t.kind == tokNumber:
		n, err := c.signedNumber()
		if err != nil {
			return statement{}, err
		}
		if ins.Imm, err = n.int32("helper id"); err != nil {
			return statement{}, err
		}
		return statement{ins: ins}, nil
	case t.kind != tokIdent:
		return statement{}, fmt.Errorf("expected a helper id or a function name, found %s", t)
	case strings.EqualFold(t.text, "kfunc") && c.peekAt(1).is(tokPunct, "("):
		c.next()
		id, module, err := c.pseudoArguments(false)
		if err != nil {
			return statement{}, err
		}
		ins.Src = PseudoKfuncCall
		if ins.Imm, err = id.imm32(true); err != nil {
			return statement{}, err
		}
		if ins.Off, err = module.int16("kfunc module index"); err != nil {
			return statement{}, err
		}
		return statement{ins: ins}, nil
	case c.peekAt(1).is(tokPunct, "#"): // kernel log: call bpf_map_lookup_elem#1
		c.next()
		c.next()
		n, err := c.signedNumber()
		if err != nil {
			return statement{}, err
		}
		if ins.Imm, err = n.int32("helper id"); err != nil {
			return statement{}, err
		}
		return statement{ins: ins}, nil
	}
	ins.Src = PseudoCall
	rel, label, err := c.target()
	if err != nil {
		return statement{}, err
	}
	if label != "" {
		return statement{ins: ins, label: label, kind: refCall}, nil
	}
	if ins.Imm, err = rel.int32("call offset"); err != nil {
		return statement{}, err
	}
	return statement{ins: ins}, nil
}

// parseCallX reads `callx rN`, or `callx N`, the LLVM ≤ 18 encoding with the
// register number in imm.
func parseCallX(c *cursor) (statement, error) {
	ins := Instruction{Op: OpCallX}
	if c.peek().kind == tokNumber {
		n, err := c.signedNumber()
		if err != nil {
			return statement{}, err
		}
		if n.neg || n.mag > uint64(R10) {
			return statement{}, fmt.Errorf("callx %s: register number out of range [0, 10]", n)
		}
		ins.Imm = int32(n.mag)
		return statement{ins: ins}, nil
	}
	r, err := c.register()
	if err != nil {
		return statement{}, err
	}
	if r.w {
		return statement{}, fmt.Errorf("callx takes a 64-bit register, not %s", r)
	}
	ins.Dst = r.n
	return statement{ins: ins}, nil
}

// Atomic operations without fetch, by their operator.
var lockOperators = map[string]int32{"+=": AtomicAdd, "&=": AtomicAnd, "|=": AtomicOr, "^=": AtomicXor}

// parseLock reads `lock *(u64 *)(r1 + 0) += r2` after `lock`.
func parseLock(c *cursor) (statement, error) {
	if err := c.expectPunct("*"); err != nil {
		return statement{}, err
	}
	size, err := c.atomicType()
	if err != nil {
		return statement{}, err
	}
	base, off, err := c.memory()
	if err != nil {
		return statement{}, err
	}
	op, ok := lockOperators[c.peek().text]
	if !ok || c.peek().kind != tokPunct {
		return statement{}, fmt.Errorf("expected +=, &=, |= or ^=, found %s", c.peek())
	}
	c.next()
	src, err := c.register()
	if err != nil {
		return statement{}, err
	}
	if err := checkAtomicWidth(size, src); err != nil {
		return statement{}, err
	}
	return statement{ins: atomic(size, base, src.n, off, op)}, nil
}

// atomic builds the atomic operation op on the memory at base+off.
func atomic(size Size, base, src Register, off int16, op int32) Instruction {
	return Instruction{Op: OpCode(ClassSTX) | OpCode(ModeATOMIC) | OpCode(size), Dst: base, Src: src, Off: off, Imm: op}
}

// checkAtomicWidth checks the register of an atomic operation: r for 64
// bits; r or w for 32 (LLVM writes w, the kernel log r).
func checkAtomicWidth(size Size, r operandRegister) error {
	if size == SizeDW && r.w {
		return fmt.Errorf("a 64-bit atomic operation takes r registers, not %s", r)
	}
	return nil
}

// parseStore reads `*(u32 *)(r1 + 4) = r2` or `= imm`.
func parseStore(c *cursor) (statement, error) {
	c.next() // *
	size, signed, err := c.typeCast()
	if err != nil {
		return statement{}, err
	}
	if signed {
		return statement{}, fmt.Errorf("stores take an unsigned type (u8, u16, u32, u64)")
	}
	base, off, err := c.memory()
	if err != nil {
		return statement{}, err
	}
	if err := c.expectPunct("="); err != nil {
		return statement{}, err
	}
	src, isReg, err := c.optionalRegister()
	if err != nil {
		return statement{}, err
	}
	if isReg {
		if size == SizeDW && src.w {
			return statement{}, fmt.Errorf("an 8-byte store takes an r register, not %s", src)
		}
		return statement{ins: Instruction{Op: OpCode(ClassSTX) | OpCode(ModeMEM) | OpCode(size),
			Dst: base, Src: src.n, Off: off}}, nil
	}
	n, err := c.signedNumber()
	if err != nil {
		return statement{}, err
	}
	imm, err := n.imm32(size != SizeDW)
	if err != nil {
		return statement{}, err
	}
	return statement{ins: Instruction{Op: OpCode(ClassST) | OpCode(ModeMEM) | OpCode(size),
		Dst: base, Off: off, Imm: imm}}, nil
}

// Compound assignment operators of ALU instructions.
var aluOperators = map[string]ALUOp{
	"+=": OpAdd, "-=": OpSub, "*=": OpMul, "/=": OpDiv, "|=": OpOr, "&=": OpAnd,
	"<<=": OpLsh, ">>=": OpRsh, "%=": OpMod, "^=": OpXor,
}

// parseRegisterInstruction reads an instruction that starts with its
// destination register: ALU operations, moves, loads, ld_imm64, byte swaps,
// atomics with a result.
func parseRegisterInstruction(c *cursor, ldImm64 bool) (statement, error) {
	dst, err := c.register()
	if err != nil {
		return statement{}, err
	}
	class := ClassALU64
	if dst.w {
		class = ClassALU
	}
	if c.acceptPunct("=") {
		return parseAssignment(c, dst, ldImm64)
	}
	var op ALUOp
	var off int16
	t := c.next()
	if t.is(tokIdent, "s") {
		switch c.next().text {
		case "/=":
			op, off = OpDiv, 1
		case "%=":
			op, off = OpMod, 1
		case ">>=":
			op = OpArsh
		default:
			return statement{}, fmt.Errorf("expected s/=, s%%= or s>>= after %s", dst)
		}
	} else if o, ok := aluOperators[t.text]; ok && t.kind == tokPunct {
		op = o
	} else {
		return statement{}, fmt.Errorf("expected an assignment operator after %s, found %s", dst, t)
	}
	ins := Instruction{Dst: dst.n, Off: off}
	src, isReg, err := c.optionalRegister()
	if err != nil {
		return statement{}, err
	}
	if isReg {
		if src.w != dst.w {
			return statement{}, fmt.Errorf("%s and %s have different widths", dst, src)
		}
		ins.Op = OpCode(class) | OpCode(op) | OpCode(SourceX)
		ins.Src = src.n
		return statement{ins: ins}, nil
	}
	n, err := c.signedNumber()
	if err != nil {
		return statement{}, err
	}
	ins.Op = OpCode(class) | OpCode(op)
	if ins.Imm, err = n.imm32(dst.w); err != nil {
		return statement{}, err
	}
	return statement{ins: ins}, nil
}

// Byte swaps: `r1 = be16 r1` etc. (ALU, to big or little endian) and
// `r1 = bswap16 r1` (ALU64, unconditional).
var byteSwaps = map[string]struct {
	op   OpCode
	bits int32
}{
	"le16":    {OpCode(ClassALU) | OpCode(OpEnd) | OpCode(SourceK), 16},
	"le32":    {OpCode(ClassALU) | OpCode(OpEnd) | OpCode(SourceK), 32},
	"le64":    {OpCode(ClassALU) | OpCode(OpEnd) | OpCode(SourceK), 64},
	"be16":    {OpCode(ClassALU) | OpCode(OpEnd) | OpCode(SourceX), 16},
	"be32":    {OpCode(ClassALU) | OpCode(OpEnd) | OpCode(SourceX), 32},
	"be64":    {OpCode(ClassALU) | OpCode(OpEnd) | OpCode(SourceX), 64},
	"bswap16": {OpCode(ClassALU64) | OpCode(OpEnd), 16},
	"bswap32": {OpCode(ClassALU64) | OpCode(OpEnd), 32},
	"bswap64": {OpCode(ClassALU64) | OpCode(OpEnd), 64},
}

// Atomic operations with fetch, by the name LLVM or the kernel gives them.
var fetchOperations = map[string]int32{
	"atomic_fetch_add": AtomicAdd | AtomicFetch, "atomic_fetch_and": AtomicAnd | AtomicFetch,
	"atomic_fetch_or": AtomicOr | AtomicFetch, "atomic_fetch_xor": AtomicXor | AtomicFetch,
	"atomic64_fetch_add": AtomicAdd | AtomicFetch, "atomic64_fetch_and": AtomicAnd | AtomicFetch,
	"atomic64_fetch_or": AtomicOr | AtomicFetch, "atomic64_fetch_xor": AtomicXor | AtomicFetch,
}

// parseAssignment reads what follows `rD =`.
func parseAssignment(c *cursor, dst operandRegister, ldImm64 bool) (statement, error) {
	class := ClassALU64
	if dst.w {
		class = ClassALU
	}
	t := c.peek()

	// rD = -rD
	if t.is(tokPunct, "-") {
		if _, _, isReg, _ := registerName(c.peekAt(1).text); isReg && c.peekAt(1).kind == tokIdent {
			c.next()
			r, err := c.register()
			if err != nil {
				return statement{}, err
			}
			if r != dst {
				return statement{}, fmt.Errorf("negation must be %s = -%s", dst, dst)
			}
			return statement{ins: Instruction{Op: OpCode(class) | OpCode(OpNeg), Dst: dst.n}}, nil
		}
	}

	// rD = imm, rD = imm ll
	if t.kind == tokNumber || t.is(tokPunct, "-") || t.is(tokPunct, "+") {
		n, err := c.signedNumber()
		if err != nil {
			return statement{}, err
		}
		if c.acceptWord("ll") || ldImm64 {
			if dst.w {
				return statement{}, fmt.Errorf("ld_imm64 loads an r register, not %s", dst)
			}
			v, err := n.imm64()
			if err != nil {
				return statement{}, err
			}
			pair := LoadImm64(dst.n, PseudoNone, v)
			return statement{ins: pair[0], hi: pair[1], wide: true}, nil
		}
		imm, err := n.imm32(dst.w)
		if err != nil {
			return statement{}, err
		}
		return statement{ins: Instruction{Op: OpCode(class) | OpCode(OpMov), Dst: dst.n, Imm: imm}}, nil
	}

	// rD = rS
	if src, isReg, err := c.optionalRegister(); err != nil {
		return statement{}, err
	} else if isReg {
		if src.w != dst.w {
			return statement{}, fmt.Errorf("%s and %s have different widths", dst, src)
		}
		return statement{ins: Instruction{Op: OpCode(class) | OpCode(OpMov) | OpCode(SourceX), Dst: dst.n, Src: src.n}}, nil
	}

	// rD = (s8)rS
	if t.is(tokPunct, "(") {
		return parseSignExtendingMove(c, dst)
	}

	// rD = *(u32 *)(rS + off), rD = *(u8 *)skb[...]
	if t.is(tokPunct, "*") {
		c.next()
		return parseLoad(c, dst)
	}

	if t.kind != tokIdent {
		return statement{}, fmt.Errorf("unexpected %s after %s =", t, dst)
	}
	word := strings.ToLower(t.text)
	if swap, ok := byteSwaps[word]; ok {
		c.next()
		r, err := c.register()
		if err != nil {
			return statement{}, err
		}
		if r != dst || dst.w {
			return statement{}, fmt.Errorf("a byte swap is written r1 = %s r1: one r register on both sides", word)
		}
		return statement{ins: Instruction{Op: swap.op, Dst: dst.n, Imm: swap.bits}}, nil
	}
	if op, ok := fetchOperations[word]; ok {
		c.next()
		return parseFetch(c, dst, op, strings.HasPrefix(word, "atomic64_"))
	}
	switch word {
	case "xchg_64", "xchg32_32", "atomic_xchg", "atomic64_xchg":
		c.next()
		return parseExchange(c, dst, word)
	case "cmpxchg_64", "cmpxchg32_32", "atomic_cmpxchg", "atomic64_cmpxchg":
		c.next()
		return parseCompareExchange(c, dst, word)
	}
	if src, ok := pseudoSources[word]; ok && c.peekAt(1).is(tokPunct, "(") {
		c.next()
		return parsePseudoLoad(c, dst, src)
	}

	// rD = label ll: the address of a function.
	label := c.next().text
	if !c.acceptWord("ll") {
		return statement{}, fmt.Errorf("unknown operand %q (a label is loaded with `%s = %s ll`)", label, dst, label)
	}
	if dst.w {
		return statement{}, fmt.Errorf("ld_imm64 loads an r register, not %s", dst)
	}
	pair := LoadImm64(dst.n, PseudoFunc, 0)
	return statement{ins: pair[0], hi: pair[1], wide: true, label: label, kind: refFunc}, nil
}

// parseSignExtendingMove reads `(s8)rS` after `rD =`.
func parseSignExtendingMove(c *cursor, dst operandRegister) (statement, error) {
	c.next() // (
	t := c.next()
	bits := map[string]int16{"s8": 8, "s16": 16, "s32": 32}[strings.ToLower(t.text)]
	if t.kind != tokIdent || bits == 0 || (dst.w && bits == 32) {
		return statement{}, fmt.Errorf("expected (s8), (s16) or, for r registers, (s32), found %s", t)
	}
	if err := c.expectPunct(")"); err != nil {
		return statement{}, err
	}
	src, err := c.register()
	if err != nil {
		return statement{}, err
	}
	if src.w != dst.w {
		return statement{}, fmt.Errorf("%s and %s have different widths", dst, src)
	}
	class := ClassALU64
	if dst.w {
		class = ClassALU
	}
	return statement{ins: Instruction{Op: OpCode(class) | OpCode(OpMov) | OpCode(SourceX),
		Dst: dst.n, Src: src.n, Off: bits}}, nil
}

// parseLoad reads `(u32 *)(rS + off)` or `(u8 *)skb[...]` after `rD = *`.
func parseLoad(c *cursor, dst operandRegister) (statement, error) {
	size, signed, err := c.typeCast()
	if err != nil {
		return statement{}, err
	}
	if c.isWord("skb") && c.peekAt(1).is(tokPunct, "[") {
		return parsePacketLoad(c, dst, size, signed)
	}
	base, off, err := c.memory()
	if err != nil {
		return statement{}, err
	}
	mode := ModeMEM
	if signed {
		mode = ModeMEMSX
		if dst.w {
			return statement{}, fmt.Errorf("a sign-extending load writes an r register, not %s", dst)
		}
	}
	if size == SizeDW && dst.w {
		return statement{}, fmt.Errorf("an 8-byte load writes an r register, not %s", dst)
	}
	return statement{ins: Instruction{Op: OpCode(ClassLDX) | OpCode(mode) | OpCode(size),
		Dst: dst.n, Src: base, Off: off}}, nil
}

// parsePacketLoad reads the legacy `skb[imm]` (BPF_ABS) or `skb[rS]`,
// `skb[rS + imm]` (BPF_IND) operand; the destination is always r0.
func parsePacketLoad(c *cursor, dst operandRegister, size Size, signed bool) (statement, error) {
	c.next() // skb
	c.next() // [
	if signed || size == SizeDW {
		return statement{}, fmt.Errorf("packet loads take u8, u16 or u32")
	}
	if dst != (operandRegister{n: R0}) {
		return statement{}, fmt.Errorf("packet loads write r0, not %s", dst)
	}
	ins := Instruction{Op: OpCode(ClassLD) | OpCode(ModeABS) | OpCode(size)}
	src, isReg, err := c.optionalRegister()
	if err != nil {
		return statement{}, err
	}
	var n number
	switch {
	case !isReg:
		n, err = c.signedNumber()
	case src.w:
		return statement{}, fmt.Errorf("packet offsets take an r register, not %s", src)
	case c.acceptPunct("]"):
		ins.Op = OpCode(ClassLD) | OpCode(ModeIND) | OpCode(size)
		ins.Src = src.n
		return statement{ins: ins}, nil
	case c.acceptPunct("+"): // the kernel writes skb[r1 + -4]
		n, err = c.signedNumber()
	case c.acceptPunct("-"):
		n, err = c.signedNumber()
		n.neg = !n.neg
	default:
		return statement{}, fmt.Errorf("expected + or - after %s, found %s", src, c.peek())
	}
	if err != nil {
		return statement{}, err
	}
	if isReg {
		ins.Op = OpCode(ClassLD) | OpCode(ModeIND) | OpCode(size)
		ins.Src = src.n
	}
	if ins.Imm, err = n.int32("packet offset"); err != nil {
		return statement{}, err
	}
	return statement{ins: ins}, c.expectPunct("]")
}

// parseFetch reads `((u64 *)(r1 + 0), r0)` after `r0 = atomic_fetch_add`.
func parseFetch(c *cursor, dst operandRegister, op int32, only64 bool) (statement, error) {
	if err := c.expectPunct("("); err != nil {
		return statement{}, err
	}
	size, err := c.atomicType()
	if err != nil {
		return statement{}, err
	}
	if only64 && size != SizeDW {
		return statement{}, fmt.Errorf("atomic64_ operations take u64")
	}
	base, off, err := c.memory()
	if err != nil {
		return statement{}, err
	}
	if err := c.expectPunct(","); err != nil {
		return statement{}, err
	}
	src, err := c.register()
	if err != nil {
		return statement{}, err
	}
	if err := c.expectPunct(")"); err != nil {
		return statement{}, err
	}
	if src != dst {
		return statement{}, fmt.Errorf("an atomic fetch returns into its source register: %s = ...(..., %s)", src, src)
	}
	if err := checkAtomicWidth(size, src); err != nil {
		return statement{}, err
	}
	return statement{ins: atomic(size, base, src.n, off, op)}, nil
}

// atomicAddress reads the memory operand of an exchange: `r1 + 0` in LLVM's
// xchg_64 and cmpxchg_64, `(u64 *)(r1 +0)` in the kernel's atomic64_xchg.
func (c *cursor) atomicAddress(word string) (Size, Register, int16, error) {
	if strings.HasPrefix(word, "atomic") {
		size, err := c.atomicType()
		if err != nil {
			return 0, 0, 0, err
		}
		want := SizeW
		if strings.HasPrefix(word, "atomic64") {
			want = SizeDW
		}
		if size != want {
			return 0, 0, 0, fmt.Errorf("%s takes (%s *)", word, sizeTypes[want])
		}
		base, off, err := c.memory()
		return size, base, off, err
	}
	size := SizeW
	if strings.HasSuffix(word, "_64") {
		size = SizeDW
	}
	base, off, err := c.baseOffset()
	return size, base, off, err
}

// parseExchange reads `(r1 + 0, r0)` after `r0 = xchg_64`.
func parseExchange(c *cursor, dst operandRegister, word string) (statement, error) {
	if err := c.expectPunct("("); err != nil {
		return statement{}, err
	}
	size, base, off, err := c.atomicAddress(word)
	if err != nil {
		return statement{}, err
	}
	if err := c.expectPunct(","); err != nil {
		return statement{}, err
	}
	src, err := c.register()
	if err != nil {
		return statement{}, err
	}
	if err := c.expectPunct(")"); err != nil {
		return statement{}, err
	}
	if src != dst {
		return statement{}, fmt.Errorf("an exchange returns into its source register: %s = %s(..., %s)", src, word, src)
	}
	if err := checkAtomicWidth(size, src); err != nil {
		return statement{}, err
	}
	return statement{ins: atomic(size, base, src.n, off, AtomicXchg)}, nil
}

// parseCompareExchange reads `(r1 + 0, r0, r2)` after `r0 = cmpxchg_64`.
func parseCompareExchange(c *cursor, dst operandRegister, word string) (statement, error) {
	if err := c.expectPunct("("); err != nil {
		return statement{}, err
	}
	size, base, off, err := c.atomicAddress(word)
	if err != nil {
		return statement{}, err
	}
	if err := c.expectPunct(","); err != nil {
		return statement{}, err
	}
	old, err := c.register()
	if err != nil {
		return statement{}, err
	}
	if err := c.expectPunct(","); err != nil {
		return statement{}, err
	}
	src, err := c.register()
	if err != nil {
		return statement{}, err
	}
	if err := c.expectPunct(")"); err != nil {
		return statement{}, err
	}
	if dst.n != R0 || old != dst || src.w != dst.w {
		return statement{}, fmt.Errorf("compare-and-exchange is written r0 = %s(rA + off, r0, rB)", word)
	}
	if err := checkAtomicWidth(size, src); err != nil {
		return statement{}, err
	}
	return statement{ins: atomic(size, base, src.n, off, AtomicCmpXchg)}, nil
}

// Names of the pseudo ld_imm64 forms, by the src_reg they set.
var pseudoSources = map[string]Register{
	"map_fd": PseudoMapFD, "map_value": PseudoMapValue, "btf_id": PseudoBTFID,
	"func": PseudoFunc, "map_idx": PseudoMapIdx, "map_idx_value": PseudoMapIdxValue,
}

// parsePseudoLoad reads `(lo[, hi]) [ll]` after `rD = map_fd`.
func parsePseudoLoad(c *cursor, dst operandRegister, src Register) (statement, error) {
	if dst.w {
		return statement{}, fmt.Errorf("ld_imm64 loads an r register, not %s", dst)
	}
	lo, hi, err := c.pseudoArguments(src == PseudoFunc)
	if err != nil {
		return statement{}, err
	}
	st := statement{ins: Instruction{Op: OpLoadImm64, Dst: dst.n, Src: src}, wide: true}
	if src == PseudoFunc {
		st.ins.Imm, err = lo.int32("function offset")
	} else {
		st.ins.Imm, err = lo.imm32(true)
	}
	if err != nil {
		return statement{}, err
	}
	if st.hi.Imm, err = hi.imm32(true); err != nil {
		return statement{}, err
	}
	c.acceptWord("ll")
	return st, nil
}

// ---- Operands ----

// cursor walks the tokens of one line.
type cursor struct {
	toks   []token
	pos    int
	kernel bool // a kernel log line
}

func (c *cursor) peek() token { return c.peekAt(0) }

func (c *cursor) peekAt(n int) token {
	if c.pos+n < len(c.toks) {
		return c.toks[c.pos+n]
	}
	return token{}
}

func (c *cursor) next() token {
	t := c.peek()
	if c.pos < len(c.toks) {
		c.pos++
	}
	return t
}

func (c *cursor) done() bool { return c.pos >= len(c.toks) }

func (c *cursor) isWord(w string) bool {
	t := c.peek()
	return t.kind == tokIdent && strings.EqualFold(t.text, w)
}

func (c *cursor) acceptWord(w string) bool {
	if c.isWord(w) {
		c.pos++
		return true
	}
	return false
}

func (c *cursor) expectWord(w string) error {
	if !c.acceptWord(w) {
		return fmt.Errorf("expected %s, found %s", w, c.peek())
	}
	return nil
}

func (c *cursor) acceptPunct(p string) bool {
	if c.peek().is(tokPunct, p) {
		c.pos++
		return true
	}
	return false
}

func (c *cursor) expectPunct(p string) error {
	if !c.acceptPunct(p) {
		return fmt.Errorf("expected %q, found %s", p, c.peek())
	}
	return nil
}

// operandRegister is a register as written: rN (64 bits) or wN (32 bits).
type operandRegister struct {
	n Register
	w bool
}

func (r operandRegister) String() string {
	if r.w {
		return fmt.Sprintf("w%d", r.n)
	}
	return fmt.Sprintf("r%d", r.n)
}

// registerName parses r0..r10 and w0..w10. isReg reports whether the word
// looks like a register at all; ok whether it is a valid one.
func registerName(word string) (n Register, w bool, isReg, ok bool) {
	if len(word) < 2 {
		return 0, false, false, false
	}
	switch word[0] {
	case 'r', 'R':
	case 'w', 'W':
		w = true
	default:
		return 0, false, false, false
	}
	digits := word[1:]
	for i := 0; i < len(digits); i++ {
		if !isDigit(digits[i]) {
			return 0, false, false, false
		}
	}
	v, err := strconv.Atoi(digits)
	if err != nil || v > int(R10) || (len(digits) > 1 && digits[0] == '0') {
		return 0, w, true, false
	}
	return Register(v), w, true, true
}

// optionalRegister reads a register if the next token is one.
func (c *cursor) optionalRegister() (operandRegister, bool, error) {
	t := c.peek()
	if t.kind != tokIdent {
		return operandRegister{}, false, nil
	}
	n, w, isReg, ok := registerName(t.text)
	if !isReg {
		return operandRegister{}, false, nil
	}
	if !ok {
		return operandRegister{}, false, fmt.Errorf("invalid register %s (registers are r0 to r10)", t.text)
	}
	c.next()
	return operandRegister{n: n, w: w}, true, nil
}

func (c *cursor) register() (operandRegister, error) {
	r, ok, err := c.optionalRegister()
	if err == nil && !ok {
		err = fmt.Errorf("expected a register, found %s", c.peek())
	}
	return r, err
}

// typeCast reads `(u32 *)` and returns the access size and signedness.
func (c *cursor) typeCast() (Size, bool, error) {
	if err := c.expectPunct("("); err != nil {
		return 0, false, err
	}
	t := c.next()
	sizes := map[string]Size{"u8": SizeB, "u16": SizeH, "u32": SizeW, "u64": SizeDW, "s8": SizeB, "s16": SizeH, "s32": SizeW}
	name := strings.ToLower(t.text)
	size, ok := sizes[name]
	if t.kind != tokIdent || !ok {
		return 0, false, fmt.Errorf("expected a type (u8, u16, u32, u64, s8, s16, s32), found %s", t)
	}
	if err := c.expectPunct("*"); err != nil {
		return 0, false, err
	}
	if err := c.expectPunct(")"); err != nil {
		return 0, false, err
	}
	return size, name[0] == 's', nil
}

// atomicType reads the `(u32 *)` or `(u64 *)` of an atomic operation.
func (c *cursor) atomicType() (Size, error) {
	size, signed, err := c.typeCast()
	if err == nil && (signed || (size != SizeW && size != SizeDW)) {
		err = fmt.Errorf("atomic operations take u32 or u64")
	}
	return size, err
}

// memory reads `(r1 + off)`.
func (c *cursor) memory() (Register, int16, error) {
	if err := c.expectPunct("("); err != nil {
		return 0, 0, err
	}
	base, off, err := c.baseOffset()
	if err != nil {
		return 0, 0, err
	}
	return base, off, c.expectPunct(")")
}

// baseOffset reads `r1 + off` or `r1 - off`; the offset must fit 16 bits.
func (c *cursor) baseOffset() (Register, int16, error) {
	r, err := c.register()
	if err != nil {
		return 0, 0, err
	}
	if r.w {
		return 0, 0, fmt.Errorf("addresses take an r register, not %s", r)
	}
	neg := false
	switch {
	case c.acceptPunct("+"):
	case c.acceptPunct("-"):
		neg = true
	default:
		return r.n, 0, nil
	}
	t := c.next()
	if t.kind != tokNumber {
		return 0, 0, fmt.Errorf("expected an offset, found %s", t)
	}
	mag, err := parseMagnitude(t.text)
	if err != nil {
		return 0, 0, err
	}
	off, err := number{neg: neg, mag: mag}.int16("offset")
	return r.n, off, err
}

// target reads a jump or call target: a label, or a relative offset written
// +N, -N, N, pc+N or pc-N, which llvm-objdump follows with the target's
// <symbol+offset>.
func (c *cursor) target() (rel number, label string, err error) {
	t := c.peek()
	if t.kind == tokIdent && !(strings.EqualFold(t.text, "pc") &&
		(c.peekAt(1).is(tokPunct, "+") || c.peekAt(1).is(tokPunct, "-"))) {
		if _, _, isReg, _ := registerName(t.text); isReg {
			return number{}, "", fmt.Errorf("expected a label or an offset, found register %s", t.text)
		}
		c.next()
		return number{}, t.text, nil
	}
	c.acceptWord("pc")
	n, err := c.signedNumber()
	if err != nil {
		return number{}, "", err
	}
	if c.acceptPunct("<") {
		for !c.done() && !c.peek().is(tokPunct, ">") {
			c.next()
		}
		if err := c.expectPunct(">"); err != nil {
			return number{}, "", err
		}
	}
	return n, "", nil
}

// pseudoArguments reads `(lo)` or `(lo, hi)` of a pseudo form, hi 0 when
// left out; with pcRel the first is written pc+N or pc-N.
func (c *cursor) pseudoArguments(pcRel bool) (lo, hi number, err error) {
	if err := c.expectPunct("("); err != nil {
		return lo, hi, err
	}
	if pcRel {
		if err := c.expectWord("pc"); err != nil {
			return lo, hi, err
		}
		if !c.peek().is(tokPunct, "+") && !c.peek().is(tokPunct, "-") {
			return lo, hi, fmt.Errorf("expected pc+N or pc-N, found %s", c.peek())
		}
	}
	if lo, err = c.signedNumber(); err != nil {
		return lo, hi, err
	}
	if c.acceptPunct(",") {
		if hi, err = c.signedNumber(); err != nil {
			return lo, hi, err
		}
	}
	return lo, hi, c.expectPunct(")")
}

// ---- Numbers ----

// number is an integer as written: its sign and its magnitude.
type number struct {
	neg bool
	mag uint64
}

func (n number) String() string {
	if n.neg && n.mag != 0 {
		return "-" + strconv.FormatUint(n.mag, 10)
	}
	return strconv.FormatUint(n.mag, 10)
}

// signedNumber reads an integer with an optional sign.
func (c *cursor) signedNumber() (number, error) {
	neg := false
	if c.acceptPunct("-") {
		neg = true
	} else {
		c.acceptPunct("+")
	}
	t := c.next()
	if t.kind != tokNumber {
		return number{}, fmt.Errorf("expected a number, found %s", t)
	}
	mag, err := parseMagnitude(t.text)
	return number{neg: neg, mag: mag}, err
}

// inRange reports whether lo <= n <= hi.
func (n number) inRange(lo int64, hi uint64) bool {
	if n.neg && n.mag != 0 {
		return lo < 0 && n.mag-1 <= uint64(-(lo+1))
	}
	return n.mag <= hi
}

// bits is n in two's complement, modulo 2^64.
func (n number) bits() uint64 {
	if n.neg {
		return -n.mag
	}
	return n.mag
}

func (n number) rangeError(what string, lo int64, hi uint64) error {
	return fmt.Errorf("%s %s out of range [%d, %d]", what, n, lo, hi)
}

func (n number) int16(what string) (int16, error) {
	if !n.inRange(-1<<15, 1<<15-1) {
		return 0, n.rangeError(what, -1<<15, 1<<15-1)
	}
	return int16(n.bits()), nil
}

func (n number) int32(what string) (int32, error) {
	if !n.inRange(-1<<31, 1<<31-1) {
		return 0, n.rangeError(what, -1<<31, 1<<31-1)
	}
	return int32(n.bits()), nil
}

// imm32 converts an immediate for a 32-bit field. When the field is used as
// 32 bits, it may also be written unsigned; when it is sign-extended to 64
// bits, 0xffffffff would not mean what it says, so it must be signed.
func (n number) imm32(as32 bool) (int32, error) {
	if !as32 {
		return n.int32("immediate")
	}
	if !n.inRange(-1<<31, 1<<32-1) {
		return 0, n.rangeError("immediate", -1<<31, 1<<32-1)
	}
	return int32(uint32(n.bits())), nil
}

// imm64 converts the immediate of an ld_imm64.
func (n number) imm64() (uint64, error) {
	if !n.inRange(-1<<63, 1<<64-1) {
		return 0, n.rangeError("immediate", -1<<63, 1<<64-1)
	}
	return n.bits(), nil
}

// parseMagnitude parses an unsigned integer as llvm-mc does: 0x hex, 0b
// binary, a leading 0 octal, else decimal.
func parseMagnitude(text string) (uint64, error) {
	base, digits := uint64(10), text
	switch {
	case len(text) > 2 && (text[:2] == "0x" || text[:2] == "0X"):
		base, digits = 16, text[2:]
	case len(text) > 2 && (text[:2] == "0b" || text[:2] == "0B"):
		base, digits = 2, text[2:]
	case len(text) > 1 && text[0] == '0':
		base, digits = 8, text[1:]
	}
	var v uint64
	for i := 0; i < len(digits); i++ {
		d := digitValue(digits[i])
		if d >= base {
			return 0, fmt.Errorf("malformed number %q", text)
		}
		if v > (^uint64(0)-d)/base {
			return 0, fmt.Errorf("number %s does not fit 64 bits", text)
		}
		v = v*base + d
	}
	return v, nil
}

func digitValue(c byte) uint64 {
	switch {
	case '0' <= c && c <= '9':
		return uint64(c - '0')
	case 'a' <= c && c <= 'f':
		return uint64(c-'a') + 10
	case 'A' <= c && c <= 'F':
		return uint64(c-'A') + 10
	}
	return 99
}

// ---- Tokens ----

type tokenKind uint8

const (
	tokEnd    tokenKind = iota // past the last token of a line
	tokIdent                   // r1, goto, LBB0_4, .text, s8
	tokNumber                  // 42, 0x2a (never signed: - is its own token)
	tokString                  // "ax", without its quotes
	tokPunct                   // operators and punctuation
)

type token struct {
	kind tokenKind
	text string
}

func (t token) is(kind tokenKind, text string) bool { return t.kind == kind && t.text == text }

func (t token) String() string {
	switch t.kind {
	case tokEnd:
		return "end of line"
	case tokString:
		return strconv.Quote(t.text)
	}
	return fmt.Sprintf("%q", t.text)
}

// Operators of more than one character, longest first.
var operators = []string{
	"<<=", ">>=",
	"+=", "-=", "*=", "/=", "%=", "|=", "&=", "^=", "==", "!=", ">=", "<=",
}

// lexer splits lines into tokens. It carries one bit of state from line to
// line: whether a /* comment is open.
type lexer struct {
	inComment bool
}

// lex tokenizes one line. A ; separates statements, but starts a comment
// at the start of a line and in a kernel log line. In a kernel log line, #
// right after a name is punctuation (call bpf_map_lookup_elem#1), not a
// comment.
func (lx *lexer) lex(line string, kernel bool) ([]token, error) {
	var toks []token
	i := 0
	for i < len(line) {
		if lx.inComment {
			end := strings.Index(line[i:], "*/")
			if end < 0 {
				break
			}
			i += end + 2
			lx.inComment = false
			continue
		}
		c := line[i]
		switch {
		case c == ' ' || c == '\t' || c == '\r' || c == '\v' || c == '\f':
			i++
		case c == ';' && (kernel || len(toks) == 0):
			// The kernel log's register states, llvm-objdump -S's source lines.
			return toks, nil
		case c == '/' && strings.HasPrefix(line[i:], "//"):
			return toks, nil
		case c == '#':
			if !(kernel && i > 0 && isIdentByte(line[i-1])) {
				return toks, nil
			}
			toks = append(toks, token{tokPunct, "#"})
			i++
		case c == '/' && strings.HasPrefix(line[i:], "/*"):
			lx.inComment = true
			i += 2
		case c == '"':
			j := i + 1
			for j < len(line) && line[j] != '"' {
				if line[j] == '\\' {
					j++
				}
				j++
			}
			if j >= len(line) {
				return nil, fmt.Errorf("unterminated string")
			}
			toks = append(toks, token{tokString, line[i+1 : j]})
			i = j + 1
		case isDigit(c):
			j := i
			for j < len(line) && (isDigit(line[j]) || isLetter(line[j]) || line[j] == '_') {
				j++
			}
			toks = append(toks, token{tokNumber, line[i:j]})
			i = j
		case isLetter(c) || c == '_' || c == '.' || c == '$':
			j := i
			for j < len(line) && isIdentByte(line[j]) {
				j++
			}
			toks = append(toks, token{tokIdent, line[i:j]})
			i = j
		default:
			op := line[i : i+1]
			for _, o := range operators {
				if strings.HasPrefix(line[i:], o) {
					op = o
					break
				}
			}
			toks = append(toks, token{tokPunct, op})
			i += len(op)
		}
	}
	return toks, nil
}

func isDigit(c byte) bool  { return '0' <= c && c <= '9' }
func isLetter(c byte) bool { return 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' }
func isIdentByte(c byte) bool {
	return isLetter(c) || isDigit(c) || c == '_' || c == '.' || c == '$'
}
