package callx_test

import (
	"fmt"
	"log"

	"github.com/callx/callx"
	"github.com/callx/callx/vm"
)

// A program in LLVM's BPF syntax that calls through a function value.
func Example() {
	prog, err := callx.Parse([]byte(`
		r2 = double ll      // a function value: never a host address
		r1 = *(u8 *)(r1 + 0)
		callx r2
		exit
	double:
		r0 = r1
		r0 += r1
		exit
	`), "double.s")
	if err != nil {
		log.Fatal(err)
	}
	loaded, err := prog.Load(vm.Options{})
	if err != nil {
		log.Fatal(err)
	}
	res, err := callx.Run(loaded, callx.RunOptions{Input: []byte{21}})
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(res.Retval, res.Insns)
	// Output: 42 7
}
