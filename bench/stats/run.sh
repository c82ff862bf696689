#!/usr/bin/env bash
# Statistics throughput and peak memory: prodline data stats vs pandas, same file, same machine, same run.
# Usage: bench/stats/run.sh [ROWS] [COLUMNS] [HEAP]   (defaults: 10000000 20 512m)
# Environment: BENCH_DIR (where the generated file goes, default /tmp), PRODLINE_ARGS (extra arguments for
# `prodline data stats`), SKIP_PANDAS=1 (prodline only, e.g. for files pandas cannot hold in memory).
# Needs: Debian's python3-pandas (for /usr/bin/python3) and GNU time (package `time`).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
ROWS="${1:-10000000}"
COLUMNS="${2:-20}"
HEAP="${3:-512m}"
DATA="${BENCH_DIR:-/tmp}/prodline-bench-${ROWS}x${COLUMNS}.csv"
TIME_FORMAT="peak RSS %M KiB, wall %e s, cpu user %U s + sys %S s"

cd "$ROOT"
if [ ! -f "$DATA" ]; then
  ./prodline data generate --rows "$ROWS" --columns "$COLUMNS" --seed 1 --output "$DATA"
fi
./prodline --version >/dev/null # builds the distribution now, outside the timed run
echo "file: $DATA ($(du -h "$DATA" | cut -f1))"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(lscpu | sed -n 's/^Model name: *//p')"

echo "--- prodline (heap -Xmx$HEAP) $(uptime | sed 's/.*load/load/')"
PRODLINE_JAVA_OPTS="-Xmx$HEAP" /usr/bin/time -f "$TIME_FORMAT" \
  ./prodline data stats --data "$DATA" ${PRODLINE_ARGS:-} | head -1

if [ "${SKIP_PANDAS:-0}" != 1 ]; then
  echo "--- pandas $(uptime | sed 's/.*load/load/')"
  /usr/bin/time -f "$TIME_FORMAT" /usr/bin/python3 bench/stats/pandas_stats.py "$DATA"
fi
