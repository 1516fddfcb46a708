# One entry point for people and CI. Every target builds its own virtualenv.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: demo test lint typecheck pytest bench bench-dataset bench-translate demo-translate clean

$(BIN)/python:
	$(PY) -m venv $(VENV)

# Core install only (light: no torch), used by the demo.
$(VENV)/.core-installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q '.[data]'
	touch $@

# Dev install: torch pinned first (a local CPU wheel), then the project with all extras.
$(VENV)/.dev-installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[dev,translate]'
	touch $@

## demo: install and normalize the bundled sample names and report
demo: $(VENV)/.core-installed
	$(BIN)/translit normalize data/samples/names.csv --column name --style rferl -o -
	$(BIN)/translit normalize --text data/samples/report.txt --style official

## test: lint, type-check and run the test suite
test: lint typecheck pytest

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(VENV)/.dev-installed
	$(BIN)/mypy

pytest: $(VENV)/.dev-installed
	$(BIN)/pytest -q

bench: $(VENV)/.dev-installed
	$(BIN)/pip install -q -e '.[bench]'
	$(BIN)/python bench/romanize.py
	$(BIN)/python bench/names.py

demo-translate: $(VENV)/.dev-installed
	$(BIN)/translit translate --model demo --no-cache data/models/demo/sample_report.md

bench-translate: $(VENV)/.dev-installed
	$(BIN)/python bench/translate.py

bench-dataset: $(VENV)/.dev-installed
	$(BIN)/pip install -q -e '.[bench]'
	$(BIN)/python bench/dataset.py

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
