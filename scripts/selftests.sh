#!/usr/bin/env bash
# Builds the Linux kernel's verifier selftests (tools/testing/selftests/bpf/
# progs/verifier_*.c) into BPF objects, in a cache outside the repository,
# for callx's conformance suite (selftest/kernel_test.go, issue 4).
#
# Usage: scripts/selftests.sh [--force]
#
#   CALLX_SELFTESTS_CACHE  the cache (default $HOME/.cache/callx/selftests)
#   CLANG                  the compiler (default clang-19)
#   KERNEL_SOURCE_PKG      the Debian source package (default linux-source-6.12)
#
# What it does, each step only when its output is missing (so a second run
# only prints the summary; --force rebuilds the objects):
#   1. apt-get download KERNEL_SOURCE_PKG and bpftool (no installation: both
#      .debs are unpacked into the cache, bpftool runs from there);
#   2. extracts from the kernel tarball only tools/testing/selftests/bpf,
#      tools/lib/bpf, tools/include, include/uapi and scripts/bpf_doc.py;
#   3. generates bpf_helper_defs.h with bpf_doc.py (as tools/lib/bpf's
#      Makefile does) and vmlinux.h with bpftool from /sys/kernel/btf/vmlinux
#      (as the selftests' Makefile does; the files that include it need it);
#   4. compiles every progs/verifier_*.c with the selftests Makefile's flags
#      for test_progs (CLANG_BPF_BUILD_RULE with BPF_CFLAGS, CLANG_CFLAGS and
#      -DENABLE_ATOMICS_TESTS) into CACHE/obj/verifier_*.o, and the objects
#      that tests name with __btf_path (CO-RE target types) into
#      CACHE/obj/NAME.bpf.o; it prints "compiled N of M" with the first
#      error line of each failure.
#
# It needs clang-19, python3, apt-get and dpkg-deb (a Debian system whose
# package lists are current: apt-get update), and /sys/kernel/btf/vmlinux.
# It installs nothing: bpftool is unpacked from its .deb into the cache.
#
# Exit status: 0 when every file compiled, 1 when some did not, 2 when a
# step before compiling failed.
#
# The kernel sources are GPL: everything stays in the cache, nothing is
# written into the repository.

set -euo pipefail

CACHE=${CALLX_SELFTESTS_CACHE:-$HOME/.cache/callx/selftests}
CLANG=${CLANG:-clang-19}
PKG=${KERNEL_SOURCE_PKG:-linux-source-6.12}
FORCE=0
case "${1:-}" in
--force) FORCE=1 ;;
"") ;;
*) echo "usage: $0 [--force]" >&2; exit 2 ;;
esac

die() { echo "selftests.sh: $*" >&2; exit 2; }

command -v "$CLANG" >/dev/null || die "$CLANG not found (apt-get install clang-19)"
command -v python3 >/dev/null || die "python3 not found"

DEB=$CACHE/deb
SRC=$CACHE/src
INC=$CACHE/include
OBJ=$CACHE/obj
TOOLS=$CACHE/tools
mkdir -p "$DEB" "$SRC" "$INC/bpf" "$OBJ" "$TOOLS"

# fetch PACKAGE: apt-get download into $DEB unless a .deb of it is there.
fetch() {
	local pkg=$1
	if ! ls "$DEB/${pkg}"_*.deb >/dev/null 2>&1; then
		echo "downloading $pkg" >&2
		(cd "$DEB" && apt-get download "$pkg" >/dev/null 2>&1) ||
			die "apt-get download $pkg failed (is the package list current? run apt-get update)"
	fi
	ls "$DEB/${pkg}"_*.deb | sort -V | tail -1
}

