	.text
	.file	"dispatch.c"
	.globl	dispatch                        # -- Begin function dispatch
	.p2align	3
	.type	dispatch,@function
dispatch:                               # @dispatch
# %bb.0:
	r6 = r2
	r7 = r1
	r0 = 1
	if r6 == 0 goto LBB0_9
# %bb.1:
	r8 = 0
	goto LBB0_2
LBB0_7:                                 #   in Loop: Header=BB0_2 Depth=1
	#APP
	#NO_APP
	r1 = r0
	callx r3
	r8 += 1
	if r8 >= r6 goto LBB0_9
# %bb.8:                                #   in Loop: Header=BB0_2 Depth=1
	if r8 < 64 goto LBB0_2
LBB0_9:
	exit
LBB0_2:                                 # =>This Inner Loop Header: Depth=1
	r1 = r7
	r1 += r8
	w2 = *(u8 *)(r1 + 0)
	w1 = w2
	w1 &= 3
	if w1 s> 1 goto LBB0_5
# %bb.3:                                #   in Loop: Header=BB0_2 Depth=1
	r3 = add ll
	if w1 == 0 goto LBB0_7
# %bb.4:                                #   in Loop: Header=BB0_2 Depth=1
	r3 = mul ll
	goto LBB0_7
LBB0_5:                                 #   in Loop: Header=BB0_2 Depth=1
	if w1 == 2 goto LBB0_10
# %bb.6:                                #   in Loop: Header=BB0_2 Depth=1
	r3 = rot ll
	goto LBB0_7
LBB0_10:                                #   in Loop: Header=BB0_2 Depth=1
	r3 = xor ll
	goto LBB0_7
.Lfunc_end0:
	.size	dispatch, .Lfunc_end0-dispatch
                                        # -- End function
	.p2align	3                               # -- Begin function add
	.type	add,@function
add:                                    # @add
# %bb.0:
	r0 = r2
	r0 += r1
	exit
.Lfunc_end1:
	.size	add, .Lfunc_end1-add
                                        # -- End function
	.p2align	3                               # -- Begin function mul
	.type	mul,@function
mul:                                    # @mul
# %bb.0:
	r0 = r2
	r0 |= 1
	r0 *= r1
	exit
.Lfunc_end2:
	.size	mul, .Lfunc_end2-mul
                                        # -- End function
	.p2align	3                               # -- Begin function xor
	.type	xor,@function
xor:                                    # @xor
# %bb.0:
	r0 = r2
	r0 <<= 8
	r0 ^= r1
	exit
.Lfunc_end3:
	.size	xor, .Lfunc_end3-xor
                                        # -- End function
	.p2align	3                               # -- Begin function rot
	.type	rot,@function
rot:                                    # @rot
# %bb.0:
	r0 = r1
	r1 >>= 57
	r0 <<= 7
	r0 |= r1
	exit
.Lfunc_end4:
	.size	rot, .Lfunc_end4-rot
                                        # -- End function
	.addrsig
	.addrsig_sym add
	.addrsig_sym mul
	.addrsig_sym xor
	.addrsig_sym rot
