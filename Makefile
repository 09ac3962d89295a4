# One entry point per task. Every target installs what it needs first, so each
# works on a fresh machine (Python 3.11+, Node/npm; root or sudo for Chromium).

PYTHON ?= python3
# Material prints a multi-line end-of-life banner on every build; the version is pinned in requirements.lock.
# Set here once: every build (the checks' and the scripts' too) runs under make.
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
MKDOCS := $(BIN)/mkdocs
SITE_STAMP := $(VENV)/.installed-site
DEV_STAMP := $(VENV)/.installed-dev
JS_STAMP := node_modules/.installed
BENCH_TOOLS := scripts/bench-tools
BENCH_STAMP := $(BENCH_TOOLS)/node_modules/.installed
# pytest workers: two cores on CI; the checks are split by layer (pytest -m unit / content / browser).
TEST_WORKERS ?= 2

.PHONY: install install-dev browser serve build test lint links pdf offline bench lock clean

# What building the site needs (requirements.lock, package.json).
install: $(SITE_STAMP) $(JS_STAMP)
# And what the checks and benchmarks need (requirements-dev.lock).
install-dev: install $(DEV_STAMP)

# scripts/ is put on the venv's import path (a .pth file): the hooks, the scripts and the checks import
# the shared modules there (markdown_source, site_graph, ...) by name, with no sys.path edits.
$(SITE_STAMP): requirements.lock pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(BIN)/python -c "import sysconfig, pathlib; pathlib.Path(sysconfig.get_path('purelib'), 'aws-ml-notes.pth').write_text('$(CURDIR)/scripts\n')"
	touch $@

$(DEV_STAMP): $(SITE_STAMP) requirements-dev.lock
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.lock
	touch $@

$(JS_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

# Lighthouse (about 200 MB) is needed by make bench only.
$(BENCH_STAMP): $(BENCH_TOOLS)/package.json $(BENCH_TOOLS)/package-lock.json
	npm ci --prefix $(BENCH_TOOLS) --no-audit --no-fund --loglevel=error
	touch $@

browser:
	scripts/ensure-chromium.sh

# Diagrams are drawn during the build in headless Chromium (scripts/hooks/diagrams.py): building needs it.
# Built for the address it is served on: at the root, and instant navigation follows sitemap.xml there.
serve: install browser
	SITE_URL=http://127.0.0.1:8000/ $(MKDOCS) serve --strict --dev-addr 127.0.0.1:8000

build: install browser
	$(MKDOCS) build --strict --clean

lint: install-dev
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

test: install-dev browser lint
	$(BIN)/python -m pytest -n $(TEST_WORKERS) --dist loadgroup --no-loadscope-reorder --durations=25

# Check links and anchors of the built site; LINKS_ARGS=--external also checks other sites.
links: build install-dev
	$(BIN)/python scripts/check_links.py --site-dir site $(LINKS_ARGS)

pdf: install browser
	$(BIN)/python scripts/build_pdf.py

offline: install browser
	$(BIN)/python scripts/build_offline.py

bench: install-dev browser $(BENCH_STAMP)
	$(BIN)/python scripts/bench.py

# Re-resolve the Python dependencies of pyproject.toml: the site's into requirements.lock, the
# checks' (dependency group `dev`) into requirements-dev.lock, which pins only what the site lacks.
lock:
	rm -rf .lock-venv && $(PYTHON) -m venv .lock-venv
	.lock-venv/bin/python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['project']['dependencies']))" > .lock-venv/site.in
	.lock-venv/bin/python -c "import tomllib; print('\n'.join(tomllib.load(open('pyproject.toml', 'rb'))['dependency-groups']['dev']))" > .lock-venv/dev.in
	.lock-venv/bin/pip install --quiet --disable-pip-version-check -r .lock-venv/site.in
	.lock-venv/bin/pip freeze > requirements.lock
	.lock-venv/bin/pip install --quiet --disable-pip-version-check -c requirements.lock -r .lock-venv/dev.in
	(echo "-r requirements.lock"; .lock-venv/bin/pip freeze | grep -vxFf requirements.lock) > requirements-dev.lock
	rm -rf .lock-venv

clean:
	rm -rf site dist .pytest_cache
