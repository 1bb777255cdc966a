#!/usr/bin/env bash
# Fuzzes the Jazzer @FuzzTest targets (docs/reliability.md) outside CI and reports, per target,
# the inputs run, the corpus size and the findings. Runs accumulate: each target's generated corpus
# (<module>/.cifuzz-corpus/<class>/<method>/, not committed) survives between runs on one machine, and
# its cumulative input count is kept in docs/fuzz-ledger.tsv (committed, so totals survive a new
# machine); findings land in the target's inputs directory
# (src/test/resources/<package>/<Class>Inputs/<method>/crash-...) so that `mvn verify` replays them.
#
#   scripts/fuzz.sh [--time 120s|--runs N] [--jobs N] [--no-build] [--list] [TARGET ...] [-- libFuzzer args]
#   scripts/fuzz.sh --report [TARGET ...]   (the accumulated totals, as a Markdown table; runs nothing)
#
# TARGET: all (default) | a module (sdk-core) | a class (Base58FuzzTest, or its full name) |
#         one method (Base58FuzzTest#decode). --time accepts 90, 90s, 10m, 2h (default 120s when
#         neither --time nor --runs is given); with both, whichever is reached first ends the run.
# Environment: FUZZ_XMX (heap per target, default 512m), FUZZ_TIMEOUT (seconds per input before a
# hang is reported, default 30), FUZZ_KEEP_GOING (findings after which a target stops, default 1),
# FUZZ_EXCLUDES (classes left without coverage instrumentation, Jazzer globs joined by ':'; default
# the secp256k1 arithmetic, the hashes and BouncyCastle; "none" instruments everything).
# A run stopped with SIGTERM or SIGINT passes the signal on to the fuzzer and still counts its inputs.
# A target that another run is fuzzing at the moment is skipped (status "busy").
# Exit status: 0 when no target found anything, 1 when one did, 2 on a usage or build error.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)

usage() { sed -n '2,17p' "$0" | sed 's/^# \{0,1\}//'; }

to_seconds() {
  local v=$1
  case "$v" in
    *h) echo $(( ${v%h} * 3600 )) ;;
    *m) echo $(( ${v%m} * 60 )) ;;
    *s) echo $(( ${v%s} )) ;;
    *) echo $(( v )) ;;
  esac
}

time_s=""; runs=""; jobs=1; list=0; report=0; build=1; selectors=(); extra=()
while [ $# -gt 0 ]; do
  case "$1" in
    --time) time_s=$(to_seconds "$2"); shift 2 ;;
    --time=*) time_s=$(to_seconds "${1#--time=}"); shift ;;
    --runs) runs=$2; shift 2 ;;
    --runs=*) runs=${1#--runs=}; shift ;;
    --jobs|-j) jobs=$2; shift 2 ;;
    --jobs=*) jobs=${1#--jobs=}; shift ;;
    --no-build) build=0; shift ;;
    --list) list=1; shift ;;
    --report) report=1; shift ;;
    -h|--help) usage; exit 0 ;;
    --) shift; extra=("$@"); break ;;
    -*) echo "fuzz.sh: unknown option $1" >&2; usage >&2; exit 2 ;;
    *) selectors+=("$1"); shift ;;
  esac
