#!/usr/bin/env bash
# Where a server's latency tail comes from: the stalls behind it and what ran on the CPUs during each.
#
# Starts one server (servers.sh) on the benchmark models, warms it up with wrk, then runs wrk at the given
# connections while the kernel's scheduler trace (perf sched) records SECONDS of it, and reads from the trace every
# time wrk waited longer than STALL_MS for an answer: how many such waits there were among wrk's waits, and which
# other threads ran in each. wrk's percentiles count a stall many times over (it corrects for coordinated
# omission: a request answered after a stall of S stands for the S / mean-interval requests one connection would
# have sent meanwhile), so a few hundred stalls of a few milliseconds make a p99 of a millisecond at 1 connection.
#
# Usage: bench/serving/tail_stalls.sh WORK_DIR MODEL ROWS CONNECTIONS SECONDS
#        WORK_DIR as prepared by run.sh; MODEL xgb or mlp. Env: SERVER (prodline, default; netty, nginx, fastapi,
#        flask, prodline-batch2), STALL_MS (0.25), WARMUP (10 seconds, two rounds), PORT (18660), LIB, JAVA_OPTS.
# Needs: perf (Debian linux-perf) with the sched tracepoints, as root; wrk.
# Prints: wrk's own percentiles for the whole run, the stall count and share, the stalls' length in total and at
#         most, and per thread name (a trailing number and the ids left out) how many stalls it ran in and for how long.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
WORK="$1"; MODEL="$2"; ROWS="$3"; CONNS="$4"; SECONDS_="$5"
SERVER="${SERVER:-prodline}"
STALL_MS="${STALL_MS:-0.25}"
PORT="${PORT:-18660}"
# shellcheck source=servers.sh
. "$HERE/servers.sh"
trap stop_server EXIT
if [ "$(perf list 2>/dev/null | grep -c 'sched:sched_switch')" = 0 ]; then
  echo "perf cannot see the sched tracepoints here (install linux-perf and run as root)" >&2; exit 2
fi

url="http://127.0.0.1:$PORT/v1/models/$MODEL:predict"
threads=2; [ "$CONNS" -lt 2 ] && threads=1
load() { BODY_FILE="$WORK/body-$ROWS.json" wrk -t"$threads" -c"$CONNS" -d"$1s" --latency -s "$HERE/post.lua" "$url"; }
start_server "$SERVER"
warm_up load "${WARMUP:-10}"
trace="$WORK/raw/sched-$SERVER-$MODEL-$ROWS-c$CONNS.data"
load $((SECONDS_ + 2)) >"$WORK/raw/tail-$SERVER.txt" &
wrk_pid=$!
sleep 1   # past the new connections' first requests
perf sched record -o "$trace" -- sleep "$SECONDS_" >/dev/null 2>&1
wait "$wrk_pid"
stop_server

echo "$SERVER $MODEL ${ROWS} row(s), $CONNS connection(s): wrk $(awk '$1=="50%"||$1=="90%"||$1=="99%" {printf "p%s %s  ", substr($1, 1, length($1) - 1), $2}' \
    "$WORK/raw/tail-$SERVER.txt")max $(awk '/Latency / {print $4}' "$WORK/raw/tail-$SERVER.txt")"
# timehist columns: time, [cpu], task[tid/pid], wait ms (time off the CPU before this run), sch delay, run ms. A wrk
# wait is the time between two of its runs; what ran meanwhile on any CPU, other than wrk, the idle task and the
# server's threads doing their own work, is what took the time.
perf sched timehist -i "$trace" 2>/dev/null | awk -v stall="$STALL_MS" '
  NR > 3 {
    # A thread name may hold spaces ("C2 CompilerThre"), so the three figures are read from the end.
    t = $1 + 0; wait = $(NF - 2) + 0; task = $3
    for (f = 4; f <= NF - 3; f++) task = task " " $f
    sub(/\[.*/, "", task); sub(/[#\/:.-]?[0-9]+$/, "", task)
    n++; time[n] = t; name[n] = task; ran[n] = $NF + 0
    if (task == "wrk") { waits++; if (wait > stall) { stalls++; total += wait; if (wait > longest) longest = wait; from[stalls] = t - wait / 1000; to[stalls] = t } }
  }
  END {
    printf "wrk waited %d times in the trace; %d waits (%.2f%%) were longer than %s ms: %.1f ms in all, the longest %.2f ms\n", \
        waits, stalls, 100 * stalls / (waits ? waits : 1), stall, total, longest
    # A thread ran in a stall when its run [end - ran, end] overlaps it; no run is longer than a second.
    first = 1
    for (i = 1; i <= n; i++) {
      if (name[i] == "wrk" || name[i] == "<idle>") continue
      end = time[i]; start = end - ran[i] / 1000
      while (first <= stalls && to[first] < end - 1) first++
      for (s = first; s <= stalls && from[s] < end; s++) {
        overlap = (end < to[s] ? end : to[s]) - (start > from[s] ? start : from[s])
        if (overlap <= 0) continue
        key = name[i] SUBSEP s
        if (!(key in seen)) { seen[key]; in_stalls[name[i]]++ }
        ms[name[i]] += overlap * 1000
      }
    }
    print "threads that ran during the stalls (stalls they ran in, ms of the stalls they ran):"
    for (k in in_stalls) printf "  %-24s\t%5d\t%9.2f\n", k, in_stalls[k], ms[k] | "sort -t\"\t\" -k2,2nr"
  }'
