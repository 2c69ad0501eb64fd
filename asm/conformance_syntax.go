package asm

// This file implements the assembler for the bpf_conformance (uBPF-style)
// assembly syntax, the text of the `-- asm` sections of the suite's .data
// files:
//
//	mov %r0, 1                 alu64: add sub mul div sdiv mod smod or and
//	add32 %r0, %r1             xor lsh rsh arsh mov, neg; `32` suffix: alu
//	movsx832 %r0, %r1          movsx{8,16}{32,64}, movsx3264 (register source)
//	be16 %r0                   be{16,32,64}, le{16,32,64}, bswap{16,32,64}
//	                           (also spelt swap{16,32,64})
//	lddw %r0, 0x1122334455667788
//	ldxw %r0, [%r1+2]          ldx{b,h,w,dw}, sign-extending ldxs{b,h,w}
//	stdw [%r10-8], 0xab        st{b,h,w,dw} [mem], imm
//	stxb [%r10-8], %r1         stx{b,h,w,dw} [mem], reg
//	jeq %r1, 0x80, label       jeq jgt jge jlt jle jset jne jsgt jsge jslt
//	jne32 %r1, %r2, +3         jsle; `32` suffix: jmp32; target label or ±N
//	ja label                   ja32 label (gotol: the offset goes in imm)
//	call 5                     helper 5; also `call helper 5`
//	call local func1           pc-relative call of a BPF function (src=1)
//	call runtime 7             src=2
//	call %r2                   callx, register in dst
//	lock fetch add [%r10-8], %r1   lock [fetch] add|and|or|xor[32],
//	lock cmpxchg32 [%r10-8], %r1   lock xchg[32], lock cmpxchg[32]
//	exit
//
// Everything after `#` is a comment. A line may start with labels
// (`name:`); the first `exit` is also the label `exit` unless the program
// defines that label itself. Operands are separated by commas and/or
// blanks. Immediates are decimal or 0x-hexadecimal, with an optional sign. A
// 32-bit immediate in decimal must lie in [-2^31, 2^31-1]; in hexadecimal it
// may also be written as its 32-bit pattern, up to 0xffffffff (so
// 0xfffffffc is -4), as the suite does. A 64-bit immediate (lddw) lies in
// [-2^63, 2^64-1], in either base; an offset in [-2^15, 2^15-1].
//
// The assembler only encodes: it does not run Validate, and it does not
// check that jump targets fall inside the program.

import (
	"fmt"
	"strconv"
	"strings"
	"unicode"
)

// AssembleConformance assembles src, written in the bpf_conformance
// assembly syntax, into a program. Errors are *SyntaxError values naming
// file and the 1-based line of src; on error the program is nil.
func AssembleConformance(src []byte, file string) (Program, error) {
	a := &confAssembler{file: file, labels: make(map[string]int), exitSlot: -1}
	for i, line := range strings.Split(string(src), "\n") {
		a.line = i + 1
		if err := a.assembleLine(line); err != nil {
			return nil, err
		}
	}
	if len(a.prog) == 0 {
		return nil, &SyntaxError{File: file, Line: a.line, Msg: "no instructions"}
	}
	if _, ok := a.labels["exit"]; !ok && a.exitSlot >= 0 {
		a.labels["exit"] = a.exitSlot
	}
	for _, f := range a.fixups {
		if err := a.resolve(f); err != nil {
			return nil, err
		}
	}
	return a.prog, nil
}

// confAssembler is the state of one AssembleConformance call.
type confAssembler struct {
	file     string
	line     int // 1-based number of the line being assembled
	prog     Program
	labels   map[string]int // label name -> slot index
	exitSlot int            // slot of the first exit, or -1
	fixups   []confFixup
}

// confFixup is a reference to a label, resolved once every label is known.
type confFixup struct {
	slot  int    // instruction that refers to the label
	label string // label name
	line  int    // source line of the instruction
	inImm bool   // the pc-relative offset goes in Imm (ja32, call local), not Off
}

func (a *confAssembler) errorf(format string, args ...any) error {
	return &SyntaxError{File: a.file, Line: a.line, Msg: fmt.Sprintf(format, args...)}
}

