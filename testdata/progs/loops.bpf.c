// SPDX-License-Identifier: GPL-2.0
/* loops.bpf.c: the three ways an XDP program loops.
 *
 *   - bpf_loop: a callback adds up the first min(len, 64) bytes of the
 *     frame; the sum is added to sums[0];
 *   - bpf_for_each_map_elem: the frame is counted in buckets[min(len /
 *     256, 7)], then a callback walks the 8 buckets, and sums[1] is set to
 *     their total (the number of frames seen) and sums[2] to the number of
 *     non-empty buckets;
 *   - a bounded loop (not unrolled): for IPv4, the one's complement sum of
 *     the ihl*2 header words, which must fold to 0xffff.
 *
 * Returns XDP_DROP (1) for IPv4 frames with a bad header checksum, an ihl
 * below 5 or a header cut short; XDP_PASS (2) for everything else
 * (non-IPv4 frames, VLAN-tagged ones included, are not checked).
 * Maps: sums (array of 3 __u64), buckets (array of 8 __u64).
 */
#include "bpf_defs.h"
#include <linux/if_ether.h>
#include <linux/ip.h>

#define SUM_BYTES 64

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 3);
	__type(key, __u32);
	__type(value, __u64);
} sums SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 8);
	__type(key, __u32);
	__type(value, __u64);
} buckets SEC(".maps");

struct sum_ctx {
	void *data;
	void *data_end;
	__u64 sum;
};

struct bucket_ctx {
	__u64 total;
	__u64 nonempty;
};

static int sum_byte(__u32 index, struct sum_ctx *sc)
{
	__u8 *p = sc->data + (index & (SUM_BYTES - 1));

	if ((void *)(p + 1) > sc->data_end)
		return 1;
	sc->sum += *p;
	return 0;
}

static long count_bucket(void *map, __u32 *key, __u64 *value, struct bucket_ctx *bc)
{
	bc->total += *value;
	if (*value)
		bc->nonempty++;
	return 0;
}

static __always_inline void set(__u32 key, __u64 value, int add)
{
	__u64 *v = bpf_map_lookup_elem(&sums, &key);

	if (!v)
		return;
	if (add)
		__sync_fetch_and_add(v, value);
	else
		*v = value;
}

SEC("xdp")
int xdp_loops(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct sum_ctx sc = { .data = data, .data_end = data_end };
	struct bucket_ctx bc = {};
	__u32 len = data_end - data;
	struct ethhdr *eth = data;
	struct iphdr *iph;
	__u32 bucket, csum, words;
	__u16 *word;
	__u64 *n;

	bpf_loop(len < SUM_BYTES ? len : SUM_BYTES, sum_byte, &sc, 0);
	set(0, sc.sum, 1);

	bucket = len / 256;
	if (bucket > 7)
		bucket = 7;
	n = bpf_map_lookup_elem(&buckets, &bucket);
	if (n)
		__sync_fetch_and_add(n, 1);
	bpf_for_each_map_elem(&buckets, count_bucket, &bc, 0);
	set(1, bc.total, 0);
	set(2, bc.nonempty, 0);

	if ((void *)(eth + 1) > data_end || eth->h_proto != bpf_htons(ETH_P_IP))
		return XDP_PASS;
	iph = (void *)(eth + 1);
	if ((void *)(iph + 1) > data_end || iph->ihl < 5)
		return XDP_DROP;

	words = iph->ihl * 2;
	word = (__u16 *)iph;
	csum = 0;
#pragma clang loop unroll(disable)
	for (__u32 i = 0; i < 30; i++) {
		if (i >= words)
			break;
		if ((void *)(word + i + 1) > data_end)
			return XDP_DROP;
		csum += word[i];
	}
	csum = (csum & 0xffff) + (csum >> 16);
	csum = (csum & 0xffff) + (csum >> 16);
	return csum == 0xffff ? XDP_PASS : XDP_DROP;
}

char _license[] SEC("license") = "GPL";
