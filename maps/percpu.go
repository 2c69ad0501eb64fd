// This file implements the per-CPU view of per-CPU maps (PERCPU_ARRAY,
// PERCPU_HASH, LRU_PERCPU_HASH).
//
// callx runs programs as one CPU (PossibleCPUs is 1), so a per-CPU map
// holds one value per key and stores it like its non-per-CPU sibling: a
// program sees ValueSize bytes at the value's offset; Lookup and Update
// copy ValueSize bytes, the one CPU's value. The kernel's bpf() instead
// copies round_up(ValueSize, 8) bytes per possible CPU, one after another;
// LookupPerCPU and UpdatePerCPU give that shape as one []byte per CPU.

package maps

// LookupPerCPU returns a copy of the key's value on each possible CPU: one
// slice of ValueSize bytes.
func (m *Map) LookupPerCPU(key []byte) ([][]byte, error) {
	if !m.spec.Type.PerCPU() {
		return nil, m.wrap("lookup per CPU", errNotPerCPU)
	}
	v, err := m.Lookup(key)
	if err != nil {
		return nil, err
	}
	return [][]byte{v}, nil
}

// UpdatePerCPU is Update with a value for each possible CPU: values must
// have PossibleCPUs elements of ValueSize bytes.
func (m *Map) UpdatePerCPU(key []byte, values [][]byte, flags UpdateFlags) error {
	if !m.spec.Type.PerCPU() {
		return m.wrap("update per CPU", errNotPerCPU)
	}
	if len(values) != PossibleCPUs {
		return m.wrap("update per CPU", ErrInvalid)
	}
	return m.Update(key, values[0], flags)
}

// LookupPerCPUOffset is bpf_map_lookup_percpu_elem: the offset of the
// key's value on cpu, !ok for a missing key or cpu >= PossibleCPUs. On a
// map that is not per CPU it always misses (the verifier refuses the call).
func (m *Map) LookupPerCPUOffset(key []byte, cpu uint32) (uint32, bool) {
	if !m.spec.Type.PerCPU() || cpu >= PossibleCPUs {
		return 0, false
	}
	return m.LookupOffset(key)
}
