#!/usr/bin/env bash
# Prints the benchmarks' class path (test classes, main classes, test-scope dependencies): the benchmark
# code lives in src/test/java/triage/bench and is not part of target/triage.jar.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p target/bench
mvn -q -o test-compile dependency:build-classpath -Dmdep.outputFile=target/bench/cp.txt -Dmdep.includeScope=test >/dev/null
echo "$PWD/target/test-classes:$PWD/target/classes:$(cat target/bench/cp.txt)"
