#| callx soundness finding: verifier-hang: the verifier has not decided after 10s
#| While the file says "status: open", TestRegressions logs it and TestSoundness
#| does not fail on findings like it (same kind, same message but for numbers);
#| once fixed, delete the status line: TestRegressions then fails if it comes back.
# type: xdp
# map: array key=4 value=48 entries=4
# map: hash key=8 value=16 entries=8
# map: array key=4 value=32 entries=1
# origin: seed 1795614827585062916
	r6 = r1                                  # 0
	r8 = 0                                   # 1
	if r8 == r8 goto +4                      # 2
	r1 = -2147483648                         # 3
	r1 >>= 36                                # 4
	r0 = 4                                   # 5
	exit                                     # 6
	call 5                                   # 7
	r8 += 1                                  # 8
	if r8 < r0 goto -8                       # 9
	r4 = 256                                 # 10
	w4 /= w0                                 # 11
	w9 = *(u32 *)(r6 + 0)                    # 12
	w3 = *(u32 *)(r6 + 4)                    # 13
	r1 = r9                                  # 14
	r1 += 42                                 # 15
	if r1 <= r3 goto +2                      # 16
	r0 = 1                                   # 17
	exit                                     # 18
	*(u32 *)(r9 + 36) = w4                   # 19
	if r4 s> r4 goto +32                     # 20
	r1 = r6                                  # 21
	r2 = 15                                  # 22
	call 65                                  # 23
	if w8 < -27 goto +28                     # 24
	*(u64 *)(r10 - 72) = 8                   # 25
	r2 = r10                                 # 26
	r2 += -72                                # 27
	r1 = map_idx(1) ll                       # 28
	call 1                                   # 30
	if r0 != 0 goto +2                       # 31
	r0 = 4                                   # 32
	exit                                     # 33
	r8 = r0                                  # 34
	r1 = 64                                  # 35
	w1 = atomic_fetch_xor((u32 *)(r8 + 8), w1) # 36
	if w1 s< 1048576 goto +4                 # 37
	r4 = map_idx_value(2, 30) ll             # 38
	r2 = *(u64 *)(r0 + 8)                    # 40
	goto +11                                 # 41
	r3 = -2147483648                         # 42
	r3 /= 18                                 # 43
	r0 = 10                                  # 44
	w0 = 2057045754                          # 45
	r2 = *(u64 *)(r10 - 72)                  # 46
	r3 = 0                                   # 47
	r1 = 5                                   # 48
	r2 = func(pc+42) ll                      # 49
	r4 = 0                                   # 51
	call 181                                 # 52
	call 7                                   # 53
	r0 = 0                                   # 54
	*(u32 *)(r10 - 32) = w0                  # 55
	r2 = r10                                 # 56
	r2 += -32                                # 57
	r1 = map_idx(0) ll                       # 58
	call 1                                   # 60
	if r0 != 0 goto +2                       # 61
	r0 = 2                                   # 62
	exit                                     # 63
	r2 = *(u64 *)(r0 + 28)                   # 64
	r1 = r6                                  # 65
	r2 = 11                                  # 66
	call 44                                  # 67
	r1 = -1318241298                         # 68
	w1 |= -1575006162                        # 69
	r7 = *(u64 *)(r10 - 32)                  # 70
	*(u64 *)(r10 - 128) = 5                  # 71
	r2 = r10                                 # 72
	r2 += -128                               # 73
	r1 = map_idx(1) ll                       # 74
	call 1                                   # 76
	if r0 != 0 goto +2                       # 77
	r0 = 1                                   # 78
	exit                                     # 79
	r9 = r0                                  # 80
	r1 = r7                                  # 81
	r1 &= 7                                  # 82
	r2 = r0                                  # 83
	r2 += r1                                 # 84
	w2 = *(u16 *)(r2 + 0)                    # 85
	call 7                                   # 86
	r2 = 0                                   # 87
	r2 = le32 r2                             # 88
	*(u64 *)(r9 + 7) = -44                   # 89
	r0 = 4                                   # 90
	exit                                     # 91
	r3 = 42                                  # 92
	r3 += -14                                # 93
	r9 = 0                                   # 94
	*(u64 *)(r10 - 32) = -44                 # 95
	r3 = r10                                 # 96
	r3 += -32                                # 97
	r1 = 1                                   # 98
	r2 = func(pc+26) ll                      # 99
	r4 = 0                                   # 101
	call 181                                 # 102
	r0 = map_idx_value(2, 17) ll             # 103
	r5 = *(u64 *)(r0 - 4)                    # 105
	lock *(u64 *)(r0 - 1) += r9              # 106
	r9 += 1                                  # 107
	if w9 < 11 goto -14                      # 108
	r7 = 16384                               # 109
	r7 -= 63                                 # 110
	if r7 != 64 goto +10                     # 111
	*(u64 *)(r10 - 8) = 0                    # 112
	r2 = r10                                 # 113
	r2 += -8                                 # 114
	r1 = map_idx(1) ll                       # 115
	call 1                                   # 117
	if r0 != 0 goto +2                       # 118
	r0 = 1                                   # 119
	exit                                     # 120
	w9 = *(u16 *)(r0 + 14)                   # 121
	r8 = 8192                                # 122
	r8 += r9                                 # 123
	r0 = 0                                   # 124
	exit                                     # 125
	*(u32 *)(r10 - 16) = 1                   # 126
	r2 = r10                                 # 127
	r2 += -16                                # 128
	r1 = map_idx(0) ll                       # 129
	call 1                                   # 131
	if r0 != 0 goto +2                       # 132
	r0 = 1                                   # 133
	exit                                     # 134
	r8 = r0                                  # 135
	r5 = 256                                 # 136
	*(u64 *)(r8 + 11) = r5                   # 137
	r2 = -7                                  # 138
	r2 = -r2                                 # 139
	r8 = -318263748                          # 140
	w8 <<= 23                                # 141
	r0 = 0                                   # 142
	exit                                     # 143
