// Source of clang_debug.s, regenerated with
//	clang-19 -target bpf -mcpu=v4 -O2 -g -S clang_debug.c -o clang_debug.s
// Debug info adds .loc, .cfi_* and DWARF and BTF sections to skip.
#define SEC(name) __attribute__((section(name), used))

static __attribute__((noinline)) int clamp(int x, int lo, int hi)
{
	if (x < lo)
		return lo;
	return x > hi ? hi : x;
}

SEC("socket") int filter(void *ctx)
{
	int n = 0;
	for (int i = -3; i < 20; i += 2)
		n += clamp(i, 0, 10);
	return n;
}
