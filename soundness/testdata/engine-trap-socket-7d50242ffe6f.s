#| callx soundness finding: engine-trap: the engine traps: insn 2: invalid read of 8 bytes at 0x300000030 (ctx): invalid bpf_context access off=48 size=8
#| While the file says "status: open", TestRegressions logs it and TestSoundness
#| does not fail on findings like it (same kind, same message but for numbers);
#| once fixed, delete the status line: TestRegressions then fails if it comes back.
#| input: 14 bytes (maps filled: false): baa6f1a43c1e53f7ad41dff7a249
# type: socket
# map: array key=4 value=48 entries=4
# map: hash key=8 value=16 entries=8
# map: array key=4 value=32 entries=1
# origin: seed 1795610466796373638
	r6 = r1                                  # 0
	call pc+3                                # 1
	r3 = *(u64 *)(r6 + 48)                   # 2
	r0 = 0                                   # 3
	exit                                     # 4
	exit                                     # 5
