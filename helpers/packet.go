package helpers

// This file implements the packet helpers: the XDP adjust helpers (which
// the context implements), the socket buffer byte helpers, and redirect.

import "errors"

var errNoXDP = errors.New("the program's context is not an XDP context")
var errNoSKB = errors.New("the program's context is not a socket buffer")

func xdpAdjust(id ID, adjust func(XDPContext, int) int64) *Helper {
	return implement(id, func(env Env, _, r2, _, _, _ uint64) (uint64, error) {
		x, ok := env.Context().(XDPContext)
		if !ok {
			return 0, errNoXDP
		}
		return uint64(adjust(x, int(int32(r2)))), nil
	})
}

var (
	xdpAdjustHead = xdpAdjust(FuncXDPAdjustHead, XDPContext.AdjustHead)
	xdpAdjustMeta = xdpAdjust(FuncXDPAdjustMeta, XDPContext.AdjustMeta)
	xdpAdjustTail = xdpAdjust(FuncXDPAdjustTail, XDPContext.AdjustTail)
)

func skbContext(env Env) (SKBContext, error) {
	s, ok := env.Context().(SKBContext)
	if !ok {
		return nil, errNoSKB
	}
	return s, nil
}

// skbLoadBytes copies len bytes at offset of the packet to `to`; out of
// bounds it zeroes `to` and returns -EFAULT.
var skbLoadBytes = implement(FuncSKBLoadBytes, func(env Env, _, r2, r3, r4, _ uint64) (uint64, error) {
	s, err := skbContext(env)
	if err != nil {
		return 0, err
	}
	to, err := env.Memory(r3, r4, true)
	if err != nil {
		return 0, err
	}
	data := s.PacketData()
	if r2 > 0x7fffffff || r2+r4 > uint64(len(data)) {
		clear(to)
		return neg(errEFAULT), nil
	}
	copy(to, data[r2:])
	return 0, nil
})

const (
	fRecomputeCsum  = 1 << 0
	fInvalidateHash = 1 << 1
)

var skbStoreBytes = implement(FuncSKBStoreBytes, func(env Env, _, r2, r3, r4, r5 uint64) (uint64, error) {
	s, err := skbContext(env)
	if err != nil {
		return 0, err
	}
	if r5&^(fRecomputeCsum|fInvalidateHash) != 0 {
		return neg(errEINVAL), nil
	}
	from, err := env.Memory(r3, r4, false)
	if err != nil {
		return 0, err
	}
	data := s.PacketData()
	if r2 > 0xffff || r2+r4 > uint64(len(data)) {
		return neg(errEFAULT), nil
	}
	copy(data[r2:], from)
	s.ChangeData()
	return 0, nil
})

// redirect records the target and returns the redirect verdict of the
// program type (XDP_REDIRECT, TC_ACT_REDIRECT).
var redirect = implement(FuncRedirect, func(env Env, r1, r2, _, _, _ uint64) (uint64, error) {
	r, ok := env.Context().(Redirector)
	if !ok {
		return 0, errors.New("bpf_redirect: the program's context cannot redirect")
	}
	return r.Redirect(uint32(r1), r2), nil
})