// assembleLine assembles one source line: labels, then at most one instruction.
func (a *confAssembler) assembleLine(line string) error {
	if i := strings.IndexByte(line, '#'); i >= 0 {
		line = line[:i]
	}
	fields := strings.FieldsFunc(line, func(r rune) bool { return r == ',' || unicode.IsSpace(r) })
	for len(fields) > 0 && strings.HasSuffix(fields[0], ":") {
		if err := a.defineLabel(strings.TrimSuffix(fields[0], ":")); err != nil {
			return err
		}
		fields = fields[1:]
	}
	if len(fields) == 0 {
		return nil
	}
	return a.assembleInstruction(fields[0], fields[1:])
}

func (a *confAssembler) defineLabel(name string) error {
	if !isConfLabel(name) {
		return a.errorf("Invalid label: %q", name)
	}
	if _, dup := a.labels[name]; dup {
		return a.errorf("Duplicate label: %s", name)
	}
	a.labels[name] = len(a.prog)
	return nil
}

// isConfLabel reports whether name is a label name: letters, digits, '_'
// and '.', not starting with a digit.
func isConfLabel(name string) bool {
	if name == "" || (name[0] >= '0' && name[0] <= '9') {
		return false
	}
	for _, c := range []byte(name) {
		letter := c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z'
		digit := c >= '0' && c <= '9'
		if !letter && !digit && c != '_' && c != '.' {
			return false
		}
	}
	return true
}

// Opcode tables of the mnemonics that name exactly one opcode shape.
var (
	confMemOps = map[string]OpCode{
		"ldxb":  opMem(ClassLDX, ModeMEM, SizeB),
		"ldxh":  opMem(ClassLDX, ModeMEM, SizeH),
		"ldxw":  opMem(ClassLDX, ModeMEM, SizeW),
		"ldxdw": opMem(ClassLDX, ModeMEM, SizeDW),
		"ldxsb": opMem(ClassLDX, ModeMEMSX, SizeB),
		"ldxsh": opMem(ClassLDX, ModeMEMSX, SizeH),
		"ldxsw": opMem(ClassLDX, ModeMEMSX, SizeW),
		"stb":   opMem(ClassST, ModeMEM, SizeB),
		"sth":   opMem(ClassST, ModeMEM, SizeH),
		"stw":   opMem(ClassST, ModeMEM, SizeW),
		"stdw":  opMem(ClassST, ModeMEM, SizeDW),
		"stxb":  opMem(ClassSTX, ModeMEM, SizeB),
		"stxh":  opMem(ClassSTX, ModeMEM, SizeH),
		"stxw":  opMem(ClassSTX, ModeMEM, SizeW),
		"stxdw": opMem(ClassSTX, ModeMEM, SizeDW),
	}

	// Byte swaps: Op and Imm (the width) of `mnemonic %rN`.
	confByteSwaps = map[string]Instruction{
		"le16":    {Op: opALU(ClassALU, OpEnd, SourceK), Imm: 16},
		"le32":    {Op: opALU(ClassALU, OpEnd, SourceK), Imm: 32},
		"le64":    {Op: opALU(ClassALU, OpEnd, SourceK), Imm: 64},
		"be16":    {Op: opALU(ClassALU, OpEnd, SourceX), Imm: 16},
		"be32":    {Op: opALU(ClassALU, OpEnd, SourceX), Imm: 32},
		"be64":    {Op: opALU(ClassALU, OpEnd, SourceX), Imm: 64},
		"bswap16": {Op: opALU(ClassALU64, OpEnd, SourceK), Imm: 16},
		"bswap32": {Op: opALU(ClassALU64, OpEnd, SourceK), Imm: 32},
		"bswap64": {Op: opALU(ClassALU64, OpEnd, SourceK), Imm: 64},
		"swap16":  {Op: opALU(ClassALU64, OpEnd, SourceK), Imm: 16},
		"swap32":  {Op: opALU(ClassALU64, OpEnd, SourceK), Imm: 32},
		"swap64":  {Op: opALU(ClassALU64, OpEnd, SourceK), Imm: 64},
	}

	// Sign-extending moves: Op and Off (the source width) of `mnemonic %rD, %rS`.
	confMovSX = map[string]Instruction{
		"movsx832":  {Op: opALU(ClassALU, OpMov, SourceX), Off: 8},
		"movsx1632": {Op: opALU(ClassALU, OpMov, SourceX), Off: 16},
		"movsx864":  {Op: opALU(ClassALU64, OpMov, SourceX), Off: 8},
		"movsx1664": {Op: opALU(ClassALU64, OpMov, SourceX), Off: 16},
		"movsx3264": {Op: opALU(ClassALU64, OpMov, SourceX), Off: 32},
	}

	// ALU operations by base mnemonic; sdiv and smod set Off to 1.
	confALUOps = map[string]ALUOp{
		"add": OpAdd, "sub": OpSub, "mul": OpMul, "div": OpDiv, "sdiv": OpDiv,
		"or": OpOr, "and": OpAnd, "lsh": OpLsh, "rsh": OpRsh, "neg": OpNeg,
		"mod": OpMod, "smod": OpMod, "xor": OpXor, "mov": OpMov, "arsh": OpArsh,
	}

	// Conditional jumps by base mnemonic.
	confJumpOps = map[string]JumpOp{
		"jeq": OpJEQ, "jgt": OpJGT, "jge": OpJGE, "jset": OpJSET, "jne": OpJNE,
		"jsgt": OpJSGT, "jsge": OpJSGE, "jlt": OpJLT, "jle": OpJLE,
		"jslt": OpJSLT, "jsle": OpJSLE,
	}

	// Atomic operations by base mnemonic (after `lock`), without the fetch flag.
	confAtomicOps = map[string]int32{
		"add": AtomicAdd, "and": AtomicAnd, "or": AtomicOr, "xor": AtomicXor,
		"xchg": AtomicXchg, "cmpxchg": AtomicCmpXchg,
	}
)

