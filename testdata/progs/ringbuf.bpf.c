// SPDX-License-Identifier: GPL-2.0
/* ringbuf.bpf.c: XDP packet sampling into BPF ring buffers.
 *
 * For every frame it takes a sequence number from the global `seq` (.bss,
 * counting from 0) and reserves a struct event in the ring buffer
 * `events`: the sequence number, the frame length and its first 32 bytes
 * (zero-filled past the end of shorter frames). Records of odd-length
 * frames are discarded (bpf_ringbuf_discard), the rest submitted. Then it
 * copies a struct summary { seq, len, submitted } into the ring buffer
 * `summaries` with bpf_ringbuf_output, for every frame. All fields are
 * native-endian __u32.
 *
 * Returns XDP_PASS (2) for every frame. When `events` is full the frame
 * gets only a summary, with submitted = 0.
 */
#include "bpf_defs.h"

#define HEAD_LEN 32

struct event {
	__u32 seq;
	__u32 len;
	__u8 head[HEAD_LEN];
};

struct summary {
	__u32 seq;
	__u32 len;
	__u32 submitted;
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 64 * 1024);
} events SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 16 * 1024);
} summaries SEC(".maps");

__u32 seq;

SEC("xdp")
int xdp_ringbuf(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct summary s = {};
	struct event *e;

	s.seq = __sync_fetch_and_add(&seq, 1);
	s.len = data_end - data;

	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (e) {
		e->seq = s.seq;
		e->len = s.len;
		__builtin_memset(e->head, 0, HEAD_LEN);
		for (int i = 0; i < HEAD_LEN; i++) {
			__u8 *p = data + i;

			if ((void *)(p + 1) > data_end)
				break;
			e->head[i] = *p;
		}
		if (s.len & 1) {
			bpf_ringbuf_discard(e, 0);
		} else {
			bpf_ringbuf_submit(e, 0);
			s.submitted = 1;
		}
	}
	bpf_ringbuf_output(&summaries, &s, sizeof(s), 0);
	return XDP_PASS;
}

char _license[] SEC("license") = "GPL";
