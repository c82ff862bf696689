#!/usr/bin/env python3
"""The peer of TransformBenchmark: the same four encoders applied with NumPy/pandas to 64k rows drawn alike.

Fitted state (mean/std, 9 quantile boundaries, the 50-value vocabulary) is computed first and not timed; the timed
part writes the same dense float32 matrix FittedTransform.apply writes (53 columns: z-score, bucket, one-hot of
50, hash bucket of 1,000). Strings are pandas Categoricals, the analogue of prodline's dictionary-encoded string
columns, and hashing uses pandas' hash (not FarmHash: the cost, not the ids, is compared).
Usage: numpy_transform.py [REPEATS]   (default 200); prints rows/s of the best repeat.
"""
import sys
import time

import numpy as np
import pandas as pd

ROWS = 65_536


def main(repeats):
    rng = np.random.default_rng(1)
    num = 10 + 3 * rng.uniform(-1, 1, ROWS)
    amount = np.exp(rng.uniform(-2, 2, ROWS))
    u = rng.random(ROWS)
    cat = pd.Categorical(np.char.add("c", (u * u * 50).astype(int).astype(str)))
    user = pd.Categorical(np.char.add("user-", rng.integers(0, 5_000, ROWS).astype(str)))
    mean, std = num.mean(), num.std()
    bounds = np.quantile(amount, np.arange(1, 10) / 10)
    vocab = list(pd.Series(cat).value_counts().index)
    best = float("inf")
    for _ in range(repeats):
        start = time.perf_counter()
        out = np.zeros((ROWS, 53), dtype=np.float32)
        out[:, 0] = (num - mean) / std
        out[:, 1] = np.searchsorted(bounds, amount, side="right")
        codes = pd.Categorical(cat, categories=vocab).codes
        known = codes >= 0
        out[np.nonzero(known)[0], 2 + codes[known]] = 1
        user_buckets = pd.util.hash_array(user.categories.to_numpy()) % 1000
        out[:, 52] = user_buckets[user.codes]
        best = min(best, time.perf_counter() - start)
    print(f"numpy {np.__version__}, pandas {pd.__version__}: {ROWS / best:,.0f} rows/s (best of {repeats})")


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 200)