func opMem(c Class, m Mode, s Size) OpCode { return OpCode(c) | OpCode(m) | OpCode(s) }

func opALU(c Class, op ALUOp, s Source) OpCode { return OpCode(c) | OpCode(op) | OpCode(s) }

func opJump(c Class, op JumpOp, s Source) OpCode { return OpCode(c) | OpCode(op) | OpCode(s) }

// assembleInstruction encodes one instruction and appends it to the program.
func (a *confAssembler) assembleInstruction(mnemonic string, ops []string) error {
	if op, ok := confMemOps[mnemonic]; ok {
		return a.memory(mnemonic, op, ops)
	}
	if ins, ok := confByteSwaps[mnemonic]; ok {
		if err := a.wantOperands(mnemonic, ops, 1); err != nil {
			return err
		}
		dst, err := a.register(ops[0])
		if err != nil {
			return err
		}
		ins.Dst = dst
		return a.emit(ins)
	}
	if ins, ok := confMovSX[mnemonic]; ok {
		if err := a.wantOperands(mnemonic, ops, 2); err != nil {
			return err
		}
		var err error
		if ins.Dst, err = a.register(ops[0]); err != nil {
			return err
		}
		if ins.Src, err = a.register(ops[1]); err != nil {
			return err
		}
		return a.emit(ins)
	}
	switch mnemonic {
	case "lddw":
		return a.loadImm64(ops)
	case "exit":
		if err := a.wantOperands(mnemonic, ops, 0); err != nil {
			return err
		}
		if a.exitSlot < 0 {
			a.exitSlot = len(a.prog)
		}
		return a.emit(Instruction{Op: OpExitK})
	case "ja", "ja32":
		if err := a.wantOperands(mnemonic, ops, 1); err != nil {
			return err
		}
		if mnemonic == "ja32" {
			return a.jump(Instruction{Op: opJump(ClassJMP32, OpJA, SourceK)}, ops[0], true)
		}
		return a.jump(Instruction{Op: opJump(ClassJMP, OpJA, SourceK)}, ops[0], false)
	case "call":
		return a.call(ops)
	case "lock":
		return a.atomic(ops)
	}

	base, is32 := strings.CutSuffix(mnemonic, "32")
	if op, ok := confALUOps[base]; ok {
		return a.alu(mnemonic, base, op, is32, ops)
	}
	if op, ok := confJumpOps[base]; ok {
		return a.conditionalJump(mnemonic, op, is32, ops)
	}
	return a.errorf("Invalid mnemonic: %s", mnemonic)
}

