#!/usr/bin/env python3
"""The Python side of the training benchmark: what `prodline train` does, with pandas and xgboost.

Reads the CSV with pandas, holds out 20% of the rows (seeded), trains xgboost with the parameters run.sh gives
prodline (watching logloss on train and eval every round, as prodline does), predicts the eval rows, prints
their ROC-AUC and saves the model as JSON. Usage: xgb_train.py DATA.csv LABEL OUT_DIR
"""
import os
import sys

import numpy as np
import pandas as pd
import xgboost as xgb

PARAMS = {
    "objective": "binary:logistic", "eval_metric": "logloss", "booster": "gbtree", "tree_method": "hist",
    "max_depth": 6, "eta": 0.3, "subsample": 1.0, "colsample_bytree": 1.0, "min_child_weight": 1.0,
    "lambda": 1.0, "alpha": 0.0, "seed": 42, "nthread": 2, "verbosity": 0,
}
ROUNDS = 100


def roc_auc(y, p):
    """Mann-Whitney U with average ranks for ties: scikit-learn's roc_auc_score without scikit-learn."""
    ranks = pd.Series(p).rank(method="average").to_numpy()
    pos = y == 1
    n_pos, n_neg = pos.sum(), (~pos).sum()
    return (ranks[pos].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg)


def main(data, label, out_dir):
    frame = pd.read_csv(data)
    y = frame.pop(label).to_numpy(dtype=np.float32)
    x = frame.to_numpy(dtype=np.float32)
    order = np.random.default_rng(0).permutation(len(y))
    n_eval = int(round(len(y) * 0.2))
    eval_rows, train_rows = order[:n_eval], order[n_eval:]
    dtrain = xgb.DMatrix(x[train_rows], label=y[train_rows], feature_names=list(frame.columns))
    deval = xgb.DMatrix(x[eval_rows], label=y[eval_rows], feature_names=list(frame.columns))
    booster = xgb.train(PARAMS, dtrain, ROUNDS, evals=[(dtrain, "train"), (deval, "eval")], verbose_eval=False)
    auc = roc_auc(y[eval_rows], booster.predict(deval))
    os.makedirs(out_dir, exist_ok=True)
    booster.save_model(os.path.join(out_dir, "model.json"))
    print(f"xgboost {xgb.__version__}: {len(train_rows)} train rows, {n_eval} eval rows, eval ROC-AUC {auc:.6f}")


if __name__ == "__main__":
    main(*sys.argv[1:4])
