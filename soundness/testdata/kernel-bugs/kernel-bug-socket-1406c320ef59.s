# status: open
#| callx soundness finding: kernel-bug: callx accepts it, the kernel rejects it: verifier bug: backtracking misuse
#| While the file says "status: open", TestRegressions logs it and TestSoundness
#| does not fail on findings like it (same kind, same message but for numbers);
#| once fixed, delete the status line: TestRegressions then fails if it comes back.
#| kernel log (tail):
#| 0: R1=ctx() R10=fp0
#| 0: (b7) r3 = 0                        ; R3=0
#| 1: (18) r2 = 0x4                      ; R2=func()
#| 3: (b7) r4 = 0                        ; R4=0
#| 4: (85) call bpf_loop#181
#| verifier bug: backtracking misuse
#| processed 4 insns (limit 1000000) max_states_per_insn 0 total_states 1 peak_states 1 mark_read 0
# type: socket
# map: array key=4 value=48 entries=4
# map: hash key=8 value=16 entries=8
# map: array key=4 value=32 entries=1
# origin: seed 1795613049858892036; mutant: insn 75 source: r1 = 5 -> r1 = r10
	r3 = 0                                   # 0
	r2 = func(pc+4) ll                       # 1
	r4 = 0                                   # 3
	call 181                                 # 4
	exit                                     # 5
	exit                                     # 6
