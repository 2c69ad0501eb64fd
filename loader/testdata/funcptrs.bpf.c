// funcptrs.bpf.c: every way clang-19 puts a function address in an
// object: a closed-world table in .rodata, a global pointer initialised in
// .data, open-world debugpoints in .bss, a pointer to the function at
// .text+0, a struct with a function-pointer field, &global_func in code,
// and bpf_loop / bpf_for_each_map_elem callbacks.
#include "bpf_defs.h"

typedef int (*op_fn)(int x);

/* first in .text (used: emitted before the global function), so its
 * address is the value 0 in data: only the relocation says it is one */
__attribute__((used)) static __noinline int first(int x) { return x + 100; }
static __noinline int op_a(int x) { return x + 1; }
static __noinline int op_b(int x) { return x * 2; }
static __noinline int op_c(int x) { return x - 3; }
__noinline int global_op(int x) { return x ^ 0x55; }

static const op_fn table[] = {op_a, op_b, op_c};  /* .rodata: closed world */
op_fn current = global_op;                         /* .data: global function */
static op_fn zero_fn = first;                      /* .data: .text+0 */

/* debugpoints, as in the seed thread */
void (*debugpoint1)(struct xdp_md *, int code);
void (*debugpoint2)(struct xdp_md *);

struct handler {
	int id;
	op_fn fn;
};
struct handler handlers[2] = {{1, op_b}, {2, 0}};  /* .data: pointer fields */

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 8);
	__type(key, __u32);
	__type(value, __u64);
} values SEC(".maps");

struct loop_ctx {
	__u64 sum;
};

static long loop_step(__u32 i, void *data)
{
	struct loop_ctx *c = data;

	c->sum += i;
	return 0;
}

static long sum_elem(void *map, __u32 *key, __u64 *val, void *data)
{
	struct loop_ctx *c = data;

	c->sum += *val;
	return 0;
}

SEC("xdp")
int xdp_dispatch(struct xdp_md *ctx)
{
	__u32 i = ctx->ingress_ifindex % 3;
	op_fn f = table[i];
	op_fn g = *(volatile op_fn *)&current;
	op_fn z = *(volatile op_fn *)&zero_fn;
	op_fn h = *(volatile op_fn *)&handlers[1].fn;
	volatile op_fn addr = global_op;
	int r = f(ctx->rx_queue_index);

	if (g)
		r += g(r);
	if (z)
		r += z(r);
	if (h)
		r += h(r);
	r += addr(r);
	if (debugpoint1)
		debugpoint1(ctx, r);
	if (debugpoint2)
		debugpoint2(ctx);
	return r & 3;
}

SEC("xdp")
int xdp_loops(struct xdp_md *ctx)
{
	struct loop_ctx c = {0};

	bpf_loop(10, loop_step, &c, 0);
	bpf_for_each_map_elem(&values, sum_elem, &c, 0);
	return c.sum > 100 ? XDP_DROP : XDP_PASS;
}

char _license[] SEC("license") = "GPL";
