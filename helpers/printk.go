package helpers

// This file implements bpf_trace_printk: the kernel's format subset (%d %i
// %u %x %X %ld %lu %lx %lld %llu %llx %p %c %s %%), output captured by the
// engine instead of going to the trace pipe.

import (
	"bytes"
	"fmt"
	"strconv"
)

var tracePrintk = implement(FuncTracePrintk, func(env Env, r1, r2, r3, r4, r5 uint64) (uint64, error) {
	raw, err := env.Memory(r1, r2, false)
	if err != nil {
		return 0, err
	}
	if i := bytes.IndexByte(raw, 0); i >= 0 {
		raw = raw[:i]
	} else {
		return neg(errEINVAL), nil // the format must end in NUL
	}
	out, err := formatPrintk(env, string(raw), [3]uint64{r3, r4, r5})
	if err != nil {
		return neg(errEINVAL), nil
	}
	env.Printk(out)
	return uint64(len(out)), nil
})

func formatPrintk(env Env, format string, args [3]uint64) (string, error) {
	var b []byte
	next := 0
	for i := 0; i < len(format); i++ {
		c := format[i]
		if c != '%' {
			b = append(b, c)
			continue
		}
		i++
		if i < len(format) && format[i] == '%' {
			b = append(b, '%')
			continue
		}
		long := 0
		for i < len(format) && format[i] == 'l' {
			long++
			i++
		}
		if i >= len(format) {
			return "", fmt.Errorf("format ends in %%")
		}
		if next == len(args) {
			return "", fmt.Errorf("more than 3 arguments")
		}
		v := args[next]
		next++
		switch format[i] {
		case 'd', 'i':
			if long == 0 {
				v = uint64(int64(int32(v)))
			}
			b = strconv.AppendInt(b, int64(v), 10)
		case 'u':
			if long == 0 {
				v = uint64(uint32(v))
			}
			b = strconv.AppendUint(b, v, 10)
		case 'x', 'X':
			if long == 0 {
				v = uint64(uint32(v))
			}
			b = strconv.AppendUint(b, v, 16)
		case 'p':
			b = append(b, "0x"...)
			b = strconv.AppendUint(b, v, 16)
		case 'c':
			b = append(b, byte(v))
		case 's':
			str, err := cString(env, v)
			if err != nil {
				return "", err
			}
			b = append(b, str...)
		default:
			return "", fmt.Errorf("unsupported conversion %%%c", format[i])
		}
	}
	return string(b), nil
}

// cString reads a NUL-terminated string of at most 256 bytes.
func cString(env Env, addr uint64) ([]byte, error) {
	var s []byte
	for i := uint64(0); i < 256; i++ {
		c, err := env.Memory(addr+i, 1, false)
		if err != nil {
			return nil, err
		}
		if c[0] == 0 {
			break
		}
		s = append(s, c[0])
	}
	return s, nil
}
