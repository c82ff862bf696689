"""The models the Python peers serve: the same files prodline serves (bench/serving/run.sh writes them).

XGBoost: the model.json itself, loaded by Debian's python3-xgboost (1.7.4) and run with inplace_predict on one
thread per worker. ONNX MLP: there is no onnxruntime in Debian, so the graph (MatMul+Add+Relu, 30->64->64->1) is
run as numpy matmuls on the weights read with python3-onnx's numpy_helper -- what a Flask app without
onnxruntime would do. Both peers import this module, so they do exactly the same work per request.
"""
import os

os.environ.setdefault("OMP_NUM_THREADS", "1")

import numpy as np  # noqa: E402
import onnx  # noqa: E402
import xgboost as xgb  # noqa: E402
from onnx import numpy_helper  # noqa: E402

MODELS = os.environ.get("BENCH_MODELS", "/tmp/prodline-bench-serving/models")


class Xgb:
    def __init__(self, path):
        self.booster = xgb.Booster(model_file=path)
        self.booster.set_param({"nthread": 1})

    def predict(self, rows):
        return self.booster.inplace_predict(np.asarray(rows, dtype=np.float32)).tolist()


class Mlp:
    def __init__(self, path):
        w = {i.name: numpy_helper.to_array(i) for i in onnx.load(path).graph.initializer}
        self.w1, self.b1 = w["h1_w"], w["h1_b"]
        self.w2, self.b2 = w["h2_w"], w["h2_b"]
        self.w3, self.b3 = w["score_w"], w["score_b"]

    def predict(self, rows):
        x = np.asarray(rows, dtype=np.float32)
        h = np.maximum(x @ self.w1 + self.b1, 0)
        h = np.maximum(h @ self.w2 + self.b2, 0)
        return (h @ self.w3 + self.b3)[:, 0].tolist()


def load():
    return {
        "xgb": Xgb(os.path.join(MODELS, "xgb", "1", "model.json")),
        "mlp": Mlp(os.path.join(MODELS, "mlp", "1", "model.onnx")),
    }
