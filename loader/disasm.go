package loader

// This file implements Program.Disassemble: a program's instructions in
// LLVM syntax (asm.FormatInstruction) with its source lines interleaved,
// as llvm-objdump -S prints them, each function under its name, and
// references annotated with what they name.

import (
	"fmt"
	"strings"

	"github.com/callx/callx/asm"
	"github.com/cilium/ebpf/btf"
)

// Disassemble prints the program like llvm-objdump -d -S: a `<name>:` line
// at each function, `; source` before the instructions of each source line
// (from line_info), then `slot: instruction` in LLVM syntax, with calls,
// function addresses, maps and global data annotated <name>.
func (p *Program) Disassemble() string {
	o := p.obj
	var b strings.Builder
	funcAt := make(map[int]string, len(p.Funcs))
	for _, ref := range p.Funcs {
		name := fmt.Sprintf("func#%d", ref.Func)
		if o != nil && ref.Func >= 0 && ref.Func < len(o.Funcs) {
			name = o.Funcs[ref.Func].Name
		}
		funcAt[ref.Slot] = name
	}
	for _, fi := range p.FuncInfo {
		if fi.Func != nil {
			funcAt[fi.Slot] = fi.Func.Name
		}
	}
	if len(funcAt) == 0 {
		funcAt[0] = p.Name
	}
	li := 0
	lastLine := ""
	for i := 0; i < len(p.Insns); i++ {
		if name, ok := funcAt[i]; ok {
			if i > 0 {
				b.WriteByte('\n')
			}
			fmt.Fprintf(&b, "%016x <%s>:\n", i*asm.InstructionSize, name)
			lastLine = ""
		}
		for li < len(p.LineInfo) && p.LineInfo[li].Slot <= i {
			l := p.LineInfo[li]
			li++
			key := fmt.Sprintf("%s:%d", l.File, l.Line)
			if l.Source != "" && key != lastLine {
				fmt.Fprintf(&b, "; %s\n", l.Source)
				lastLine = key
			}
		}
		text := asm.FormatInstruction(p.Insns, i)
		fmt.Fprintf(&b, "%8d:\t%s", i, text)
		if note := p.annotate(o, i, funcAt); note != "" {
			fmt.Fprintf(&b, " <%s>", note)
		}
		b.WriteByte('\n')
		if p.Insns[i].IsLoadImm64() && !strings.HasPrefix(text, "<invalid") {
			i++ // a whole ld_imm64 takes two slots
		}
	}
	return b.String()
}

// annotate names what instruction i refers to, or returns "".
func (p *Program) annotate(o *Object, i int, funcAt map[int]string) string {
	ins := p.Insns[i]
	switch {
	case ins.IsLocalCall(), ins.IsLoadImm64() && ins.Src == asm.PseudoFunc:
		return funcAt[i+1+int(ins.Imm)]
	case ins.IsLoadImm64() && (ins.Src == asm.PseudoMapIdx || ins.Src == asm.PseudoMapIdxValue):
		if o == nil || ins.Imm < 0 || int(ins.Imm) >= len(o.Maps) {
			return ""
		}
		m := o.Maps[ins.Imm]
		if ins.Src == asm.PseudoMapIdx || i+1 >= len(p.Insns) {
			return m.Name
		}
		off := uint32(p.Insns[i+1].Imm)
		if ds, ok := m.ValueBTF.(*btf.Datasec); ok {
			for _, v := range ds.Vars {
				if v.Offset == off && v.Type != nil {
					return v.Type.TypeName()
				}
			}
		}
		return fmt.Sprintf("%s+%d", m.Name, off)
	}
	return ""
}
