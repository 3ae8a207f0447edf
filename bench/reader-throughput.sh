#!/usr/bin/env bash
# Evidence-reader throughput against grep -E -f on the same generated log, and the reader's peak memory.
# Usage: bench/reader-throughput.sh [MEGABYTES]   (default 256; grep baselines run with LC_ALL=C on the first 16 MB, -Dgrep.mb=N to change)
set -euo pipefail
cd "$(dirname "$0")/.."
[ -f target/triage.jar ] || mvn -q -DskipTests package
mb="${1:-256}"
# a small fixed heap (-Xmx128m) proves the reader streams: any log size fits in flat memory
/usr/bin/time -v java -Xmx128m -XX:+UseSerialGC -cp "$(bench/classpath.sh)" triage.bench.ReaderBenchmark "$mb" . 2> /tmp/triage-bench-time.txt
grep -E "Elapsed" /tmp/triage-bench-time.txt  # (max RSS there is grep's, a child: the reader's own is printed above)
