#!/usr/bin/python3
"""Checks that prodline serves what PyTorch computes: the predictions `prodline predict` wrote with a bundle
trained by train_mlp.py against the TorchScript copy of the same model (its save_torchscript parameter), on the
same rows.

    /usr/bin/python3 check_predictions.py BUNDLE_DIR DATA.csv PREDICTIONS.csv MODEL.pt

The model's inputs are the bundle's transform applied to DATA.csv. To stay independent of prodline's code this
script applies only the transform that passes numbers through (prodline's default for numeric columns, as for
examples/data/breast_cancer.csv) and refuses any other. Exit status 0 when every prediction is within 1e-5 of
PyTorch's.
"""
import csv
import json
import os
import sys

import torch

TOLERANCE = 1e-5

if len(sys.argv) != 5:
    raise SystemExit(__doc__)
bundle, data, predictions, torchscript = sys.argv[1:]

with open(os.path.join(bundle, "transform.json")) as f:
    transform = json.load(f)
inputs = []
for feature in transform["features"]:
    if feature["kind"] != "numeric" or feature.get("steps"):
        raise SystemExit(f"{bundle}: feature {feature.get('name')} is not a number passed through; this check "
                         "applies only that transform")
    inputs.append(feature["input"])

with open(data, newline="") as f:
    rows = list(csv.DictReader(f))
x = torch.tensor([[float(r[c]) if r[c] else float("nan") for c in inputs] for r in rows])
with torch.no_grad():
    expected = torch.jit.load(torchscript)(x).squeeze(1).tolist()

with open(predictions, newline="") as f:
    served = [float(r["prediction"]) for r in csv.DictReader(f)]
if len(served) != len(expected):
    raise SystemExit(f"{predictions} has {len(served)} rows, {data} has {len(expected)}")
worst = max(abs(s - e) for s, e in zip(served, expected))
print(f"{len(served)} rows: largest difference between prodline and PyTorch {worst:.3g} (tolerance {TOLERANCE})")
sys.exit(0 if worst <= TOLERANCE else 1)