// emit appends instructions to the program. It returns nil, so that an
// encoder can end with `return a.emit(ins)`.
func (a *confAssembler) emit(ins ...Instruction) error {
	a.prog = append(a.prog, ins...)
	return nil
}

func (a *confAssembler) wantOperands(mnemonic string, ops []string, n int) error {
	if len(ops) != n {
		return a.errorf("Invalid number of operands for %s: got %d, want %d", mnemonic, len(ops), n)
	}
	return nil
}

// memory encodes ldx*, st* and stx*.
func (a *confAssembler) memory(mnemonic string, op OpCode, ops []string) error {
	if err := a.wantOperands(mnemonic, ops, 2); err != nil {
		return err
	}
	ins := Instruction{Op: op}
	var err error
	switch op.Class() {
	case ClassLDX: // ldxw %rD, [%rS+off]
		if ins.Dst, err = a.register(ops[0]); err != nil {
			return err
		}
		if ins.Src, ins.Off, err = a.memOperand(ops[1]); err != nil {
			return err
		}
	case ClassST: // stw [%rD+off], imm
		if ins.Dst, ins.Off, err = a.memOperand(ops[0]); err != nil {
			return err
		}
		if ins.Imm, err = a.imm32(ops[1]); err != nil {
			return err
		}
	case ClassSTX: // stxw [%rD+off], %rS
		if ins.Dst, ins.Off, err = a.memOperand(ops[0]); err != nil {
			return err
		}
		if ins.Src, err = a.register(ops[1]); err != nil {
			return err
		}
	}
	return a.emit(ins)
}

// loadImm64 encodes `lddw %rD, imm64` (two slots).
func (a *confAssembler) loadImm64(ops []string) error {
	if err := a.wantOperands("lddw", ops, 2); err != nil {
		return err
	}
	dst, err := a.register(ops[0])
	if err != nil {
		return err
	}
	imm, err := a.imm64(ops[1])
	if err != nil {
		return err
	}
	pair := LoadImm64(dst, PseudoNone, imm)
	return a.emit(pair[:]...)
}

// alu encodes the ALU and ALU64 operations; base is the mnemonic without
// its `32` suffix.
func (a *confAssembler) alu(mnemonic, base string, op ALUOp, is32 bool, ops []string) error {
	class := ClassALU64
	if is32 {
		class = ClassALU
	}
	if op == OpNeg { // neg %rD
		if err := a.wantOperands(mnemonic, ops, 1); err != nil {
			return err
		}
		dst, err := a.register(ops[0])
		if err != nil {
			return err
		}
		return a.emit(Instruction{Op: opALU(class, OpNeg, SourceK), Dst: dst})
	}
	if err := a.wantOperands(mnemonic, ops, 2); err != nil {
		return err
	}
	ins := Instruction{}
	if base == "sdiv" || base == "smod" {
		ins.Off = 1
	}
	var err error
	if ins.Dst, err = a.register(ops[0]); err != nil {
		return err
	}
	source := SourceK
	if isConfRegister(ops[1]) {
		source = SourceX
		ins.Src, err = a.register(ops[1])
	} else {
		ins.Imm, err = a.imm32(ops[1])
	}
	if err != nil {
		return err
	}
	ins.Op = opALU(class, op, source)
	return a.emit(ins)
}

