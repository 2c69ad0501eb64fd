// SPDX-License-Identifier: GPL-2.0
/* err_no_bounds_check.bpf.c: an XDP program the verifier must refuse.
 *
 * It reads the Ethernet type without first comparing the packet pointer
 * with data_end, so the kernel rejects it at load time ("invalid access to
 * packet"). Programs named err_* are expected to fail verification; no
 * run result is defined. Were it accepted it would return XDP_DROP (1) for
 * IPv4 and XDP_PASS (2) otherwise.
 */
#include "bpf_defs.h"
#include <linux/if_ether.h>

SEC("xdp")
int xdp_no_bounds_check(struct xdp_md *ctx)
{
	struct ethhdr *eth = (void *)(long)ctx->data;

	if (eth->h_proto == bpf_htons(ETH_P_IP))
		return XDP_DROP;
	return XDP_PASS;
}

char _license[] SEC("license") = "GPL";
