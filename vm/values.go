package vm

// This file implements the opaque values a program holds that are not
// numbers or pointers: function values (from ld_imm64 of a function, or a
// function pointer in global data) and map references (from ld_imm64 of a
// map). Both are a tag in the upper 16 bits and an index in the low 32
// bits. They are never host addresses, and no region id is this large, so
// neither is a pointer the program could dereference.

const (
	valueTagMask = 0xffff_0000_0000_0000
	funcTag      = 0xfbfc_0000_0000_0000
	mapTag       = 0xfbfd_0000_0000_0000
)

// FuncValue is the value of the function with the given id (see Options.Funcs).
func FuncValue(id uint32) uint64 { return funcTag | uint64(id) }

// MapValue is the value of a reference to the map with the given index in Options.Maps.
func MapValue(index int) uint64 { return mapTag | uint64(uint32(index)) }

// funcID returns the id in a function value.
func funcID(v uint64) (uint32, bool) {
	if v&^0xffff_ffff != funcTag {
		return 0, false
	}
	return uint32(v), true
}

// mapIndex returns the index in a map reference.
func mapIndex(v uint64) (int, bool) {
	if v&^0xffff_ffff != mapTag {
		return 0, false
	}
	return int(uint32(v)), true
}
