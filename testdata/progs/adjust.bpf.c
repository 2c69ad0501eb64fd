// SPDX-License-Identifier: GPL-2.0
/* adjust.bpf.c: XDP IP-in-IP encapsulation and decapsulation.
 *
 * For an IPv4 frame it first trims the Ethernet padding that follows the
 * IPv4 datagram (frame length - 14 - tot_len bytes) with
 * bpf_xdp_adjust_tail. Then:
 *   - IPIP (protocol 4, outer ihl 5): decapsulates, moving the Ethernet
 *     header over the outer IPv4 header and popping it with
 *     bpf_xdp_adjust_head(+20); returns XDP_PASS (2);
 *   - any other IPv4: encapsulates, pushing a 20-byte outer header with
 *     bpf_xdp_adjust_head(-20) (10.1.0.1 -> 10.1.0.2, protocol 4, ttl 64,
 *     id 0, DF, checksum computed in full by a static inline helper);
 *     returns XDP_TX (3).
 * Both then prepend 8 bytes of metadata with bpf_xdp_adjust_meta(-8),
 * written through data_meta: struct adjust_meta { __u32 orig_len; __u32
 * action; } (native byte order), orig_len being the frame length on entry.
 *
 * Non-IPv4 frames (ARP, IPv6, VLAN-tagged) pass untouched: XDP_PASS (2).
 * IPv4 frames too short for their header or their tot_len, or IPIP with an
 * outer ihl other than 5: XDP_DROP (1). A failing adjust helper:
 * XDP_ABORTED (0).
 */
#include "bpf_defs.h"
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/in.h>

#define ENCAP_SADDR bpf_htonl(0x0a010001) /* 10.1.0.1 */
#define ENCAP_DADDR bpf_htonl(0x0a010002) /* 10.1.0.2 */
#define IP_DF 0x4000

struct adjust_meta {
	__u32 orig_len;
	__u32 action;
};

/* ipv4_csum returns the header checksum of a 20-byte IPv4 header whose
 * check field is zero. */
static __always_inline __u16 ipv4_csum(struct iphdr *iph)
{
	__u16 *word = (__u16 *)iph;
	__u32 sum = 0;

#pragma unroll
	for (int i = 0; i < (int)(sizeof(*iph) / 2); i++)
		sum += word[i];
	sum = (sum & 0xffff) + (sum >> 16);
	sum = (sum & 0xffff) + (sum >> 16);
	return (__u16)~sum;
}

static __always_inline int decap(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct ethhdr *moved = data + sizeof(struct iphdr);

	if ((void *)(moved + 1) > data_end)
		return XDP_DROP;
	__builtin_memcpy(moved, eth, sizeof(*eth));
	if (bpf_xdp_adjust_head(ctx, (int)sizeof(struct iphdr)))
		return XDP_ABORTED;
	return XDP_PASS;
}

static __always_inline int encap(struct xdp_md *ctx, __u16 inner_len)
{
	struct ethhdr *eth, *old;
	struct iphdr *outer;
	void *data, *data_end;

	if (bpf_xdp_adjust_head(ctx, -(int)sizeof(struct iphdr)))
		return XDP_ABORTED;
	data = (void *)(long)ctx->data;
	data_end = (void *)(long)ctx->data_end;
	eth = data;
	old = data + sizeof(struct iphdr);
	outer = (void *)(eth + 1);
	if ((void *)(old + 1) > data_end)
		return XDP_ABORTED;

	__builtin_memcpy(eth, old, sizeof(*eth));
	outer->version = 4;
	outer->ihl = 5;
	outer->tos = 0;
	outer->tot_len = bpf_htons(inner_len + sizeof(struct iphdr));
	outer->id = 0;
	outer->frag_off = bpf_htons(IP_DF);
	outer->ttl = 64;
	outer->protocol = IPPROTO_IPIP;
	outer->check = 0;
	outer->saddr = ENCAP_SADDR;
	outer->daddr = ENCAP_DADDR;
	outer->check = ipv4_csum(outer);
	return XDP_TX;
}

SEC("xdp")
int xdp_adjust(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;
	struct adjust_meta *meta;
	struct iphdr *iph;
	__u32 orig_len, ip_len;
	__u8 proto, ihl;
	int excess, action;

	if ((void *)(eth + 1) > data_end)
		return XDP_PASS;
	if (eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	iph = (void *)(eth + 1);
	if ((void *)(iph + 1) > data_end)
		return XDP_DROP;

	orig_len = data_end - data;
	ip_len = bpf_ntohs(iph->tot_len);
	proto = iph->protocol;
	ihl = iph->ihl;
	if (ip_len < sizeof(*iph) || ETH_HLEN + ip_len > orig_len)
		return XDP_DROP;

	excess = orig_len - (ETH_HLEN + ip_len);
	if (excess > 0 && bpf_xdp_adjust_tail(ctx, -excess))
		return XDP_ABORTED;

	if (proto == IPPROTO_IPIP) {
		if (ihl != 5)
			return XDP_DROP;
		action = decap(ctx);
	} else {
		action = encap(ctx, ip_len);
	}
	if (action == XDP_ABORTED || action == XDP_DROP)
		return action;

	if (bpf_xdp_adjust_meta(ctx, -(int)sizeof(*meta)))
		return action;
	data = (void *)(long)ctx->data;
	meta = (void *)(long)ctx->data_meta;
	if ((void *)(meta + 1) > data)
		return action;
	meta->orig_len = orig_len;
	meta->action = action;
	return action;
}

char _license[] SEC("license") = "GPL";
