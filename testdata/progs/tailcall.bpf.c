// SPDX-License-Identifier: GPL-2.0
/* tailcall.bpf.c: XDP dispatch by IP protocol through a program array.
 *
 * The BTF-defined program array `jmp_table` is initialised statically:
 * slot 0 holds prog_a, slot 2 prog_b; slots 1 and 3 are empty. The entry
 * program, xdp_dispatch, tail-calls slot 0 for IPv4 TCP, 1 for UDP, 2 for
 * ICMP and 3 for any other IPv4 protocol. Each program counts its runs in
 * the array `calls`: calls[0] prog_a, calls[2] prog_b, calls[4] failed
 * tail calls (empty slot).
 *
 * Returns, for xdp_dispatch: XDP_DROP (1) for TCP (prog_a), XDP_TX (3) for
 * ICMP (prog_b), XDP_ABORTED (0) when the tail call finds an empty slot
 * (UDP, other IPv4 protocols), XDP_PASS (2) for frames that are not IPv4
 * or are too short. prog_a alone returns XDP_DROP, prog_b alone XDP_TX.
 */
#include "bpf_defs.h"
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/in.h>

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 5);
	__type(key, __u32);
	__type(value, __u64);
} calls SEC(".maps");

static __always_inline void count(__u32 key)
{
	__u64 *v = bpf_map_lookup_elem(&calls, &key);

	if (v)
		__sync_fetch_and_add(v, 1);
}

SEC("xdp")
int prog_a(struct xdp_md *ctx)
{
	count(0);
	return XDP_DROP;
}

SEC("xdp")
int prog_b(struct xdp_md *ctx)
{
	count(2);
	return XDP_TX;
}

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__array(values, int (void *));
} jmp_table SEC(".maps") = {
	.values = {
		[0] = (void *)&prog_a,
		[2] = (void *)&prog_b,
	},
};

SEC("xdp")
int xdp_dispatch(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *iph = (void *)(eth + 1);
	__u32 slot;

	if ((void *)(iph + 1) > data_end || eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;

	switch (iph->protocol) {
	case IPPROTO_TCP:
		slot = 0;
		break;
	case IPPROTO_UDP:
		slot = 1;
		break;
	case IPPROTO_ICMP:
		slot = 2;
		break;
	default:
		slot = 3;
		break;
	}
	bpf_tail_call(ctx, &jmp_table, slot);
	count(4);
	return XDP_ABORTED;
}

char _license[] SEC("license") = "GPL";
