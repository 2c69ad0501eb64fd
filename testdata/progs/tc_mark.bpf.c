// SPDX-License-Identifier: GPL-2.0
/* tc_mark.bpf.c: a tc classifier that marks IPv4 packets by destination.
 *
 * Reads skb->len, skb->protocol and skb->mark from the __sk_buff context.
 * A packet that already carries a mark is left alone. For IPv4 (by
 * skb->protocol), the IPv4 header is copied out of the packet with
 * bpf_skb_load_bytes; the destination address is looked up in the hash map
 * `marks`, and a hit sets skb->mark to the value, except the value
 * MARK_DROP (0xffffffff), which drops the packet. An IPv4 packet too short
 * for its header (skb->len < 34, the load fails) is dropped as malformed
 * (BPF_PROG_TEST_RUN on Linux 6.18 refuses such frames before the program
 * runs, so only a live hook reaches that path).
 * Totals go to the array `tc_stats`: [0] packets seen, [1] bytes seen
 * (skb->len), [2] packets marked, [3] packets dropped.
 *
 * Returns TC_ACT_OK (0), or TC_ACT_SHOT (2) for malformed IPv4 and for
 * destinations marked MARK_DROP. Maps: marks (hash, key __u32 daddr in
 * network order, value __u32 mark; filled by user space), tc_stats.
 */
#include "bpf_defs.h"
#include <linux/if_ether.h>
#include <linux/ip.h>
#include <linux/pkt_cls.h>

#define MARK_DROP 0xffffffffu

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 256);
	__type(key, __u32);
	__type(value, __u32);
} marks SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__type(value, __u64);
} tc_stats SEC(".maps");

enum { STAT_PACKETS, STAT_BYTES, STAT_MARKED, STAT_DROPPED };

static __always_inline void stat_add(__u32 key, __u64 n)
{
	__u64 *v = bpf_map_lookup_elem(&tc_stats, &key);

	if (v)
		__sync_fetch_and_add(v, n);
}

SEC("tc")
int tc_mark(struct __sk_buff *skb)
{
	struct iphdr iph;
	__u32 *mark;

	stat_add(STAT_PACKETS, 1);
	stat_add(STAT_BYTES, skb->len);

	if (skb->mark)
		return TC_ACT_OK;
	if (skb->protocol != bpf_htons(ETH_P_IP))
		return TC_ACT_OK;
	if (bpf_skb_load_bytes(skb, ETH_HLEN, &iph, sizeof(iph)) < 0) {
		stat_add(STAT_DROPPED, 1);
		return TC_ACT_SHOT;
	}

	mark = bpf_map_lookup_elem(&marks, &iph.daddr);
	if (!mark)
		return TC_ACT_OK;
	if (*mark == MARK_DROP) {
		stat_add(STAT_DROPPED, 1);
		return TC_ACT_SHOT;
	}
	skb->mark = *mark;
	stat_add(STAT_MARKED, 1);
	return TC_ACT_OK;
}

char _license[] SEC("license") = "GPL";
