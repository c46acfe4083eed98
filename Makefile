# Partnerships in Place. Two commands: `make run` and `make test`.
# Needs only Python 3.11 and make; everything else goes into .venv.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
DEV_ENV := DJANGO_DEBUG=1

.PHONY: run test bench install install-test migrate demo staff-password check clean help

help:
	@echo "make run    - set up everything and serve the site on http://127.0.0.1:8000"
	@echo "make test   - run the whole test suite (browser tests too when Chromium is installed)"

$(PY):
	$(PYTHON) -m venv $(VENV)
	$(PIP) install --quiet --upgrade pip

# Stamp files re-run pip only when a requirements file changes.
$(VENV)/.requirements: requirements.txt | $(PY)
	$(PIP) install --quiet -r requirements.txt
	@touch $@

$(VENV)/.test-requirements: tests/requirements.txt $(VENV)/.requirements
	$(PIP) install --quiet -r tests/requirements.txt
	@touch $@

# axe-core (accessibility checks in the browser tests) comes from the npm registry.
AXE := tests/browser/node_modules/axe-core/axe.min.js
$(AXE): tests/browser/package.json tests/browser/package-lock.json
	@if command -v npm >/dev/null 2>&1; then \
		cd tests/browser && npm ci --no-audit --no-fund --loglevel=error && touch node_modules/axe-core/axe.min.js; \
	else \
		echo "npm is not installed: the browser tests' accessibility checks will be skipped."; \
	fi

install: $(VENV)/.requirements

install-test: $(VENV)/.test-requirements
	@$(MAKE) --no-print-directory $(AXE) || true

migrate: install
	$(DEV_ENV) $(PY) manage.py migrate --noinput

demo: migrate
	$(DEV_ENV) $(PY) manage.py load_demo_data --if-empty

run: demo
	@$(DEV_ENV) $(PY) manage.py ensure_local_staff
	$(DEV_ENV) $(PY) manage.py runserver 127.0.0.1:8000

staff-password: migrate
	$(DEV_ENV) $(PY) manage.py ensure_local_staff --reset

test: install-test
	$(PY) -m pytest $(PYTEST_ARGS)

# Benchmarks (not part of make test): figures and targets are printed as Markdown tables.
bench: install-test
	$(PY) -m tests.perf.bench_images

check: install
	$(DEV_ENV) $(PY) manage.py check
	$(DEV_ENV) $(PY) manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) var
