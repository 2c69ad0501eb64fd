# status: open
#| callx soundness finding: kernel-bug: callx accepts it, the kernel rejects it: verifier bug: No program to jit at insn 29 (subprog < 0)
#| While the file says "status: open", TestRegressions logs it and TestSoundness
#| does not fail on findings like it (same kind, same message but for numbers);
#| once fixed, delete the status line: TestRegressions then fails if it comes back.
#| kernel log (tail):
#| verifier bug: No program to jit at insn 29 (subprog < 0)
#| processed 10 insns (limit 1000000) max_states_per_insn 0 total_states 1 peak_states 1 mark_read 0
# type: xdp
# map: array key=4 value=48 entries=4
# map: hash key=8 value=16 entries=8
# map: array key=4 value=32 entries=1
# origin: seed 1795613049858892062; mutant: insn 31 helper: call 181 -> call 7
	r3 = 0                                   # 0
	r1 = 1                                   # 1
	r2 = func(pc+4) ll                       # 2
	r4 = 0                                   # 4
	call 181                                 # 5
	exit                                     # 6
	r2 = func(pc+3) ll                       # 7
	r0 = 0                                   # 9
	exit                                     # 10
	exit                                     # 11
