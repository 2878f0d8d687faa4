# The two set-up commands of the README. Both work on a fresh machine.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: run test install install-test clean

$(BIN)/python:
	$(PY) -m venv $(VENV)
	$(BIN)/pip install --upgrade pip

# torch first, pinned: the CPU build on local disk (an unpinned torch pulls a CUDA build).
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install torch==2.13.0
	$(BIN)/pip install -e .
	touch $@

# the browser tests drive Debian's chromium, the PostgreSQL pass a throwaway server from Debian's postgresql;
# install them when they are missing (CI runs as root)
$(VENV)/.installed-test: $(VENV)/.installed
	$(BIN)/pip install -e '.[test]'
	command -v chromium >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; } \
		|| echo "chromium could not be installed: the browser test will be skipped"
	{ command -v initdb >/dev/null 2>&1 || ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; } \
		|| { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql; } \
		|| echo "postgresql could not be installed: the PostgreSQL pass will be skipped"
	touch $@

install: $(VENV)/.installed
install-test: $(VENV)/.installed-test

# Ingest the demo corpus (idempotent: a second run reports duplicates), show what is stored, then serve
# the app on http://127.0.0.1:7860 (Ctrl-C stops it).
run: install
	$(BIN)/askmap ingest corpus
	$(BIN)/askmap docs
	$(BIN)/askmap ui

# the whole suite on SQLite, then again on a throwaway PostgreSQL server the tests start (tests/pg.py)
test: install-test
	$(BIN)/python -m pytest
	@why=$$($(BIN)/python -c "from tests.pg import unavailable; print(unavailable() or '')"); \
	if [ -n "$$why" ]; then echo "PostgreSQL pass skipped: $$why"; \
	else ASKMAP_TEST_BACKEND=postgresql $(BIN)/python -m pytest; fi

clean:
	rm -rf $(VENV)
