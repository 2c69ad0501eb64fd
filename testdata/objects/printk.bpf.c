// SPDX-License-Identifier: GPL-2.0
/* printk.bpf.c: an XDP program that reports each packet's length and
 * ethertype with bpf_printk, and returns XDP_PASS. */
#include "bpf_defs.h"

SEC("xdp")
int report(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *end = (void *)(long)ctx->data_end;
	__u8 *eth = data;

	if (data + 14 > end)
		return XDP_PASS;
	bpf_printk("len %d type %x %s", (int)(end - data), (eth[12] << 8) | eth[13], "ok");
	return XDP_PASS;
}

char LICENSE[] SEC("license") = "GPL";
