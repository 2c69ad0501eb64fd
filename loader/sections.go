package loader

// This file implements the classification of sections by libbpf's
// conventions: code (executable), global data (.data*, .rodata*, .bss*),
// BTF-defined maps (.maps), legacy maps (maps) and the license; and reading
// their contents.

import (
	"bytes"
	"debug/elf"
	"fmt"
	"strings"
)

type sectionKind uint8

const (
	sectionOther      sectionKind = iota // ignored: debug info, BTF, strings, ...
	sectionCode                          // SHF_EXECINSTR: .text and program sections
	sectionData                          // global data: one array map each
	sectionBTFMaps                       // .maps
	sectionLegacyMaps                    // maps: struct bpf_map_def
	sectionLicense                       // license
)

// section is one ELF section and what the loader made of it.
type section struct {
	*elf.Section
	index  int
	kind   sectionKind
	data   []byte  // contents; nil for SHT_NOBITS and ignored sections
	relocs []reloc // relocations that apply to this section, by offset
	syms   []int   // indexes of the symbols defined in it
}

// maxDataSize is the largest global data section: the kernel refuses array
// maps whose value is bigger than KMALLOC_MAX_SIZE (4 MiB).
const maxDataSize = 4 << 20

// isDataSectionName reports whether name is a global data section by
// libbpf's conventions.
func isDataSectionName(name string) bool {
	for _, prefix := range []string{".data", ".rodata", ".bss"} {
		if name == prefix || strings.HasPrefix(name, prefix+".") {
			return true
		}
	}
	return false
}

// isReadOnlyName reports whether a data section is frozen (programs only read it).
func isReadOnlyName(name string) bool {
	return name == ".rodata" || strings.HasPrefix(name, ".rodata.")
}

// classify returns what a section is to the loader.
func classify(s *elf.Section) sectionKind {
	switch {
	case s.Type == elf.SHT_PROGBITS && s.Flags&elf.SHF_EXECINSTR != 0:
		return sectionCode
	case s.Flags&elf.SHF_ALLOC == 0 || (s.Type != elf.SHT_PROGBITS && s.Type != elf.SHT_NOBITS):
		return sectionOther
	case s.Name == ".maps":
		return sectionBTFMaps
	case s.Name == "maps":
		return sectionLegacyMaps
	case s.Name == "license":
		return sectionLicense
	case isDataSectionName(s.Name):
		return sectionData
	}
	return sectionOther
}

// readSections classifies every section and reads the contents of those
// the loader uses.
func (l *loader) readSections() error {
	l.sections = make([]*section, len(l.f.Sections))
	names := make(map[string]bool)
	for i, s := range l.f.Sections {
		sec := &section{Section: s, index: i, kind: classify(s)}
		l.sections[i] = sec
		if s.Type == elf.SHT_SYMTAB {
			if l.symtab != nil {
				return errorf(s.Name, 0, "second symbol table (the first is %s)", l.symtab.Name)
			}
			l.symtab = sec
		}
		if sec.kind == sectionOther {
			continue
		}
		if s.Name == "" {
			return errorf(fmt.Sprintf("#%d", i), 0, "%s section without a name", s.Type)
		}
		if names[s.Name] {
			return errorf(s.Name, 0, "two sections named %q", s.Name)
		}
		names[s.Name] = true
		if s.Type == elf.SHT_NOBITS {
			if s.Size > maxDataSize {
				return errorf(s.Name, 0, "size %d is more than the %d bytes of a global data map", s.Size, maxDataSize)
			}
			continue
		}
		if sec.kind == sectionData && s.Size > maxDataSize {
			return errorf(s.Name, 0, "size %d is more than the %d bytes of a global data map", s.Size, maxDataSize)
		}
		data, err := readSectionData(s)
		if err != nil {
			return wrapf(err, s.Name, 0, "reading %d bytes at file offset %#x", s.Size, s.Offset)
		}
		sec.data = data
	}
	return nil
}

// readSectionData reads a section's contents, recovering from any panic in debug/elf.
func readSectionData(s *elf.Section) (data []byte, err error) {
	defer func() {
		if p := recover(); p != nil {
			data, err = nil, errorf(s.Name, 0, "malformed section (debug/elf: %v)", p)
		}
	}()
	if s.Flags&elf.SHF_COMPRESSED != 0 {
		return nil, ErrUnsupported
	}
	data, err = s.Data()
	if err == nil && uint64(len(data)) != s.Size {
		err = errorf(s.Name, 0, "read %d bytes of %d", len(data), s.Size)
	}
	return data, err
}

// readLicense reads the license string from the "license" section.
func (l *loader) readLicense() error {
	for _, s := range l.sections {
		if s.kind == sectionLicense {
			lic := s.data
			if i := bytes.IndexByte(lic, 0); i >= 0 {
				lic = lic[:i]
			}
			l.obj.License = string(lic)
		}
	}
	return nil
}
