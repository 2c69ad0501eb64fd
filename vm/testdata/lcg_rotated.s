# The LCG loop of examples/lcg.c written by hand with the exit test at the
# bottom: 5 instructions a round, no goto to thread. Raw program type.
	r0 = r2
	w1 = 1000
loop:
	w0 *= 1103515245
	w0 += 12345
	r0 &= 2147483647
	w1 += -1
	if w1 != 0 goto loop
	exit
