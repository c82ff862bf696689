# Starts and stops the benchmark's servers; sourced by run.sh and cpu_per_request.sh.
# Needs: HERE (this folder), ROOT (the checkout), WORK (models/, body-1.json), PORT; PY (/usr/bin/python3).
# TRANSPORT, when set (auto, io_uring or epoll), is the socket implementation prodline and Netty alone run
# on; unset, each takes its default and no option is passed, so a LIB of a build without --transport still runs.
# start_server NAME [extra prodline serve options...] starts NAME in its own process group on $PORT, waits until
# both benchmark models answer, and sets SERVER_PID; server_pids lists the processes that do the serving (for CPU
# accounting); stop_server stops the group.
NPROC="$(nproc)"
PY="${PY:-/usr/bin/python3}"
LIB="${LIB:-$ROOT/prodline-app/target/dist/lib}"
SERVER_PID=""

start_server() {
  local name="$1"; shift
  local log="$WORK/raw/$name.log"
  mkdir -p "$WORK/raw"
  # A server left over from an interrupted run would answer in place of this one (whose bind fails), and every
  # figure would be that server's.
  if (exec 3<>"/dev/tcp/127.0.0.1/$PORT") 2>/dev/null; then
    echo "port $PORT is already in use (a server left over from an earlier run?); stop it or set PORT" >&2
    exit 1
  fi
  case "$name" in
    nginx)           # the HTTP floor: a fixed JSON body for every POST
      mkdir -p "$WORK/nginx"
      sed -e "s#__PORT__#$PORT#; s#__DIR__#$WORK/nginx#g; s#__WORKERS__#$NPROC#" "$HERE/nginx.conf" >"$WORK/nginx/nginx.conf"
      setsid nginx -c "$WORK/nginx/nginx.conf" -p "$WORK/nginx" >"$log" 2>&1 & ;;
    netty)           # the JVM's floor: Netty alone answering the same fixed body on its event loops
      # shellcheck disable=SC2086
      setsid java ${JAVA_OPTS:-} -cp "$LIB/*" "$HERE/NettyFloor.java" "$PORT" ${TRANSPORT:-} >"$log" 2>&1 & ;;
    prodline)        # defaults: no batching
      # shellcheck disable=SC2086
      setsid java ${JAVA_OPTS:-} -cp "$LIB/*" io.prodline.app.Main serve --models "$WORK/models" --host 127.0.0.1 \
          --rest-port "$PORT" --poll-seconds 0 ${TRANSPORT:+--transport "$TRANSPORT"} "$@" >"$log" 2>&1 & ;;
    prodline-batch2) # dynamic batching, up to 2 ms
      # shellcheck disable=SC2086
      setsid java ${JAVA_OPTS:-} -cp "$LIB/*" io.prodline.app.Main serve --models "$WORK/models" --host 127.0.0.1 \
          --rest-port "$PORT" --poll-seconds 0 ${TRANSPORT:+--transport "$TRANSPORT"} --batch-max-delay-ms 2 "$@" >"$log" 2>&1 & ;;
    flask)   # gunicorn's documented starting point: 2 x cores + 1 sync workers
      BENCH_MODELS="$WORK/models" setsid "$PY" /usr/bin/gunicorn -w $((2 * NPROC + 1)) -b "127.0.0.1:$PORT" \
          --chdir "$HERE" flask_app:app >"$log" 2>&1 & ;;
    fastapi) # one uvicorn worker per core, uvloop + httptools (uvicorn[standard]'s fast path)
      BENCH_MODELS="$WORK/models" setsid "$PY" -m uvicorn --workers "$NPROC" --host 127.0.0.1 --port "$PORT" \
          --loop uvloop --http httptools --no-access-log --log-level warning --app-dir "$HERE" fastapi_app:app \
          >"$log" 2>&1 & ;;
    *) echo "unknown server $name (nginx, netty, prodline, prodline-batch2, fastapi, flask)" >&2; return 2 ;;
  esac
  SERVER_PID=$!
  for _ in $(seq 120); do
    if curl -s -o /dev/null -X POST --data-binary @"$WORK/body-1.json" -H 'Content-Type: application/json' \
        "http://127.0.0.1:$PORT/v1/models/mlp:predict" && \
       curl -s -o /dev/null -X POST --data-binary @"$WORK/body-1.json" -H 'Content-Type: application/json' \
        "http://127.0.0.1:$PORT/v1/models/xgb:predict"; then return 0; fi
    sleep 0.5
  done
  echo "$name did not start; see $log" >&2; cat "$log" >&2; exit 1
}

# Every process of the server's group: the master and its workers (nginx, gunicorn, uvicorn) or the JVM.
server_pids() {
  pgrep -g "$SERVER_PID"
}

stop_server() {
  if [ -n "$SERVER_PID" ]; then
    kill -TERM -- "-$SERVER_PID" 2>/dev/null || true
    for _ in $(seq 50); do kill -0 "$SERVER_PID" 2>/dev/null || break; sleep 0.2; done
    kill -KILL -- "-$SERVER_PID" 2>/dev/null || true
    SERVER_PID=""
  fi
}

# CPU clock ticks (user + system) the given processes have used so far.
cpu_ticks() { local t=0 p; for p in "$@"; do t=$((t + $(awk '{print $14 + $15}' "/proc/$p/stat"))); done; echo "$t"; }

# warm_up LOAD SECONDS: runs the command LOAD (given a duration in seconds) twice, each for half of SECONDS. Two
# rounds, because the first round's end (its connections closing) makes the JVM recompile the event loop's code.
warm_up() { local load="$1" half=$(( ($2 + 1) / 2 )); "$load" "$half" >/dev/null; "$load" "$half" >/dev/null; }

