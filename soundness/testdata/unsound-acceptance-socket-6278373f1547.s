#| callx soundness finding: unsound-acceptance: callx accepts it, the kernel rejects it: invalid size of register fill
#| While the file says "status: open", TestRegressions logs it and TestSoundness
#| does not fail on findings like it (same kind, same message but for numbers);
#| once fixed, delete the status line: TestRegressions then fails if it comes back.
#| kernel log (tail):
#| (1 lines before)
#| 0: (7b) *(u64 *)(r10 -40) = r1        ; R1=ctx() R10=fp0 fp-40=ctx()
#| 1: (18) r2 = 0xb                      ; R2=func()
#| 3: (bf) r3 = r10                      ; R3=fp0 R10=fp0
#| 4: (07) r3 += -56                     ; R3=fp-56
#| 5: (bf) r2 = r10                      ; R2=fp0 R10=fp0
#| 6: (07) r2 += -160                    ; R2=fp-160
#| 7: (18) r1 = 0xffff8881558a7000       ; R1=map_ptr(map=m0_array,ks=4,vs=48)
#| 9: (b7) r4 = 0                        ; R4=0
#| 10: (85) call bpf_map_update_elem#2   ; R0=scalar()
#| 11: (61) r2 = *(u32 *)(r10 -40)
#| invalid size of register fill
#| processed 10 insns (limit 1000000) max_states_per_insn 0 total_states 0 peak_states 0 mark_read 0
# type: socket
# map: array key=4 value=48 entries=4
# map: hash key=8 value=16 entries=8
# map: array key=4 value=32 entries=1
	*(u64 *)(r10 - 40) = r1                  # 0
	r2 = func(pc+11) ll                      # 1
	r3 = r10                                 # 3
	r3 += -56                                # 4
	r2 = r10                                 # 5
	r2 += -160                               # 6
	r1 = map_idx(0) ll                       # 7
	r4 = 0                                   # 9
	call 2                                   # 10
	w2 = *(u32 *)(r10 - 40)                  # 11
	exit                                     # 12
	exit                                     # 13
