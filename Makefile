# Two commands for a fresh machine: `make demo` and `make test`.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: demo test lint install clean bench browser

$(STAMP): pyproject.toml requirements.lock
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade "pip==26.3" || true
	$(BIN)/python -m pip install -q -r requirements.lock
	$(BIN)/python -m pip install -q --no-deps -e .
	touch $(STAMP)

install: $(STAMP)

demo: $(STAMP)
	rm -f demo.duckdb demo.duckdb.wal
	$(BIN)/parley demo --db demo.duckdb

# The linter runs first: a lint failure stops CI before the four minutes of tests.
lint: $(STAMP)
	$(BIN)/ruff check parley bench tests

test: $(STAMP) browser lint
	$(BIN)/python -m pytest -q -x --durations=15

# A real headless Chromium and the Playwright driver for the web tests (tests/test_web_browser.py).
browser:
	test -x /usr/bin/chromium || (DEBIAN_FRONTEND=noninteractive apt-get install -y chromium || (apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium))
	test -d tests/browser/node_modules/playwright-core || npm ci --prefix tests/browser --no-audit --no-fund

clean:
	rm -rf $(VENV) demo.duckdb demo.duckdb.wal
