package loader

// This file implements CO-RE (compile once, run everywhere): the
// .BTF.ext records that say an instruction's offset or constant depends
// on a type's layout ("the offset of task_struct.pid"), and their
// relocation against the running kernel's BTF, as libbpf does before
// BPF_PROG_LOAD. Where the kernel's BTF cannot be read, the object's own
// types are the target: the layouts clang compiled for stay as they are.

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"sync"

	"github.com/cilium/ebpf/btf"

	"github.com/callx/callx/asm"

	ciliumasm "github.com/cilium/ebpf/asm"
)

// CORE says how an object's CO-RE relocations were applied.
type CORE struct {
	// Target is "vmlinux" (the running kernel's BTF), "local" (the
	// object's own types: no kernel BTF to read) or "given"
	// (Options.CORETarget).
	Target string
	// Relocations is how many instructions were relocated.
	Relocations int
}

// kernelBTF is the running kernel's BTF, read once.
var kernelBTF = sync.OnceValues(btf.LoadKernelSpec)

// relocateCORE applies the CO-RE relocations of a code section to its
// instructions.
func (l *loader) relocateCORE(sec *section, insns asm.Program) error {
	if l.obj.ext == nil {
		return nil
	}
	relos := l.obj.ext.CORERelos[sec.Name]
	if len(relos) == 0 {
		return nil
	}
	target, name := l.spec, "local"
	if spec, err := kernelBTF(); err == nil {
		target, name = spec, "vmlinux"
	}
	if l.opts.CORETarget != nil {
		target, name = l.opts.CORETarget, "given"
	}
	list := make([]*btf.CORERelocation, len(relos))
	for i, r := range relos {
		list[i] = r.Relo
	}
	var fixups []btf.COREFixup
	err := safely(func() error {
		var err error
		fixups, err = btf.CORERelocate(list, []*btf.Spec{target}, binary.LittleEndian, l.spec.TypeID)
		return err
	})
	if err != nil {
		return wrapf(err, ".BTF.ext", 0, "CO-RE relocations of %s against %s BTF", sec.Name, name)
	}
	for i, r := range relos {
		slot := int(r.Offset)
		at := uint64(slot) * asm.InstructionSize
		if slot < 0 || slot >= len(insns) {
			return errorf(sec.Name, at, "CO-RE relocation at slot %d, beyond the section's %d instructions", slot, len(insns))
		}
		if err := applyFixup(&fixups[i], insns, slot); err != nil {
			return errorf(sec.Name, at, "CO-RE relocation %s: %v", &fixups[i], err)
		}
	}
	l.obj.CORE = CORE{Target: name, Relocations: l.obj.CORE.Relocations + len(relos)}
	return nil
}

// applyFixup rewrites the instruction at slot (both halves of an
// ld_imm64) through cilium/ebpf's instruction model, which the fixups
// apply to.
func applyFixup(f *btf.COREFixup, insns asm.Program, slot int) error {
	n := 1
	if insns[slot].IsLoadImm64() {
		if slot+1 >= len(insns) {
			return fmt.Errorf("ld_imm64 without its second half")
		}
		n = 2
	}
	raw := insns[slot : slot+n].Bytes()
	var ins ciliumasm.Instruction
	if err := ins.Unmarshal(bytes.NewReader(raw), binary.LittleEndian, "linux"); err != nil {
		return err
	}
	if err := f.Apply(&ins); err != nil {
		return err
	}
	var buf bytes.Buffer
	if _, err := ins.Marshal(&buf, binary.LittleEndian); err != nil {
		return err
	}
	out := buf.Bytes()
	if len(out) != n*asm.InstructionSize {
		return fmt.Errorf("relocated instruction changed size")
	}
	for i := 0; i < n; i++ {
		insns[slot+i] = asm.Unmarshal(out[i*asm.InstructionSize:])
	}
	return nil
}
