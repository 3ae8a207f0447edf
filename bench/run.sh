#!/usr/bin/env bash
# The performance table of issue 15, each row against its baseline measured in the same run:
#   reader MB/s over a generated 200 MB routine log   vs LC_ALL=C grep -c -F -i -f KEYWORDS (and rg, when installed)
#   lines passing the keyword pre-filter              (target <= 2%)
#   webhook server CPU us/request, req/s at 32 conns  vs GET /healthz on the same server
#   cold java -jar / bin/triage diagnose of a case    vs java -version
#   peak RSS of each
# Usage: bench/run.sh            Env: READER_MB (log size, default 200), REQUESTS (default 5000),
#        REPS (cold runs, default 5), CASE (evidence, default a public case). About 3 minutes on a quiet
#        2-core machine. Everything is written under target/bench; the last table to target/bench/table.md.
# (JMH benchmarks of the warm path and scaling: bench/jmh.sh.)
set -euo pipefail
cd "$(dirname "$0")/.."
READER_MB="${READER_MB:-200}"
REQUESTS="${REQUESTS:-5000}"
REPS="${REPS:-5}"
CASE="${CASE:-../shared/cases/hft-binance-lot-size-rejections/evidence}"
out=target/bench
mkdir -p "$out"
[ -f target/triage.jar ] || mvn -q -o -DskipTests package
command -v /usr/bin/time >/dev/null || { echo "bench: needs GNU time (/usr/bin/time; Debian package 'time')" >&2; exit 2; }
cp_="$(bench/classpath.sh)"
rows="$out/rows.txt"; : > "$rows"
row() { printf '%s\n' "$*" >> "$rows"; }
median() { sort -g | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }
secs() { local t0 t1; t0=$(date +%s.%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s.%N); echo "$t1 - $t0" | bc -l; }
echo "bench: load before: $(uptime | sed 's/.*load average: //')" >&2

# ---- reader: one generated routine log, then the same bytes as four files (both cores)
log="$out/routine-$READER_MB.log"
[ -f "$log" ] || java -cp "$cp_" triage.healthy.RoutineLog "$log" "$READER_MB" >&2
java -cp "$cp_" triage.evidence.PreFilterShareBench . "$log" --keywords "$out/keywords.txt" > "$out/prefilter.txt"
reader() { # label files...
  local label="$1"; shift
  /usr/bin/time -f "%M" -o "$out/rss.txt" java -Xmx256m -XX:+UseSerialGC -cp "$cp_" triage.bench.ReaderThroughput "$@" > "$out/reader.txt"
  echo "$(sed -n 's/.*mb_per_s=\([0-9.]*\).*/\1/p' "$out/reader.txt") $(( $(cat "$out/rss.txt") / 1024 ))"
}
read -r r_mbs r_rss <<< "$(reader reader . "$log")"
read -r p_mbs p_rss <<< "$(reader projection --filtering-keywords . "$log")"
rm -f "$out"/part-*; split -n l/4 -d "$log" "$out/part-"
read -r m_mbs m_rss <<< "$(reader four . "$out"/part-*)"
mb=$(( $(stat -c %s "$log") / 1048576 ))
g_s=$( { LC_ALL=C /usr/bin/time -f "%e" grep -c -F -i -f "$out/keywords.txt" "$log" >/dev/null; } 2>&1 | tail -1)
g_mbs=$(echo "$mb / ($g_s + 0.005)" | bc -l)
row "reader, one ${mb} MB routine log (MB/s)|$r_mbs|grep -F -i -f keywords: $(printf %.0f "$g_mbs") MB/s|$(printf %.3f "$(echo "$r_mbs / $g_mbs" | bc -l)")|>= 100 MB/s"
if command -v rg >/dev/null; then
  rg_s=$( { /usr/bin/time -f "%e" rg -c -F -i -f "$out/keywords.txt" "$log" >/dev/null; } 2>&1 | tail -1)
  rg_mbs=$(echo "$mb / ($rg_s + 0.005)" | bc -l)
  row "reader vs ripgrep (MB/s)|$r_mbs|rg -F -i -f keywords: $(printf %.0f "$rg_mbs") MB/s|$(printf %.3f "$(echo "$r_mbs / $rg_mbs" | bc -l)")|"
else
  row "reader vs ripgrep|$r_mbs|rg not installed: no baseline|—|"
fi
row "reader, the same log as 4 files (MB/s, both cores)|$m_mbs|one file: $r_mbs MB/s|$(printf %.2f "$(echo "$m_mbs / $r_mbs" | bc -l)")|~2 on 2 cores"
row "reader projection: only keywords that filter (MB/s)|$p_mbs|grep -F: $(printf %.0f "$g_mbs") MB/s|$(printf %.3f "$(echo "$p_mbs / $g_mbs" | bc -l)")|(what the reader does once the keywords are fixed)"
row "reader peak RSS (MB, -Xmx256m)|$r_rss (4 files: $m_rss)|—|—|<= 256"
share=$(sed -n 's/^prefilter .*keyword_share=\([0-9.]*\).*/\1/p' "$out/prefilter.txt")
pshare=$(sed -n 's/^prefilter_projection .*keyword_share=\([0-9.]*\).*/\1/p' "$out/prefilter.txt")
row "lines passing the keyword pre-filter|$(printf %.1f "$(echo "$share * 100" | bc -l)")%|—|—|<= 2% (only keywords passing kb check: $(printf %.1f "$(echo "$pshare * 100" | bc -l)")%)"

