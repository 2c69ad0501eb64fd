package loader

// This file implements BTF and .BTF.ext: the object's types, and the
// func_info and line_info records that give each function its BTF FUNC and
// each instruction its source line. Records are per section, at slot
// offsets in the section; a linked program gets them at its own slots.

import (
	"slices"

	"github.com/cilium/ebpf/btf"
)

// readBTF loads .BTF and .BTF.ext through cilium/ebpf's btf package, which
// reads the ELF itself to fix up DATASEC layouts.
func (l *loader) readBTF() error {
	hasBTF, hasExt := false, false
	for _, s := range l.sections {
		hasBTF = hasBTF || s.Name == ".BTF"
		hasExt = hasExt || s.Name == ".BTF.ext"
	}
	if !hasBTF {
		return nil
	}
	var (
		spec *btf.Spec
		ext  *btf.ExtInfos
	)
	err := safely(func() error {
		var err error
		spec, ext, err = btf.LoadSpecAndExtInfosFromReader(l.r)
		return err
	})
	if err != nil {
		where := ".BTF"
		if hasExt && safely(func() error { _, err := btf.LoadSpecFromReader(l.r); return err }) == nil {
			where = ".BTF.ext"
		}
		return wrapf(err, where, 0, "reading BTF")
	}
	l.spec, l.obj.BTF, l.obj.ext = spec, spec, ext
	return nil
}

// readFuncInfo gives every function its BTF FUNC from func_info.
func (l *loader) readFuncInfo() error {
	if l.obj.ext == nil {
		return nil
	}
	for _, sec := range l.sections {
		if sec.kind != sectionCode {
			continue
		}
		for _, rec := range l.obj.ext.Funcs[sec.Name] {
			at := uint64(rec.Offset) * 8
			fi, ok := l.funcAt(sec, int64(rec.Offset))
			if !ok {
				return errorf(sec.Name, at, "func_info for %q at slot %d, which is not the start of a function", rec.Func.Name, rec.Offset)
			}
			fn := l.obj.Funcs[fi]
			if rec.Func.Name != fn.Name {
				return errorf(sec.Name, at, "func_info names %q; the symbol is %q", rec.Func.Name, fn.Name)
			}
			if fn.BTF != nil {
				return errorf(sec.Name, at, "two func_info records for %q", fn.Name)
			}
			if _, ok := rec.Func.Type.(*btf.FuncProto); !ok {
				return errorf(sec.Name, at, "func_info for %q: type %s is not a FUNC_PROTO", fn.Name, rec.Func.Type)
			}
			fn.BTF = rec.Func
			if !fn.Global && fn.BTF.Linkage != btf.StaticFunc {
				// a hidden global: libbpf marks its BTF FUNC static so
				// that the kernel verifies it with its callers' context
				static := *fn.BTF
				static.Linkage = btf.StaticFunc
				fn.BTF = &static
			}
		}
	}
	return nil
}

// extInfo returns the func_info and line_info of a program laid out as
// funcs says.
func (o *Object) extInfo(funcs []FuncRef) ([]FuncInfo, []LineInfo) {
	var (
		fis []FuncInfo
		lis []LineInfo
	)
	for _, ref := range funcs {
		fn := o.Funcs[ref.Func]
		if fn.BTF != nil {
			fis = append(fis, FuncInfo{Slot: ref.Slot, Func: fn.BTF})
		}
		if o.ext == nil {
			continue
		}
		for _, rec := range o.ext.Lines[fn.Section] {
			off := int(rec.Offset)
			if off < fn.Offset || off >= fn.Offset+fn.Size || rec.Line == nil {
				continue
			}
			lis = append(lis, LineInfo{
				Slot:   ref.Slot + off - fn.Offset,
				File:   rec.Line.FileName(),
				Line:   rec.Line.LineNumber(),
				Column: rec.Line.LineColumn(),
				Source: rec.Line.Line(),
			})
		}
	}
	slices.SortStableFunc(lis, func(a, b LineInfo) int { return a.Slot - b.Slot })
	return fis, lis
}
