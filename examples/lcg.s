	.text
	.file	"lcg.c"
	.globl	lcg                             # -- Begin function lcg
	.p2align	3
	.type	lcg,@function
lcg:                                    # @lcg
# %bb.0:
	r0 = r2
	w1 = 1000
LBB0_1:                                 # =>This Inner Loop Header: Depth=1
	w0 *= 1103515245
	w0 += 12345
	r0 &= 2147483647
	w1 += -1
	if w1 == 0 goto LBB0_2
	goto LBB0_1
LBB0_2:
	exit
.Lfunc_end0:
	.size	lcg, .Lfunc_end0-lcg
                                        # -- End function
	.addrsig
