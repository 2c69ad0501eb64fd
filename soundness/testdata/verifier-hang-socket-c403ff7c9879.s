#| callx soundness finding: verifier-hang: the verifier has not decided after 1m0s
#| While the file says "status: open", TestRegressions logs it and TestSoundness
#| does not fail on findings like it (same kind, same message but for numbers);
#| once fixed, delete the status line: TestRegressions then fails if it comes back.
# type: socket
# map: array key=4 value=48 entries=4
# map: hash key=8 value=16 entries=8
# map: array key=4 value=32 entries=1
# origin: seed 1795616210134592609
	r6 = r1                                  # 0
	*(u64 *)(r10 - 120) = -187401985         # 1
	r3 = r10                                 # 2
	r3 += -120                               # 3
	r1 = 5                                   # 4
	r2 = func(pc+31) ll                      # 5
	r4 = 0                                   # 7
	call 181                                 # 8
	r5 = 65536                               # 9
	w5 = -19                                 # 10
	r1 = r6                                  # 11
	r2 = 7                                   # 12
	r3 = r10                                 # 13
	r3 += -40                                # 14
	r4 = 6                                   # 15
	call 26                                  # 16
	r4 = 2                                   # 17
	w4 -= 2                                  # 18
	*(u32 *)(r6 + 56) = w0                   # 19
	if r4 & 166716763 goto +2                # 20
	call 7                                   # 21
	goto +1                                  # 22
	call 7                                   # 23
	r7 = 0                                   # 24
	r2 = 14                                  # 25
	w2 = 268435456                           # 26
	r5 = 256                                 # 27
	r5 -= 33554432                           # 28
	r0 = r10                                 # 29
	r0 += -64                                # 30
	*(u64 *)(r0 + 0) = 11                    # 31
	r7 += 1                                  # 32
	if w7 < 6 goto -9                        # 33
	*(u32 *)(r10 - 84) = w5                  # 34
	r0 = 64                                  # 35
	exit                                     # 36
	r8 = 1                                   # 37
	w8 = w1                                  # 38
	r6 = 0                                   # 39
	*(u32 *)(r10 - 112) = 2                  # 40
	r2 = r10                                 # 41
	r2 += -112                               # 42
	r1 = map_idx(0) ll                       # 43
	call 1                                   # 45
	if r0 != 0 goto +2                       # 46
	r0 = 0                                   # 47
	exit                                     # 48
	*(u64 *)(r0 + 33) = 16                   # 49
	r6 += 1                                  # 50
	if r6 < r8 goto -12                      # 51
	*(u32 *)(r0 + 38) = w6                   # 52
	r8 = (s8)r6                              # 53
	r0 = 1                                   # 54
	exit                                     # 55
