// err_map_field.bpf.c: must fail to load: a BTF-defined map with a member
// libbpf does not know.
#include "bpf_defs.h"

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__uint(colour, 3);
	__type(key, __u32);
	__type(value, __u32);
} painted SEC(".maps");

SEC("xdp")
int use_painted(struct xdp_md *ctx)
{
	__u32 key = 0;

	return bpf_map_lookup_elem(&painted, &key) ? XDP_PASS : XDP_DROP;
}

char _license[] SEC("license") = "GPL";
