"""Writes the served models and the request bodies for bench/serving/run.sh.

<out>/models/xgb/1/model.json  XGBoost 1.7.4 (Debian python3-xgboost), binary:logistic, 100 trees of depth 6 on 30
                               float features f0..f29, trained on 20,000 seeded synthetic rows; saved as XGBoost saves
                               it, so prodline serves it as a bare model and the Python peers load the same file.
<out>/models/mlp/1/model.onnx  the ONNX MLP fixture (30->64->64->1, input "features" [N,30]), copied by run.sh.
<out>/body-1.json, body-64.json  TF Serving row-format bodies: {"instances": [[30 numbers], ...]} with 1 and 64 rows.
"""
import json
import os
import sys

import numpy as np
import xgboost as xgb

out = sys.argv[1]
rng = np.random.default_rng(1)
x = rng.normal(size=(20000, 30)).astype(np.float32)
y = ((x[:, :5] @ rng.normal(size=5) + 0.5 * x[:, 5] * x[:, 6] + rng.normal(scale=0.5, size=20000)) > 0).astype(int)
path = os.path.join(out, "models", "xgb", "1", "model.json")
if not os.path.exists(path):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    params = {"objective": "binary:logistic", "max_depth": 6, "eta": 0.1, "nthread": os.cpu_count(),
              "tree_method": "hist", "seed": 1}
    booster = xgb.train(params, xgb.DMatrix(x, label=y), num_boost_round=100)
    booster.save_model(path)
rows = np.round(rng.normal(size=(64, 30)), 4).tolist()
for n in (1, 64):
    with open(os.path.join(out, f"body-{n}.json"), "w") as f:
        json.dump({"instances": rows[:n]}, f)
print("models and bodies in", out)
