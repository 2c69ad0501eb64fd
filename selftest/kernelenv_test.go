package selftest

// This file implements what test_progs and libbpf do around test_loader
// that cilium/ebpf does not, so that the kernel sees each test as it does
// in the kernel's CI: the capabilities of prog_tests/verifier.c, its
// pre-execution map setup, libbpf's ring buffer sizes, libbpf's fallback
// to loading without BTF when the kernel refuses the object's BTF, and
// the __btf_path types for CO-RE.

import (
	"encoding/binary"
	"errors"
	"fmt"
	"os"
	"path/filepath"

	"github.com/cilium/ebpf"
	"github.com/cilium/ebpf/asm"
	"github.com/cilium/ebpf/btf"
	"golang.org/x/sys/unix"
)

// Capabilities, by the numbers of linux/capability.h.
const (
	capNetAdmin = unix.CAP_NET_ADMIN
	capSysAdmin = unix.CAP_SYS_ADMIN
	capPerfmon  = unix.CAP_PERFMON
	capBPF      = unix.CAP_BPF
)

// droppedCaps are the capabilities prog_tests/verifier.c drops around a
// file's tests: run_tests_aux drops CAP_SYS_ADMIN ("test_verifier tests
// are executed w/o CAP_SYS_ADMIN"); test_verifier_mtu also CAP_PERFMON.
func droppedCaps(file string) []int {
	if file == "verifier_mtu" {
		return []int{capSysAdmin, capPerfmon}
	}
	return []int{capSysAdmin}
}

// withCaps runs f on a locked OS thread whose effective capabilities lack
// drop (capabilities are per thread; BPF_PROG_LOAD checks the caller's).
// It needs CAP_BPF and CAP_NET_ADMIN to stay, as prog_tests/verifier.c
// does for verifier_mtu.
func withCaps(drop []int, f func()) error {
	hdr := unix.CapUserHeader{Version: unix.LINUX_CAPABILITY_VERSION_3}
	var data [2]unix.CapUserData
	if err := unix.Capget(&hdr, &data[0]); err != nil {
		return fmt.Errorf("capget: %w", err)
	}
	for _, c := range []int{capBPF, capNetAdmin} {
		if data[c/32].Effective&(1<<(c%32)) == 0 {
			return fmt.Errorf("capability %d is not effective: run as root", c)
		}
	}
	old := data
	for _, c := range drop {
		data[c/32].Effective &^= 1 << (c % 32)
	}
	if err := unix.Capset(&hdr, &data[0]); err != nil {
		return fmt.Errorf("capset: %w", err)
	}
	defer func() { _ = unix.Capset(&hdr, &old[0]) }()
	f()
	return nil
}

// preExecution is prog_tests/verifier.c's pre_execution_cb per file:
// what it puts in the maps before a test run.
var preExecution = map[string]func(*ebpf.Collection) error{
	"verifier_array_access":    func(c *ebpf.Collection) error { return initTestVal(c, "map_array_ro") },
	"verifier_value_ptr_arith": func(c *ebpf.Collection) error { return initTestVal(c, "map_array_48b") },
}

// initTestVal is init_test_val_map: element 0 of map becomes struct
// test_val{.index = (6 + 1) * sizeof(int), .foo[6] = 0xabcdef12}.
func initTestVal(c *ebpf.Collection, name string) error {
	m := c.Maps[name]
	if m == nil {
		return fmt.Errorf("no map %q", name)
	}
	var v [48]byte // u32 index; int foo[11]
	binary.LittleEndian.PutUint32(v[0:], 7*4)
	binary.LittleEndian.PutUint32(v[4+6*4:], 0xabcdef12)
	return m.Update(uint32(0), v[:], ebpf.UpdateAny)
}

// adjustRingbufs sizes ring buffers as libbpf's adjust_ringbuf_sz does:
// the smallest power-of-2 multiple of the page size that holds the
// requested size (cilium/ebpf passes the size through, and the kernel
// refuses one that is not a page multiple).
func adjustRingbufs(cs *ebpf.CollectionSpec) {
	page := uint32(os.Getpagesize())
	for _, m := range cs.Maps {
		if m.Type != ebpf.RingBuf && m.Type != ebpf.UserRingbuf || m.MaxEntries == 0 {
			continue
		}
		sz := m.MaxEntries
		if sz%page == 0 && isPow2(sz/page) {
			continue
		}
		for mul := uint32(1); mul <= ^uint32(0)/page; mul <<= 1 {
			if mul*page > sz {
				m.MaxEntries = mul * page
				break
			}
		}
	}
}

func isPow2(x uint32) bool { return x != 0 && x&(x-1) == 0 }

// objectBTFLoads reports whether the kernel accepts the object's BTF as
// libbpf loads it. libbpf loads the whole object's BTF once and, when the
// kernel refuses it, loads every program and map without BTF ("BTF is
// optional, ignoring"); cilium/ebpf loads per program only the types that
// program needs, and fails it when they are refused. libbpf first turns
// extern kfuncs into global functions with named parameters (and the
// .ksyms section into variables), which the kernel accepts: those are left
// out here.
func objectBTFLoads(spec *btf.Spec) (bool, error) {
	var types []btf.Type
	for t, err := range spec.All() {
		if err != nil {
			return false, err
		}
		switch t := t.(type) {
		case *btf.Func:
			if t.Linkage == btf.ExternFunc {
				continue
			}
		case *btf.Datasec:
			if t.Name == ".ksyms" {
				continue
			}
		}
		types = append(types, t)
	}
	b, err := btf.NewBuilder(types, nil)
	if err != nil {
		return false, err
	}
	h, err := btf.NewHandle(b)
	if err != nil {
		var ve *ebpf.VerifierError
		if errors.As(err, &ve) || errors.Is(err, unix.EINVAL) {
			return false, nil
		}
		return false, err
	}
	h.Close()
	return true, nil
}

// stripBTF makes every program and map of cs load without BTF, as libbpf
// does when the kernel refuses the object's BTF: no func_info, no
// line_info, no map key and value types.
func stripBTF(cs *ebpf.CollectionSpec) {
	for _, p := range cs.Programs {
		for i := range p.Instructions {
			ins := btf.WithFuncMetadata(p.Instructions[i], nil)
			p.Instructions[i] = ins.WithSource(nil)
		}
	}
	for _, m := range cs.Maps {
		m.Key, m.Value = nil, nil
	}
}

// usesAddrSpaceCast reports whether a program holds addr_space_cast
// (mov with off 1): cilium/ebpf v0.22 writes every ALU instruction with
// its offset reset to 0 (Instruction.Marshal), which turns it into a mov
// with reserved fields that the kernel refuses.
func usesAddrSpaceCast(p *ebpf.ProgramSpec) bool {
	for _, ins := range p.Instructions {
		if ins.OpCode.Class().IsALU() && ins.OpCode.ALUOp() == asm.Mov && ins.Offset == 1 {
			return true
		}
	}
	return false
}

// btfPathTypes loads the types of a __btf_path object, built by
// scripts/selftests.sh beside the tests.
func btfPathTypes(dir, name string) (*btf.Spec, error) {
	return btf.LoadSpec(filepath.Join(dir, name))
}
