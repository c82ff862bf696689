#!/usr/bin/python3
"""The peer for `prodline data stats`: what users reach for today.

pandas.read_csv, then describe() on the numeric columns and value_counts() on every other column, as a data
scientist would look at a file. Prints rows/s on one line so run.sh can collect it.
"""
import sys
import time

import pandas as pd

path = sys.argv[1]
start = time.perf_counter()
df = pd.read_csv(path)
numeric = df.select_dtypes(include="number")
summary = numeric.describe(percentiles=[0.25, 0.5, 0.75])
tops = {c: df[c].value_counts().head(20) for c in df.columns if c not in numeric.columns}
elapsed = time.perf_counter() - start
print(f"pandas {pd.__version__}: {len(df)} rows x {df.shape[1]} columns in {elapsed:.2f} s "
      f"({len(df) / elapsed:.0f} rows/s)")
