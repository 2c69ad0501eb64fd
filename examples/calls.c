// calls.c: a call-heavy program: bpf-to-bpf calls three frames deep inside a
// loop, with arguments, results and callee-saved registers crossing every
// call. Raw program type.
#define noinline __attribute__((noinline))

static noinline unsigned long rotate(unsigned long x, unsigned long n)
{
	n &= 63;
	return (x << n) | (x >> ((64 - n) & 63));
}

static noinline unsigned long mix(unsigned long a, unsigned long b)
{
	return rotate(a ^ b, b) + 0x9e3779b97f4a7c15UL;
}

static noinline unsigned long step(unsigned long h, unsigned long i)
{
	return mix(h, i) * 31 + mix(i, h);
}

unsigned long calls(unsigned char *data, unsigned long len)
{
	unsigned long h = len;

	for (unsigned long i = 0; i < 200; i++)
		h = step(h, i);
	return h;
}
