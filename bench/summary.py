#!/usr/bin/env python3
"""Summarises bench/run.sh results (target/bench) as Markdown tables."""
import json
import os
import statistics
import sys

out = sys.argv[1]
load = sys.argv[2] if len(sys.argv) > 2 else "?"
print(f"# triage benchmarks (load average at the end: {load})\n")

cold = os.path.join(out, "cold.txt")
if os.path.exists(cold):
    runs = {}
    for line in open(cold):
        parts = line.split()
        if len(parts) == 5 and not parts[0].startswith("Command"):
            label, wall, user, sys_, rss = parts
            runs.setdefault(label, []).append((float(wall), float(user) + float(sys_), int(rss)))
    base = runs.get("jvm-hello") or runs.get("jvm-version")
    bw = statistics.median(r[0] for r in base)
    bc = statistics.median(r[1] for r in base)
    print("## Cold start (one process per run)\n")
    print("| command | runs | wall median (min-max) s | × bare JVM (wall) | CPU median s | × bare JVM (CPU) | max RSS MB |")
    print("|---|---|---|---|---|---|---|")
    for label, rs in runs.items():
        w = [r[0] for r in rs]
        c = [r[1] for r in rs]
        print(f"| {label} | {len(rs)} | {statistics.median(w):.2f} ({min(w):.2f}-{max(w):.2f}) | {statistics.median(w) / max(bw, 0.001):.1f} "
              f"| {statistics.median(c):.2f} | {statistics.median(c) / max(bc, 0.001):.1f} | {max(r[2] for r in rs) / 1024:.0f} |")
    print()


def jmh(name):
    path = os.path.join(out, name)
    if not os.path.exists(path):
        return []
    return json.load(open(path))


warm = jmh("warm.json")
if warm:
    score = {r["benchmark"].rsplit(".", 1)[1]: r["primaryMetric"] for r in warm}
    print("## Warm, one thread (JMH, µs per operation)\n")
    print("| operation | µs/op (± error) | per second |")
    print("|---|---|---|")
    for k, m in score.items():
        print(f"| {k} | {m['score']:.1f} (± {m['scoreError']:.1f}) | {1e6 / m['score']:.0f} |")
    if "diagnose" in score and "read" in score:
        d, r = score["diagnose"]["score"], score["read"]["score"]
        print(f"\nRule engine and diagnosis share of read + diagnose: {d / (d + r):.0%} "
              f"(diagnose {d:.1f} µs, read {r:.1f} µs)\n")

for name, param in (("scaling-facts.json", "facts"), ("scaling-rules.json", "rules")):
    rs = jmh(name)
    if not rs:
        continue
    print(f"## Scaling with {param} (one session, JMH)\n")
    print(f"| {param} | rules | facts | µs/session (± error) | µs per {param[:-1]} |")
    print("|---|---|---|---|---|")
    for r in rs:
        p = r["params"]
        s = r["primaryMetric"]
        n = int(p[param])
        print(f"| {n} | {p['rules']} | {p['facts']} | {s['score']:.1f} (± {s['scoreError']:.1f}) | {s['score'] / n:.2f} |")
    print()
