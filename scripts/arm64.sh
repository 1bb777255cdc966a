#!/usr/bin/env bash
# arm64.sh: an emulated arm64 (aarch64) JVM for running Cairn on a non-x86 CPU, built from Debian's
# own packages: qemu-user-static (user-mode emulation) and the arm64 builds of OpenJDK 17 and
# libsecp256k1, unpacked into a private sysroot. The host's dpkg database and architectures are not
# touched (no `dpkg --add-architecture`): the arm64 packages are resolved by apt against a private
# state directory and only unpacked (see docs/decisions/DRAFT-cpu.md).
#
# Usage:
#   scripts/arm64.sh setup              install qemu-user-static, build the sysroot (idempotent: a stamp
#                                       records what was built; nothing is fetched when it is current)
#   scripts/arm64.sh java ARGS...       run the arm64 `java` under qemu-aarch64-static, e.g.
#                                         scripts/arm64.sh java -cp app.jar com.example.Main
#                                         scripts/arm64.sh java -jar wallet-cli/target/wallet-cli.jar demo
#   scripts/arm64.sh java-home          print a JDK-shaped directory whose bin/java is that emulated
#                                       JVM (for PATH=..., JAVA_HOME=..., surefire's <jvm>)
#   scripts/arm64.sh check              print what the emulated JVM reports (os.arch, version) and
#                                       whether libsecp256k1 loads in it through the SDK
#   scripts/arm64.sh ci                 what .ci/run does on arm64: `./wallet demo` on the emulated JVM
#                                       (native backend required) and the sdk-core and native test
#                                       suites (mvn -Parm64), timed
#
# Environment:
#   CAIRN_ARM64_DIR   where the sysroot lives (default: ~/.cache/cairn/arm64); ~300 MB
#   CAIRN_ARM64_JAVA_OPTS  JVM options added before ARGS by `java` and the java-home wrapper
#   CAIRN_ARM64_MVN_ARGS   extra Maven arguments for `ci`'s test run (e.g. -Dtest=HexTest
#                     -Dsurefire.failIfNoSpecifiedTests=false while trying things out)
#
# Fails (exit 1) with a message when a part is missing or does not work; it never skips.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
DIR="${CAIRN_ARM64_DIR:-${HOME:-/root}/.cache/cairn/arm64}"
SYSROOT="$DIR/sysroot"
JVM_REL="usr/lib/jvm/java-17-openjdk-arm64"
WRAP_HOME="$DIR/jdk"
STAMP="$DIR/.stamp"
# what the sysroot holds; apt adds the Depends closure of these (libc6, zlib1g, libstdc++6, ...)
PACKAGES=(openjdk-17-jre-headless libsecp256k1-1)
# bump when the layout below changes, so that an old sysroot is rebuilt
LAYOUT=1

die() { echo "arm64: $*" >&2; exit 1; }
log() { echo "arm64: $*" >&2; }

sudo_cmd() {
  if [ "$(id -u)" -eq 0 ]; then "$@"
  elif command -v sudo >/dev/null 2>&1; then sudo "$@"
  else die "need root (or sudo) to run: $*"; fi
}

qemu_bin() { command -v qemu-aarch64-static 2>/dev/null || true; }

install_qemu() {
  [ -n "$(qemu_bin)" ] && return 0
  command -v apt-get >/dev/null 2>&1 || die "qemu-aarch64-static not found and no apt-get here; install qemu-user-static"
  log "installing qemu-user-static"
  sudo_cmd apt-get update -qq >/dev/null
  sudo_cmd env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq qemu-user-static >/dev/null
  [ -n "$(qemu_bin)" ] || die "qemu-aarch64-static still not found after installing qemu-user-static"
}

want_stamp() {
  echo "layout $LAYOUT; packages ${PACKAGES[*]}"
}

current() {
  [ -f "$STAMP" ] && [ "$(head -1 "$STAMP")" = "$(want_stamp)" ] \
    && [ -x "$SYSROOT/$JVM_REL/bin/java" ] && [ -x "$WRAP_HOME/bin/java" ]
}

