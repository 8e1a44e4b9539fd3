# juzhu — one entry point for humans and CI.
#
#   make demo     assess an example case and print the bilingual report
#   make test     every test: lint (rustfmt, clippy -D warnings), Rust (incl. CLI and calendar
#                 cross-check), C (plain, valgrind, helgrind, ASan+UBSan), Python, a fuzz smoke run
#   make fuzz     the 10-minute fuzz campaign per target (nightly), then minimise the corpora
#   make bench    criterion and Python benchmarks (BENCHMARKS.md)
#   make wheel    the Python wheel (stripped, abi3, manylinux_2_28) into build/wheels — no Rust needed
#                 to install it; make sdist: the source distribution into build/sdist
#   make header   regenerate include/juzhu.h with the pinned cbindgen
#   make install  PREFIX=/usr/local: libjuzhu.{so,a}, juzhu.h, juzhu.pc
#
# Everything `make test` needs beyond a Rust toolchain, a C compiler, valgrind and Python 3 is
# installed here: Python packages into .venv, cbindgen and cargo-fuzz into .tools — nothing by hand.

SHELL    := /bin/bash
PYTHON   ?= python3
CARGO    ?= cargo
CC       ?= cc
SHARED   ?= $(abspath ../shared)
VENV     := .venv
VPY      := $(abspath $(VENV))/bin/python
TOOLS    := $(abspath .tools)
CBINDGEN_VERSION := 0.29.4
CBINDGEN := $(TOOLS)/bin/cbindgen
LIBDIR   := $(abspath target/release)
BUILD    := build
VERSION  := $(shell sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -1)
PREFIX   ?= /usr/local

CSTRICT  := -std=c99 -Wall -Wextra -Wpedantic -Werror -g -Iinclude -Itests/c
CLINK    := -L$(LIBDIR) -ljuzhu -Wl,-rpath,$(LIBDIR)
SANITIZE := -fsanitize=address,undefined -fno-omit-frame-pointer
VALGRIND := valgrind -q --leak-check=full --errors-for-leak-kinds=definite,indirect \
            --show-leak-kinds=definite,indirect --error-exitcode=99
CASES     = $(sort $(wildcard $(SHARED)/cases/*.json))

.PHONY: demo test test-rust test-c test-python test-wheel test-sdist test-fuzz lint python wheel sdist bench fuzz lib header check-header install venv tools clean

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
tools: $(CBINDGEN)

$(CBINDGEN):
	$(CARGO) install -q cbindgen --version $(CBINDGEN_VERSION) --locked --root $(TOOLS)

lib:
	$(CARGO) build -q --release -p juzhu-ffi

header: $(CBINDGEN)
	cd ffi && $(CBINDGEN) --config cbindgen.toml --output ../include/juzhu.h

check-header: $(CBINDGEN)
	@tmp=$$(mktemp); (cd ffi && $(CBINDGEN) --config cbindgen.toml --output $$tmp) && \
	  if diff -u include/juzhu.h $$tmp; then echo "include/juzhu.h is up to date"; rm -f $$tmp; \
	  else echo "include/juzhu.h differs from cbindgen's output: run 'make header' and commit"; rm -f $$tmp; exit 1; fi

C_TESTS := test_cases test_hostile test_threads test_catalogue
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
	@echo "--- under valgrind (no leaks, no errors)"
	$(VALGRIND) $(BUILD)/c/test_cases $(CASES)
	$(VALGRIND) $(BUILD)/c/test_hostile
	$(VALGRIND) $(BUILD)/c/test_threads $(CASES)
	$(VALGRIND) $(BUILD)/c/test_catalogue $(CATALOGUE)
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
	$(MAKE) --no-print-directory -C examples/c LIBDIR=$(LIBDIR) clean all
	examples/c/assess examples/cases/floating-worker.json | grep -q '"deadline":"2024-10-08"'
	examples/c/assess-static examples/cases/floating-worker.json | grep -q '"deadline":"2024-10-08"'
	examples/c/person | grep -q '20241018'
	@echo "--- the README's C example"
	awk '/^```c$$/{f=1;next} /^```$$/{f=0} f' README.md > $(BUILD)/c/readme.c
	$(CC) $(CSTRICT) $(BUILD)/c/readme.c $(CLINK) -o $(BUILD)/c/readme
	$(BUILD)/c/readme | grep -q '"deadline":"2024-10-08"'
	@echo "--- install and pkg-config"
	rm -rf $(BUILD)/prefix && $(MAKE) --no-print-directory install PREFIX=$(abspath $(BUILD)/prefix)
	$(CC) -std=c99 -Wall -Werror examples/c/assess.c \
	    $$(PKG_CONFIG_PATH=$(abspath $(BUILD)/prefix)/lib/pkgconfig pkg-config --cflags --libs juzhu) \
	    -Wl,-rpath,$(abspath $(BUILD)/prefix)/lib -o $(BUILD)/c/assess-pc
	$(BUILD)/c/assess-pc examples/cases/floating-worker.json | grep -q '"category":"floating"'

# ---------------------------------------------------------------------------------- Python
# The extension is built by maturin (release, abi3) straight into .venv, then tested with pytest,
# its stubs checked against the runtime with mypy.stubtest, and the examples run.
python: venv
	cd python && VIRTUAL_ENV=$(abspath $(VENV)) PATH=$(abspath $(VENV))/bin:$$PATH \
	    $(VPY) -m maturin develop --release -q

test-python: python
	@test -n "$(CASES)" || { echo "no shared cases under $(SHARED)/cases"; exit 1; }
	JUZHU_SHARED=$(SHARED) $(VPY) -m pytest -q tests/python
	$(VPY) -m mypy.stubtest juzhu --mypy-config-file python/pyproject.toml
	$(VPY) -m mypy --config-file python/pyproject.toml python/juzhu
	$(VPY) examples/python/one_case.py > /dev/null
	$(VPY) examples/python/analytics.py --people 200000 --png $(BUILD)/permits_expiring.png > /dev/null
	@test -s $(BUILD)/permits_expiring.png

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
	$(VPY) benchmarks/bench.py --threads 2

install: lib
	install -d $(PREFIX)/lib/pkgconfig $(PREFIX)/include
	install -m 644 include/juzhu.h $(PREFIX)/include/juzhu.h
	install -m 755 target/release/libjuzhu.so $(PREFIX)/lib/libjuzhu.so
	install -m 644 target/release/libjuzhu.a $(PREFIX)/lib/libjuzhu.a
	sed -e 's|@PREFIX@|$(PREFIX)|' -e 's|@VERSION@|$(VERSION)|' ffi/juzhu.pc.in > $(PREFIX)/lib/pkgconfig/juzhu.pc

clean:
	rm -rf $(VENV) $(BUILD) target
	$(MAKE) -C examples/c clean