// conditionalJump encodes `jxx %rD, %rS|imm, target`.
func (a *confAssembler) conditionalJump(mnemonic string, op JumpOp, is32 bool, ops []string) error {
	if err := a.wantOperands(mnemonic, ops, 3); err != nil {
		return err
	}
	class := ClassJMP
	if is32 {
		class = ClassJMP32
	}
	ins := Instruction{}
	var err error
	if ins.Dst, err = a.register(ops[0]); err != nil {
		return err
	}
	source := SourceK
	if isConfRegister(ops[1]) {
		source = SourceX
		ins.Src, err = a.register(ops[1])
	} else {
		ins.Imm, err = a.imm32(ops[1])
	}
	if err != nil {
		return err
	}
	ins.Op = opJump(class, op, source)
	return a.jump(ins, ops[2], false)
}

// jump emits ins with its pc-relative target: `+N`/`-N` directly, a label
// through a fixup. inImm puts the offset in Imm (ja32, call local) instead
// of Off.
func (a *confAssembler) jump(ins Instruction, target string, inImm bool) error {
	if target != "" && (target[0] == '+' || target[0] == '-') {
		var err error
		if inImm {
			ins.Imm, err = a.imm32(target)
		} else {
			ins.Off, err = a.offset(target)
		}
		if err != nil {
			return err
		}
		return a.emit(ins)
	}
	if !isConfLabel(target) {
		return a.errorf("Invalid label: %q", target)
	}
	a.fixups = append(a.fixups, confFixup{slot: len(a.prog), label: target, line: a.line, inImm: inImm})
	return a.emit(ins)
}

// resolve writes the pc-relative offset of a label reference.
func (a *confAssembler) resolve(f confFixup) error {
	a.line = f.line
	target, ok := a.labels[f.label]
	if !ok {
		return a.errorf("Invalid label: %s", f.label)
	}
	rel := target - f.slot - 1
	if f.inImm {
		// Programs have far fewer than 2^31 slots: rel always fits.
		a.prog[f.slot].Imm = int32(rel)
		return nil
	}
	if rel < -1<<15 || rel >= 1<<15 {
		return a.errorf("jump to %s out of range: offset %d does not fit in 16 bits", f.label, rel)
	}
	a.prog[f.slot].Off = int16(rel)
	return nil
}

// call encodes `call N`, `call helper N`, `call local TARGET`,
// `call runtime N` and `call %rN`.
func (a *confAssembler) call(ops []string) error {
	switch len(ops) {
	case 1:
		if isConfRegister(ops[0]) { // callx: the register goes in dst
			dst, err := a.register(ops[0])
			if err != nil {
				return err
			}
			return a.emit(Instruction{Op: OpCallX, Dst: dst})
		}
		ops = []string{"helper", ops[0]}
	case 2:
	default:
		return a.errorf("Invalid number of operands for call: got %d, want 1 or 2", len(ops))
	}
	ins := Instruction{Op: OpCallK}
	switch ops[0] {
	case "helper":
		ins.Src = PseudoCallHelper
	case "runtime":
		ins.Src = PseudoKfuncCall
	case "local":
		ins.Src = PseudoCall
		return a.jump(ins, ops[1], true)
	default:
		return a.errorf("Invalid call mode: %s (want helper, local or runtime)", ops[0])
	}
	imm, err := a.imm32(ops[1])
	if err != nil {
		return err
	}
	ins.Imm = imm
	return a.emit(ins)
}

// atomic encodes `lock [fetch] op[32] [%rD+off], %rS` (ops follow `lock`).
func (a *confAssembler) atomic(ops []string) error {
	fetch := len(ops) > 0 && ops[0] == "fetch"
	if fetch {
		ops = ops[1:]
	}
	if len(ops) != 3 {
		return a.errorf("Invalid number of operands for lock")
	}
	name, is32 := strings.CutSuffix(ops[0], "32")
	imm, ok := confAtomicOps[name]
	if !ok {
		return a.errorf("Invalid atomic operation: %s", ops[0])
	}
	if fetch {
		imm |= AtomicFetch // xchg and cmpxchg always fetch
	}
	size := SizeDW
	if is32 {
		size = SizeW
	}
	ins := Instruction{Op: opMem(ClassSTX, ModeATOMIC, size), Imm: imm}
	var err error
	if ins.Dst, ins.Off, err = a.memOperand(ops[1]); err != nil {
		return err
	}
	if ins.Src, err = a.register(ops[2]); err != nil {
		return err
	}
	return a.emit(ins)
}

