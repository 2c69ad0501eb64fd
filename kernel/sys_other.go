// This file implements the BPF_PROG_TEST_RUN stand-in on systems other
// than Linux, where Available already reports that there is no kernel to
// ask.

//go:build !linux

package kernel

import "errors"

type testRunArgs struct {
	dataIn, dataOut, ctxIn, ctxOut []byte
	repeat                         uint32

	retval, duration, dataSizeOut, ctxSizeOut uint32
}

func sysTestRun(int, *testRunArgs) error {
	return errors.New("BPF_PROG_TEST_RUN needs Linux")
}
