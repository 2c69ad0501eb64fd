#| callx soundness finding: unsound-acceptance: callx accepts it, the kernel rejects it: infinite loop detected at insn 9
#| While the file says "status: open", TestRegressions logs it and TestSoundness
#| does not fail on findings like it (same kind, same message but for numbers);
#| once fixed, delete the status line: TestRegressions then fails if it comes back.
#| kernel log (tail):
#| (7 lines before)
#| 7: (18) r2 = 0x5                      ; R2=func()
#| 9: (b7) r4 = 0                        ; R4=0
#| 10: (85) call bpf_loop#181            ; R0=scalar() R8=0 R10=fp0
#| 11: (a5) if r8 < 0x5 goto pc-8        ; R8=0
#| 4: (b5) if r8 <= 0x4000000 goto pc+0          ; R8=0
#| 5: (b7) r3 = 0                        ; R3=0
#| 6: (b7) r1 = 4                        ; R1=4
#| 7: (18) r2 = 0x5
#| infinite loop detected at insn 9
#| cur state: R0=scalar() R1=4 R2=func() R3=0 R8=0 R10=fp0
#| old state: R0=scalar() R1=P4 R2=func() R3=0 R8=P0 R10=fp0
#| processed 15 insns (limit 1000000) max_states_per_insn 0 total_states 2 peak_states 2 mark_read 0
# type: xdp
# map: array key=4 value=48 entries=4
# map: hash key=8 value=16 entries=8
# map: array key=4 value=32 entries=1
# origin: seed 1795614827585065427
	r4 = 0x675c82a2c44f1afa ll               # 0
	call 5                                   # 2
	r8 = 0                                   # 3
	if r8 <= 67108864 goto +0                # 4
	r3 = 0                                   # 5
	r1 = 4                                   # 6
	r2 = func(pc+5) ll                       # 7
	r4 = 0                                   # 9
	call 181                                 # 10
	if r8 < 5 goto -8                        # 11
	exit                                     # 12
	r0 = 0                                   # 13
	exit                                     # 14
