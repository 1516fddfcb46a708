# One entry point for people and CI. Every target builds its own virtualenv.
PY ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
# The project as users install it: a wheel, its hot path compiled with mypyc
# (hatch_build.py). The dev venv above holds an editable, pure-Python install.
WVENV ?= .venv-wheel
WBIN := $(WVENV)/bin
WHEEL_DIR := build/wheel
SOURCES := $(shell git ls-files translit translate cli.py data 2>/dev/null)
export HF_HUB_OFFLINE := 1
export TRANSFORMERS_OFFLINE := 1

.PHONY: demo test lint typecheck pytest pytest-compiled bench bench-dataset bench-translate demo-translate clean

$(BIN)/python:
	$(PY) -m venv $(VENV)

$(WBIN)/python:
	$(PY) -m venv $(WVENV)

# The wheel (rebuilt when a source changes) with the data extra and the test runner.
$(WVENV)/.installed: pyproject.toml hatch_build.py $(SOURCES) | $(WBIN)/python
	rm -rf $(WHEEL_DIR)
	$(WBIN)/pip wheel -q --no-deps -w $(WHEEL_DIR) .
	$(WBIN)/pip install -q --force-reinstall --no-deps $(WHEEL_DIR)/*.whl
	$(WBIN)/pip install -q "$$(ls $(WHEEL_DIR)/*.whl)[data]" pandas psutil pytest hypothesis
	touch $@

# Dev install: torch pinned first (a local CPU wheel), then the project with all extras.
$(VENV)/.dev-installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install -q torch==2.13.0
	$(BIN)/pip install -q -e '.[dev,translate]'
	touch $@

## demo: install and normalize the bundled sample names and report
demo: $(WVENV)/.installed
	$(WBIN)/translit normalize data/samples/names.csv --column name --style rferl -o -
	$(WBIN)/translit normalize --text data/samples/report.txt --style official

## test: lint, type-check and run the test suite
test: lint typecheck pytest pytest-compiled

lint: $(VENV)/.dev-installed
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

typecheck: $(VENV)/.dev-installed
	$(BIN)/mypy

pytest: $(VENV)/.dev-installed
	$(BIN)/pytest -q

# The name and dataset tests again, on the compiled wheel: the pytest script (not
# python -m, which puts the checkout first) and --import-mode=append make the installed
# package win over the checkout's sources.
pytest-compiled: export TRANSLIT_REQUIRE_COMPILED := 1
pytest-compiled: $(WVENV)/.installed
	TRANSLIT_EXPECT_COMPILED=1 $(WBIN)/pytest -q -p no:cacheprovider --import-mode=append \
		tests/translit tests/dataset tests/test_cli.py

# Benchmarks measure the compiled wheel, as users install it.
bench: $(WVENV)/.installed
	$(WBIN)/pip install -q "$$(ls $(WHEEL_DIR)/*.whl)[bench]"
	$(WBIN)/python bench/romanize.py
	$(WBIN)/python bench/names.py

demo-translate: $(VENV)/.dev-installed
	$(BIN)/translit translate --model demo --no-cache data/models/demo/sample_report.md

bench-translate: $(VENV)/.dev-installed
	$(BIN)/python bench/translate.py

bench-dataset: $(WVENV)/.installed
	$(WBIN)/pip install -q "$$(ls $(WHEEL_DIR)/*.whl)[bench]"
	$(WBIN)/python bench/dataset.py

clean:
	rm -rf $(VENV) $(WVENV) build dist .pytest_cache .mypy_cache .ruff_cache
