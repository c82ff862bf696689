#!/usr/bin/env bash
# Server CPU time and context switches per request: a figure that, unlike requests/s, barely moves when other work
# shares the machine, so two builds, or prodline and a peer, can be compared on a busy machine. Starts one server
# (servers.sh) on the benchmark models, warms it up with wrk, then reads the CPU time (/proc/PID/stat utime +
# stime) of every process of the server and their threads' context switches before and after a timed wrk run.
#
# Usage: bench/serving/cpu_per_request.sh WORK_DIR MODEL ROWS CONNECTIONS SECONDS [serve options...]
#        WORK_DIR as prepared by run.sh (models/, body-1.json, body-64.json); MODEL xgb or mlp, or "nginx" for the
#        fixed-body floor (same as SERVER=nginx). Env: SERVER (prodline, default; prodline-batch2, fastapi, flask,
#        nginx), LIB (a distribution's lib folder, default this checkout's), JAVA_OPTS, TRANSPORT (auto or epoll,
#        for prodline and Netty alone), PORT (18650), WARMUP
#        (seconds of load before measuring, in two rounds, default 15: 64-row requests keep the JIT busy for longer
#        than 8 s).
# Prints: name req/s cpu_us/req csw/req wrk_cpu_us/req per_wrk idle (wrk's CPU per request; per_wrk, the server's
# CPU per request over wrk's: wrk does the same work per request whatever server answers, so on a machine whose
# speed drifts between runs this ratio compares two builds where the raw figures cannot; and the share of the
# machine's CPU left idle during the measured run: time requests spent waiting for a thread to be woken).
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="$1"; MODEL="$2"; ROWS="$3"; CONNS="$4"; SECONDS_="$5"; shift 5
SERVER="${SERVER:-prodline}"
if [ "$MODEL" = nginx ]; then SERVER=nginx; MODEL=xgb; fi   # any path: nginx answers every POST the same
PORT="${PORT:-18650}"
TICKS_PER_S="$(getconf CLK_TCK)"
# shellcheck source=servers.sh
. "$HERE/servers.sh"
trap stop_server EXIT

switches() {
  local t=0 p s
  for p in "$@"; do for s in /proc/"$p"/task/*/status; do
    t=$((t + $(awk '/ctxt_switches/ {n += $2} END {print n + 0}' "$s" 2>/dev/null || echo 0)))
  done; done
  echo "$t"
}
# The machine's idle and total CPU ticks so far (idle + iowait; every state), for the idle share of a run.
machine_ticks() { awk '/^cpu / {print $5 + $6, $2 + $3 + $4 + $5 + $6 + $7 + $8 + $9}' /proc/stat; }
# CPU seconds (user + system) of this shell's finished children (wrk, on the same cores as the server), from the
# output of the shell's `times`, which must run in this shell itself, not in a $(...) subshell.
children_seconds() {
  awk 'NR == 2 {t = 0; for (i = 1; i <= 2; i++) {split($i, a, /[ms]/); t += a[1] * 60 + a[2]}; print t}' "$1"
}
load() {
  # wrk needs at least one connection per thread: one thread for a single connection.
  BODY_FILE="$WORK/body-$ROWS.json" wrk -t"$((CONNS < 2 ? CONNS : 2))" -c"$CONNS" -d"$1s" -s "$HERE/post.lua" \
      "http://127.0.0.1:$PORT/v1/models/$MODEL:predict" | awk '/^Requests\/sec/ {print int($2)}'
}

start_server "$SERVER" "$@"
# Warm-up in two rounds: the JIT compiles the request path in the first, and when its connections close the JVM
# deoptimises the event loop's compiled code once (a path it had never taken) and compiles it again. With one
# round that recompilation fell in the measured window and added about 7% to a single row's CPU per request.
warm_up load "${WARMUP:-15}"
# shellcheck disable=SC2046
set -- $(server_pids)
mkdir -p "$WORK/raw"
t0="$(cpu_ticks "$@")"; c0="$(switches "$@")"; read -r i0 a0 < <(machine_ticks); times >"$WORK/raw/times-0.txt"
rps="$(load "$SECONDS_")"
t1="$(cpu_ticks "$@")"; c1="$(switches "$@")"; read -r i1 a1 < <(machine_ticks); times >"$WORK/raw/times-1.txt"
w0="$(children_seconds "$WORK/raw/times-0.txt")"; w1="$(children_seconds "$WORK/raw/times-1.txt")"
awk -v n="$SERVER $MODEL ${ROWS}row c$CONNS" -v r="$rps" -v t=$((t1 - t0)) -v c=$((c1 - c0)) -v d="$SECONDS_" \
    -v hz="$TICKS_PER_S" -v idle=$((i1 - i0)) -v all=$((a1 - a0)) -v w0="$w0" -v w1="$w1" \
    'BEGIN {server = t * 1e6 / hz / (r * d); wrk = (w1 - w0) * 1e6 / (r * d)
            printf "%s req/s=%d cpu_us/req=%.1f csw/req=%.2f wrk_cpu_us/req=%.1f per_wrk=%.2f idle=%.1f%%\n", n, r,
            server, c / (r * d), wrk, (wrk > 0 ? server / wrk : 0), 100 * idle / all}'
