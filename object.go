package callx

// This file implements loading a clang BPF object: its maps are created
// (global data with its initial contents and the function values of the
// function pointers in it, prog arrays with their static entries) and its
// programs lowered for the engine, all sharing the object's maps.

import (
	"encoding/binary"
	"fmt"
	"strings"

	"github.com/callx/callx/loader"
	"github.com/callx/callx/maps"
	"github.com/callx/callx/verifier"
	"github.com/callx/callx/vm"
	"github.com/cilium/ebpf/btf"
)

// Object is a loaded ELF object.
type Object struct {
	Spec     *loader.Object
	Maps     []*maps.Map      // index-aligned with Spec.Maps
	Programs []*ObjectProgram // index-aligned with Spec.Programs
}

// ObjectProgram is one program of an object, lowered for the engine.
type ObjectProgram struct {
	Spec   *loader.Program
	Object *Object
	VM     *vm.Program
	// Verified is what the verifier proved, once Verify accepted the
	// program; nil for a program run unverified.
	Verified *verifier.Verified
}

// Name is the program's function name.
func (p *ObjectProgram) Name() string { return p.Spec.Name }

// OpenObject loads an ELF object file.
func OpenObject(path string) (*Object, error) {
	spec, err := loader.Open(path)
	if err != nil {
		return nil, &BadInputError{Path: path, Err: err}
	}
	return LoadObject(spec, vm.Options{})
}

// LoadObject creates the object's maps and lowers its programs; opts
// supplies the helper table and the budget.
func LoadObject(spec *loader.Object, opts vm.Options) (*Object, error) {
	o := &Object{Spec: spec}
	for _, ms := range spec.Maps {
		m, err := newMap(ms)
		if err != nil {
			return nil, err
		}
		o.Maps = append(o.Maps, m)
	}
	byName := map[string]*ObjectProgram{}
	for _, ps := range spec.Programs {
		po := opts
		po.Maps = o.Maps
		po.EntryArgs = 1
		po.Funcs = make([]vm.Func, len(ps.Funcs))
		for i, f := range ps.Funcs {
			po.Funcs[i] = vm.Func{ID: uint32(f.Func), Slot: f.Slot}
		}
		lowered, err := vm.Load(ps.Insns, po)
		if err != nil {
			return nil, &ProgramError{Program: ps.Name, Section: ps.Section, Err: err}
		}
		p := &ObjectProgram{Spec: ps, Object: o, VM: lowered}
		o.Programs = append(o.Programs, p)
		byName[ps.Name] = p
	}
	for i, ms := range spec.Maps {
		for index, name := range ms.InitProgs {
			p, ok := byName[name]
			if !ok {
				return nil, fmt.Errorf("map %s: entry %d names program %q, which the object does not have", ms.Name, index, name)
			}
			if err := o.Maps[i].SetProg(index, p.VM); err != nil {
				return nil, fmt.Errorf("map %s: entry %d: %w", ms.Name, index, err)
			}
		}
	}
	return o, nil
}

// newMap creates one map with its initial contents: global data, and the
// function values of function pointers in it.
func newMap(ms *loader.Map) (*maps.Map, error) {
	spec := maps.Spec{
		Name: ms.Name, Type: maps.Type(ms.Type),
		KeySize: ms.KeySize, ValueSize: ms.ValueSize, MaxEntries: ms.MaxEntries,
		Flags: ms.Flags, ReadOnly: ms.ReadOnly,
	}
	spec.SpinLockOffset, spec.HasSpinLock = spinLockOffset(ms.ValueBTF)
	m, err := maps.New(spec)
	if err != nil {
		return nil, fmt.Errorf("map %s: %w", ms.Name, err)
	}
	if ms.Contents == nil && len(ms.FuncPointers) == 0 {
		return m, nil
	}
	value := make([]byte, ms.ValueSize)
	copy(value, ms.Contents)
	for _, fp := range ms.FuncPointers {
		if uint64(fp.Offset)+8 > uint64(len(value)) {
			return nil, fmt.Errorf("map %s: function pointer at offset %d is outside the %d-byte value", ms.Name, fp.Offset, len(value))
		}
		binary.LittleEndian.PutUint64(value[fp.Offset:], vm.FuncValue(uint32(fp.Func)))
	}
	if err := m.Update(make([]byte, ms.KeySize), value, maps.UpdateAny); err != nil {
		return nil, fmt.Errorf("map %s: initial contents: %w", ms.Name, err)
	}
	return m, nil
}

// Program returns the program with the given name; an empty name means
// the object's only program.
func (o *Object) Program(name string) (*ObjectProgram, error) {
	var names []string
	for _, p := range o.Programs {
		if p.Name() == name {
			return p, nil
		}
		names = append(names, p.Name())
	}
	if name == "" && len(o.Programs) == 1 {
		return o.Programs[0], nil
	}
	if name == "" {
		return nil, fmt.Errorf("the object has %d programs (%s): name one with --prog", len(names), strings.Join(names, ", "))
	}
	return nil, fmt.Errorf("no program %q in the object (it has %s)", name, strings.Join(names, ", "))
}

// Map returns the map with the given name.
func (o *Object) Map(name string) (*maps.Map, error) {
	for i, ms := range o.Spec.Maps {
		if ms.Name == name {
			return o.Maps[i], nil
		}
	}
	return nil, fmt.Errorf("no map %q in the object", name)
}

// ProgramError is a program of an object the engine refuses.
type ProgramError struct {
	Program, Section string
	Err              error
}

func (e *ProgramError) Error() string {
	return fmt.Sprintf("program %s (section %s): %v", e.Program, e.Section, e.Err)
}

func (e *ProgramError) Unwrap() error { return e.Err }

// spinLockOffset finds a struct bpf_spin_lock among the top-level members
// of a map value, as the kernel's btf_find_spin_lock does.
func spinLockOffset(value btf.Type) (uint32, bool) {
	s, ok := btf.UnderlyingType(value).(*btf.Struct)
	if !ok {
		return 0, false
	}
	for _, mem := range s.Members {
		if t, ok := btf.UnderlyingType(mem.Type).(*btf.Struct); ok && t.Name == "bpf_spin_lock" {
			return mem.Offset.Bytes(), true
		}
	}
	return 0, false
}
