#!/usr/bin/env bash
# Local QuakeGrid cluster on loopback: one redis-server and N silo processes.
#
#   deploy/local-cluster.sh start [N]   build the silo if needed, start Redis and N silos (default 2), return once
#                                       every silo's /health answers; the last line of stdout is the value for
#                                       `quakegrid --cluster`.
#   deploy/local-cluster.sh stop        stop everything it started (silos with SIGTERM, then Redis).
#   deploy/local-cluster.sh status      list what is running.
#
# Silo i (1..N) uses silo port 11110+i, gateway port 30000+i and HTTP port 8080+i; Redis uses $QUAKEGRID_REDIS_PORT
# (default 6380). PIDs go to deploy/.run/redis.pid and deploy/.run/silo-<i>.pid, logs beside them.
# Environment: QUAKEGRID_CLUSTER_ID (default quakegrid), QUAKEGRID_CONFIGURATION (default Release).
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUN="$ROOT/deploy/.run"
REDIS_PORT="${QUAKEGRID_REDIS_PORT:-6380}"
CLUSTER_ID="${QUAKEGRID_CLUSTER_ID:-quakegrid}"
CONFIGURATION="${QUAKEGRID_CONFIGURATION:-Release}"
SILO_DLL="$ROOT/silo/QuakeGrid.Silo/bin/$CONFIGURATION/net10.0/QuakeGrid.Silo.dll"

alive() { [ -s "$1" ] && kill -0 "$(cat "$1")" 2>/dev/null; }

stop_pid_file() {
  local file="$1" name="$2" pid
  [ -s "$file" ] || return 0
  pid="$(cat "$file")"
  if kill -0 "$pid" 2>/dev/null; then
    kill -TERM "$pid" 2>/dev/null || true
    for _ in $(seq 1 300); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
    if kill -0 "$pid" 2>/dev/null; then
      echo "$name (pid $pid) did not stop within 30 s of SIGTERM; sending SIGKILL" >&2
      kill -KILL "$pid" 2>/dev/null || true
    else
      echo "stopped $name (pid $pid)" >&2
    fi
  fi
  rm -f "$file"
}

cmd_stop() {
  shopt -s nullglob
  for f in "$RUN"/silo-*.pid; do stop_pid_file "$f" "$(basename "$f" .pid)"; done
  stop_pid_file "$RUN/redis.pid" "redis-server"
}

cmd_status() {
  shopt -s nullglob
  for f in "$RUN"/redis.pid "$RUN"/silo-*.pid; do
    if alive "$f"; then echo "$(basename "$f" .pid): running (pid $(cat "$f"))"; else echo "$(basename "$f" .pid): not running"; fi
  done
}

cmd_start() {
  local n="${1:-2}"
  [[ "$n" =~ ^[1-9][0-9]*$ ]] || { echo "usage: $0 start N   (N = number of silos, at least 1)" >&2; exit 2; }
  command -v redis-server >/dev/null || { echo "redis-server not found: install it (Debian: apt-get install redis-server)" >&2; exit 1; }
  command -v curl >/dev/null || { echo "curl not found: it is needed to wait for the silos' /health" >&2; exit 1; }
  mkdir -p "$RUN"
  if alive "$RUN/redis.pid" || compgen -G "$RUN/silo-*.pid" >/dev/null; then
    echo "a local cluster seems to be running (pid files in $RUN); run '$0 stop' first" >&2; exit 1
  fi

  if [ ! -f "$SILO_DLL" ]; then
    echo "building the silo ($CONFIGURATION)" >&2
    dotnet build "$ROOT/silo/QuakeGrid.Silo" -c "$CONFIGURATION" -nologo -v quiet >&2
  fi

  redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
    --pidfile "$RUN/redis.pid" --logfile "$RUN/redis.log" --dir "$RUN"
  for _ in $(seq 1 50); do [ -s "$RUN/redis.pid" ] && break; sleep 0.1; done
  alive "$RUN/redis.pid" || { echo "redis-server did not start; see $RUN/redis.log" >&2; exit 1; }
  echo "redis-server on 127.0.0.1:$REDIS_PORT (pid $(cat "$RUN/redis.pid"))" >&2

  for i in $(seq 1 "$n"); do
    QuakeGrid__Redis="127.0.0.1:$REDIS_PORT" QuakeGrid__ClusterId="$CLUSTER_ID" QuakeGrid__ServiceId="$CLUSTER_ID" \
    QuakeGrid__SiloPort=$((11110 + i)) QuakeGrid__GatewayPort=$((30000 + i)) QuakeGrid__HttpPort=$((8080 + i)) \
    QuakeGrid__AdvertisedIp=127.0.0.1 \
      nohup dotnet "$SILO_DLL" >"$RUN/silo-$i.log" 2>&1 &
    echo $! >"$RUN/silo-$i.pid"
    echo "silo-$i starting (pid $!, silo port $((11110 + i)), gateway $((30000 + i)), http $((8080 + i)))" >&2
  done

  for i in $(seq 1 "$n"); do
    local ok=0
    for _ in $(seq 1 600); do
      if ! alive "$RUN/silo-$i.pid"; then echo "silo-$i exited; see $RUN/silo-$i.log" >&2; tail -20 "$RUN/silo-$i.log" >&2; cmd_stop; exit 1; fi
      if curl -sf "http://127.0.0.1:$((8080 + i))/health" >/dev/null; then ok=1; break; fi
      sleep 0.2
    done
    [ "$ok" = 1 ] || { echo "silo-$i not healthy after 120 s; see $RUN/silo-$i.log" >&2; cmd_stop; exit 1; }
    echo "silo-$i ready" >&2
  done
  echo "cluster '$CLUSTER_ID' ready with $n silo(s); connect with: quakegrid --cluster 127.0.0.1:$REDIS_PORT" >&2
  echo "127.0.0.1:$REDIS_PORT"
}

case "${1:-}" in
  start) shift; cmd_start "$@" ;;
  stop) cmd_stop ;;
  status) cmd_status ;;
  *) echo "usage: $0 start [N] | stop | status" >&2; exit 2 ;;
esac
