# Regenerates the committed compiler outputs from their C sources with
# clang-19 (apt-get install clang-19 llvm-19), and checks they are current.

CLANG ?= clang-19
BPF_CFLAGS := -target bpf -mcpu=v3 -O2

EXAMPLES := $(patsubst %.c,%.s,$(wildcard examples/*.c))

.PHONY: all generated check-generated test

all: generated

generated: $(EXAMPLES)

examples/%.s: examples/%.c
	$(CLANG) $(BPF_CFLAGS) -S -o $@ $<

# check-generated rebuilds every output into a scratch folder and fails
# when one differs from the committed file.
check-generated:
	@tmp=$$(mktemp -d); status=0; \
	for c in $(wildcard examples/*.c); do \
		s=$${c%.c}.s; \
		$(CLANG) $(BPF_CFLAGS) -S -o $$tmp/out.s $$c || exit 1; \
		if ! cmp -s $$tmp/out.s $$s; then echo "$$s is stale: run make generated"; status=1; fi; \
	done; rm -rf $$tmp; exit $$status

test:
	go test ./...
