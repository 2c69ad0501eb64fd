// SPDX-License-Identifier: GPL-2.0
/* firewall.bpf.c: an XDP source-address firewall.
 *
 * Parses Ethernet (with at most one 802.1Q/802.1ad tag) and IPv4, checking
 * every header against data_end. An IPv4 packet whose source address is a
 * key of the hash map `blocked` is dropped and that key's value (a hit
 * counter) is incremented; everything else passes: non-IPv4 frames,
 * truncated frames and IPv4 from other sources. Every verdict is counted
 * in the array `stats`, indexed by the XDP action.
 *
 * Returns XDP_DROP (1) for blocked IPv4 sources, XDP_PASS (2) otherwise.
 * Maps: blocked (hash, key __u32 saddr in network order, value __u64 hits;
 * filled by user space), stats (array of XDP_REDIRECT+1 __u64, by action).
 */
#include "bpf_defs.h"
#include <linux/if_ether.h>
#include <linux/ip.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, __u32);
	__type(value, __u64);
} blocked SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, XDP_REDIRECT + 1);
	__type(key, __u32);
	__type(value, __u64);
} stats SEC(".maps");

struct vlan_hdr {
	__be16 tci;
	__be16 encapsulated_proto;
};

static __always_inline int verdict(int action)
{
	__u32 key = action;
	__u64 *count = bpf_map_lookup_elem(&stats, &key);

	if (count)
		__sync_fetch_and_add(count, 1);
	return action;
}

SEC("xdp")
int xdp_firewall(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct iphdr *iph;
	__u16 proto;
	__u64 *hits;
	__u32 saddr;
	void *l3;

	if ((void *)(eth + 1) > data_end)
		return verdict(XDP_PASS);
	proto = eth->h_proto;
	l3 = eth + 1;

	if (proto == bpf_htons(ETH_P_8021Q) || proto == bpf_htons(ETH_P_8021AD)) {
		struct vlan_hdr *vlan = l3;

		if ((void *)(vlan + 1) > data_end)
			return verdict(XDP_PASS);
		proto = vlan->encapsulated_proto;
		l3 = vlan + 1;
	}
	if (proto != bpf_htons(ETH_P_IP))
		return verdict(XDP_PASS);

	iph = l3;
	if ((void *)(iph + 1) > data_end || iph->ihl < 5)
		return verdict(XDP_PASS);

	saddr = iph->saddr;
	hits = bpf_map_lookup_elem(&blocked, &saddr);
	if (!hits)
		return verdict(XDP_PASS);
	__sync_fetch_and_add(hits, 1);
	return verdict(XDP_DROP);
}

char _license[] SEC("license") = "GPL";
