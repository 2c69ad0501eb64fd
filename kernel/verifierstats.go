// This file implements asking the kernel's verifier about one program
// without keeping it: BPF_PROG_LOAD with a verifier log, the verdict, the
// wall time of the system call, and the statistics the kernel prints at
// the end of its log (processed instructions, states, verification time,
// stack depth), parsed.

package kernel

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"regexp"
	"strconv"
	"strings"
	"time"

	"github.com/cilium/ebpf"
	"github.com/cilium/ebpf/asm"
	"github.com/cilium/ebpf/btf"
)

// Log levels of BPF_PROG_LOAD (the bits of its log_level).
const (
	LogLevelBranch      = 1 // BPF_LOG_LEVEL1: the failing path, and the "processed" line
	LogLevelInstruction = 2 // BPF_LOG_LEVEL2: every instruction with the register state
	LogLevelStats       = 4 // BPF_LOG_STATS: the verification time and the stack depth
)

// VerifierStats are the figures the kernel's verifier prints at the end
// of its log (print_verification_stats in kernel/bpf/verifier.c).
type VerifierStats struct {
	// Processed is insn_processed: the instructions the walk over the
	// program's paths processed ("processed N insns").
	Processed int
	// Limit is the complexity limit Processed is held to ("(limit N)").
	Limit            int
	MaxStatesPerInsn int
	TotalStates      int
	PeakStates       int
	MarkRead         int
	// Time is the kernel's own "verification time N usec" (microsecond
	// resolution); it is printed at LogLevelStats only.
	Time time.Duration
	// StackDepth is each subprogram's stack depth ("stack depth 8+16"),
	// printed at LogLevelStats only.
	StackDepth []int
}

// statsTail is how much of the end of a log holds the statistics.
const statsTail = 4096

var (
	processedLine = regexp.MustCompile(`processed (\d+) insns \(limit (\d+)\) max_states_per_insn (\d+) total_states (\d+) peak_states (\d+) mark_read (\d+)`)
	timeLine      = regexp.MustCompile(`verification time (\d+) usec`)
	stackLine     = regexp.MustCompile(`(?m)^stack depth ([0-9+]+)\s*$`)
)

// ParseVerifierStats reads the statistics lines of a verifier log. It
// reports false when the log has no "processed N insns" line (a log level
// of 0, or a rejection at a level below LogLevelBranch). The last lines
// win, should the log hold several.
func ParseVerifierStats(log string) (VerifierStats, bool) {
	var s VerifierStats
	if len(log) > statsTail {
		log = log[len(log)-statsTail:] // the statistics end the log
	}
	all := processedLine.FindAllStringSubmatch(log, -1)
	if len(all) == 0 {
		return s, false
	}
	m := all[len(all)-1]
	fields := []*int{&s.Processed, &s.Limit, &s.MaxStatesPerInsn, &s.TotalStates, &s.PeakStates, &s.MarkRead}
	for i, f := range fields {
		*f, _ = strconv.Atoi(m[i+1])
	}
	if t := timeLine.FindAllStringSubmatch(log, -1); len(t) > 0 {
		us, _ := strconv.ParseInt(t[len(t)-1][1], 10, 64)
		s.Time = time.Duration(us) * time.Microsecond
	}
	if d := stackLine.FindAllStringSubmatch(log, -1); len(d) > 0 {
		for _, part := range strings.Split(d[len(d)-1][1], "+") {
			n, err := strconv.Atoi(part)
			if err != nil {
				s.StackDepth = nil
				break
			}
			s.StackDepth = append(s.StackDepth, n)
		}
	}
	return s, true
}

// Verdict is the kernel verifier's answer about one program.
type Verdict struct {
	// Accepted is whether BPF_PROG_LOAD succeeded.
	Accepted bool
	// Err is why it did not: the errno of BPF_PROG_LOAD (EACCES and
	// EINVAL for a rejection by the verifier, E2BIG, EPERM, ...).
	Err error
	// Log is the verifier log at the level asked (empty at level 0).
	Log string
	// Stats are parsed from Log; HasStats is false when it has none.
	Stats    VerifierStats
	HasStats bool
	// LoadTime is the wall time of the BPF_PROG_LOAD system call (of its
	// last attempt, when the kernel asked to try again), not counting
	// the BTF and instruction encoding done before it.
	LoadTime time.Duration
	// TimedOut says that VerifyWithin stopped the verifier at its
	// deadline: the kernel did not decide (Accepted is false, Err EAGAIN).
	TimedOut bool
}

// LogTail returns the last n lines of the log.
func (v *Verdict) LogTail(n int) string {
	lines := strings.Split(strings.TrimRight(v.Log, "\n"), "\n")
	if len(lines) > n {
		lines = lines[len(lines)-n:]
	}
	return strings.Join(lines, "\n")
}

// Verify loads spec into the kernel with BPF_PROG_LOAD and the given log
// level (LogLevelBranch, LogLevelInstruction and LogLevelStats or'ed; 0
// for no log), closes the program again and returns the verdict. Map
// loads in spec must be resolved: associated with a map
// (asm.Instruction.AssociateMap) or holding a file descriptor. The
// returned error is for what stopped the load before the verifier (no
// kernel, a spec that does not encode); a rejection is a Verdict.
//
// Function and line info in spec's instructions (btf.WithFuncMetadata,
// as ebpf.LoadCollectionSpec leaves them) go with the program, so global
// functions verify against their prototypes. CO-RE relocations, kfunc
// calls and .kconfig or .ksyms references are not resolved: load those
// programs with cilium/ebpf.
func Verify(spec *ebpf.ProgramSpec, logLevel uint32) (*Verdict, error) {
	return VerifyWithin(spec, logLevel, 0)
}

