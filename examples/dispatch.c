// dispatch.c: indirect calls. Each input byte picks an operation, called
// through a function pointer (clang emits `r1 = inc ll` and `callx r1`),
// and the operations are applied in turn to an accumulator. Raw program type.
#define noinline __attribute__((noinline))

typedef unsigned long (*op_fn)(unsigned long acc, unsigned long arg);

static noinline unsigned long add(unsigned long acc, unsigned long arg) { return acc + arg; }
static noinline unsigned long mul(unsigned long acc, unsigned long arg) { return acc * (arg | 1); }
static noinline unsigned long xor(unsigned long acc, unsigned long arg) { return acc ^ (arg << 8); }
static noinline unsigned long rot(unsigned long acc, unsigned long arg) { return (acc << 7) | (acc >> 57); }

unsigned long dispatch(unsigned char *data, unsigned long len)
{
	unsigned long acc = 1;

	for (unsigned long i = 0; i < len && i < 64; i++) {
		unsigned char b = data[i];
		op_fn f;

		switch (b & 3) {
		case 0: f = add; break;
		case 1: f = mul; break;
		case 2: f = xor; break;
		default: f = rot; break;
		}
		/* keep the call indirect: clang would otherwise call directly */
		asm volatile("" : "+r"(f));
		acc = f(acc, b);
	}
	return acc;
}
