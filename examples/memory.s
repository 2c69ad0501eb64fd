	.text
	.file	"memory.c"
	.globl	memory                          # -- Begin function memory
	.p2align	3
	.type	memory,@function
memory:                                 # @memory
# %bb.0:
	r3 = r2
	if r2 < 128 goto LBB0_2
# %bb.1:
	r3 = 128
LBB0_2:
	r0 = 0
	if r2 == 0 goto LBB0_16
# %bb.3:
	r3 += r1
	r1 = 0
	r3 += -1
LBB0_4:                                 # =>This Inner Loop Header: Depth=1
	r4 = r10
	r4 += -128
	r4 += r1
	w5 = *(u8 *)(r3 + 0)
	*(u8 *)(r4 + 0) = w5
	r1 += 1
	if r1 >= r2 goto LBB0_5
# %bb.9:                                #   in Loop: Header=BB0_4 Depth=1
	r3 += -1
	if r1 < 128 goto LBB0_4
LBB0_5:
	if r2 == 1 goto LBB0_10
# %bb.6:
	r1 = 1
	goto LBB0_7
LBB0_8:                                 #   Parent Loop BB0_7 Depth=1
                                        # =>  This Inner Loop Header: Depth=2
	r5 = r10
	r5 += -128
	r5 += r4
	w0 = *(u8 *)(r5 - 1)
	r5 = r4
	if w0 <= w3 goto LBB0_14
# %bb.13:                               #   in Loop: Header=BB0_8 Depth=2
	r6 = r4
	r6 += -1
	r5 = r10
	r5 += -128
	r5 += r4
	*(u8 *)(r5 + 0) = w0
	r5 = 0
	r4 = r6
	if r6 != 0 goto LBB0_8
LBB0_14:                                #   in Loop: Header=BB0_7 Depth=1
	r4 = r10
	r4 += -128
	r4 += r5
	*(u8 *)(r4 + 0) = w3
	r1 += 1
	if r1 >= r2 goto LBB0_10
# %bb.15:                               #   in Loop: Header=BB0_7 Depth=1
	if r1 < 128 goto LBB0_7
	goto LBB0_10
LBB0_7:                                 # =>This Loop Header: Depth=1
                                        #     Child Loop BB0_8 Depth 2
	r3 = r10
	r3 += -128
	r3 += r1
	w3 = *(u8 *)(r3 + 0)
	r4 = r1
	goto LBB0_8
LBB0_10:
	r0 = 0
	if r2 == 0 goto LBB0_16
# %bb.11:
	r1 = 0
LBB0_12:                                # =>This Inner Loop Header: Depth=1
	r3 = r10
	r3 += -128
	r3 += r1
	w3 = *(u8 *)(r3 + 0)
	r0 *= 33
	r0 += r3
	r1 += 1
	if r1 >= r2 goto LBB0_16
# %bb.17:                               #   in Loop: Header=BB0_12 Depth=1
	if r1 < 128 goto LBB0_12
LBB0_16:
	exit
.Lfunc_end0:
	.size	memory, .Lfunc_end0-memory
                                        # -- End function
	.addrsig