// VerifyWithin is Verify with a deadline: when the kernel's verifier is
// still at work after timeout (some programs take it tens of seconds to
// refuse), it is interrupted, and the verdict says TimedOut. A timeout of
// 0 waits for the verdict.
func VerifyWithin(spec *ebpf.ProgramSpec, logLevel uint32, timeout time.Duration) (*Verdict, error) {
	if err := Available(); err != nil {
		return nil, err
	}
	req := progLoad{
		progType:    uint32(spec.Type),
		flags:       spec.Flags,
		attachType:  uint32(spec.AttachType),
		license:     spec.License,
		name:        spec.Name,
		logLevel:    logLevel,
		logSize:     verifierLogStart,
		kernVersion: spec.KernelVersion,
		timeout:     timeout,
	}
	if req.license == "" {
		req.license = "GPL"
	}

	insns := make(asm.Instructions, len(spec.Instructions))
	copy(insns, spec.Instructions)
	if err := relocateCORE(insns); err != nil {
		return nil, fmt.Errorf("kernel: verify %s: %w", spec.Name, err)
	}
	var b btf.Builder
	fi, li, err := btf.MarshalExtInfos(insns, &b)
	if err != nil {
		return nil, fmt.Errorf("kernel: verify %s: func and line info: %w", spec.Name, err)
	}
	if !b.Empty() {
		h, err := btf.NewHandle(&b)
		if err != nil {
			return nil, fmt.Errorf("kernel: verify %s: loading its BTF: %w", spec.Name, err)
		}
		defer h.Close()
		req.btfFD = uint32(h.FD())
		req.funcInfo, req.lineInfo = fi, li
	}
	var code bytes.Buffer
	if err := insns.Marshal(&code, hostEndian()); err != nil {
		return nil, fmt.Errorf("kernel: verify %s: encoding: %w", spec.Name, err)
	}
	req.insns = code.Bytes()

	res, err := sysProgLoad(&req)
	if err != nil {
		return nil, fmt.Errorf("kernel: verify %s: %w", spec.Name, err)
	}
	v := &Verdict{Accepted: res.errno == nil, Err: res.errno, Log: res.log, LoadTime: res.wall, TimedOut: res.timedOut}
	v.Stats, v.HasStats = ParseVerifierStats(v.Log)
	return v, nil
}

// Verify loads program prog of the collection again, against the
// collection's maps, with the given log level, and returns the kernel's
// verdict (see the package function Verify). The collection is left as
// it was.
func (c *Collection) Verify(prog string, logLevel uint32) (*Verdict, error) {
	ps := c.spec.Programs[prog]
	if ps == nil {
		return nil, fmt.Errorf("kernel: %s has no program %q (it has %s)", c.path, prog, strings.Join(c.Programs(), ", "))
	}
	ps = ps.Copy()
	for i := range ps.Instructions {
		ins := &ps.Instructions[i]
		if !ins.IsLoadFromMap() || ins.Reference() == "" {
			continue
		}
		m, err := c.bpfMap(ins.Reference())
		if err != nil {
			return nil, err
		}
		if err := ins.AssociateMap(m); err != nil {
			return nil, fmt.Errorf("kernel: verify %s: map %s: %w", prog, ins.Reference(), err)
		}
	}
	return Verify(ps, logLevel)
}

// hostEndian is the host's byte order as the one of binary.LittleEndian
// and binary.BigEndian it is (cilium/ebpf takes no other).
func hostEndian() binary.ByteOrder {
	if binary.NativeEndian.Uint16([]byte{1, 0}) == 1 {
		return binary.LittleEndian
	}
	return binary.BigEndian
}

// verifierLogStart is the log buffer Verify starts with; it grows to what
// the kernel says it needs (log_true_size) when that is more. A variable
// so that tests can make it small.
var verifierLogStart uint32 = 1 << 20

// verifierLogMax is the largest log buffer the kernel takes (UINT_MAX >> 2).
const verifierLogMax = 1<<30 - 1

// progLoad is one BPF_PROG_LOAD request.
type progLoad struct {
	progType, flags, attachType, kernVersion uint32
	license, name                            string
	insns                                    []byte
	logLevel, logSize                        uint32
	btfFD                                    uint32
	funcInfo, lineInfo                       []byte
	timeout                                  time.Duration // 0: none
	expired                                  func() bool   // set by sysProgLoad
}

// progLoadResult is what the system call returned: a nil errno when the
// kernel accepted the program (which sysProgLoad closed).
type progLoadResult struct {
	errno    error
	timedOut bool
	log      string
	wall     time.Duration
}

// relocateCORE applies the instructions' CO-RE relocations against the
// running kernel's BTF, as libbpf and ebpf.NewProgram do.
func relocateCORE(insns asm.Instructions) error {
	var (
		relos []*btf.CORERelocation
		at    []int
	)
	for i := range insns {
		if r := btf.CORERelocationMetadata(&insns[i]); r != nil {
			relos = append(relos, r)
			at = append(at, i)
		}
	}
	if len(relos) == 0 {
		return nil
	}
	target, err := btf.LoadKernelSpec()
	if err != nil {
		return fmt.Errorf("CO-RE relocations need the kernel's BTF: %w", err)
	}
	fixups, err := btf.CORERelocate(relos, []*btf.Spec{target}, hostEndian(), func(t btf.Type) (btf.TypeID, error) {
		return 0, fmt.Errorf("local type IDs (%s) are not supported", t)
	})
	if err != nil {
		return fmt.Errorf("CO-RE: %w", err)
	}
	for k, i := range at {
		if err := fixups[k].Apply(&insns[i]); err != nil {
			return fmt.Errorf("CO-RE relocation of instruction %d: %w", i, err)
		}
	}
	return nil
}
