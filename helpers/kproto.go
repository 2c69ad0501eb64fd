package helpers

// This file implements the kernel's helper prototypes as values: each
// const struct bpf_func_proto of Linux 6.12 is a kernelProto, made once by
// kernel() in the protos_*.go files and registered in allProtos.

// kernelProto is one of the kernel's struct bpf_func_proto: the helper id
// it serves and its prototype. One id can have several (a program type
// gets one of them, see progfuncs.go).
type kernelProto struct {
	id    ID
	proto Proto
}

// allProtos are every kernelProto, in the order the protos_*.go files
// define them.
var allProtos []*kernelProto

// kernel makes and registers the prototype p of helper id.
func kernel(id ID, p Proto) *kernelProto {
	kp := &kernelProto{id: id, proto: p}
	allProtos = append(allProtos, kp)
	return kp
}
