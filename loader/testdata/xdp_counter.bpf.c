// xdp_counter.bpf.c: an XDP program counting packets per protocol in a
// BTF-defined hash map, with static and global subprograms and every kind
// of global data: .data, .bss, .rodata, .rodata.str1.1 and .data.custom.
#include "bpf_defs.h"
#include <linux/if_ether.h>

struct counter {
	__u64 packets;
	__u64 bytes;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 256);
	__type(key, __u16);
	__type(value, struct counter);
} counters SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u64);
	__uint(map_flags, BPF_F_MMAPABLE);
} totals SEC(".maps");

__u64 seen = 7;                                 /* .data */
__u32 dropped;                                  /* .bss */
static volatile const __u32 min_len = 14;       /* .rodata */
static const char banner[] = "xdp";             /* .rodata */
__u32 custom_limit SEC(".data.custom") = 1500;  /* .data.custom */
__u64 big_table[8] = {1, 2, 3};                 /* .data */

static __noinline int count(__u16 proto, __u64 len)
{
	struct counter *c, fresh = {1, len};

	c = bpf_map_lookup_elem(&counters, &proto);
	if (!c) {
		bpf_map_update_elem(&counters, &proto, &fresh, BPF_NOEXIST);
		return 0;
	}
	__sync_fetch_and_add(&c->packets, 1);
	__sync_fetch_and_add(&c->bytes, len);
	return 1;
}

__noinline int too_long(__u64 len)
{
	return len > custom_limit;
}

SEC("xdp")
int xdp_count(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	__u64 len = data_end - data;
	__u32 key = 0;
	__u64 *total;

	if (data + sizeof(*eth) > data_end || len < min_len) {
		dropped++;
		return XDP_DROP;
	}
	if (too_long(len))
		return XDP_DROP;
	seen += count(eth->h_proto, len);
	big_table[len & 7]++;
	total = bpf_map_lookup_elem(&totals, &key);
	if (total)
		*total += len;
	if (len > 1000)
		bpf_trace_printk("long %s packet: %d\n", sizeof("long %s packet: %d\n"), banner, len); /* .rodata.str1.1 */
	return XDP_PASS;
}

SEC("xdp.frags")
int xdp_frags_pass(struct xdp_md *ctx)
{
	return too_long(ctx->data_end - ctx->data) ? XDP_DROP : XDP_PASS;
}

char _license[] SEC("license") = "Dual MIT/GPL";
