# juzhu — one entry point for humans and CI.
#
#   make demo     assess an example case and print the bilingual report
#   make test     every test: lint (rustfmt, clippy -D warnings), Rust (incl. CLI and calendar
#                 cross-check), C (plain, valgrind, helgrind, ASan+UBSan, a staged install used
#                 through pkg-config and CMake), Python, a fuzz smoke run
#   make fuzz     the 10-minute fuzz campaign per target (nightly), then minimise the corpora
#   make bench    criterion and Python benchmarks, 1 and 2 threads (BENCHMARKS.md; --scaling by hand)
#   make wheel    the Python wheel (stripped, abi3, manylinux_2_28) into build/wheels — no Rust needed
#                 to install it; make sdist: the source distribution into build/sdist
#   make header   regenerate include/juzhu.h with the pinned cbindgen (a dev-dependency of ffi/)
#   make install  libjuzhu.so.X.Y.Z (stripped, with its links), libjuzhu.a, juzhu.h, juzhu.pc and
#                 the CMake package; PREFIX=/usr/local LIBDIR=$PREFIX/lib INCLUDEDIR=$PREFIX/include
#                 DESTDIR= (a staging root)
#   make uninstall  remove what `make install` with the same variables put there
#
# Everything `make test` needs beyond a Rust toolchain, a C compiler, valgrind, pkg-config, CMake
# and Python 3 is installed here: Python packages into .venv, cargo-fuzz into .tools — nothing by
# hand. cbindgen is a pinned dev-dependency of ffi/ (ffi/tests/header.rs), built by cargo test.

