#!/usr/bin/env bash
# Installs code-server 4.100.3 (the VS Code 1.100.3 server) into a cache folder outside the clone,
# so CI's fresh clones reuse it. GROWTH_VSCODE_CACHE overrides the folder.
set -euo pipefail
VERSION=4.100.3
CACHE="${GROWTH_VSCODE_CACHE:-$HOME/.cache/growth-conversations}"
DIR="$CACHE/code-server-$VERSION"
ENTRY="$DIR/node_modules/code-server/out/node/entry.js"
PTY="$DIR/node_modules/code-server/lib/vscode/node_modules/node-pty/build/Release/pty.node"
if [ -f "$ENTRY" ] && [ -f "$PTY" ]; then echo "$ENTRY"; exit 0; fi
bash "$(dirname "$0")/ensure-system.sh" >&2
mkdir -p "$DIR"
tmp="$(mktemp -d /tmp/gcs.XXXX)"
# @vscode/ripgrep's postinstall downloads from GitHub unless this tarball (of Debian's rg) is already cached.
rgc="$tmp/vscode-ripgrep-cache-1.15.11"; mkdir -p "$rgc"
tar czf "$rgc/ripgrep-v13.0.0-10-x86_64-unknown-linux-musl.tar.gz" -C "$(dirname "$(command -v rg)")" rg
[ -f "$DIR/package.json" ] || echo '{"private":true}' > "$DIR/package.json"
echo "Installing code-server $VERSION into $DIR (about 2 minutes, once)..." >&2
# unsafe_perm: code-server refuses root without it; yes: node-pty runs npx node-gyp; allow scripts:
# npm 11 skips dependency install scripts unless allowed, and code-server builds its native modules in them.
if ! (cd "$DIR" && npm_config_unsafe_perm=true npm_config_yes=true npm_config_dangerously_allow_all_scripts=true TMPDIR="$tmp" \
      npm install --no-audit --no-fund --no-save --foreground-scripts "code-server@$VERSION" > "$tmp/install.log" 2>&1); then
  tail -40 "$tmp/install.log" >&2; exit 1
fi
rm -rf "$tmp"
[ -f "$PTY" ] || { echo "code-server installed without node-pty; see npm output" >&2; exit 1; }
echo "$ENTRY"
