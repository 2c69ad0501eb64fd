package verifier

// This file implements what the verifier knows about subprograms: their
// names and whether they are global (verified alone against their BTF
// prototype), the arguments a global function starts with and the checks
// on a call to it, and the combined stack depth of call chains.

import (
	"github.com/callx/callx/asm"
	"github.com/callx/callx/helpers"
	"github.com/cilium/ebpf/btf"
)

// setupSubprogs names the subprograms and finds the global ones from the
// program's func_info (BTF_FUNC_GLOBAL linkage).
func (v *verifier) setupSubprogs() {
	n := len(v.cfg.Subprogs)
	v.stackDepth = make([]int, n)
	v.globalFunc = make([]bool, n)
	v.called = make([]bool, n)
	v.verified = make([]bool, n)
	v.subprogName = make([]string, n)
	v.funcProtos = make([]*btf.FuncProto, n)
	for _, fi := range v.opts.FuncInfo {
		if fi.Func == nil {
			continue
		}
		s := v.cfg.SubprogAt(fi.Slot)
		if s < 0 || v.cfg.Subprogs[s].Start != fi.Slot {
			continue
		}
		v.subprogName[s] = fi.Func.Name
		if fp, ok := fi.Func.Type.(*btf.FuncProto); ok {
			v.funcProtos[s] = fp
		}
		if s > 0 && fi.Func.Linkage == btf.GlobalFunc {
			v.globalFunc[s] = true
		}
	}
}

// globalArgKind is how a global function's argument is typed from BTF
// (btf_prepare_func_args): a context pointer, a scalar, or sized memory.
type globalArg struct {
	kind    RegType // PtrToCtx, ScalarValue or PtrToMem
	memSize uint32
	nullOK  bool
}

// globalArgs types the arguments of global function sub.
func (v *verifier) globalArgs(sub int) ([]globalArg, error) {
	fp := v.funcProtos[sub]
	if fp == nil {
		return nil, rejectf(v.cfg.Subprogs[sub].Start, CodeUnsupported, "callx: global function %s has no BTF prototype", v.subprogName[sub])
	}
	if len(fp.Params) > 5 {
		return nil, rejectf(v.cfg.Subprogs[sub].Start, CodeCall, "Global function %s() doesn't support more than 5 arguments", v.subprogName[sub])
	}
	var args []globalArg
	for _, p := range fp.Params {
		t := btf.UnderlyingType(p.Type)
		switch t := t.(type) {
		case *btf.Int, *btf.Enum:
			args = append(args, globalArg{kind: ScalarValue})
		case *btf.Pointer:
			target := btf.UnderlyingType(t.Target)
			if st, ok := target.(*btf.Struct); ok && isCtxStruct(string(v.opts.Type), st.Name) {
				args = append(args, globalArg{kind: PtrToCtx})
				continue
			}
			size, err := btf.Sizeof(target)
			if err != nil || size == 0 {
				return nil, rejectf(v.cfg.Subprogs[sub].Start, CodeUnsupported, "callx: argument of %s() not modelled", v.subprogName[sub])
			}
			args = append(args, globalArg{kind: PtrToMem, memSize: uint32(size), nullOK: true})
		default:
			return nil, rejectf(v.cfg.Subprogs[sub].Start, CodeUnsupported, "callx: argument of %s() not modelled", v.subprogName[sub])
		}
	}
	return args, nil
}

// isCtxStruct reports whether a struct is the program type's context
// (btf_is_prog_ctx_type, by name).
func isCtxStruct(t string, name string) bool {
	switch name {
	case "__sk_buff":
		return t == "socket" || t == "tc" || t == "action" || t == "cgroup_skb" || t == "sk_skb" ||
			t == "lwt_in" || t == "lwt_out" || t == "lwt_xmit" || t == "lwt_seg6local"
	case "xdp_md":
		return t == "xdp"
	case "pt_regs", "bpf_user_pt_regs_t":
		return t == "kprobe"
	case "bpf_sock_ops":
		return t == "sockops"
	case "bpf_sock_addr":
		return t == "cgroup_sock_addr"
	case "bpf_sock":
		return t == "cgroup_sock"
	}
	return false
}

// prepareGlobalArgs sets up a global function's registers from its
// prototype, as do_check_common does for a subprogram.
func (v *verifier) prepareGlobalArgs(sub int, regs *[numRegs]Reg) error {
	args, err := v.globalArgs(sub)
	if err != nil {
		v.log.printf("%s\n", err.(*Error).Msg)
		return err
	}
	for i, a := range args {
		r := &regs[asm.R1+asm.Register(i)]
		switch a.kind {
		case PtrToCtx:
			*r = pointerReg(PtrToCtx)
		case ScalarValue:
			*r = unknownScalar()
		case PtrToMem:
			*r = pointerReg(PtrToMem | PtrMaybeNull)
			r.MemSize = a.memSize
			r.ID = v.newID()
		}
	}
	return nil
}

