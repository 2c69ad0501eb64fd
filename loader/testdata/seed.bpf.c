// seed.bpf.c: the example from the 2019 thread (INDIRECT-CALLS.md): a
// tp_btf program calls through a static function pointer kept in .bss.
#include "bpf_defs.h"

struct sk_buff;

struct trace_kfree_skb {
	struct sk_buff *skb;
	void *location;
};

typedef void (*fn)(struct sk_buff *skb);
static fn func;

SEC("tp_btf/kfree_skb")
int trace_kfree_skb(struct trace_kfree_skb *ctx)
{
	struct sk_buff *skb = ctx->skb;
	fn f = *(volatile fn *)&func;

	if (f)
		f(skb);
	return 0;
}

char _license[] SEC("license") = "GPL";
