// calls.bpf.c: BPF-to-BPF calls in every shape clang-19 writes them
// (inside .text with and without relocations, from a program section into
// .text by section symbol and by global symbol), a hidden global function
// (libbpf verifies it as static), a function-scope static variable, a
// ring buffer, a map of maps initialised statically, and a pointer to a
// string in .data (a pointer to data: left as the compiler wrote it).
#include "bpf_defs.h"

struct inner_map {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 1);
	__type(key, __u32);
	__type(value, __u32);
} inner_a SEC(".maps"), inner_b SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY_OF_MAPS);
	__uint(max_entries, 4);
	__type(key, __u32);
	__array(values, struct inner_map);
} outer SEC(".maps") = {
	.values = {&inner_a, [3] = &inner_b},
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} events SEC(".maps");

const char *greeting = "hello";

static __noinline int leaf(int x) { return x * 3; }
__noinline int mid(int x) { return leaf(x) + 1; }
__noinline int top(int x) { return mid(x) + leaf(x + 1); }
__hidden __noinline int hidden_fn(int x) { return x + 7; }

static __noinline int counted(void)
{
	static int calls;

	return ++calls;
}

SEC("socket")
int calls_main(struct __sk_buff *skb)
{
	__u32 key = 0;
	void *inner = bpf_map_lookup_elem(&outer, &key);
	__u32 *v = inner ? bpf_map_lookup_elem(inner, &key) : 0;
	int r = top(skb->len) + hidden_fn(skb->len) + counted();

	if (v)
		r += *v;
	bpf_ringbuf_output(&events, &r, sizeof(r), 0);
	return r;
}

char _license[] SEC("license") = "GPL";
