// err_extern.bpf.c: must fail to load: a call to an extern kernel function
// (a kfunc), which callx does not resolve.
#include "bpf_defs.h"

extern int bpf_kfunc_call_test(int x) __attribute__((section(".ksyms")));

SEC("xdp")
int call_kfunc(struct xdp_md *ctx)
{
	return bpf_kfunc_call_test(ctx->ingress_ifindex);
}

char _license[] SEC("license") = "GPL";
