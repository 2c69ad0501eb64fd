# status: open
#| callx soundness finding: kernel-bug: callx accepts it, the kernel rejects it: verifier bug: static subprog leftover stack slots 200
#| While the file says "status: open", TestRegressions logs it and TestSoundness
#| does not fail on findings like it (same kind, same message but for numbers);
#| once fixed, delete the status line: TestRegressions then fails if it comes back.
#| kernel log (tail):
#| (18 lines before)
#| 19: (b7) r9 = -2147483648             ; frame1: R9=0xffffffff80000000
#| 20: (28) r0 = *(u16 *)skb[12]
#| returning from callee:
#|  frame1: R0=0 R6=ctx() R9=0xffffffff80000000 R10=fp0
#| to caller at 13:
#|  R0=0 R6=ctx() R9=5 R10=fp0 fp-80=????0
#| 13: R0=0 R6=ctx()
#| 13: (07) r9 += 1                      ; R9=6
#| 14: (a5) if r9 < 0x9 goto pc-13       ; R9=6
#|
#| verifier bug: static subprog leftover stack slots 200
#| processed 261 insns (limit 1000000) max_states_per_insn 2 total_states 11 peak_states 11 mark_read 0
# type: socket
# map: array key=4 value=48 entries=4
# map: hash key=8 value=16 entries=8
# map: array key=4 value=32 entries=1
# origin: seed 1795615514308410809
	r6 = r1                                  # 0
	r9 = 0                                   # 1
	*(u32 *)(r10 - 80) = 0                   # 2
	r3 = r10                                 # 3
	r3 += -128                               # 4
	r2 = r10                                 # 5
	r2 += -80                                # 6
	r1 = map_idx(0) ll                       # 7
	r4 = 2                                   # 9
	call 2                                   # 10
	r1 = r6                                  # 11
	call pc+5                                # 12
	r9 += 1                                  # 13
	if r9 < 9 goto -13                       # 14
	if r0 s> 8388608 goto +0                 # 15
	call pc+5                                # 16
	exit                                     # 17
	r6 = r1                                  # 18
	r9 = -2147483648                         # 19
	r0 = *(u16 *)skb[12]                     # 20
	exit                                     # 21
	r0 = 0                                   # 22
	exit                                     # 23
