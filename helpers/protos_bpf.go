package helpers

// This file holds the helper prototypes (const struct bpf_func_proto) of
// kernel/bpf/*.c in Linux 6.12: the base helpers, maps, ring buffers,
// timers, dynptrs, and the cgroup, LSM and syscall helpers.

var (
	mapLookupElemProto = kernel(FuncMapLookupElem, Proto{
		Kernel:    "bpf_map_lookup_elem_proto",
		PktAccess: true,
		Ret:       RetPtrToMapValueOrNull,
		Args:      args(ArgConstMapPtr, ArgPtrToMapKey),
	})
	mapUpdateElemProto = kernel(FuncMapUpdateElem, Proto{
		Kernel:    "bpf_map_update_elem_proto",
		PktAccess: true,
		Ret:       RetInteger,
		Args:      args(ArgConstMapPtr, ArgPtrToMapKey, ArgPtrToMapValue, ArgAnything),
	})
	mapDeleteElemProto = kernel(FuncMapDeleteElem, Proto{
		Kernel:    "bpf_map_delete_elem_proto",
		PktAccess: true,
		Ret:       RetInteger,
		Args:      args(ArgConstMapPtr, ArgPtrToMapKey),
	})
	ktimeGetNsProto = kernel(FuncKtimeGetNs, Proto{
		Kernel: "bpf_ktime_get_ns_proto",
		Ret:    RetInteger,
	})
	getPrandomU32Proto = kernel(FuncGetPrandomU32, Proto{
		Kernel: "bpf_get_prandom_u32_proto",
		Ret:    RetInteger,
	})
	getRawSMPProcessorIDProto = kernel(FuncGetSMPProcessorID, Proto{
		Kernel: "bpf_get_raw_smp_processor_id_proto",
		Ret:    RetInteger,
	})
	getSMPProcessorIDProto = kernel(FuncGetSMPProcessorID, Proto{
		Kernel:   "bpf_get_smp_processor_id_proto",
		Fastcall: true,
		Ret:      RetInteger,
	})
	tailCallProto = kernel(FuncTailCall, Proto{
		Kernel: "bpf_tail_call_proto",
		Ret:    RetVoid,
		Args:   args(ArgPtrToCtx, ArgConstMapPtr, ArgAnything),
	})
	getCurrentPIDTGIDProto = kernel(FuncGetCurrentPIDTGID, Proto{
		Kernel: "bpf_get_current_pid_tgid_proto",
		Ret:    RetInteger,
	})
	getCurrentUIDGIDProto = kernel(FuncGetCurrentUIDGID, Proto{
		Kernel: "bpf_get_current_uid_gid_proto",
		Ret:    RetInteger,
	})
	getCurrentCommProto = kernel(FuncGetCurrentComm, Proto{
		Kernel: "bpf_get_current_comm_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToUninitMem, ArgConstSize),
	})
	eventOutputDataProto = kernel(FuncPerfEventOutput, Proto{
		Kernel:  "bpf_event_output_data_proto",
		GPLOnly: true,
		Ret:     RetInteger,
		Args:    args(ArgPtrToCtx, ArgConstMapPtr, ArgAnything, ArgPtrToMem|ArgRdonly, ArgConstSizeOrZero),
	})
	getStackidProto = kernel(FuncGetStackid, Proto{
		Kernel:  "bpf_get_stackid_proto",
		GPLOnly: true,
		Ret:     RetInteger,
		Args:    args(ArgPtrToCtx, ArgConstMapPtr, ArgAnything),
	})
	getStackidProtoPE = kernel(FuncGetStackid, Proto{
		Kernel: "bpf_get_stackid_proto_pe",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgConstMapPtr, ArgAnything),
	})
	currentTaskUnderCgroupProto = kernel(FuncCurrentTaskUnderCgroup, Proto{
		Kernel: "bpf_current_task_under_cgroup_proto",
		Ret:    RetInteger,
		Args:   args(ArgConstMapPtr, ArgAnything),
	})
	getNUMANodeIDProto = kernel(FuncGetNUMANodeID, Proto{
		Kernel: "bpf_get_numa_node_id_proto",
		Ret:    RetInteger,
	})
	getStackProto = kernel(FuncGetStack, Proto{
		Kernel:  "bpf_get_stack_proto",
		GPLOnly: true,
		Ret:     RetInteger,
		Args:    args(ArgPtrToCtx, ArgPtrToUninitMem, ArgConstSizeOrZero, ArgAnything),
	})
	getStackProtoPE = kernel(FuncGetStack, Proto{
		Kernel:  "bpf_get_stack_proto_pe",
		GPLOnly: true,
		Ret:     RetInteger,
		Args:    args(ArgPtrToCtx, ArgPtrToUninitMem, ArgConstSizeOrZero, ArgAnything),
	})
	getStackSleepableProto = kernel(FuncGetStack, Proto{
		Kernel:     "bpf_get_stack_sleepable_proto",
		GPLOnly:    true,
		MightSleep: true,
		Ret:        RetInteger,
		Args:       args(ArgPtrToCtx, ArgPtrToUninitMem, ArgConstSizeOrZero, ArgAnything),
	})
	getCurrentCgroupIDProto = kernel(FuncGetCurrentCgroupID, Proto{
		Kernel: "bpf_get_current_cgroup_id_proto",
		Ret:    RetInteger,
	})
	getLocalStorageProto = kernel(FuncGetLocalStorage, Proto{
		Kernel: "bpf_get_local_storage_proto",
		Ret:    RetPtrToMapValue,
		Args:   args(ArgConstMapPtr, ArgAnything),
	})
	mapPushElemProto = kernel(FuncMapPushElem, Proto{
		Kernel:    "bpf_map_push_elem_proto",
		PktAccess: true,
		Ret:       RetInteger,
		Args:      args(ArgConstMapPtr, ArgPtrToMapValue, ArgAnything),
	})
	mapPopElemProto = kernel(FuncMapPopElem, Proto{
		Kernel: "bpf_map_pop_elem_proto",
		Ret:    RetInteger,
		Args:   args(ArgConstMapPtr, ArgPtrToMapValue|ArgUninit|ArgWrite),
	})
	mapPeekElemProto = kernel(FuncMapPeekElem, Proto{
		Kernel: "bpf_map_peek_elem_proto",
		Ret:    RetInteger,
		Args:   args(ArgConstMapPtr, ArgPtrToMapValue|ArgUninit|ArgWrite),
	})
	spinLockProto = kernel(FuncSpinLock, Proto{
		Kernel:     "bpf_spin_lock_proto",
		Ret:        RetVoid,
		Args:       args(ArgPtrToSpinLock),
		ArgBTFName: [5]string{0: BTFPoison},
	})
	spinUnlockProto = kernel(FuncSpinUnlock, Proto{
		Kernel:     "bpf_spin_unlock_proto",
		Ret:        RetVoid,
		Args:       args(ArgPtrToSpinLock),
		ArgBTFName: [5]string{0: BTFPoison},
	})
	sysctlGetNameProto = kernel(FuncSysctlGetName, Proto{
		Kernel: "bpf_sysctl_get_name_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgPtrToMem, ArgConstSize, ArgAnything),
	})
	sysctlGetCurrentValueProto = kernel(FuncSysctlGetCurrentValue, Proto{
		Kernel: "bpf_sysctl_get_current_value_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgPtrToUninitMem, ArgConstSize),
	})
	sysctlGetNewValueProto = kernel(FuncSysctlGetNewValue, Proto{
		Kernel: "bpf_sysctl_get_new_value_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgPtrToUninitMem, ArgConstSize),
	})
	sysctlSetNewValueProto = kernel(FuncSysctlSetNewValue, Proto{
		Kernel: "bpf_sysctl_set_new_value_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx, ArgPtrToMem|ArgRdonly, ArgConstSize),
	})
	strtolProto = kernel(FuncStrtol, Proto{
		Kernel:  "bpf_strtol_proto",
		Ret:     RetInteger,
		Args:    args(ArgPtrToMem|ArgRdonly, ArgConstSize, ArgAnything, ArgPtrToFixedSizeMem|ArgUninit|ArgWrite|ArgAligned),
		ArgSize: [5]int{3: 8},
	})
	strtoulProto = kernel(FuncStrtoul, Proto{
		Kernel:  "bpf_strtoul_proto",
		Ret:     RetInteger,
		Args:    args(ArgPtrToMem|ArgRdonly, ArgConstSize, ArgAnything, ArgPtrToFixedSizeMem|ArgUninit|ArgWrite|ArgAligned),
		ArgSize: [5]int{3: 8},
	})
	jiffies64Proto = kernel(FuncJiffies64, Proto{
		Kernel: "bpf_jiffies64_proto",
		Ret:    RetInteger,
	})
	getNsCurrentPIDTGIDProto = kernel(FuncGetNsCurrentPIDTGID, Proto{
		Kernel: "bpf_get_ns_current_pid_tgid_proto",
		Ret:    RetInteger,
		Args:   args(ArgAnything, ArgAnything, ArgPtrToUninitMem, ArgConstSize),
	})
	getNetnsCookieSockoptProto = kernel(FuncGetNetnsCookie, Proto{
		Kernel: "bpf_get_netns_cookie_sockopt_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtxOrNull),
	})
	getCurrentAncestorCgroupIDProto = kernel(FuncGetCurrentAncestorCgroupID, Proto{
		Kernel: "bpf_get_current_ancestor_cgroup_id_proto",
		Ret:    RetInteger,
		Args:   args(ArgAnything),
	})
	ktimeGetBootNsProto = kernel(FuncKtimeGetBootNs, Proto{
		Kernel: "bpf_ktime_get_boot_ns_proto",
		Ret:    RetInteger,
	})
	ringbufOutputProto = kernel(FuncRingbufOutput, Proto{
		Kernel: "bpf_ringbuf_output_proto",
		Ret:    RetInteger,
		Args:   args(ArgConstMapPtr, ArgPtrToMem|ArgRdonly, ArgConstSizeOrZero, ArgAnything),
	})
	ringbufReserveProto = kernel(FuncRingbufReserve, Proto{
		Kernel: "bpf_ringbuf_reserve_proto",
		Ret:    RetPtrToRingbufMemOrNull,
		Args:   args(ArgConstMapPtr, ArgConstAllocSizeOrZero, ArgAnything),
	})
	ringbufSubmitProto = kernel(FuncRingbufSubmit, Proto{
		Kernel: "bpf_ringbuf_submit_proto",
		Ret:    RetVoid,
		Args:   args(ArgPtrToRingbufMem|ArgRelease, ArgAnything),
	})
	ringbufDiscardProto = kernel(FuncRingbufDiscard, Proto{
		Kernel: "bpf_ringbuf_discard_proto",
		Ret:    RetVoid,
		Args:   args(ArgPtrToRingbufMem|ArgRelease, ArgAnything),
	})
	ringbufQueryProto = kernel(FuncRingbufQuery, Proto{
		Kernel: "bpf_ringbuf_query_proto",
		Ret:    RetInteger,
		Args:   args(ArgConstMapPtr, ArgAnything),
	})
	getTaskStackProto = kernel(FuncGetTaskStack, Proto{
		Kernel:     "bpf_get_task_stack_proto",
		Ret:        RetInteger,
		Args:       args(ArgPtrToBTFID, ArgPtrToUninitMem, ArgConstSizeOrZero, ArgAnything),
		ArgBTFName: [5]string{0: "task_struct"},
	})
	getTaskStackSleepableProto = kernel(FuncGetTaskStack, Proto{
		Kernel:     "bpf_get_task_stack_sleepable_proto",
		MightSleep: true,
		Ret:        RetInteger,
		Args:       args(ArgPtrToBTFID, ArgPtrToUninitMem, ArgConstSizeOrZero, ArgAnything),
		ArgBTFName: [5]string{0: "task_struct"},
	})
	inodeStorageGetProto = kernel(FuncInodeStorageGet, Proto{
		Kernel:     "bpf_inode_storage_get_proto",
		Ret:        RetPtrToMapValueOrNull,
		Args:       args(ArgConstMapPtr, ArgPtrToBTFIDOrNull, ArgPtrToMapValueOrNull, ArgAnything),
		ArgBTFName: [5]string{1: "inode"},
	})
	inodeStorageDeleteProto = kernel(FuncInodeStorageDelete, Proto{
		Kernel:     "bpf_inode_storage_delete_proto",
		Ret:        RetInteger,
		Args:       args(ArgConstMapPtr, ArgPtrToBTFIDOrNull),
		ArgBTFName: [5]string{1: "inode"},
	})
	copyFromUserProto = kernel(FuncCopyFromUser, Proto{
		Kernel:     "bpf_copy_from_user_proto",
		MightSleep: true,
		Ret:        RetInteger,
		Args:       args(ArgPtrToUninitMem, ArgConstSizeOrZero, ArgAnything),
	})
	perCPUPtrProto = kernel(FuncPerCPUPtr, Proto{
		Kernel: "bpf_per_cpu_ptr_proto",
		Ret:    RetPtrToMemOrBTFID | RetMaybeNull | RetRdonly,
		Args:   args(ArgPtrToPercpuBTFID, ArgAnything),
	})
	thisCPUPtrProto = kernel(FuncThisCPUPtr, Proto{
		Kernel: "bpf_this_cpu_ptr_proto",
		Ret:    RetPtrToMemOrBTFID | RetRdonly,
		Args:   args(ArgPtrToPercpuBTFID),
	})
	taskStorageGetProto = kernel(FuncTaskStorageGet, Proto{
		Kernel:     "bpf_task_storage_get_proto",
		Ret:        RetPtrToMapValueOrNull,
		Args:       args(ArgConstMapPtr, ArgPtrToBTFIDOrNull, ArgPtrToMapValueOrNull, ArgAnything),
		ArgBTFName: [5]string{1: "task_struct"},
	})
	taskStorageGetRecurProto = kernel(FuncTaskStorageGet, Proto{
		Kernel:     "bpf_task_storage_get_recur_proto",
		Ret:        RetPtrToMapValueOrNull,
		Args:       args(ArgConstMapPtr, ArgPtrToBTFIDOrNull, ArgPtrToMapValueOrNull, ArgAnything),
		ArgBTFName: [5]string{1: "task_struct"},
	})
	taskStorageDeleteProto = kernel(FuncTaskStorageDelete, Proto{
		Kernel:     "bpf_task_storage_delete_proto",
		Ret:        RetInteger,
		Args:       args(ArgConstMapPtr, ArgPtrToBTFIDOrNull),
		ArgBTFName: [5]string{1: "task_struct"},
	})
	taskStorageDeleteRecurProto = kernel(FuncTaskStorageDelete, Proto{
		Kernel:     "bpf_task_storage_delete_recur_proto",
		Ret:        RetInteger,
		Args:       args(ArgConstMapPtr, ArgPtrToBTFIDOrNull),
		ArgBTFName: [5]string{1: "task_struct"},
	})
	bprmOptsSetProto = kernel(FuncBprmOptsSet, Proto{
		Kernel:     "bpf_bprm_opts_set_proto",
		Ret:        RetInteger,
		Args:       args(ArgPtrToBTFID, ArgAnything),
		ArgBTFName: [5]string{0: "linux_binprm"},
	})
	ktimeGetCoarseNsProto = kernel(FuncKtimeGetCoarseNs, Proto{
		Kernel: "bpf_ktime_get_coarse_ns_proto",
		Ret:    RetInteger,
	})
	imaInodeHashProto = kernel(FuncIMAInodeHash, Proto{
		Kernel:     "bpf_ima_inode_hash_proto",
		MightSleep: true,
		Ret:        RetInteger,
		Args:       args(ArgPtrToBTFID, ArgPtrToUninitMem, ArgConstSize),
		ArgBTFName: [5]string{0: "inode"},
		Allowed:    "bpf_ima_inode_hash_allowed",
	})
	forEachMapElemProto = kernel(FuncForEachMapElem, Proto{
		Kernel: "bpf_for_each_map_elem_proto",
		Ret:    RetInteger,
		Args:   args(ArgConstMapPtr, ArgPtrToFunc, ArgPtrToStackOrNull, ArgAnything),
	})
	snprintfProto = kernel(FuncSnprintf, Proto{
		Kernel:  "bpf_snprintf_proto",
		GPLOnly: true,
		Ret:     RetInteger,
		Args:    args(ArgPtrToMemOrNull, ArgConstSizeOrZero, ArgPtrToConstStr, ArgPtrToMem|ArgMaybeNull|ArgRdonly, ArgConstSizeOrZero),
	})
	sysBPFProto = kernel(FuncSysBPF, Proto{
		Kernel:     "bpf_sys_bpf_proto",
		MightSleep: true,
		Ret:        RetInteger,
		Args:       args(ArgAnything, ArgPtrToMem|ArgRdonly, ArgConstSize),
	})
	btfFindByNameKindProto = kernel(FuncBTFFindByNameKind, Proto{
		Kernel:     "bpf_btf_find_by_name_kind_proto",
		MightSleep: true,
		Ret:        RetInteger,
		Args:       args(ArgPtrToMem|ArgRdonly, ArgConstSize, ArgAnything, ArgAnything),
	})
	sysCloseProto = kernel(FuncSysClose, Proto{
		Kernel:     "bpf_sys_close_proto",
		MightSleep: true,
		Ret:        RetInteger,
		Args:       args(ArgAnything),
	})
	timerInitProto = kernel(FuncTimerInit, Proto{
		Kernel:  "bpf_timer_init_proto",
		GPLOnly: true,
		Ret:     RetInteger,
		Args:    args(ArgPtrToTimer, ArgConstMapPtr, ArgAnything),
	})
	timerSetCallbackProto = kernel(FuncTimerSetCallback, Proto{
		Kernel:  "bpf_timer_set_callback_proto",
		GPLOnly: true,
		Ret:     RetInteger,
		Args:    args(ArgPtrToTimer, ArgPtrToFunc),
	})
	timerStartProto = kernel(FuncTimerStart, Proto{
		Kernel:  "bpf_timer_start_proto",
		GPLOnly: true,
		Ret:     RetInteger,
		Args:    args(ArgPtrToTimer, ArgAnything, ArgAnything),
	})
	timerCancelProto = kernel(FuncTimerCancel, Proto{
		Kernel:  "bpf_timer_cancel_proto",
		GPLOnly: true,
		Ret:     RetInteger,
		Args:    args(ArgPtrToTimer),
	})
	getAttachCookieProto = kernel(FuncGetAttachCookie, Proto{
		Kernel: "bpf_get_attach_cookie_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToCtx),
	})
	kallsymsLookupNameProto = kernel(FuncKallsymsLookupName, Proto{
		Kernel:  "bpf_kallsyms_lookup_name_proto",
		Ret:     RetInteger,
		Args:    args(ArgPtrToMem, ArgConstSizeOrZero, ArgAnything, ArgPtrToFixedSizeMem|ArgUninit|ArgWrite|ArgAligned),
		ArgSize: [5]int{3: 8},
	})
	findVMAProto = kernel(FuncFindVMA, Proto{
		Kernel:     "bpf_find_vma_proto",
		Ret:        RetInteger,
		Args:       args(ArgPtrToBTFID, ArgAnything, ArgPtrToFunc, ArgPtrToStackOrNull, ArgAnything),
		ArgBTFName: [5]string{0: "task_struct"},
	})
	loopProto = kernel(FuncLoop, Proto{
		Kernel: "bpf_loop_proto",
		Ret:    RetInteger,
		Args:   args(ArgScalar, ArgPtrToFunc, ArgPtrToStackOrNull, ArgAnything),
	})
	strncmpProto = kernel(FuncStrncmp, Proto{
		Kernel: "bpf_strncmp_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToMem|ArgRdonly, ArgConstSize, ArgPtrToConstStr),
	})
	getRetvalProto = kernel(FuncGetRetval, Proto{
		Kernel: "bpf_get_retval_proto",
		Ret:    RetInteger,
	})
	setRetvalProto = kernel(FuncSetRetval, Proto{
		Kernel: "bpf_set_retval_proto",
		Ret:    RetInteger,
		Args:   args(ArgAnything),
	})
	copyFromUserTaskProto = kernel(FuncCopyFromUserTask, Proto{
		Kernel:     "bpf_copy_from_user_task_proto",
		GPLOnly:    true,
		MightSleep: true,
		Ret:        RetInteger,
		Args:       args(ArgPtrToUninitMem, ArgConstSizeOrZero, ArgAnything, ArgPtrToBTFID, ArgAnything),
		ArgBTFName: [5]string{3: "task_struct"},
	})
	imaFileHashProto = kernel(FuncIMAFileHash, Proto{
		Kernel:     "bpf_ima_file_hash_proto",
		MightSleep: true,
		Ret:        RetInteger,
		Args:       args(ArgPtrToBTFID, ArgPtrToUninitMem, ArgConstSize),
		ArgBTFName: [5]string{0: "file"},
		Allowed:    "bpf_ima_inode_hash_allowed",
	})
	kptrXchgProto = kernel(FuncKptrXchg, Proto{
		Kernel:     "bpf_kptr_xchg_proto",
		Ret:        RetPtrToBTFIDOrNull,
		RetBTFName: BTFPoison,
		Args:       args(ArgKptrXchgDest, ArgPtrToBTFIDOrNull|ArgRelease),
		ArgBTFName: [5]string{1: BTFPoison},
	})
	mapLookupPercpuElemProto = kernel(FuncMapLookupPercpuElem, Proto{
		Kernel:    "bpf_map_lookup_percpu_elem_proto",
		PktAccess: true,
		Ret:       RetPtrToMapValueOrNull,
		Args:      args(ArgConstMapPtr, ArgPtrToMapKey, ArgAnything),
	})
	dynptrFromMemProto = kernel(FuncDynptrFromMem, Proto{
		Kernel: "bpf_dynptr_from_mem_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToUninitMem, ArgConstSizeOrZero, ArgAnything, ArgPtrToDynptr|ArgDynptrLocal|ArgUninit|ArgWrite),
	})
	ringbufReserveDynptrProto = kernel(FuncRingbufReserveDynptr, Proto{
		Kernel: "bpf_ringbuf_reserve_dynptr_proto",
		Ret:    RetInteger,
		Args:   args(ArgConstMapPtr, ArgAnything, ArgAnything, ArgPtrToDynptr|ArgDynptrRingbuf|ArgUninit|ArgWrite),
	})
	ringbufSubmitDynptrProto = kernel(FuncRingbufSubmitDynptr, Proto{
		Kernel: "bpf_ringbuf_submit_dynptr_proto",
		Ret:    RetVoid,
		Args:   args(ArgPtrToDynptr|ArgDynptrRingbuf|ArgRelease, ArgAnything),
	})
	ringbufDiscardDynptrProto = kernel(FuncRingbufDiscardDynptr, Proto{
		Kernel: "bpf_ringbuf_discard_dynptr_proto",
		Ret:    RetVoid,
		Args:   args(ArgPtrToDynptr|ArgDynptrRingbuf|ArgRelease, ArgAnything),
	})
	dynptrReadProto = kernel(FuncDynptrRead, Proto{
		Kernel: "bpf_dynptr_read_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToUninitMem, ArgConstSizeOrZero, ArgPtrToDynptr|ArgRdonly, ArgAnything, ArgAnything),
	})
	dynptrWriteProto = kernel(FuncDynptrWrite, Proto{
		Kernel: "bpf_dynptr_write_proto",
		Ret:    RetInteger,
		Args:   args(ArgPtrToDynptr|ArgRdonly, ArgAnything, ArgPtrToMem|ArgRdonly, ArgConstSizeOrZero, ArgAnything),
	})
	dynptrDataProto = kernel(FuncDynptrData, Proto{
		Kernel: "bpf_dynptr_data_proto",
		Ret:    RetPtrToDynptrMemOrNull,
		Args:   args(ArgPtrToDynptr|ArgRdonly, ArgAnything, ArgConstAllocSizeOrZero),
	})
	ktimeGetTaiNsProto = kernel(FuncKtimeGetTaiNs, Proto{
		Kernel: "bpf_ktime_get_tai_ns_proto",
		Ret:    RetInteger,
	})
	userRingbufDrainProto = kernel(FuncUserRingbufDrain, Proto{
		Kernel: "bpf_user_ringbuf_drain_proto",
		Ret:    RetInteger,
		Args:   args(ArgConstMapPtr, ArgPtrToFunc, ArgPtrToStackOrNull, ArgAnything),
	})
	cgrpStorageGetProto = kernel(FuncCgrpStorageGet, Proto{
		Kernel:     "bpf_cgrp_storage_get_proto",
		Ret:        RetPtrToMapValueOrNull,
		Args:       args(ArgConstMapPtr, ArgPtrToBTFIDOrNull, ArgPtrToMapValueOrNull, ArgAnything),
		ArgBTFName: [5]string{1: "cgroup"},
	})
	cgrpStorageDeleteProto = kernel(FuncCgrpStorageDelete, Proto{
		Kernel:     "bpf_cgrp_storage_delete_proto",
		Ret:        RetInteger,
		Args:       args(ArgConstMapPtr, ArgPtrToBTFIDOrNull),
		ArgBTFName: [5]string{1: "cgroup"},
	})
)
