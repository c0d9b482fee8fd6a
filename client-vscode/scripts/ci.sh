#!/usr/bin/env bash
# CI for the VS Code extension, from a fresh clone: bash client-vscode/scripts/ci.sh
#   - expects the Python venv at $VENV (default .venv) with flaskscope and the test deps installed
#   - installs Debian chromium (apt, as root) + Node 24 and code-server (npm) into
#     $FLASKSCOPE_E2E_CACHE (default ~/.cache/flaskscope-e2e; reused by later runs), npm ci
#   - typecheck + unit tests, npm run package (-> client-vscode/flaskscope-<version>.vsix)
#   - end-to-end in a real VS Code (code-server + headless Chromium): useBundled, fromEnvironment,
#     and notInstalled (a Python without flaskscope; the offered "Use bundled flaskscope" is accepted)
# Exits non-zero on the first failure; screenshots and logs are in client-vscode/e2e-artifacts/.
set -euo pipefail
REPO=$(cd "$(dirname "$0")/../.." && pwd)
cd "$REPO"
export VENV=${VENV:-.venv}
case "$VENV" in /*) ;; *) VENV=$REPO/$VENV ;; esac
SCENARIOS=${E2E_SCENARIOS:-useBundled fromEnvironment notInstalled}
T0=$SECONDS
step() { echo; echo "=== [ci.sh +$((SECONDS - T0))s] $*"; }
timings=()
timed() { local name=$1; shift; local s=$SECONDS; "$@"; timings+=("$name: $((SECONDS - s))s"); }

step "check the Python venv ($VENV)"
"$VENV/bin/python" -c 'import flaskscope, flask' \
  || { echo "ci.sh: $VENV must contain flaskscope and its test deps (make, or pip install -e '.[test]')"; exit 1; }

step "install e2e dependencies (apt chromium, Node 24, code-server; cached)"
timed e2e-deps bash client-vscode/scripts/install-e2e-deps.sh

step "npm ci"
timed npm-ci npm ci --no-audit --no-fund

step "unit tests"
timed unit-tests npm test

step "package the .vsix"
timed package npm run package
VERSION=$(node -p "require('./client-vscode/package.json').version")
VSIX=client-vscode/flaskscope-$VERSION.vsix
ls -l "$VSIX"

for scenario in $SCENARIOS; do
  step "e2e in code-server: $scenario"
  timed "e2e-$scenario" bash client-vscode/e2e/run.sh "$scenario"
done

step "done"
printf '  %s\n' "${timings[@]}"
echo "ci.sh: all passed in $((SECONDS - T0))s; screenshots: client-vscode/e2e-artifacts/*/hover.png, quickfix-menu.png"
