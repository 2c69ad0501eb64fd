package helpers

import "testing"

func TestTypeStrings(t *testing.T) {
	for _, tt := range []struct {
		got, want string
	}{
		{ArgDontCare.String(), "ARG_DONTCARE"},
		{ArgPtrToDynptr.String(), "ARG_PTR_TO_DYNPTR"},
		{ArgKptrXchgDest.String(), "ARG_KPTR_XCHG_DEST"},
		{ArgPtrToMapValueOrNull.String(), "ARG_PTR_TO_MAP_VALUE|PTR_MAYBE_NULL"},
		{ArgPtrToUninitMem.String(), "ARG_PTR_TO_MEM|MEM_UNINIT|MEM_WRITE"},
		{(ArgPtrToFixedSizeMem | ArgAligned).String(), "ARG_PTR_TO_MEM|MEM_FIXED_SIZE|MEM_ALIGNED"},
		{(ArgPtrToDynptr | ArgDynptrXDP).String(), "ARG_PTR_TO_DYNPTR|DYNPTR_TYPE_XDP"},
		{ArgType(200).String(), "ARG_200"},
		{ArgType(1 << 30).String(), "ARG_DONTCARE|BIT(30)"},
		{RetVoid.String(), "RET_VOID"},
		{RetPtrToRingbufMemOrNull.String(), "RET_PTR_TO_MEM|PTR_MAYBE_NULL|MEM_RINGBUF"},
		{RetPtrToBTFIDTrusted.String(), "RET_PTR_TO_BTF_ID|PTR_TRUSTED"},
		{RetType(99).String(), "RET_99"},
	} {
		if tt.got != tt.want {
			t.Errorf("got %s, want %s", tt.got, tt.want)
		}
	}
}

func TestTypeMethods(t *testing.T) {
	a := ArgPtrToMem | ArgRdonly | ArgMaybeNull
	if a.Base() != ArgPtrToMem || a.Flags() != ArgRdonly|ArgMaybeNull || !a.MaybeNull() || !a.IsMem() || a.IsSize() {
		t.Errorf("%v: base %v flags %#x", a, a.Base(), uint32(a.Flags()))
	}
	if !ArgConstSizeOrZero.IsSize() || !ArgConstSize.IsSize() || ArgConstAllocSizeOrZero.IsSize() {
		t.Error("IsSize")
	}
	r := RetPtrToMapValueOrNull
	if r.Base() != RetPtrToMapValue || r.Flags() != RetMaybeNull || !r.MaybeNull() || RetInteger.MaybeNull() {
		t.Errorf("%v", r)
	}
	// The flags are the kernel's bits, so they carry over between
	// argument, result and register types.
	if uint32(ArgMaybeNull) != uint32(RetMaybeNull) || uint32(ArgWrite) != 1<<26 || uint32(RetTrusted) != 1<<20 {
		t.Error("flag bits")
	}
}

func TestProtoString(t *testing.T) {
	p := Proto{
		Kernel: "example", Ret: RetPtrToBTFIDOrNull, RetBTFName: "socket",
		Args:       args(ArgPtrToBTFID, ArgPtrToFixedSizeMem, ArgConstSize),
		ArgSize:    [5]int{1: 8},
		ArgBTFName: [5]string{0: "file"},
		GPLOnly:    true, PktAccess: true, MightSleep: true, Fastcall: true, Allowed: "check",
	}
	want := "RET_PTR_TO_BTF_ID|PTR_MAYBE_NULL<socket> (ARG_PTR_TO_BTF_ID<file>, ARG_PTR_TO_MEM|MEM_FIXED_SIZE[8], ARG_CONST_SIZE) gpl_only pkt_access might_sleep allow_fastcall allowed=check"
	if got := p.String(); got != want {
		t.Errorf("got  %s\nwant %s", got, want)
	}
	if p.NumArgs() != 3 || (&Proto{}).NumArgs() != 0 || (&Proto{Args: args(0, 0, 0, 0, ArgAnything)}).NumArgs() != 5 {
		t.Error("NumArgs")
	}
	h, _ := ProtoFor("xdp", FuncMapLookupElem)
	if got := h.String(); got != "bpf_map_lookup_elem#1 RET_PTR_TO_MAP_VALUE|PTR_MAYBE_NULL (ARG_CONST_MAP_PTR, ARG_PTR_TO_MAP_KEY) pkt_access" {
		t.Errorf("helper: %s", got)
	}
}