done
[ -n "$time_s" ] || [ -n "$runs" ] || time_s=120
[ ${#selectors[@]} -gt 0 ] || selectors=(all)
xmx=${FUZZ_XMX:-512m}
ledger_file="$root/docs/fuzz-ledger.tsv"

# the ledger: "<module>\t<Class#method>\t<inputs>\t<corpus>\t<date>" per target, comments first
ledger_get() { # module target column(3|4) -> value or 0
  [ -f "$ledger_file" ] || { echo 0; return; }
  awk -F'\t' -v m="$1" -v t="$2" -v c="$3" '!/^#/ && $1 == m && $2 == t { v = $c } END { print v + 0 }' "$ledger_file"
}
ledger_add() { # module target inputs corpus: adds inputs, records corpus and date (under a lock: jobs run in parallel)
  (
    flock 9
    [ -f "$ledger_file" ] || printf '# module\ttarget\tinputs\tcorpus\tlast_run_utc\n' >"$ledger_file"
    awk -F'\t' -v OFS='\t' -v m="$1" -v t="$2" -v n="$3" -v c="$4" -v d="$(date -u +%Y-%m-%d)" '
      /^#/ { print; next }
      $1 == m && $2 == t { $3 = $3 + n; $4 = c; $5 = d; found = 1 }
      { print }
      END { if (!found) print m, t, n, c, d }' "$ledger_file" >"$ledger_file.tmp.$$"
    mv "$ledger_file.tmp.$$" "$ledger_file"
  ) 9>"$root/.fuzz-ledger.lock"   # kept (git-ignored): removing it would let two jobs lock different files
}
per_input_timeout=${FUZZ_TIMEOUT:-30}
keep_going=${FUZZ_KEEP_GOING:-1}
# Arithmetic and hashing have no input-dependent branches worth steering by, and coverage
# instrumentation makes them several times slower (the Ledger emulator signs: 3,000 -> 8,000 inputs/s
# without it); they still run, and an exception thrown in them is still a finding.
excludes=${FUZZ_EXCLUDES:-'dev.cairn.core.crypto.internal.**:dev.cairn.core.hash.**:org.bouncycastle.**'}

# --- discover targets: "<module> <fully qualified class> <method>" per @FuzzTest method
all_targets() {
  find . -path ./tools -prune -o -path '*/node_modules' -prune -o \
    -path '*/src/test/java/*' -name '*FuzzTest.java' -print | sort | while read -r f; do
    f=${f#./}
    local module=${f%%/src/test/java/*}
    local cls=${f#*/src/test/java/}
    cls=${cls%.java}
    cls=${cls//\//.}
    awk -v m="$module" -v c="$cls" '
      /@FuzzTest/ { pending = 1 }
      pending && match($0, /void[ \t]+[A-Za-z0-9_]+[ \t]*\(/) {
        s = substr($0, RSTART, RLENGTH); sub(/^void[ \t]+/, "", s); sub(/[ \t]*\($/, "", s)
        print m, c, s; pending = 0
      }' "$f"
  done
}

selected=()
while read -r module cls method; do
  [ -n "$module" ] || continue
  simple=${cls##*.}
  for sel in "${selectors[@]}"; do
    case "$sel" in
      all|"$module"|"$simple"|"$cls"|"$simple#$method"|"$cls#$method")
        selected+=("$module $cls $method"); break ;;
    esac
  done
done < <(all_targets)

if [ ${#selected[@]} -eq 0 ]; then
  echo "fuzz.sh: no target matches ${selectors[*]} (scripts/fuzz.sh --list shows them)" >&2
  exit 2
fi
if [ "$list" = 1 ]; then
  for t in "${selected[@]}"; do set -- $t; echo "$1 ${2##*.}#$3"; done
  exit 0
fi
if [ "$report" = 1 ]; then
  echo "| target | inputs run (cumulative) | corpus size | findings kept as regression inputs |"
  echo "|---|---:|---:|---:|"
  for t in "${selected[@]}"; do
    set -- $t
    pkg_path=${2%.*}; pkg_path=${pkg_path//./\/}
    inputs="$1/src/test/resources/$pkg_path/${2##*.}Inputs/$3"
    total=$(ledger_get "$1" "${2##*.}#$3" 3)
    size=$(ledger_get "$1" "${2##*.}#$3" 4)
    found=0; [ -d "$inputs" ] && found=$(ls "$inputs" | grep -cE '^(crash|timeout|oom|slow-unit|leak)-' || true)
    echo "| $1 ${2##*.}#$3 | $total | $size | $found |"
  done
  exit 0
fi

# --- build once: test classes plus each module's test class path (reactor modules resolve to their
# target/classes, nothing is installed)
modules=$(for t in "${selected[@]}"; do set -- $t; echo "$1"; done | sort -u | paste -sd, -)
if [ "$build" = 1 ]; then
  echo "fuzz.sh: compiling $modules" >&2
  mvn -B -o -q -Dstyle.color=never test-compile dependency:build-classpath -Dmdep.outputFile=target/fuzz-classpath.txt \
    -Dmdep.includeScope=test -pl "$modules" -am >&2 || { echo "fuzz.sh: build failed" >&2; exit 2; }
fi

java_major=$(java -XshowSettings:properties -version 2>&1 | awk -F'= ' '/java.specification.version/ {print $2}' | cut -d. -f1)
jvm_opts=("-Xmx$xmx" -Xss4m)
[ "${java_major:-17}" -ge 21 ] && jvm_opts+=(-XX:+EnableDynamicAgentLoading)

results=$(mktemp -d)
trap 'rm -rf "$results"' EXIT

# runs one target; writes "<target> <inputs> <corpus> <new findings> <cumulative inputs> <status>"
run_one() {
  local module=$1 cls=$2 method=$3
  local simple=${cls##*.}
  local pkg_path=${cls%.*}; pkg_path=${pkg_path//./\/}
  local mdir="$root/$module"
  local inputs="$mdir/src/test/resources/$pkg_path/${simple}Inputs/$method"
  local corpus="$mdir/.cifuzz-corpus/$cls/$method"
  local logdir="$mdir/target/fuzz-logs"
  local log="$logdir/$simple.$method.log"
  mkdir -p "$inputs" "$corpus" "$logdir"
  if [ ! -f "$mdir/target/fuzz-classpath.txt" ]; then
    echo "fuzz.sh: $module not built (drop --no-build)" >&2
    echo "$module:$simple#$method 0 0 0 0 not-built" >"$results/$module.$simple.$method"
    return 1
  fi
  # one run per target at a time: two would share the corpus and the log, and neither count would be
  # read (the lock is held until this subshell ends, with the fuzzer)
  local lockfd
  exec {lockfd}>"$logdir/$simple.$method.lock"
  if ! flock -n "$lockfd"; then
    echo "fuzz.sh: $simple#$method is being fuzzed by another run; skipped" >&2
    echo "$module:$simple#$method 0 0 0 $(ledger_get "$module" "$simple#$method" 3) busy" \
      >"$results/$module.$simple.$method"
    return 1
  fi
  local cp="$mdir/target/test-classes:$mdir/target/classes:$(cat "$mdir/target/fuzz-classpath.txt")"
  local findings_before
  findings_before=$(ls "$inputs" | grep -cE '^(crash|timeout|oom|slow-unit|leak)-' || true)

  local args=("--target_class=$cls" "--target_method=$method" "--keep_going=$keep_going"
    "$corpus" "$inputs" "-artifact_prefix=$inputs/" "-print_final_stats=1"
    "-timeout=$per_input_timeout" "-report_slow_units=$per_input_timeout" "-rss_limit_mb=0")
  local wall=()
  if [ -n "$time_s" ]; then
    args+=("-max_total_time=$time_s")
    wall=(timeout --kill-after=30 $(( time_s + 600 )))
  fi
  [ -n "$runs" ] && args+=("-runs=$runs")
  [ "$excludes" = none ] || args+=("--instrumentation_excludes=$excludes")
  args+=(${extra[@]+"${extra[@]}"})

  local status=0 pid
  ( cd "$mdir" && exec ${wall[@]+"${wall[@]}"} env --default-signal=INT java "${jvm_opts[@]}" -cp "$cp" \
      com.code_intelligence.jazzer.Jazzer "${args[@]}" ) >"$log" 2>&1 &
  pid=$!
  # a stop (kill, Ctrl-C) reaches the fuzzer as SIGINT, on which Jazzer ends the run and prints its
  # statistics, so the inputs run until then are counted below (a background job starts with SIGINT
  # ignored, hence env --default-signal)
  trap "kill -INT $pid 2>/dev/null" TERM INT
  while :; do # a trapped signal ends the wait early (status 128+n): wait again for the real status
    wait "$pid" && status=0 || status=$?
    kill -0 "$pid" 2>/dev/null || break
  done
  trap - TERM INT

  local execs
  execs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | tail -1 | grep -oE '[0-9]+$' || true)
  [ -n "$execs" ] || execs=$(grep -oE '^Done [0-9]+ runs' "$log" | tail -1 | grep -oE '[0-9]+' || true)
  [ -n "$execs" ] || execs=$(grep -oE '^#[0-9]+' "$log" | tr -d '#' | sort -n | tail -1 || true)
  [ -n "$execs" ] || execs=0
  local size
  size=$(find "$corpus" -type f | wc -l)
  local findings_after
  findings_after=$(ls "$inputs" | grep -cE '^(crash|timeout|oom|slow-unit|leak)-' || true)
  ledger_add "$module" "$simple#$method" "$execs" "$size"
  local total
  total=$(ledger_get "$module" "$simple#$method" 3)
  local state=ok
  [ "$status" = 0 ] || state="exit-$status"
  [ $(( findings_after - findings_before )) -eq 0 ] || state=FINDING
  echo "$module:$simple#$method $execs $size $(( findings_after - findings_before )) $total $state" \
    >"$results/$module.$simple.$method"
  printf 'fuzz.sh: %-48s inputs %10s  corpus %6s  findings %s  (cumulative %s, %s, log %s)\n' \
    "$simple#$method" "$execs" "$size" "$(( findings_after - findings_before ))" "$total" "$state" \
    "${log#$root/}" >&2
}

running=0; stopped=0
trap 'stopped=1; kill -TERM $(jobs -pr) 2>/dev/null' TERM INT
for t in "${selected[@]}"; do
  [ "$stopped" = 0 ] || break
  set -- $t
  run_one "$1" "$2" "$3" &
  running=$(( running + 1 ))
  if [ "$running" -ge "$jobs" ]; then wait -n || true; running=$(( running - 1 )); fi
done
# a trapped signal ends a wait early: wait until the running targets have counted their inputs
while [ -n "$(jobs -pr)" ]; do wait || true; done

echo
{
  echo "target inputs_run corpus_size new_findings cumulative_inputs status"
  cat "$results"/* 2>/dev/null | sort
} | column -t
if [ "$stopped" = 1 ]; then
  echo "fuzz.sh: stopped; the inputs run until then are counted" >&2
  exit 130
fi
# every selected target must have reported (a target that died without a result is an error)
reported=$(find "$results" -type f | wc -l)
if [ "$reported" -ne "${#selected[@]}" ]; then
  echo "fuzz.sh: only $reported of ${#selected[@]} targets reported a result; see the logs under <module>/target/fuzz-logs" >&2
  exit 1
fi
if grep -qv ' ok$' "$results"/*; then
  echo
  echo "fuzz.sh: findings (or errors) above; each finding is a file in the target's inputs directory —"
  echo "         reproduce with: mvn -B -o verify -pl <module> -am -Dtest=<Class> -Dsurefire.failIfNoSpecifiedTests=false"
  exit 1
fi
