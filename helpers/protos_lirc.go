package helpers

// This file holds the helper prototypes (const struct bpf_func_proto) of
// drivers/media/rc/bpf-lirc.c in Linux 6.12: the infrared decoder helpers.

var (
	rcRepeatProto = kernel(FuncRCRepeat, Proto{
		Kernel:  "rc_repeat_proto",
		GPLOnly: true,
		Ret:     RetInteger,
		Args:    args(ArgPtrToCtx),
	})
	rcKeydownProto = kernel(FuncRCKeydown, Proto{
		Kernel:  "rc_keydown_proto",
		GPLOnly: true,
		Ret:     RetInteger,
		Args:    args(ArgPtrToCtx, ArgAnything, ArgAnything, ArgAnything),
	})
	rcPointerRelProto = kernel(FuncRCPointerRel, Proto{
		Kernel:  "rc_pointer_rel_proto",
		GPLOnly: true,
		Ret:     RetInteger,
		Args:    args(ArgPtrToCtx, ArgAnything, ArgAnything),
	})
)
