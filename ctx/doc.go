// Package ctx implements program types and their contexts with the
// kernel's UAPI layouts, so compiled programs run unchanged: XDP (struct
// xdp_md) and socket buffers for tc and socket filter programs (struct
// __sk_buff). A context converts field accesses the way the kernel's
// convert_ctx_access does (xdp_md.data, a 32-bit field, reads as a pointer
// into the packet) and owns the packet: its memory, with headroom and
// tailroom as BPF_PROG_TEST_RUN lays it out, and the helpers that move its
// edges (bpf_xdp_adjust_head, _tail, _meta).
package ctx
