// memory.c: a memory-heavy program: copy the input to the stack, insertion
// sort it there, and fold it into a checksum. Raw program type; returns the
// checksum of the sorted bytes (0 for empty input). The copy is reversed
// so that clang cannot turn it into memcpy, which BPF does not have.
#define MAX 128

unsigned long memory(unsigned char *data, unsigned long len)
{
	unsigned char buf[MAX];
	unsigned long n = len < MAX ? len : MAX;
	unsigned long sum = 0;

	for (unsigned long i = 0; i < n; i++)
		buf[i] = data[n - 1 - i];
	for (unsigned long i = 1; i < n; i++) {
		unsigned char v = buf[i];
		unsigned long j = i;
		while (j > 0 && buf[j - 1] > v) {
			buf[j] = buf[j - 1];
			j--;
		}
		buf[j] = v;
	}
	for (unsigned long i = 0; i < n; i++)
		sum = sum * 33 + buf[i];
	return sum;
}
