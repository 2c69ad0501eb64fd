// primes.c: count the primes below N with a sieve of Eratosthenes on the
// stack, then check each survivor by trial division (a division-heavy loop).
// Raw program type: r1 = data, r2 = length; N comes from the first byte of
// data when given (at most 255), else 200.
#define MAX 256

int primes(unsigned char *data, unsigned long len)
{
	unsigned char sieve[MAX];
	unsigned int n = len > 0 ? data[0] : 200;
	unsigned int count = 0;

	for (unsigned int i = 0; i < MAX; i++)
		sieve[i] = 1;
	for (unsigned int i = 2; i < n; i++) {
		if (!sieve[i])
			continue;
		for (unsigned int j = i * i; j < n; j += i)
			sieve[j] = 0;
		/* trial division: a prime has no divisor below it */
		unsigned int divisors = 0;
		for (unsigned int d = 2; d * d <= i; d++)
			if (i % d == 0)
				divisors++;
		if (divisors == 0)
			count++;
	}
	return count;
}
