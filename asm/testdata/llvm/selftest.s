# The kernel selftests' inline assembly reaches the assembler as one line of
# statements separated by ;, with labels among them (from __naked functions
# in tools/testing/selftests/bpf/progs/verifier_*.c, operands substituted).
	r1 = 0; *(u64*)(r10 - 8) = r1; r2 = r10; r2 += -8; r1 = 0 ll; call 1; if r0 == 0 goto l0_2; r1 = *(u32*)(r0 + 0); w1 += 1; *(u32*)(r0 + 0) = r1; l0_2: r0 = 0; exit;
	r0 = 0; l1_1: r0 += 1; if r0 < 10 goto l1_1; may_goto l1_1; exit;
