#!/usr/bin/env bash
# Orchestration overhead per empty step: a chain of STEPS Command steps running `true`, cache off then on,
# against starting `true` as often from the same JVM. Runs twice.
# Usage: bench/pipeline/run.sh [STEPS]   (default 100)
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
STEPS="${1:-100}"
WORK="${BENCH_DIR:-/tmp}/prodline-bench-pipeline"

cd "$ROOT"
mvn -B -o -q -pl prodline-bench -am package -DskipTests
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(lscpu | sed -n 's/^Model name: *//p')"
for run in 1 2; do
  rm -rf "$WORK"
  echo "=== run $run; load average: $(uptime | sed 's/.*load average: //')"
  java -cp "$ROOT/prodline-bench/target/dist/lib/*" io.prodline.bench.pipeline.OrchestrationBench "$WORK" "$STEPS"
done
