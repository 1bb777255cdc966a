#!/usr/bin/env bash
# The soak test at a larger size (issue 13): wallet-cli's SoakIT runs mixed calls on EVM (anvil),
# Solana (the LiteSVM node) and Cosmos (the scripted node) for SOAK_SECONDS (default 600) and fails
# if heap after GC, live threads or open file descriptors grow beyond their bounds between the start
# (after a warm-up), the middle and the end. Prints the figures (also in
# wallet-cli/target/soak-figures.txt). The integration suite runs the same test for 40 s.
#
#   scripts/soak.sh                      # 10 minutes
#   SOAK_SECONDS=3600 scripts/soak.sh    # an hour
#   SOAK_HEAP_SLACK_MIB=64 SOAK_THREAD_SLACK=4 SOAK_FD_SLACK=16 scripts/soak.sh
#
# Extra arguments go to Maven (e.g. -o for an offline build).
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$root"
seconds="${SOAK_SECONDS:-600}"
set +e
mvn -B verify -pl wallet-cli -am \
  -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=SoakIT -Dfailsafe.failIfNoSpecifiedTests=false \
  -Dcairn.soak.seconds="$seconds" \
  -Dcairn.soak.heapSlackMiB="${SOAK_HEAP_SLACK_MIB:-32}" \
  -Dcairn.soak.threadSlack="${SOAK_THREAD_SLACK:-4}" \
  -Dcairn.soak.fdSlack="${SOAK_FD_SLACK:-16}" \
  "$@"
status=$?
set -e
echo
echo "== soak figures (wallet-cli/target/soak-figures.txt)"
cat wallet-cli/target/soak-figures.txt 2>/dev/null || echo "(none: the test did not get that far)"
exit $status
