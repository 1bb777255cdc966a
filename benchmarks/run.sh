#!/usr/bin/env bash
# Runs the Cairn benchmarks in one go and prints the ratio table of docs/performance.md.
#
#   benchmarks/run.sh [--quick] [--forks N] [--warmup-iterations N] [--warmup-time T]
#                     [--iterations N] [--time T] [--c-seconds S] [--filter REGEX]
#                     [--skip-build] [--skip-c] [--no-gc] [--strict] [-- EXTRA_JMH_ARGS...]
#
# Steps: build the module with the reactor (never `mvn install`), build and run the C libsecp256k1
# harness when the library and its headers are installed, run every JMH benchmark in one JMH run
# (web3j, Cairn pure-Java and Cairn native side by side), then RatioReport. Everything is written to
# benchmarks/results/ with the same timestamp:
#   jmh-<date>.json     JMH result (-rf json)
#   jmh-<date>.log      JMH console output
#   c-<date>.txt        C harness output before JMH (if it ran); c-<date>-after.txt after JMH
#   report-<date>.md    machine description + ratio table + all scores
#
# Defaults (also the annotation defaults): 1 fork, 3 warm-up iterations of 2 s, 5 measured
# iterations of 2 s, 1 thread, throughput in ops/s; the C harness runs 5 s per operation (after a
# warm-up of a tenth of that), once before and once after JMH. --quick is a smoke run (1 fork,
# 1 x 1 s warm-up, 3 x 1 s measurement, C 1 s): it checks the pipeline; its numbers are not
# results. --filter is a JMH include regex (e.g. 'Keccak', 'Abi'); --strict makes the exit status 1
# when a target fails. JMH runs with its GC profiler (-prof gc) so that the report can compare
# allocated bytes per operation (the ABI targets); --no-gc leaves the profiler out.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

FORKS=1
WARMUP_ITERATIONS=3
WARMUP_TIME=2s
ITERATIONS=5
TIME=2s
C_SECONDS=5
FILTER=""
SKIP_BUILD=0
SKIP_C=0
STRICT=0
QUICK=0
GC_PROF=1
EXTRA=()
JAVA="${JAVA:-java}"

usage() {
  awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "$0"
  exit "${1:-0}"
}

while [[ $# -gt 0 ]]; do
  case "$1" in
    --quick) QUICK=1; FORKS=1; WARMUP_ITERATIONS=1; WARMUP_TIME=1s; ITERATIONS=3; TIME=1s; C_SECONDS=1 ;;
    --forks) FORKS="$2"; shift ;;
    --warmup-iterations) WARMUP_ITERATIONS="$2"; shift ;;
    --warmup-time) WARMUP_TIME="$2"; shift ;;
    --iterations) ITERATIONS="$2"; shift ;;
    --time) TIME="$2"; shift ;;
    --c-seconds) C_SECONDS="$2"; shift ;;
    --filter) FILTER="$2"; shift ;;
    --skip-build) SKIP_BUILD=1 ;;
    --skip-c) SKIP_C=1 ;;
    --no-gc) GC_PROF=0 ;;
    --strict) STRICT=1 ;;
    -h|--help) usage 0 ;;
    --) shift; EXTRA=("$@"); break ;;
    *) echo "run.sh: unknown option $1" >&2; usage 2 ;;
  esac
  shift
done

if [[ "$FORKS" == "0" ]]; then
  echo "run.sh: --forks 0 is not supported: the public-API benchmarks select their secp256k1" \
       "backend with a system property of the forked JVM" >&2
  exit 2
fi

STAMP="$(date -u +%Y-%m-%dT%H-%M-%SZ)"
LOAD_START="$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
RESULTS="benchmarks/results"
mkdir -p "$RESULTS"
JSON="$RESULTS/jmh-$STAMP.json"
LOG="$RESULTS/jmh-$STAMP.log"
CTXT="$RESULTS/c-$STAMP.txt"
CTXT2="$RESULTS/c-$STAMP-after.txt"
REPORT="$RESULTS/report-$STAMP.md"
JAR="benchmarks/target/benchmarks.jar"

# --- build -----------------------------------------------------------------------------------------
if [[ "$SKIP_BUILD" == "0" ]]; then
  echo "==> building (mvn -pl benchmarks -am package)"
  mvn -B -q -DskipTests -pl benchmarks -am package
fi
[[ -f "$JAR" ]] || { echo "run.sh: $JAR missing (build first)" >&2; exit 1; }

