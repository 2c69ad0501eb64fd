package helpers

import (
	"errors"
	"testing"
)

func TestDefaultTable(t *testing.T) {
	table := Default()
	for _, tt := range []struct {
		id   ID
		name string
	}{{5, "ktime_get_ns"}, {7, "get_prandom_u32"}, {8, "get_smp_processor_id"}} {
		h, err := table.Lookup(tt.id)
		if err != nil {
			t.Errorf("helper %d: %v", tt.id, err)
			continue
		}
		if h.Name != tt.name || h.Fn == nil {
			t.Errorf("helper %d is %q (fn %v), want %q", tt.id, h.Name, h.Fn != nil, tt.name)
		}
	}
	_, err := table.Lookup(9999)
	var ue *UnknownError
	if !errors.As(err, &ue) || err.Error() != "invalid func unknown#9999" {
		t.Errorf("unknown helper: got %v", err)
	}
}

func TestSpecialIDs(t *testing.T) {
	if MapLookupElemID != FuncMapLookupElem || TailCallID != FuncTailCall ||
		LoopID != FuncLoop || ForEachMapElemID != FuncForEachMapElem {
		t.Error("the engine's helper ids are not the kernel's")
	}
}

func TestKtimeIsMonotonic(t *testing.T) {
	a, _ := ktimeGetNs.Fn(nil, 0, 0, 0, 0, 0)
	b, _ := ktimeGetNs.Fn(nil, 0, 0, 0, 0, 0)
	if b < a {
		t.Errorf("ktime_get_ns went back: %d then %d", a, b)
	}
}
