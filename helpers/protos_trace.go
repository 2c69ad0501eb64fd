package helpers

// This file holds the helper prototypes (const struct bpf_func_proto) of
// kernel/trace/bpf_trace.c in Linux 6.12: the tracing helpers.

var (
	probeReadCompatProto = kernel(FuncProbeRead, Proto{
		Kernel:  "bpf_probe_read_compat_proto",
		GPLOnly: true,
		Ret:     RetInteger,
		Args:    args(ArgPtrToUninitMem, ArgConstSizeOrZero, ArgAnything),
	})
	tracePrintkProto = kernel(FuncTracePrintk, Proto{
		Kernel:  "bpf_trace_printk_proto",
		GPLOnly: true,
		Ret:     RetInteger,
		Args:    args(ArgPtrToMem|ArgRdonly, ArgConstSize),
	})
	perfEventReadProto = kernel(FuncPerfEventRead, Proto{
		Kernel:  "bpf_perf_event_read_proto",
		GPLOnly: true,
		Ret:     RetInteger,
		Args:    args(ArgConstMapPtr, ArgAnything),
	})
	perfEventOutputProto = kernel(FuncPerfEventOutput, Proto{
		Kernel:  "bpf_perf_event_output_proto",
		GPLOnly: true,
		Ret:     RetInteger,
		Args:    args(ArgPtrToCtx, ArgConstMapPtr, ArgAnything, ArgPtrToMem|ArgRdonly, ArgConstSizeOrZero),
	})
	perfEventOutputProtoRawTP = kernel(FuncPerfEventOutput, Proto{
		Kernel:  "bpf_perf_event_output_proto_raw_tp",
		GPLOnly: true,
		Ret:     RetInteger,
		Args:    args(ArgPtrToCtx, ArgConstMapPtr, ArgAnything, ArgPtrToMem|ArgRdonly, ArgConstSizeOrZero),
	})
	perfEventOutputProtoTP = kernel(FuncPerfEventOutput, Proto{
		Kernel:  "bpf_perf_event_output_proto_tp",
		GPLOnly: true,
		Ret:     RetInteger,
		Args:    args(ArgPtrToCtx, ArgConstMapPtr, ArgAnything, ArgPtrToMem|ArgRdonly, ArgConstSizeOrZero),
	})
	getStackidProtoRawTP = kernel(FuncGetStackid, Proto{
		Kernel:  "bpf_get_stackid_proto_raw_tp",
		GPLOnly: true,
		Ret:     RetInteger,
		Args:    args(ArgPtrToCtx, ArgConstMapPtr, ArgAnything),
	})
	getStackidProtoTP = kernel(FuncGetStackid, Proto{
		Kernel:  "bpf_get_stackid_proto_tp",
		GPLOnly: true,
		Ret:     RetInteger,
		Args:    args(ArgPtrToCtx, ArgConstMapPtr, ArgAnything),
	})
	getCurrentTaskProto = kernel(FuncGetCurrentTask, Proto{
		Kernel:  "bpf_get_current_task_proto",
		GPLOnly: true,
		Ret:     RetInteger,
	})
	probeWriteUserProto = kernel(FuncProbeWriteUser, Proto{
		Kernel:  "bpf_probe_write_user_proto",
		GPLOnly: true,
		Ret:     RetInteger,
		Args:    args(ArgAnything, ArgPtrToMem|ArgRdonly, ArgConstSize),
	})
	probeReadCompatStrProto = kernel(FuncProbeReadStr, Proto{
		Kernel:  "bpf_probe_read_compat_str_proto",
		GPLOnly: true,
		Ret:     RetInteger,
		Args:    args(ArgPtrToUninitMem, ArgConstSizeOrZero, ArgAnything),
	})
	perfEventReadValueProto = kernel(FuncPerfEventReadValue, Proto{
		Kernel:  "bpf_perf_event_read_value_proto",
		GPLOnly: true,
		Ret:     RetInteger,
		Args:    args(ArgConstMapPtr, ArgAnything, ArgPtrToUninitMem, ArgConstSize),
	})
	perfProgReadValueProto = kernel(FuncPerfProgReadValue, Proto{
		Kernel:  "bpf_perf_prog_read_value_proto",
		GPLOnly: true,
		Ret:     RetInteger,
		Args:    args(ArgPtrToCtx, ArgPtrToUninitMem, ArgConstSize),
	})
	overrideReturnProto = kernel(FuncOverrideReturn, Proto{
		Kernel:  "bpf_override_return_proto",
		GPLOnly: true,
		Ret:     RetInteger,
		Args:    args(ArgPtrToCtx, ArgAnything),
	})
	getStackProtoRawTP = kernel(FuncGetStack, Proto{
		Kernel:  "bpf_get_stack_proto_raw_tp",
		GPLOnly: true,
		Ret:     RetInteger,
		Args:    args(ArgPtrToCtx, ArgPtrToMem|ArgRdonly, ArgConstSizeOrZero, ArgAnything),
	})
	getStackProtoTP = kernel(FuncGetStack, Proto{
		Kernel:  "bpf_get_stack_proto_tp",
		GPLOnly: true,
		Ret:     RetInteger,
		Args:    args(ArgPtrToCtx, ArgPtrToUninitMem, ArgConstSizeOrZero, ArgAnything),
	})
	sendSignalProto = kernel(FuncSendSignal, Proto{
		Kernel: "bpf_send_signal_proto",
		Ret:    RetInteger,
		Args:   args(ArgAnything),
	})
	probeReadUserProto = kernel(FuncProbeReadUser, Proto{
		Kernel:  "bpf_probe_read_user_proto",
		GPLOnly: true,
		Ret:     RetInteger,
		Args:    args(ArgPtrToUninitMem, ArgConstSizeOrZero, ArgAnything),
	})
	probeReadKernelProto = kernel(FuncProbeReadKernel, Proto{
		Kernel:  "bpf_probe_read_kernel_proto",
		GPLOnly: true,
		Ret:     RetInteger,
		Args:    args(ArgPtrToUninitMem, ArgConstSizeOrZero, ArgAnything),
	})
	probeReadUserStrProto = kernel(FuncProbeReadUserStr, Proto{
		Kernel:  "bpf_probe_read_user_str_proto",
		GPLOnly: true,
		Ret:     RetInteger,
		Args:    args(ArgPtrToUninitMem, ArgConstSizeOrZero, ArgAnything),
	})
	probeReadKernelStrProto = kernel(FuncProbeReadKernelStr, Proto{
		Kernel:  "bpf_probe_read_kernel_str_proto",
		GPLOnly: true,
		Ret:     RetInteger,
		Args:    args(ArgPtrToUninitMem, ArgConstSizeOrZero, ArgAnything),
	})
	sendSignalThreadProto = kernel(FuncSendSignalThread, Proto{
		Kernel: "bpf_send_signal_thread_proto",
		Ret:    RetInteger,
		Args:   args(ArgAnything),
	})
	readBranchRecordsProto = kernel(FuncReadBranchRecords, Proto{
		Kernel:  "bpf_read_branch_records_proto",
		GPLOnly: true,
		Ret:     RetInteger,
		Args:    args(ArgPtrToCtx, ArgPtrToMemOrNull, ArgConstSizeOrZero, ArgAnything),
	})
	seqPrintfProto = kernel(FuncSeqPrintf, Proto{
		Kernel:     "bpf_seq_printf_proto",
		GPLOnly:    true,
		Ret:        RetInteger,
		Args:       args(ArgPtrToBTFID, ArgPtrToMem|ArgRdonly, ArgConstSize, ArgPtrToMem|ArgMaybeNull|ArgRdonly, ArgConstSizeOrZero),
		ArgBTFName: [5]string{0: "seq_file"},
	})
	seqWriteProto = kernel(FuncSeqWrite, Proto{
		Kernel:     "bpf_seq_write_proto",
		GPLOnly:    true,
		Ret:        RetInteger,
		Args:       args(ArgPtrToBTFID, ArgPtrToMem|ArgRdonly, ArgConstSizeOrZero),
		ArgBTFName: [5]string{0: "seq_file"},
	})
	dPathProto = kernel(FuncDPath, Proto{
		Kernel:     "bpf_d_path_proto",
		Ret:        RetInteger,
		Args:       args(ArgPtrToBTFID, ArgPtrToMem, ArgConstSizeOrZero),
		ArgBTFName: [5]string{0: "path"},
		Allowed:    "bpf_d_path_allowed",
	})
	snprintfBTFProto = kernel(FuncSnprintfBTF, Proto{
		Kernel: "bpf_snprintf_btf_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToMem, ArgConstSize, ArgPtrToMem|ArgRdonly, ArgConstSize, ArgAnything),
	})
	seqPrintfBTFProto = kernel(FuncSeqPrintfBTF, Proto{
		Kernel:     "bpf_seq_printf_btf_proto",
		GPLOnly:    true,
		Ret:        RetInteger,
		Args:       args(ArgPtrToBTFID, ArgPtrToMem|ArgRdonly, ArgConstSizeOrZero, ArgAnything),
		ArgBTFName: [5]string{0: "seq_file"},
	})
	getCurrentTaskBTFProto = kernel(FuncGetCurrentTaskBTF, Proto{
		Kernel:     "bpf_get_current_task_btf_proto",
		GPLOnly:    true,
		Ret:        RetPtrToBTFIDTrusted,
		RetBTFName: "task_struct",
	})
	getFuncIPProtoKprobe = kernel(FuncGetFuncIP, Proto{
		Kernel:  "bpf_get_func_ip_proto_kprobe",
		GPLOnly: true,
		Ret:     RetInteger,
		Args:    args(ArgPtrToCtx),
	})
	getFuncIPProtoKprobeMulti = kernel(FuncGetFuncIP, Proto{
		Kernel: "bpf_get_func_ip_proto_kprobe_multi",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx),
	})
	getFuncIPProtoTracing = kernel(FuncGetFuncIP, Proto{
		Kernel:  "bpf_get_func_ip_proto_tracing",
		GPLOnly: true,
		Ret:     RetInteger,
		Args:    args(ArgPtrToCtx),
	})
	getFuncIPProtoUprobeMulti = kernel(FuncGetFuncIP, Proto{
		Kernel: "bpf_get_func_ip_proto_uprobe_multi",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx),
	})
	getAttachCookieProtoKMulti = kernel(FuncGetAttachCookie, Proto{
		Kernel: "bpf_get_attach_cookie_proto_kmulti",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx),
	})
	getAttachCookieProtoPE = kernel(FuncGetAttachCookie, Proto{
		Kernel: "bpf_get_attach_cookie_proto_pe",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx),
	})
	getAttachCookieProtoTrace = kernel(FuncGetAttachCookie, Proto{
		Kernel: "bpf_get_attach_cookie_proto_trace",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx),
	})
	getAttachCookieProtoTracing = kernel(FuncGetAttachCookie, Proto{
		Kernel: "bpf_get_attach_cookie_proto_tracing",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx),
	})
	getAttachCookieProtoUMulti = kernel(FuncGetAttachCookie, Proto{
		Kernel: "bpf_get_attach_cookie_proto_umulti",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx),
	})
	taskPtRegsProto = kernel(FuncTaskPtRegs, Proto{
		Kernel:     "bpf_task_pt_regs_proto",
		GPLOnly:    true,
		Ret:        RetPtrToBTFID,
		RetBTFName: "pt_regs",
		Args:       args(ArgPtrToBTFID),
		ArgBTFName: [5]string{0: "task_struct"},
	})
	getBranchSnapshotProto = kernel(FuncGetBranchSnapshot, Proto{
		Kernel:  "bpf_get_branch_snapshot_proto",
		GPLOnly: true,
		Ret:     RetInteger,
		Args:    args(ArgPtrToUninitMem, ArgConstSizeOrZero),
	})
	traceVprintkProto = kernel(FuncTraceVprintk, Proto{
		Kernel:  "bpf_trace_vprintk_proto",
		GPLOnly: true,
		Ret:     RetInteger,
		Args:    args(ArgPtrToMem|ArgRdonly, ArgConstSize, ArgPtrToMem|ArgMaybeNull|ArgRdonly, ArgConstSizeOrZero),
	})
	getFuncArgProto = kernel(FuncGetFuncArg, Proto{
		Kernel:  "bpf_get_func_arg_proto",
		Ret:     RetInteger,
		Args:    args(ArgPtrToCtx, ArgAnything, ArgPtrToFixedSizeMem|ArgUninit|ArgWrite|ArgAligned),
		ArgSize: [5]int{2: 8},
	})
	getFuncRetProto = kernel(FuncGetFuncRet, Proto{
		Kernel:  "bpf_get_func_ret_proto",
		Ret:     RetInteger,
		Args:    args(ArgPtrToCtx, ArgPtrToFixedSizeMem|ArgUninit|ArgWrite|ArgAligned),
		ArgSize: [5]int{1: 8},
	})
	getFuncArgCntProto = kernel(FuncGetFuncArgCnt, Proto{
		Kernel: "bpf_get_func_arg_cnt_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx),
	})
)
