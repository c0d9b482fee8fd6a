#!/usr/bin/env bash
# Vendor flaskscope and its pure-Python dependencies into bundled/libs (importStrategy useBundled).
# Uses the project's venv ($VENV, default <repo>/.venv) for pip; resolves wheels for Python 3.10+
# (so typing_extensions/exceptiongroup markers are included) as pure-Python "any" wheels only.
set -euo pipefail
HERE=$(cd "$(dirname "$0")/.." && pwd)
REPO=$(cd "$HERE/.." && pwd)
VENV=${VENV:-$REPO/.venv}
case "$VENV" in /*) ;; *) VENV=$REPO/$VENV ;; esac
PY=$VENV/bin/python
LIBS=$HERE/bundled/libs
WHEELS=$(mktemp -d)
trap 'rm -rf "$WHEELS"' EXIT
if [ ! -x "$PY" ]; then
  # No project venv (a fresh clone where `make install` has not run): build with a throwaway one.
  SYSTEM_PY=$(command -v python3 || true)
  if [ -z "$SYSTEM_PY" ] || ! "$SYSTEM_PY" -c 'import sys; sys.exit(sys.version_info < (3, 10))'; then
    echo "bundle-python: needs Python 3.10 or newer as python3, or the project's venv ($VENV): run \`make install\` first" >&2
    exit 1
  fi
  echo "bundle-python: no venv at $VENV; building with a temporary one from $SYSTEM_PY" >&2
  "$SYSTEM_PY" -m venv "$WHEELS/venv" || { echo "bundle-python: \`$SYSTEM_PY -m venv\` failed (on Debian: apt install python3-venv), or run \`make install\` first" >&2; exit 1; }
  PY=$WHEELS/venv/bin/python
fi
rm -rf "$LIBS"
# Build from a copy: building in place would leave build/ and *.egg-info in the checkout.
mkdir -p "$WHEELS/src"
cp -r "$REPO/pyproject.toml" "$REPO/README.md" "$WHEELS/src/"
(cd "$REPO" && tar cf - --exclude=__pycache__ --exclude='*.egg-info' server) | tar xf - -C "$WHEELS/src"
"$PY" -m pip wheel -q --disable-pip-version-check --no-deps -w "$WHEELS" "$WHEELS/src" 2>"$WHEELS/wheel.log" || { cat "$WHEELS/wheel.log"; exit 1; }
"$PY" -m pip install -q --disable-pip-version-check --target "$LIBS" --only-binary=:all: \
  --implementation py --python-version 3.10 --abi none --platform any "$WHEELS"/flaskscope-*.whl
# Only what runs: no console scripts, no caches.
rm -rf "$LIBS/bin"
find "$LIBS" -name __pycache__ -type d -prune -exec rm -rf {} +
# Fail the build if the vendored server does not import (the template once shipped a NameError).
env -u PYTHONPATH "$PY" -I -B "$HERE/bundled/tool/launch.py" useBundled --probe | tee "$WHEELS/probe.json"
"$PY" -c 'import json,sys; p=json.load(open(sys.argv[1])); sys.exit(0 if p.get("flaskscope") and "error" not in p and p["location"].startswith(sys.argv[2]) else "bundled flaskscope is broken: %r" % p)' "$WHEELS/probe.json" "$LIBS"
echo "bundle-python: $(du -sh "$LIBS" | cut -f1) in $LIBS"
