#| callx soundness finding: unsound-acceptance: callx accepts it, the kernel rejects it: invalid access to map value pointer, value_size=48 off=10
#| While the file says "status: open", TestRegressions logs it and TestSoundness
#| does not fail on findings like it (same kind, same message but for numbers);
#| once fixed, delete the status line: TestRegressions then fails if it comes back.
#| kernel log (tail):
#| invalid access to map value pointer, value_size=48 off=10
#| processed 0 insns (limit 1000000) max_states_per_insn 0 total_states 0 peak_states 0 mark_read 0
# type: socket
# map: array key=4 value=48 entries=4
# map: hash key=8 value=16 entries=8
# map: array key=4 value=32 entries=1
# origin: seed 1092; mutant: insn 84 imm: r8 = map_idx_value(2, 10) ll -> r8 = map_idx_value(0, 10) ll
	r0 = 13                                  # 0
	r2 = func(pc+4) ll                       # 1
	r8 = map_idx_value(0, 10) ll             # 3
	exit                                     # 5
	exit                                     # 6
