// annotated.bpf.c: programs annotated the way the kernel's verifier
// selftests are, for selftest.Parse. The annotations are BTF declaration
// tags on the program's function; the macros below write the tag strings
// that test_loader.c reads (they are callx's, written from the format, not
// taken from the kernel's bpf_misc.h). Repeatable tags carry a counter so
// that clang keeps two equal ones.
#include "bpf_defs.h"

#define CALLX_STR(x) #x
#define CALLX_XSTR(x) CALLX_STR(x)
#define CALLX_TAG(text) __attribute__((btf_decl_tag("comment:test_" text)))
#define CALLX_NTAG(kind, text) CALLX_TAG(kind "=" CALLX_XSTR(__COUNTER__) "=" text)

#define __success CALLX_TAG("expect_success")
#define __failure CALLX_TAG("expect_failure")
#define __success_unpriv CALLX_TAG("expect_success_unpriv")
#define __failure_unpriv CALLX_TAG("expect_failure_unpriv")
#define __msg(text) CALLX_NTAG("expect_msg", text)
#define __msg_unpriv(text) CALLX_NTAG("expect_msg_unpriv", text)
#define __xlated(text) CALLX_NTAG("expect_xlated", text)
#define __jited(text) CALLX_NTAG("jited", text)
#define __description(text) CALLX_TAG("description=" text)
#define __retval(v) CALLX_TAG("retval=" #v)
#define __retval_unpriv(v) CALLX_TAG("retval_unpriv=" #v)
#define __log_level(n) CALLX_TAG("log_level=" #n)
#define __flag(f) CALLX_TAG("prog_flags=" #f)
#define __auxiliary CALLX_TAG("auxiliary")
#define __auxiliary_unpriv CALLX_TAG("auxiliary_unpriv")
#define __arch_x86_64 CALLX_TAG("arch=X86_64")
#define __arch_arm64 CALLX_TAG("arch=ARM64")
#define __btf_path(p) CALLX_TAG("btf_path=" p)

char _license[] SEC("license") = "GPL";

// No annotation at all: a privileged test expected to load.
SEC("socket")
int plain(void *ctx)
{
	return 0;
}

// A rejected program with two messages, the second a regular expression,
// and an unprivileged mode inheriting the verdict and the messages.
SEC("socket")
__description("reads an uninitialised register")
__failure __msg("R2 !read_ok") __msg("processed {{[0-9]+}} insns")
__failure_unpriv
__log_level(2)
int rejected(void *ctx)
{
	return 0;
}

// Accepted, with a return value in each mode and flags set and cleared.
SEC("xdp")
__success __retval(0xffffffff)
__success_unpriv __retval_unpriv(INT_MIN)
__flag(BPF_F_ANY_ALIGNMENT) __flag(BPF_F_TEST_STATE_FREQ)
__flag(!BPF_F_TEST_RND_HI32) __flag(0x100)
int accepted(void *ctx)
{
	return -1;
}

// Unprivileged only: its own messages, no privileged mode.
SEC("socket")
__failure_unpriv __msg_unpriv("R1 leaks addr")
__retval_unpriv(POINTER_VALUE)
int unpriv_only(void *ctx)
{
	return 1;
}

// Auxiliary: loaded beside the tests, not one.
SEC("tc")
__auxiliary
int helper_prog(void *ctx)
{
	return 0;
}

// Two messages with the same text (kept apart by their counters), rewritten
// instructions with a gap, JIT lines for one architecture, a custom BTF.
SEC("tc")
__success __msg("same") __msg("same")
__xlated("0: r0 = 0") __xlated("...") __xlated("2: exit")
__arch_x86_64 __jited("endbr64") __jited("...") __jited("retq")
__arch_arm64 __jited("ret")
__retval(TEST_DATA_LEN)
__btf_path("btf__core.bpf.o")
int details(void *ctx)
{
	return 64;
}
