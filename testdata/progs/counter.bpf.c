// SPDX-License-Identifier: GPL-2.0
/* counter.bpf.c: XDP traffic accounting by IP protocol.
 *
 * A static __noinline subprogram, parse_proto(), finds the IP protocol of
 * the frame: the IPv4 protocol field or the IPv6 next header (after at most
 * one 802.1Q tag), or -1 when the frame is neither or is truncated. A
 * global (non-static, so verified on its own) function, account(), then
 * adds one to the per-CPU array `pkt_count` and the frame length to the
 * plain array `byte_count`, both indexed by that protocol number.
 *
 * Returns XDP_PASS (2) for every frame; frames without an IP protocol are
 * not counted anywhere. Maps: pkt_count (per-CPU array of 256 __u64),
 * byte_count (array of 256 __u64).
 */
#include "bpf_defs.h"
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/ipv6.h>

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 256);
	__type(key, __u32);
	__type(value, __u64);
} pkt_count SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 256);
	__type(key, __u32);
	__type(value, __u64);
} byte_count SEC(".maps");

struct vlan_hdr {
	__be16 tci;
	__be16 encapsulated_proto;
};

static __noinline int parse_proto(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	__u16 proto;
	void *l3;

	if ((void *)(eth + 1) > data_end)
		return -1;
	proto = eth->h_proto;
	l3 = eth + 1;
	if (proto == bpf_htons(ETH_P_8021Q)) {
		struct vlan_hdr *vlan = l3;

		if ((void *)(vlan + 1) > data_end)
			return -1;
		proto = vlan->encapsulated_proto;
		l3 = vlan + 1;
	}

	if (proto == bpf_htons(ETH_P_IP)) {
		struct iphdr *iph = l3;

		if ((void *)(iph + 1) > data_end)
			return -1;
		return iph->protocol;
	}
	if (proto == bpf_htons(ETH_P_IPV6)) {
		struct ipv6hdr *ip6 = l3;

		if ((void *)(ip6 + 1) > data_end)
			return -1;
		return ip6->nexthdr;
	}
	return -1;
}

__noinline int account(__u32 proto, __u32 len)
{
	__u32 key = proto & 0xff;
	__u64 *v;

	v = bpf_map_lookup_elem(&pkt_count, &key);
	if (!v)
		return -1;
	*v += 1;
	v = bpf_map_lookup_elem(&byte_count, &key);
	if (!v)
		return -1;
	__sync_fetch_and_add(v, len);
	return 0;
}

SEC("xdp")
int xdp_count(struct xdp_md *ctx)
{
	int proto = parse_proto(ctx);

	if (proto >= 0)
		account(proto, ctx->data_end - ctx->data);
	return XDP_PASS;
}

char _license[] SEC("license") = "GPL";
