#!/usr/bin/env bash
# Artifact and closure sizes for docs/footprint.md from the current build (run after `mvn -B -DskipTests package`, or after
# the test command): each library artifact's jar, the Android AAR, the run-time closure of an offline
# signer (the gateway-signer example: sdk-core, sdk-abi, sdk-evm, sdk-svm, sdk-cosmwasm, BouncyCastle,
# protobuf-javalite) and of a full three-chain client (the transfer-desk example: those plus
# sdk-transport, OkHttp, Okio, Kotlin stdlib, Jackson core), each as the shaded jar and as the sum of
# its dependency jars. Prints Markdown. Then the dex footprint (scripts/dex-footprint.sh: a build of
# android-check and its R8/D8 runs, about 12 minutes); --no-dex leaves it out.
set -euo pipefail
cd "$(dirname "$0")/.."
kib() { echo $(( ($1 + 512) / 1024 )); }
size() { stat -c %s "$1"; }
echo "| artifact | jar (KiB) |"
echo "|---|---:|"
for m in sdk-core native sdk-abi sdk-transport sdk-evm sdk-svm sdk-cosmwasm sdk-hsm testing-kit; do
  jar=$(ls "$m"/target/"$m"-*.jar 2>/dev/null | grep -v -e sources -e tests -e javadoc | head -1)
  [ -n "$jar" ] || { echo "footprint.sh: $m has no jar; build first" >&2; exit 1; }
  echo "| \`$m\` | $(kib "$(size "$jar")") |"
done
aar=$(ls android/target/cairn-android-*.aar | head -1)
echo "| \`cairn-android\` (AAR: classes.jar + manifest + rules) | $(kib "$(size "$aar")") |"
echo
closure() { # module, excluded pattern -> sum of the runtime jars
  local cp
  cp=$(mvn -B -q -o -Dstyle.color=never -pl "$1" dependency:build-classpath -Dmdep.outputFile=/dev/stdout -DincludeScope=runtime 2>/dev/null | tr -d '\033' | sed 's/\[[0-9;]*m//g')
  local total=0 n=0 list=""
  IFS=: read -r -a jars <<<"$cp"
  for j in "${jars[@]}"; do
    case "$j" in *"$2"*) [ -n "$2" ] && continue ;; esac
    case "$j" in */dev/cairn/*) # a reactor module: its jar in this build, not a (maybe absent) installed copy
      local m; m=$(basename "$(dirname "$(dirname "$j")")")
      j=$(ls "$m"/target/"$m"-*.jar 2>/dev/null | grep -v -e sources -e tests -e javadoc | head -1) ;;
    esac
    [ -f "$j" ] || { echo "artifact-sizes.sh: $j not found; build first" >&2; exit 1; }
    total=$(( total + $(size "$j") )); n=$((n+1)); list="$list $(basename "$j")"
  done
  echo "$total $n$list"
}
echo "| closure | shaded jar (KiB) | dependency jars (KiB) | jars |"
echo "|---|---:|---:|---|"
read -r t n rest <<<"$(closure examples "__none__")"
g=examples/target/gateway-signer.jar; d=examples/target/transfer-desk.jar
echo "| offline signer (gateway-signer example) | $(kib "$(size "$g")") | — | sdk-core, sdk-abi, sdk-evm, sdk-svm, sdk-cosmwasm, bcprov, protobuf-javalite |"
echo "| three-chain client (transfer-desk example) | $(kib "$(size "$d")") | $(kib "$t") | $n: $rest |"
if [ "${1:-}" != "--no-dex" ]; then
  echo
  scripts/dex-footprint.sh
fi
