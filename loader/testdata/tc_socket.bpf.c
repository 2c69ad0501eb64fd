// tc_socket.bpf.c: a tc classifier that tail-calls through a prog array
// initialised statically (__array(values, ...)), a socket filter counting
// into a legacy map (struct bpf_map_def in SEC("maps")), and tracing
// section names (raw_tp, kprobe, tracepoint, fentry, lsm, freplace).
#include "bpf_defs.h"
#include <linux/pkt_cls.h>

struct bpf_map_def {
	unsigned int type;
	unsigned int key_size;
	unsigned int value_size;
	unsigned int max_entries;
	unsigned int map_flags;
};

struct bpf_map_def SEC("maps") legacy_counts = {
	.type = BPF_MAP_TYPE_ARRAY,
	.key_size = sizeof(__u32),
	.value_size = sizeof(__u64),
	.max_entries = 2,
};

struct bpf_map_def SEC("maps") legacy_hash = {
	.type = BPF_MAP_TYPE_HASH,
	.key_size = sizeof(__u32),
	.value_size = sizeof(__u32),
	.max_entries = 64,
	.map_flags = BPF_F_NO_PREALLOC,
};

SEC("tc")
int tc_drop(struct __sk_buff *skb)
{
	return TC_ACT_SHOT;
}

SEC("classifier")
int tc_pass(struct __sk_buff *skb)
{
	return TC_ACT_OK;
}

struct {
	__uint(type, BPF_MAP_TYPE_PROG_ARRAY);
	__uint(max_entries, 4);
	__type(key, __u32);
	__array(values, int (void *));
} jump_table SEC(".maps") = {
	.values = {
		[0] = (void *)&tc_drop,
		[2] = (void *)&tc_pass,
	},
};

SEC("tcx/ingress")
int tc_entry(struct __sk_buff *skb)
{
	bpf_tail_call(skb, &jump_table, skb->mark & 3);
	return TC_ACT_UNSPEC;
}

SEC("socket")
int sock_count(struct __sk_buff *skb)
{
	__u32 key = skb->protocol == bpf_htons(0x0800) ? 0 : 1;
	__u64 *v = bpf_map_lookup_elem(&legacy_counts, &key);
	__u32 *h = bpf_map_lookup_elem(&legacy_hash, &key);

	if (v)
		__sync_fetch_and_add(v, 1);
	if (h)
		*h = skb->len;
	return skb->len;
}

SEC("raw_tp/sched_switch")
int on_switch(void *ctx) { return 0; }

SEC("raw_tracepoint/sched_wakeup")
int on_wakeup(void *ctx) { return 0; }

SEC("kprobe/do_unlinkat")
int on_unlink(void *ctx) { return 0; }

SEC("tp/syscalls/sys_enter_openat")
int on_openat(void *ctx) { return 0; }

SEC("tracepoint/sched/sched_process_exit")
int on_exit_tp(void *ctx) { return 0; }

SEC("fentry/tcp_v4_connect")
int on_connect(void *ctx) { return 0; }

SEC("fexit/tcp_v4_connect")
int on_connect_ret(void *ctx) { return 0; }

SEC("lsm/file_open")
int on_file_open(void *ctx) { return 0; }

SEC("freplace/handler")
int new_handler(void *ctx) { return 0; }

char _license[] SEC("license") = "GPL";
