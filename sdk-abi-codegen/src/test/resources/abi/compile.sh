#!/usr/bin/env bash
# Regenerates the ABI JSON test resources from the Solidity sources next to this script with
# solcjs 0.8.28 (npm package solc@0.8.28), pretty-printed with python3:
#   npm install --prefix /tmp/solcjs solc@0.8.28
#   SOLCJS=/tmp/solcjs/node_modules/.bin/solcjs ./compile.sh
set -euo pipefail
cd "$(dirname "$0")"
SOLCJS=${SOLCJS:-solcjs}
out=$(mktemp -d)
for pair in IERC20:erc20 IERC721:erc721 IERC1155:erc1155 Nested:nested Small:small; do
  src=${pair%%:*}; dst=${pair##*:}
  "$SOLCJS" --abi -o "$out" "$src.sol"
  python3 -c 'import json,sys; print(json.dumps(json.load(open(sys.argv[1])), indent=2))' \
    "$out/${src}_sol_${src}.abi" > "$dst.json"
done
rm -rf "$out"
