#!/usr/bin/env bash
# Measures the runtime dependency closure of sdk-core (its jar + runtime dependencies) and of
# web3j-crypto 4.12.3 for comparison, and prints one line per jar and the totals in bytes.
# Usage: scripts/footprint.sh   (run after `mvn -pl sdk-core -am package -DskipTests`)
set -euo pipefail
cd "$(dirname "$0")/.."
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

jar=$(ls sdk-core/target/sdk-core-*.jar 2>/dev/null | grep -v -e tests -e sources | head -1 || true)
if [ -z "$jar" ]; then
  mvn -B -q -ntp -pl sdk-core -am package -DskipTests
  jar=$(ls sdk-core/target/sdk-core-*.jar | grep -v -e tests -e sources | head -1)
fi
mvn -B -q -ntp -pl sdk-core dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$work/core"
cp "$jar" "$work/core/"

cat > "$work/pom.xml" <<'POM'
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
<groupId>footprint</groupId><artifactId>web3j-crypto-closure</artifactId><version>1</version>
<dependencies><dependency><groupId>org.web3j</groupId><artifactId>crypto</artifactId><version>4.12.3</version></dependency></dependencies>
</project>
POM
mvn -B -q -ntp -f "$work/pom.xml" dependency:copy-dependencies -DincludeScope=runtime -DoutputDirectory="$work/web3j"

report() {
  local name=$1 dir=$2 total=0
  echo "== $name"
  for f in "$dir"/*.jar; do
    local s; s=$(stat -c %s "$f"); total=$((total + s))
    printf '  %10d  %s\n' "$s" "$(basename "$f")"
  done | sort -rn
  total=$(cat "$dir"/*.jar | wc -c)
  printf '  %10d  TOTAL (%s MB)\n' "$total" "$(awk -v t="$total" 'BEGIN{printf "%.2f", t/1000000}')"
}
report "sdk-core runtime closure" "$work/core"
report "web3j-crypto 4.12.3 runtime closure" "$work/web3j"

# What a shrinking build keeps (the whole public API of sdk-core retained).
PG=7.6.1
cat > "$work/pg.pom.xml" <<POM
<project xmlns="http://maven.apache.org/POM/4.0.0"><modelVersion>4.0.0</modelVersion>
<groupId>footprint</groupId><artifactId>proguard</artifactId><version>1</version>
<dependencies><dependency><groupId>com.guardsquare</groupId><artifactId>proguard-base</artifactId><version>$PG</version></dependency></dependencies>
</project>
POM
mvn -B -q -ntp -f "$work/pg.pom.xml" dependency:build-classpath -Dmdep.outputFile="$work/pgcp.txt" >/dev/null
injars=""
for f in "$work"/core/*.jar; do injars="$injars -injars $f(!META-INF/versions/**,!META-INF/*.SF,!META-INF/*.DSA,!META-INF/*.RSA,!META-INF/MANIFEST.MF)"; done
# shellcheck disable=SC2086
java -cp "$(cat "$work/pgcp.txt")" proguard.ProGuard @scripts/footprint.pro $injars \
  -outjars "$work/shrunk.jar" -libraryjars "<java.home>/jmods/java.base.jmod(!**.jar;!module-info.class)" >/dev/null
s=$(stat -c %s "$work/shrunk.jar")
echo "== sdk-core closure after ProGuard shrinking (public API kept, scripts/footprint.pro)"
printf '  %10d  TOTAL (%s MB)\n' "$s" "$(awk -v t="$s" 'BEGIN{printf "%.2f", t/1000000}')"
