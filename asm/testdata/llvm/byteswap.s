# Byte swaps: to little and big endian (ALU), unconditional (ALU64).
	r1 = le16 r1
	r1 = le32 r1
	r1 = le64 r1
	r2 = be16 r2
	r2 = be32 r2
	r2 = be64 r2
	r3 = bswap16 r3
	r3 = bswap32 r3
	r3 = bswap64 r3
	r0 = bswap64 r0
	r10 = be64 r10
	exit
