// This file implements the BTF that types a program's functions: the
// kernel wants a func_info record for every function of a program that
// takes the address of one (bpf_loop callbacks), and lets functions use
// LD_ABS only with them, so the harness gives every program with more
// than one function the same records, for the kernel and for callx.

package soundness

import (
	"fmt"
	"slices"

	"github.com/callx/callx/asm"
	"github.com/callx/callx/loader"
	"github.com/cilium/ebpf/btf"
)

// functionStarts returns the slots where p's functions start: 0, and the
// targets of local calls and of function address loads that are in p.
func functionStarts(p asm.Program) []int {
	starts := []int{0}
	for i, ins := range p {
		if i > 0 && p[i-1].IsLoadImm64() {
			continue // the second slot of an ld_imm64
		}
		if ins.IsLocalCall() || (ins.IsLoadImm64() && ins.Src == asm.PseudoFunc) {
			if t := i + int(ins.Imm) + 1; t > 0 && t < len(p) && !slices.Contains(starts, t) {
				starts = append(starts, t)
			}
		}
	}
	slices.Sort(starts)
	return starts
}

// funcInfo returns func_info records for p's functions, each a static
// function `int fN(void)` of a BTF spec made for them, or nothing when p
// has one function.
func funcInfo(p asm.Program) ([]loader.FuncInfo, *btf.Spec, error) {
	starts := functionStarts(p)
	if len(starts) == 1 {
		return nil, nil, nil
	}
	var b btf.Builder
	ret := &btf.Int{Name: "int", Size: 4, Encoding: btf.Signed}
	for _, s := range starts {
		fn := &btf.Func{Name: fmt.Sprintf("f%d", s), Type: &btf.FuncProto{Return: ret}, Linkage: btf.StaticFunc}
		if _, err := b.Add(fn); err != nil {
			return nil, nil, err
		}
	}
	spec, err := b.Spec()
	if err != nil {
		return nil, nil, err
	}
	infos := make([]loader.FuncInfo, len(starts))
	for i, s := range starts {
		var fn *btf.Func
		if err := spec.TypeByName(fmt.Sprintf("f%d", s), &fn); err != nil {
			return nil, nil, err
		}
		infos[i] = loader.FuncInfo{Slot: s, Func: fn}
	}
	return infos, spec, nil
}
