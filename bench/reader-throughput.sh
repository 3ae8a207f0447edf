#!/usr/bin/env bash
# Evidence-reader throughput against grep -E -f on the same generated log, and the reader's peak memory.
# Usage: bench/reader-throughput.sh [MEGABYTES]   (default 1024: a 1 GB log)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/triage.jar ] || mvn -q -DskipTests package
mb="${1:-1024}"
# -Xmx256m proves the reader streams: a 1 GB log must fit in flat memory
/usr/bin/time -v java -Xmx256m -cp target/triage.jar triage.bench.ReaderBenchmark "$mb" . 2> /tmp/triage-bench-time.txt
grep -E "Maximum resident set size|Elapsed" /tmp/triage-bench-time.txt
