// This file implements the maps programs use: their specs, and the same
// spec made into what each side takes — a verifier.MapInfo for callx's
// verifier, a maps.Map for the engine, an ebpf.MapSpec for the kernel.

package soundness

import (
	"fmt"
	"strings"

	"github.com/callx/callx/maps"
	"github.com/callx/callx/verifier"
	"github.com/cilium/ebpf"
)

// MapSpec describes one map of a program, by its index in ld_imm64's
// map_idx(N).
type MapSpec struct {
	Type       maps.Type // maps.Array or maps.Hash
	KeySize    uint32
	ValueSize  uint32
	MaxEntries uint32
}

// StandardMaps are the maps generated programs use: map_idx(0) an array
// of 4 values of 48 bytes, map_idx(1) a hash of 8 keys of 8 bytes to 16
// bytes, map_idx(2) an array of one 32-byte value (the shape of global
// data, which map_idx_value(2, off) addresses directly).
var StandardMaps = []MapSpec{
	{Type: maps.Array, KeySize: 4, ValueSize: 48, MaxEntries: 4},
	{Type: maps.Hash, KeySize: 8, ValueSize: 16, MaxEntries: 8},
	{Type: maps.Array, KeySize: 4, ValueSize: 32, MaxEntries: 1},
}

// String returns the spec as a program file's header writes it:
// "array key=4 value=48 entries=4".
func (m MapSpec) String() string {
	return fmt.Sprintf("%s key=%d value=%d entries=%d", m.Type, m.KeySize, m.ValueSize, m.MaxEntries)
}

// ParseMapSpec reads what String writes.
func ParseMapSpec(s string) (MapSpec, error) {
	var m MapSpec
	var typ string
	if _, err := fmt.Sscanf(strings.TrimSpace(s), "%s key=%d value=%d entries=%d", &typ, &m.KeySize, &m.ValueSize, &m.MaxEntries); err != nil {
		return m, fmt.Errorf("map %q: %w", s, err)
	}
	switch typ {
	case "array":
		m.Type = maps.Array
	case "hash":
		m.Type = maps.Hash
	default:
		return m, fmt.Errorf("map %q: type %q (array or hash)", s, typ)
	}
	return m, nil
}

func (m MapSpec) name(i int) string { return fmt.Sprintf("m%d_%s", i, m.Type) }

// verifierInfos describes the maps for callx's verifier.
func verifierInfos(specs []MapSpec) []*verifier.MapInfo {
	infos := make([]*verifier.MapInfo, len(specs))
	for i, m := range specs {
		infos[i] = &verifier.MapInfo{
			Index: i, Name: m.name(i), Type: uint32(m.Type),
			KeySize: m.KeySize, ValueSize: m.ValueSize, MaxEntries: m.MaxEntries,
			SpinLockOff: -1,
		}
	}
	return infos
}

// engineMaps creates the maps for one program's runs in the engine.
func engineMaps(specs []MapSpec) ([]*maps.Map, error) {
	ms := make([]*maps.Map, len(specs))
	for i, m := range specs {
		var err error
		ms[i], err = maps.New(maps.Spec{Name: m.name(i), Type: m.Type, KeySize: m.KeySize, ValueSize: m.ValueSize, MaxEntries: m.MaxEntries})
		if err != nil {
			return nil, fmt.Errorf("map %d (%s): %w", i, m, err)
		}
	}
	return ms, nil
}

// kernelMapSpec is the spec of the map in the kernel.
func (m MapSpec) kernelMapSpec(i int) *ebpf.MapSpec {
	typ := ebpf.Array
	if m.Type == maps.Hash {
		typ = ebpf.Hash
	}
	return &ebpf.MapSpec{Name: m.name(i), Type: typ, KeySize: m.KeySize, ValueSize: m.ValueSize, MaxEntries: m.MaxEntries}
}
