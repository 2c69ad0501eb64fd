#| callx soundness finding: verifier-hang: the verifier has not decided after 30s
#| While the file says "status: open", TestRegressions logs it and TestSoundness
#| does not fail on findings like it (same kind, same message but for numbers);
#| once fixed, delete the status line: TestRegressions then fails if it comes back.
# type: socket
# map: array key=4 value=48 entries=4
# map: hash key=8 value=16 entries=8
# map: array key=4 value=32 entries=1
# origin: seed 1373
	r6 = r1                                  # 0
	call 8                                   # 1
	*(u32 *)(r6 + 52) = w0                   # 2
	r0 = *(u16 *)skb[r0 + 35]                # 3
	r1 = -33                                 # 4
	r2 = 32                                  # 5
	call pc+30                               # 6
	r8 = 0                                   # 7
	*(u64 *)(r10 - 104) = r8                 # 8
	r4 = 1631559625                          # 9
	r4 -= -37                                # 10
	if r4 != 8388608 goto +7                 # 11
	r2 = 4                                   # 12
	r2 = 8                                   # 13
	w0 = *(u32 *)(r6 + 16)                   # 14
	r5 = 0                                   # 15
	r5 += 48                                 # 16
	r0 = 0                                   # 17
	exit                                     # 18
	r3 = 13                                  # 19
	r0 = *(u32 *)skb[r3 + 54]                # 20
	r8 += 1                                  # 21
	if r8 < r0 goto -15                      # 22
	if r0 s> 3 goto +3                       # 23
	w4 = *(u32 *)(r6 + 8)                    # 24
	call 7                                   # 25
	goto +8                                  # 26
	if r0 s> -58 goto +2                     # 27
	r2 = -18                                 # 28
	w2 *= 8388608                            # 29
	r8 %= r0                                 # 30
	call 8                                   # 31
	if w8 < w8 goto +2                       # 32
	r0 = *(u32 *)skb[r0 + 58]                # 33
	w4 = *(u32 *)(r10 - 104)                 # 34
	r0 = 0                                   # 35
	exit                                     # 36
	r1 = be32 r1                             # 37
	r0 = 0                                   # 38
	exit                                     # 39
