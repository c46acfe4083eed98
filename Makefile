# Partnerships in Place. Two commands: `make run` and `make test`.
# Needs only Python 3.11 and make; everything else goes into .venv.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
DEV_ENV := DJANGO_DEBUG=1

.PHONY: run serve test lint format bench screenshots install install-test migrate demo staff-password check clean help

help:
	@echo "make run    - set up everything and serve the site on http://127.0.0.1:8000"
	@echo "make test   - run the whole test suite (browser tests too when Chromium is installed)"
	@echo "make lint   - ruff's lint and format checks (settings in pyproject.toml)"
	@echo "make serve  - the production server (gunicorn, DEBUG off) on http://127.0.0.1:8000"

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

# The production set-up on this machine: gunicorn + whitenoise, DEBUG off, collected
# static files, SQLite and local media. Plain http on 127.0.0.1 (DJANGO_HTTPS=0) so it can
# be tried without certificates; everything else as in production.
var/secret_key:
	@mkdir -p var
	@$(PYTHON) -c "import secrets; print(secrets.token_urlsafe(50))" > $@
	@chmod 600 $@

serve: install var/secret_key
	@export DJANGO_DEBUG=0 \
		DJANGO_SECRET_KEY="$${DJANGO_SECRET_KEY:-$$(cat var/secret_key)}" \
		DJANGO_ALLOWED_HOSTS="$${DJANGO_ALLOWED_HOSTS:-127.0.0.1,localhost}" \
		DJANGO_HTTPS="$${DJANGO_HTTPS:-0}" \
		SITE_URL="$${SITE_URL:-http://127.0.0.1:8000}"; \
	$(PY) manage.py migrate --noinput && \
	$(PY) manage.py collectstatic --noinput -v0 && \
	$(PY) manage.py load_demo_data --if-empty && \
	exec $(VENV)/bin/gunicorn config.wsgi -c config/gunicorn.py

staff-password: migrate
	$(DEV_ENV) $(PY) manage.py ensure_local_staff --reset

test: install-test
	$(PY) -m pytest $(PYTEST_ARGS)

# ruff checks lint and formatting without changing anything; `make format` applies both.
lint: install-test
	$(VENV)/bin/ruff check .
	$(VENV)/bin/ruff format --check .

format: install-test
	$(VENV)/bin/ruff check --fix .
	$(VENV)/bin/ruff format .

# Benchmarks (not part of make test): figures and targets are printed as Markdown tables.
# Not part of `make test`: most take minutes. All of them run even if one misses a target.
bench: install-test
	@status=0; \
	$(PY) -m tests.perf.bench_images || status=1; \
	$(PY) -m tests.perf.bench_geography || status=1; \
	$(PY) -m tests.perf.bench_lens || status=1; \
	$(PY) -m tests.perf.bench_briefings || status=1; \
	$(PY) -m tests.perf.bench_site || status=1; \
	$(PY) -m tests.perf.soak || status=1; \
	exit $$status

# The README's pictures of the finder and a case study, from the demo library. Run by hand
# when the design changes; never in CI.
screenshots: demo install-test
	$(DEV_ENV) $(PY) scripts/screenshots.py

check: install
	$(DEV_ENV) $(PY) manage.py check
	$(DEV_ENV) $(PY) manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) var
