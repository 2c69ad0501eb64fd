	.text
	.file	"calls.c"
	.globl	calls                           # -- Begin function calls
	.p2align	3
	.type	calls,@function
calls:                                  # @calls
# %bb.0:
	r0 = r2
	r6 = 0
LBB0_1:                                 # =>This Inner Loop Header: Depth=1
	r1 = r0
	r2 = r6
	call step
	r6 += 1
	if r6 == 200 goto LBB0_2
	goto LBB0_1
LBB0_2:
	exit
.Lfunc_end0:
	.size	calls, .Lfunc_end0-calls
                                        # -- End function
	.p2align	3                               # -- Begin function step
	.type	step,@function
step:                                   # @step
# %bb.0:
	r6 = r2
	r7 = r1
	call mix
	r8 = r0
	r8 *= 31
	r1 = r6
	r2 = r7
	call mix
	r8 += r0
	r0 = r8
	exit
.Lfunc_end1:
	.size	step, .Lfunc_end1-step
                                        # -- End function
	.p2align	3                               # -- Begin function mix
	.type	mix,@function
mix:                                    # @mix
# %bb.0:
	r3 = r2
	r3 ^= r1
	r1 = r3
	call rotate
	r1 = -7046029254386353131 ll
	r0 += r1
	exit
.Lfunc_end2:
	.size	mix, .Lfunc_end2-mix
                                        # -- End function
	.p2align	3                               # -- Begin function rotate
	.type	rotate,@function
rotate:                                 # @rotate
# %bb.0:
	r3 = r2
	r3 &= 63
	r0 = r1
	r0 <<= r3
	w2 = -w2
	r2 &= 63
	r1 >>= r2
	r0 |= r1
	exit
.Lfunc_end3:
	.size	rotate, .Lfunc_end3-rotate
                                        # -- End function
	.addrsig
