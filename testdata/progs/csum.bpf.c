// SPDX-License-Identifier: GPL-2.0
/* csum.bpf.c: a tc program redirecting UDP port 8053 to 10.0.0.53:53.
 *
 * For an IPv4 UDP datagram (not a fragment) to port OLD_PORT (8053) it
 * rewrites the destination address to NEW_DADDR (10.0.0.53) and the
 * destination port to NEW_PORT (53), keeping both checksums right with the
 * kernel's helpers: bpf_csum_diff computes the delta of the address change,
 * bpf_l3_csum_replace applies it to the IPv4 header checksum and
 * bpf_l4_csum_replace (BPF_F_PSEUDO_HDR) to the UDP checksum; the port is
 * fixed with bpf_l4_csum_replace(old, new, 2). BPF_F_MARK_MANGLED_0 keeps
 * a zero UDP checksum (none sent) zero. Bytes are written with
 * bpf_skb_store_bytes and read with bpf_skb_load_bytes. rewritten[0]
 * counts rewritten datagrams.
 *
 * Returns TC_ACT_OK (0) for every packet, rewritten or not; TC_ACT_SHOT (2)
 * if a helper fails.
 */
#include "bpf_defs.h"
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/udp.h>
#include <linux/in.h>
#include <linux/pkt_cls.h>

#define OLD_PORT 8053
#define NEW_PORT 53
#define NEW_DADDR bpf_htonl(0x0a000035) /* 10.0.0.53 */
#define IP_MF 0x2000
#define IP_OFFSET 0x1fff

#define IP_CSUM_OFF (ETH_HLEN + __builtin_offsetof(struct iphdr, check))
#define IP_DADDR_OFF (ETH_HLEN + __builtin_offsetof(struct iphdr, daddr))

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u64);
} rewritten SEC(".maps");

SEC("tc")
int tc_csum(struct __sk_buff *skb)
{
	__be32 old_daddr, new_daddr = NEW_DADDR;
	__be16 new_port = bpf_htons(NEW_PORT);
	__u32 l4_off, csum_off, key = 0;
	struct udphdr udp;
	struct iphdr iph;
	__s64 diff;
	__u64 *n;

	if (skb->protocol != bpf_htons(ETH_P_IP))
		return TC_ACT_OK;
	if (bpf_skb_load_bytes(skb, ETH_HLEN, &iph, sizeof(iph)) < 0)
		return TC_ACT_OK;
	if (iph.ihl < 5 || iph.protocol != IPPROTO_UDP)
		return TC_ACT_OK;
	if (iph.frag_off & bpf_htons(IP_MF | IP_OFFSET))
		return TC_ACT_OK;
	l4_off = ETH_HLEN + iph.ihl * 4;
	if (bpf_skb_load_bytes(skb, l4_off, &udp, sizeof(udp)) < 0)
		return TC_ACT_OK;
	if (udp.dest != bpf_htons(OLD_PORT))
		return TC_ACT_OK;
	csum_off = l4_off + __builtin_offsetof(struct udphdr, check);

	old_daddr = iph.daddr;
	diff = bpf_csum_diff(&old_daddr, sizeof(old_daddr), &new_daddr, sizeof(new_daddr), 0);
	if (diff < 0)
		return TC_ACT_SHOT;
	if (bpf_skb_store_bytes(skb, IP_DADDR_OFF, &new_daddr, sizeof(new_daddr), 0))
		return TC_ACT_SHOT;
	if (bpf_l3_csum_replace(skb, IP_CSUM_OFF, 0, diff, 0))
		return TC_ACT_SHOT;
	if (bpf_l4_csum_replace(skb, csum_off, 0, diff, BPF_F_PSEUDO_HDR | BPF_F_MARK_MANGLED_0))
		return TC_ACT_SHOT;

	if (bpf_l4_csum_replace(skb, csum_off, udp.dest, new_port,
				sizeof(new_port) | BPF_F_MARK_MANGLED_0))
		return TC_ACT_SHOT;
	if (bpf_skb_store_bytes(skb, l4_off + __builtin_offsetof(struct udphdr, dest),
				&new_port, sizeof(new_port), 0))
		return TC_ACT_SHOT;

	n = bpf_map_lookup_elem(&rewritten, &key);
	if (n)
		__sync_fetch_and_add(n, 1);
	return TC_ACT_OK;
}

char _license[] SEC("license") = "GPL";
