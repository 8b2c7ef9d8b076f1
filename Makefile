# newsgraph: the two quickstart commands are `make build` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
CONSTRAINTS := requirements/constraints.txt
PIP := $(BIN)/python -m pip install --quiet --disable-pip-version-check -c $(CONSTRAINTS)

.PHONY: build test test-fast lint schema docs fuzz bench bench-compare quality lock clean

$(VENV)/.base: pyproject.toml $(CONSTRAINTS)
	$(PYTHON) -m venv $(VENV)
	$(PIP) pip
	$(PIP) -e .
	@touch $@

$(VENV)/.test: $(VENV)/.base
	$(PIP) -e '.[test]'
	@touch $@

## build: venv + install (pinned) + build the bundled dataset + validate it
build: $(VENV)/.base
	$(BIN)/newsgraph build
	$(BIN)/newsgraph validate dataset
	$(BIN)/python -m newsgraph.publish.dictionary dataset docs/data-dictionary.md
	$(BIN)/newsgraph info --dataset dataset

## test: venv with test dependencies + ruff + mypy + the whole test suite (what CI runs)
test: $(VENV)/.test lint
	$(BIN)/python -m pytest -n auto --dist worksteal -m "not serial"
	$(BIN)/python -m pytest -m serial

## test-fast: the quick loop while coding: unit and property tests (a tenth of their examples),
## no end-to-end builds (tests marked slow) and no serial tests; `make test` stays the gate
test-fast: $(VENV)/.test
	NEWSGRAPH_TEST_FAST=1 $(BIN)/python -m pytest -n auto --dist worksteal -m "not slow and not serial"

lint: $(VENV)/.test
	$(BIN)/ruff check newsgraph tests
	$(BIN)/mypy

## schema: regenerate schema/ from the models
schema: $(VENV)/.base
	$(BIN)/python -m newsgraph.package.schema_export schema

## docs: regenerate the data dictionary from the models and the bundled dataset
docs: $(VENV)/.base
	$(BIN)/python -m newsgraph.publish.dictionary dataset docs/data-dictionary.md

## fuzz: the long hypothesis profile of the fuzz tests (outside CI)
fuzz: $(VENV)/.test
	HYPOTHESIS_MAX_EXAMPLES=2000 $(BIN)/python -m pytest -q tests/test_fuzz_validate.py tests/test_fuzz_build.py

## bench: benchmarks side by side (validation, build throughput, cold load) -> docs/performance.md
bench: $(VENV)/.test
	$(BIN)/python benchmarks/run.py

## bench-compare: build time of this checkout against BASE (a git rev) on CORPUS (a folder), side by side
bench-compare: $(VENV)/.test
	$(BIN)/python benchmarks/side_by_side.py $(BASE) $(CORPUS)

## quality: rules-only attribution quality on PolNeAR (../shared/polnear), seeds and fixtures -> docs/quality.md
quality: $(VENV)/.test
	$(BIN)/python benchmarks/quality.py

## reliability-doc: rerun the bad-input battery and regenerate docs/reliability.md
reliability-doc: $(VENV)/.test
	$(BIN)/python -m tests.reliability_doc

## lock: re-pin every dependency (then review the diff of requirements/constraints.txt)
lock:
	rm -rf /tmp/newsgraph-lock && $(PYTHON) -m venv /tmp/newsgraph-lock
	/tmp/newsgraph-lock/bin/python -m pip install --quiet --upgrade pip
	/tmp/newsgraph-lock/bin/python -m pip install --quiet -e '.[test]' hatchling
	{ echo "# Pinned versions for reproducible builds (pip constraints file)."; \
	  echo "# Regenerate with: make lock"; \
	  /tmp/newsgraph-lock/bin/python -m pip freeze --all --exclude-editable; } > $(CONSTRAINTS)

clean:
	rm -rf $(VENV) build dist .pytest_cache .mypy_cache .ruff_cache
