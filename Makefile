# make run   : install and start the embedded default (Airflow UI on http://127.0.0.1:8080)
#              ORG=telecom (or any examples/<org>/) runs another organisation; default retailer;
#              ORG=agency (ticketing on Request Tracker) also starts a local RT 5 where it is installed
# make test  : install and run the whole suite (needs PostgreSQL and MariaDB on their usual ports;
#              as root, installs Debian's chromium, request-tracker5 and redis-server if missing)
# make demo  : the headless end-to-end scenario; exits non-zero if a step fails
# make bench : benchmarks -> bench/results.json
# make lint  : ruff (with Airflow's AIR rules), check and format
SHELL := /bin/bash
UV := $(shell command -v uv 2>/dev/null || echo .tools/bin/uv)
PYTEST_WORKERS ?= 2  # test processes (pytest-xdist); 0 runs everything in this process
export UV_LINK_MODE := copy
# the organisation of run/demo: examples/<org>/ (examples/README.md)
ORG ?= retailer
export ORG

.PHONY: install run demo test lint format bench stop clean packages

install: .venv/.installed

.venv/.installed: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen
	@touch $@

.tools/bin/uv:
	python3 -m venv .tools
	.tools/bin/pip install --quiet uv

# Debian packages the tests drive for real, never downloaded otherwise: chromium (tests/browser),
# request-tracker5 with SQLite (the rt connector's tests, tests/rt/plugin.py), redis-server (the
# Celery broker of tests/distributed). Missing ones are installed with one apt-get as root;
# otherwise the tests needing them are skipped, saying so.
SYSTEM_PACKAGES := chromium:/usr/bin/chromium request-tracker5:/usr/sbin/rt-setup-database-5 \
	redis-server:/usr/bin/redis-server

packages:
	@missing=""; for p in $(SYSTEM_PACKAGES); do [ -x "$${p#*:}" ] || missing="$$missing $${p%%:*}"; done; \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $$missing; \
	  else echo "missing and this is not root:$$missing; the tests needing them will be skipped (apt-get install -y$$missing)"; fi; \
	fi

run: install
	scripts/embedded.sh run

demo: install
	scripts/embedded.sh demo

stop:
	scripts/embedded.sh stop

test: install packages
	.venv/bin/python -m pytest -n $(PYTEST_WORKERS) $(PYTEST_ARGS)

lint: install
	.venv/bin/ruff check .
	.venv/bin/ruff format --check .

format: install
	.venv/bin/ruff check --fix .
	.venv/bin/ruff format .

bench: install
	.venv/bin/python -m bench $(BENCH_ARGS)

clean: stop
	rm -rf var .pytest_cache .ruff_cache