// checkGlobalCallArgs checks a call's arguments against the global
// function's prototype (btf_check_subprog_call).
func (v *verifier) checkGlobalCallArgs(sub int) error {
	args, err := v.globalArgs(sub)
	if err != nil {
		v.log.printf("%s\n", err.(*Error).Msg)
		return err
	}
	for i, a := range args {
		regno := asm.R1 + asm.Register(i)
		if err := v.checkReg(regno, srcOp); err != nil {
			return err
		}
		r := v.cur.regOf(regno)
		switch a.kind {
		case ScalarValue:
			if r.Type != ScalarValue {
				return v.reject(CodeCall, "R%d is not a scalar", regno)
			}
		case PtrToCtx:
			if r.Type != PtrToCtx {
				return v.reject(CodeCall, "arg#%d expects pointer to ctx", i)
			}
			if err := v.checkPtrOffReg(r, regno, false); err != nil {
				return err
			}
		case PtrToMem:
			if registerIsNull(r) {
				continue
			}
			if err := v.checkHelperMemAccess(regno, int(a.memSize), accRead, false, nil); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkMaxStackDepth is check_max_stack_depth: along every chain of
// static calls from the main program (and from each global function),
// the frames' depths, each rounded up to 32 bytes, stay within 512.
func (v *verifier) checkMaxStackDepth() error {
	round := func(d int) int { return max((d+31)&^31, 32) }
	var walk func(sub, depth, frames int) error
	walk = func(sub, depth, frames int) error {
		depth += round(v.stackDepth[sub])
		if depth > maxBPFStack {
			v.log.printf("combined stack size of %d calls is %d. Too large\n", frames, depth)
			return rejectf(v.cfg.Subprogs[sub].Start, CodeLimit, "combined stack size of %d calls is %d. Too large", frames, depth)
		}
		s := v.cfg.Subprogs[sub]
		for i := s.Start; i < s.End; i++ {
			ins := v.insns[i]
			if ins.IsLocalCall() || (ins.Op == asm.OpLoadImm64 && ins.Src == asm.PseudoFunc) {
				callee := v.cfg.SubprogAt(i + int(ins.Imm) + 1)
				if callee >= 0 && !v.globalFunc[callee] {
					if frames+1 > maxCallFrames {
						v.log.printf("the call stack of %d frames is too deep !\n", frames+1)
						return rejectf(i, CodeLimit, "the call stack of %d frames is too deep !", frames+1)
					}
					if err := walk(callee, depth, frames+1); err != nil {
						return err
					}
				}
			}
			if ins.Op == asm.OpLoadImm64 {
				i++
			}
		}
		for _, callee := range v.callxEdges[sub] {
			if frames+1 > maxCallFrames {
				v.log.printf("the call stack of %d frames is too deep !\n", frames+1)
				return rejectf(s.Start, CodeLimit, "the call stack of %d frames is too deep !", frames+1)
			}
			if err := walk(callee, depth, frames+1); err != nil {
				return err
			}
		}
		return nil
	}
	for sub := range v.cfg.Subprogs {
		if sub == 0 || v.globalFunc[sub] {
			if err := walk(sub, 0, 1); err != nil {
				return err
			}
		}
	}
	return nil
}

// checkSubprogBTF is the part of check_btf_func about legacy packet
// loads: a subprogram that uses LD_ABS or LD_IND needs BTF and must
// return an int. It also finds which subprograms may change packet data
// (a helper that moves the packet, or a tail call, in them or in what
// they call), for the callers of global ones.
func (v *verifier) checkSubprogBTF() error {
	n := len(v.cfg.Subprogs)
	v.changesPkt = make([]bool, n)
	callees := make([][]int, n)
	for sub, s := range v.cfg.Subprogs {
		hasLdAbs := false
		for i := s.Start; i < s.End; i++ {
			ins := v.insns[i]
			switch {
			case ins.Op.Class() == asm.ClassLD && (ins.Op.Mode() == asm.ModeABS || ins.Op.Mode() == asm.ModeIND):
				hasLdAbs = true
			case ins.IsHelperCall() && helpers.ChangesPktData(helpers.ID(ins.Imm)):
				v.changesPkt[sub] = true
			case ins.IsLocalCall():
				if c := v.cfg.SubprogAt(i + int(ins.Imm) + 1); c >= 0 {
					callees[sub] = append(callees[sub], c)
				}
			}
			if ins.Op == asm.OpLoadImm64 {
				i++
			}
		}
		if sub == 0 || !hasLdAbs {
			continue
		}
		fp := v.funcProtos[sub]
		if fp == nil {
			v.log.printf("LD_ABS is not allowed in subprogs without BTF\n")
			return rejectf(s.Start, CodeInsn, "LD_ABS is not allowed in subprogs without BTF")
		}
		if _, ok := btf.UnderlyingType(fp.Return).(*btf.Int); !ok {
			v.log.printf("LD_ABS is only allowed in functions that return 'int'.\n")
			return rejectf(s.Start, CodeInsn, "LD_ABS is only allowed in functions that return 'int'.")
		}
	}
	for changed := true; changed; {
		changed = false
		for sub := range callees {
			for _, c := range callees[sub] {
				if v.changesPkt[c] && !v.changesPkt[sub] {
					v.changesPkt[sub] = true
					changed = true
				}
			}
		}
	}
	return nil
}
