#!/usr/bin/env bash
# JMH and detailed cold-start benchmarks of triage (warm diagnoses, scaling, rule volume); prints a summary.
# The issue-15 table (reader, pre-filter, webhook, cold start, each against its baseline) is bench/run.sh.
#   bench/jmh.sh                 everything (about 10 minutes on a quiet 2-core machine)
#   REPS=5 bench/jmh.sh cold     only the command-line runs;  bench/jmh.sh warm | scaling  only JMH
#   bench/jmh.sh volume          the project rules over 1,000 to 100,000 per-subject facts (not in "all")
# Env: REPS (cold repetitions, default 10), RULES (generated rule-set size, default 400),
#      CASE (evidence folder, default the public case hft-binance-lot-size-rejections).
# Results: target/bench/{cold.txt,warm.json,scaling-facts.json,scaling-rules.json,summary.md}
set -euo pipefail
cd "$(dirname "$0")/.."
what="${1:-all}"
REPS="${REPS:-10}"
RULES="${RULES:-400}"
CASE="${CASE:-../shared/cases/hft-binance-lot-size-rejections/evidence}"
out=target/bench
mkdir -p "$out"
[ -f target/triage.jar ] || mvn -q -o -DskipTests package
[ -d "$CASE" ] || { echo "bench: no evidence at $CASE" >&2; exit 2; }
command -v /usr/bin/time >/dev/null || { echo "bench: needs GNU time (/usr/bin/time; Debian package 'time')" >&2; exit 2; }
bench_cp="$(bench/classpath.sh)"

# a realistic larger rule set, made from rules/ in target/ (never in rules/)
gen="target/bench-rules/$RULES"
[ -d "$gen/rules" ] || java -cp "$bench_cp" triage.bench.RuleSetGenerator . "$gen" "$RULES"
export TRIAGE_CACHE="$PWD/target/bench-cache"

cold() {
  : > "$out/cold.txt"
  local ev="$CASE"
  # untimed: fill the rule cache and the CDS archive of bin/triage
  java -jar target/triage.jar diagnose --format json "$ev" >/dev/null
  java -jar target/triage.jar diagnose --kb "$gen" --format json "$ev" >/dev/null
  bin/triage diagnose --format json "$ev" >/dev/null; bin/triage diagnose --kb "$gen" --format json "$ev" >/dev/null
  run() { local label="$1"; shift; /usr/bin/time -f "$label %e %U %S %M" -a -o "$out/cold.txt" "$@" >/dev/null 2>>"$out/stderr.txt"; }
  for i in $(seq "$REPS"); do   # interleaved, so that load from other processes hits every command alike
    run jvm-hello java -cp target/test-classes triage.bench.Hello
    run jvm-version java -version
    run jar-bundled-rules java -jar target/triage.jar diagnose --format json "$ev"
    run jar-${RULES}-rules-cached java -jar target/triage.jar diagnose --kb "$gen" --format json "$ev"
    run launcher-bundled-rules bin/triage diagnose --format json "$ev"
    run launcher-${RULES}-rules-cached bin/triage diagnose --kb "$gen" --format json "$ev"
  done
  # the first run after an edit of rules/: compiles the executable model and caches it
  cp "$gen/rules/exchange.drl" "$out/exchange.drl.orig"
  for i in 1 2; do
    printf '\n// bench edit %s %s\n' "$i" "$(date +%s%N)" >> "$gen/rules/exchange.drl"
    run jar-${RULES}-rules-after-edit java -jar target/triage.jar diagnose --kb "$gen" --format json "$ev"
    run jar-${RULES}-rules-no-cache env TRIAGE_CACHE=off java -jar target/triage.jar diagnose --kb "$gen" --format json "$ev"
  done
  cp "$out/exchange.drl.orig" "$gen/rules/exchange.drl"
}

jmh() {
  java -cp "$bench_cp" org.openjdk.jmh.Main "$@"
}

case "$what" in all|cold) cold ;; esac
case "$what" in volume) jmh 'triage.bench.RuleVolumeBenchmark' -rf json -rff "$out/rule-volume.json" ;; esac
case "$what" in all|warm) jmh 'triage.bench.WarmBenchmark' -p rules="$RULES" -rf json -rff "$out/warm.json" ;; esac
case "$what" in all|scaling)
  jmh 'triage.bench.ScalingBenchmark' -p rules="$RULES" -p facts=10,100,1000,10000 -rf json -rff "$out/scaling-facts.json"
  jmh 'triage.bench.ScalingBenchmark' -p rules=50,100,200,400 -p facts=20 -rf json -rff "$out/scaling-rules.json" ;;
esac
python3 bench/summary.py "$out" "$(uptime | sed 's/.*load average: //')" | tee "$out/summary.md"
