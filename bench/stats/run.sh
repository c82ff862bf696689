#!/usr/bin/env bash
# Statistics throughput and peak memory: prodline data stats vs pandas, same file, same machine, same run.
# Usage: bench/stats/run.sh [ROWS] [COLUMNS] [HEAP]   (defaults: 10000000 20 512m)
# Needs: Debian's python3-pandas (for /usr/bin/python3) and GNU time (package `time`).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
ROWS="${1:-10000000}"
COLUMNS="${2:-20}"
HEAP="${3:-512m}"
DATA="${BENCH_DIR:-/tmp}/prodline-bench-${ROWS}x${COLUMNS}.csv"

cd "$ROOT"
if [ ! -f "$DATA" ]; then
  ./prodline data generate --rows "$ROWS" --columns "$COLUMNS" --seed 1 --output "$DATA"
fi
echo "file: $DATA ($(du -h "$DATA" | cut -f1))"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(lscpu | sed -n 's/^Model name: *//p')"

echo "--- prodline (heap -Xmx$HEAP)"
PRODLINE_JAVA_OPTS="-Xmx$HEAP" /usr/bin/time -f "peak RSS %M KiB, wall %e s" \
  ./prodline data stats --data "$DATA" | head -1

echo "--- pandas"
/usr/bin/time -f "peak RSS %M KiB, wall %e s" /usr/bin/python3 bench/stats/pandas_stats.py "$DATA"
