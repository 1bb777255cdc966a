#!/usr/bin/env bash
# Prints the path of the pinned anvil binary installed under tools/anvil; fails loudly when it is missing.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
case "$(uname -s)-$(uname -m)" in
  Linux-x86_64) plat=linux-amd64 ;;
  Linux-aarch64|Linux-arm64) plat=linux-arm64 ;;
  Darwin-x86_64) plat=darwin-amd64 ;;
  Darwin-arm64) plat=darwin-arm64 ;;
  *) echo "anvil: unsupported platform $(uname -s)-$(uname -m)" >&2; exit 1 ;;
esac
bin="$root/tools/anvil/node_modules/@foundry-rs/anvil-$plat/bin/anvil"
if [ ! -x "$bin" ]; then
  echo "anvil: $bin not found; run scripts/setup.sh" >&2
  exit 1
fi
echo "$bin"
