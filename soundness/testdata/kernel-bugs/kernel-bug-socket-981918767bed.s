# status: open
#| callx soundness finding: kernel-bug: callx accepts it, the kernel rejects it: verifier bug: static subprog unexpected regs 200
#| While the file says "status: open", TestRegressions logs it and TestSoundness
#| does not fail on findings like it (same kind, same message but for numbers);
#| once fixed, delete the status line: TestRegressions then fails if it comes back.
#| kernel log (tail):
#| (9 lines before)
#| 7: (bf) r6 = r1                       ; frame1: R1=ctx() R6=ctx()
#| 8: (30) r0 = *(u8 *)skb[60]
#| returning from callee:
#|  frame1: R0=0 R6=ctx() R10=fp0
#| to caller at 3:
#|  R0=0 R6=ctx() R9=0 R10=fp0
#| 3: R0=0 R6=ctx()
#| 3: (28) r0 = *(u16 *)skb[55]          ; R0=scalar() R6=ctx()
#| 4: (07) r9 += 1                       ; R9=1
#| 5: (a5) if r9 < 0x1 goto pc-4
#| verifier bug: static subprog unexpected regs 200
#| processed 8 insns (limit 1000000) max_states_per_insn 0 total_states 0 peak_states 0 mark_read 0
# type: socket
# map: array key=4 value=48 entries=4
# map: hash key=8 value=16 entries=8
# map: array key=4 value=32 entries=1
# origin: seed 1795611697500981211
	r6 = r1                                  # 0
	r9 = 0                                   # 1
	call pc+4                                # 2
	r0 = *(u16 *)skb[55]                     # 3
	r9 += 1                                  # 4
	if r9 < 1 goto -4                        # 5
	exit                                     # 6
	r6 = r1                                  # 7
	r0 = *(u8 *)skb[60]                      # 8
	call pc+1                                # 9
	exit                                     # 10
	exit                                     # 11
