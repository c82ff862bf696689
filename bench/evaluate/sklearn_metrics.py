#!/usr/bin/env python3
"""The peer of EvaluatorBenchmark: scikit-learn's binary metrics on 10M predictions drawn like the benchmark's.

Times roc_auc_score, average_precision_score, log_loss, brier_score_loss, confusion_matrix and
calibration_curve on the same shape of data (30% positives, noisy informative scores rounded to 1e-4); prodline's
Evaluator also computes accuracy/precision/recall/F1 and a threshold sweep, so this is the smaller job.
Usage: sklearn_metrics.py [ROWS] [REPEATS]   (defaults: 10000000 3); prints the best of REPEATS.
"""
import sys
import time

import numpy as np
import sklearn
from sklearn.calibration import calibration_curve
from sklearn.metrics import (average_precision_score, brier_score_loss, confusion_matrix, log_loss,
                             roc_auc_score)


def main(rows, repeats):
    rng = np.random.default_rng(3)
    y = (rng.random(rows) < 0.3).astype(np.int8)
    margin = np.where(y == 1, 1.0, -0.5) + 1.5 * (rng.random(rows) - 0.5) * 2
    p = (np.round(10_000 / (1 + np.exp(-margin))) / 10_000).astype(np.float32)
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        roc_auc_score(y, p)
        average_precision_score(y, p)
        log_loss(y, p)
        brier_score_loss(y, p)
        confusion_matrix(y, p >= 0.5)
        calibration_curve(y, p, n_bins=10)
        best = min(best, time.perf_counter() - start)
    print(f"scikit-learn {sklearn.__version__}: {rows} predictions, best of {repeats}: {best:.3f} s")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 10_000_000, int(sys.argv[2]) if len(sys.argv) > 2 else 3)
