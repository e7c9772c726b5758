#!/usr/bin/env bash
# Stops the Redis server and silos started by deploy/local-cluster.sh.
set -euo pipefail
exec "$(dirname "$0")/local-cluster.sh" stop
