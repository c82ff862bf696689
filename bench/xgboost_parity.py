#!/usr/bin/python3
"""Reference test ROC-AUC of Python's xgboost on breast_cancer, for prodline's parity test.

Reproduces prodline's stratified split (io.prodline.train.split.StratifiedSplit) exactly: within each class (in
sorted class order), rows are ordered by the 64-bit FNV-1a hash of the row index as decimal text, seeded, finished
by MurmurHash3's fmix64, compared as signed 64-bit numbers, ties by row index; the first round-half-up(0.2 * n_c)
rows go to eval. Then trains with the same parameters as prodline's defaults and prints the test ROC-AUC.

Run with Debian's Python (apt-get install python3-xgboost python3-sklearn):
    /usr/bin/python3 bench/xgboost_parity.py [examples/data/breast_cancer.csv]
"""
import csv
import math
import sys

import numpy as np
import xgboost as xgb
from sklearn.metrics import roc_auc_score

SEED = 42
EVAL_FRACTION = 0.2
LABEL = "diagnosis"
PARAMS = {"booster": "gbtree", "tree_method": "hist", "max_depth": 6, "eta": 0.3, "subsample": 1.0,
          "colsample_bytree": 1.0, "min_child_weight": 1.0, "lambda": 1.0, "alpha": 0.0, "seed": 42,
          "objective": "binary:logistic", "eval_metric": "logloss", "verbosity": 0}
ROUNDS = 100
MASK = (1 << 64) - 1


def split_hash(key, seed):
    h = 0xCBF29CE484222325 ^ (seed & MASK)
    for b in key.encode("utf-8"):
        h ^= b
        h = (h * 0x100000001B3) & MASK
    h ^= h >> 33
    h = (h * 0xFF51AFD7ED558CCD) & MASK
    h ^= h >> 33
    h = (h * 0xC4CEB9FE1A85EC53) & MASK
    h ^= h >> 33
    return h - (1 << 64) if h >= (1 << 63) else h


def stratified_eval_rows(y, fraction, seed):
    eval_rows = set()
    for cls in sorted(set(y)):
        rows = [r for r, v in enumerate(y) if v == cls]
        rows.sort(key=lambda r: (split_hash(str(r), seed), r))
        eval_rows.update(rows[: int(math.floor(fraction * len(rows) + 0.5))])
    return eval_rows


def main(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    label_col = header.index(LABEL)
    classes = sorted({r[label_col] for r in body})
    y = [classes.index(r[label_col]) for r in body]
    x = np.array([[float(v) for i, v in enumerate(r) if i != label_col] for r in body], dtype=np.float32)
    eval_rows = stratified_eval_rows(y, EVAL_FRACTION, SEED)
    train_idx = [r for r in range(len(y)) if r not in eval_rows]
    test_idx = sorted(eval_rows)
    y = np.array(y, dtype=np.float32)
    booster = xgb.train(PARAMS, xgb.DMatrix(x[train_idx], label=y[train_idx]), ROUNDS)
    pred = booster.predict(xgb.DMatrix(x[test_idx]))
    print(f"xgboost {xgb.__version__}: {len(train_idx)} train rows, {len(test_idx)} test rows "
          f"(first test rows {test_idx[:5]}), test ROC-AUC {roc_auc_score(y[test_idx], pred):.6f}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "examples/data/breast_cancer.csv")
