// This file implements the kernel's side of a check: the maps created in
// the kernel with the program's specs, the program's instructions
// translated for cilium/ebpf with map indexes turned into their file
// descriptors, and the kernel's verdict.

package soundness

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"time"

	"github.com/callx/callx/asm"
	"github.com/callx/callx/kernel"
	"github.com/cilium/ebpf"
	ciliumasm "github.com/cilium/ebpf/asm"
	"github.com/cilium/ebpf/btf"
)

// kernelSide holds the maps programs refer to in the kernel, created
// once per set of specs; loading a program does not change them.
type kernelSide struct {
	maps map[string][]*ebpf.Map // by the specs' text
}

func newKernelSide() *kernelSide { return &kernelSide{maps: map[string][]*ebpf.Map{}} }

func (k *kernelSide) close() {
	for _, ms := range k.maps {
		for _, m := range ms {
			m.Close()
		}
	}
	k.maps = nil
}

// mapsFor returns the kernel maps for specs, creating them the first time.
func (k *kernelSide) mapsFor(specs []MapSpec) ([]*ebpf.Map, error) {
	key := fmt.Sprint(specs)
	if ms, ok := k.maps[key]; ok {
		return ms, nil
	}
	ms := make([]*ebpf.Map, len(specs))
	for i, s := range specs {
		m, err := ebpf.NewMap(s.kernelMapSpec(i))
		if err != nil {
			for _, m := range ms[:i] {
				m.Close()
			}
			return nil, fmt.Errorf("soundness: creating map %d (%s) in the kernel: %w", i, s, err)
		}
		ms[i] = m
	}
	k.maps[key] = ms
	return ms, nil
}

// errNotComparable is a program the kernel cannot be asked about with the
// same meaning: an ld_imm64 naming a map by file descriptor, say.
var errNotComparable = errors.New("not comparable with the kernel")

// errKernelStuck is a BPF_PROG_LOAD that did not return, signals or not,
// well past the deadline: a kernel bug (the verifier stops at a pending
// signal while it walks a program, but not in every phase). The call is
// left behind on its own thread.
var errKernelStuck = errors.New("the kernel's BPF_PROG_LOAD does not return, though signalled past its deadline")

// kernelStuckAfter is how long past its deadline a BPF_PROG_LOAD may take
// before it is left behind.
const kernelStuckAfter = 30 * time.Second

// verify asks the kernel about p at the given log level.
func (k *kernelSide) verify(p *Program, logLevel uint32) (*kernel.Verdict, error) {
	return withWatchdog(kernelTimeout+kernelStuckAfter, func() (*kernel.Verdict, error) {
		return k.verifyNow(p, logLevel)
	})
}

// withWatchdog runs f and returns what it returns, or errKernelStuck when
// it has not returned after limit (f then goes on alone).
func withWatchdog(limit time.Duration, f func() (*kernel.Verdict, error)) (*kernel.Verdict, error) {
	type answer struct {
		v   *kernel.Verdict
		err error
	}
	done := make(chan answer, 1)
	go func() {
		v, err := f()
		done <- answer{v, err}
	}()
	timer := time.NewTimer(limit)
	defer timer.Stop()
	select {
	case a := <-done:
		return a.v, a.err
	case <-timer.C:
		return nil, errKernelStuck
	}
}

// verifyNow is verify without the watchdog.
func (k *kernelSide) verifyNow(p *Program, logLevel uint32) (*kernel.Verdict, error) {
	ms, err := k.mapsFor(p.Maps)
	if err != nil {
		return nil, err
	}
	insns, err := kernelInstructions(p.Insns, ms)
	if err != nil {
		return nil, err
	}
	if err := attachFuncInfo(insns, p.Insns); err != nil {
		return nil, err
	}
	typ := ebpf.XDP
	if p.Type == Socket {
		typ = ebpf.SocketFilter
	}
	return kernel.VerifyWithin(&ebpf.ProgramSpec{Name: "soundness", Type: typ, Instructions: insns, License: "GPL"}, logLevel, kernelTimeout)
}

// kernelTimeout is how long the kernel may take over one program: some
// take it tens of seconds to refuse (a loop it walks a million
// instructions of, slowly); the harness counts them and moves on.
const kernelTimeout = 2 * time.Second

// attachFuncInfo puts the func_info records of p (see funcInfo) on the
// translated instructions, which count an ld_imm64 once.
func attachFuncInfo(insns ciliumasm.Instructions, p asm.Program) error {
	infos, _, err := funcInfo(p)
	if err != nil || infos == nil {
		return err
	}
	index := map[int]int{}
	slot := 0
	for i, ins := range insns {
		index[slot] = i
		slot += int(ins.Size() / ciliumasm.InstructionSize)
	}
	for _, fi := range infos {
		i, ok := index[fi.Slot]
		if !ok {
			return fmt.Errorf("%w: a function starts in the middle of an ld_imm64 (slot %d)", errNotComparable, fi.Slot)
		}
		insns[i] = btf.WithFuncMetadata(insns[i], fi.Func)
	}
	return nil
}

// kernelInstructions translates a program for cilium/ebpf: map_idx(N)
// becomes map_fd(fd of map N) and map_idx_value(N, off) map_value(fd,
// off); a map index out of range becomes fd -1, which the kernel refuses
// as callx's verifier must refuse the index.
func kernelInstructions(p asm.Program, ms []*ebpf.Map) (ciliumasm.Instructions, error) {
	r := bytes.NewReader(p.Bytes())
	var insns ciliumasm.Instructions
	for r.Len() > 0 {
		var ins ciliumasm.Instruction
		if err := ins.Unmarshal(r, binary.LittleEndian, "linux"); err != nil {
			return nil, fmt.Errorf("%w: %v", errNotComparable, err)
		}
		if ins.OpCode.IsDWordLoad() {
			switch ins.Src {
			case asm.PseudoMapIdx, asm.PseudoMapIdxValue:
				fd := uint64(0xffffffff)
				if idx := uint64(uint32(ins.Constant)); idx < uint64(len(ms)) {
					fd = uint64(uint32(ms[idx].FD()))
				}
				if ins.Src == asm.PseudoMapIdx {
					ins.Src, ins.Constant = ciliumasm.PseudoMapFD, int64(fd)
				} else {
					ins.Src, ins.Constant = ciliumasm.PseudoMapValue, int64(uint64(ins.Constant)&^0xffffffff|fd)
				}
			case asm.PseudoMapFD, asm.PseudoMapValue, asm.PseudoBTFID:
				return nil, fmt.Errorf("%w: ld_imm64 with pseudo source %d names a kernel object", errNotComparable, ins.Src)
			}
		}
		insns = append(insns, ins)
	}
	return insns, nil
}
