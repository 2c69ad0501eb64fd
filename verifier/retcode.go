package verifier

// This file implements the program types' rules for the value a program
// returns (check_return_code).

import (
	"math"
	"strconv"

	"github.com/callx/callx/asm"
)

// retRange is the range of return values a program type allows.
type retRange struct{ min, max int32 }

// returnRange returns what the program type allows, or ok=false when any
// value goes. callx has no expected attach types yet: cgroup_skb is
// taken as ingress and cgroup_sock_addr as a connect/sendmsg hook.
func (v *verifier) returnRange() (retRange, bool) {
	switch a := v.opts.AttachTo; v.opts.Type {
	case "cgroup_sock_addr":
		switch a {
		case "recvmsg4", "recvmsg6", "recvmsg_unix", "getpeername4", "getpeername6", "getpeername_unix",
			"getsockname4", "getsockname6", "getsockname_unix":
			return retRange{1, 1}, true
		case "bind4", "bind6":
			return retRange{0, 3}, true
		}
		return retRange{0, 1}, true
	case "cgroup_skb":
		if a == "egress" {
			return retRange{0, 3}, true
		}
		return retRange{0, 1}, true
	case "cgroup_sock", "sockops", "cgroup_device",
		"cgroup_sysctl", "cgroup_sockopt", "iter", "sk_lookup", "netfilter":
		return retRange{0, 1}, true
	case "fentry", "fexit":
		return retRange{0, 0}, true
	}
	return retRange{}, false
}

// checkReturnCode is check_return_code at an exit of frame 0.
func (v *verifier) checkReturnCode() error {
	if err := v.checkReg(asm.R0, srcOp); err != nil {
		return err
	}
	r0 := v.cur.regOf(asm.R0)
	if v.isPointerValue(r0) {
		return v.reject(CodePointer, "R0 leaks addr as return value")
	}
	if v.cur.Frames[0].Subprog != 0 {
		if r0.Type != ScalarValue {
			return v.reject(CodeReturn, "At subprogram exit the register R0 is not a scalar value (%s)", r0.Type)
		}
		return nil
	}
	rng, ok := v.returnRange()
	if !ok {
		return nil
	}
	if r0.Type != ScalarValue {
		return v.reject(CodeReturn, "At program exit the register R0 is not a known value (%s)", r0.Type)
	}
	v.markPrecise(asm.R0)
	if r0.SMin < int64(rng.min) || r0.SMax > int64(rng.max) {
		return v.reject(CodeReturn, "%s", invalidScalar("At program exit", r0, int64(rng.min), int64(rng.max)))
	}
	return nil
}

// invalidScalar is verbose_invalid_scalar's message for R0 outside
// [lo, hi].
func invalidScalar(ctx string, r *Reg, lo, hi int64) string {
	msg := ctx + " the register R0 has"
	if r.SMin > math.MinInt64 {
		msg += " smin=" + strconv.FormatInt(r.SMin, 10)
	}
	if r.SMax < math.MaxInt64 {
		msg += " smax=" + strconv.FormatInt(r.SMax, 10)
	}
	if r.SMin == math.MinInt64 && r.SMax == math.MaxInt64 {
		msg += " unknown scalar value"
	}
	return msg + " should have been in [" + strconv.FormatInt(lo, 10) + ", " + strconv.FormatInt(hi, 10) + "]"
}
