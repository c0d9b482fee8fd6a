# The two commands the README promises, both working on a fresh clone:
#   make example   run flaskscope on the bundled example project
#   make test      run the test suite (the runtime-verified corpus included)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: example test install

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# Exit status 1 means "findings" — the example has them on purpose.
example: install
	-$(BIN)/flaskscope check examples/blog

test: install
	$(BIN)/python -m pytest -n 2
