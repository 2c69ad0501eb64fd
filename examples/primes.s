	.text
	.file	"primes.c"
	.globl	primes                          # -- Begin function primes
	.p2align	3
	.type	primes,@function
primes:                                 # @primes
# %bb.0:
	if r2 != 0 goto LBB0_2
# %bb.1:
	r1 = 72340172838076673 ll
	*(u64 *)(r10 - 8) = r1
	*(u64 *)(r10 - 16) = r1
	*(u64 *)(r10 - 24) = r1
	*(u64 *)(r10 - 32) = r1
	*(u64 *)(r10 - 40) = r1
	*(u64 *)(r10 - 48) = r1
	*(u64 *)(r10 - 56) = r1
	*(u64 *)(r10 - 64) = r1
	*(u64 *)(r10 - 72) = r1
	*(u64 *)(r10 - 80) = r1
	*(u64 *)(r10 - 88) = r1
	*(u64 *)(r10 - 96) = r1
	*(u64 *)(r10 - 104) = r1
	*(u64 *)(r10 - 112) = r1
	*(u64 *)(r10 - 120) = r1
	*(u64 *)(r10 - 128) = r1
	*(u64 *)(r10 - 136) = r1
	*(u64 *)(r10 - 144) = r1
	*(u64 *)(r10 - 152) = r1
	*(u64 *)(r10 - 160) = r1
	*(u64 *)(r10 - 168) = r1
	*(u64 *)(r10 - 176) = r1
	*(u64 *)(r10 - 184) = r1
	*(u64 *)(r10 - 192) = r1
	*(u64 *)(r10 - 200) = r1
	*(u64 *)(r10 - 208) = r1
	*(u64 *)(r10 - 216) = r1
	*(u64 *)(r10 - 224) = r1
	*(u64 *)(r10 - 232) = r1
	*(u64 *)(r10 - 240) = r1
	*(u64 *)(r10 - 248) = r1
	*(u64 *)(r10 - 256) = r1
	r1 = 200
	goto LBB0_3
LBB0_2:
	w1 = *(u8 *)(r1 + 0)
	r2 = 72340172838076673 ll
	*(u64 *)(r10 - 8) = r2
	*(u64 *)(r10 - 16) = r2
	*(u64 *)(r10 - 24) = r2
	*(u64 *)(r10 - 32) = r2
	*(u64 *)(r10 - 40) = r2
	*(u64 *)(r10 - 48) = r2
	*(u64 *)(r10 - 56) = r2
	*(u64 *)(r10 - 64) = r2
	*(u64 *)(r10 - 72) = r2
	*(u64 *)(r10 - 80) = r2
	*(u64 *)(r10 - 88) = r2
	*(u64 *)(r10 - 96) = r2
	*(u64 *)(r10 - 104) = r2
	*(u64 *)(r10 - 112) = r2
	*(u64 *)(r10 - 120) = r2
	*(u64 *)(r10 - 128) = r2
	*(u64 *)(r10 - 136) = r2
	*(u64 *)(r10 - 144) = r2
	*(u64 *)(r10 - 152) = r2
	*(u64 *)(r10 - 160) = r2
	*(u64 *)(r10 - 168) = r2
	*(u64 *)(r10 - 176) = r2
	*(u64 *)(r10 - 184) = r2
	*(u64 *)(r10 - 192) = r2
	*(u64 *)(r10 - 200) = r2
	*(u64 *)(r10 - 208) = r2
	*(u64 *)(r10 - 216) = r2
	*(u64 *)(r10 - 224) = r2
	*(u64 *)(r10 - 232) = r2
	*(u64 *)(r10 - 240) = r2
	*(u64 *)(r10 - 248) = r2
	*(u64 *)(r10 - 256) = r2
	w0 = 0
	if r1 < 3 goto LBB0_17
LBB0_3:
	w2 = 0
	w3 = 4
	r4 = 2
	r5 = 5
	w0 = 0
	goto LBB0_4
LBB0_13:                                #   in Loop: Header=BB0_4 Depth=1
	w0 += w7
LBB0_14:                                #   in Loop: Header=BB0_4 Depth=1
	w3 += w5
	r5 += 2
	r4 += 1
	if r4 < r1 goto LBB0_4
	goto LBB0_17
LBB0_4:                                 # =>This Loop Header: Depth=1
                                        #     Child Loop BB0_7 Depth 2
                                        #     Child Loop BB0_10 Depth 2
	r6 = r10
	r6 += -256
	r6 += r4
	w6 = *(u8 *)(r6 + 0)
	if w6 == 0 goto LBB0_14
# %bb.5:                                #   in Loop: Header=BB0_4 Depth=1
	r6 = r4
	r6 *= r6
	if r6 >= r1 goto LBB0_8
# %bb.6:                                #   in Loop: Header=BB0_4 Depth=1
	r6 = r3
LBB0_7:                                 #   Parent Loop BB0_4 Depth=1
                                        # =>  This Inner Loop Header: Depth=2
	r7 = r10
	r7 += -256
	r7 += r6
	*(u8 *)(r7 + 0) = w2
	r6 += r4
	if r6 < r1 goto LBB0_7
LBB0_8:                                 #   in Loop: Header=BB0_4 Depth=1
	w6 = 0
	if r4 < 4 goto LBB0_11
# %bb.9:                                #   in Loop: Header=BB0_4 Depth=1
	w7 = 2
	goto LBB0_10
LBB0_16:                                #   in Loop: Header=BB0_10 Depth=2
	w6 += w8
	w7 += 1
	w8 = w7
	w8 *= w8
	if r4 < r8 goto LBB0_11
LBB0_10:                                #   Parent Loop BB0_4 Depth=1
                                        # =>  This Inner Loop Header: Depth=2
	w9 = w4
	w9 %= w7
	w8 = 1
	if w9 == 0 goto LBB0_16
# %bb.15:                               #   in Loop: Header=BB0_10 Depth=2
	w8 = 0
	goto LBB0_16
LBB0_11:                                #   in Loop: Header=BB0_4 Depth=1
	w7 = 1
	if w6 == 0 goto LBB0_13
# %bb.12:                               #   in Loop: Header=BB0_4 Depth=1
	w7 = 0
	goto LBB0_13
LBB0_17:
	exit
.Lfunc_end0:
	.size	primes, .Lfunc_end0-primes
                                        # -- End function
	.addrsig
