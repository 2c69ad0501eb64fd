package main

import (
	"fmt"
	"os"

	"github.com/callx/callx/asm"
)

func main() {
	src, _ := os.ReadFile(os.Args[1])
	p, err := asm.Assemble(src, os.Args[1])
	if err != nil {
		fmt.Println("ERR", err)
		return
	}
	fmt.Print(asm.Disassemble(p))
}
