"""Flask peer: TF Serving REST predict (POST /v1/models/<m>:predict {"instances": [[...], ...]}).

Run: gunicorn -w N -b 127.0.0.1:PORT flask_app:app   (from bench/serving, BENCH_MODELS=<models dir>)
"""
from flask import Flask, jsonify, request

import peer_models

app = Flask(__name__)
MODELS = peer_models.load()


@app.post("/v1/models/<spec>")
def predict(spec):
    name, _, verb = spec.partition(":")
    model = MODELS.get(name)
    if model is None or verb != "predict":
        return jsonify(error=f"no model {name}"), 404
    body = request.get_json(force=True)
    return jsonify(predictions=model.predict(body["instances"]))
