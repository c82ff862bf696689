#!/usr/bin/env bash
# Metadata store at 100k executions / 1M artifacts, on SQLite and on PostgreSQL: record rate while filling an
# empty store, then cache lookup and 5-hop lineage latency (median, p99), two passes of QUERIES each.
# Usage: bench/metadata/run.sh [sqlite|postgresql|both] [RUNS] [QUERIES] [reuse]   (defaults: both 10000 1000)
# reuse: keep the stores an earlier run filled and only time the queries again.
# RUNS pipeline runs of 10 steps, each step writing 10 artifacts. PostgreSQL: $PG_URL (default the local test
# server), in a schema bench_metadata that is dropped and re-created first.
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
WHICH="${1:-both}"
RUNS="${2:-10000}"
QUERIES="${3:-1000}"
REUSE="${4:-}"
WORK="${BENCH_DIR:-/tmp}/prodline-bench-metadata"
PG_URL="${PG_URL:-jdbc:postgresql://127.0.0.1:5432/test?user=postgres}"
BENCH=(java -Xmx2g -cp "$ROOT/prodline-bench/target/dist/lib/*" io.prodline.bench.metadata.MetadataBench)

cd "$ROOT"
mvn -B -o -q -pl prodline-bench -am package -DskipTests
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(lscpu | sed -n 's/^Model name: *//p')"
if [ "$WHICH" != postgresql ]; then
  [ -n "$REUSE" ] || { rm -rf "$WORK" && mkdir -p "$WORK"; }
  echo "=== SQLite ($WORK/metadata.db), 1 writer; load average: $(uptime | sed 's/.*load average: //')"
  "${BENCH[@]}" "jdbc:sqlite:$WORK/metadata.db" "$RUNS" 1 "$QUERIES" $REUSE
  echo "load average after: $(uptime | sed 's/.*load average: //')"
fi
if [ "$WHICH" != sqlite ]; then
  [ -n "$REUSE" ] || psql -q -h 127.0.0.1 -U postgres -d test \
    -c 'DROP SCHEMA IF EXISTS bench_metadata CASCADE' -c 'CREATE SCHEMA bench_metadata'
  echo "=== PostgreSQL $(psql -tA -h 127.0.0.1 -U postgres -d test -c 'SHOW server_version'), 4 writers;" \
    "load average: $(uptime | sed 's/.*load average: //')"
  "${BENCH[@]}" "$PG_URL&currentSchema=bench_metadata" "$RUNS" 4 "$QUERIES" $REUSE
  echo "load average after: $(uptime | sed 's/.*load average: //')"
fi
