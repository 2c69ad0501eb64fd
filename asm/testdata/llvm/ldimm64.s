# 64-bit immediates: two slots each.
	r0 = 0 ll
	r1 = 0x1234 ll
	r2 = 0x1122334455667788 ll
	r3 = -1 ll
	r4 = 0xffffffffffffffff ll
	r5 = 18446744073709551615 ll
	r6 = -9223372036854775808 ll
	r7 = 0x8000000000000000 ll
	r8 = 9223372036854775807 ll
	r9 = 4294967296 ll
	r10 = 0xdeadbeefcafebabe ll
	r1 = 2147483648 ll
	r1 = -2147483649 ll
	exit
