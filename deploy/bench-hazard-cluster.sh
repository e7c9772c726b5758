#!/usr/bin/env bash
# Timing of the Nepal event-based demo (or, with the argument `classical`, a classical job on the same source model: the
# demo's job.ini with calculation_mode = classical, 20 levels per IMT, no event sets or correlation, written to the scratch
# folder) three ways, interleaved twice: in this process (--in-process), on the embedded
# silo (default), and on 2 silo processes started with deploy/local-cluster.sh plus the CLI as a client (--cluster).
# Prints each run's "computed in" line and the work-item call/simulation times, then checks that the curve CSVs of the
# three runs are byte-identical. Figures: docs/benchmarks.md, "Distributed hazard". Build first:
#   dotnet build client/QuakeGrid.Cli -c Release && dotnet build silo/QuakeGrid.Silo -c Release
# Uses its own run folder, Redis port and silo ports (override with the local-cluster.sh variables).
set -u
ROOT="$(cd "$(dirname "$0")/.." && pwd)"
cd "$ROOT"
Q="dotnet client/QuakeGrid.Cli/bin/Release/net10.0/quakegrid.dll"
MODE="${1:-event_based}"
OUT="${TMPDIR:-/tmp}/quakegrid-bench-hazard"
JOB=(--demo)
if [ "$MODE" = classical ]; then
  OUT="$OUT-classical"
  mkdir -p "$OUT/job"
  cp samples/nepal/*.xml samples/nepal/sites_0.1deg.csv "$OUT/job/"
  sed -e 's/^calculation_mode = .*/calculation_mode = classical/' -e '/^ses_per_logic_tree_path/d' -e '/^random_seed/d' \
      -e '/^ses_seed/d' -e '/^ground_motion_correlation/d' \
      -e 's/^description = .*/description = Nepal classical (demo source model and sites, BSSA14)/' \
      -e "s/^intensity_measure_types_and_levels = .*/intensity_measure_types_and_levels = {'PGA': logscale(0.005, 3.0, 20), 'SA(0.3)': logscale(0.005, 5.0, 20)}/" \
      samples/nepal/job.ini > "$OUT/job/job.ini"
  JOB=("$OUT/job/job.ini")
elif [ "$MODE" != event_based ]; then
  echo "usage: $0 [event_based | classical]" >&2; exit 2
fi
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
    $Q hazard "${JOB[@]}" "${args[@]}" --output "$OUT/out-$mode" >"$log" 2>&1 || { echo "$mode run failed; see $log" >&2; exit 1; }
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
