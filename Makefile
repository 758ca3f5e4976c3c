# Two commands set up and run everything on a fresh machine:
#   make run    talk to the skill locally (SQLite storage, no AWS account)
#   make test   install what the tests need and run every test
# Also: make lint (every configured ruff rule), make package (the Lambda package in build/),
# make bench (print the benchmark), make bench-report (run it and rewrite BENCHMARKS.md).
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
DEPS   := $(VENV)/.installed
NODE_DEPS := node_modules/.installed
LINT_PATHS := lambda hosting tests scripts
export PYTHONPATH := $(CURDIR)/lambda:$(CURDIR)/hosting

.PHONY: run serve test lint bench bench-report package clean

$(DEPS): requirements-dev.txt lambda/requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -r requirements-dev.txt
	touch $@

$(NODE_DEPS): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

run: $(DEPS)
	$(PY) -m heat_or_ice_web.console $(ARGS)

serve: $(DEPS)
	$(PY) -m heat_or_ice_web.serve $(ARGS)

# The lint the whole tree passes today (undefined names, syntax errors); `make lint` is the full set.
test: $(DEPS) $(NODE_DEPS)
	$(BIN)/cfn-lint template.yaml
	$(BIN)/ruff check --quiet $(LINT_PATHS)
	$(PY) -m pytest $(PYTEST_ARGS)

# Every rule configured in pyproject.toml, counted per rule; fails while any remain.
# Locations: .venv/bin/ruff check PATH; safe fixes: .venv/bin/ruff check --fix PATH.
lint: $(DEPS)
	$(BIN)/ruff check --statistics $(LINT_PATHS)

bench: $(DEPS) $(NODE_DEPS)
	$(PY) scripts/bench.py $(ARGS)

bench-report: $(DEPS) $(NODE_DEPS)
	$(PY) scripts/bench.py --write BENCHMARKS.md $(ARGS)

# The same files `sam build` deploys from template.yaml's CodeUri (lambda/), with the pinned
# requirements for the function's runtime and architecture, installed by the .venv's pip.
package: $(DEPS)
	$(PY) scripts/build_package.py --target build/lambda --zip build/lambda.zip

# Persona benchmark: people in pain talk to the real skill; ARGS=--write updates BENCHMARKS.md
.PHONY: personas
personas: $(DEPS)
	$(PY) -m scripts.personas $(ARGS)

clean:
	rm -rf $(VENV) node_modules build
