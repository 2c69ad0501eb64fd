// err_map_type.bpf.c: must fail to load: a BTF-defined map of a type the
// kernel does not know.
#include "bpf_defs.h"

struct {
	__uint(type, 99);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32);
} strange SEC(".maps");

SEC("xdp")
int use_strange(struct xdp_md *ctx)
{
	__u32 key = 0;

	return bpf_map_lookup_elem(&strange, &key) ? XDP_PASS : XDP_DROP;
}

char _license[] SEC("license") = "GPL";
