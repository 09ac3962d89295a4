# One entry point per task. Every target installs what it needs first, so each
# works on a fresh machine (Python 3.11+, Node/npm; root or sudo for Chromium).

PYTHON ?= python3
# Material prints a multi-line end-of-life banner on every build; the version is pinned in requirements.lock.
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
MKDOCS := $(BIN)/mkdocs
PY_STAMP := $(VENV)/.installed
JS_STAMP := node_modules/.installed

.PHONY: install browser serve build test links pdf offline bench lock clean

install: $(PY_STAMP) $(JS_STAMP)

$(PY_STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	touch $@

$(JS_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

browser:
	scripts/ensure-chromium.sh

# Diagrams are drawn during the build in headless Chromium (scripts/hooks/diagrams.py): building needs it.
# Built for the address it is served on: at the root, and instant navigation follows sitemap.xml there.
serve: install browser
	SITE_URL=http://127.0.0.1:8000/ $(MKDOCS) serve --strict --dev-addr 127.0.0.1:8000

build: install browser
	$(MKDOCS) build --strict --clean

test: install browser
	$(BIN)/python -m pytest

# Check links and anchors of the built site; LINKS_ARGS=--external also checks other sites.
links: build
	$(BIN)/python scripts/check_links.py --site-dir site $(LINKS_ARGS)

pdf: install browser
	$(BIN)/python scripts/build_pdf.py

offline: install browser
	$(BIN)/python scripts/build_offline.py

bench: install browser
	$(BIN)/python scripts/bench.py

# Re-resolve the Python dependencies from pyproject.toml into requirements.lock.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" > .lock-venv/requirements.in
	.lock-venv/bin/pip install --quiet --disable-pip-version-check -r .lock-venv/requirements.in
	.lock-venv/bin/pip freeze > requirements.lock
	rm -rf .lock-venv

clean:
	rm -rf site dist .pytest_cache