# --- libsecp256k1 present? -------------------------------------------------------------------------
HAVE_LIB=0
if { command -v ldconfig >/dev/null && ldconfig -p 2>/dev/null | grep -q 'libsecp256k1\.so'; } \
   || ls /usr/lib/libsecp256k1.so* /usr/lib/*/libsecp256k1.so* /usr/local/lib/libsecp256k1.so* \
        >/dev/null 2>&1; then
  HAVE_LIB=1
fi

# --- C harness -------------------------------------------------------------------------------------
C_ARG=()
C_BIN=""
if [[ "$SKIP_C" == "1" ]]; then
  echo "==> C harness skipped (--skip-c)"
elif [[ "$HAVE_LIB" == "0" ]]; then
  echo "==> C harness skipped: libsecp256k1 not found"
elif [[ ! -x benchmarks/c/build.sh ]]; then
  echo "==> C harness skipped: benchmarks/c/build.sh not present"
else
  echo "==> C harness (benchmarks/c/build.sh, then $C_SECONDS s per operation)"
  if benchmarks/c/build.sh; then
    BIN="${CAIRN_C_BENCH_OUT:-benchmarks/c/target}/secp256k1_bench"
    if [[ -x "$BIN" ]]; then
      if "$BIN" "$C_SECONDS" | tee "$CTXT"; then
        C_ARG=(--c "$CTXT")
        C_BIN="$BIN"
      else
        echo "==> C harness failed; continuing without C numbers" >&2
      fi
    else
      echo "==> C harness built but $BIN is missing" >&2
    fi
  else
    echo "==> C harness build failed; continuing without C numbers" >&2
  fi
fi

# --- JMH -------------------------------------------------------------------------------------------
JMH_ARGS=(-f "$FORKS" -wi "$WARMUP_ITERATIONS" -w "$WARMUP_TIME" -i "$ITERATIONS" -r "$TIME" -t 1
          -rf json -rff "$JSON")
if [[ "$HAVE_LIB" == "0" ]]; then
  echo "==> libsecp256k1 not found: excluding the native benchmarks"
  JMH_ARGS+=(-e 'Native')
fi
if [[ "$GC_PROF" == "1" ]]; then
  JMH_ARGS+=(-prof gc)
fi
if [[ -n "$FILTER" ]]; then
  JMH_ARGS+=("$FILTER")
fi
if [[ ${#EXTRA[@]} -gt 0 ]]; then
  JMH_ARGS+=("${EXTRA[@]}")
fi
echo "==> JMH: ${JMH_ARGS[*]}"
"$JAVA" -jar "$JAR" "${JMH_ARGS[@]}" 2>&1 | tee "$LOG"

# --- C harness again, after JMH: the report keeps each operation's better C run, so that a load
# spike during one C run does not flatter the "native as % of C" ratios --------------------------
if [[ -n "$C_BIN" ]]; then
  echo "==> C harness, second run"
  if "$C_BIN" "$C_SECONDS" | tee "$CTXT2"; then
    C_ARG+=(--c "$CTXT2")
  fi
fi

# --- report ----------------------------------------------------------------------------------------
{
  echo "# Cairn benchmark report $STAMP"
  echo
  if [[ "$QUICK" == "1" ]]; then
    echo "**Smoke run (--quick): too short to be a result; it only checks the pipeline.**"
    echo
  fi
  echo "## Machine"
  echo
  echo "- CPU: $( (grep -m1 'model name' /proc/cpuinfo 2>/dev/null || echo ': unknown') | cut -d: -f2- | sed 's/^ *//')"
  echo "- cores: $(nproc 2>/dev/null || echo unknown); load average at start: $LOAD_START, at report time: $(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo unknown)"
  echo "- OS: $(uname -srm)"
  echo "- Java: $("$JAVA" -version 2>&1 | head -n 1)"
  echo "- commit: $(git rev-parse --short HEAD 2>/dev/null || echo unknown)$(git diff --quiet 2>/dev/null || echo ' (dirty)')"
  echo
} > "$REPORT"

STRICT_ARG=()
[[ "$STRICT" == "1" ]] && STRICT_ARG=(--strict)
set +e
"$JAVA" -cp "$JAR" dev.cairn.benchmarks.report.RatioReport --jmh "$JSON" "${C_ARG[@]}" \
  "${STRICT_ARG[@]}" >> "$REPORT"
STATUS=$?
set -e
cat "$REPORT"
echo
echo "==> report: $REPORT"
exit "$STATUS"
