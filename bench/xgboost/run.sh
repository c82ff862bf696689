#!/usr/bin/env bash
# Per-row cost of the pure-Java XGBoost evaluator (XGBoostRowsBenchmark) at 1, 64 and 1024 rows per predict call,
# then of xgboost's own predictor in the same run (xgboost_rows.py, its peer), on the served benchmark model: bench/serving/make_models.py writes it (binary:logistic, 100 trees of depth 6 on
# 30 float features; needs /usr/bin/python3 with python3-xgboost). Build first:
#   mvn -B -o -q -pl prodline-bench -am package -DskipTests
# Extra arguments go to JMH (e.g. -f 2, or -p rowsPerCall=64).
#
# Usage: bench/xgboost/run.sh [JMH options]     env: WORK (/tmp/xgbeval, where the model is written)
set -euo pipefail
ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
WORK="${WORK:-/tmp/xgbeval}"
cd "$ROOT"
[ -d prodline-bench/target/dist/lib ] || { echo "build prodline-bench first (see above)" >&2; exit 1; }
[ -f "$WORK/models/xgb/1/model.json" ] || /usr/bin/python3 bench/serving/make_models.py "$WORK"
echo "load before: $(uptime)"
java -cp 'prodline-bench/target/dist/lib/*' org.openjdk.jmh.Main XGBoostRowsBenchmark \
    -p model="$WORK/models/xgb/1/model.json" "$@"
/usr/bin/python3 bench/xgboost/xgboost_rows.py "$WORK/models/xgb/1/model.json"
echo "load after: $(uptime)"
