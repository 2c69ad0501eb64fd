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
// Every problem in the input is an *Error naming the section and the byte
// offset in it; Load never panics, whatever the bytes (FuzzLoad holds this).
package loader
