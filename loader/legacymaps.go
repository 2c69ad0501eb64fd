package loader

// This file implements legacy map definitions: struct bpf_map_def in
// SEC("maps"), as libbpf read them before 1.0. Every symbol in the section
// is a map; the definition size is the section size divided by the number
// of maps; a definition longer than struct bpf_map_def must have zeros
// beyond it.

import (
	"debug/elf"
	"encoding/binary"
	"slices"
)

// bpfMapDefSize is sizeof(struct bpf_map_def): type, key_size, value_size,
// max_entries, map_flags, all __u32.
const bpfMapDefSize = 20

func (l *loader) readLegacyMaps(sec *section) error {
	var syms []*elf.Symbol
	for _, s := range l.symbolsIn(sec) {
		if elf.ST_TYPE(s.Info) != elf.STT_SECTION {
			syms = append(syms, s)
		}
	}
	if len(syms) == 0 {
		return nil
	}
	size := uint64(len(sec.data))
	if sec.data == nil || size%uint64(len(syms)) != 0 {
		return errorf(sec.Name, 0, "%d bytes for %d maps: cannot tell the size of a definition", size, len(syms))
	}
	defSize := size / uint64(len(syms))
	slices.SortStableFunc(syms, func(a, b *elf.Symbol) int { return cmpUint64(a.Value, b.Value) })
	for i, s := range syms {
		if s.Value > size || defSize > size-s.Value {
			return errorf(sec.Name, s.Value, "map %q: definition beyond the section's %d bytes", s.Name, size)
		}
		if i > 0 && s.Value == syms[i-1].Value {
			return errorf(sec.Name, s.Value, "maps %q and %q at the same offset", syms[i-1].Name, s.Name)
		}
		def := sec.data[s.Value : s.Value+defSize]
		var fields [bpfMapDefSize / 4]uint32
		for f := range fields {
			if end := (f + 1) * 4; uint64(end) <= defSize {
				fields[f] = binary.LittleEndian.Uint32(def[f*4:])
			}
		}
		for j := bpfMapDefSize; uint64(j) < defSize; j++ {
			if def[j] != 0 {
				return errorf(sec.Name, s.Value+uint64(j), "map %q: non-zero bytes beyond struct bpf_map_def (%d of %d bytes)", s.Name, bpfMapDefSize, defSize)
			}
		}
		m := &Map{
			Name: s.Name, Section: sec.Name, offset: s.Value,
			Type: fields[0], KeySize: fields[1], ValueSize: fields[2], MaxEntries: fields[3], Flags: fields[4],
		}
		if err := checkMapType(m, sec.Name, s.Value); err != nil {
			return err
		}
		l.addMap(sec, m)
	}
	return nil
}
