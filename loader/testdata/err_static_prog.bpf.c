// err_static_prog.bpf.c: must fail to load: a static function in a program
// section, which libbpf refuses as a program.
#include "bpf_defs.h"

SEC("xdp")
static int hidden_prog(struct xdp_md *ctx)
{
	return XDP_PASS;
}

char _license[] SEC("license") = "GPL";
