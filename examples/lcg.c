// lcg.c: a linear congruential generator run for 1000 steps: the ALU-bound
// loop the interpreter benchmarks use. Raw program type.
unsigned long lcg(unsigned char *data, unsigned long len)
{
	unsigned long x = len;

	for (int i = 0; i < 1000; i++)
		x = (x * 1103515245 + 12345) & 0x7fffffff;
	return x;
}
