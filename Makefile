# The two commands the README promises, both working on a fresh clone:
#   make example   run flaskscope on the bundled example project
#   make test      run every test: the Python suite (runtime-verified corpus, language server, Neovim)
#                  and the VS Code extension (unit tests, .vsix, end-to-end in a real VS Code)
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: example test test-python test-vscode install

install: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[test]'
	touch $@

# Exit status 1 means "findings" (the example has them on purpose); 2 would be a real error.
example: install
	$(BIN)/flaskscope check examples/blog; test $$? -le 1

test: test-python test-vscode

test-python: install
	$(BIN)/python -m pytest -n 2

# Installs Chromium (apt, as root), Node 24 and code-server (npm) on first use; see client-vscode/scripts/ci.sh.
test-vscode: install
	VENV=$(VENV) bash client-vscode/scripts/ci.sh
