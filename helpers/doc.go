// Package helpers is the one table of BPF helper functions: for each helper
// id, its kernel name, its prototype (for the verifier) and its
// implementation (for the engine). The engine resolves helper calls through
// a Table when it lowers a program, so an unknown helper id is an error
// before anything runs.
//
// The prototypes are Linux 6.12's, fact for fact:
//
//   - Proto is a struct bpf_func_proto: ArgType and RetType are the
//     kernel's bpf_arg_type and bpf_return_type, a base kind in the low
//     byte and the kernel's type flags (at the kernel's bits) above it,
//     printed with the kernel's names.
//   - The Func constants are enum bpf_func_id (FuncMapLookupElem is 1);
//     Name gives the verifier log's name ("bpf_map_lookup_elem", or
//     "unknown" out of range, see InRange and MaxFuncID).
//   - Catalog is every helper of 6.12 with the prototype most program
//     types get; Default is the helpers callx implements, with exactly
//     the catalogue's prototypes.
//   - ProtoFor and Prog.Helper answer the verifier's first question about
//     a call, as the program type's get_func_proto does: which prototype,
//     if any, the program gets for the id (bpf_get_stackid, for one, has a
//     prototype per tracing program type). They model a privileged,
//     GPL-licensed loader on a kernel with every BPF option; see
//     progfuncs.go for the program types only approximated.
//   - MapCompatible is the verifier's check_map_func_compatibility, with
//     its message; ChangesPktData is bpf_helper_changes_pkt_data.
//
// The tests compare all of this with the kernel's sources when they are at
// hand ($CALLX_LINUX_SRC).
package helpers
