// Package asm is callx's model of eBPF instructions and their texts.
//
// An Instruction is one 8-byte slot as the kernel sees it (a 64-bit
// immediate load takes two), a Program a slice of them; instruction indexes
// everywhere in callx count slots, like the kernel's. Decode reads raw
// bytecode and checks every instruction the way the kernel verifier's
// first passes do, with their messages ("unknown opcode 8e", "BPF_ALU uses
// reserved fields"), and normalises the legacy callx encoding (LLVM ≤ 18:
// the register in imm) to the current one (the register in dst).
//
// Assemble and Disassemble read and write LLVM's BPF syntax, the one
// llvm-mc, llvm-objdump, clang -S, the kernel's verifier log and its
// selftests use; they agree with llvm-mc-19 byte for byte.
// AssembleConformance reads the bpf_conformance suite's syntax.
package asm
