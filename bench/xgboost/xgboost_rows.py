"""The peer of XGBoostRowsBenchmark: nanoseconds per row of xgboost's own predictor on the same model file.

Debian's python3-xgboost (1.7.4), `Booster.inplace_predict` on one thread (the Java evaluator runs on the calling
thread too), 1,024 standard-normal float32 rows rounded to 4 decimals (the distribution of the JMH benchmark's rows
and of the serving request bodies), sent as requests of 1, 64 and 1,024 rows. Prints the best of 7 passes over the
1,024 rows for each request size, after one pass of warm-up.

Usage: /usr/bin/python3 bench/xgboost/xgboost_rows.py MODEL_JSON
"""
import sys
import time

import numpy as np
import xgboost as xgb

ROWS = 1024
booster = xgb.Booster(params={"nthread": 1})
booster.load_model(sys.argv[1])
rows = (np.round(np.random.default_rng(1).standard_normal((ROWS, 30)) * 1e4) / 1e4).astype(np.float32)
print(f"xgboost {xgb.__version__}, inplace_predict, 1 thread")
for per_call in (1, 64, 1024):
    requests = [rows[i:i + per_call] for i in range(0, ROWS, per_call)]
    best = float("inf")
    for attempt in range(8):
        start = time.perf_counter()
        for request in requests:
            booster.inplace_predict(request)
        if attempt > 0:
            best = min(best, time.perf_counter() - start)
    print(f"rowsPerCall {per_call:5d}: {best / ROWS * 1e9:10.1f} ns/row")
