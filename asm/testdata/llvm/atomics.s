# Atomic operations, 64- and 32-bit, in LLVM's spellings.
	lock *(u64 *)(r1 + 0) += r2
	lock *(u64 *)(r1 + 8) &= r2
	lock *(u64 *)(r1 - 8) |= r3
	lock *(u64 *)(r10 - 16) ^= r4
	lock *(u32 *)(r1 + 0) += w2
	lock *(u32 *)(r1 + 4) &= w2
	lock *(u32 *)(r1 - 4) |= w3
	lock *(u32 *)(r10 - 12) ^= w4
	lock *(u32 *)(r1 + 0) += r2
	r0 = atomic_fetch_add((u64 *)(r1 + 0), r0)
	r2 = atomic_fetch_and((u64 *)(r1 + 8), r2)
	r3 = atomic_fetch_or((u64 *)(r1 - 8), r3)
	r4 = atomic_fetch_xor((u64 *)(r10 - 32768), r4)
	w0 = atomic_fetch_add((u32 *)(r1 + 0), w0)
	w2 = atomic_fetch_and((u32 *)(r1 + 4), w2)
	w3 = atomic_fetch_or((u32 *)(r1 - 4), w3)
	w4 = atomic_fetch_xor((u32 *)(r10 + 32767), w4)
	r0 = xchg_64(r1 + 0, r0)
	r5 = xchg_64(r10 - 8, r5)
	w0 = xchg32_32(r1 + 0, w0)
	w5 = xchg32_32(r2 + 4, w5)
	r0 = cmpxchg_64(r1 + 0, r0, r2)
	r0 = cmpxchg_64(r10 - 8, r0, r9)
	w0 = cmpxchg32_32(r1 + 0, w0, w2)
	w0 = cmpxchg32_32(r3 - 4, w0, w0)
	exit
