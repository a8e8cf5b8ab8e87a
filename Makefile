# make run   : install and start the embedded default (Airflow UI on http://127.0.0.1:8080)
#              ORG=telecom (or any examples/<org>/) runs another organisation; default retailer
# make test  : install and run the whole suite (needs PostgreSQL and MariaDB on their usual ports)
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

.PHONY: install run demo test lint format bench stop clean browser

install: .venv/.installed

.venv/.installed: pyproject.toml uv.lock | $(UV)
	$(UV) sync --frozen
	@touch $@

.tools/bin/uv:
	python3 -m venv .tools
	.tools/bin/pip install --quiet uv

# Debian's chromium for the browser tests (tests/browser), never a downloaded browser; without
# root it cannot be installed here and those tests are skipped, saying so
browser:
	@if [ ! -x /usr/bin/chromium ]; then \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; \
	  else echo "chromium is missing and this is not root: tests/browser will be skipped (apt-get install -y chromium)"; fi; \
	fi

run: install
	scripts/embedded.sh run

demo: install
	scripts/embedded.sh demo

stop:
	scripts/embedded.sh stop

test: install browser
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
