# Entry points that do all set-up on a fresh machine: `make site`, `make test`, `make bundle`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1
# Pin build dates (sitemap) to the last commit so the same input builds the same bytes.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
export PIP_DISABLE_PIP_VERSION_CHECK := 1

NPM_DIR := build/npm
NPM_OK  := $(NPM_DIR)/node_modules/.installed

.PHONY: site test check serve clean chromium java bundle bench fuzz zensical mutate

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

$(VENV)/.site-deps: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[site]'
	touch $@

$(VENV)/.test-deps: pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

## site: build the site into site/ (strict: any editorial problem fails the build)
site: $(VENV)/.site-deps
	$(BIN)/mkdocs build --strict --site-dir site

## zensical: the reader built with Zensical into site-zensical/ (checked first, as `make site` is;
## Zensical installed, pinned by tools/zensical/requirements.txt, into its own .venv-zensical)
ZENSICAL_VENV := .venv-zensical
ZENSICAL_OK   := $(ZENSICAL_VENV)/.installed

$(ZENSICAL_OK): tools/zensical/requirements.txt
	$(PYTHON) -m venv $(ZENSICAL_VENV)
	$(ZENSICAL_VENV)/bin/python -m pip install --quiet -r tools/zensical/requirements.txt
	touch $@

zensical: $(VENV)/.site-deps $(ZENSICAL_OK)
	$(BIN)/annotated-reader zensical --zensical $(ZENSICAL_VENV)/bin/zensical

## bundle: the offline site as dist/union-state-reader-offline.zip (opens from disk, search included)
bundle: $(VENV)/.site-deps $(NPM_OK)
	$(BIN)/python -m annotated_reader.bundle --output dist/union-state-reader-offline.zip

## npm packages pinned in tools/npm (iframe-worker for the bundle, axe-core and vnu-jar for the tests),
## installed into build/npm with npm ci; Debian's nodejs and npm when npm is missing
$(NPM_OK): tools/npm/package.json tools/npm/package-lock.json
	@command -v npm >/dev/null 2>&1 || { \
	  $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends nodejs npm; }
	mkdir -p $(NPM_DIR)
	cp tools/npm/package.json tools/npm/package-lock.json $(NPM_DIR)/
	cd $(NPM_DIR) && npm ci --ignore-scripts --no-audit --no-fund
	touch $@

## check: validate the editorial data and print every problem as path:line:col
check: $(VENV)/.site-deps
	$(BIN)/annotated-reader check

## serve: live preview; editing a seed or an annotation file rebuilds
serve: $(VENV)/.site-deps
	$(BIN)/mkdocs serve

## chromium: Debian's chromium for the browser tests, installed when missing
chromium:
	@command -v chromium >/dev/null 2>&1 || { \
	  $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends chromium; }

## java: Debian's Java runtime, which runs the W3C Nu Html Checker (vnu-jar), installed when missing
java:
	@command -v java >/dev/null 2>&1 || { \
	  $(SUDO) apt-get update -q && \
	  DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -q --no-install-recommends default-jre-headless; }

## test: lint, type-check, check the architecture contracts and run every test (browser tests drive real chromium)
test: $(VENV)/.test-deps chromium java $(NPM_OK) $(ZENSICAL_OK)
	$(BIN)/ruff check plugins tests benchmarks
	$(BIN)/mypy
	$(BIN)/lint-imports
	$(BIN)/pytest

## bench: build times against plain mkdocs-material and at corpus scale (~10 min on 2 cores),
## written to benchmarks/results.md; BENCH_ARGS=--quick for a short run
bench: $(VENV)/.test-deps
	$(BIN)/python -m benchmarks.bench $(BENCH_ARGS)

## fuzz: ten thousand random corpora through load → anchor → render (~6 min), each finding
## with its smallest example written to benchmarks/fuzz.md; FUZZ_ARGS="--examples N --seed S"
fuzz: $(VENV)/.test-deps
	$(BIN)/python -m benchmarks.fuzz $(FUZZ_ARGS)

## mutate: mutation testing of the core modules (slow, not part of `make test`): mutmut, pinned in
## tools/mutmut/requirements.txt, in its own .venv-mutate, one worker at the lowest priority;
## writes benchmarks/mutation.md. MUTATE_ARGS="--only dates anchoring" for some groups only
MUTATE_VENV := .venv-mutate
MUTATE_OK   := $(MUTATE_VENV)/.installed

$(MUTATE_OK): pyproject.toml tools/mutmut/requirements.txt
	$(PYTHON) -m venv $(MUTATE_VENV)
	$(MUTATE_VENV)/bin/python -m pip install --quiet -e '.[test]' -r tools/mutmut/requirements.txt
	touch $@

mutate: $(MUTATE_OK)
	$(MUTATE_VENV)/bin/python -m benchmarks.mutation $(MUTATE_ARGS)

clean:
	rm -rf site site-zensical dist build test-artifacts