// isConfRegister reports whether an operand is meant as a register (it
// starts with '%'); register parses it.
func isConfRegister(s string) bool { return strings.HasPrefix(s, "%") }

// register parses %r0 .. %r10.
func (a *confAssembler) register(s string) (Register, error) {
	digits, ok := strings.CutPrefix(s, "%r")
	n, err := strconv.Atoi(digits)
	if !ok || err != nil || n < 0 || n > int(R10) || strconv.Itoa(n) != digits {
		return 0, a.errorf("Invalid register: %s", s)
	}
	return Register(n), nil
}

// memOperand parses [%rN], [%rN+off] and [%rN-off].
func (a *confAssembler) memOperand(s string) (Register, int16, error) {
	inner, ok := strings.CutPrefix(s, "[")
	if ok {
		inner, ok = strings.CutSuffix(inner, "]")
	}
	if !ok {
		return 0, 0, a.errorf("Invalid memory operand: %s (want [%%rN+offset])", s)
	}
	regText, offText := inner, ""
	if i := strings.IndexAny(inner, "+-"); i >= 0 {
		regText, offText = inner[:i], inner[i:]
	}
	reg, err := a.register(regText)
	if err != nil {
		return 0, 0, err
	}
	if offText == "" {
		return reg, 0, nil
	}
	off, err := a.offset(offText)
	return reg, off, err
}

// offset parses a signed 16-bit offset.
func (a *confAssembler) offset(s string) (int16, error) {
	neg, mag, ok := parseConfNumber(s)
	if !ok {
		return 0, a.errorf("Invalid offset: %s", s)
	}
	if neg && mag <= 1<<15 {
		return int16(-int32(mag)), nil
	}
	if !neg && mag < 1<<15 {
		return int16(mag), nil
	}
	return 0, a.errorf("Invalid offset: %s is out of the 16-bit range", s)
}

// imm32 parses a 32-bit immediate: a signed value, or in hexadecimal also
// an unsigned one taken as its 32-bit pattern.
func (a *confAssembler) imm32(s string) (int32, error) {
	neg, mag, ok := parseConfNumber(s)
	if !ok {
		return 0, a.errorf("Invalid immediate: %s", s)
	}
	max := uint64(1<<31 - 1)
	if isConfHex(s) {
		max = 1<<32 - 1
	}
	if neg && mag <= 1<<31 {
		return int32(-int64(mag)), nil
	}
	if !neg && mag <= max {
		return int32(uint32(mag)), nil
	}
	return 0, a.errorf("Invalid immediate: %s is out of the 32-bit range", s)
}

// imm64 parses a 64-bit immediate, signed or unsigned.
func (a *confAssembler) imm64(s string) (uint64, error) {
	neg, mag, ok := parseConfNumber(s)
	if !ok {
		return 0, a.errorf("Invalid immediate: %s", s)
	}
	if neg {
		if mag > 1<<63 {
			return 0, a.errorf("Invalid immediate: %s is out of the 64-bit range", s)
		}
		return -mag, nil // two's complement
	}
	return mag, nil
}

// isConfHex reports whether a number is written in hexadecimal.
func isConfHex(s string) bool {
	s = strings.TrimLeft(s, "+-")
	return strings.HasPrefix(s, "0x") || strings.HasPrefix(s, "0X")
}

// parseConfNumber parses an optionally signed decimal or 0x-hexadecimal
// integer into its sign and magnitude.
func parseConfNumber(s string) (neg bool, mag uint64, ok bool) {
	if s != "" && (s[0] == '+' || s[0] == '-') {
		neg = s[0] == '-'
		s = s[1:]
	}
	base := 10
	if len(s) >= 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X') {
		base, s = 16, s[2:]
	}
	// ParseUint with an explicit base takes neither signs, prefixes nor '_'.
	mag, err := strconv.ParseUint(s, base, 64)
	if err != nil {
		return false, 0, false
	}
	return neg, mag, true
}
