#!/usr/bin/env bash
# Regenerates the ABI and bytecode files next to this script from the Solidity sources with the pinned
# solc-js compiler (npm package solc 0.8.30, optimizer on, 200 runs, default EVM version of 0.8.30).
# Run from anywhere; needs node and npm (scripts/setup.sh). The outputs are checked in, so the build
# itself never needs a compiler.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")"
out="$(mktemp -d)"
trap 'rm -rf "$out"' EXIT
npx --yes solc@0.8.30 --optimize --optimize-runs 200 --abi --bin -o "$out" TestToken.sol Delegate.sol
for c in TestToken Delegate; do
  cp "$out/${c}_sol_${c}.abi" "$c.abi.json"
  printf '0x%s\n' "$(cat "$out/${c}_sol_${c}.bin")" > "$c.bin"
done
