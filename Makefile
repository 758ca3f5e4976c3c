# Two commands set up and run everything on a fresh machine:
#   make run    talk to the skill locally (SQLite storage, no AWS account)
#   make test   install what the tests need and run every test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
PY     := $(BIN)/python
DEPS   := $(VENV)/.installed
NODE_DEPS := node_modules/.installed
export PYTHONPATH := $(CURDIR)/lambda:$(CURDIR)/hosting

.PHONY: run serve test bench lint package clean

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

test: $(DEPS) $(NODE_DEPS)
	$(BIN)/cfn-lint template.yaml
	$(BIN)/ruff check --quiet --select F,E9 lambda tests scripts
	$(PY) -m pytest $(PYTEST_ARGS)

bench: $(DEPS)
	$(PY) scripts/bench.py

# Persona benchmark: people in pain talk to the real skill; ARGS=--write updates BENCHMARKS.md
.PHONY: personas
personas: $(DEPS)
	$(PY) -m scripts.personas $(ARGS)

package:
	rm -rf build/lambda && mkdir -p build/lambda
	$(PYTHON) -m pip install --quiet --disable-pip-version-check -r lambda/requirements.txt -t build/lambda
	cp -r lambda/lambda_function.py lambda/heat_or_ice build/lambda/
	find build/lambda -name __pycache__ -prune -exec rm -rf {} +

clean:
	rm -rf $(VENV) node_modules build
