	.text
	.file	"clang_funcs.c"
	.globl	triple                          # -- Begin function triple
	.p2align	3
	.type	triple,@function
triple:                                 # @triple
# %bb.0:
	w0 = w1
	w0 *= 3
	exit
.Lfunc_end0:
	.size	triple, .Lfunc_end0-triple
                                        # -- End function
	.globl	mix                             # -- Begin function mix
	.p2align	3
	.type	mix,@function
mix:                                    # @mix
# %bb.0:
	r0 = r2
	r0 >>= 7
	r0 ^= r1
	r1 = -1209445295817842688 ll
	r2 = r0
	r2 *= r1
	r1 = -7046029254386353131 ll
	r0 *= r1
	r0 >>= 51
	r0 |= r2
	exit
.Lfunc_end1:
	.size	mix, .Lfunc_end1-mix
                                        # -- End function
	.section	xdp,"ax",@progbits
	.globl	prog                            # -- Begin function prog
	.p2align	3
	.type	prog,@function
prog:                                   # @prog
# %bb.0:
	call 5
	r1 = r0
	r2 = r1
	r2 &= 1
	r7 = triple ll
	if r2 == 0 goto LBB2_2
# %bb.1:
	r7 = add1 ll
LBB2_2:
	*(u64 *)(r10 - 8) = 0
	r2 = 1
	lock *(u64 *)(r10 - 8) += r2
	r6 = 4
	r6 = atomic_fetch_or((u64 *)(r10 - 8), r6)
	r2 = 9
	r0 = r6
	r0 = cmpxchg_64(r10 - 8, r0, r2)
	r2 = r1
	r2 = -r2
	*(u64 *)(r10 - 32) = r2
	*(u64 *)(r10 - 40) = r1
	*(u64 *)(r10 - 24) = r6
	*(u64 *)(r10 - 16) = -4
	r1 = r10
	r1 += -40
	call sum
	r1 = r7
	w2 = w0
	call twice
	w7 = w0
	w1 = (s8)w6
	w7 += w1
	r1 = *(u64 *)(r10 - 8)
	r2 = r6
	call mix
	w7 += w0
	w0 = w7
	exit
.Lfunc_end2:
	.size	prog, .Lfunc_end2-prog
                                        # -- End function
	.text
	.p2align	3                               # -- Begin function add1
	.type	add1,@function
add1:                                   # @add1
# %bb.0:
	w0 = w1
	w0 += 1
	exit
.Lfunc_end3:
	.size	add1, .Lfunc_end3-add1
                                        # -- End function
	.p2align	3                               # -- Begin function twice
	.type	twice,@function
twice:                                  # @twice
# %bb.0:
	r6 = r1
	w1 = w2
	callx r6
	w1 = w0
	callx r6
	exit
.Lfunc_end4:
	.size	twice, .Lfunc_end4-twice
                                        # -- End function
	.p2align	3                               # -- Begin function sum
	.type	sum,@function
sum:                                    # @sum
# %bb.0:
	r3 = *(u64 *)(r1 + 24)
	r2 = r3
	r2 s>>= 63
	r3 ^= r2
	r3 -= r2
	r2 = *(u64 *)(r1 + 8)
	r4 = r2
	r4 s>>= 63
	r2 ^= r4
	r2 -= r4
	r2 += r3
	r3 = *(u64 *)(r1 + 16)
	r4 = r3
	r4 s>>= 63
	r3 ^= r4
	r3 -= r4
	r0 = *(u64 *)(r1 + 0)
	r1 = r0
	r1 s>>= 63
	r0 ^= r1
	r0 -= r1
	r0 += r3
	r0 += r2
	exit
.Lfunc_end5:
	.size	sum, .Lfunc_end5-sum
                                        # -- End function
	.section	tc,"ax",@progbits
	.globl	classify                        # -- Begin function classify
	.p2align	3
	.type	classify,@function
classify:                               # @classify
# %bb.0:
	r1 = add1 ll
	w2 = 0
	call twice
	w6 = w0
	w1 = 0
	call triple
	w0 ^= w6
	r1 = add1 ll
	w2 = w0
	call twice
	w7 = w0
	w6 = 1
	w1 = 1
	call triple
	w0 ^= w7
	r1 = add1 ll
	w2 = w0
	call twice
	w7 = w0
	w1 = 2
	call triple
	w0 ^= w7
	r1 = add1 ll
	w2 = w0
	call twice
	w7 = w0
	w1 = 3
	call triple
	w0 ^= w7
	r1 = add1 ll
	w2 = w0
	call twice
	w7 = w0
	w1 = 4
	call triple
	w0 ^= w7
	r1 = add1 ll
	w2 = w0
	call twice
	w7 = w0
	w1 = 5
	call triple
	w0 ^= w7
	r1 = add1 ll
	w2 = w0
	call twice
	w7 = w0
	w1 = 6
	call triple
	w0 ^= w7
	r1 = add1 ll
	w2 = w0
	call twice
	w7 = w0
	w1 = 7
	call triple
	w0 ^= w7
	r1 = add1 ll
	w2 = w0
	call twice
	w7 = w0
	w1 = 8
	call triple
	w0 ^= w7
	r1 = add1 ll
	w2 = w0
	call twice
	w7 = w0
	w1 = 9
	call triple
	w0 ^= w7
	if w0 s> 100 goto LBB6_2
# %bb.1:
	w6 = 0
LBB6_2:
	w6 <<= 1
	w0 = w6
	exit
.Lfunc_end6:
	.size	classify, .Lfunc_end6-classify
                                        # -- End function
	.addrsig
	.addrsig_sym triple
	.addrsig_sym prog
	.addrsig_sym add1
	.addrsig_sym classify
