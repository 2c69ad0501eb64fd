# status: open
#| callx soundness finding: kernel-bug: callx accepts it, the kernel rejects it: verifier bug: subprog exit from frame 0
#| While the file says "status: open", TestRegressions logs it and TestSoundness
#| does not fail on findings like it (same kind, same message but for numbers);
#| once fixed, delete the status line: TestRegressions then fails if it comes back.
#| kernel log (tail):
#| (11 lines before)
#| 9: (bf) r6 = r1                       ; frame1: R1=ctx() R6=ctx()
#| 10: (bf) r9 = r2                      ; frame1: R2=0x8000 R9=0x8000
#| 11: (30) r0 = *(u8 *)skb[58]
#| returning from callee:
#|  frame1: R0=0 R6=ctx() R9=0x8000 R10=fp0
#| to caller at 5:
#|  R0=0 R6=ctx() R9=0 R10=fp0
#| 5: R0=0 R6=ctx()
#| 5: (07) r9 += 1                       ; R9=1
#| 6: (a5) if r9 < 0x9 goto pc-5
#| verifier bug: subprog exit from frame 0
#| processed 10 insns (limit 1000000) max_states_per_insn 0 total_states 0 peak_states 0 mark_read 0
# type: socket
# map: array key=4 value=48 entries=4
# map: hash key=8 value=16 entries=8
# map: array key=4 value=32 entries=1
# origin: seed 1795611697500981234
	r6 = r1                                  # 0
	r9 = 0                                   # 1
	r1 = r6                                  # 2
	r2 = 32768                               # 3
	call pc+4                                # 4
	r9 += 1                                  # 5
	if r9 < 9 goto -5                        # 6
	call pc+5                                # 7
	exit                                     # 8
	r6 = r1                                  # 9
	r9 = r2                                  # 10
	r0 = *(u8 *)skb[58]                      # 11
	exit                                     # 12
	r2 = func(pc+3) ll                       # 13
	r0 = 1                                   # 15
	exit                                     # 16
	exit                                     # 17
