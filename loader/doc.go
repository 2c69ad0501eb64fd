// Package loader reads the ELF objects clang produces for BPF (clang
// -target bpf) into an Object: programs linked with the subprograms they
// need, maps (BTF-defined, legacy and global data), every function, the
// function pointers in data and the open-world function-pointer slots of
// INDIRECT-CALLS.md, with BTF and the func_info/line_info of .BTF.ext.
//
// It reads the ELF itself (debug/elf) and uses cilium/ebpf's btf package
// only for BTF: the ELF loader of cilium/ebpf drops function pointers in
// data and resolves `ld_imm64 &global_func` through the instruction's addend
// instead of the symbol, and both matter here.
//
// Section names follow libbpf's conventions (SEC("xdp"), "tc", "tp_btf/NAME",
// ...); programs are named by their function symbols, as libbpf names them.
// Linked instructions use the kernel's pseudo sources with indexes, so that
// they do not depend on file descriptors:
//
//   - a BPF-to-BPF call is `call pc+N` (src_reg 1), N relative to the next slot;
//   - the address of a function is ld_imm64 with src_reg PseudoFunc and a
//     pc-relative imm, like a call;
//   - a map is ld_imm64 with src_reg PseudoMapIdx, imm the index in Object.Maps;
//   - global data is ld_imm64 with src_reg PseudoMapIdxValue, imm the map
//     index and the second slot's imm the offset in the map value.
//
// A program's instructions hold its entry function first, then, in the
// order they are first needed, the functions it calls, those whose address
// it takes (callbacks), and those whose addresses are in the global data it
// loads: the entries of read-only function tables (.rodata: the closed
// world, each entry verified as a direct call) and the initial values of
// open-world slots (their first fills, from the same object). LinkFunc
// links any function alone, as a callee filling a slot is verified.
//
// Where libbpf decides, the loader decides the same: section names and
// program types, programs only from global functions, hidden global
// functions verified as static, legacy map definitions with zeros beyond
// struct bpf_map_def, .values initialisers only for prog arrays and maps of
// maps. Pointers to data in data (a char * initialised to a string) are
// left as the bytes the compiler wrote, as libbpf leaves them; pointers to
// functions are FuncPointers, and a function-pointer slot whose bytes hold
// anything but a relocated function or NULL is refused.
//
// Every problem in the input is an *Error naming the section and the byte
// offset in it; Load never panics, whatever the bytes (FuzzLoad holds this).
package loader
