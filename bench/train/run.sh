#!/usr/bin/env bash
# Training time: `prodline train` vs Python xgboost (pandas.read_csv + xgboost.train), same file, same
# parameters (binary:logistic, hist, max_depth 6, 100 rounds, eta 0.3, nthread 2, seed 42), same run. Wall time
# includes JVM/Python start and reading the CSV. Each side runs RUNS times, alternating; report the best.
# Usage: bench/train/run.sh [ROWS] [RUNS]   (defaults: 1000000 2)
# Needs: Debian's python3-xgboost and python3-pandas (for /usr/bin/python3) and GNU time (package `time`).
set -euo pipefail
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
ROWS="${1:-1000000}"
RUNS="${2:-2}"
WORK="${BENCH_DIR:-/tmp}/prodline-bench-train"
DATA="$WORK/train-${ROWS}x30.csv"

cd "$ROOT"
mkdir -p "$WORK"
mvn -B -o -q -pl prodline-bench -am package -DskipTests
./prodline --version >/dev/null   # builds the distribution now, not inside a timed run
# The launcher itself, with the JVM flags it gives train: what a user runs. (Editing sources during the benchmark
# would make it rebuild inside a timed run.)
PRODLINE=("$ROOT/prodline")
if [ ! -f "$DATA" ]; then
  java -cp 'prodline-bench/target/dist/lib/*' io.prodline.bench.train.LabelledCsv "$DATA" "$ROWS" 30 7
fi
echo "file: $DATA ($(du -h "$DATA" | cut -f1))"
echo "machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB, $(lscpu | sed -n 's/^Model name: *//p')"
echo "python: $(/usr/bin/python3 -c 'import xgboost, pandas; print("xgboost", xgboost.__version__, "pandas", pandas.__version__)')"
echo "java: $(java -version 2>&1 | head -1)"

for run in $(seq "$RUNS"); do
  echo "=== run $run; load average: $(uptime | sed 's/.*load average: //')"
  rm -rf "$WORK/bundle" "$WORK/home" "$WORK/python"
  echo "--- prodline train"
  PRODLINE_HOME="$WORK/home" /usr/bin/time -f "prodline: wall %e s, peak RSS %M KiB" \
    "${PRODLINE[@]}" train --data "$DATA" --label label --task binary_classification --output "$WORK/bundle" \
      --rounds 100 --max-depth 6 --eta 0.3 --nthread 2 --seed 42 2>&1 | grep -E 'Trained|roc_auc|wall'
  echo "--- python xgboost"
  /usr/bin/time -f "python: wall %e s, peak RSS %M KiB" \
    /usr/bin/python3 bench/train/xgb_train.py "$DATA" label "$WORK/python"
done
