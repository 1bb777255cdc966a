#!/usr/bin/env bash
# Starts the project's LiteSVM JSON-RPC server (tools/litesvm/litesvm-rpc.mjs over npm litesvm,
# installed by scripts/setup.sh) in the foreground for manual use, e.g. for `./wallet demo` or
# `./wallet svm balance --rpc http://127.0.0.1:8899 ...`. HTTP JSON-RPC and WebSocket subscriptions on
# 127.0.0.1:${LITESVM_PORT:-8899}. A throw-away chain: every start is a fresh genesis.
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
script="$root/tools/litesvm/litesvm-rpc.mjs"
[ -d "$root/tools/litesvm/node_modules/litesvm" ] || {
  echo "litesvm.sh: tools/litesvm is not installed; run scripts/setup.sh" >&2
  exit 1
}
command -v node >/dev/null 2>&1 || { echo "litesvm.sh: node (18+) not found on PATH" >&2; exit 1; }
PORT="${LITESVM_PORT:-8899}" exec node "$script" "$@"
