# The commands a person runs. `make serve` and `make test` each install what they need first.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PACKAGES := ontology extract graph web govgraph

.PHONY: serve test lint typecheck imports unit bench install install-test browser clean

$(BIN)/govgraph: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e .
	touch $@

install: $(BIN)/govgraph

install-test: install
	$(BIN)/pip install --quiet -e ".[test]"

# Debian's chromium for the browser tests (Playwright cannot download its own browser here).
browser:
	@command -v chromium >/dev/null 2>&1 || { apt-get update -qq && apt-get install -y -qq chromium; }

serve: install
	$(BIN)/govgraph serve --host 127.0.0.1 --port 5000

test: install-test browser lint typecheck imports unit

lint:
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck:
	$(BIN)/mypy

imports:
	$(BIN)/lint-imports

unit:
	$(BIN)/pytest -q

bench: install-test browser
	$(BIN)/python bench/run.py

clean:
	rm -rf $(VENV) build *.egg-info .mypy_cache .ruff_cache .pytest_cache test-artifacts
