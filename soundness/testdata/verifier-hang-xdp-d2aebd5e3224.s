#| callx soundness finding: verifier-hang: the verifier has not decided after 10s
#| While the file says "status: open", TestRegressions logs it and TestSoundness
#| does not fail on findings like it (same kind, same message but for numbers);
#| once fixed, delete the status line: TestRegressions then fails if it comes back.
# type: xdp
# map: array key=4 value=48 entries=4
# map: hash key=8 value=16 entries=8
# map: array key=4 value=32 entries=1
# origin: seed 1795613308535175905; mutant: insn 36 operation: r9 = 0 -> r9 -= 0
	r6 = r1                                  # 0
	w8 = *(u32 *)(r1 + 0)                    # 1
	w4 = *(u32 *)(r1 + 4)                    # 2
	r7 = r8                                  # 3
	r7 += 23                                 # 4
	if r7 <= r4 goto +2                      # 5
	r0 = 1                                   # 6
	exit                                     # 7
	*(u8 *)(r8 + 21) = 13                    # 8
	*(u64 *)(r10 - 8) = 4                    # 9
	r2 = r10                                 # 10
	r2 += -8                                 # 11
	r1 = map_idx(1) ll                       # 12
	call 1                                   # 14
	if r0 == 0 goto +14                      # 15
	r2 = 387160825                           # 16
	r9 = r2                                  # 17
	if r9 > 12 goto +3                       # 18
	r3 = r0                                  # 19
	r3 += r9                                 # 20
	w3 = *(u32 *)(r3 + 0)                    # 21
	w9 = *(u32 *)(r6 + 0)                    # 22
	w5 = *(u32 *)(r6 + 4)                    # 23
	r7 = r9                                  # 24
	r7 += 54                                 # 25
	if r7 <= r5 goto +2                      # 26
	r0 = 2                                   # 27
	exit                                     # 28
	w7 = *(u16 *)(r9 + 28)                   # 29
	r3 = 0                                   # 30
	r1 = 8                                   # 31
	r2 = func(pc+32) ll                      # 32
	r4 = 0                                   # 34
	call 181                                 # 35
	r9 -= 0                                  # 36
	call 8                                   # 37
	r9 += 1                                  # 38
	if r9 < 12 goto -3                       # 39
	if r0 > 4 goto +18                       # 40
	*(u64 *)(r10 - 88) = 4                   # 41
	r2 = r10                                 # 42
	r2 += -88                                # 43
	r1 = map_idx(1) ll                       # 44
	call 1                                   # 46
	if r0 == 0 goto +1                       # 47
	r9 = *(u64 *)(r0 + 1)                    # 48
	r1 = r8                                  # 49
	r1 += 22                                 # 50
	w7 = *(u8 *)(r1 - 14)                    # 51
	r4 = map_idx_value(2, 6) ll              # 52
	w2 = *(u32 *)(r4 - 6)                    # 54
	r2 &= 15                                 # 55
	r3 = r4                                  # 56
	r3 += r2                                 # 57
	*(u64 *)(r3 + 0) = 6                     # 58
	*(u32 *)(r10 - 160) = 2                  # 59
	if r9 > r9 goto +1                       # 60
	w0 = *(u32 *)(r6 + 12)                   # 61
	*(u8 *)(r8 + 0) = w9                     # 62
	r0 = 1                                   # 63
	exit                                     # 64
	r5 = 512                                 # 65
	w5 &= w2                                 # 66
	r9 = 10                                  # 67
	w9 = 4                                   # 68
	r0 = 1                                   # 69
	exit                                     # 70
