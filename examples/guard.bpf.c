// SPDX-License-Identifier: GPL-2.0
/* guard.bpf.c: the XDP program of callx's README.
 *
 * A small edge guard. It parses Ethernet (one optional VLAN tag), IPv4 and
 * the transport header, checking every header against data_end, and hands
 * the packet to a handler chosen through a function table in .rodata:
 * clang compiles `handlers[kind](...)` into `callx`. The handlers:
 *   - UDP: drop NTP (123) and mDNS (5353) from outside the trusted
 *     network (amplification and leaks); pass the rest;
 *   - TCP: drop SYNs to SSH (22) from outside the trusted network;
 *   - ICMP: pass, counted;
 *   - anything else (ARP, IPv6, truncated frames): pass.
 * The trusted network is .rodata configuration (`const volatile`), the
 * verdicts are counted in the array map `verdicts`, and the function
 * pointer `debugpoint` in .bss is a debugpoint: empty unless a tracer
 * fills it, it is called with the drop reason of every dropped packet.
 */
#include "bpf_defs.h"
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/in.h>
#include <linux/tcp.h>
#include <linux/udp.h>

const volatile __u32 trusted_net = 0x0000000a;	/* 10.0.0.0, in network order */
const volatile __u32 trusted_mask = 0x000000ff;	/* /8 */

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, XDP_REDIRECT + 1);
	__type(key, __u32);
	__type(value, __u64);
} verdicts SEC(".maps");

enum drop_reason { DROP_NTP = 1, DROP_MDNS, DROP_SSH };

/* A debugpoint: a tracer may fill it with a function of this prototype. */
void (*debugpoint)(struct xdp_md *ctx, int reason);

struct packet {
	struct xdp_md *ctx;
	struct iphdr *ip;
	void *l4;
	void *end;
};

typedef int (*handler_fn)(struct packet *pkt);

static __always_inline int trusted(struct iphdr *ip)
{
	return (ip->saddr & trusted_mask) == trusted_net;
}

static __noinline int drop(struct packet *pkt, int reason)
{
	void (*dp)(struct xdp_md *, int) = *(void (*volatile *)(struct xdp_md *, int))&debugpoint;

	if (dp)
		dp(pkt->ctx, reason);
	return XDP_DROP;
}

static __noinline int handle_udp(struct packet *pkt)
{
	struct udphdr *udp = pkt->l4;

	if ((void *)(udp + 1) > pkt->end)
		return XDP_PASS;
	if (trusted(pkt->ip))
		return XDP_PASS;
	if (udp->dest == bpf_htons(123))
		return drop(pkt, DROP_NTP);
	if (udp->dest == bpf_htons(5353))
		return drop(pkt, DROP_MDNS);
	return XDP_PASS;
}

static __noinline int handle_tcp(struct packet *pkt)
{
	struct tcphdr *tcp = pkt->l4;

	if ((void *)(tcp + 1) > pkt->end)
		return XDP_PASS;
	if (tcp->syn && !tcp->ack && tcp->dest == bpf_htons(22) && !trusted(pkt->ip))
		return drop(pkt, DROP_SSH);
	return XDP_PASS;
}

static __noinline int handle_pass(struct packet *pkt)
{
	return XDP_PASS;
}

enum kind { KIND_OTHER, KIND_UDP, KIND_TCP, KIND_ICMP, KIND_MAX };

static int (*const handlers[KIND_MAX])(struct packet *pkt) = {
	[KIND_OTHER] = handle_pass,
	[KIND_UDP] = handle_udp,
	[KIND_TCP] = handle_tcp,
	[KIND_ICMP] = handle_pass,
};

static __always_inline int count(int verdict)
{
	__u32 key = verdict;
	__u64 *n = bpf_map_lookup_elem(&verdicts, &key);

	if (n)
		__sync_fetch_and_add(n, 1);
	return verdict;
}

SEC("xdp")
int guard(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct packet pkt = { .ctx = ctx, .end = end };
	enum kind kind = KIND_OTHER;
	__u16 proto;
	void *l3;

	if ((void *)(eth + 1) > end)
		return count(XDP_PASS);
	proto = eth->h_proto;
	l3 = eth + 1;
	if (proto == bpf_htons(ETH_P_8021Q)) {
		if (l3 + 4 > end)
			return count(XDP_PASS);
		proto = *(__u16 *)(l3 + 2);
		l3 += 4;
	}
	if (proto == bpf_htons(ETH_P_IP)) {
		struct iphdr *ip = l3;

		if ((void *)(ip + 1) > end || ip->ihl < 5)
			return count(XDP_PASS);
		pkt.ip = ip;
		pkt.l4 = (void *)ip + ip->ihl * 4;
		if (ip->protocol == IPPROTO_UDP)
			kind = KIND_UDP;
		else if (ip->protocol == IPPROTO_TCP)
			kind = KIND_TCP;
		else if (ip->protocol == IPPROTO_ICMP)
			kind = KIND_ICMP;
	}
	return count(handlers[kind](&pkt));
}

char LICENSE[] SEC("license") = "GPL";
