package loader_test

// This file implements the package's examples.

import (
	"fmt"
	"log"

	"github.com/callx/callx/loader"
)

// The seed's example: a tp_btf program that calls through a function
// pointer kept in .bss.
func Example() {
	obj, err := loader.Open("testdata/seed.bpf.o")
	if err != nil {
		log.Fatal(err)
	}
	for _, p := range obj.Programs {
		fmt.Printf("program %s: %s attached to %s, %d instructions\n", p.Name, p.Type, p.AttachTo, len(p.Insns))
	}
	for _, s := range obj.Slots {
		m := obj.Maps[s.Map]
		fmt.Printf("slot %s in %s+%d: %d parameter(s), initially %v\n", s.Name, m.Name, s.Offset, len(s.Proto.Params), s.Init)
	}
	fmt.Print(obj.Programs[0].Disassemble())
	// Output:
	// program trace_kfree_skb: tp_btf attached to kfree_skb, 8 instructions
	// slot func in .bss+0: 1 parameter(s), initially [-1]
	// 0000000000000000 <trace_kfree_skb>:
	// ; 	struct sk_buff *skb = ctx->skb;
	//        0:	r1 = *(u64 *)(r1 + 0)
	// ; 	fn f = *(volatile fn *)&func;
	//        1:	r2 = map_idx_value(0) ll <func>
	//        3:	r2 = *(u64 *)(r2 + 0)
	// ; 	if (f)
	//        4:	if r2 == 0 goto +1
	// ; 		f(skb);
	//        5:	callx r2
	// ; 	return 0;
	//        6:	w0 = 0
	//        7:	exit
}

// Errors name the file, the section and the offset in it.
func ExampleLoad_error() {
	_, err := loader.Open("testdata/err_static_prog.bpf.o")
	fmt.Println(err)
	// Output:
	// err_static_prog.bpf: section xdp+0x0: program "hidden_prog" is static: libbpf loads only global functions as programs
}
