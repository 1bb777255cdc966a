#!/usr/bin/env bash
# PKCS#11 signing rate against SoftHSM2: Cairn's Pkcs11Signer (JMH, dev.cairn.benchmarks.hsm:
# 1 session / 1 thread and a pool of 2 sessions / 2 threads, secp256k1 and Ed25519; plus the JDK's
# SunPKCS11 for secp256k1) and OpenSC's pkcs11-tool --sign in a loop as the native reference.
#
#   benchmarks/pkcs11.sh [--quick] [--skip-build] [--skip-jmh] [--tool-runs N]
#
# A fresh token is initialised in a temporary directory (SOFTHSM2_CONF points there for every process
# started here); its throwaway PIN is passed to the JMH forks as -Dcairn.pkcs11.pin. pkcs11-tool
# signs one input per process, so each signature pays process start, C_Initialize, token scan and
# C_Login: the script also times the same loop with login but no signature (--list-objects) and
# reports the difference as the amortised per-signature cost. Output: benchmarks/results/pkcs11-<date>.*
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
MODULE=/usr/lib/softhsm/libsofthsm2.so
QUICK=0
SKIP_BUILD=0
SKIP_JMH=0
TOOL_RUNS=200
while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) QUICK=1; TOOL_RUNS=40 ;;
    --skip-build) SKIP_BUILD=1 ;;
    --skip-jmh) SKIP_JMH=1; SKIP_BUILD=1 ;;
    --tool-runs) TOOL_RUNS="$2"; shift ;;
    *) echo "unknown option $1" >&2; exit 2 ;;
  esac
  shift
done
[[ -f "$MODULE" ]] || { echo "SoftHSM2 is not installed ($MODULE): run scripts/setup.sh" >&2; exit 1; }
command -v pkcs11-tool >/dev/null || { echo "pkcs11-tool (opensc) is not installed: run scripts/setup.sh" >&2; exit 1; }

STAMP="$(date -u +%Y-%m-%dT%H-%M-%SZ)"
OUT="benchmarks/results/pkcs11-$STAMP"
mkdir -p benchmarks/results
WORK="$(mktemp -d)"
trap 'rm -rf "$WORK"' EXIT
mkdir -p "$WORK/tokens"
printf 'directories.tokendir = %s\nobjectstore.backend = file\nlog.level = ERROR\n' "$WORK/tokens" > "$WORK/softhsm2.conf"
export SOFTHSM2_CONF="$WORK/softhsm2.conf"
TOKEN=cairn-bench
PIN="bench-$RANDOM$RANDOM"
softhsm2-util --init-token --free --label "$TOKEN" --so-pin "so-$RANDOM$RANDOM" --pin "$PIN" >/dev/null

if [[ $SKIP_BUILD -eq 0 ]]; then
  mvn -B -o -q -DskipTests -pl benchmarks -am package
fi

{
  echo "# PKCS#11 signing against SoftHSM2 ($STAMP)"
  echo
  echo "- CPU: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), $(nproc) cores"
  echo "- load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "- SoftHSM2: $(softhsm2-util --version), OpenSC: $(dpkg-query -W -f '${Version}' opensc 2>/dev/null || echo unknown)"
  echo "- Java: $(java -version 2>&1 | head -1), commit $(git rev-parse --short HEAD)"
} > "$OUT.md"

JMH_TIMES=(-wi 3 -w 2s -i 5 -r 2s -f 1)
[[ $QUICK -eq 1 ]] && JMH_TIMES=(-wi 1 -w 1s -i 3 -r 1s -f 1)
if [[ $SKIP_JMH -eq 0 ]]; then
  java -jar benchmarks/target/benchmarks.jar 'dev.cairn.benchmarks.hsm.' "${JMH_TIMES[@]}" \
    -jvmArgsAppend "-Xms512m -Xmx512m -Dcairn.pkcs11.module=$MODULE -Dcairn.pkcs11.token=$TOKEN -Dcairn.pkcs11.pin=$PIN" \
    -rf json -rff "$OUT.json" | tee "$OUT.log"
else
  : > "$OUT.log"
fi

# pkcs11-tool: its own keys, one process per signature
P11=(pkcs11-tool --module "$MODULE" --token-label "$TOKEN" --login --pin "$PIN")
"${P11[@]}" --keypairgen --key-type EC:secp256k1 --id 71 --label tool-k1 >/dev/null 2>&1
ED_OK=1
"${P11[@]}" --keypairgen --key-type EC:edwards25519 --id 72 --label tool-ed >/dev/null 2>&1 || ED_OK=0
head -c 32 /dev/urandom > "$WORK/digest.bin"
rate() { # runs, seconds -> ops/s
  awk -v n="$1" -v s="$2" 'BEGIN { printf "%.1f", n / s }'
}
loop() { # label, command...
  local start end
  shift
  start=$(date +%s.%N)
  for ((i = 0; i < TOOL_RUNS; i++)); do "$@" >/dev/null 2>&1 || { echo "pkcs11-tool failed: $*" >&2; exit 1; }; done
  end=$(date +%s.%N)
  awk -v a="$start" -v b="$end" 'BEGIN { printf "%.4f", b - a }'
}
# login-only baseline: the same process start, C_Initialize, token lookup, C_Login and key lookup as a
# signing run (reading the public key object), without C_SignInit/C_Sign
T_LOGIN=$(loop login "${P11[@]}" --read-object --type pubkey --id 71 -o "$WORK/pub.der")
T_K1=$(loop k1 "${P11[@]}" --sign --id 71 -m ECDSA -i "$WORK/digest.bin" -o "$WORK/sig.bin")
{
  echo
  echo "## pkcs11-tool ($TOOL_RUNS processes each)"
  echo
  echo "| loop | seconds | processes/s | amortised signatures/s (sign minus login-only) |"
  echo "|---|---|---|---|"
  echo "| login + read the public key (no signature) | $T_LOGIN | $(rate "$TOOL_RUNS" "$T_LOGIN") | |"
  echo "| secp256k1 --sign -m ECDSA | $T_K1 | $(rate "$TOOL_RUNS" "$T_K1") | $(awk -v n="$TOOL_RUNS" -v a="$T_K1" -v b="$T_LOGIN" 'BEGIN { d = a - b; if (d <= 0) print "n/a (difference within noise)"; else printf "%.0f", n / d }') |"
  if [[ $ED_OK -eq 1 ]]; then
    T_ED=$(loop ed "${P11[@]}" --sign --id 72 -m EDDSA -i "$WORK/digest.bin" -o "$WORK/sig.bin")
    echo "| Ed25519 --sign -m EDDSA | $T_ED | $(rate "$TOOL_RUNS" "$T_ED") | $(awk -v n="$TOOL_RUNS" -v a="$T_ED" -v b="$T_LOGIN" 'BEGIN { d = a - b; if (d <= 0) print "n/a (difference within noise)"; else printf "%.0f", n / d }') |"
  else
    echo "| Ed25519 | | | this pkcs11-tool cannot generate EC:edwards25519 keys |"
  fi
  echo
  echo "## JMH (ops/s)"
  echo
  grep -E '^(Benchmark|Pkcs11|SunPkcs11)' "$OUT.log" || true
  echo
  echo "- load average at end: $(cut -d' ' -f1-3 /proc/loadavg)"
} >> "$OUT.md"
cat "$OUT.md"
