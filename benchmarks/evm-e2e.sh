#!/usr/bin/env bash
# End-to-end EVM benchmark: runs the fixed-duration drivers of dev.cairn.benchmarks.evm.e2e.EvmE2eDriver,
# which start one local anvil through the testing kit (Cairn vs web3j 4.12.3, and the node's own
# ceiling, with wrk when installed), stop it, and write a Markdown report.
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

# The node's eth_blockNumber ceiling is measured by the driver with wrk when it is installed.
if ! command -v wrk >/dev/null 2>&1 && [ "$(id -u)" -eq 0 ] && command -v apt-get >/dev/null 2>&1; then
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null 2>&1 || true
fi

# The driver starts anvil itself (the testing kit's launcher: the pinned binary of scripts/anvil-path.sh,
# a free loopback port, stopped at the end; its output goes to $LOG) with the flags of EvmE2eDriver.ANVIL_ARGS.
ARGS=(--seconds "$SECONDS_PER" --warmup "$WARMUP" --rounds "$ROUNDS" --ceiling-txs "$CEILING_TXS" --report "$REPORT" --log "$LOG")
[ -n "$ONLY" ] && ARGS+=(--only "$ONLY")
echo "evm-e2e: anvil $("$(scripts/anvil-path.sh)" --version | head -1)" >&2
"$JAVA" -Xms1g -Xmx2g -cp "$JAR" dev.cairn.benchmarks.evm.e2e.EvmE2eDriver "${ARGS[@]}" 2> >(tee -a "$LOG" >&2)
{
  echo
  echo "- machine: $(uname -srm), $(nproc) CPUs, load average before the run: $LOAD_BEFORE"
  echo "- anvil flags: --block-time 1 --gas-limit 10000000000 --order fifo --quiet"
} >> "$REPORT"
echo "evm-e2e: report $REPORT" >&2
