package loader

// This file implements maps: the Map value, the kernel's map types, and
// the pass that reads every map section in file order (BTF-defined maps in
// btfmaps.go, legacy maps in legacymaps.go, global data in datasec.go).

import (
	"fmt"

	"github.com/cilium/ebpf/btf"
)

// Map is one map the object defines, or one global data section.
type Map struct {
	Name       string // the map's symbol, or the data section's name (".data", ".rodata.str1.1", ...)
	Type       uint32 // enum bpf_map_type
	KeySize    uint32
	ValueSize  uint32
	MaxEntries uint32
	Flags      uint32
	MapExtra   uint64 // map_extra (bloom filter hashes, arena address)
	NumaNode   uint32
	Pinning    uint32 // LIBBPF_PIN_*; callx pins nothing
	Section    string // ".maps", "maps", ".bss", ".data", ".rodata.str1.1", ...
	ReadOnly   bool   // .rodata*: frozen, programs may only read it
	Contents   []byte // initial value of global data (ValueSize bytes, the one element), nil otherwise

	// KeyBTF and ValueBTF are the key and value types when known. A global
	// data map's ValueBTF is its *btf.Datasec, with sizes and offsets fixed
	// up from the symbol table.
	KeyBTF, ValueBTF btf.Type
	// Inner is the definition of the inner maps of a map-in-map.
	Inner *Map
	// InitProgs is a prog array's static initialisation (`.values = {...}`):
	// index → program name.
	InitProgs map[uint32]string
	// InitMaps is a map-in-map's static initialisation: index → map name.
	InitMaps map[uint32]string
	// FuncPointers are the function addresses in Contents, by their
	// R_BPF_64_ABS64 relocations. Their bytes in Contents are 0: the engine
	// writes its handles there.
	FuncPointers []FuncPointer

	offset uint64 // of the definition in its section
}

// FuncPointer is a function address in a global data map's Contents.
type FuncPointer struct {
	Offset uint32 // byte offset in the value
	Func   int    // index in Object.Funcs
}

// Kernel map types (enum bpf_map_type). A map of another type is refused.
var mapTypeNames = []string{
	1: "hash", 2: "array", 3: "prog_array", 4: "perf_event_array", 5: "percpu_hash",
	6: "percpu_array", 7: "stack_trace", 8: "cgroup_array", 9: "lru_hash",
	10: "lru_percpu_hash", 11: "lpm_trie", 12: "array_of_maps", 13: "hash_of_maps",
	14: "devmap", 15: "sockmap", 16: "cpumap", 17: "xskmap", 18: "sockhash",
	19: "cgroup_storage", 20: "reuseport_sockarray", 21: "percpu_cgroup_storage",
	22: "queue", 23: "stack", 24: "sk_storage", 25: "devmap_hash", 26: "struct_ops",
	27: "ringbuf", 28: "inode_storage", 29: "task_storage", 30: "bloom_filter",
	31: "user_ringbuf", 32: "cgrp_storage", 33: "arena", 34: "insn_array",
}

// Map types the loader treats specially.
const (
	mapArray       = 2
	mapProgArray   = 3
	mapArrayOfMaps = 12
	mapHashOfMaps  = 13
)

// Map flags libbpf sets on global data maps.
const (
	flagRdonlyProg = 1 << 7  // BPF_F_RDONLY_PROG
	flagMmapable   = 1 << 10 // BPF_F_MMAPABLE
)

// MapTypeName returns the name of a kernel map type ("hash", "array", ...),
// or "" for a number the kernel does not know.
func MapTypeName(t uint32) string {
	if int(t) < len(mapTypeNames) {
		return mapTypeNames[t]
	}
	return ""
}

// checkMapType refuses map types the kernel does not know.
func checkMapType(m *Map, section string, offset uint64) error {
	if MapTypeName(m.Type) == "" {
		return errorf(section, offset, "map %q: unknown map type %d", m.Name, m.Type)
	}
	return nil
}

func (m *Map) String() string {
	return fmt.Sprintf("%s (%s %s, key %d, value %d, max %d)", m.Name, m.Section, MapTypeName(m.Type), m.KeySize, m.ValueSize, m.MaxEntries)
}

// readMaps reads the maps of every map and data section, in file order.
func (l *loader) readMaps() error {
	for _, sec := range l.sections {
		var err error
		switch sec.kind {
		case sectionBTFMaps:
			err = l.readBTFMaps(sec)
		case sectionLegacyMaps:
			err = l.readLegacyMaps(sec)
		case sectionData:
			err = l.readDataMap(sec)
		}
		if err != nil {
			return err
		}
	}
	return nil
}

// addMap appends a map defined in sec.
func (l *loader) addMap(sec *section, m *Map) int {
	i := len(l.obj.Maps)
	l.obj.Maps = append(l.obj.Maps, m)
	l.mapsBySection[sec.index] = append(l.mapsBySection[sec.index], i)
	return i
}

// MapIndex returns the index in Maps of the map named name, or -1.
func (o *Object) MapIndex(name string) int {
	for i, m := range o.Maps {
		if m.Name == name {
			return i
		}
	}
	return -1
}
