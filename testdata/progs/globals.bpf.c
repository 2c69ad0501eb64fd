// SPDX-License-Identifier: GPL-2.0
/* globals.bpf.c: an XDP program configured and counted through globals.
 *
 * Global data, one variable per kind of section:
 *   .rodata        cfg_max_len = 1024, cfg_magic_port = 7777
 *                  (const volatile: a loader may rewrite them before load)
 *   .bss           packets, bytes: frames and bytes seen
 *   .data          last_verdict = 0xffffffff until the first frame, then
 *                  the last return value
 *   .data.custom   magic_seq = 100, incremented for every magic frame
 *   .rodata.str1.1 the string "callx!", read byte by byte in a loop that
 *                  is not unrolled, so the compiler keeps it in memory
 *
 * Returns XDP_DROP (1) for frames longer than cfg_max_len; XDP_TX (3) for
 * IPv4 UDP (ihl 5) to cfg_magic_port whose payload starts with "callx!";
 * XDP_PASS (2) for everything else.
 */
#include "bpf_defs.h"
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/udp.h>
#include <linux/in.h>

#define MAGIC_LEN 6

const volatile __u32 cfg_max_len = 1024;
const volatile __u16 cfg_magic_port = 7777;

__u64 packets;
__u64 bytes;
__u32 last_verdict = 0xffffffff;
__u32 magic_seq SEC(".data.custom") = 100;

static __always_inline int has_magic(__u8 *p, void *data_end)
{
	const char *magic = "callx!";

#pragma clang loop unroll(disable)
	for (int i = 0; i < MAGIC_LEN; i++) {
		if ((void *)(p + i + 1) > data_end)
			return 0;
		if (p[i] != (__u8)magic[i])
			return 0;
	}
	return 1;
}

static __always_inline int classify(void *data, void *data_end)
{
	struct ethhdr *eth = data;
	struct iphdr *iph = (void *)(eth + 1);
	struct udphdr *udp = (void *)(iph + 1);

	if (data_end - data > cfg_max_len)
		return XDP_DROP;
	if ((void *)(udp + 1) > data_end)
		return XDP_PASS;
	if (eth->h_proto != bpf_htons(ETH_P_IP) || iph->ihl != 5 ||
	    iph->protocol != IPPROTO_UDP || udp->dest != bpf_htons(cfg_magic_port))
		return XDP_PASS;
	if (!has_magic((void *)(udp + 1), data_end))
		return XDP_PASS;
	__sync_fetch_and_add(&magic_seq, 1);
	return XDP_TX;
}

SEC("xdp")
int xdp_globals(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	int verdict;

	__sync_fetch_and_add(&packets, 1);
	__sync_fetch_and_add(&bytes, data_end - data);
	verdict = classify(data, data_end);
	last_verdict = verdict;
	return verdict;
}

char _license[] SEC("license") = "GPL";
