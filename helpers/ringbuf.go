package helpers

// This file implements the ring buffer helpers.

import "github.com/callx/callx/maps"

var ringbufOutput = implement(FuncRingbufOutput, func(env Env, r1, r2, r3, _, _ uint64) (uint64, error) {
	m, err := env.Map(r1)
	if err != nil {
		return 0, err
	}
	data, err := env.Memory(r2, r3, false)
	if err != nil {
		return 0, err
	}
	return uint64(maps.Errno(m.Output(data))), nil
})

var ringbufReserve = implement(FuncRingbufReserve, func(env Env, r1, r2, r3, _, _ uint64) (uint64, error) {
	m, err := env.Map(r1)
	if err != nil {
		return 0, err
	}
	if r3 != 0 || r2 > 1<<31 {
		return 0, nil
	}
	off, ok := m.Reserve(uint32(r2))
	if !ok {
		return 0, nil
	}
	return env.MapPointer(m, off), nil
})

// ringbufCommit is submit or discard of a reserved record.
func ringbufCommit(id ID, commit func(*maps.Map, uint32)) *Helper {
	return implement(id, func(env Env, r1, _, _, _, _ uint64) (uint64, error) {
		m, off, err := env.MapAt(r1)
		if err != nil {
			return 0, err
		}
		commit(m, off)
		return 0, nil
	})
}

var (
	ringbufSubmit  = ringbufCommit(FuncRingbufSubmit, (*maps.Map).Submit)
	ringbufDiscard = ringbufCommit(FuncRingbufDiscard, (*maps.Map).Discard)
)
