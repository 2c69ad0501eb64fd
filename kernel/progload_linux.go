// This file implements the BPF_PROG_LOAD system call on Linux, issued
// directly so that its wall time is the verifier's and nothing else's.

//go:build linux

package kernel

import (
	"bytes"
	"runtime"
	"sync/atomic"
	"time"
	"unsafe"

	"golang.org/x/sys/unix"
)

// progLoadAttr is the BPF_PROG_LOAD member of union bpf_attr
// (include/uapi/linux/bpf.h, Linux 6.14), for 64-bit hosts.
type progLoadAttr struct {
	progType           uint32
	insnCnt            uint32
	insns              uint64
	license            uint64
	logLevel           uint32
	logSize            uint32
	logBuf             uint64
	kernVersion        uint32
	progFlags          uint32
	progName           [16]byte
	progIfindex        uint32
	expectedAttachType uint32
	progBTFFD          uint32
	funcInfoRecSize    uint32
	funcInfo           uint64
	funcInfoCnt        uint32
	lineInfoRecSize    uint32
	lineInfo           uint64
	lineInfoCnt        uint32
	attachBTFID        uint32
	attachProgFD       uint32
	coreReloCnt        uint32
	fdArray            uint64
	coreRelos          uint64
	coreReloRecSize    uint32
	logTrueSize        uint32
	progTokenFD        int32
	fdArrayCnt         uint32
}

// Sizes of the kernel's struct bpf_func_info and struct bpf_line_info.
const (
	funcInfoRecSize = 8
	lineInfoRecSize = 16
)

// sysProgLoad issues BPF_PROG_LOAD, closes the program if it loaded, and
// returns the kernel's answer. It grows the log buffer and tries again
// when the log did not fit (ENOSPC, which the kernel returns even for a
// program it accepted), and tries again when a signal interrupted the
// verifier (EAGAIN).
func sysProgLoad(r *progLoad) (*progLoadResult, error) {
	license := append([]byte(r.license), 0)
	attr := progLoadAttr{
		progType:           r.progType,
		insnCnt:            uint32(len(r.insns) / 8),
		insns:              addr(r.insns),
		license:            addr(license),
		kernVersion:        r.kernVersion,
		progFlags:          r.flags,
		expectedAttachType: r.attachType,
		progBTFFD:          r.btfFD,
	}
	copy(attr.progName[:15], objName(r.name))
	if len(r.funcInfo) > 0 {
		attr.funcInfoRecSize, attr.funcInfo, attr.funcInfoCnt = funcInfoRecSize, addr(r.funcInfo), uint32(len(r.funcInfo)/funcInfoRecSize)
	}
	if len(r.lineInfo) > 0 {
		attr.lineInfoRecSize, attr.lineInfo, attr.lineInfoCnt = lineInfoRecSize, addr(r.lineInfo), uint32(len(r.lineInfo)/lineInfoRecSize)
	}
	if r.timeout > 0 {
		// The verifier stops with EAGAIN when a signal is pending: past
		// the deadline, signal this thread (SIGURG, which the Go runtime
		// takes as a harmless preemption request) until the call returns.
		runtime.LockOSThread()
		defer runtime.UnlockOSThread()
		pid, tid := unix.Getpid(), unix.Gettid()
		var expired atomic.Bool
		done := make(chan struct{})
		defer close(done)
		timer := time.AfterFunc(r.timeout, func() {
			expired.Store(true)
			for {
				unix.Tgkill(pid, tid, unix.SIGURG)
				select {
				case <-done:
					return
				case <-time.After(time.Millisecond):
				}
			}
		})
		defer timer.Stop()
		r.expired = expired.Load
	}
	size := r.logSize
	for {
		var logBuf []byte
		attr.logLevel, attr.logSize, attr.logBuf, attr.logTrueSize = 0, 0, 0, 0
		if r.logLevel != 0 {
			logBuf = make([]byte, size)
			attr.logLevel, attr.logSize, attr.logBuf = r.logLevel, size, addr(logBuf)
		}
		start := time.Now()
		fd, _, errno := unix.Syscall(unix.SYS_BPF, unix.BPF_PROG_LOAD, uintptr(unsafe.Pointer(&attr)), unsafe.Sizeof(attr))
		wall := time.Since(start)
		runtime.KeepAlive(r)
		runtime.KeepAlive(license)
		runtime.KeepAlive(logBuf)
		switch {
		case errno == 0:
			unix.Close(int(fd))
			return &progLoadResult{log: cString(logBuf), wall: wall}, nil
		case (errno == unix.EAGAIN || errno == unix.EINTR) && r.expired != nil && r.expired():
			return &progLoadResult{errno: errno, timedOut: true, log: cString(logBuf), wall: wall}, nil
		case errno == unix.EAGAIN || errno == unix.EINTR:
			continue
		case errno == unix.ENOSPC && logBuf != nil && size < verifierLogMax:
			if attr.logTrueSize > size {
				size = min(attr.logTrueSize, verifierLogMax)
			} else {
				size = min(2*size, verifierLogMax)
			}
			continue
		}
		return &progLoadResult{errno: errno, log: cString(logBuf), wall: wall}, nil
	}
}

// objName keeps what the kernel takes in an object name: letters,
// digits, '_' and '.'.
func objName(s string) []byte {
	var b []byte
	for i := 0; i < len(s) && len(b) < 15; i++ {
		c := s[i]
		if c == '_' || c == '.' || '0' <= c && c <= '9' || 'a' <= c && c <= 'z' || 'A' <= c && c <= 'Z' {
			b = append(b, c)
		}
	}
	return b
}

// cString returns the log up to its terminating NUL.
func cString(b []byte) string {
	if i := bytes.IndexByte(b, 0); i >= 0 {
		b = b[:i]
	}
	return string(b)
}
