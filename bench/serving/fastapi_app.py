"""FastAPI peer: TF Serving REST predict (POST /v1/models/<m>:predict {"instances": [[...], ...]}).

Run: uvicorn --workers N --host 127.0.0.1 --port PORT fastapi_app:app   (from bench/serving, BENCH_MODELS=...)
"""
from fastapi import FastAPI, HTTPException, Request

import peer_models

app = FastAPI()
MODELS = peer_models.load()


@app.post("/v1/models/{spec}")
async def predict(spec: str, request: Request):
    name, _, verb = spec.partition(":")
    model = MODELS.get(name)
    if model is None or verb != "predict":
        raise HTTPException(404, f"no model {name}")
    body = await request.json()
    return {"predictions": model.predict(body["instances"])}
