package asm

// This file implements the fuzz targets of the assembler and disassembler.

import (
	"bytes"
	"os"
	"testing"
)

// FuzzAssemble: Assemble never panics; it returns a program exactly when it
// returns no error, the program is valid, and its disassembly reads back to
// the same bytes.
func FuzzAssemble(f *testing.F) {
	for _, file := range corpusFiles(f) {
		src, err := os.ReadFile(file)
		if err != nil {
			f.Fatal(err)
		}
		f.Add(src)
	}
	for _, tables := range [][]struct{ src, want string }{llvmEncodings, extensionEncodings} {
		for _, tc := range tables {
			f.Add([]byte(tc.src))
		}
	}
	f.Add([]byte("3: (18) r1 = 0x5\n5: (85) call bpf_map_lookup_elem#1\n6: (95) exit"))
	f.Add([]byte("a: b: goto a\n/* x\n*/ gotol b\nr1 = a ll\ncall a"))
	f.Fuzz(func(t *testing.T, src []byte) {
		p, err := Assemble(src, "fuzz.s")
		if (p == nil) == (err == nil) {
			t.Fatalf("Assemble returned program %v and error %v", p, err)
		}
		if err != nil {
			if _, ok := err.(*SyntaxError); !ok {
				t.Fatalf("error %v is a %T, not a *SyntaxError", err, err)
			}
			return
		}
		if err := p.Validate(); err != nil {
			t.Fatalf("Assemble returned an invalid program: %v", err)
		}
		text := Disassemble(p)
		q, err := Assemble([]byte(text), "disassembly")
		if err != nil {
			t.Fatalf("disassembly %q does not assemble: %v", text, err)
		}
		if !bytes.Equal(p.Bytes(), q.Bytes()) {
			t.Fatalf("round trip differs:\n%s", diffPrograms(q, p))
		}
	})
}

// FuzzDisassemble: Disassemble and FormatInstruction never panic, and a
// valid program's disassembly reads back to the same bytes.
func FuzzDisassemble(f *testing.F) {
	for _, tables := range [][]struct{ src, want string }{llvmEncodings, extensionEncodings} {
		for _, tc := range tables {
			f.Add(decodeHex(f, tc.want))
		}
	}
	f.Fuzz(func(t *testing.T, b []byte) {
		p := bytesToProgram(b)
		text := Disassemble(p)
		for i := -1; i <= len(p); i++ {
			FormatInstruction(p, i)
		}
		if p.Validate() != nil {
			return
		}
		q, err := Assemble([]byte(text), "disassembly")
		if err != nil {
			t.Fatalf("disassembly %q does not assemble: %v", text, err)
		}
		if !bytes.Equal(p.Bytes(), q.Bytes()) {
			t.Fatalf("round trip differs:\n%s", diffPrograms(q, p))
		}
	})
}
