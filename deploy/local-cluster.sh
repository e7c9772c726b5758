#!/usr/bin/env bash
# Local QuakeGrid cluster on loopback: one redis-server and N silo processes.
#
#   deploy/local-cluster.sh start [N]   build the silo if needed, start Redis and N silos (default 2), return once
#                                       every silo's /health answers; the last line of stdout is the value for
#                                       `quakegrid --cluster`.
#   deploy/local-cluster.sh stop        stop everything it started (silos with SIGTERM, then Redis).
#   deploy/local-cluster.sh stop-silos  stop the silos only (SIGTERM), keeping Redis and so the grain state: a later
#                                       `start N` reuses that Redis (a whole-cluster restart).
#   deploy/local-cluster.sh status      list what is running.
#
# Silo i (1..N) uses silo port $SILO_BASE+i, gateway port $GATEWAY_BASE+i and HTTP port $HTTP_BASE+i (defaults 11110,
# 30000, 8080); Redis uses $QUAKEGRID_REDIS_PORT (default 6380). PIDs go to $RUN/redis.pid and $RUN/silo-<i>.pid, logs
# beside them ($RUN = deploy/.run unless QUAKEGRID_RUN_DIR is set).
# Environment: QUAKEGRID_CLUSTER_ID (default quakegrid), QUAKEGRID_CONFIGURATION (default Release), QUAKEGRID_SILO_DLL
# (default: the silo's build output), QUAKEGRID_REDIS (host:port of a Redis to use instead of starting one; `stop`
# leaves it running), QUAKEGRID_SILO_PORT_BASE, QUAKEGRID_GATEWAY_PORT_BASE, QUAKEGRID_HTTP_PORT_BASE. Other
# QuakeGrid__* variables (e.g. QuakeGrid__ProbeTimeoutSeconds) pass through to the silos.
set -euo pipefail

ROOT="$(cd "$(dirname "$0")/.." && pwd)"
RUN="${QUAKEGRID_RUN_DIR:-$ROOT/deploy/.run}"
REDIS_PORT="${QUAKEGRID_REDIS_PORT:-6380}"
CLUSTER_ID="${QUAKEGRID_CLUSTER_ID:-quakegrid}"
CONFIGURATION="${QUAKEGRID_CONFIGURATION:-Release}"
SILO_DLL="${QUAKEGRID_SILO_DLL:-$ROOT/silo/QuakeGrid.Silo/bin/$CONFIGURATION/net10.0/QuakeGrid.Silo.dll}"
SILO_BASE="${QUAKEGRID_SILO_PORT_BASE:-11110}"
GATEWAY_BASE="${QUAKEGRID_GATEWAY_PORT_BASE:-30000}"
HTTP_BASE="${QUAKEGRID_HTTP_PORT_BASE:-8080}"

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

cmd_stop_silos() {
  shopt -s nullglob
  for f in "$RUN"/silo-*.pid; do stop_pid_file "$f" "$(basename "$f" .pid)"; done
}

cmd_stop() {
  cmd_stop_silos
  stop_pid_file "$RUN/redis.pid" "redis-server"
  rm -f "$RUN/redis.conn"
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
  local silos_alive=0
  shopt -s nullglob
  for f in "$RUN"/silo-*.pid; do if alive "$f"; then silos_alive=1; else rm -f "$f"; fi; done
  shopt -u nullglob
  if [ "$silos_alive" = 1 ]; then
    echo "silos of a local cluster are running (pid files in $RUN); run '$0 stop' or '$0 stop-silos' first" >&2; exit 1
  fi

  if [ ! -f "$SILO_DLL" ]; then
    echo "building the silo ($CONFIGURATION)" >&2
    dotnet build "$ROOT/silo/QuakeGrid.Silo" -c "$CONFIGURATION" -nologo -v quiet >&2
  fi

  local redis
  if [ -n "${QUAKEGRID_REDIS:-}" ]; then
    redis="$QUAKEGRID_REDIS"
    echo "using the Redis at $redis (not started here, left running by stop)" >&2
  elif alive "$RUN/redis.pid" && [ -s "$RUN/redis.conn" ]; then
    redis="$(cat "$RUN/redis.conn")"
    echo "keeping redis-server on $redis (pid $(cat "$RUN/redis.pid")) and its grain state" >&2
  else
    command -v redis-server >/dev/null || { echo "redis-server not found: install it (Debian: apt-get install redis-server)" >&2; exit 1; }
    redis-server --port "$REDIS_PORT" --bind 127.0.0.1 --save "" --appendonly no --daemonize yes \
      --pidfile "$RUN/redis.pid" --logfile "$RUN/redis.log" --dir "$RUN"
    for _ in $(seq 1 50); do [ -s "$RUN/redis.pid" ] && break; sleep 0.1; done
    alive "$RUN/redis.pid" || { echo "redis-server did not start; see $RUN/redis.log" >&2; exit 1; }
    redis="127.0.0.1:$REDIS_PORT"
    echo "$redis" >"$RUN/redis.conn"
    echo "redis-server on $redis (pid $(cat "$RUN/redis.pid"))" >&2
  fi

  for i in $(seq 1 "$n"); do
    QuakeGrid__Redis="$redis" QuakeGrid__ClusterId="$CLUSTER_ID" QuakeGrid__ServiceId="$CLUSTER_ID" \
    QuakeGrid__SiloPort=$((SILO_BASE + i)) QuakeGrid__GatewayPort=$((GATEWAY_BASE + i)) QuakeGrid__HttpPort=$((HTTP_BASE + i)) \
    QuakeGrid__AdvertisedIp=127.0.0.1 \
      nohup dotnet "$SILO_DLL" >"$RUN/silo-$i.log" 2>&1 &
    echo $! >"$RUN/silo-$i.pid"
    echo "silo-$i starting (pid $!, silo port $((SILO_BASE + i)), gateway $((GATEWAY_BASE + i)), http $((HTTP_BASE + i)))" >&2
  done

  for i in $(seq 1 "$n"); do
    local ok=0
    for _ in $(seq 1 600); do
      if ! alive "$RUN/silo-$i.pid"; then echo "silo-$i exited; see $RUN/silo-$i.log" >&2; tail -20 "$RUN/silo-$i.log" >&2; cmd_stop; exit 1; fi
      if curl -sf "http://127.0.0.1:$((HTTP_BASE + i))/health" >/dev/null; then ok=1; break; fi
      sleep 0.2
    done
    [ "$ok" = 1 ] || { echo "silo-$i not healthy after 120 s; see $RUN/silo-$i.log" >&2; cmd_stop; exit 1; }
    echo "silo-$i ready" >&2
  done
  echo "cluster '$CLUSTER_ID' ready with $n silo(s); connect with: quakegrid --cluster $redis" >&2
  echo "$redis"
}

case "${1:-}" in
  start) shift; cmd_start "$@" ;;
  stop) cmd_stop ;;
  stop-silos) cmd_stop_silos ;;
  status) cmd_status ;;
  *) echo "usage: $0 start [N] | stop | stop-silos | status" >&2; exit 2 ;;
esac
