#| callx soundness finding: unsound-acceptance: callx accepts it, the kernel rejects it: (no log)
#| While the file says "status: open", TestRegressions logs it and TestSoundness
#| does not fail on findings like it (same kind, same message but for numbers);
#| once fixed, delete the status line: TestRegressions then fails if it comes back.
#| kernel log (tail):
#| (18 lines before)
#| 12: (3c) w3 s/= w8                    ; R3=scalar() R8=0xe896
#| 13: (18) r3 = 0xffff888601573349      ; R3=map_value(map=m2_array,ks=4,vs=32,off=17)
#| 15: (69) r0 = *(u16 *)(r3 +7)         ; R0=scalar(smin=smin32=0,smax=umax=smax32=umax32=0xffff,var_off=(0x0; 0xffff)) R3=map_value(map=m2_array,ks=4,vs=32,off=17)
#| 16: (07) r8 += 1                      ; R8=0xe897
#| 17: (ad) if r8 < r0 goto pc-8 10: R0=scalar(smin=umin=smin32=umin32=0xe898,smax=umax=smax32=umax32=0xffff,var_off=(0xe000; 0x1fff)) R3=map_value(map=m2_array,ks=4,vs=32,off=17) R6=ctx() R7=fp-16 R8=0xe897 R9=4 R10=fp0 fp-16=0xffffffff900ca491
#| 10: (28) r0 = *(u16 *)skb[37]         ; R0=scalar() R6=ctx()
#| 11: (b7) r3 = 11                      ; R3=11
#| 12: (3c) w3 s/= w8                    ; R3=scalar() R8=0xe897
#| 13: (18) r3 = 0xffff888601573349      ; R3=map_value(map=m2_array,ks=4,vs=32,off=17)
#| 15: (69) r0 = *(u16 *)(r3 +7)         ; R0=scalar(smin=smin32=0,smax=umax=smax32=umax32=0xffff,var_off=(0x0; 0xffff)) R3=map_value(map=m2_array,ks=4,vs=32,off=17)
#| 16: (07) r8 += 1
#| processed 535907 insns (limit 1000000) max_states_per_insn 4 total_states 5957 peak_states 5957 mark_read 0
# type: socket
# map: array key=4 value=48 entries=4
# map: hash key=8 value=16 entries=8
# map: array key=4 value=32 entries=1
# origin: seed 1795621595204506497
	r6 = r1                                  # 0
	call 7                                   # 1
	if r0 <= 12 goto +1                      # 2
	r9 = 4                                   # 3
	r5 = 65536                               # 4
	r5 |= 16777216                           # 5
	r7 = r10                                 # 6
	r7 += -16                                # 7
	*(u64 *)(r7 + 0) = -1878219631           # 8
	r8 = 0                                   # 9
	r0 = *(u16 *)skb[37]                     # 10
	r3 = 11                                  # 11
	w3 s/= w8                                # 12
	r3 = map_idx_value(2, 17) ll             # 13
	w0 = *(u16 *)(r3 + 7)                    # 15
	r8 += 1                                  # 16
	if r8 < r0 goto -8                       # 17
	call 5                                   # 18
	r5 = -573017575                          # 19
	r5 *= 65535                              # 20
	r0 = 1                                   # 21
	exit                                     # 22
