// This file implements the BPF_PROG_LOAD stand-in on systems other than
// Linux, where Available already reports that there is no kernel to ask.

//go:build !linux

package kernel

import "errors"

// errNoBPF is sysProgLoad's error where there is no bpf().
var errNoBPF = errors.New("BPF_PROG_LOAD needs Linux")

func sysProgLoad(*progLoad) (*progLoadResult, error) { return nil, errNoBPF }
