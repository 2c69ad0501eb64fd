// This file implements loading an ELF object into the kernel as a
// Collection of programs and maps, and the errors that carry the
// verifier's log when the kernel refuses it.

package kernel

import (
	"errors"
	"fmt"
	"slices"
	"sort"
	"strings"

	"github.com/cilium/ebpf"
	"github.com/cilium/ebpf/ringbuf"
)

// Collection is an ELF object loaded into the kernel: its programs and
// maps (including the global-data maps .data, .bss, .rodata, ...). It is
// not safe for concurrent use.
type Collection struct {
	path  string
	spec  *ebpf.CollectionSpec
	coll  *ebpf.Collection
	rings map[string]*ringbuf.Reader
}

// LoadError is the error of Load when the kernel refuses an object; Log is
// the verifier's log for the refused program, when there is one.
type LoadError struct {
	Path string
	Err  error
	Log  []string
}

func (e *LoadError) Error() string {
	var b strings.Builder
	fmt.Fprintf(&b, "kernel: loading %s: %v", e.Path, e.Err)
	if len(e.Log) > 0 {
		b.WriteString("\nverifier log:\n")
		b.WriteString(strings.Join(e.Log, "\n"))
	}
	return b.String()
}

func (e *LoadError) Unwrap() error { return e.Err }

// Load reads the ELF object at path and loads all its maps and programs
// into the kernel, the way libbpf would: BTF-defined maps, global data
// sections as array maps (.rodata frozen), program arrays filled from
// their static `.values` initialisers. When the kernel refuses a program
// the error is a *LoadError holding the verifier log.
func Load(path string) (*Collection, error) {
	if err := Available(); err != nil {
		return nil, err
	}
	spec, err := ebpf.LoadCollectionSpec(path)
	if err != nil {
		return nil, fmt.Errorf("kernel: reading %s: %w", path, err)
	}
	coll, err := ebpf.NewCollection(spec)
	if err != nil {
		le := &LoadError{Path: path, Err: err}
		var ve *ebpf.VerifierError
		if errors.As(err, &ve) {
			le.Log = ve.Log
		}
		return nil, le
	}
	return &Collection{path: path, spec: spec, coll: coll, rings: map[string]*ringbuf.Reader{}}, nil
}

// Close releases the programs, maps and ring buffer readers.
func (c *Collection) Close() error {
	var errs []error
	for _, r := range c.rings {
		errs = append(errs, r.Close())
	}
	c.rings = nil
	c.coll.Close()
	return errors.Join(errs...)
}

// Programs returns the names of the collection's programs (their ELF
// symbol names), sorted.
func (c *Collection) Programs() []string {
	return sortedKeys(c.coll.Programs)
}

// Maps returns the names of the collection's maps (BTF map names and data
// section names such as ".bss"), sorted.
func (c *Collection) Maps() []string {
	return sortedKeys(c.coll.Maps)
}

// ProgramType returns the kernel program type of prog, as cilium/ebpf
// derived it from the ELF section name.
func (c *Collection) ProgramType(prog string) (ebpf.ProgramType, error) {
	p, err := c.program(prog)
	if err != nil {
		return 0, err
	}
	return p.Type(), nil
}

func (c *Collection) program(name string) (*ebpf.Program, error) {
	p := c.coll.Programs[name]
	if p == nil {
		return nil, fmt.Errorf("kernel: %s has no program %q (it has %s)", c.path, name, strings.Join(c.Programs(), ", "))
	}
	return p, nil
}

func (c *Collection) bpfMap(name string) (*ebpf.Map, error) {
	m := c.coll.Maps[name]
	if m == nil {
		return nil, fmt.Errorf("kernel: %s has no map %q (it has %s)", c.path, name, strings.Join(c.Maps(), ", "))
	}
	return m, nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	sort.Strings(keys)
	return slices.Clip(keys)
}
