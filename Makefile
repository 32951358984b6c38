# Everything a person runs. `make demo` and `make test` work from a fresh clone.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
EXTRAS := dev,postgres,browser,bench
STAMP := $(VENV)/.installed-$(shell cksum pyproject.toml | cut -d' ' -f1)
HOST ?= 127.0.0.1
PORT ?= 8000
DEMO_DB ?= sqlite:///attrition.db
# The extractor is compiled with mypyc (twice as fast, same output) unless COMPILE=no.
COMPILE ?= yes
COMPILED := src/attrition/extract/_compiled.json
EXTRACT_SOURCES := $(wildcard src/attrition/extract/*.py)

.PHONY: install compile demo test lint format bench clean

$(STAMP): pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[$(EXTRAS)]'
	rm -f $(VENV)/.installed-*
	touch $@

# Rebuilt whenever a source of the extractor changes. Without a C compiler the build fails,
# and the extractor runs from its Python sources, as it would with COMPILE=no.
$(COMPILED): $(STAMP) $(EXTRACT_SOURCES) tools/compile_extract.py
	@echo "compiling the extractor with mypyc (tools/compile_extract.py; COMPILE=no skips it)"
	@$(BIN)/python tools/compile_extract.py || \
	  echo "make: the extractor was not compiled; it runs from its Python sources, at 40 % of the speed"

compile: $(COMPILED)

ifeq ($(COMPILE),yes)
install: $(STAMP) $(COMPILED)
else
install: $(STAMP)
endif

demo: install
	ATTRITION_DATABASE_URL=$(DEMO_DB) $(BIN)/attrition demo --host $(HOST) --port $(PORT)

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

# pytest exits 5 when it collects no tests; that is not a failure of the suite.
test: lint
	$(BIN)/python -m pytest -n auto $(PYTEST_ARGS) || [ $$? -eq 5 ]

bench: install
	$(BIN)/python benchmarks/run_all.py

clean:
	rm -rf $(VENV) .pytest_cache .mypy_cache .ruff_cache build src/*.egg-info
	rm -f src/*.so src/attrition/extract/*.so $(COMPILED)
