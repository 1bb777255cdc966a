#!/usr/bin/env bash
# End-to-end EVM benchmark: starts one local anvil, runs the fixed-duration drivers of
# dev.cairn.benchmarks.evm.e2e.EvmE2eDriver against it (Cairn vs web3j 4.12.3, and the node's own
# ceiling), stops anvil, and writes a Markdown report.
#
#   benchmarks/evm-e2e.sh [--quick] [--seconds N] [--warmup N] [--rounds N] [--only SUBSTRING] [--skip-build]
#
# Defaults: 3 rounds of the whole scenario list, each scenario 3 s warm-up + 10 s measured (13
# scenarios: about 7 minutes with the pre-signing of the ceiling scenarios); the report gives the
# median of the rounds and their range. --quick: 1 round of 1 s + 3 s, a smoke run of the pipeline
# whose numbers are not results. Run on an otherwise idle machine: the node and the client share
# the CPUs, and one busy neighbour changes the ratios.
#
# Anvil runs with: interval mining, a block every second (no automine) (so acceptance, not block production, is
# measured), a 1e10 gas limit (blocks absorb every transaction), FIFO ordering and no logging.
# Output: benchmarks/results/evm-e2e-<date>.md (report) and .log (driver + anvil output).
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

SECONDS_PER=10
WARMUP=3
ROUNDS=3
ONLY=""
SKIP_BUILD=0
CEILING_TXS=200000
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) SECONDS_PER=3; WARMUP=1; ROUNDS=1; CEILING_TXS=30000 ;;
    --rounds) ROUNDS="$2"; shift ;;
    --seconds) SECONDS_PER="$2"; shift ;;
    --warmup) WARMUP="$2"; shift ;;
    --only) ONLY="$2"; shift ;;
    --skip-build) SKIP_BUILD=1 ;;
    --ceiling-txs) CEILING_TXS="$2"; shift ;;
    *) echo "evm-e2e: unknown argument $1" >&2; exit 2 ;;
  esac
  shift
done

ANVIL="$(scripts/anvil-path.sh)" || { echo "evm-e2e: anvil missing; run scripts/setup.sh" >&2; exit 1; }
JAVA="${JAVA:-java}"
if [ "$SKIP_BUILD" -eq 0 ]; then
  echo "evm-e2e: building benchmarks (reactor, no install)" >&2
  mvn -B -q -pl benchmarks -am package -DskipTests >/dev/null
fi
JAR=benchmarks/target/benchmarks.jar
[ -f "$JAR" ] || { echo "evm-e2e: $JAR missing (build failed?)" >&2; exit 1; }

mkdir -p benchmarks/results
LOAD_BEFORE="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo n/a)"
STAMP="$(date +%Y%m%d-%H%M%S)"
REPORT="benchmarks/results/evm-e2e-$STAMP.md"
LOG="benchmarks/results/evm-e2e-$STAMP.log"
PORT="$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1]); s.close()')"

"$ANVIL" --host 127.0.0.1 --port "$PORT" --block-time 1 --gas-limit 10000000000 --order fifo --quiet \
  >>"$LOG" 2>&1 &
ANVIL_PID=$!
cleanup() { kill "$ANVIL_PID" 2>/dev/null || true; wait "$ANVIL_PID" 2>/dev/null || true; }
trap cleanup EXIT

for _ in $(seq 1 100); do
  if curl -s -m 1 -H 'content-type: application/json' \
      -d '{"jsonrpc":"2.0","id":1,"method":"eth_chainId","params":[]}' "http://127.0.0.1:$PORT" | grep -q result; then
    break
  fi
  kill -0 "$ANVIL_PID" 2>/dev/null || { echo "evm-e2e: anvil exited; see $LOG" >&2; exit 1; }
  sleep 0.1
done

echo "evm-e2e: anvil $("$ANVIL" --version | head -1) on port $PORT (pid $ANVIL_PID)" >&2
ARGS=(--url "http://127.0.0.1:$PORT" --seconds "$SECONDS_PER" --warmup "$WARMUP" --rounds "$ROUNDS" --ceiling-txs "$CEILING_TXS" --report "$REPORT")
[ -n "$ONLY" ] && ARGS+=(--only "$ONLY")
"$JAVA" -Xms1g -Xmx2g -cp "$JAR" dev.cairn.benchmarks.evm.e2e.EvmE2eDriver "${ARGS[@]}" 2> >(tee -a "$LOG" >&2)
# The node's own ceiling for eth_blockNumber: wrk (a C load generator, far cheaper per request than any
# JVM client) with 64 connections against the same anvil, measured after the driver, in the same run.
if [ -z "$ONLY" ] || [[ "rpc/blockNumber" == *"$ONLY"* ]] || [[ "$ONLY" == rpc* ]]; then
  if ! command -v wrk >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null 2>&1 || true
  fi
  if command -v wrk >/dev/null 2>&1; then
    LUA="$(mktemp --suffix .lua)"
    cat > "$LUA" <<'LUA'
wrk.method = "POST"
wrk.body = '{"jsonrpc":"2.0","id":1,"method":"eth_blockNumber","params":[]}'
wrk.headers["Content-Type"] = "application/json"
LUA
    WRK_RATES=()
    for _ in $(seq 1 "$ROUNDS"); do
      r="$(wrk -t2 -c64 -d"${SECONDS_PER}s" -s "$LUA" "http://127.0.0.1:$PORT" | awk '/Requests\/sec/ {print $2}')"
      WRK_RATES+=("$r")
    done
    rm -f "$LUA"
    WRK_MEDIAN="$(printf '%s\n' "${WRK_RATES[@]}" | sort -n | awk '{a[NR]=$1} END {print a[int((NR+1)/2)]}')"
    CAIRN_RPC="$(awk -F'|' '$2 ~ /rpc\/blockNumber\/cairn\/64/ {gsub(/[ ,]/, "", $4); print $4}' "$REPORT")"
    WEB3J_RPC="$(awk -F'|' '$2 ~ /rpc\/blockNumber\/web3j\/64/ {gsub(/[ ,]/, "", $4); print $4}' "$REPORT")"
    {
      echo
      echo "## eth_blockNumber ceiling of the node (wrk, 2 threads, 64 connections)"
      echo
      echo "| rounds (req/s) | median | Cairn single requests as % of it | web3j as % of it |"
      echo "|---|---:|---:|---:|"
      awk -v rates="${WRK_RATES[*]}" -v m="$WRK_MEDIAN" -v c="${CAIRN_RPC:-0}" -v w="${WEB3J_RPC:-0}" \
        'BEGIN { printf "| %s | %.0f | %.0f%% | %.0f%% |\n", rates, m, 100*c/m, 100*w/m }'
    } >> "$REPORT"
  else
    echo "evm-e2e: wrk not installed; the eth_blockNumber node ceiling is not measured" >&2
  fi
fi
{
  echo
  echo "- machine: $(uname -srm), $(nproc) CPUs, load average before the run: $LOAD_BEFORE"
  echo "- anvil flags: --block-time 1 --gas-limit 10000000000 --order fifo --quiet"
} >> "$REPORT"
echo "evm-e2e: report $REPORT" >&2
