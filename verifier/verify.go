package verifier

// This file implements the verifier's entry point: the options a program
// is verified with, the verified program it returns, and its statistics.

import (
	"sort"
	"time"

	"github.com/callx/callx/asm"
	"github.com/callx/callx/helpers"
	"github.com/callx/callx/loader"
	"github.com/cilium/ebpf/btf"
)

// Log levels, the kernel's bits of BPF_PROG_LOAD's log_level.
const (
	LogLevel1     = 1 // the failing path (or nothing on success) and the statistics line
	LogLevel2     = 2 // every instruction with the register state
	LogLevelStats = 4 // the statistics
)

// Options say what a program is verified as.
type Options struct {
	// Type is the program type (libbpf's section conventions).
	Type loader.ProgType
	// AttachTo is what follows the section's slash (tp_btf/..., fentry/...).
	AttachTo string
	// Maps are the maps the program's ld_imm64 PseudoMapIdx and
	// PseudoMapIdxValue refer to, by index.
	Maps []*MapInfo
	// Helpers are the helper prototypes calls are checked against; nil is
	// helpers.Default().
	Helpers *helpers.Table
	// BTF and FuncInfo type the program's functions; global functions are
	// verified against their prototypes.
	BTF      *btf.Spec
	FuncInfo []loader.FuncInfo
	// LogLevel selects what the log holds (LogLevel1 | LogLevel2 |
	// LogLevelStats); 0 keeps no log.
	LogLevel int
	// Unprivileged verifies as a user without CAP_BPF/CAP_PERFMON.
	Unprivileged bool
	// NoPerfmon verifies with CAP_BPF but without CAP_PERFMON: bounded
	// loops and bpf-to-bpf calls are allowed, but uninitialised stack
	// may not be read and pointers may not leak.
	NoPerfmon bool
	// Flags are BPF_PROG_LOAD's prog_flags (BPF_F_*).
	Flags uint32
	// Sleepable and Frags are the section's .s and .frags.
	Sleepable, Frags bool
	// KernelBTF types tracing programs' contexts and the kernel objects
	// they reach; nil loads the running kernel's (/sys/kernel/btf/vmlinux)
	// when a tracing program needs it.
	KernelBTF *btf.Spec
	// FuncRoots are the first instructions of functions reached only
	// through function pointers in global data: subprograms of their own
	// (VerifyProgram fills them in).
	FuncRoots []int
}

// Stats are the figures of the kernel's statistics line.
type Stats struct {
	Processed        int // instructions processed (the kernel's insn_processed)
	MaxStatesPerInsn int
	TotalStates      int
	PeakStates       int
	MarkRead         int
	Duration         time.Duration
}

// Verified is a program the verifier accepted, with what it proved.
type Verified struct {
	Insns asm.Program
	// StackDepth is each subprogram's stack depth in bytes, rounded up to
	// 8, by subprogram index.
	StackDepth []int
	// Subprogs are the subprograms' slot ranges.
	Subprogs []Subprog
	Stats    Stats
	// Log is the verifier log at the options' level.
	Log string
	// SlotBudgets are, per open-world slot the program calls through,
	// the frames and stack in use at those calls.
	SlotBudgets []SlotBudget
	// AccessTypes are, per load, store or atomic instruction, the one
	// pointer type it accesses memory through on every path (the
	// kernel's insn_aux_data ptr_type): an access proven in bounds, which
	// an engine may compile for that region alone.
	AccessTypes map[int]RegType
}

// Verify verifies a program's linked instructions. A rejection is an
// *Error carrying the instruction, a code, the kernel's message and the
// log.
func Verify(insns asm.Program, opts Options) (*Verified, error) {
	start := time.Now()
	v := newVerifier(insns, opts)
	err := v.run()
	v.stats.Duration = time.Since(start)
	v.finishLog(err)
	if err != nil {
		if e, ok := err.(*Error); ok {
			e.Log = v.log.String()
			e.Stats = v.stats
		}
		return nil, err
	}
	vp := &Verified{
		Insns:      insns,
		StackDepth: v.stackDepths(),
		Subprogs:   v.cfg.Subprogs,
		Stats:      v.stats,
		Log:        v.log.String(),
	}
	vp.AccessTypes = v.ptrTypes
	for _, b := range v.slotBudgets {
		vp.SlotBudgets = append(vp.SlotBudgets, *b)
	}
	sort.Slice(vp.SlotBudgets, func(i, j int) bool { return vp.SlotBudgets[i].Slot.Name < vp.SlotBudgets[j].Slot.Name })
	return vp, nil
}

