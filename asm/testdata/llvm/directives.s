// Directives and comments as compilers write them; data sections whose
// labels are never referenced; a program in a section of its own.
	.text
	.file	"directives.c"
	.file	0 "/tmp" "directives.c" md5 0x67ff1e3fac88f3631e93f001093cfc08
	.globl	f                       # -- Begin function f
	.p2align	3
	.type	f,@function
f:                                      # @f
.Lfunc_begin0:
	.loc	0 5 0                   # directives.c:5:0
	.cfi_sections .debug_frame
	.cfi_startproc
# %bb.0:
	r0 = 1                  /* a block comment */ // and a line comment
	/* a block comment
	   over several lines: r0 = 2 is not an instruction here */
.Ltmp0:
	exit
.Ltmp1:
.Lfunc_end0:
	.size	f, .Lfunc_end0-f
	.cfi_endproc
                                        # -- End function
	.section	"xdp/prog","ax",@progbits
	.globl	prog
	.p2align	3
	.type	prog,@function
prog:
	r1 = 3
	call f
	r2 = f ll
	callx r2
	exit
.Lfunc_end1:
	.size	prog, .Lfunc_end1-prog
	.type	.L__const.fmt,@object
	.section	.rodata.str1.1,"aMS",@progbits,1
.L__const.fmt:
	.asciz	"hi # not a comment; really"
	.size	.L__const.fmt, 3
	.section	.maps,"aw",@progbits
	.globl	m
	.p2align	2, 0x0
m:
	.zero	8
	.size	m, 8
	.section	license,"aw",@progbits
_license:
	.asciz	"GPL"
	.text
	.p2align	3
g:
	r0 = 2
	if r0 == 2 goto .LBB2_2
	r0 = 3
.LBB2_2:
	exit
	.section	.BTF,"",@progbits
	.short	60319
	.byte	1
	.addrsig
	.addrsig_sym prog
