#!/usr/bin/env bash
# Serving benchmark (issue 6): prodline serve against a Flask app under gunicorn, a FastAPI app under uvicorn,
# nginx answering a fixed JSON body (the HTTP floor) and Netty alone answering it (the JVM's floor, NettyFloor.java),
# all on loopback, one server at a time, measured with wrk.
#
# Workloads: XGBoost (100 trees, depth 6, 30 features; bare model.json) and the ONNX MLP (30->64->64->1), 1-row and
# 64-row TF Serving REST requests (POST /v1/models/<m>:predict {"instances": [[...]]}), wrk at 1, 16 and 64
# connections (2 threads; 1 at 1 connection), after a warm-up per server and workload. prodline runs twice: with its
# defaults (no batching) and with dynamic batching (--batch-max-delay-ms 2). Everything binds 127.0.0.1 and stops by itself.
#
# Needs (Debian): wrk nginx gunicorn uvicorn python3-flask python3-fastapi python3-uvloop python3-httptools
#                 python3-xgboost python3-numpy python3-onnx, for /usr/bin/python3.
# Usage: bench/serving/run.sh [WORK_DIR]   env: DURATION (10 s), WARMUP (6 s, in two rounds), CONNS ("1 16 64"),
#        SERVERS ("nginx netty prodline prodline-batch2 fastapi flask"), PORT (18600), TRANSPORT (auto: io_uring
#        where the kernel allows it; epoll to compare) for prodline and Netty alone
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="${1:-${TMPDIR:-/tmp}/prodline-bench-serving}"
DURATION="${DURATION:-10}"
WARMUP="${WARMUP:-6}"
CONNS="${CONNS:-1 16 64}"
SERVERS="${SERVERS:-nginx netty prodline prodline-batch2 fastapi flask}"
PORT="${PORT:-18600}"
PY=/usr/bin/python3

mkdir -p "$WORK/models/mlp/1" "$WORK/raw"
cp "$ROOT/prodline-runtime-onnx/src/test/resources/onnx/mlp.onnx" "$WORK/models/mlp/1/model.onnx"
"$PY" "$HERE/make_models.py" "$WORK"
"$ROOT/prodline" --version >/dev/null   # builds the distribution on first use, before anything is timed
RESULTS="$WORK/results.tsv"
printf 'server\tmodel\trows\tconns\treq_s\tp50_ms\tp75_ms\tp90_ms\tp99_ms\trequests\terrors\n' >"$RESULTS"

# shellcheck source=servers.sh
. "$HERE/servers.sh"
trap stop_server EXIT

ms() { awk '{v=$1; if (v ~ /us$/) {sub(/us$/,"",v); v/=1000} else if (v ~ /ms$/) {sub(/ms$/,"",v)} \
              else if (v ~ /m$/) {sub(/m$/,"",v); v*=60000} else if (v ~ /s$/) {sub(/s$/,"",v); v*=1000}; printf "%.3f", v}'; }

run_wrk() {  # server model rows conns
  local url="http://127.0.0.1:$PORT/v1/models/$2:predict" raw="$WORK/raw/$1-$2-$3rows-c$4.txt" t=2
  [ "$4" -lt 2 ] && t=1
  BODY_FILE="$WORK/body-$3.json" wrk -t"$t" -c"$4" -d"${DURATION}s" --latency -s "$HERE/post.lua" "$url" >"$raw"
  local rps p50 p75 p90 p99 n err
  rps=$(awk '/^Requests\/sec/ {print $2}' "$raw")
  p50=$(awk '$1=="50%" {print $2}' "$raw" | ms); p75=$(awk '$1=="75%" {print $2}' "$raw" | ms)
  p90=$(awk '$1=="90%" {print $2}' "$raw" | ms); p99=$(awk '$1=="99%" {print $2}' "$raw" | ms)
  n=$(awk '/requests in/ {print $1}' "$raw")
  err=$(awk '/Non-2xx/ {e+=$NF} /Socket errors/ {gsub(/,/,""); e+=$4+$6+$8+$10} END {print e+0}' "$raw")
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$1" "$2" "$3" "$4" "$rps" "$p50" "$p75" "$p90" "$p99" "$n" "$err" \
      | tee -a "$RESULTS"
}

echo "== machine"
echo "nproc: $NPROC; memory: $(free -g | awk '/^Mem:/ {print $2 " GiB"}'); cpu: $(lscpu | sed -n 's/^Model name: *//p')"
echo "wrk: $(wrk -v 2>&1 | head -1); nginx: $(nginx -v 2>&1); python: $($PY --version); java: $(java -version 2>&1 | head -1)"
echo "load before: $(uptime)"
for server in $SERVERS; do
  echo "== $server ($(uptime | sed 's/.*load/load/'))"
  start_server "$server"
  for model in xgb mlp; do
    for rows in 1 64; do
      # WARMUP seconds in two rounds: closing the first round's connections makes the JVM recompile its event
      # loop once (see cpu_per_request.sh), which would otherwise fall in the first measured run.
      for _ in 1 2; do
        BODY_FILE="$WORK/body-$rows.json" wrk -t2 -c16 -d"$(( (WARMUP + 1) / 2 ))s" -s "$HERE/post.lua" \
            "http://127.0.0.1:$PORT/v1/models/$model:predict" >/dev/null
      done
      for c in $CONNS; do run_wrk "$server" "$model" "$rows" "$c"; done
    done
    case "$server" in nginx|netty) break ;; esac   # the floors answer the same fixed body whatever the path
  done
  stop_server
done
echo "load after: $(uptime)"
"$PY" "$HERE/summarize.py" "$RESULTS" | tee "$WORK/summary.md"
