// This file implements Available: whether this process can load and run
// BPF programs in the kernel, and if not, why.

package kernel

import (
	"errors"
	"fmt"
	"runtime"
	"sync"

	"github.com/cilium/ebpf"
	"github.com/cilium/ebpf/asm"
	"github.com/cilium/ebpf/rlimit"
	"golang.org/x/sys/unix"
)

var (
	availableOnce sync.Once
	availableErr  error
)

// Available returns nil when this process can use the kernel as an oracle:
// bpf() exists, a trivial socket filter and a trivial XDP program load, and
// BPF_PROG_TEST_RUN runs the XDP program. Otherwise its error says why, in
// words fit for t.Skip. The probe runs once per process.
func Available() error {
	availableOnce.Do(func() { availableErr = probe() })
	return availableErr
}

func probe() error {
	if runtime.GOOS != "linux" {
		return fmt.Errorf("kernel: the BPF oracle needs Linux, this is %s", runtime.GOOS)
	}
	// Kernels before 5.11 charge BPF memory to RLIMIT_MEMLOCK; lifting it
	// needs privileges, so a failure here only matters if loading fails.
	memlock := rlimit.RemoveMemlock()

	filter, err := trivialProgram(ebpf.SocketFilter, 0)
	if err != nil {
		if memlock != nil {
			return fmt.Errorf("kernel: bpf() unusable: loading a trivial socket filter: %w%s (and lifting RLIMIT_MEMLOCK: %v)", err, hint(err), memlock)
		}
		return fmt.Errorf("kernel: bpf() unusable: loading a trivial socket filter: %w%s", err, hint(err))
	}
	filter.Close()

	xdp, err := trivialProgram(ebpf.XDP, 2)
	if err != nil {
		return fmt.Errorf("kernel: loading a trivial XDP program: %w%s", err, hint(err))
	}
	defer xdp.Close()
	out, err := testRun(xdp, make([]byte, 14), 1)
	if err != nil {
		return fmt.Errorf("kernel: BPF_PROG_TEST_RUN of a trivial XDP program: %w%s", err, hint(err))
	}
	if out.Retval != 2 {
		return fmt.Errorf("kernel: BPF_PROG_TEST_RUN of a trivial XDP program returned %d, want 2", out.Retval)
	}
	return nil
}

// trivialProgram loads `r0 = ret; exit` as a program of type typ.
func trivialProgram(typ ebpf.ProgramType, ret int64) (*ebpf.Program, error) {
	return ebpf.NewProgram(&ebpf.ProgramSpec{
		Type:         typ,
		Instructions: asm.Instructions{asm.Mov.Imm(asm.R0, int32(ret)), asm.Return()},
		License:      "GPL",
	})
}

// hint turns the usual errnos of a refused bpf() into advice.
func hint(err error) string {
	switch {
	case errors.Is(err, unix.EPERM), errors.Is(err, unix.EACCES):
		return " (run as root, or grant CAP_BPF and CAP_NET_ADMIN)"
	case errors.Is(err, unix.ENOSYS):
		return " (this kernel has no bpf() system call)"
	case errors.Is(err, ebpf.ErrNotSupported):
		return " (this kernel does not support it)"
	}
	return ""
}
