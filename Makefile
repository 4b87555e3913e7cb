# Two entry points do all set-up on a fresh machine: `make site` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
SUDO   := $(shell [ "$$(id -u)" = 0 ] || echo sudo)
export NO_MKDOCS_2_WARNING := 1
# Pin build dates (sitemap) to the last commit so the same input builds the same bytes.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: site test check serve clean chromium

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

## test: lint, type-check and run every test (browser tests drive real chromium)
test: $(VENV)/.test-deps chromium
	$(BIN)/ruff check plugins tests
	$(BIN)/mypy
	$(BIN)/pytest

clean:
	rm -rf site dist test-artifacts
