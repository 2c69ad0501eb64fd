package loader

// This file implements linking: a program's instructions are its entry
// function followed by every function it needs, in the order they are
// first needed, with every reference rewritten to the kernel's form (calls
// and function addresses pc-relative, maps and global data by index).
//
// A function needs the functions it calls, those whose address it takes
// (callbacks), and the functions whose addresses are in the global data it
// loads: entries of frozen .rodata function tables (the closed world,
// where each entry is verified as a direct call) and the initial values of
// writable function pointers (an open-world slot's first fill, from the
// same object, INDIRECT-CALLS.md fine point 3), so that every function
// value the program can load names a function it holds.

import "github.com/callx/callx/asm"

// link lays out function entry and what it needs.
func (o *Object) link(entry int) (asm.Program, []FuncRef) {
	order := []int{entry}
	start := map[int]int{entry: 0}
	size := 0
	need := func(fi int) {
		if _, ok := start[fi]; !ok {
			start[fi] = -1
			order = append(order, fi)
		}
	}
	for k := 0; k < len(order); k++ {
		fn := o.Funcs[order[k]]
		start[order[k]] = size
		size += len(fn.Insns)
		for _, r := range fn.refs {
			switch r.kind {
			case refCall, refFunc:
				need(r.target)
			case refGlobal:
				for _, fp := range o.Maps[r.target].FuncPointers {
					need(fp.Func)
				}
			}
		}
	}
	insns := make(asm.Program, 0, size)
	refs := make([]FuncRef, len(order))
	for k, fi := range order {
		fn := o.Funcs[fi]
		base := len(insns)
		refs[k] = FuncRef{Func: fi, Slot: base}
		insns = append(insns, fn.Insns...)
		for _, r := range fn.refs {
			at := base + r.slot
			ins := &insns[at]
			switch r.kind {
			case refCall:
				ins.Src = asm.PseudoCall
				ins.Imm = int32(start[r.target] - (at + 1))
			case refFunc:
				ins.Src = asm.PseudoFunc
				ins.Imm = int32(start[r.target] - (at + 1))
				insns[at+1].Imm = 0
			case refMap:
				ins.Src = asm.PseudoMapIdx
				ins.Imm = int32(r.target)
				insns[at+1].Imm = 0
			case refGlobal:
				ins.Src = asm.PseudoMapIdxValue
				ins.Imm = int32(r.target)
				insns[at+1].Imm = int32(r.off)
			}
		}
	}
	return insns, refs
}
