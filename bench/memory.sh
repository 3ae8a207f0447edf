#!/usr/bin/env bash
# Peak memory of `triage diagnose` over many small files: 2,000 files, 20,000 files and a 20,000-entry zip
# (issue 13, class 8). Memory should stay flat in the number of files. Prints peak RSS (from
# /usr/bin/time -v) and the wall time of each run; the figures are only fair on an idle machine.
# Usage: bench/memory.sh [heap, default 1g]
set -euo pipefail
cd "$(dirname "$0")/.."
HEAP=${1:-1g}
JAR=target/triage.jar
[ -f "$JAR" ] || { echo "build first: mvn -q -o -DskipTests package" >&2; exit 1; }
[ -x /usr/bin/time ] || { echo "needs /usr/bin/time (GNU time) for peak RSS" >&2; exit 1; }
WORK=target/bench/memory
rm -rf "$WORK"; mkdir -p "$WORK"

make_files() { # $1 folder, $2 count: each a small log with one rate-limit error among ordinary lines
  python3 - "$1" "$2" <<'PY'
import os, sys
root, n = sys.argv[1], int(sys.argv[2])
for i in range(n):
    d = os.path.join(root, "host-%d" % (i // 1000))
    os.makedirs(d, exist_ok=True)
    with open(os.path.join(d, "connector-%d.log" % i), "w") as f:
        for l in range(20):
            f.write("2026-05-06 09:%02d:00,%03d INFO worker-%d heartbeat ok seq=%d\n" % (10 + l, i % 1000, i, i * 20 + l))
        f.write('2026-05-06 09:31:00,000 ERROR binance 429 Too Many Requests {"code":-1003} worker-%d\n' % i)
PY
}

make_files "$WORK/files-2000" 2000
make_files "$WORK/files-20000" 20000
(cd "$WORK/files-20000" && python3 -c "
import os, zipfile
with zipfile.ZipFile('../entries-20000.zip', 'w', zipfile.ZIP_DEFLATED) as z:
    for d, _, fs in os.walk('.'):
        for f in fs: z.write(os.path.join(d, f))")

printf '%-22s %12s %10s %s\n' input peak_rss_mb wall_s exit
for input in "$WORK/files-2000" "$WORK/files-20000" "$WORK/entries-20000.zip"; do
  set +e
  /usr/bin/time -v -o "$WORK/time.txt" java -Xmx"$HEAP" -jar "$JAR" diagnose --format json "$input" >"$WORK/out.json" 2>"$WORK/err.txt"
  rc=$?
  set -e
  rss=$(awk -F: '/Maximum resident set size/ {print int($2/1024)}' "$WORK/time.txt")
  wall=$(awk -F': ' '/Elapsed \(wall clock\)/ {print $2}' "$WORK/time.txt")
  printf '%-22s %12s %10s %s\n' "$(basename "$input")" "$rss" "$wall" "$rc"
done
