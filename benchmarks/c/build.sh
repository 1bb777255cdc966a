#!/usr/bin/env bash
# Builds benchmarks/c/secp256k1_bench against the system libsecp256k1 (gcc -O2).
#
#   benchmarks/c/build.sh            build only
#   benchmarks/c/build.sh run [SEC]  build, then run (SEC seconds per operation, default 3)
#
# Uses <secp256k1.h> when libsecp256k1-dev is installed (installing it with apt-get when run as
# root and it is missing). Otherwise links the runtime library libsecp256k1.so.N by path and
# compiles with -DCAIRN_NO_HEADERS (prototypes declared in the source).
set -euo pipefail
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
out="${CAIRN_C_BENCH_OUT:-$here/target}"
mkdir -p "$out"
cc="${CC:-gcc}"
multiarch="$("$cc" -print-multiarch 2>/dev/null || true)"

have_headers() { [ -f /usr/include/secp256k1_recovery.h ] || [ -f /usr/local/include/secp256k1_recovery.h ]; }

if ! have_headers && [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null 2>&1; then
  echo "build.sh: installing libsecp256k1-dev" >&2
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q libsecp256k1-dev >&2 \
    || { apt-get update -q >&2 && DEBIAN_FRONTEND=noninteractive apt-get install -y -q libsecp256k1-dev >&2; } \
    || echo "build.sh: could not install libsecp256k1-dev; trying the runtime library" >&2
fi

if have_headers; then
  "$cc" -O2 -Wall -Wextra -o "$out/secp256k1_bench" "$here/secp256k1_bench.c" -lsecp256k1
else
  lib=""
  for dir in ${multiarch:+/usr/lib/$multiarch} /usr/lib64 /usr/lib /usr/local/lib; do
    for so in "$dir"/libsecp256k1.so.[0-9]*; do
      [ -e "$so" ] && { lib="$so"; break 2; }
    done
  done
  if [ -z "$lib" ]; then
    echo "build.sh: libsecp256k1 not found; install libsecp256k1-1 (Debian/Ubuntu)" >&2
    exit 1
  fi
  "$cc" -O2 -Wall -Wextra -DCAIRN_NO_HEADERS -o "$out/secp256k1_bench" "$here/secp256k1_bench.c" "$lib"
fi
echo "build.sh: built $out/secp256k1_bench" >&2

if [ "${1:-}" = "run" ]; then
  "$out/secp256k1_bench" "${2:-3}"
fi
