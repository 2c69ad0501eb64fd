package conformance_test

// This file implements the package example: read a case, run it, check it.

import (
	"fmt"

	"github.com/callx/callx/conformance"
	"github.com/callx/callx/vm"
)

func ExampleParse() {
	data := []byte(`
-- asm
ldxh %r0, [%r1+2]
exit
-- mem
aa bb 11 22
-- result
0x2211
`)
	c, err := conformance.Parse(data, "ldxh.data")
	if err != nil {
		fmt.Println(err)
		return
	}
	p, err := vm.Load(c.Program, vm.Options{})
	if err != nil {
		fmt.Println(err)
		return
	}
	ret, runErr := p.NewMachine().RunRaw(c.Mem)
	fmt.Printf("r0 = %#x, check: %v\n", ret, c.Check(ret, runErr))
	// Output:
	// r0 = 0x2211, check: <nil>
}
