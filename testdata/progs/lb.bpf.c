// SPDX-License-Identifier: GPL-2.0
/* lb.bpf.c: an XDP layer-4 load balancer for one UDP virtual IP.
 *
 * For an IPv4 UDP packet to LB_VIP (10.0.0.200, any port) it picks a
 * backend from the array `backends` by a hash of the 5-tuple (FNV-1a over
 * saddr, daddr, sport<<16|dport and protocol, each as loaded from the packet
 * into a host-order register; backend = hash % NUM_BACKENDS), then rewrites
 * the packet for XDP_TX: source MAC = old destination MAC, destination MAC
 * = the backend's MAC, destination IPv4 address = the backend's address.
 * The IPv4 header checksum and the UDP checksum (pseudo header; left 0
 * when the sender sent none) are fixed incrementally (RFC 1624) by a
 * static inline helper. IPv4 options are honoured (ihl > 5).
 *
 * Returns XDP_TX (3) for rewritten packets, XDP_DROP (1) when the chosen
 * backend slot is empty (address 0), XDP_PASS (2) for everything else
 * (non-IPv4, not UDP, not to the VIP, fragments, truncated headers).
 * Maps: backends (array of NUM_BACKENDS struct backend, filled by user
 * space), lb_stats (array: [0] packets sent to a backend, [1] bytes).
 */
#include "bpf_defs.h"
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/udp.h>
#include <linux/in.h>

#define LB_VIP bpf_htonl(0x0a0000c8) /* 10.0.0.200 */
#define NUM_BACKENDS 4
#define IP_MF 0x2000
#define IP_OFFSET 0x1fff

struct backend {
	__u8 mac[ETH_ALEN];
	__u16 pad;
	__be32 addr;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, NUM_BACKENDS);
	__type(key, __u32);
	__type(value, struct backend);
} backends SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 2);
	__type(key, __u32);
	__type(value, __u64);
} lb_stats SEC(".maps");

static __always_inline __u32 fnv1a(__u32 h, __u32 word)
{
	return (h ^ word) * 16777619u;
}

static __always_inline __u32 flow_hash(__u32 saddr, __u32 daddr, __u16 sport,
				       __u16 dport, __u8 proto)
{
	__u32 h = 2166136261u;

	h = fnv1a(h, saddr);
	h = fnv1a(h, daddr);
	h = fnv1a(h, ((__u32)sport << 16) | dport);
	return fnv1a(h, proto);
}

/* csum_replace4 returns the checksum `check` updated for a 32-bit field
 * of the summed data changing from `from` to `to` (RFC 1624, eqn. 3):
 * HC' = ~(~HC + ~m + m'), computed over the two 16-bit halves. */
static __always_inline __u16 csum_replace4(__u16 check, __u32 from, __u32 to)
{
	__u32 sum = (__u16)~check;

	sum += (__u16)~from + (__u16)~(from >> 16);
	sum += (__u16)to + (__u16)(to >> 16);
	sum = (sum & 0xffff) + (sum >> 16);
	sum = (sum & 0xffff) + (sum >> 16);
	return (__u16)~sum;
}

static __always_inline void count(__u32 key, __u64 n)
{
	__u64 *v = bpf_map_lookup_elem(&lb_stats, &key);

	if (v)
		__sync_fetch_and_add(v, n);
}

SEC("xdp")
int xdp_lb(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct backend *be;
	struct udphdr *udp;
	struct iphdr *iph;
	__u32 key, ihl;
	__be32 old;

	if ((void *)(eth + 1) > data_end || eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	iph = (void *)(eth + 1);
	if ((void *)(iph + 1) > data_end)
		return XDP_PASS;
	if (iph->protocol != IPPROTO_UDP || iph->daddr != LB_VIP)
		return XDP_PASS;
	if (iph->frag_off & bpf_htons(IP_MF | IP_OFFSET))
		return XDP_PASS;
	ihl = iph->ihl;
	if (ihl < 5)
		return XDP_PASS;
	udp = (void *)iph + ihl * 4;
	if ((void *)(udp + 1) > data_end)
		return XDP_PASS;

	key = flow_hash(iph->saddr, iph->daddr, udp->source, udp->dest,
			iph->protocol) % NUM_BACKENDS;
	be = bpf_map_lookup_elem(&backends, &key);
	if (!be)
		return XDP_ABORTED;
	if (!be->addr)
		return XDP_DROP;

	old = iph->daddr;
	iph->daddr = be->addr;
	iph->check = csum_replace4(iph->check, old, be->addr);
	if (udp->check) {
		__u16 check = csum_replace4(udp->check, old, be->addr);

		udp->check = check ? check : 0xffff;
	}

	__builtin_memcpy(eth->h_source, eth->h_dest, ETH_ALEN);
	__builtin_memcpy(eth->h_dest, be->mac, ETH_ALEN);

	count(0, 1);
	count(1, data_end - data);
	return XDP_TX;
}

char _license[] SEC("license") = "GPL";
