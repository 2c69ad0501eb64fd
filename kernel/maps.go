// This file implements reading, writing and resetting the collection's
// maps: Dump, Update and ResetMaps.

package kernel

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/cilium/ebpf"
)

// KV is one map entry as the kernel returns it.
type KV struct {
	Key []byte
	// Value is the value. For per-CPU maps it is the sum of the per-CPU
	// values (see SumPerCPU); for program arrays it is the 4-byte program
	// ID the kernel returns.
	Value []byte
	// PerCPU holds, for per-CPU maps, one value per possible CPU, in CPU
	// order; nil for other maps.
	PerCPU [][]byte
	// Program is, for program arrays, the name of the collection's
	// program in the slot ("" if the program is not the collection's).
	Program string
}

// Dump returns every entry of map mapName, sorted by key read as a
// little-endian unsigned number, so array maps come out in index order.
// Ring buffers have no entries: read them with ReadRingbuf.
func (c *Collection) Dump(mapName string) ([]KV, error) {
	m, err := c.bpfMap(mapName)
	if err != nil {
		return nil, err
	}
	kvs, err := c.entries(m)
	if err != nil {
		return nil, fmt.Errorf("kernel: dump %s: %w", mapName, err)
	}
	slices.SortFunc(kvs, func(a, b KV) int { return compareLE(a.Key, b.Key) })
	return kvs, nil
}

func (c *Collection) entries(m *ebpf.Map) ([]KV, error) {
	var kvs []KV
	switch typ := m.Type(); {
	case typ == ebpf.RingBuf:
		return nil, errors.New("a ring buffer has no entries, use ReadRingbuf")

	case isPerCPU(typ):
		var key []byte
		var values [][]byte
		it := m.Iterate()
		for it.Next(&key, &values) {
			kvs = append(kvs, KV{Key: key, Value: SumPerCPU(values), PerCPU: values})
			key, values = nil, nil // Next reuses slices of the right size
		}
		return kvs, it.Err()
	}

	var programs map[ebpf.ProgramID]string
	if m.Type() == ebpf.ProgramArray {
		var err error
		if programs, err = c.programIDs(); err != nil {
			return nil, err
		}
	}
	var key, value []byte
	it := m.Iterate()
	for it.Next(&key, &value) {
		kv := KV{Key: key, Value: value}
		if programs != nil && len(value) == 4 {
			kv.Program = programs[ebpf.ProgramID(binary.NativeEndian.Uint32(value))]
		}
		kvs = append(kvs, kv)
		key, value = nil, nil // Next reuses slices of the right size
	}
	return kvs, it.Err()
}

// Lookup returns the value of key in map mapName (for per-CPU maps, the
// sum over CPUs), or nil and no error when the key is absent.
func (c *Collection) Lookup(mapName string, key []byte) ([]byte, error) {
	m, err := c.bpfMap(mapName)
	if err != nil {
		return nil, err
	}
	if isPerCPU(m.Type()) {
		var values [][]byte
		if err := m.Lookup(key, &values); err != nil {
			if errors.Is(err, ebpf.ErrKeyNotExist) {
				return nil, nil
			}
			return nil, fmt.Errorf("kernel: lookup in %s: %w", mapName, err)
		}
		return SumPerCPU(values), nil
	}
	var value []byte
	if err := m.Lookup(key, &value); err != nil {
		if errors.Is(err, ebpf.ErrKeyNotExist) {
			return nil, nil
		}
		return nil, fmt.Errorf("kernel: lookup in %s: %w", mapName, err)
	}
	return value, nil
}

// Update sets key to value in map mapName (BPF_ANY). For per-CPU maps
// every CPU's value is set to value.
func (c *Collection) Update(mapName string, key, value []byte) error {
	m, err := c.bpfMap(mapName)
	if err != nil {
		return err
	}
	if err := c.putValue(m, key, value); err != nil {
		return fmt.Errorf("kernel: update %s: %w", mapName, err)
	}
	return nil
}

// ResetMaps puts every writable map back in the state Load left it in, so
// that runs start from the same state: arrays (including .data and .bss)
// get their ELF contents back, zeros elsewhere; hash maps are emptied and
// refilled with their ELF contents (none, for BTF-defined maps); ring
// buffers are drained. Read-only data (.rodata*) and program arrays keep
// their contents.
func (c *Collection) ResetMaps() error {
	for _, name := range c.Maps() {
		if err := c.resetMap(name); err != nil {
			return fmt.Errorf("kernel: reset %s: %w", name, err)
		}
	}
	return nil
}

