// SPDX-License-Identifier: GPL-2.0
/* socket_filter.bpf.c: a socket filter that keeps only UDP to one port.
 *
 * Runs where the packet starts at the network header: an AF_PACKET
 * SOCK_DGRAM socket, a socket's SO_ATTACH_BPF on IP traffic, and
 * BPF_PROG_TEST_RUN for socket filters (the kernel strips the Ethernet
 * header it was given). Accepts an IPv4 UDP datagram (not a later
 * fragment) to the destination port `filter_port`, a const volatile in
 * .rodata (5353 unless the loader rewrites it); everything else is
 * rejected. Headers are read with bpf_skb_load_bytes. Counters are
 * global variables: `accepted` and `accepted_bytes` in .bss, `rejected`
 * in .data (explicitly placed there).
 *
 * Returns skb->len (keep the whole packet) when accepted, 0 (drop) otherwise.
 */
#include "bpf_defs.h"
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/udp.h>
#include <linux/in.h>

#define IP_MF 0x2000
#define IP_OFFSET 0x1fff

const volatile __u16 filter_port = 5353;

__u64 accepted;
__u64 accepted_bytes;
__u64 rejected SEC(".data") = 0;

static __always_inline int reject(void)
{
	__sync_fetch_and_add(&rejected, 1);
	return 0;
}

SEC("socket")
int udp_port_filter(struct __sk_buff *skb)
{
	struct iphdr iph;
	struct udphdr udp;
	__u32 len = skb->len;

	if (skb->protocol != bpf_htons(ETH_P_IP))
		return reject();
	if (bpf_skb_load_bytes(skb, 0, &iph, sizeof(iph)) < 0)
		return reject();
	if (iph.ihl < 5 || iph.protocol != IPPROTO_UDP)
		return reject();
	if (iph.frag_off & bpf_htons(IP_OFFSET))
		return reject();
	if (bpf_skb_load_bytes(skb, iph.ihl * 4, &udp, sizeof(udp)) < 0)
		return reject();
	if (udp.dest != bpf_htons(filter_port))
		return reject();

	__sync_fetch_and_add(&accepted, 1);
	__sync_fetch_and_add(&accepted_bytes, len);
	return len;
}

char _license[] SEC("license") = "GPL";
