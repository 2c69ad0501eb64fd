package helpers

import (
	"errors"
	"testing"

	"github.com/callx/callx/maps"
)

// memEnv is an Env over one flat memory at address 0x1000, for helper tests.
type memEnv struct {
	mem     []byte
	printed []string
}

func (e *memEnv) Memory(addr, n uint64, write bool) ([]byte, error) {
	if addr < 0x1000 || addr-0x1000+n > uint64(len(e.mem)) {
		return nil, errors.New("out of bounds")
	}
	return e.mem[addr-0x1000 : addr-0x1000+n], nil
}
func (e *memEnv) Map(uint64) (*maps.Map, error)           { return nil, errors.New("no maps") }
func (e *memEnv) MapPointer(*maps.Map, uint32) uint64     { return 0 }
func (e *memEnv) MapAt(uint64) (*maps.Map, uint32, error) { return nil, 0, errors.New("no maps") }
func (e *memEnv) Call(uint64, uint64, uint64, uint64, uint64, uint64) (uint64, error) {
	return 0, errors.New("no callbacks")
}
func (e *memEnv) Context() any                   { return nil }
func (e *memEnv) Printk(s string)                { e.printed = append(e.printed, s) }
func (e *memEnv) Scratch([]byte) (uint64, error) { return 0, errors.New("no scratch") }

func TestTracePrintk(t *testing.T) {
	tests := []struct {
		format string
		args   [3]uint64
		want   string
	}{
		{"plain\x00", [3]uint64{}, "plain"},
		{"%d %u %x\x00", [3]uint64{0xffffffff, 0xffffffff, 255}, "-1 4294967295 ff"},
		{"%lld %llu %llx\x00", [3]uint64{1 << 63, 1 << 63, 1 << 40}, "-9223372036854775808 9223372036854775808 10000000000"},
		{"%s|%c|%%\x00", [3]uint64{0x1000 + 64, 'x'}, "hello|x|%"},
		{"%p\x00", [3]uint64{0x1234}, "0x1234"},
	}
	for _, tt := range tests {
		env := &memEnv{mem: make([]byte, 128)}
		copy(env.mem, tt.format)
		copy(env.mem[64:], "hello\x00")
		ret, err := tracePrintk.Fn(env, 0x1000, uint64(len(tt.format)), tt.args[0], tt.args[1], tt.args[2])
		if err != nil {
			t.Fatalf("%q: %v", tt.format, err)
		}
		if len(env.printed) != 1 || env.printed[0] != tt.want || ret != uint64(len(tt.want)) {
			t.Errorf("%q: printed %q (returned %d), want %q", tt.format, env.printed, ret, tt.want)
		}
	}
	env := &memEnv{mem: make([]byte, 16)}
	copy(env.mem, "no terminator")
	if ret, _ := tracePrintk.Fn(env, 0x1000, 13, 0, 0, 0); int64(ret) != errEINVAL {
		t.Errorf("a format without NUL returned %d, want -EINVAL", int64(ret))
	}
}
