# juzhu — one entry point for humans and CI.
#
#   make demo   assess an example case and print the bilingual report
#   make test   every test: Rust (incl. the CLI and the calendar cross-check), C, Python
#
# Everything `make test` needs beyond a Rust toolchain, a C compiler and Python 3 is installed
# here, into .venv (Python packages) — nothing is assumed to be installed by hand.

PYTHON ?= python3
VENV   := .venv
VPY    := $(abspath $(VENV))/bin/python
CARGO  ?= cargo

.PHONY: demo test test-rust venv clean

demo:
	$(CARGO) run -q -p juzhu --example juzhu -- assess examples/cases/floating-worker.json

venv: $(VENV)/.ready

$(VENV)/.ready: tests/requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(VPY) -m pip install -q --disable-pip-version-check -r tests/requirements.txt
	touch $@

test: test-rust

test-rust: venv
	JUZHU_PYTHON=$(VPY) JUZHU_REQUIRE_CROSSCHECK=1 $(CARGO) test --workspace --all-targets
	$(CARGO) test --workspace --doc

clean:
	rm -rf $(VENV) target
