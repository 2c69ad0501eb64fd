package helpers

// This file implements bpf_trace_printk: the kernel's format subset (%d %i
// %u %x %X %ld %lu %lx %lld %llu %llx %p %c %s %%), output captured by the
// engine instead of going to the trace pipe.

import (
	"bytes"
	"fmt"
	"strconv"
)

var tracePrintk = &Helper{
	ID: 6, Name: "trace_printk",
	Proto: Proto{Ret: RetInteger, Args: [5]ArgType{ArgMem, ArgConstSize, ArgAnything, ArgAnything, ArgAnything}},
	Fn: func(env Env, r1, r2, r3, r4, r5 uint64) (uint64, error) {
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
	},
}

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
			s, err := env.Memory(v, 1, false)
			if err != nil {
				return "", err
			}
			for n := uint64(1); len(s) > 0 && s[len(s)-1] != 0 && n < 256; n++ {
				if s, err = env.Memory(v, n+1, false); err != nil {
					break
				}
			}
			b = append(b, bytes.TrimRight(s, "\x00")...)
		default:
			return "", fmt.Errorf("unsupported conversion %%%c", format[i])
		}
	}
	return string(b), nil
}
