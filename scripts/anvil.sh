#!/usr/bin/env bash
# Starts the pinned anvil (tools/anvil, installed by scripts/setup.sh) in the foreground for manual use,
# e.g. for `./wallet demo`. Defaults: 127.0.0.1:8545, chain id 31337, the standard dev mnemonic
# ("test test ... junk"), automine. Extra arguments are passed to anvil (try --block-time 2).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
bin="$("$root/scripts/anvil-path.sh")"
port="${ANVIL_PORT:-8545}"
exec "$bin" --host 127.0.0.1 --port "$port" "$@"