# The host's Debian archive entries (the source files signed with Debian's archive keyring), so that
# the arm64 indexes come from the same mirror and suites as the host's own packages.
debian_sources() {
  local f out="$1" n=0
  : >"$out.list"
  mkdir -p "$out.d"
  rm -f "$out.d"/*
  for f in /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources; do
    [ -f "$f" ] || continue
    grep -q "debian-archive-keyring\|^deb .*/debian" "$f" 2>/dev/null || continue
    cp "$f" "$out.d/"
    n=$((n + 1))
  done
  [ "$n" -gt 0 ] || die "no Debian archive found in /etc/apt/sources.list{,.d} to take the arm64 packages from"
}

build_sysroot() {
  command -v apt-get >/dev/null 2>&1 || die "apt-get not found: the arm64 sysroot is built from Debian's packages"
  command -v dpkg-deb >/dev/null 2>&1 || die "dpkg-deb not found"
  local apt="$DIR/apt"
  rm -rf "$apt" "$SYSROOT.new"
  mkdir -p "$apt/state/lists/partial" "$apt/cache/archives/partial" "$SYSROOT.new"
  : >"$apt/state/status"
  debian_sources "$apt/sources"
  # a private apt: its own state (empty status: nothing counts as installed), its own cache and
  # the arm64 architecture only. The host's apt configuration parts (proxies) still apply.
  cat >"$apt/apt.conf" <<EOF
Dir::State "$apt/state";
Dir::State::status "$apt/state/status";
Dir::Cache "$apt/cache";
Dir::Etc::SourceList "$apt/sources.list";
Dir::Etc::SourceParts "$apt/sources.d";
APT::Architecture "arm64";
APT::Architectures { "arm64"; };
APT::Install-Recommends "false";
APT::Install-Suggests "false";
Debug::NoLocking "true";
EOF
  log "resolving ${PACKAGES[*]} for arm64 (private apt state in $apt)"
  APT_CONFIG="$apt/apt.conf" apt-get update -qq >"$apt/update.log" 2>&1 \
    || { cat "$apt/update.log" >&2; die "apt-get update of the arm64 indexes failed"; }
  APT_CONFIG="$apt/apt.conf" DEBIAN_FRONTEND=noninteractive \
    apt-get install -y -qq --download-only "${PACKAGES[@]}" >"$apt/download.log" 2>&1 \
    || { cat "$apt/download.log" >&2; die "could not download the arm64 packages ${PACKAGES[*]} and their dependencies"; }
  local debs=("$apt/cache/archives"/*.deb)
  [ -f "${debs[0]}" ] || die "apt downloaded no arm64 package"
  log "unpacking ${#debs[@]} arm64 packages into $SYSROOT"
  local d
  for d in "${debs[@]}"; do
    dpkg-deb -x "$d" "$SYSROOT.new" || die "dpkg-deb -x $d failed"
    dpkg-deb -f "$d" Package Version Architecture | tr '\n' ' ' >>"$apt/manifest"
    echo >>"$apt/manifest"
  done
  # absolute symlinks (the JDK's conf/ and jvm.cfg point into /etc/java-17-openjdk) would resolve
  # against the host's root: make them relative, inside the sysroot
  local l t
  while IFS= read -r -d '' l; do
    t="$(readlink "$l")"
    ln -sfn "$(realpath -m --relative-to="$(dirname "$l")" "$SYSROOT.new$t")" "$l"
  done < <(find "$SYSROOT.new" -type l -lname '/*' -print0)
  rm -rf "$SYSROOT"
  mv "$SYSROOT.new" "$SYSROOT"
  # keep the list of what was unpacked, drop the .deb files
  mv "$apt/manifest" "$DIR/manifest"
  rm -rf "$apt/cache/archives"
}

# every NEEDED library of the JVM's own shared objects and of libsecp256k1 must be in the sysroot
check_needed() {
  command -v readelf >/dev/null 2>&1 || { log "readelf not found: skipping the NEEDED check (the JVM check below still runs)"; return 0; }
  local jvm="$SYSROOT/$JVM_REL" missing=() f n found p
  local dirs=("$SYSROOT/lib/aarch64-linux-gnu" "$SYSROOT/usr/lib/aarch64-linux-gnu" "$jvm/lib" "$jvm/lib/server")
  local files=("$jvm/bin/java")
  while IFS= read -r -d '' f; do files+=("$f"); done < <(find "$jvm/lib" -name '*.so' -print0)
  for f in "$SYSROOT"/usr/lib/aarch64-linux-gnu/libsecp256k1.so.*; do files+=("$f"); done
  for f in "${files[@]}"; do
    [ -f "$f" ] || { missing+=("$f (file)"); continue; }
    for n in $(readelf -d "$f" 2>/dev/null | sed -n 's/.*(NEEDED).*\[\(.*\)\]/\1/p'); do
      found=""
      for p in "${dirs[@]}"; do [ -e "$p/$n" ] && { found=1; break; }; done
      [ -n "$found" ] || missing+=("$n (needed by ${f#"$SYSROOT"})")
    done
  done
  [ "${#missing[@]}" -eq 0 ] || die "the arm64 sysroot lacks: ${missing[*]}"
}

write_wrapper() {
  local q
  q="$(qemu_bin)"
  rm -rf "$WRAP_HOME"
  mkdir -p "$WRAP_HOME/bin"
  # a JDK-shaped home: `release` tells tools (surefire) which Java this is
  cp "$SYSROOT/$JVM_REL/release" "$WRAP_HOME/release"
  cat >"$WRAP_HOME/bin/java" <<EOF
#!/bin/sh
# the arm64 OpenJDK 17 of $SYSROOT under qemu-aarch64-static (made by scripts/arm64.sh)
opts=\${CAIRN_ARM64_JAVA_OPTS:-}
# VFORK: the default launch mechanism execs the arm64 jspawnhelper, which the host kernel cannot run
# (no binfmt_misc); with VFORK the JVM execs host programs (node, softhsm2-util) directly
exec "$q" -L "$SYSROOT" "$SYSROOT/$JVM_REL/bin/java" -Djdk.lang.Process.launchMechanism=VFORK \$opts "\$@"
EOF
  chmod +x "$WRAP_HOME/bin/java"
}

check_jvm() {
  local arch
  arch="$("$WRAP_HOME/bin/java" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/^ *os.arch = / {print $2}')"
  [ "$arch" = "aarch64" ] || die "the emulated JVM reports os.arch '$arch', expected aarch64"
  [ -e "$SYSROOT/usr/lib/aarch64-linux-gnu/libsecp256k1.so.1" ] || die "libsecp256k1.so.1 (arm64) is not in the sysroot"
}

setup() {
  install_qemu
  if current; then
    # cheap: the wrapper names qemu's path and this script's JVM options
    write_wrapper
    return 0
  fi
  mkdir -p "$DIR"
  rm -f "$STAMP"
  build_sysroot
  check_needed
  write_wrapper
  check_jvm
  { want_stamp; date -u +%Y-%m-%dT%H:%M:%SZ; } >"$STAMP"
  log "ready: $("$WRAP_HOME/bin/java" -version 2>&1 | head -1) (aarch64, emulated), sysroot $SYSROOT"
}

# the emulated JVM's view of itself and of the SDK's backend (the wallet-cli jar must be built)
check() {
  setup
  "$WRAP_HOME/bin/java" -XshowSettings:properties -version 2>&1 | grep -E '^ *(os.arch|os.name|java.vm.version|java.home) ='
}

ci() {
  setup
  local start jar out
  start=$(date +%s)
  jar="$ROOT/wallet-cli/target/wallet-cli.jar"
  [ -f "$jar" ] || die "$jar not built (scripts/test.sh builds it before the arm64 part)"
  out="$(mktemp -d)"
  # C1 only: under emulation the C2 compiler's own work costs more than it saves (measured on the
  # native module's two slowest test classes: 88 s of CPU instead of 136 s); override by setting it
  export CAIRN_ARM64_JAVA_OPTS="${CAIRN_ARM64_JAVA_OPTS--XX:TieredStopAtLevel=1}"
  log "emulated JVM: $("$WRAP_HOME/bin/java" -XshowSettings:properties -version 2>&1 | grep -E '^ *os.arch = ' | xargs)"
  # 1. ./wallet demo, as README.md gives it, with the arm64 JVM as its `java`. The PATH holds only
  # that java and bash: the demo's SoftHSM2 part runs its PKCS#11 signing in a child JVM, which an
  # emulated JVM cannot start (the host kernel cannot exec an arm64 binary without binfmt_misc), so
  # softhsm2-util stays out of sight and the demo says "SoftHSM2: not installed".
  log "./wallet demo on the emulated arm64 JVM"
  local t0 bin="$DIR/demo-path"
  t0=$(date +%s)
  mkdir -p "$bin"
  ln -sfn "$WRAP_HOME/bin/java" "$bin/java"
  ln -sfn "$(command -v bash)" "$bin/bash"
  if ! (cd "$ROOT" && PATH="$bin" WALLET_NO_BUILD=1 ./wallet demo >"$out/demo.out" 2>"$out/demo.err"); then
    cat "$out/demo.out" "$out/demo.err" >&2; rm -rf "$out"; die "./wallet demo failed on arm64"
  fi
  grep -q "^secp256k1 backend: libsecp256k1$" "$out/demo.out" || {
    cat "$out/demo.out" >&2; rm -rf "$out"
    die "./wallet demo on arm64 did not run on the native libsecp256k1 backend (see its backend line above)"; }
  grep -q "^Cosmos offline flow: all transactions decoded back equal and their signatures verify$" "$out/demo.out" || {
    cat "$out/demo.out" >&2; rm -rf "$out"; die "./wallet demo on arm64: the offline Cosmos flow failed"; }
  grep -q "v0 transaction through lookup table" "$out/demo.out" || {
    cat "$out/demo.out" >&2; rm -rf "$out"; die "./wallet demo on arm64: no offline Solana flow"; }
  grep -q "^SoftHSM2: not installed" "$out/demo.out" || {
    cat "$out/demo.out" >&2; rm -rf "$out"; die "./wallet demo on arm64: unexpected SoftHSM2 line"; }
  grep -q "(the Ledger address: verified)" "$out/demo.out" || {
    cat "$out/demo.out" >&2; rm -rf "$out"; die "./wallet demo on arm64: no verified emulated-Ledger signature"; }
  grep "^secp256k1 backend" "$out/demo.out" >&2
  log "./wallet demo on arm64: ok in $(( $(date +%s) - t0 ))s"
  rm -rf "$out"
  # 2. the sdk-core and native test suites, forked into the emulated JVM (profile arm64)
  t0=$(date +%s)
  log "sdk-core and native test suites on the emulated arm64 JVM (mvn -Parm64)"
  local extra=()
  [ -n "${CAIRN_ARM64_MVN_ARGS:-}" ] && read -r -a extra <<<"$CAIRN_ARM64_MVN_ARGS"
  (cd "$ROOT" && mvn -B -ntp -Parm64 -Dcairn.arm64.java="$WRAP_HOME/bin/java" -pl sdk-core,native \
      "${extra[@]+"${extra[@]}"}" test) \
    || die "the sdk-core/native test suites failed on arm64"
  log "arm64 test suites: ok in $(( $(date +%s) - t0 ))s"
  log "arm64 part done in $(( $(date +%s) - start ))s wall; CPU time (user, system) of this script and of its children:"
  times >&2
}

cmd="${1:-}"
[ $# -gt 0 ] && shift
case "$cmd" in
  setup) setup ;;
  java)
    setup
    # shellcheck disable=SC2086
    exec "$WRAP_HOME/bin/java" "$@" ;;
  java-home) setup; echo "$WRAP_HOME" ;;
  check) check ;;
  ci) ci ;;
  *) awk 'NR > 1 && /^#/ { sub(/^# ?/, ""); print; next } NR > 1 { exit }' "${BASH_SOURCE[0]}" >&2; exit 2 ;;
esac
