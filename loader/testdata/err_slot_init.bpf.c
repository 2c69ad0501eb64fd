// err_slot_init.bpf.c: must fail to load: a function-pointer slot
// initialised to a number, which no relocation makes a function.
#include "bpf_defs.h"

typedef int (*fn)(int);

static fn forged = (fn)0x1234;

SEC("xdp")
int call_forged(struct xdp_md *ctx)
{
	fn f = *(volatile fn *)&forged;

	return f ? f(1) : XDP_PASS;
}

char _license[] SEC("license") = "GPL";
