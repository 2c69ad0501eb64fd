// This file implements the BPF_PROG_TEST_RUN system call on Linux.
//
// cilium/ebpf's Program.Run returns the packet out but not the kernel's
// duration, and Program.Benchmark the duration but not the packet; one
// system call returns both, and a second run would change map state, so
// the oracle issues the command itself.

//go:build linux

package kernel

import (
	"errors"
	"runtime"
	"unsafe"

	"golang.org/x/sys/unix"
)

// testRunArgs are BPF_PROG_TEST_RUN's inputs and outputs.
type testRunArgs struct {
	dataIn, dataOut, ctxIn, ctxOut []byte
	repeat                         uint32

	retval, duration, dataSizeOut, ctxSizeOut uint32
}

// progTestAttr is the test member of union bpf_attr (include/uapi/linux/bpf.h).
type progTestAttr struct {
	progFD      uint32
	retval      uint32
	dataSizeIn  uint32
	dataSizeOut uint32
	dataIn      uint64
	dataOut     uint64
	repeat      uint32
	duration    uint32
	ctxSizeIn   uint32
	ctxSizeOut  uint32
	ctxIn       uint64
	ctxOut      uint64
	flags       uint32
	cpu         uint32
	batchSize   uint32
	_           uint32
}

func addr(b []byte) uint64 {
	if len(b) == 0 {
		return 0
	}
	return uint64(uintptr(unsafe.Pointer(&b[0])))
}

// errENOTSUPP is the kernel-internal ENOTSUPP (524) that BPF_PROG_TEST_RUN
// returns for program types without a test runner.
const errENOTSUPP = unix.Errno(524)

// errUnsupportedType explains errENOTSUPP.
var errUnsupportedType = errors.New("the kernel has no BPF_PROG_TEST_RUN for this program type (ENOTSUPP)")

func sysTestRun(fd int, a *testRunArgs) error {
	attr := progTestAttr{
		progFD:      uint32(fd),
		dataSizeIn:  uint32(len(a.dataIn)),
		dataSizeOut: uint32(len(a.dataOut)),
		dataIn:      addr(a.dataIn),
		dataOut:     addr(a.dataOut),
		repeat:      a.repeat,
		ctxSizeIn:   uint32(len(a.ctxIn)),
		ctxSizeOut:  uint32(len(a.ctxOut)),
		ctxIn:       addr(a.ctxIn),
		ctxOut:      addr(a.ctxOut),
	}
	for {
		_, _, errno := unix.Syscall(unix.SYS_BPF, unix.BPF_PROG_TEST_RUN,
			uintptr(unsafe.Pointer(&attr)), unsafe.Sizeof(attr))
		runtime.KeepAlive(a)
		switch errno {
		case 0:
			a.retval, a.duration = attr.retval, attr.duration
			a.dataSizeOut, a.ctxSizeOut = attr.dataSizeOut, attr.ctxSizeOut
			if int(a.dataSizeOut) > len(a.dataOut) {
				a.dataSizeOut = uint32(len(a.dataOut))
			}
			if int(a.ctxSizeOut) > len(a.ctxOut) {
				a.ctxSizeOut = uint32(len(a.ctxOut))
			}
			return nil
		case unix.EINTR:
			// A signal (the Go scheduler's preemption, say) stopped
			// the runs before repeat were done: run again.
			continue
		case errENOTSUPP:
			return errUnsupportedType
		default:
			return errno
		}
	}
}
