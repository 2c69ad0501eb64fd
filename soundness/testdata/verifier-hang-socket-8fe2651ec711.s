#| callx soundness finding: verifier-hang: the verifier has not decided after 10s
#| While the file says "status: open", TestRegressions logs it and TestSoundness
#| does not fail on findings like it (same kind, same message but for numbers);
#| once fixed, delete the status line: TestRegressions then fails if it comes back.
# type: socket
# map: array key=4 value=48 entries=4
# map: hash key=8 value=16 entries=8
# map: array key=4 value=32 entries=1
# origin: seed 1795614145190998607
	r6 = r1                                  # 0
	*(u64 *)(r10 - 8) = r1                   # 1
	r5 = 1                                   # 2
	r5 s>>= 16                               # 3
	*(u32 *)(r10 - 36) = w5                  # 4
	r4 = 6                                   # 5
	w4 *= 49                                 # 6
	w0 = *(u32 *)(r1 + 84)                   # 7
	if w4 s< w4 goto +14                     # 8
	r8 = 0                                   # 9
	r3 = 9                                   # 10
	r0 = *(u32 *)skb[r3 + 40]                # 11
	r3 = 0                                   # 12
	r1 = 3                                   # 13
	r2 = func(pc+25) ll                      # 14
	r4 = 0                                   # 16
	call 181                                 # 17
	r0 = *(u32 *)skb[58]                     # 18
	r0 /= 4                                  # 19
	r8 += 1                                  # 20
	if r8 < r0 goto -12                      # 21
	goto +10                                 # 22
	r1 = 0                                   # 23
	r1 |= -61                                # 24
	r8 = map_idx_value(2, 23) ll             # 25
	w2 = *(u32 *)(r8 - 20)                   # 27
	if r1 >= 33554432 goto +3                # 28
	r4 *= 44                                 # 29
	r3 = 64                                  # 30
	r3 = xchg_64(r8 - 7, r3)                 # 31
	call pc+12                               # 32
	r8 = 0                                   # 33
	*(u64 *)(r10 - 192) = -1                 # 34
	r8 += 1                                  # 35
	if r8 < 3 goto -3                        # 36
	call 8                                   # 37
	r0 = 64                                  # 38
	exit                                     # 39
	call 8                                   # 40
	r7 = 2                                   # 41
	w7 = 4                                   # 42
	r0 = 1                                   # 43
	exit                                     # 44
	r3 = -45                                 # 45
	*(u32 *)(r10 - 128) = w3                 # 46
	r2 = r10                                 # 47
	r2 += -128                               # 48
	r1 = map_idx(2) ll                       # 49
	call 1                                   # 51
	if r0 != 0 goto +2                       # 52
	r0 = 1                                   # 53
	exit                                     # 54
	r2 = *(u64 *)(r0 + 0)                    # 55
	if r2 s> 28 goto +3                      # 56
	r1 = r0                                  # 57
	r1 += r2                                 # 58
	w1 = *(u32 *)(r1 + 0)                    # 59
	call 5                                   # 60
	w9 = *(u32 *)(r10 - 128)                 # 61
	exit                                     # 62
