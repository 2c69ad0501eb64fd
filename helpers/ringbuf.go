package helpers

// This file implements the ring buffer helpers.

import "github.com/callx/callx/maps"

var ringbufOutput = &Helper{
	ID: 130, Name: "ringbuf_output",
	Proto: Proto{Ret: RetInteger, Args: [5]ArgType{ArgConstMapPtr, ArgMem, ArgConstSize, ArgAnything}},
	Fn: func(env Env, r1, r2, r3, _, _ uint64) (uint64, error) {
		m, err := env.Map(r1)
		if err != nil {
			return 0, err
		}
		data, err := env.Memory(r2, r3, false)
		if err != nil {
			return 0, err
		}
		return uint64(maps.Errno(m.Output(data))), nil
	},
}

var ringbufReserve = &Helper{
	ID: 131, Name: "ringbuf_reserve",
	Proto: Proto{Ret: RetMemOrNull, Args: [5]ArgType{ArgConstMapPtr, ArgConstAllocSize, ArgAnything}},
	Fn: func(env Env, r1, r2, r3, _, _ uint64) (uint64, error) {
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
	},
}

// ringbufCommit is submit or discard of a reserved record.
func ringbufCommit(id ID, name string, commit func(*maps.Map, uint32)) *Helper {
	return &Helper{
		ID: id, Name: name,
		Proto: Proto{Ret: RetVoid, Args: [5]ArgType{ArgAllocMem, ArgAnything}},
		Fn: func(env Env, r1, _, _, _, _ uint64) (uint64, error) {
			m, off, err := env.MapAt(r1)
			if err != nil {
				return 0, err
			}
			commit(m, off)
			return 0, nil
		},
	}
}

var (
	ringbufSubmit  = ringbufCommit(132, "ringbuf_submit", (*maps.Map).Submit)
	ringbufDiscard = ringbufCommit(133, "ringbuf_discard", (*maps.Map).Discard)
)
