package loader

// This file implements FuzzLoad and the consistency check it applies to
// every object that loads.

import (
	"bytes"
	"errors"
	"os"
	"path/filepath"
	"testing"

	"github.com/callx/callx/asm"
)

// FuzzLoad mutates the test objects: Load never panics, returns an object
// exactly when it returns no error, every error is an *Error, and a loaded
// object is consistent (checkObject).
func FuzzLoad(f *testing.F) {
	files, err := filepath.Glob("testdata/*.bpf.o")
	if err != nil || len(files) == 0 {
		f.Fatalf("no test objects: %v", err)
	}
	for _, file := range files {
		b, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		obj, err := Load(bytes.NewReader(b), "fuzz")
		if (obj == nil) == (err == nil) {
			t.Fatalf("Load returned %v and %v", obj, err)
		}
		if err != nil {
			var e *Error
			if !errors.As(err, &e) || e.Section == "" {
				t.Fatalf("error %v (%T) is not an *Error naming a section", err, err)
			}
			return
		}
		checkObject(t, obj)
	})
}

// checkObject checks what the engine relies on: every reference in every
// linked program is in range, every slot and function pointer names a
// function, and disassembly works.
func checkObject(t *testing.T, obj *Object) {
	t.Helper()
	inFunc := func(fi int) bool { return fi >= 0 && fi < len(obj.Funcs) }
	for mi, m := range obj.Maps {
		if m.Contents != nil && len(m.Contents) != int(m.ValueSize) {
			t.Fatalf("map %d %s: %d bytes of contents, value size %d", mi, m.Name, len(m.Contents), m.ValueSize)
		}
		for _, fp := range m.FuncPointers {
			if !inFunc(fp.Func) || int(fp.Offset)+8 > len(m.Contents) {
				t.Fatalf("map %s: bad function pointer %+v", m.Name, fp)
			}
		}
	}
	for _, s := range obj.Slots {
		if s.Map < 0 || s.Map >= len(obj.Maps) || int(s.Count) != len(s.Init) || s.Proto == nil ||
			uint64(s.Offset)+8*uint64(s.Count) > uint64(obj.Maps[s.Map].ValueSize) {
			t.Fatalf("bad slot %v", s)
		}
		for _, fi := range s.Init {
			if fi != -1 && !inFunc(fi) {
				t.Fatalf("slot %v: init %d", s, fi)
			}
		}
	}
	progs := obj.Programs
	for i := range obj.Funcs {
		progs = append(progs, obj.LinkFunc(i))
	}
	for _, p := range progs {
		starts := make(map[int]bool)
		for _, ref := range p.Funcs {
			if !inFunc(ref.Func) || ref.Slot < 0 || ref.Slot+len(obj.Funcs[ref.Func].Insns) > len(p.Insns) {
				t.Fatalf("%s: bad function reference %+v", p.Name, ref)
			}
			starts[ref.Slot] = true
		}
		for i, ins := range p.Insns {
			switch {
			case ins.IsLocalCall(), ins.IsLoadImm64() && ins.Src == asm.PseudoFunc:
				if !starts[i+1+int(ins.Imm)] {
					t.Fatalf("%s: slot %d refers to slot %d, not a function", p.Name, i, i+1+int(ins.Imm))
				}
			case ins.IsLoadImm64() && (ins.Src == asm.PseudoMapIdx || ins.Src == asm.PseudoMapIdxValue):
				if ins.Imm < 0 || int(ins.Imm) >= len(obj.Maps) || i+1 >= len(p.Insns) {
					t.Fatalf("%s: slot %d: map %d of %d", p.Name, i, ins.Imm, len(obj.Maps))
				}
				if ins.Src == asm.PseudoMapIdxValue && uint32(p.Insns[i+1].Imm) >= obj.Maps[ins.Imm].ValueSize {
					t.Fatalf("%s: slot %d: offset %d in map %s", p.Name, i, p.Insns[i+1].Imm, obj.Maps[ins.Imm])
				}
			}
		}
		for _, li := range p.LineInfo {
			if li.Slot < 0 || li.Slot >= len(p.Insns) {
				t.Fatalf("%s: line info at slot %d of %d", p.Name, li.Slot, len(p.Insns))
			}
		}
		_ = p.Disassemble()
		_ = (&Program{Name: p.Name, Insns: p.Insns, Funcs: p.Funcs, LineInfo: p.LineInfo}).Disassemble()
	}
}

// The committed test objects pass checkObject too.
func TestCheckObjects(t *testing.T) {
	good, _ := objects(t)
	for _, f := range good {
		obj, err := Open(f)
		if err != nil {
			t.Fatal(err)
		}
		checkObject(t, obj)
	}
}
