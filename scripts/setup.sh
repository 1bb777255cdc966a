#!/usr/bin/env bash
# Installs what the build and the tests need on a Debian/Ubuntu machine, and checks the toolchain.
# Idempotent: packages already present are not reinstalled. Fails (exit 1) when a required component
# is missing and cannot be installed; it never skips silently.
set -euo pipefail

need_pkgs=()
# libsecp256k1: the native secp256k1 backend's library (its tests fail without it, by design)
# grep reads the whole listing (no -q): with pipefail, grep -q exiting early can SIGPIPE ldconfig and
# fail the check at random (a fresh-clone CI run failed so with the library installed)
have_lib() { ldconfig -p 2>/dev/null | grep "$1" >/dev/null; }
have_lib 'libsecp256k1\.so\.' || need_pkgs+=(libsecp256k1-1)
# headers for the C reference harness used by benchmarks/run.sh
[ -f /usr/include/secp256k1_recovery.h ] || need_pkgs+=(libsecp256k1-dev)
# SoftHSM2 (a PKCS#11 token) and OpenSC's pkcs11-tool: the sdk-hsm PKCS#11 tests and benchmark
command -v softhsm2-util >/dev/null 2>&1 || need_pkgs+=(softhsm2)
command -v pkcs11-tool >/dev/null 2>&1 || need_pkgs+=(opensc)
# hidapi: the optional USB-HID transport for Ledger devices (its binding loads and enumerates in tests)
have_lib 'libhidapi-hidraw\.so\.0' || need_pkgs+=(libhidapi-hidraw0)

if [ "${#need_pkgs[@]}" -gt 0 ]; then
  if ! command -v apt-get >/dev/null 2>&1; then
    echo "setup: missing ${need_pkgs[*]} and no apt-get here; install them with your package manager" >&2
    exit 1
  fi
  SUDO=""
  if [ "$(id -u)" -ne 0 ]; then
    if command -v sudo >/dev/null 2>&1; then SUDO="sudo"; else
      echo "setup: need root (or sudo) to install ${need_pkgs[*]}" >&2; exit 1
    fi
  fi
  echo "setup: installing ${need_pkgs[*]}" >&2
  $SUDO apt-get update -qq >/dev/null
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "${need_pkgs[@]}" >/dev/null
fi

have_lib 'libsecp256k1\.so\.' || { echo "setup: libsecp256k1 still not found after install" >&2; exit 1; }
have_lib 'libhidapi-hidraw\.so\.0' || { echo "setup: libhidapi-hidraw0 still not found after install" >&2; exit 1; }
command -v softhsm2-util >/dev/null 2>&1 || { echo "setup: softhsm2 still not found after install" >&2; exit 1; }
command -v pkcs11-tool >/dev/null 2>&1 || { echo "setup: pkcs11-tool (opensc) still not found after install" >&2; exit 1; }

command -v java >/dev/null 2>&1 || { echo "setup: java (JDK 17+) not found" >&2; exit 1; }
command -v mvn >/dev/null 2>&1 || { echo "setup: mvn (Maven 3.8+) not found" >&2; exit 1; }
jv=$(java -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.specification.version/ {print $2}')
case "$jv" in
  1.*|9|1[0-6]) echo "setup: Java 17 or newer required, found $jv" >&2; exit 1 ;;
esac

# node + npm: the JS reference implementations (tools/oracle) and the pinned anvil (tools/anvil)
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
command -v node >/dev/null 2>&1 || { echo "setup: node (20+) not found; install Node.js" >&2; exit 1; }
command -v npm >/dev/null 2>&1 || { echo "setup: npm not found; install Node.js with npm" >&2; exit 1; }
# npm_tool DIR WHY [ci|install]: installs tools/DIR from its package-lock.json when node_modules is
# missing or was installed from a different lock file (a stamp records the lock's hash). "install" is
# for packages whose per-platform optional binaries are not all in the registry (npm ci refuses a lock
# that lacks them; npm install keeps the pinned versions and skips the absent platforms).
npm_tool() {
  local dir="$root/tools/$1" mode="${3:-ci}" want have=""
  want="$(sha256sum "$dir/package.json" "$dir/package-lock.json" | sha256sum | cut -c1-64)"
  [ -f "$dir/node_modules/.cairn-lock-sha256" ] && have="$(cat "$dir/node_modules/.cairn-lock-sha256")"
  if [ ! -d "$dir/node_modules" ] || [ "$want" != "$have" ]; then
    echo "setup: installing tools/$1 ($2) with npm $mode" >&2
    npm "$mode" --prefix "$dir" --no-audit --no-fund --loglevel=error >/dev/null
    want="$(sha256sum "$dir/package.json" "$dir/package-lock.json" | sha256sum | cut -c1-64)"
    echo "$want" > "$dir/node_modules/.cairn-lock-sha256"
  fi
}
npm_tool oracle "viem, ethers: the EVM differential tests"
npm_tool svm-oracle "@solana/web3.js, @solana/kit, @solana/spl-token, Anchor's coders: the sdk-svm differential tests"
npm_tool litesvm "LiteSVM: the Solana VM behind the sdk-svm integration tests" install
npm_tool cosmos-oracle "CosmJS: the sdk-cosmwasm differential tests"
npm_tool ledger-oracle "ledgerjs apps over the mock transport: the sdk-hsm APDU differential tests"
# anvil (Foundry's local node, pinned in tools/anvil/package-lock.json): the sdk-evm integration tests
# and the end-to-end benchmarks start it. The platform binary comes as an optional dependency.
if ! "$root/scripts/anvil-path.sh" >/dev/null 2>&1; then
  echo "setup: installing anvil (npm ci --prefix tools/anvil)" >&2
  npm ci --prefix "$root/tools/anvil" --no-audit --no-fund >/dev/null
fi
anvil_bin="$("$root/scripts/anvil-path.sh")" || { echo "setup: anvil still missing after npm ci" >&2; exit 1; }
anvil_ver="$("$anvil_bin" --version | head -1)" || { echo "setup: $anvil_bin does not run" >&2; exit 1; }

echo "setup: ok (java $jv, $(mvn -v 2>/dev/null | head -1 | sed 's/\x1b\[[0-9;]*m//g'), libsecp256k1 present, node $(node --version), $anvil_ver)" >&2
