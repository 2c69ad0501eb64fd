// SPDX-License-Identifier: GPL-2.0
/* spinlock.bpf.c: per-class flow statistics under a BPF spin lock.
 *
 * The array `flows` holds a struct flow_stats per traffic class: 0 IPv4
 * TCP, 1 IPv4 UDP, 2 IPv4 ICMP, 3 everything else (other IPv4 protocols,
 * non-IPv4 and truncated frames). For each frame the program takes the
 * class's bpf_spin_lock, adds one to packets and the frame length to bytes,
 * and releases the lock. Layout of the 16-byte value: lock (__u32) at 0,
 * packets (__u32) at 4, bytes (__u64) at 8; user space reads the lock as 0.
 *
 * Returns XDP_PASS (2) for every frame.
 */
#include "bpf_defs.h"
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/in.h>

struct flow_stats {
	struct bpf_spin_lock lock;
	__u32 packets;
	__u64 bytes;
};

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, struct flow_stats);
} flows SEC(".maps");

static __always_inline __u32 classify(void *data, void *data_end)
{
	struct ethhdr *eth = data;
	struct iphdr *iph = (void *)(eth + 1);

	if ((void *)(iph + 1) > data_end || eth->h_proto != bpf_htons(ETH_P_IP))
		return 3;
	switch (iph->protocol) {
	case IPPROTO_TCP:
		return 0;
	case IPPROTO_UDP:
		return 1;
	case IPPROTO_ICMP:
		return 2;
	}
	return 3;
}

SEC("xdp")
int xdp_spinlock(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	__u32 key = classify(data, data_end);
	struct flow_stats *fs;

	fs = bpf_map_lookup_elem(&flows, &key);
	if (!fs)
		return XDP_ABORTED;
	bpf_spin_lock(&fs->lock);
	fs->packets++;
	fs->bytes += data_end - data;
	bpf_spin_unlock(&fs->lock);
	return XDP_PASS;
}

char _license[] SEC("license") = "GPL";