SHELL    := /bin/bash
PYTHON   ?= python3
CARGO    ?= cargo
CC       ?= cc
SHARED   ?= $(abspath ../shared)
VENV     := .venv
VPY      := $(abspath $(VENV))/bin/python
TOOLS    := $(abspath .tools)
RELEASE  := $(abspath target/release)
BUILD    := build
VERSION  := $(shell sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
# The ABI version, which the SONAME carries (libjuzhu.so.$(SOVERSION); ffi/build.rs): the major, and
# before 1.0 the major and the minor, since a 0.x minor may change the C ABI.
MAJOR    := $(word 1,$(subst ., ,$(VERSION)))
MINOR    := $(word 2,$(subst ., ,$(VERSION)))
SOVERSION := $(if $(filter 0,$(MAJOR)),$(MAJOR).$(MINOR),$(MAJOR))

CSTRICT  := -std=c99 -Wall -Wextra -Wpedantic -Werror -g -Iinclude -Itests/c
CLINK    := -L$(RELEASE) -ljuzhu -Wl,-rpath,$(RELEASE)
SANITIZE := -fsanitize=address,undefined -fno-omit-frame-pointer
VALGRIND := valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect \
            --show-leak-kinds=definite,indirect --error-exitcode=99
CASES     = $(sort $(wildcard $(SHARED)/cases/*.json $(SHARED)/cases/*/*.json))

.PHONY: demo test test-rust test-c test-install test-python test-wheel test-sdist test-fuzz lint python wheel sdist \
        bench fuzz lib header check-header install uninstall venv clean

demo:
	$(CARGO) run -q -p juzhu-cli -- assess examples/cases/floating-worker.json

test: lint test-rust test-c test-python test-wheel test-fuzz
	@echo "make test: all suites passed"

# ------------------------------------------------------------------------------ Python venv
venv: $(VENV)/.ready

$(VENV)/.ready: tests/requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(VPY) -m pip install -q --disable-pip-version-check -r tests/requirements.txt
	touch $@

# ------------------------------------------------------------------------------------ Rust
test-rust: venv
	@test -n "$(CASES)" || { echo "no shared cases under $(SHARED)/cases"; exit 1; }
	JUZHU_SHARED=$(SHARED) JUZHU_PYTHON=$(VPY) JUZHU_REQUIRE_CROSSCHECK=1 \
	    $(CARGO) test --workspace --exclude juzhu-python --all-targets
	JUZHU_SHARED=$(SHARED) $(CARGO) test --workspace --exclude juzhu-python --doc
	@echo "--- a dependent crate outside the workspace (no forced serde_json features; the README's Rust examples)"
	CARGO_TARGET_DIR=$(abspath target/dependent) $(CARGO) test -q --manifest-path tests/dependent/Cargo.toml
	@echo "--- cargo package -p juzhu: self-contained, no warnings"
	@out=$$($(CARGO) package -p juzhu --allow-dirty --no-verify 2>&1); echo "$$out" | tail -1; \
	  if echo "$$out" | grep -qi warning; then echo "$$out"; exit 1; fi

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings
	RUSTDOCFLAGS="-D warnings" $(CARGO) doc -q --no-deps -p juzhu

# ---------------------------------------------------------------------------------- fuzzing
# cargo-fuzz (libFuzzer, ASan) needs the nightly toolchain. `make test` runs every target for a
# few seconds from the kept corpora (new inputs go to a scratch directory, not the repository);
# `make fuzz` runs each for 10 minutes, keeps what it finds and minimises the corpora (cmin).
# The corpora are also replayed on stable by core/tests/fuzz_corpus.rs inside `cargo test`.
FUZZ_TARGETS := case_json c_json c_struct calendar_json
FUZZ_SECONDS ?= 5
CARGO_FUZZ := $(TOOLS)/bin/cargo-fuzz
FUZZ_RUN = cd fuzz && PATH=$(TOOLS)/bin:$$PATH cargo fuzz run -O
FUZZ_ARGS = -max_len=65536 -rss_limit_mb=4096
NIGHTLY = rustup run nightly rustc --version >/dev/null 2>&1

$(CARGO_FUZZ):
	$(CARGO) install -q cargo-fuzz --version 0.13.2 --locked --root $(TOOLS)

test-fuzz:
	@if ! $(NIGHTLY); then \
	  echo "fuzz: no nightly toolchain on this machine; the corpora were replayed on stable (cargo test)"; exit 0; fi; \
	$(MAKE) -s $(CARGO_FUZZ) && \
	scratch=$$(mktemp -d); trap 'rm -rf $$scratch' EXIT; \
	for t in $(FUZZ_TARGETS); do \
	  mkdir -p $$scratch/$$t; \
	  if ($(FUZZ_RUN) $$t $$scratch/$$t corpus/$$t -- -max_total_time=$(FUZZ_SECONDS) $(FUZZ_ARGS) \
	      > $$scratch/$$t.log 2>&1); then \
	    echo "fuzz $$t: $$(grep -E '^Done' $$scratch/$$t.log | tail -1)"; \
	  else tail -40 $$scratch/$$t.log; echo "fuzz $$t FAILED (crash input under fuzz/artifacts/$$t)"; exit 1; fi; \
	done

fuzz: $(CARGO_FUZZ)
	@for t in $(FUZZ_TARGETS); do \
	  echo "fuzz $$t: 600 s"; \
	  log=$$(mktemp); \
	  if ($(FUZZ_RUN) $$t corpus/$$t -- -max_total_time=600 $(FUZZ_ARGS) > $$log 2>&1); then grep -E '^Done' $$log; \
	  else tail -40 $$log; echo "fuzz $$t FAILED (crash input under fuzz/artifacts/$$t)"; exit 1; fi; \
	  (cd fuzz && PATH=$(TOOLS)/bin:$$PATH cargo fuzz cmin -O $$t corpus/$$t -- -rss_limit_mb=4096 2>&1 | tail -1); \
	done

# --------------------------------------------------------------------------------------- C
# The cdylib's SONAME is libjuzhu.so.$(SOVERSION) (ffi/build.rs), so programs linked in the build tree
# look for that name: the link beside target/release/libjuzhu.so lets them run from there.
lib:
	$(CARGO) build -q --release -p juzhu-ffi
	ln -sfn libjuzhu.so $(RELEASE)/libjuzhu.so.$(SOVERSION)

# include/juzhu.h is cbindgen's output (pinned in ffi/Cargo.toml); ffi/tests/header.rs checks it
# (in `cargo test`, so in test-rust, and here before the C suites) and writes it under JUZHU_BLESS.
header:
	JUZHU_BLESS=1 $(CARGO) test -q -p juzhu-ffi --test header

check-header:
	$(CARGO) test -q -p juzhu-ffi --test header

C_TESTS := test_cases test_hostile test_threads test_catalogue test_no_threads
CATALOGUE := tests/hostile/catalogue.json

$(BUILD)/c/%: tests/c/%.c tests/c/minijson.h tests/c/readfile.h include/juzhu.h | lib
	@mkdir -p $(BUILD)/c
	$(CC) $(CSTRICT) -pthread $< $(CLINK) -o $@

$(BUILD)/c/%.asan: tests/c/%.c tests/c/minijson.h tests/c/readfile.h include/juzhu.h | lib
	@mkdir -p $(BUILD)/c
	$(CC) $(CSTRICT) -pthread $(SANITIZE) $< $(CLINK) -o $@

test-c: check-header lib
	@test -n "$(CASES)" || { echo "no shared cases under $(SHARED)/cases"; exit 1; }
	$(MAKE) --no-print-directory $(addprefix $(BUILD)/c/,$(C_TESTS))
	$(BUILD)/c/test_cases $(CASES)
	$(BUILD)/c/test_hostile
	$(BUILD)/c/test_threads $(CASES)
	$(BUILD)/c/test_catalogue $(CATALOGUE)
	$(BUILD)/c/test_no_threads 2> $(BUILD)/c/no_threads.err && test ! -s $(BUILD)/c/no_threads.err
	@echo "--- under valgrind (no leaks, no errors)"
	$(VALGRIND) $(BUILD)/c/test_cases $(CASES)
	$(VALGRIND) $(BUILD)/c/test_hostile
	$(VALGRIND) $(BUILD)/c/test_threads $(CASES)
	JUZHU_SKIP_BULK=1 $(VALGRIND) $(BUILD)/c/test_catalogue $(CATALOGUE)
	@echo "--- under helgrind (8 threads on one calendar and policy; tests/c/helgrind.supp lists the one std-internal report)"
	JUZHU_TEST_ROUNDS=5 valgrind --tool=helgrind -q --suppressions=tests/c/helgrind.supp --error-exitcode=3 \
	    $(BUILD)/c/test_threads $(CASES)
	@if echo 'int main(void){return 0;}' | $(CC) $(SANITIZE) -x c - -o $(BUILD)/c/.sanitize-probe 2>/dev/null; then \
	  echo "--- with -fsanitize=address,undefined"; \
	  $(MAKE) --no-print-directory $(addprefix $(BUILD)/c/,$(addsuffix .asan,$(C_TESTS))) && \
	  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 $(BUILD)/c/test_cases.asan $(CASES) && \
	  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 $(BUILD)/c/test_hostile.asan && \
	  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 $(BUILD)/c/test_threads.asan $(CASES) && \
	  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1 $(BUILD)/c/test_catalogue.asan $(CATALOGUE); \
	else echo "--- this compiler cannot build with -fsanitize=address,undefined: sanitizer run not possible here"; fi
	@echo "--- the C example, dynamic and static"
	$(MAKE) --no-print-directory -C examples/c LIBDIR=$(RELEASE) clean all
	examples/c/assess examples/cases/floating-worker.json | grep -q '"deadline":"2024-10-08"'
	examples/c/assess-static examples/cases/floating-worker.json | grep -q '"deadline":"2024-10-08"'
	examples/c/person | grep -q '20241018'
	@echo "--- the README's C example"
	awk '/^```c$$/{f=1;next} /^```$$/{f=0} f' README.md > $(BUILD)/c/readme.c
	$(CC) $(CSTRICT) $(BUILD)/c/readme.c $(CLINK) -o $(BUILD)/c/readme
	$(BUILD)/c/readme | grep -q '"deadline":"2024-10-08"'
	$(MAKE) --no-print-directory test-install

# ---------------------------------------------------------------------------------- Python
# `make python` builds the extension by maturin (release, abi3) straight into .venv, editable, for
# working on it. `make test-python` tests what ships instead: the wheel (below) installed into
# .venv — one release build of the extension for the whole of `make test`, not two — with pytest,
# its stubs checked against the runtime with mypy.stubtest, and the examples run.
python: venv
	cd python && VIRTUAL_ENV=$(abspath $(VENV)) PATH=$(abspath $(VENV))/bin:$$PATH \
	    $(VPY) -m maturin develop --release -q

test-python: wheel
	@test -n "$(CASES)" || { echo "no shared cases under $(SHARED)/cases"; exit 1; }
	$(VPY) -m pip install -q --disable-pip-version-check --force-reinstall --no-deps $(WHEEL)
	JUZHU_SHARED=$(SHARED) $(VPY) -m pytest -q tests/python
	$(VPY) -m mypy.stubtest juzhu --mypy-config-file python/pyproject.toml
	$(VPY) -m mypy --config-file python/pyproject.toml python/juzhu tests/python/typing_batch.py
	$(VPY) examples/python/one_case.py > /dev/null
	$(VPY) examples/python/analytics.py --people 200000 --png $(BUILD)/permits_expiring.png > /dev/null
	@test -s $(BUILD)/permits_expiring.png
	$(VPY) examples/python/analytics.py --engine pandas --people 50000 --png $(BUILD)/permits_expiring_pandas.png > /dev/null
	@test -s $(BUILD)/permits_expiring_pandas.png

# ------------------------------------------------------------------------ Python packages
# The wheel needs no Rust to install: one abi3 build serves CPython 3.9 and later, stripped
# (the workspace's release profile keeps debug info for profiling; the wheel drops it), and
# linked by zig (the `ziglang` package in .venv) against glibc 2.28, so that it installs on any
# manylinux_2_28 host (RHEL/Alma/Rocky 8, Debian 10, Ubuntu 20.04 and later). Its own target
# directory (target/<triple>) keeps `make python`'s build intact; zig's caches live under target/.
# tests/wheel/check.py checks the tag, the files, the stripping and the glibc floor (readelf and
# auditwheel), then installs the wheel into a fresh environment with no Rust on PATH and runs it.
MANYLINUX := 2_28
ARCH      := $(shell uname -m)
WHEELS    := $(BUILD)/wheels
SDISTS    := $(BUILD)/sdist
WHEEL      = $(WHEELS)/juzhu-$(VERSION)-cp39-abi3-manylinux_$(MANYLINUX)_$(ARCH).whl
SDIST      = $(SDISTS)/juzhu-$(VERSION).tar.gz

wheel: venv
	rm -f $(WHEELS)/juzhu-*.whl
	cd python && PATH=$(abspath $(VENV))/bin:$$PATH XDG_CACHE_HOME=$(abspath target/zig-cache) \
	    $(VPY) -m maturin build -q --release --strip --zig --compatibility manylinux_$(MANYLINUX) \
	    -i $(VPY) --out $(abspath $(WHEELS))
	$(VPY) tests/wheel/check.py wheel $(WHEEL) --glibc $(subst _,.,$(MANYLINUX))

sdist: venv
	rm -f $(SDISTS)/juzhu-*.tar.gz
	cd python && $(VPY) -m maturin sdist --out $(abspath $(SDISTS))
	$(VPY) tests/wheel/check.py sdist $(SDIST)

# WHEEL_PYTHONS: the interpreters the wheel is installed and tried with, e.g. "python3.9 python3.13".
WHEEL_PYTHONS ?= $(PYTHON)

test-wheel: wheel sdist
	$(VPY) tests/wheel/check.py install $(WHEEL) --python $(WHEEL_PYTHONS)

# Not part of `make test` (a second full release build): pip builds a wheel from the sdist, as a
# user without the wheel would, and that wheel is installed and tried like the other one.
test-sdist: sdist
	$(VPY) tests/wheel/check.py build-sdist $(SDIST) --python $(PYTHON) --target-dir $(abspath target/sdist)

# ------------------------------------------------------------------------------- benchmarks
# Not part of `make test` (timings are not tests); figures and commands in BENCHMARKS.md.
bench: python
	$(CARGO) bench -p juzhu --bench batch
	$(VPY) benchmarks/bench.py

# ----------------------------------------------------------------------------- installation
# GNU conventions: PREFIX, LIBDIR and INCLUDEDIR are the final, absolute locations (what juzhu.pc
# records); DESTDIR, a staging root for packagers, is only put in front of where files are written.
# The installed libraries are stripped (STRIP=: installs them with their debug info, e.g. for a
# -dbg package); target/release keeps its debug info either way. The CMake package finds every
# path from its own location, so it stays valid wherever the tree ends up.
PREFIX       ?= /usr/local
LIBDIR       ?= $(PREFIX)/lib
INCLUDEDIR   ?= $(PREFIX)/include
PKGCONFIGDIR ?= $(LIBDIR)/pkgconfig
CMAKEDIR     ?= $(LIBDIR)/cmake/juzhu
DATADIR      ?= $(PREFIX)/share
PKGDATADIR   ?= $(DATADIR)/juzhu
INSTALL      ?= install
STRIP        ?= strip
# What linking libjuzhu.a also takes: `rustc --print native-static-libs` for the staticlib, less -lc.
STATIC_LIBS  := -lgcc_s -lutil -lrt -lpthread -lm -ldl

empty :=
space := $(empty) $(empty)
# juzhu.pc writes a directory under PREFIX as ${prefix}/...
pc_dir = $(patsubst $(PREFIX)/%,$${prefix}/%,$(1))
SUBST = sed -e 's|@PREFIX@|$(PREFIX)|g' -e 's|@LIBDIR@|$(call pc_dir,$(LIBDIR))|g' \
            -e 's|@INCLUDEDIR@|$(call pc_dir,$(INCLUDEDIR))|g' -e 's|@VERSION@|$(VERSION)|g' \
            -e 's|@SOVERSION@|$(SOVERSION)|g' -e 's|@MAJOR@|$(MAJOR)|g' -e 's|@MINOR@|$(MINOR)|g' -e 's|@MAJOR_MINOR@|$(subst $(space),.,$(wordlist 1,2,$(subst ., ,$(VERSION))))|g' \
            -e 's|@STATIC_LIBS@|$(STATIC_LIBS)|g' -e 's|@STATIC_LIBS_CMAKE@|$(subst $(space),;,$(STATIC_LIBS:-l%=%))|g' \
            -e "s|@CMAKEDIR_TO_LIBDIR@|$$(realpath -ms --relative-to=$(CMAKEDIR) $(LIBDIR))|g" \
            -e "s|@CMAKEDIR_TO_INCLUDEDIR@|$$(realpath -ms --relative-to=$(CMAKEDIR) $(INCLUDEDIR))|g" \
            -e "s|@SIZEOF_VOID_P@|$$bytes|g" -e "s|@BITS@|$$((bytes * 8))|g"
CHECK_DIRS = for d in "$(PREFIX)" "$(LIBDIR)" "$(INCLUDEDIR)" "$(PKGCONFIGDIR)" "$(CMAKEDIR)" "$(PKGDATADIR)"; do \
               case "$$d" in /*) ;; *) echo "make $@: '$$d' must be an absolute path (DESTDIR is for staging)"; exit 1;; esac; \
             done
INSTALLED = $(INCLUDEDIR)/juzhu.h $(LIBDIR)/libjuzhu.so.$(VERSION) $(LIBDIR)/libjuzhu.so.$(SOVERSION) \
            $(LIBDIR)/libjuzhu.so $(LIBDIR)/libjuzhu.a $(PKGCONFIGDIR)/juzhu.pc \
            $(CMAKEDIR)/juzhuConfig.cmake $(CMAKEDIR)/juzhuConfigVersion.cmake $(PKGDATADIR)/juzhu.supp

# libjuzhu.so.X.Y.Z, with the links libjuzhu.so.$(SOVERSION) (the SONAME: what programs load) and
# libjuzhu.so (what -ljuzhu finds when linking); the stripped copies are made in a scratch
# directory, so DESTDIR only ever receives finished files.
install: lib
	@$(CHECK_DIRS)
	@set -e; tmp=$$(mktemp -d); trap 'rm -rf "$$tmp"' EXIT; \
	bytes=$$(readelf -h $(RELEASE)/libjuzhu.so | grep -q 'Class:.*ELF64' && echo 8 || echo 4); \
	$(SUBST) ffi/juzhu.pc.in > $$tmp/juzhu.pc; \
	$(SUBST) ffi/cmake/juzhuConfig.cmake.in > $$tmp/juzhuConfig.cmake; \
	$(SUBST) ffi/cmake/juzhuConfigVersion.cmake.in > $$tmp/juzhuConfigVersion.cmake; \
	cp $(RELEASE)/libjuzhu.so $$tmp/libjuzhu.so.$(VERSION) && $(STRIP) --strip-unneeded $$tmp/libjuzhu.so.$(VERSION); \
	cp $(RELEASE)/libjuzhu.a $$tmp/libjuzhu.a && $(STRIP) --strip-debug $$tmp/libjuzhu.a; \
	$(INSTALL) -d "$(DESTDIR)$(INCLUDEDIR)" "$(DESTDIR)$(LIBDIR)" "$(DESTDIR)$(PKGCONFIGDIR)" "$(DESTDIR)$(CMAKEDIR)" "$(DESTDIR)$(PKGDATADIR)"; \
	$(INSTALL) -v -m 644 include/juzhu.h "$(DESTDIR)$(INCLUDEDIR)/juzhu.h"; \
	$(INSTALL) -v -m 755 $$tmp/libjuzhu.so.$(VERSION) "$(DESTDIR)$(LIBDIR)/libjuzhu.so.$(VERSION)"; \
	ln -sfnv libjuzhu.so.$(VERSION) "$(DESTDIR)$(LIBDIR)/libjuzhu.so.$(SOVERSION)"; \
	ln -sfnv libjuzhu.so.$(SOVERSION) "$(DESTDIR)$(LIBDIR)/libjuzhu.so"; \
	$(INSTALL) -v -m 644 $$tmp/libjuzhu.a "$(DESTDIR)$(LIBDIR)/libjuzhu.a"; \
	$(INSTALL) -v -m 644 $$tmp/juzhu.pc "$(DESTDIR)$(PKGCONFIGDIR)/juzhu.pc"; \
	$(INSTALL) -v -m 644 $$tmp/juzhuConfig.cmake "$(DESTDIR)$(CMAKEDIR)/juzhuConfig.cmake"; \
	$(INSTALL) -v -m 644 $$tmp/juzhuConfigVersion.cmake "$(DESTDIR)$(CMAKEDIR)/juzhuConfigVersion.cmake"; \
	$(INSTALL) -v -m 644 ffi/valgrind/juzhu.supp "$(DESTDIR)$(PKGDATADIR)/juzhu.supp"

# Exactly the files above, and the package's own directory cmake/juzhu; the shared directories
# (include, lib, pkgconfig, cmake) stay.
uninstall:
	@$(CHECK_DIRS)
	rm -fv $(addprefix $(DESTDIR),$(INSTALLED))
	@if [ -d $(DESTDIR)$(CMAKEDIR) ]; then rmdir -v --ignore-fail-on-non-empty $(DESTDIR)$(CMAKEDIR); fi
	@if [ -d $(DESTDIR)$(PKGDATADIR) ]; then rmdir -v --ignore-fail-on-non-empty $(DESTDIR)$(PKGDATADIR); fi

# The packaging, checked on a staged install, never the live system: DESTDIR under build/, the
# layout of a distribution package (PREFIX=/usr; LIBDIR=/usr/lib/<multiarch> as on Debian, else
# /usr/lib64: the directories CMake searches there), the examples built against it through
# pkg-config and through CMake, the version rules of the CMake package, then uninstall.
MULTIARCH   := $(shell $(CC) -print-multiarch 2>/dev/null)
STAGE       := $(abspath $(BUILD))/stage
STAGE_LIBS  := lib$(if $(MULTIARCH),/$(MULTIARCH),64)
STAGE_VARS  := DESTDIR=$(STAGE) PREFIX=/usr LIBDIR=/usr/$(STAGE_LIBS) INCLUDEDIR=/usr/include
STAGE_LIB   := $(STAGE)/usr/$(STAGE_LIBS)
STAGE_FILES := ./usr/include/juzhu.h ./usr/$(STAGE_LIBS)/cmake/juzhu/juzhuConfig.cmake \
               ./usr/$(STAGE_LIBS)/cmake/juzhu/juzhuConfigVersion.cmake ./usr/$(STAGE_LIBS)/libjuzhu.a \
               "./usr/$(STAGE_LIBS)/libjuzhu.so -> libjuzhu.so.$(SOVERSION)" \
               "./usr/$(STAGE_LIBS)/libjuzhu.so.$(SOVERSION) -> libjuzhu.so.$(VERSION)" \
               ./usr/$(STAGE_LIBS)/libjuzhu.so.$(VERSION) ./usr/$(STAGE_LIBS)/pkgconfig/juzhu.pc \
               ./usr/share/juzhu/juzhu.supp
STAGE_PC    := PKG_CONFIG_LIBDIR=$(STAGE_LIB)/pkgconfig PKG_CONFIG_SYSROOT_DIR=$(STAGE)
EXAMPLE     := examples/cases/floating-worker.json
DEADLINE    := grep -q '"deadline":"2024-10-08"'

test-install: lib
	@echo "--- make install into a staging DESTDIR: the files, the SONAME, stripped copies, final paths"
	rm -rf $(STAGE) $(BUILD)/cmake $(BUILD)/cmake-version
	$(MAKE) --no-print-directory install $(STAGE_VARS)
	diff -u <(printf '%s\n' $(STAGE_FILES) | sort) \
	        <(cd $(STAGE) && find . -type l -printf '%p -> %l\n' -o -type f -printf '%p\n' | sort)
	readelf -d $(STAGE_LIB)/libjuzhu.so.$(VERSION) | grep -q 'Library soname: \[libjuzhu\.so\.$(SOVERSION)\]'
	! readelf -S $(STAGE_LIB)/libjuzhu.so.$(VERSION) | grep -q '\.debug_'
	! readelf -S $(STAGE_LIB)/libjuzhu.a | grep -q '\.debug_'
	readelf -S $(RELEASE)/libjuzhu.so | grep -q '\.debug_info'
	@echo "    libjuzhu.so: $$(stat -c %s $(RELEASE)/libjuzhu.so) bytes in target/release, $$(stat -c %s $(STAGE_LIB)/libjuzhu.so.$(VERSION)) installed"
	! grep -rlF '$(STAGE)' $(STAGE)
	grep -qx 'libdir=$${prefix}/$(STAGE_LIBS)' $(STAGE_LIB)/pkgconfig/juzhu.pc
	@echo "--- pkg-config: examples/c's assess-pc built with juzhu.pc's flags (the sysroot maps /usr into the stage)"
	$(STAGE_PC) pkg-config --modversion juzhu | grep -qx '$(VERSION)'
	rm -f examples/c/assess-pc
	$(STAGE_PC) $(MAKE) --no-print-directory -C examples/c assess-pc
	readelf -d examples/c/assess-pc | grep -q 'NEEDED.*\[libjuzhu\.so\.$(SOVERSION)\]'
	LD_LIBRARY_PATH=$(STAGE_LIB) examples/c/assess-pc $(EXAMPLE) | $(DEADLINE)
	@echo "--- pkg-config, static: the installed libjuzhu.a named by juzhu.pc's staticlib, with its static_libs"
	rm -f examples/c/assess-pc-static
	@# pkgconf prefixes --variable paths with the sysroot, freedesktop pkg-config does not: the
	@# archive's installed path is checked, then given as the stage holds it.
	$(STAGE_PC) pkg-config --variable=staticlib juzhu | grep -Eqx '($(STAGE))?/usr/$(STAGE_LIBS)/libjuzhu\.a'
	$(STAGE_PC) $(MAKE) --no-print-directory -C examples/c assess-pc-static STATICLIB=$(STAGE_LIB)/libjuzhu.a
	! readelf -d examples/c/assess-pc-static | grep -q libjuzhu
	examples/c/assess-pc-static $(EXAMPLE) | $(DEADLINE)
	@echo "--- the installed valgrind suppressions cover a threaded batch (no other leak kind hidden)"
	$(CC) $(CSTRICT) tests/c/threaded_batch.c $(CLINK) -o $(BUILD)/threaded_batch
	! valgrind -q --leak-check=full --error-exitcode=99 $(BUILD)/threaded_batch 2>/dev/null
	valgrind -q --leak-check=full --error-exitcode=99 --suppressions=$(STAGE)/usr/share/juzhu/juzhu.supp $(BUILD)/threaded_batch
	@echo "--- ... and against the installed (stripped) library, whose frames have no names"
	LD_LIBRARY_PATH=$(STAGE_LIB) valgrind -q --leak-check=full --error-exitcode=99 \
	    --suppressions=$(STAGE)/usr/share/juzhu/juzhu.supp $(BUILD)/threaded_batch
	@echo "--- CMake: examples/c/CMakeLists.txt, find_package(juzhu) through CMAKE_PREFIX_PATH=<stage>/usr"
	cmake -S examples/c -B $(BUILD)/cmake -DCMAKE_PREFIX_PATH=$(STAGE)/usr -DCMAKE_C_FLAGS=-Werror > /dev/null
	grep -qx 'juzhu_DIR:PATH=$(STAGE_LIB)/cmake/juzhu' $(BUILD)/cmake/CMakeCache.txt
	cmake --build $(BUILD)/cmake > /dev/null
	readelf -d $(BUILD)/cmake/assess | grep -q 'NEEDED.*\[libjuzhu\.so\.$(SOVERSION)\]'
	! readelf -d $(BUILD)/cmake/assess-static | grep -q libjuzhu
	$(BUILD)/cmake/assess $(EXAMPLE) | $(DEADLINE)
	$(BUILD)/cmake/assess-static $(EXAMPLE) | $(DEADLINE)
	$(BUILD)/cmake/person | grep -q '20241018'
	cmake -S tests/cmake -B $(BUILD)/cmake-version -DCMAKE_PREFIX_PATH=$(STAGE)/usr -DJUZHU_VERSION=$(VERSION) > /dev/null
	@echo "--- make uninstall leaves none of our files in the stage"
	$(MAKE) --no-print-directory uninstall $(STAGE_VARS)
	test -z "$$(find $(STAGE) ! -type d)"
	test ! -e $(STAGE_LIB)/cmake/juzhu
	test ! -e $(STAGE)/usr/share/juzhu

clean:
	rm -rf $(VENV) $(BUILD) target
	$(MAKE) -C examples/c clean