func (c *Collection) resetMap(name string) error {
	m := c.coll.Maps[name]
	spec := c.spec.Maps[name]
	if spec != nil && spec.Flags&readOnlyProg != 0 {
		return nil
	}
	switch typ := m.Type(); typ {
	case ebpf.ProgramArray, ebpf.ArrayOfMaps, ebpf.HashOfMaps:
		return nil

	case ebpf.RingBuf:
		_, err := c.ReadRingbuf(name)
		return err

	case ebpf.Array, ebpf.PerCPUArray:
		zero := make([]byte, m.ValueSize())
		for i := uint32(0); i < m.MaxEntries(); i++ {
			if err := c.putValue(m, i, zero); err != nil {
				return err
			}
		}
		return c.putContents(m, spec)

	case ebpf.Hash, ebpf.LRUHash, ebpf.PerCPUHash, ebpf.LRUCPUHash, ebpf.LPMTrie:
		var keys [][]byte
		var key any // nil asks for the first key
		for {
			next, err := m.NextKeyBytes(key)
			if err != nil {
				return err
			}
			if next == nil {
				break
			}
			keys = append(keys, next)
			key = next
		}
		for _, k := range keys {
			if err := m.Delete(k); err != nil && !errors.Is(err, ebpf.ErrKeyNotExist) {
				return err
			}
		}
		return c.putContents(m, spec)

	default:
		return fmt.Errorf("maps of type %s cannot be reset", typ)
	}
}

// readOnlyProg is BPF_F_RDONLY_PROG, the flag of .rodata maps.
const readOnlyProg = 1 << 7

func (c *Collection) putContents(m *ebpf.Map, spec *ebpf.MapSpec) error {
	if spec == nil {
		return nil
	}
	for _, kv := range spec.Contents {
		if err := c.putValue(m, kv.Key, kv.Value); err != nil {
			return err
		}
	}
	return nil
}

// putValue sets key to value in m; for per-CPU maps value (a []byte) is
// every CPU's value.
func (c *Collection) putValue(m *ebpf.Map, key, value any) error {
	if isPerCPU(m.Type()) {
		b, ok := value.([]byte)
		if !ok {
			return fmt.Errorf("per-CPU contents of type %T", value)
		}
		cpus, err := ebpf.PossibleCPU()
		if err != nil {
			return err
		}
		all := make([][]byte, cpus)
		for i := range all {
			all[i] = b
		}
		value = all
	}
	return m.Update(key, value, ebpf.UpdateAny)
}

// programIDs maps the kernel IDs of the collection's programs to their names.
func (c *Collection) programIDs() (map[ebpf.ProgramID]string, error) {
	ids := make(map[ebpf.ProgramID]string, len(c.coll.Programs))
	for name, p := range c.coll.Programs {
		info, err := p.Info()
		if err != nil {
			return nil, err
		}
		id, ok := info.ID()
		if !ok {
			return nil, errors.New("the kernel does not report program IDs")
		}
		ids[id] = name
	}
	return ids, nil
}

func isPerCPU(t ebpf.MapType) bool {
	switch t {
	case ebpf.PerCPUArray, ebpf.PerCPUHash, ebpf.LRUCPUHash, ebpf.PerCPUCGroupStorage:
		return true
	}
	return false
}

// SumPerCPU adds per-CPU values field by field, reading each value as
// little-endian unsigned integers of the widest size (8, 4, 2 or 1 bytes)
// that divides its length: the counters of a per-CPU array, summed the
// way a reader of the map would. It returns nil for no values.
func SumPerCPU(values [][]byte) []byte {
	if len(values) == 0 {
		return nil
	}
	n := len(values[0])
	width := 1
	for _, w := range []int{8, 4, 2} {
		if n%w == 0 {
			width = w
			break
		}
	}
	sum := make([]byte, n)
	for off := 0; off+width <= n; off += width {
		var total uint64
		for _, v := range values {
			if off+width <= len(v) {
				total += readLE(v[off : off+width])
			}
		}
		for i := range width {
			sum[off+i] = byte(total >> (8 * i))
		}
	}
	return sum
}

func readLE(b []byte) uint64 {
	var v uint64
	for i := len(b) - 1; i >= 0; i-- {
		v = v<<8 | uint64(b[i])
	}
	return v
}

// compareLE orders byte strings as little-endian unsigned numbers
// (shorter first when lengths differ).
func compareLE(a, b []byte) int {
	if len(a) != len(b) {
		return len(a) - len(b)
	}
	for i := len(a) - 1; i >= 0; i-- {
		if a[i] != b[i] {
			return int(a[i]) - int(b[i])
		}
	}
	return 0
}

// Variable returns the current value of the global variable name (in
// .data, .bss, .rodata or another data section), read from its section's
// map.
func (c *Collection) Variable(name string) ([]byte, error) {
	vs := c.spec.Variables[name]
	if vs == nil {
		return nil, fmt.Errorf("kernel: %s has no global variable %q (it has %s)", c.path, name, strings.Join(sortedKeys(c.spec.Variables), ", "))
	}
	section, err := c.Lookup(vs.SectionName, make([]byte, 4))
	if err != nil {
		return nil, err
	}
	end := int(vs.Offset) + int(vs.Size())
	if section == nil || end > len(section) {
		return nil, fmt.Errorf("kernel: variable %s: section %s has %d bytes, want %d", name, vs.SectionName, len(section), end)
	}
	return section[vs.Offset:end], nil
}
