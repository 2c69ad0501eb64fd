package ctx

import (
	"bytes"
	"errors"
	"testing"

	"github.com/callx/callx/asm"
	"github.com/callx/callx/vm"
)

func machine(t *testing.T, src string) *vm.Machine {
	t.Helper()
	insns, err := asm.Assemble([]byte(src), t.Name())
	if err != nil {
		t.Fatal(err)
	}
	p, err := vm.Load(insns, vm.Options{EntryArgs: 1})
	if err != nil {
		t.Fatal(err)
	}
	return p.NewMachine()
}

func packet(n int) []byte {
	b := make([]byte, n)
	for i := range b {
		b[i] = byte(i)
	}
	return b
}

func TestXDP(t *testing.T) {
	tests := []struct {
		desc string
		src  string
		pkt  []byte
		ret  uint64
		out  []byte
	}{
		{"data_end - data is the length", `
			r2 = *(u32 *)(r1 + 4)
			r1 = *(u32 *)(r1 + 0)
			r0 = r2
			r0 -= r1
			exit`, packet(60), 60, packet(60)},
		{"ingress_ifindex is the loopback's", `
			r0 = *(u32 *)(r1 + 12)
			exit`, packet(60), 1, packet(60)},
		{"a write through data changes the packet", `
			r1 = *(u32 *)(r1 + 0)
			*(u8 *)(r1 + 0) = 0xff
			r0 = 2
			exit`, packet(14), 2, append([]byte{0xff}, packet(14)[1:]...)},
		{"adjust_head -4 grows the packet in front", `
			r6 = r1
			r2 = -4
			call 44
			r1 = *(u32 *)(r6 + 0)
			*(u32 *)(r1 + 0) = 0x04030201
			exit`, packet(20), 0, append([]byte{1, 2, 3, 4}, packet(20)...)},
		{"adjust_head past the headroom fails", `
			r2 = -300
			call 44
			exit`, packet(20), uint64(0xffffffffffffffea), packet(20)},
		{"adjust_tail -6 trims", `
			r2 = -6
			call 65
			exit`, packet(20), 0, packet(14)},
		{"adjust_tail below 14 bytes fails", `
			r2 = -7
			call 65
			exit`, packet(20), uint64(0xffffffffffffffea), packet(20)},
		{"adjust_meta makes room for metadata before data", `
			r6 = r1
			r2 = -8
			call 54
			r1 = *(u32 *)(r6 + 8)
			r2 = *(u32 *)(r6 + 0)
			r0 = r2
			r0 -= r1
			exit`, packet(20), 8, packet(20)},
		{"metadata may pass 32 bytes (Linux 6.x) up to the xdp_frame", `
			r6 = r1
			r2 = -200
			call 54
			r7 = r0
			r1 = r6
			r2 = -16
			call 54
			r7 |= r0
			r1 = r6
			r2 = -4
			call 54
			r0 |= r7
			exit`, packet(20), uint64(0xffffffffffffffea), packet(20)},
		{"metadata must be a multiple of 4", `
			r2 = -6
			call 54
			exit`, packet(20), uint64(0xfffffffffffffff3), packet(20)},
		{"reading past data_end traps", `
			r1 = *(u32 *)(r1 + 0)
			r0 = *(u8 *)(r1 + 20)
			exit`, packet(20), 0, nil},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			x := NewXDP(machine(t, tt.src))
			ret, err := x.Run(tt.pkt)
			if tt.out == nil {
				var trap *vm.Trap
				if !errors.As(err, &trap) {
					t.Fatalf("got %v, want a trap", err)
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if ret != tt.ret || !bytes.Equal(x.Packet(), tt.out) {
				t.Errorf("got %#x %x, want %#x %x", ret, x.Packet(), tt.ret, tt.out)
			}
		})
	}
}

func TestXDPContextIsReadOnly(t *testing.T) {
	x := NewXDP(machine(t, `
		r2 = 7
		*(u32 *)(r1 + 12) = r2
		r0 = 2
		exit`))
	_, err := x.Run(packet(20))
	var ce *vm.ContextAccessError
	if !errors.As(err, &ce) || ce.Off != 12 || !ce.Write {
		t.Fatalf("got %v, want a context write error at off 12", err)
	}
}

func TestSKB(t *testing.T) {
	ipv4 := packet(60)
	copy(ipv4[12:], []byte{0x08, 0x00})
	tests := []struct {
		desc string
		kind SKBKind
		src  string
		ret  uint64
	}{
		{"tc: len is the whole frame", TC, `
			r0 = *(u32 *)(r1 + 0)
			exit`, 60},
		{"socket filter: len starts at the network header", SocketFilter, `
			r0 = *(u32 *)(r1 + 0)
			exit`, 46},
		{"protocol is the __be16 ethertype", TC, `
			r0 = *(u32 *)(r1 + 16)
			exit`, 0x0008},
		{"a narrow load of protocol", TC, `
			r0 = *(u8 *)(r1 + 16)
			exit`, 0x08},
		{"tc: data_end - data", TC, `
			r2 = *(u32 *)(r1 + 80)
			r1 = *(u32 *)(r1 + 76)
			r0 = r2
			r0 -= r1
			exit`, 60},
		{"tc writes mark", TC, `
			r2 = 42
			*(u32 *)(r1 + 8) = r2
			r0 = *(u32 *)(r1 + 8)
			exit`, 42},
		{"socket filter: LD_ABS reads from the network header, big-endian", SocketFilter, `
			r6 = r1
			r0 = *(u16 *)skb[0]
			exit`, 0x0e0f},
		{"LD_ABS past the end ends the program with 0", SocketFilter, `
			r6 = r1
			r0 = *(u32 *)skb[100]
			r0 = 7
			exit`, 0},
		{"skb_load_bytes", TC, `
			r2 = 12
			r3 = r10
			r3 += -8
			r4 = 2
			call 26
			r0 = *(u16 *)(r10 - 8)
			exit`, 0x0008},
	}
	for _, tt := range tests {
		t.Run(tt.desc, func(t *testing.T) {
			s := NewSKB(machine(t, tt.src), tt.kind)
			ret, err := s.Run(ipv4)
			if err != nil {
				t.Fatal(err)
			}
			if ret != tt.ret {
				t.Errorf("got %#x, want %#x", ret, tt.ret)
			}
		})
	}
}

func TestSocketFilterCannotWriteMark(t *testing.T) {
	s := NewSKB(machine(t, `
		r2 = 42
		*(u32 *)(r1 + 8) = r2
		r0 = 0
		exit`), SocketFilter)
	_, err := s.Run(packet(60))
	var ce *vm.ContextAccessError
	if !errors.As(err, &ce) {
		t.Fatalf("got %v, want a context access error", err)
	}
}