# 1-2. The kernel sources, only the parts the build needs.
KSRC=$SRC/$PKG
if [ ! -f "$SRC/.extracted" ]; then
	deb=$(fetch "$PKG")
	echo "extracting the selftests from $(basename "$deb")"
	rm -rf "${SRC:?}"/*
	# The .deb holds usr/src/$PKG.tar.xz, whose top folder is $PKG/.
	dpkg-deb --fsys-tarfile "$deb" |
		tar -x -O "./usr/src/$PKG.tar.xz" |
		tar -x -J -C "$SRC" \
			"$PKG/tools/testing/selftests/bpf" \
			"$PKG/tools/lib/bpf" \
			"$PKG/tools/include" \
			"$PKG/include/uapi" \
			"$PKG/scripts/bpf_doc.py" ||
		die "extracting $PKG failed"
	touch "$SRC/.extracted"
fi
[ -d "$KSRC/tools/testing/selftests/bpf/progs" ] || die "$KSRC has no selftests (remove $SRC and run again)"
SELFTESTS=$KSRC/tools/testing/selftests/bpf

# 3a. bpf_helper_defs.h, and libbpf's BPF-side headers as `make install`
# puts them in the selftests' include folder (<bpf/bpf_helpers.h>, ...).
if [ ! -s "$INC/bpf/bpf_helper_defs.h" ]; then
	echo "generating bpf_helper_defs.h"
	python3 "$KSRC/scripts/bpf_doc.py" --header \
		--file "$KSRC/tools/include/uapi/linux/bpf.h" >"$INC/bpf/bpf_helper_defs.h.tmp" ||
		die "bpf_doc.py failed"
	mv "$INC/bpf/bpf_helper_defs.h.tmp" "$INC/bpf/bpf_helper_defs.h"
fi
for h in bpf_helpers.h bpf_tracing.h bpf_core_read.h bpf_endian.h usdt.bpf.h; do
	[ -f "$INC/bpf/$h" ] || cp -p "$KSRC/tools/lib/bpf/$h" "$INC/bpf/$h"
done

# 3b. vmlinux.h, from the running kernel's BTF, for the files that include
# it. bpftool comes from Debian's package, unpacked into the cache.
# (The selftests Makefile always generates it; some verifier_*.c include it
# directly, others through progs/*.h.)
if [ ! -s "$INC/vmlinux.h" ]; then
	BPFTOOL=${BPFTOOL:-}
	if [ -z "$BPFTOOL" ]; then
		if [ ! -x "$TOOLS/usr/sbin/bpftool" ]; then
			deb=$(fetch bpftool)
			dpkg-deb -x "$deb" "$TOOLS" || die "unpacking $(basename "$deb") failed"
		fi
		BPFTOOL=$TOOLS/usr/sbin/bpftool
	fi
	[ -r /sys/kernel/btf/vmlinux ] || die "/sys/kernel/btf/vmlinux is missing: the kernel has no BTF, vmlinux.h cannot be generated"
	echo "generating vmlinux.h with $BPFTOOL"
	"$BPFTOOL" btf dump file /sys/kernel/btf/vmlinux format c >"$INC/vmlinux.h.tmp" ||
		die "bpftool btf dump failed"
	mv "$INC/vmlinux.h.tmp" "$INC/vmlinux.h"
fi

# 4. The objects. The flags are the selftests Makefile's for test_progs:
#   CLANG_BPF_BUILD_RULE: -O2 --target=bpf -c -mcpu=v3
#   BPF_CFLAGS: -g -Wall -Werror -D__TARGET_ARCH_$(SRCARCH) -mlittle-endian
#     -I$(INCLUDE_DIR) -I$(CURDIR) -I$(APIDIR) -I$(OUTPUT)/../usr/include
#     -Wno-compare-distinct-pointer-types
#   CLANG_CFLAGS: clang's own system include folders, with -idirafter
#   TRUNNER_BPF_CFLAGS for test_progs: -DENABLE_ATOMICS_TESTS
# $(INCLUDE_DIR) is $INC here; $(APIDIR) is tools/include/uapi; for the
# installed UAPI headers (usr/include) the sources' include/uapi stand in,
# with the system's asm/ headers behind them.
# One flag is ours: vmlinux.h comes from the running kernel, newer than the
# 6.12 sources, and from 6.13 on struct file's f_path is const, which
# verifier_vfs_accept.c and verifier_vfs_reject.c (written for 6.12) pass
# to kfuncs taking a non-const struct path *: a warning, not an error.
# -fdebug-prefix-map keeps the cache's path out of the objects, so that
# two caches build the same bytes.
sys_includes=$("$CLANG" -v -E - </dev/null 2>&1 |
	sed -n '/<...> search starts here:/,/End of search list./{ s| \(/.*\)|-idirafter \1|p }')
# shellcheck disable=SC2206
CFLAGS=(-g -Wall -Werror -D__TARGET_ARCH_x86 -mlittle-endian
	-I"$INC" -I"$SELFTESTS" -I"$KSRC/tools/include/uapi" -I"$KSRC/include/uapi"
	-Wno-compare-distinct-pointer-types
	-Wno-error=incompatible-pointer-types-discards-qualifiers
	-fdebug-prefix-map="$KSRC"="$PKG" -fdebug-prefix-map="$INC"=include
	$sys_includes
	-DENABLE_ATOMICS_TESTS
	-O2 --target=bpf -mcpu=v3)

total=0
built=0
failed=()
for c in "$SELFTESTS"/progs/verifier_*.c; do
	name=$(basename "$c" .c)
	o=$OBJ/$name.o
	total=$((total + 1))
	if [ "$FORCE" = 0 ] && [ -s "$o" ] && [ "$o" -nt "$c" ]; then
		built=$((built + 1))
		continue
	fi
	rm -f "$o" "$OBJ/$name.err" "$OBJ/$name.d"
	if (cd "$SELFTESTS" && "$CLANG" "${CFLAGS[@]}" -MD -MF "$OBJ/$name.d" -c "$c" -o "$o.tmp") 2>"$OBJ/$name.err"; then
		mv "$o.tmp" "$o"
		rm -f "$OBJ/$name.err"
		built=$((built + 1))
	else
		rm -f "$o.tmp"
		failed+=("$name")
	fi
done

# The objects whose BTF the tests name with __btf_path("X.bpf.o"), as the
# types to relocate CO-RE accesses against, built from progs/X.c the same
# way (test_progs looks for them beside itself).
for btfobj in $(grep -ho '__btf_path("[^"]*")' "$SELFTESTS"/progs/verifier_*.c | sed 's/__btf_path("\(.*\)")/\1/' | sort -u); do
	c=$SELFTESTS/progs/${btfobj%.bpf.o}.c
	o=$OBJ/$btfobj
	if [ ! -f "$c" ]; then
		failed+=("$btfobj")
		echo "no source $c for __btf_path(\"$btfobj\")" >"$OBJ/$btfobj.err"
		continue
	fi
	if [ "$FORCE" = 0 ] && [ -s "$o" ] && [ "$o" -nt "$c" ]; then
		continue
	fi
	if (cd "$SELFTESTS" && "$CLANG" "${CFLAGS[@]}" -c "$c" -o "$o.tmp") 2>"$OBJ/$btfobj.err"; then
		mv "$o.tmp" "$o"
		rm -f "$OBJ/$btfobj.err"
	else
		rm -f "$o.tmp"
		failed+=("$btfobj")
	fi
done

# The files whose dependencies (clang -MD) include vmlinux.h.
with_vmlinux=$(grep -l -F "$INC/vmlinux.h" "$OBJ"/verifier_*.d 2>/dev/null | wc -l)
echo "cache: $CACHE"
echo "compiled $built of $total verifier_*.c files ($with_vmlinux of them use vmlinux.h) into $OBJ"
for name in "${failed[@]}"; do
	first=$(grep -m1 -E 'error:' "$OBJ/$name.err" || head -1 "$OBJ/$name.err")
	echo "  FAILED $name: $first"
done
[ "${#failed[@]}" -eq 0 ] || exit 1
