#!/usr/bin/env bash
# Server CPU time and context switches per request: a figure that, unlike requests/s, barely moves when other work
# shares the machine, so two builds can be compared on a busy machine. Starts `prodline serve` (or nginx) on the
# benchmark models, warms it up with wrk, then reads the process's CPU time (/proc/PID/stat utime + stime) and its
# threads' context switches before and after a timed wrk run.
#
# Usage: bench/serving/cpu_per_request.sh WORK_DIR MODEL ROWS CONNECTIONS SECONDS [serve options...]
#        WORK_DIR as prepared by run.sh (models/, body-1.json, body-64.json); MODEL xgb or mlp, or "nginx" for the
#        fixed-body floor. Env: LIB (a distribution's lib folder, default this checkout's), JAVA_OPTS, PORT (18650).
# Prints: name req/s cpu_us/req csw/req
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="$1"; MODEL="$2"; ROWS="$3"; CONNS="$4"; SECONDS_="$5"; shift 5
LIB="${LIB:-$ROOT/prodline-app/target/dist/lib}"
PORT="${PORT:-18650}"
TICKS_PER_S="$(getconf CLK_TCK)"

cpu_ticks() { local t=0 p; for p in "$@"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo "$t"; }
switches() {
  local t=0 p s
  for p in "$@"; do for s in /proc/"$p"/task/*/status; do
    t=$((t + $(awk '/ctxt_switches/ {n += $2} END {print n + 0}' "$s" 2>/dev/null || echo 0)))
  done; done
  echo "$t"
}
load() {
  BODY_FILE="$WORK/body-$ROWS.json" wrk -t2 -c"$CONNS" -d"$1s" -s "$HERE/post.lua" \
      "http://127.0.0.1:$PORT/v1/models/$MODEL:predict" | awk '/^Requests\/sec/ {print int($2)}'
}
measure() {  # name pids...
  local name="$1"; shift
  load 8 >/dev/null   # warm-up: let the JIT finish compiling the request path
  local t0 c0 rps t1 c1
  t0="$(cpu_ticks "$@")"; c0="$(switches "$@")"
  rps="$(load "$SECONDS_")"
  t1="$(cpu_ticks "$@")"; c1="$(switches "$@")"
  awk -v n="$name" -v r="$rps" -v t=$((t1 - t0)) -v c=$((c1 - c0)) -v d="$SECONDS_" -v hz="$TICKS_PER_S" \
      'BEGIN {printf "%s req/s=%d cpu_us/req=%.1f csw/req=%.2f\n", n, r, t * 1e6 / hz / (r * d), c / (r * d)}'
}

if [ "$MODEL" = nginx ]; then
  MODEL=xgb   # any path: nginx answers every POST with the same body
  mkdir -p "$WORK/nginx-cpu"
  sed -e "s#__PORT__#$PORT#; s#__DIR__#$WORK/nginx-cpu#g; s#__WORKERS__#$(nproc)#" "$HERE/nginx.conf" \
      >"$WORK/nginx-cpu/nginx.conf"
  nginx -c "$WORK/nginx-cpu/nginx.conf" -p "$WORK/nginx-cpu" >/dev/null 2>&1 &
  trap 'nginx -c "$WORK/nginx-cpu/nginx.conf" -p "$WORK/nginx-cpu" -s stop 2>/dev/null || true' EXIT
  sleep 1
  measure nginx $(pgrep -f "nginx: worker")
  exit 0
fi

# shellcheck disable=SC2086
java ${JAVA_OPTS:-} -cp "$LIB/*" io.prodline.app.Main serve --models "$WORK/models" --host 127.0.0.1 \
    --rest-port "$PORT" --poll-seconds 0 "$@" >"$WORK/cpu-serve.log" 2>&1 &
SERVER=$!
trap 'kill "$SERVER" 2>/dev/null || true' EXIT
for _ in $(seq 120); do
  curl -sf -o /dev/null -X POST --data-binary @"$WORK/body-1.json" \
      "http://127.0.0.1:$PORT/v1/models/$MODEL:predict" && break
  sleep 0.5
done
measure "prodline $*" "$SERVER"
