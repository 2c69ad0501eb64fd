# Regenerates the committed compiler outputs from their C sources with
# clang-19 (apt-get install clang-19 llvm-19), and checks they are current.

CLANG ?= clang-19
BPF_CFLAGS := -target bpf -mcpu=v3 -O2

EXAMPLE_SOURCES := $(filter-out %.bpf.c,$(wildcard examples/*.c))
EXAMPLES := $(EXAMPLE_SOURCES:.c=.s)

# BPF objects: every *.bpf.c under a testdata folder (or examples/)
# becomes *.bpf.o, built the way real BPF programs are.
BPF_OBJ_CFLAGS := -target bpf -mcpu=v3 -O2 -g -Wall -Wno-unused-function \
	-fdebug-prefix-map=$(CURDIR)=. \
	-Itestdata/include -I/usr/include/$(shell uname -m)-linux-gnu
BPF_SOURCES := $(shell find . -path ./.git -prune -o -name '*.bpf.c' -print | sed 's|^\./||' | sort)
BPF_OBJECTS := $(BPF_SOURCES:.bpf.c=.bpf.o)

.PHONY: all generated check-generated test

all: generated

generated: $(EXAMPLES) $(BPF_OBJECTS)

%.bpf.o: %.bpf.c $(wildcard testdata/include/*.h)
	$(CLANG) $(BPF_OBJ_CFLAGS) -c -o $@ $<

examples/%.s: examples/%.c
	$(CLANG) $(BPF_CFLAGS) -S -o $@ $<

# check-generated rebuilds every output into a scratch folder and fails
# when one differs from the committed file.
check-generated:
	@tmp=$$(mktemp -d); status=0; \
	for c in $(EXAMPLE_SOURCES); do \
		s=$${c%.c}.s; \
		$(CLANG) $(BPF_CFLAGS) -S -o $$tmp/out.s $$c || exit 1; \
		if ! cmp -s $$tmp/out.s $$s; then echo "$$s is stale: run make generated"; status=1; fi; \
	done; \
	for c in $(BPF_SOURCES); do \
		o=$${c%.bpf.c}.bpf.o; \
		$(CLANG) $(BPF_OBJ_CFLAGS) -c -o $$tmp/out.o $$c || exit 1; \
		if ! cmp -s $$tmp/out.o $$o; then echo "$$o is stale: run make generated"; status=1; fi; \
	done; rm -rf $$tmp; exit $$status

test:
	go test ./...
