#!/usr/bin/env bash
# A longer fuzzing run of every evidence-reader target (Jazzer): bench/fuzz.sh [DURATION per target, default 5m]
# Findings are written beside the tests (src/test/resources/triage/evidence/EvidenceFuzzTestInputs/<target>/crash-*)
# and replayed by every later test run.
set -uo pipefail
cd "$(dirname "$0")/.."
duration="${1:-5m}"
status=0
for target in textLogs healthJson alertmanagerWebhook symptomFiles archives prometheusText; do
  echo "== fuzzing $target for $duration"
  JAZZER_FUZZ=1 mvn -B -q -ntp test -Dtest="EvidenceFuzzTest#$target" -Djazzer.max_duration="$duration" -Dsurefire.failIfNoSpecifiedTests=false || status=1
done
exit $status
