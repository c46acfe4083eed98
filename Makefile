# Partnerships in Place. Two commands: `make run` and `make test`.
# Needs only Python 3.11 and make; everything else goes into .venv.

PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PIP := $(PY) -m pip
DEV_ENV := DJANGO_DEBUG=1

.PHONY: run test install install-test migrate demo staff-password check clean help

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

install: $(VENV)/.requirements

install-test: $(VENV)/.test-requirements

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

check: install
	$(DEV_ENV) $(PY) manage.py check
	$(DEV_ENV) $(PY) manage.py makemigrations --check --dry-run

clean:
	rm -rf $(VENV) var