# ---- webhook against /healthz, on one server, CPU time from /proc
gen=$(mktemp -d -t triage-loadgen.XXXXXX); javac -d "$gen" bench/LoadGen.java
slog="$out/serve.log"
java -Xms256m -Xmx512m -jar target/triage.jar serve --bind 127.0.0.1 --port 0 --db none 2>"$slog" &
server=$!
trap 'kill $server 2>/dev/null || true; rm -rf "$gen"' EXIT
port=""
for _ in $(seq 1 300); do
  port=$(sed -n 's/.*listening url="http:\/\/127\.0\.0\.1:\([0-9]*\)".*/\1/p' "$slog" | head -n1)
  [ -n "$port" ] && break; sleep 0.1
done
[ -n "$port" ] || { echo "bench: server did not start" >&2; cat "$slog" >&2; exit 1; }
tick=$(getconf CLK_TCK)
cpu() { awk '{print $14 + $15}' "/proc/$server/stat"; }
load() { # path requests [body expect] -> "us_per_request req_per_s"
  local before after line
  before=$(cpu)
  line=$(java -cp "$gen" LoadGen "$port" "$@")
  after=$(cpu)
  echo "$(echo "($after - $before) * 1000000 / $tick / $2" | bc -l) $(echo "$line" | awk '{for (i=1;i<=NF;i++) if ($i=="req/s") print $(i-1)}')"
}
payload=samples/alertmanager-webhook.json
load /v1/alertmanager 3000 32 "$payload" exchange.rate-limited >/dev/null
load /healthz 3000 32 >/dev/null
read -r w_us w_rps <<< "$(load /v1/alertmanager "$REQUESTS" 32 "$payload" exchange.rate-limited)"
read -r h_us h_rps <<< "$(load /healthz "$REQUESTS" 32)"
s_rss=$(( $(awk '/VmHWM/ {print $2}' "/proc/$server/status") / 1024 ))
kill $server; wait $server 2>/dev/null || true
row "webhook, server CPU per request, warm (us)|$(printf %.0f "$w_us")|/healthz: $(printf %.0f "$h_us") us|$(printf %.1f "$(echo "$w_us / $h_us" | bc -l)")|<= 100 us"
row "webhook at 32 connections (req/s)|$w_rps|/healthz: $h_rps req/s|$(printf %.2f "$(echo "$w_rps / $h_rps" | bc -l)")|>= 5000"
row "service peak RSS (MB)|$s_rss|—|—|"
split=$(java -Xmx512m -cp "$cp_" triage.bench.WebhookSplit . "$payload" "$REQUESTS" 2>/dev/null | tail -1 | sed 's/^round [0-9]*: //')
row "webhook split, warm, one thread, wall|$split|—|—|"

# ---- cold start, interleaved so that other processes' load hits every command alike
java -jar target/triage.jar diagnose --format json "$CASE" >/dev/null 2>&1 || true
bin/triage diagnose --format json "$CASE" >/dev/null 2>&1 || true   # writes the launcher's archive
: > "$out/cold.txt"
for _ in $(seq "$REPS"); do
  /usr/bin/time -f "version %e %M" -a -o "$out/cold.txt" java -version 2>/dev/null
  /usr/bin/time -f "jar %e %M" -a -o "$out/cold.txt" java -jar target/triage.jar diagnose --format json "$CASE" >/dev/null 2>&1 || true
  /usr/bin/time -f "launcher %e %M" -a -o "$out/cold.txt" bin/triage diagnose --format json "$CASE" >/dev/null 2>&1 || true
done
cold() { grep "^$1 " "$out/cold.txt" | awk '{print $2}' | median; }
rss() { grep "^$1 " "$out/cold.txt" | awk '{print $3}' | sort -n | tail -1 | awk '{printf "%.0f", $1 / 1024}'; }
v=$(cold version); j=$(cold jar); l=$(cold launcher)
row "cold java -jar target/triage.jar diagnose (s)|$j (RSS $(rss jar) MB)|java -version: $v s|$(printf %.1f "$(echo "$j / $v" | bc -l)")x|<= 20x"
row "cold bin/triage diagnose (s)|$l (RSS $(rss launcher) MB)|java -version: $v s|$(printf %.1f "$(echo "$l / $v" | bc -l)")x|<= 10x"

{
  echo "bench/run.sh, $(date -u +%FT%TZ), $(nproc) cores, $(java -version 2>&1 | head -1), load average at the end: $(uptime | sed 's/.*load average: //')"
  echo
  echo "| what | measured | baseline (same run) | ratio | target |"
  echo "|---|---|---|---|---|"
  awk -F'|' '{ printf "|"; for (i = 1; i <= NF; i++) printf " %s |", $i; print "" }' "$rows"
} | tee "$out/table.md"
