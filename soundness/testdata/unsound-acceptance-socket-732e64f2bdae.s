#| callx soundness finding: unsound-acceptance: callx accepts it, the kernel rejects it: no direct value access support for this map type
#| While the file says "status: open", TestRegressions logs it and TestSoundness
#| does not fail on findings like it (same kind, same message but for numbers);
#| once fixed, delete the status line: TestRegressions then fails if it comes back.
#| kernel log (tail):
#| no direct value access support for this map type
#| processed 0 insns (limit 1000000) max_states_per_insn 0 total_states 0 peak_states 0 mark_read 0
# type: socket
# map: array key=4 value=48 entries=4
# map: hash key=8 value=16 entries=8
# map: array key=4 value=32 entries=1
# origin: seed 2965; mutant: insn 56 imm: r2 = map_idx_value(2, 20) ll -> r2 = map_idx_value(1, 20) ll
	r0 = -218514500                          # 0
	r2 = map_idx_value(1, 20) ll             # 1
	exit                                     # 3
