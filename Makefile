# archplan: the two commands a new user needs are `make demo` and `make test`.
# Both create the virtual environment in .venv on first use, with pinned dependencies.

PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.archplan-installed
PIP_VERSION := 26.3
NBVAL := --nbval --nbval-current-env --nbval-sanitize-with notebooks/sanitize.cfg

.PHONY: demo test lint unit notebooks rerun-notebooks bench env clean

demo: $(STAMP)
	$(BIN)/archplan demo

test: $(STAMP) lint
	bash scripts/ensure-chromium.sh
	$(BIN)/python -m pytest $(NBVAL) --doctest-modules src/archplan tests notebooks

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks
	$(BIN)/ruff format --check src tests benchmarks
	$(BIN)/mypy

unit: $(STAMP)
	$(BIN)/python -m pytest tests

notebooks: $(STAMP)
	$(BIN)/python -m pytest $(NBVAL) notebooks

rerun-notebooks: $(STAMP)
	BIN=$(BIN) bash scripts/rerun-notebooks.sh

bench: $(STAMP)
	$(BIN)/python benchmarks/bench_compare.py
	$(BIN)/python benchmarks/bench_risk.py
	$(BIN)/python benchmarks/bench_report.py
	$(BIN)/python benchmarks/bench_import.py
	$(BIN)/python benchmarks/bench_portfolio.py 300
	$(BIN)/python benchmarks/bench_actuals.py
	$(BIN)/python benchmarks/bench_focus12.py

env: $(STAMP)

$(STAMP): pyproject.toml constraints.txt
	@$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11))' || \
		{ echo "archplan needs Python 3.11 or newer (found: $$($(PYTHON) --version))"; exit 1; }
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check pip==$(PIP_VERSION)
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

clean:
	rm -rf $(VENV) out .pytest_cache .mypy_cache .ruff_cache .hypothesis
