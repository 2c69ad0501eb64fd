#| callx soundness finding: engine-trap: the engine traps: insn 3: invalid write of 1 bytes at 0x300000040 (ctx): invalid bpf_context access off=64 size=1
#| While the file says "status: open", TestRegressions logs it and TestSoundness
#| does not fail on findings like it (same kind, same message but for numbers);
#| once fixed, delete the status line: TestRegressions then fails if it comes back.
#| input: 14 bytes (maps filled: false): 3e0138a45413a5d2718df44cffee
# type: socket
# map: array key=4 value=48 entries=4
# map: hash key=8 value=16 entries=8
# map: array key=4 value=32 entries=1
# origin: seed 1795613097969696280; mutant: insn 6 size: *(u32 *)(r6 + 64) = w7 -> *(u8 *)(r6 + 64) = w7
	r6 = r1                                  # 0
	r7 = 0x4bf1c6269b08455d ll               # 1
	*(u8 *)(r6 + 64) = w7                    # 3
	r0 = -1                                  # 4
	exit                                     # 5
