#!/usr/bin/env bash
# The project's test command: installs what the tests need, then runs every module's unit tests
# (surefire) and integration tests (failsafe, *IT) through the Maven reactor.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec mvn -B -ntp verify "$@"
