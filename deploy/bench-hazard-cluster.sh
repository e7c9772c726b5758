#!/usr/bin/env bash
# Timing of the Nepal event-based demo three ways, interleaved twice: in this process (--in-process), on the embedded
# silo (default), and on 2 silo processes started with deploy/local-cluster.sh plus the CLI as a client (--cluster).
# Prints each run's "computed in" line and the work-item call/simulation times, then checks that the curve CSVs of the
# three runs are byte-identical. Figures: docs/benchmarks.md, "Distributed hazard". Build first:
#   dotnet build client/QuakeGrid.Cli -c Release && dotnet build silo/QuakeGrid.Silo -c Release
# Uses its own run folder, Redis port and silo ports (override with the local-cluster.sh variables).
set -u
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
Q="dotnet client/QuakeGrid.Cli/bin/Release/net10.0/quakegrid.dll"
OUT="${TMPDIR:-/tmp}/quakegrid-bench-hazard"
export QUAKEGRID_RUN_DIR="${QUAKEGRID_RUN_DIR:-$OUT/cluster}" QUAKEGRID_REDIS_PORT="${QUAKEGRID_REDIS_PORT:-6473}"
export QUAKEGRID_SILO_PORT_BASE="${QUAKEGRID_SILO_PORT_BASE:-21210}" QUAKEGRID_GATEWAY_PORT_BASE="${QUAKEGRID_GATEWAY_PORT_BASE:-32100}"
export QUAKEGRID_HTTP_PORT_BASE="${QUAKEGRID_HTTP_PORT_BASE:-18180}"
mkdir -p "$OUT"
REDIS=$(deploy/local-cluster.sh start 2 2>/dev/null | tail -1) || { echo "local-cluster.sh start 2 failed" >&2; exit 1; }
trap 'deploy/local-cluster.sh stop 2>/dev/null' EXIT
echo "cluster at $REDIS; load average $(cut -d' ' -f1-3 /proc/loadavg)"
for round in 1 2; do
  for mode in inproc embedded cluster; do
    case $mode in
      inproc) args=(--in-process) ;;
      embedded) args=() ;;
      cluster) args=(--cluster "$REDIS") ;;
    esac
    log="$OUT/$mode-$round.log"
    start=$(date +%s.%N)
    $Q hazard --demo "${args[@]}" --output "$OUT/out-$mode" >"$log" 2>&1 || { echo "$mode run failed; see $log" >&2; exit 1; }
    end=$(date +%s.%N)
    echo "round $round $mode: wall $(echo "$end - $start" | bc) s; $(grep -A1 'sites computed in' "$log" | tr '\n' ' ' | sed 's/  */ /g')"
    grep -A1 'work items:' "$log" | tr '\n' ' ' | sed 's/  */ /g'; echo
  done
done
echo "load average $(cut -d' ' -f1-3 /proc/loadavg)"
for k in PGA "SA(0.3)"; do
  cmp "$OUT/out-inproc/hazard_curve-$k.csv" "$OUT/out-embedded/hazard_curve-$k.csv" &&
    cmp "$OUT/out-inproc/hazard_curve-$k.csv" "$OUT/out-cluster/hazard_curve-$k.csv" && echo "identical $k curves in all three runs"
done
