# Calls: helpers by id, local functions by name (static and global, forward
# and backward), indirect calls through every register, function addresses.
	.text
	.globl	main
	.type	main,@function
main:
	call 1
	call 6
	call 0x7fffffff
	call -1
	call helper
	call global_fn
	call main
	r2 = helper ll
	r3 = global_fn ll
	r1 = main ll
	callx r2
	callx r0
	callx r1
	callx r3
	callx r4
	callx r5
	callx r6
	callx r7
	callx r8
	callx r9
	callx r10
	r0 = 0
	exit
helper:
	r0 = 1
	call global_fn
	r2 = main ll
	exit
	.globl	global_fn
	.type	global_fn,@function
global_fn:
	call helper
	r1 = helper ll
	callx r1
	exit
