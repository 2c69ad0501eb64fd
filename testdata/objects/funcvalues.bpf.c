// SPDX-License-Identifier: GPL-2.0
/* funcvalues.bpf.c: function values from every place clang puts them,
 * called with callx. Not for the kernel (it rejects callx): callx's own
 * object tests run it and check the sum by hand.
 *
 * fold(x) returns a number built from seven calls:
 *   table[1](x)      .rodata function table (closed world)   x * 2
 *   current(r)       .data pointer to a global function      r ^ 0x55
 *   zero_fn(r)       .data pointer to the function at .text+0  r + 100
 *   handlers[0].fn   .data struct field                      r * 2
 *   handlers[1].fn   a NULL field: not called
 *   addr(r)          &global_op taken in code                r ^ 0x55
 *   bpf_loop         a callback summing 0..9                 + 45
 */
#include "bpf_defs.h"

typedef __u64 (*op_fn)(__u64 x);

__attribute__((used)) static __noinline __u64 first(__u64 x) { return x + 100; }
static __noinline __u64 op_a(__u64 x) { return x + 1; }
static __noinline __u64 op_b(__u64 x) { return x * 2; }
__noinline __u64 global_op(__u64 x) { return x ^ 0x55; }

static const op_fn table[] = {op_a, op_b};
op_fn current = global_op;
static op_fn zero_fn = first;

struct handler {
	int id;
	op_fn fn;
};
struct handler handlers[2] = {{1, op_b}, {2, 0}};

static long add_index(__u32 i, void *data)
{
	*(__u64 *)data += i;
	return 0;
}

static __noinline __u64 call(op_fn *slot, __u64 r)
{
	op_fn f = *(volatile op_fn *)slot;

	return f ? f(r) : r;
}

SEC("xdp")
int fold(struct xdp_md *ctx)
{
	__u64 r = ctx->ingress_ifindex + 20;	/* 21 in a test run */
	volatile op_fn addr = global_op;
	__u64 sum = 0;

	r = table[ctx->ingress_ifindex & 1](r);
	r = call(&current, r);
	r = call(&zero_fn, r);
	r = call(&handlers[0].fn, r);
	r = call(&handlers[1].fn, r);
	r = addr(r);
	bpf_loop(10, add_index, &sum, 0);
	return r + sum;
}

char LICENSE[] SEC("license") = "GPL";
