package helpers

// This file implements the checksum helpers with the kernel's arithmetic
// (include/net/checksum.h): 16-bit words and 32-bit partial sums in the
// packet's own byte order, as an x86-64 kernel computes them, so results
// agree bit for bit.

import "encoding/binary"

func csumAdd(a, b uint32) uint32 {
	s := a + b
	if s < b {
		s++
	}
	return s
}

func csumSub(a, b uint32) uint32 { return csumAdd(a, ^b) }

// csumFold folds a 32-bit partial sum into the 16-bit checksum (complemented).
func csumFold(s uint32) uint16 {
	s = s&0xffff + s>>16
	s = s&0xffff + s>>16
	return ^uint16(s)
}

// csumPartial is the 32-bit ones' complement sum of 32-bit words plus seed.
func csumPartial(b []byte, seed uint32) uint32 {
	s := uint64(seed)
	for len(b) >= 4 {
		s += uint64(binary.LittleEndian.Uint32(b))
		b = b[4:]
	}
	for s>>32 != 0 {
		s = s&0xffffffff + s>>32
	}
	return uint32(s)
}

// csumReplace4 updates a checksum for a 32-bit field changing from `from`
// to `to` (RFC 1624), as the kernel's csum_replace4.
func csumReplace4(sum uint16, from, to uint32) uint16 {
	return csumFold(csumAdd(csumSub(^uint32(sum), from), to))
}

// csumReplaceByDiff adds a csum_diff result to a checksum.
func csumReplaceByDiff(sum uint16, diff uint32) uint16 {
	return csumFold(csumAdd(diff, ^uint32(sum)))
}

const (
	fHdrFieldMask  = 0xf
	fPseudoHdr     = 1 << 4
	fMarkMangled0  = 1 << 5
	fMarkEnforce   = 1 << 6
	fIPv6          = 1 << 7
	csumMangled0   = 0xffff
	maxCsumDiffLen = 512
)

// csumField returns the 2-byte checksum field at offset of the packet.
func csumField(env Env, offset uint64) ([]byte, SKBContext, int64, error) {
	s, err := skbContext(env)
	if err != nil {
		return nil, nil, 0, err
	}
	data := s.PacketData()
	if offset > 0xffff || offset&1 != 0 || offset+2 > uint64(len(data)) {
		return nil, nil, errEFAULT, nil
	}
	return data[offset : offset+2], s, 0, nil
}

// replace applies one of the three replacement kinds to a checksum.
func replace(sum uint16, size uint64, from, to uint64) (uint16, bool) {
	switch size {
	case 0:
		if from != 0 {
			return 0, false
		}
		return csumReplaceByDiff(sum, uint32(to)), true
	case 2:
		return csumReplace4(sum, uint32(uint16(from)), uint32(uint16(to))), true
	case 4:
		return csumReplace4(sum, uint32(from), uint32(to)), true
	}
	return 0, false
}

var l3CsumReplace = implement(FuncL3CsumReplace, func(env Env, _, r2, r3, r4, r5 uint64) (uint64, error) {
	if r5&^fHdrFieldMask != 0 {
		return neg(errEINVAL), nil
	}
	field, s, errno, err := csumField(env, r2)
	if err != nil || errno != 0 {
		return neg(errno), err
	}
	sum, ok := replace(binary.LittleEndian.Uint16(field), r5&fHdrFieldMask, r3, r4)
	if !ok {
		return neg(errEINVAL), nil
	}
	binary.LittleEndian.PutUint16(field, sum)
	s.ChangeData()
	return 0, nil
})

var l4CsumReplace = implement(FuncL4CsumReplace, func(env Env, _, r2, r3, r4, r5 uint64) (uint64, error) {
	if r5&^(fMarkMangled0|fMarkEnforce|fPseudoHdr|fHdrFieldMask|fIPv6) != 0 {
		return neg(errEINVAL), nil
	}
	field, s, errno, err := csumField(env, r2)
	if err != nil || errno != 0 {
		return neg(errno), err
	}
	old := binary.LittleEndian.Uint16(field)
	mangled0 := r5&fMarkMangled0 != 0
	if mangled0 && r5&fMarkEnforce == 0 && old == 0 {
		return 0, nil // a UDP datagram without a checksum keeps none
	}
	sum, ok := replace(old, r5&fHdrFieldMask, r3, r4)
	if !ok {
		return neg(errEINVAL), nil
	}
	if mangled0 && sum == 0 {
		sum = csumMangled0
	}
	binary.LittleEndian.PutUint16(field, sum)
	s.ChangeData()
	return 0, nil
})

// csumDiff returns the partial checksum of `to` minus `from` plus seed.
var csumDiff = implement(FuncCsumDiff, func(env Env, r1, r2, r3, r4, r5 uint64) (uint64, error) {
	if (r2|r4)&3 != 0 || r2+r4 > maxCsumDiffLen {
		return neg(errEINVAL), nil
	}
	from, err := env.Memory(r1, r2, false)
	if err != nil && r2 > 0 {
		return 0, err
	}
	to, err := env.Memory(r3, r4, false)
	if err != nil && r4 > 0 {
		return 0, err
	}
	var diff [maxCsumDiffLen]byte
	n := 0
	for i := 0; i+4 <= len(from); i += 4 {
		binary.LittleEndian.PutUint32(diff[n:], ^binary.LittleEndian.Uint32(from[i:]))
		n += 4
	}
	n += copy(diff[n:], to)
	return uint64(csumPartial(diff[:n], uint32(r5))), nil
})
