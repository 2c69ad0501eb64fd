package helpers

// This file implements the map helpers: lookup, update, delete and
// for_each_map_elem.

import (
	"fmt"

	"github.com/callx/callx/maps"
)

// mapKey reads the key a program passes by pointer.
func mapKey(env Env, m *maps.Map, addr uint64) ([]byte, error) {
	return env.Memory(addr, uint64(m.Spec().KeySize), false)
}

var mapLookupElem = implement(FuncMapLookupElem, func(env Env, r1, r2, _, _, _ uint64) (uint64, error) {
	m, err := env.Map(r1)
	if err != nil {
		return 0, err
	}
	key, err := mapKey(env, m, r2)
	if err != nil {
		return 0, err
	}
	off, ok := m.LookupOffset(key)
	if !ok {
		return 0, nil
	}
	return env.MapPointer(m, off), nil
})

var mapUpdateElem = implement(FuncMapUpdateElem, func(env Env, r1, r2, r3, r4, _ uint64) (uint64, error) {
	m, err := env.Map(r1)
	if err != nil {
		return 0, err
	}
	if m.Spec().ReadOnly {
		return neg(errEPERM), nil
	}
	key, err := mapKey(env, m, r2)
	if err != nil {
		return 0, err
	}
	value, err := env.Memory(r3, uint64(m.Spec().ValueSize), false)
	if err != nil {
		return 0, err
	}
	return uint64(maps.Errno(m.UpdateElem(key, value, r4))), nil
})

var mapDeleteElem = implement(FuncMapDeleteElem, func(env Env, r1, r2, _, _, _ uint64) (uint64, error) {
	m, err := env.Map(r1)
	if err != nil {
		return 0, err
	}
	if m.Spec().ReadOnly {
		return neg(errEPERM), nil
	}
	key, err := mapKey(env, m, r2)
	if err != nil {
		return 0, err
	}
	return uint64(maps.Errno(m.DeleteElem(key))), nil
})

// forEachMapElem calls callback(map, &key, &value, ctx) for each element
// until it returns nonzero, and returns how many elements it visited.
var forEachMapElem = implement(FuncForEachMapElem, func(env Env, r1, r2, r3, r4, _ uint64) (uint64, error) {
	if r4 != 0 {
		return neg(errEINVAL), nil
	}
	m, err := env.Map(r1)
	if err != nil {
		return 0, err
	}
	var cbErr error
	n := m.ForEach(func(key []byte, off uint32) bool {
		keyAddr, err := env.Scratch(key)
		if err != nil {
			cbErr = err
			return true
		}
		ret, err := env.Call(r2, r1, keyAddr, env.MapPointer(m, off), r3, 0)
		if err != nil {
			cbErr = fmt.Errorf("for_each_map_elem callback: %w", err)
			return true
		}
		return ret != 0 // 0 goes on, anything else stops, as in the kernel
	})
	if cbErr != nil {
		return 0, cbErr
	}
	return uint64(n), nil
})
