// err_prog_array.bpf.c: must fail to load: a prog array initialised with
// a function that is not a program.
#include "bpf_defs.h"

__noinline int not_a_prog(void *ctx) { return 1; }

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 2);
	__type(key, __u32);
	__array(values, int (void *));
} progs SEC(".maps") = {
	.values = {[1] = (void *)&not_a_prog},
};

SEC("xdp")
int jump(struct xdp_md *ctx)
{
	bpf_tail_call(ctx, &progs, 1);
	return not_a_prog(ctx);
}

char _license[] SEC("license") = "GPL";
