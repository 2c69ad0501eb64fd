#| callx soundness finding: unsound-acceptance: callx accepts it, the kernel rejects it: BPF program is too large. Processed 1000001 insn
#| While the file says "status: open", TestRegressions logs it and TestSoundness
#| does not fail on findings like it (same kind, same message but for numbers);
#| once fixed, delete the status line: TestRegressions then fails if it comes back.
#| kernel log (tail):
#| (18 lines before)
#| 30: (7b) *(u64 *)(r10 -128) = r8      ; frame1: R8=0x52872134 R10=fp0 fp-128=0x52872134
#| 31: (b7) r7 = -2033448296             ; frame1: R7=0xffffffff86cc0a98
#| 32: (bf) r7 = r8                      ; frame1: R7=0x52872134 R8=0x52872134
#| 33: (b7) r9 = 0                       ; frame1: R9=0
#| 34: (b7) r3 = 0                       ; frame1: R3=0
#| 35: (b7) r1 = 5                       ; frame1: R1=5
#| 36: (18) r2 = 0x11                    ; frame1: R2=func()
#| 38: (b7) r4 = 0                       ; frame1: R4=0
#| 39: (85) call bpf_loop#181            ; frame1: R0=scalar() R7=0x52872134 R8=0x52872134 R9=0 R10=fp0 fp-8=7 fp-128=0x52872134
#| 40: (b7) r3 = 0
#| BPF program is too large. Processed 1000001 insn
#| processed 1000001 insns (limit 1000000) max_states_per_insn 65 total_states 111525 peak_states 299 mark_read 0
# type: xdp
# map: array key=4 value=48 entries=4
# map: hash key=8 value=16 entries=8
# map: array key=4 value=32 entries=1
# origin: seed 1795616210134619123
	r6 = r1                                  # 0
	r9 = map_idx_value(2, 1) ll              # 1
	w3 = *(u32 *)(r9 + 13)                   # 3
	r8 = 0                                   # 4
	r1 = 32                                  # 5
	r2 = 65535                               # 6
	*(u64 *)(r10 - 96) = -48                 # 7
	r3 = r10                                 # 8
	r3 += -96                                # 9
	call pc+10                               # 10
	r8 += 1                                  # 11
	if r8 < 12 goto -8                       # 12
	w9 = *(u16 *)(r10 - 92)                  # 13
	w8 = *(u32 *)(r6 + 0)                    # 14
	w9 = *(u32 *)(r6 + 4)                    # 15
	r1 = r6                                  # 16
	r2 = -14                                 # 17
	call 65                                  # 18
	r0 = 1                                   # 19
	exit                                     # 20
	*(u64 *)(r10 - 8) = 7                    # 21
	r2 = r10                                 # 22
	r2 += -8                                 # 23
	r1 = map_idx(1) ll                       # 24
	call 1                                   # 26
	if r0 == 0 goto +1                       # 27
	call pc+21                               # 28
	r8 = 1384587572                          # 29
	*(u64 *)(r10 - 128) = r8                 # 30
	r7 = -2033448296                         # 31
	r7 = r8                                  # 32
	r9 = 0                                   # 33
	r3 = 0                                   # 34
	r1 = 5                                   # 35
	r2 = func(pc+17) ll                      # 36
	r4 = 0                                   # 38
	call 181                                 # 39
	r3 = 0                                   # 40
	r1 = 5                                   # 41
	r2 = func(pc+18) ll                      # 42
	r4 = 0                                   # 44
	call 181                                 # 45
	r9 += 1                                  # 46
	if r9 != 11 goto -14                     # 47
	r0 = 1                                   # 48
	exit                                     # 49
	call 8                                   # 50
	r4 = 262144                              # 51
	w4 = w0                                  # 52
	exit                                     # 53
	r8 = 9                                   # 54
	r2 = r10                                 # 55
	r2 += -128                               # 56
	r1 = map_idx(0) ll                       # 57
	r0 = 1                                   # 59
	exit                                     # 60
	*(u32 *)(r10 - 56) = w2                  # 61
	*(u16 *)(r10 - 38) = -81875309           # 62
	r0 = 0                                   # 63
	exit                                     # 64
