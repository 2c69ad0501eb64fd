#| callx soundness finding: unsound-acceptance: callx accepts it, the kernel rejects it: The sequence of 8193 jumps is too complex.
#| While the file says "status: open", TestRegressions logs it and TestSoundness
#| does not fail on findings like it (same kind, same message but for numbers);
#| once fixed, delete the status line: TestRegressions then fails if it comes back.
#| kernel log (tail):
#| (18 lines before)
#| 4: (18) r2 = 0x6                      ; R2=func()
#| 6: (b7) r4 = 0                        ; R4=0
#| 7: (85) call bpf_loop#181             ; R0=scalar() R9=0xee00000000001ffe R10=fp0
#| 8: (07) r9 += 1                       ; R9=0xee00000000001fff
#| 9: (55) if r9 != 0x8 goto pc-8        ; R9=0xee00000000001fff
#| 2: (bf) r3 = r10                      ; R3=fp0 R10=fp0
#| 3: (b7) r1 = 1                        ; R1=1
#| 4: (18) r2 = 0x6                      ; R2=func()
#| 6: (b7) r4 = 0                        ; R4=0
#| 7: (85) call bpf_loop#181
#| The sequence of 8193 jumps is too complex.
#| processed 57351 insns (limit 1000000) max_states_per_insn 65 total_states 8193 peak_states 8193 mark_read 0
# type: socket
# map: array key=4 value=48 entries=4
# map: hash key=8 value=16 entries=8
# map: array key=4 value=32 entries=1
# origin: seed 1795620769628888330; mutant: insn 35 dst: r9 = 0 -> r6 = 0
	r9 = -19                                 # 0
	r9 = bswap64 r9                          # 1
	r3 = r10                                 # 2
	r1 = 1                                   # 3
	r2 = func(pc+6) ll                       # 4
	r4 = 0                                   # 6
	call 181                                 # 7
	r9 += 1                                  # 8
	if r9 != 8 goto -8                       # 9
	exit                                     # 10
	r0 = 1                                   # 11
	exit                                     # 12
