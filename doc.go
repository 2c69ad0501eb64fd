// Package callx is a userspace eBPF platform built around verified
// indirect calls (callx) through BTF-typed function pointers.
//
// This package is the public API that ties the stages together: Open reads
// a program (LLVM assembly, a bpf_conformance file or raw bytecode), Load
// lowers it for the engine, and Run executes it on an input and times it.
// The stages themselves live in their own packages: asm (instructions,
// assembler, disassembler), vm (the engine), helpers (the helper table),
// conformance (the bpf_conformance data format).
package callx