// VerifyProgram verifies a program of a loaded object, with its maps, BTF
// and type; opts give the log level and privileges (its Type, Maps, BTF
// and FuncInfo are filled in from the object).
func VerifyProgram(obj *loader.Object, p *loader.Program, opts Options) (*Verified, error) {
	opts.Type = p.Type
	opts.AttachTo = p.AttachTo
	opts.Sleepable = p.Sleepable
	opts.Frags = p.Frags
	opts.BTF = obj.BTF
	opts.FuncInfo = p.FuncInfo
	opts.Maps = MapInfos(obj)
	// Function pointers in global data: read-only tables are the closed
	// world, writable slots the open one; the functions they name are
	// roots of their own.
	slotOf := map[int]int{}
	for _, f := range p.Funcs {
		slotOf[f.Func] = f.Slot
	}
	for i, m := range obj.Maps {
		info := opts.Maps[i]
		if m.ReadOnly {
			for _, fp := range m.FuncPointers {
				if slot, ok := slotOf[fp.Func]; ok {
					if info.FuncTable == nil {
						info.FuncTable = map[uint32]int{}
					}
					info.FuncTable[fp.Offset] = slot
				}
			}
		}
	}
	for _, s := range obj.Slots {
		if s.Map >= 0 && s.Map < len(obj.Maps) && !obj.Maps[s.Map].ReadOnly {
			info := opts.Maps[s.Map]
			info.Slots = append(info.Slots, &SlotInfo{Name: s.Name, Offset: s.Offset, Count: s.Count, Proto: s.Proto})
		}
	}
	for _, f := range p.Funcs[min(1, len(p.Funcs)):] {
		opts.FuncRoots = append(opts.FuncRoots, f.Slot)
	}
	return Verify(p.Insns, opts)
}

// MapInfos describes an object's maps for the verifier, by index.
func MapInfos(obj *loader.Object) []*MapInfo {
	infos := make([]*MapInfo, len(obj.Maps))
	for i, m := range obj.Maps {
		infos[i] = mapInfo(i, m)
	}
	return infos
}

func mapInfo(i int, m *loader.Map) *MapInfo {
	info := &MapInfo{
		Index: i, Name: m.Name, Type: m.Type, KeySize: m.KeySize, ValueSize: m.ValueSize,
		MaxEntries: m.MaxEntries, Flags: m.Flags, ReadOnly: m.ReadOnly, SpinLockOff: -1,
		Contents: m.Contents,
	}
	if off, ok := spinLockOffset(m.ValueBTF); ok {
		info.SpinLockOff = int32(off)
	}
	info.HasTimer = hasStructMember(m.ValueBTF, "bpf_timer")
	if m.Inner != nil {
		info.InnerMap = mapInfo(-1, m.Inner)
	}
	return info
}

// hasStructMember reports whether a map value's struct has a top-level
// member of the named struct type.
func hasStructMember(t btf.Type, name string) bool {
	s, ok := btf.UnderlyingType(t).(*btf.Struct)
	if !ok || t == nil {
		return false
	}
	for _, m := range s.Members {
		if st, ok := btf.UnderlyingType(m.Type).(*btf.Struct); ok && st.Name == name {
			return true
		}
	}
	return false
}

// spinLockOffset finds a struct bpf_spin_lock at the top level of a map
// value's struct, as the kernel's btf_find_spin_lock.
func spinLockOffset(t btf.Type) (uint32, bool) {
	s, ok := btf.UnderlyingType(t).(*btf.Struct)
	if !ok || t == nil {
		return 0, false
	}
	for _, m := range s.Members {
		if st, ok := btf.UnderlyingType(m.Type).(*btf.Struct); ok && st.Name == "bpf_spin_lock" {
			return m.Offset.Bytes(), true
		}
	}
	return 0, false
}
