#!/usr/bin/python3
"""An external prodline trainer: a PyTorch MLP exported to ONNX (contract: docs/trainers.md).

Needs PyTorch (Debian: apt-get install python3-torch; tested with 1.13). Binary classification only, to stay
short. Parameters (--trainer-param KEY=VALUE, read from PRODLINE_PARAMS):
  epochs (200), hidden (32), lr (0.01), seed (0)
  save_eval_predictions: a file to write PyTorch's own probabilities for the eval rows to, one per line
  save_torchscript: a file to save the model to as TorchScript, for check_predictions.py
Relative paths are relative to where prodline was started.
"""
import csv
import json
import os

import torch


def read(path):
    with open(path, newline="") as f:
        rows = list(csv.reader(f))
    header, body = rows[0], rows[1:]
    x = torch.tensor([[float(v) if v else float("nan") for v in r[:-1]] for r in body])
    y = torch.tensor([float(r[-1]) for r in body])
    return header[:-1], x, y


if os.environ["PRODLINE_TASK"] != "binary_classification":
    raise SystemExit("this example trains binary classifiers only")
with open(os.environ["PRODLINE_PARAMS"]) as f:
    params = json.load(f)
torch.manual_seed(int(params.get("seed", 0)))
names, x_train, y_train = read(os.environ["PRODLINE_TRAIN_DATA"])
_, x_eval, y_eval = read(os.environ["PRODLINE_EVAL_DATA"])


class Model(torch.nn.Module):
    """Missing values (NaN) to 0, standardised with the train rows' statistics, then an MLP whose output is the
    probability of class 1: what prodline expects of a binary model. Everything is inside the exported graph, so
    serving feeds it the transform's output as it is."""

    def __init__(self, x, hidden):
        super().__init__()
        x = torch.nan_to_num(x)
        self.register_buffer("mean", x.mean(0))
        self.register_buffer("std", x.std(0).clamp_min(1e-6))
        self.body = torch.nn.Sequential(torch.nn.Linear(x.shape[1], hidden), torch.nn.ReLU(),
                                        torch.nn.Linear(hidden, 1))

    def logit(self, x):
        # torch.where rather than nan_to_num: it exports to ONNX (IsNaN, Where) at opset 14.
        x = torch.where(torch.isnan(x), torch.zeros_like(x), x)
        return self.body((x - self.mean) / self.std)

    def forward(self, x):
        return torch.sigmoid(self.logit(x))


model = Model(x_train, int(params.get("hidden", 32)))
optimizer = torch.optim.Adam(model.parameters(), lr=float(params.get("lr", 0.01)))
loss_fn = torch.nn.BCEWithLogitsLoss()
for epoch in range(int(params.get("epochs", 200))):
    optimizer.zero_grad()
    loss = loss_fn(model.logit(x_train).squeeze(1), y_train)
    loss.backward()
    optimizer.step()
    if epoch % 50 == 0:
        print(f"epoch {epoch} train loss {loss.item():.4f}", flush=True)

model.eval()
with torch.no_grad():
    eval_loss = loss_fn(model.logit(x_eval).squeeze(1), y_eval).item()
    eval_probability = model(x_eval).squeeze(1)
print(f"eval loss {eval_loss:.4f} on {len(y_eval)} rows", flush=True)

out = os.environ["PRODLINE_OUTPUT_DIR"]
# Opset 14 is torch 1.13's default; ONNX Runtime serves it. Only the row count is left dynamic.
torch.onnx.export(model, torch.zeros(1, len(names)), os.path.join(out, "model.onnx"), opset_version=14,
                  input_names=["features"], output_names=["probability"],
                  dynamic_axes={"features": {0: "rows"}, "probability": {0: "rows"}})
with open(os.path.join(out, "metrics.json"), "w") as f:
    json.dump({"log_loss": eval_loss}, f)


def save_to(key):
    """The path the parameter names, its directory created; None when the parameter is not given."""
    path = params.get(key)
    if path:
        os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    return path


if save_to("save_eval_predictions"):
    with open(params["save_eval_predictions"], "w") as f:
        f.writelines(f"{p!r}\n" for p in eval_probability.tolist())
if save_to("save_torchscript"):
    torch.jit.trace(model, x_eval[:1]).save(params["save_torchscript"])
