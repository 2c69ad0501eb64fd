// SPDX-License-Identifier: GPL-2.0
/* core.bpf.c: CO-RE relocations, as libbpf applies them before loading.
 *
 * The program asks clang, through __builtin_preserve_field_info, for three
 * facts about the kernel's struct task_struct, which this file declares
 * with only the fields it names (preserve_access_index): the byte offset
 * of pid, its size, and whether a field callx_no_such_field exists. The
 * answers clang compiles in are those of this declaration (offset 0, size
 * 4, exists 1); a loader relocates them against the running kernel's BTF.
 *
 * The program stores the three answers in elements 0, 1 and 2 of the
 * array `core_out` and returns XDP_PASS (2).
 */
#include "bpf_defs.h"

struct task_struct {
	int pid;
	int callx_no_such_field;
} __attribute__((preserve_access_index));

enum { FIELD_BYTE_OFFSET = 0, FIELD_BYTE_SIZE = 1, FIELD_EXISTS = 2 };

struct {
	__uint(type, BPF_MAP_TYPE_ARRAY);
	__uint(max_entries, 3);
	__type(key, __u32);
	__type(value, __u64);
} core_out SEC(".maps");

static __always_inline void store(__u32 key, __u64 value)
{
	__u64 *v = bpf_map_lookup_elem(&core_out, &key);

	if (v)
		*v = value;
}

SEC("xdp")
int xdp_core(struct xdp_md *ctx)
{
	store(0, __builtin_preserve_field_info(((struct task_struct *)0)->pid, FIELD_BYTE_OFFSET));
	store(1, __builtin_preserve_field_info(((struct task_struct *)0)->pid, FIELD_BYTE_SIZE));
	store(2, __builtin_preserve_field_info(((struct task_struct *)0)->callx_no_such_field, FIELD_EXISTS));
	return XDP_PASS;
}

char _license[] SEC("license") = "GPL";
