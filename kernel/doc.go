// Package kernel is callx's oracle: it loads clang-compiled BPF objects into
// the running Linux kernel and runs their programs with BPF_PROG_TEST_RUN,
// so that tests can pin down what the real kernel does with a program and
// a packet, and benchmarks can set callx's interpreter beside the kernel's
// JIT on the same input.
//
// It talks to the kernel through github.com/cilium/ebpf (object loading,
// maps, ring buffers) and issues BPF_PROG_TEST_RUN itself, so that one run
// returns the return value, the packet out, the XDP metadata, the context
// out and the kernel's own time per run together.
//
// Everything here needs bpf() with the privileges to load XDP and tc
// programs (root, or CAP_BPF with CAP_NET_ADMIN). Tests call [Available]
// first and skip with its error when the kernel cannot be used:
//
//	if err := kernel.Available(); err != nil {
//		t.Skip(err)
//	}
//	c, err := kernel.Load("testdata/progs/firewall.bpf.o")
//	...
//	res, err := c.Run("xdp_firewall", packet, 1)
//
// The programs under testdata/progs and the captures under testdata/pcap
// are what this package's tests run; each test states what the kernel
// returns for which packets, and is the reference for callx's own engine.
package kernel

//go:generate go test -run TestPcapFiles -update .
