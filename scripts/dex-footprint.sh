#!/usr/bin/env bash
# Dex footprint for docs/footprint.md: the dex size and method count of Cairn's Android closure after R8
# next to web3j's core and crypto artifacts dexed the same way. Runs android-check's DexFootprintIT
# (offline; pass -online to let Maven download), which, for each side, shrinks a sample wallet app with
# R8 8.5.35 in dex mode (--min-api 24, the library's shipped keep rules) and dexes the whole closure
# unshrunk with D8, reads method_ids/field_ids/class_defs from the dex headers, checks sanity bounds,
# and writes android-check/target/android-check/dex-footprint.md (printed here) and the exact R8/D8
# command lines to android-check/target/android-check/dex-footprint/{cairn,web3j}/commands.sh.
# About 12 minutes on 2 cores (the build's own run of the IT does Cairn's side only, about 3); R8 and D8
# run in a child JVM with -Xmx1g.
set -euo pipefail
cd "$(dirname "$0")/.."
offline=-o
[ "${1:-}" = "-online" ] && offline=
mvn -B $offline -q verify -pl android-check -am -Dtest=none -Dsurefire.failIfNoSpecifiedTests=false \
  -Dit.test=DexFootprintIT -Dfailsafe.failIfNoSpecifiedTests=false -Dcairn.dex.web3j=true >&2
cat android-check/target/android-check/dex-footprint.md
echo "R8 and D8 commands: android-check/target/android-check/dex-footprint/{cairn,web3j}/commands.sh"
