#!/usr/bin/env bash
# Batch prediction against the model-only rate (issue 6: `prodline predict` at least 70% of the rate of the same
# model evaluated in a loop over in-memory batches, no I/O). Generates a 1M-row, 30-column CSV, trains a 100-tree,
# depth-6 XGBoost bundle on a 100k-row sample of the same generator, then, in two rounds: the model-only rate
# (ModelOnlyRate.java), `prodline predict` end to end (read + parse + transform + predict + write CSV, as the command
# reports it) from the CSV and from the same rows as an uncompressed Arrow IPC file (bench/predict/CsvToArrow.java),
# which has nothing to parse, then from that file to an Arrow file (no text either way), and the model-only rate
# again; each round prints the three predict rates as a share of the mean of its two model-only passes. Short inputs
# understate predict: the JIT's fixed cost is part of its time.
#
# Usage: bench/predict/run.sh [WORK_DIR]     env: ROWS (1000000), THREADS (nproc), BATCH_ROWS (8192, the predict default)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="${1:-${TMPDIR:-/tmp}/prodline-bench-predict}"
ROWS="${ROWS:-1000000}"
THREADS="${THREADS:-$(nproc)}"
BATCH_ROWS="${BATCH_ROWS:-8192}"
PRODLINE="$ROOT/prodline"
mkdir -p "$WORK"

[ -f "$WORK/data.csv" ] || "$PRODLINE" data generate --rows "$ROWS" --columns 30 --seed 1 --output "$WORK/data.csv"
[ -f "$WORK/train.csv" ] || "$PRODLINE" data generate --rows 100000 --columns 30 --seed 2 --output "$WORK/train.csv"
[ -d "$WORK/models/bench/1" ] || "$PRODLINE" train --data "$WORK/train.csv" --label flag_4 \
    --output "$WORK/models/bench/1" --rounds 100 --max-depth 6 >"$WORK/train.log" 2>&1

[ -f "$WORK/data.arrow" ] || java -Xmx4g --add-opens=java.base/java.nio=ALL-UNNAMED \
    -cp "$ROOT/prodline-app/target/dist/lib/*" "$ROOT/bench/predict/CsvToArrow.java" "$WORK/data.csv" "$WORK/data.arrow"

echo "== machine"
echo "nproc: $(nproc); memory: $(free -g | awk '/^Mem:/ {print $2 " GiB"}'); cpu: $(lscpu | sed -n 's/^Model name: *//p')"
echo "load before: $(uptime)"
# The machine's speed drifts within minutes, so each predict run is set against the model-only passes right before
# and after it (their mean), never against one taken at another time.
# The model-only pass gets the heap's huge pages where the launcher gives them to predict (see ../../prodline).
HUGE_PAGES=""
grep -qF '[madvise]' /sys/kernel/mm/transparent_hugepage/enabled 2>/dev/null && HUGE_PAGES=-XX:+UseTransparentHugePages
model_only() {
  java -Xmx4g $HUGE_PAGES --add-opens=java.base/java.nio=ALL-UNNAMED -cp "$ROOT/prodline-app/target/dist/lib/*" \
      "$ROOT/bench/predict/ModelOnlyRate.java" "$WORK/models/bench/1" "$WORK/data.csv" "$THREADS" "$BATCH_ROWS" \
      | grep -E '^(read-only|model-only)' | tee -a /dev/stderr | sed -n 's/^model-only: .*: \([0-9]*\) rows\/s$/\1/p'
}
predict() { # INPUT OUTPUT: prints predict's line to stderr and its rows/s to stdout
  PRODLINE_JAVA_OPTS="-Xmx4g" "$PRODLINE" predict --model "$WORK/models/bench/1" --input "$1" --output "$2" \
      --keep num_0 --threads "$THREADS" --batch-rows "$BATCH_ROWS" | tail -1 | tee -a /dev/stderr \
      | sed -n 's/.*(\([0-9]*\) rows\/s).*/\1/p'
}
for run in 1 2; do
  echo "== run $run"
  before=$(model_only)
  csv=$(predict "$WORK/data.csv" "$WORK/predictions.csv")
  arrow=$(predict "$WORK/data.arrow" "$WORK/predictions-arrow.csv")
  arrow_out=$(predict "$WORK/data.arrow" "$WORK/predictions.arrow")
  after=$(model_only)
  cmp -s "$WORK/predictions.csv" "$WORK/predictions-arrow.csv" || echo "the Arrow run's predictions differ from the CSV run's"
  awk -v b="$before" -v a="$after" -v c="$csv" -v r="$arrow" -v o="$arrow_out" 'BEGIN { m = (a + b) / 2;
      printf "against the mean model-only rate of the passes before and after (%d rows/s): CSV %.0f%%, Arrow %.0f%%, " \
          "Arrow to Arrow %.0f%%\n", m, 100 * c / m, 100 * r / m, 100 * o / m }'
  echo "load: $(uptime)"
done
