package selftest

// This file implements the second way into the kernel, for comparison
// with cilium/ebpf's ELF loader: callx's own loader reads the object and
// links each program, and cilium/ebpf only creates the maps (ebpf.NewMap
// from the loader's map definitions) and loads the linked instructions
// (ebpf.NewProgram), with map indexes rewritten to file descriptors and
// the loader's func_info attached. TestKernelLoaderPath measures how many
// selftests each way gets verified, and why the others are not.

import (
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"path/filepath"
	"runtime"
	"sort"
	"strings"
	"testing"

	"github.com/callx/callx/kernel"
	"github.com/callx/callx/loader"
	"github.com/cilium/ebpf"
	"github.com/cilium/ebpf/asm"
	"github.com/cilium/ebpf/btf"
	"golang.org/x/sys/unix"
)

// Pseudo sources of ld_imm64 that the loader writes (loader/doc.go) and
// the kernel's fd-based ones they become.
const (
	pseudoMapIdx      = 5 // BPF_PSEUDO_MAP_IDX: imm is an index in Object.Maps
	pseudoMapIdxValue = 6 // BPF_PSEUDO_MAP_IDX_VALUE: the same, and an offset in the value
)

// pathResult counts one way's results over all files.
type pathResult struct {
	files, filesRead       int
	tests, verified, agree int
	eperm, notLoaded       int
	reasons                map[string]int // why tests were not verified, by first line
	fileErrs               []string
	disagree               []string
}

