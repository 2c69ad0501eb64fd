package asm_test

// This file implements the examples of Assemble and Disassemble.

import (
	"fmt"

	"github.com/callx/callx/asm"
)

func ExampleAssemble() {
	src := `
	r1 = 0x1122334455667788 ll  # two slots
	call square                 # a local call: src 1, imm relative
	if r0 s> 100 goto out
	r0 = 100
out:
	exit
square:
	r0 = r1
	r0 *= r1
	exit
`
	p, err := asm.Assemble([]byte(src), "example.s")
	if err != nil {
		fmt.Println(err)
		return
	}
	for i, ins := range p {
		var b [asm.InstructionSize]byte
		ins.Marshal(b[:])
		fmt.Printf("%d: % x\n", i, b)
	}
	// Output:
	// 0: 18 01 00 00 88 77 66 55
	// 1: 00 00 00 00 44 33 22 11
	// 2: 85 10 00 00 03 00 00 00
	// 3: 65 00 01 00 64 00 00 00
	// 4: b7 00 00 00 64 00 00 00
	// 5: 95 00 00 00 00 00 00 00
	// 6: bf 10 00 00 00 00 00 00
	// 7: 2f 10 00 00 00 00 00 00
	// 8: 95 00 00 00 00 00 00 00
}

func ExampleDisassemble() {
	p := asm.Program{
		{Op: 0xb7, Dst: asm.R0, Imm: -1},                         // r0 = -1
		{Op: 0x18, Dst: asm.R2, Src: asm.PseudoFunc, Imm: 2}, {}, // the function at slot 0+2+1
		{Op: 0x8d, Dst: asm.R2}, // callx r2
		{Op: 0x95},              // exit
		{Op: 0x61, Dst: asm.R0, Src: asm.R1, Off: -4}, // a 4-byte load
		{Op: 0x95},
	}
	fmt.Print(asm.Disassemble(p))
	// Output:
	// r0 = -1
	// r2 = func(pc+2) ll
	// callx r2
	// exit
	// w0 = *(u32 *)(r1 - 4)
	// exit
}

func ExampleAssemble_error() {
	_, err := asm.Assemble([]byte("r0 = 0\nr11 = 1\nexit\n"), "bad.s")
	fmt.Println(err)
	// Output:
	// bad.s:2: invalid register r11 (registers are r0 to r10)
}
