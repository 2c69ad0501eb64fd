// Source of clang_funcs.s, regenerated with
//	clang-19 -target bpf -mcpu=v4 -O2 -S clang_funcs.c -o clang_funcs.s
// Static and global functions, local calls across sections, function
// addresses and indirect calls, helpers, atomics, loops: no data references.
#define SEC(name) __attribute__((section(name), used))
#define noinline __attribute__((noinline))

typedef unsigned long long u64;
typedef int (*unary)(int);

static long (*bpf_ktime_get_ns)(void) = (void *)5;

static noinline int add1(int x) { return x + 1; }
noinline int triple(int x) { return x * 3; }
static noinline int twice(unary f, int x) { return f(f(x)); }

static noinline long sum(const long *v, int n)
{
	long s = 0;
	for (int i = 0; i < n; i++)
		s += v[i] > 0 ? v[i] : -v[i];
	return s;
}

noinline u64 mix(u64 a, u64 b)
{
	a ^= b >> 7;
	a *= 0x9e3779b97f4a7c15ULL;
	return (a << 13) | (a >> 51);
}

SEC("xdp") int prog(void *ctx)
{
	long now = bpf_ktime_get_ns();
	unary f = now & 1 ? add1 : triple;
	long counter = 0;

	__sync_fetch_and_add(&counter, 1);
	long old = __sync_fetch_and_or(&counter, 4);
	__sync_val_compare_and_swap(&counter, old, 9);
	long buf[4] = {now, -now, old, -4};
	return twice(f, (int)sum(buf, 4)) + (int)mix(counter, old) + (signed char)old;
}

SEC("tc") int classify(void *ctx)
{
	int acc = 0;
	for (int i = 0; i < 10; i++)
		acc = twice(add1, acc) ^ triple(i);
	return acc > 100 ? 2 : 0;
}
