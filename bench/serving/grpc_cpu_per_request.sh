#!/usr/bin/env bash
# The Open Inference Protocol over gRPC: calls/s, latency and the server's CPU per call, the gRPC counterpart of
# cpu_per_request.sh. Starts prodline (servers.sh) with a gRPC port, warms it up with GrpcLoad.java in two rounds,
# then reads the server's CPU time (/proc/PID/stat) around a timed GrpcLoad run. GrpcLoad, a JVM on the same cores,
# costs more CPU per call than the server does, so calls/s here is bounded by the client; CPU per call is the figure
# to compare with REST's.
#
# Usage: bench/serving/grpc_cpu_per_request.sh WORK_DIR MODEL ROWS CONCURRENCY SECONDS
#        WORK_DIR as prepared by run.sh (models/); env: LIB, JAVA_OPTS, TRANSPORT, PORT (18650), WARMUP (16 s, two
#        rounds)
# Prints: name calls/s p50 p90 p99 cpu_us/call
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="$1"; MODEL="$2"; ROWS="$3"; CONC="$4"; SECONDS_="$5"
PORT="${PORT:-18650}"
GRPC_PORT=$((PORT + 1))
TICKS_PER_S="$(getconf CLK_TCK)"
# shellcheck source=servers.sh
. "$HERE/servers.sh"
trap stop_server EXIT

load() { java -cp "$LIB/*" "$HERE/GrpcLoad.java" "127.0.0.1:$GRPC_PORT" "$MODEL" "$ROWS" "$CONC" "$@"; }

start_server prodline --grpc-port "$GRPC_PORT"
warm_up load "${WARMUP:-16}"
mapfile -t PIDS < <(server_pids)
before="$(cpu_ticks "${PIDS[@]}")"
out="$(load "$SECONDS_")"
after="$(cpu_ticks "${PIDS[@]}")"
calls="$(sed -n 's/.* calls=\([0-9]*\).*/\1/p' <<<"$out")"
echo "$out cpu_us/call=$(awk -v t=$((after - before)) -v hz="$TICKS_PER_S" -v n="$calls" 'BEGIN {printf "%.1f", t / hz * 1e6 / n}')"
