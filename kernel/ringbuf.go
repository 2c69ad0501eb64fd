// This file implements reading the records a program wrote to a
// BPF_MAP_TYPE_RINGBUF map.

package kernel

import (
	"errors"
	"fmt"
	"os"
	"time"

	"github.com/cilium/ebpf"
	"github.com/cilium/ebpf/ringbuf"
)

// ReadRingbuf returns the records committed to ring buffer mapName since
// the last call (or since Load), oldest first, without waiting. Records
// the program discarded (bpf_ringbuf_discard) are not returned.
func (c *Collection) ReadRingbuf(mapName string) ([][]byte, error) {
	r, err := c.ringReader(mapName)
	if err != nil {
		return nil, err
	}
	r.SetDeadline(time.Now())
	var records [][]byte
	for {
		rec, err := r.Read()
		if errors.Is(err, os.ErrDeadlineExceeded) {
			return records, nil
		}
		if err != nil {
			return records, fmt.Errorf("kernel: reading ring buffer %s: %w", mapName, err)
		}
		records = append(records, rec.RawSample)
	}
}

func (c *Collection) ringReader(name string) (*ringbuf.Reader, error) {
	if r := c.rings[name]; r != nil {
		return r, nil
	}
	m, err := c.bpfMap(name)
	if err != nil {
		return nil, err
	}
	if m.Type() != ebpf.RingBuf {
		return nil, fmt.Errorf("kernel: map %s is a %s, not a ring buffer", name, m.Type())
	}
	r, err := ringbuf.NewReader(m)
	if err != nil {
		return nil, fmt.Errorf("kernel: reading ring buffer %s: %w", name, err)
	}
	c.rings[name] = r
	return r, nil
}
