#!/usr/bin/python3
"""An external prodline trainer: a PyTorch MLP exported to ONNX (contract: docs/trainers.md).

Needs Debian's PyTorch (apt-get install python3-torch); prodline's tests do not run it. Binary classification
only, to stay short. Parameters (PRODLINE_PARAMS): epochs, hidden, lr.
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
    return header[:-1], torch.nan_to_num(x), y


if os.environ["PRODLINE_TASK"] != "binary_classification":
    raise SystemExit("this example trains binary classifiers only")
with open(os.environ["PRODLINE_PARAMS"]) as f:
    params = json.load(f)
names, x_train, y_train = read(os.environ["PRODLINE_TRAIN_DATA"])
_, x_eval, y_eval = read(os.environ["PRODLINE_EVAL_DATA"])

mean, std = x_train.mean(0), x_train.std(0).clamp_min(1e-6)
hidden = int(params.get("hidden", 32))
body = torch.nn.Sequential(torch.nn.Linear(len(names), hidden), torch.nn.ReLU(), torch.nn.Linear(hidden, 1))
optimizer = torch.optim.Adam(body.parameters(), lr=float(params.get("lr", 0.01)))
loss_fn = torch.nn.BCEWithLogitsLoss()
for epoch in range(int(params.get("epochs", 200))):
    optimizer.zero_grad()
    loss = loss_fn(body((x_train - mean) / std).squeeze(1), y_train)
    loss.backward()
    optimizer.step()
    if epoch % 20 == 0:
        print(f"epoch {epoch} train loss {loss.item():.4f}", flush=True)


class Model(torch.nn.Module):
    """Standardises, then outputs the probability of class 1: what prodline expects of a binary model."""

    def __init__(self):
        super().__init__()
        self.body = body

    def forward(self, x):
        return torch.sigmoid(self.body((x - mean) / std))


model = Model().eval()
with torch.no_grad():
    eval_loss = loss_fn(body((x_eval - mean) / std).squeeze(1), y_eval).item()
out = os.environ["PRODLINE_OUTPUT_DIR"]
torch.onnx.export(model, torch.zeros(1, len(names)), os.path.join(out, "model.onnx"),
                  input_names=["features"], output_names=["probability"],
                  dynamic_axes={"features": {0: "rows"}, "probability": {0: "rows"}})
with open(os.path.join(out, "metrics.json"), "w") as f:
    json.dump({"log_loss": eval_loss}, f)
