#!/usr/bin/env bash
# Installs the Debian packages the VS Code test host needs, when they are missing.
# chromium: the browser the workbench runs in; ripgrep: replaces @vscode/ripgrep's GitHub download;
# libkrb5-dev, g++, make, python3: code-server's native modules compile from source.
set -euo pipefail
if ! command -v dpkg >/dev/null; then
  echo "This test host is set up for Debian or Ubuntu (apt). Elsewhere install Chromium, ripgrep, git, g++, make," >&2
  echo "python3 and the Kerberos headers yourself, or run npm run test:desktop (VS Code desktop) instead." >&2
  exit 1
fi
need=()
command -v chromium >/dev/null || need+=(chromium)
command -v rg >/dev/null || need+=(ripgrep)
dpkg -s libkrb5-dev >/dev/null 2>&1 || need+=(libkrb5-dev)
command -v g++ >/dev/null || need+=(g++)
command -v make >/dev/null || need+=(make)
command -v python3 >/dev/null || need+=(python3)
command -v git >/dev/null || need+=(git)
[ ${#need[@]} -eq 0 ] && exit 0
if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
  echo "Installing system packages: ${need[*]}"
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
else
  echo "Missing system packages: ${need[*]}" >&2
  echo "Install them with: sudo apt-get install -y ${need[*]}" >&2
  exit 1
fi