// TestKernelLoaderPath loads the privileged tests through callx's loader
// and cilium/ebpf's NewMap and NewProgram, and compares how far that gets
// with TestKernelSelftests's cilium/ebpf ELF path.
func TestKernelLoaderPath(t *testing.T) {
	files := selftestObjects(t)
	if err := kernel.Available(); err != nil {
		t.Skip(err)
	}
	if testing.Short() {
		t.Skip("loads about 1,350 programs into the kernel: not in -short mode")
	}
	res := &pathResult{files: len(files), reasons: map[string]int{}}
	for _, f := range files {
		done := make(chan error)
		go func() {
			runtime.LockOSThread() // never unlocked: the thread exits with the goroutine
			done <- withCaps(droppedCaps(strings.TrimSuffix(filepath.Base(f), ".o")), func() { res.runFile(f) })
		}()
		if err := <-done; err != nil {
			t.Fatal(err)
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "callx loader + ebpf.NewProgram: read %d of %d files; %d privileged tests; verified %d, verdict agrees on %d; EPERM %d; not loaded %d\n",
		res.filesRead, res.files, res.tests, res.verified, res.agree, res.eperm, res.notLoaded)
	b.WriteString("objects the loader refuses:\n")
	for _, e := range res.fileErrs {
		b.WriteString("  " + e + "\n")
	}
	b.WriteString("tests not loaded, by reason:\n")
	reasons := make([]string, 0, len(res.reasons))
	for r := range res.reasons {
		reasons = append(reasons, r)
	}
	sort.Slice(reasons, func(i, j int) bool { return res.reasons[reasons[i]] > res.reasons[reasons[j]] })
	for _, r := range reasons {
		fmt.Fprintf(&b, "  %4d %s\n", res.reasons[r], r)
	}
	b.WriteString("verdicts that differ from the annotation:\n")
	for _, d := range res.disagree {
		b.WriteString("  " + d + "\n")
	}
	t.Log("\n" + b.String())
}

func (res *pathResult) runFile(path string) {
	file := strings.TrimSuffix(filepath.Base(path), ".o")
	obj, err := loader.Open(path)
	if err != nil {
		res.fileErrs = append(res.fileErrs, err.Error())
		return
	}
	specs, err := Parse(obj)
	if err != nil {
		res.fileErrs = append(res.fileErrs, err.Error())
		return
	}
	res.filesRead++
	withBTF, err := objectBTFLoads(obj.BTF)
	if err != nil {
		res.fileErrs = append(res.fileErrs, fmt.Sprintf("%s: BTF: %v", file, err))
		return
	}
	for i, s := range specs {
		if s.Auxiliary || !s.Priv || !s.RunsOn("X86_64") {
			continue
		}
		res.tests++
		err := loadLinked(obj, obj.Programs[i], s, withBTF)
		var (
			ve       *ebpf.VerifierError
			accepted bool
		)
		switch {
		case err == nil:
			accepted = true
		case errors.Is(err, unix.EPERM) && (!errors.As(err, &ve) || strings.TrimSpace(strings.Join(ve.Log, "")) == ""):
			res.eperm++
			continue
		case errors.As(err, &ve) && !strings.Contains(err.Error(), "load BTF"):
			accepted = false
		default:
			res.notLoaded++
			res.reasons[reason(err)]++
			continue
		}
		res.verified++
		if accepted == s.ExpectSuccess {
			res.agree++
		} else {
			res.disagree = append(res.disagree, fmt.Sprintf("%s %s: accepted=%v: %v", file, s.Program, accepted, firstLine(errOrNil(err))))
		}
	}
}

func errOrNil(err error) error {
	if err == nil {
		return errors.New("no error")
	}
	return err
}

// reason is an error's first line with the numbers that vary taken out,
// to group errors.
func reason(err error) string {
	s := firstLine(err)
	if i := strings.Index(s, ": "); i > 0 && strings.HasPrefix(s, "map ") {
		s = "map: " + s[i+2:]
	}
	if len(s) > 160 {
		s = s[:160]
	}
	return s
}

// loadLinked creates the object's maps and loads program p as linked by
// the loader: nil when the kernel accepted it.
func loadLinked(obj *loader.Object, p *loader.Program, s *Spec, withBTF bool) error {
	maps := make([]*ebpf.Map, len(obj.Maps))
	defer func() {
		for _, m := range maps {
			if m != nil {
				m.Close()
			}
		}
	}()
	for i, m := range obj.Maps {
		spec, err := mapSpec(m, withBTF)
		if err != nil {
			return fmt.Errorf("map %s: %w", m.Name, err)
		}
		em, err := ebpf.NewMap(spec)
		if err != nil {
			return fmt.Errorf("map %s: %w", m.Name, err)
		}
		maps[i] = em
	}
	insns, err := linkedInstructions(p, maps, withBTF)
	if err != nil {
		return err
	}
	typ, err := ebpf.ProgramTypeForPlatform("linux", p.Type.KernelType())
	if err != nil {
		return err
	}
	flags := s.Flags
	if p.Sleepable {
		flags |= FlagSleepable
	}
	if p.Frags {
		flags |= FlagXDPHasFrags
	}
	prog, err := ebpf.NewProgramWithOptions(&ebpf.ProgramSpec{
		Name:         p.Name,
		Type:         typ,
		AttachTo:     p.AttachTo,
		Instructions: insns,
		License:      obj.License,
		Flags:        flags,
	}, ebpf.ProgramOptions{LogLevel: ebpf.LogLevel(s.LogLevel)})
	if err != nil {
		return err
	}
	prog.Close()
	return nil
}

// mapSpec turns a loader map into a cilium/ebpf MapSpec.
func mapSpec(m *loader.Map, withBTF bool) (*ebpf.MapSpec, error) {
	typ, err := ebpf.MapTypeForPlatform("linux", m.Type)
	if err != nil {
		return nil, err
	}
	spec := &ebpf.MapSpec{
		Name:       sanitizeName(m.Name),
		Type:       typ,
		KeySize:    m.KeySize,
		ValueSize:  m.ValueSize,
		MaxEntries: m.MaxEntries,
		Flags:      m.Flags,
		MapExtra:   m.MapExtra,
		NumaNode:   m.NumaNode,
	}
	if m.ReadOnly {
		spec.Flags |= unix.BPF_F_RDONLY_PROG // libbpf's .rodata; cilium/ebpf then freezes it
	}
	if withBTF {
		spec.Key, spec.Value = m.KeyBTF, m.ValueBTF
	}
	if m.Contents != nil {
		spec.Contents = []ebpf.MapKV{{Key: uint32(0), Value: m.Contents}}
	}
	if m.Inner != nil {
		inner, err := mapSpec(m.Inner, withBTF)
		if err != nil {
			return nil, err
		}
		spec.InnerMap = inner
	}
	cs := &ebpf.CollectionSpec{Maps: map[string]*ebpf.MapSpec{"m": spec}}
	adjustRingbufs(cs)
	return spec, nil
}

// sanitizeName keeps what the kernel accepts in a map name: 15 bytes of
// letters, digits, '_' and '.'.
func sanitizeName(s string) string {
	var b strings.Builder
	for _, r := range s {
		if r < 128 && (r == '_' || r == '.' || r >= '0' && r <= '9' || r >= 'a' && r <= 'z' || r >= 'A' && r <= 'Z') {
			b.WriteRune(r)
		}
	}
	out := b.String()
	if len(out) > 15 {
		out = out[:15]
	}
	return out
}

// linkedInstructions decodes the loader's linked instructions for
// cilium/ebpf, with map indexes turned into file descriptors and the
// func_info records attached.
func linkedInstructions(p *loader.Program, maps []*ebpf.Map, withBTF bool) (asm.Instructions, error) {
	r := bytes.NewReader(p.Insns.Bytes())
	var insns asm.Instructions
	slotIndex := map[int]int{}
	slot := 0
	for r.Len() > 0 {
		var ins asm.Instruction
		if err := ins.Unmarshal(r, binary.LittleEndian, "linux"); err != nil {
			return nil, fmt.Errorf("slot %d: %w", slot, err)
		}
		slotIndex[slot] = len(insns)
		if ins.OpCode.IsDWordLoad() {
			switch ins.Src {
			case pseudoMapIdx, pseudoMapIdxValue:
				idx := int(uint32(ins.Constant))
				if idx >= len(maps) {
					return nil, fmt.Errorf("slot %d: map index %d out of range", slot, idx)
				}
				fd := uint64(uint32(maps[idx].FD()))
				if ins.Src == pseudoMapIdx {
					ins.Src = asm.PseudoMapFD
					ins.Constant = int64(fd)
				} else {
					ins.Src = asm.PseudoMapValue
					ins.Constant = int64(uint64(ins.Constant)&^0xffffffff | fd)
				}
			}
		}
		slot += int(ins.Size() / asm.InstructionSize)
		insns = append(insns, ins)
	}
	if withBTF {
		for _, fi := range p.FuncInfo {
			i, ok := slotIndex[fi.Slot]
			if !ok {
				return nil, fmt.Errorf("func_info at slot %d: not an instruction", fi.Slot)
			}
			insns[i] = btf.WithFuncMetadata(insns[i], fi.Func)
		}
	}
	return insns, nil
}
