#!/usr/bin/env bash
# Load run against the real server: a bare net/http handler (the ceiling),
# then role JSON, role page and title resolution, each with wrk at the same
# connection count. The servers are pinned to the first CPU and wrk to the
# second, so the load generator never competes with what it measures and
# each server has one core (GOMAXPROCS follows the affinity). Needs wrk
# (Debian package "wrk") and taskset (util-linux).
#   scripts/load.sh [connections=32] [seconds=10]
set -euo pipefail
cd "$(dirname "$0")/.."
conns=${1:-32}
secs=${2:-10}
command -v wrk >/dev/null || { echo "wrk not found: apt-get install wrk" >&2; exit 1; }
command -v taskset >/dev/null || { echo "taskset not found: apt-get install util-linux" >&2; exit 1; }
[ "$(nproc)" -ge 2 ] || { echo "needs two CPUs: one for the servers, one for wrk" >&2; exit 1; }

tmp=$(mktemp -d)
trap 'kill $(jobs -p) 2>/dev/null || true; rm -rf "$tmp"' EXIT
go build -o "$tmp/hirebase" ./cmd/hirebase
go build -o "$tmp/barehttp" ./cmd/barehttp

# The per-address API allowance is lifted: one load generator is one
# address, and the run measures serving, not refusing.
taskset -c 0 "$tmp/hirebase" serve --db "$tmp/load.db" --addr 127.0.0.1:18080 --log-level warn \
  --api-requests-per-minute 1000000000 --estimates-per-minute 1000000000 &
taskset -c 0 "$tmp/barehttp" --addr 127.0.0.1:18081 &
for _ in $(seq 1 100); do
  curl -fs http://127.0.0.1:18080/readyz >/dev/null 2>&1 && curl -fs http://127.0.0.1:18081/ >/dev/null 2>&1 && break
  sleep 0.1
done

run() {
  local name=$1 url=$2; shift 2
  # One warm-up second, then the measured run.
  taskset -c 1 wrk -t1 -c"$conns" -d1s "$@" "$url" >/dev/null
  local out
  out=$(taskset -c 1 wrk -t1 -c"$conns" -d"${secs}s" --latency "$@" "$url")
  local rps p50 p99
  rps=$(awk '/Requests\/sec/ {print $2}' <<<"$out")
  p50=$(awk '$1=="50%" {print $2}' <<<"$out")
  p99=$(awk '$1=="99%" {print $2}' <<<"$out")
  printf '%-28s %12s req/s   p50 %-9s p99 %s\n' "$name" "$rps" "$p50" "$p99"
}

echo "wrk -t1 -c$conns -d${secs}s on CPU 1, servers on CPU 0 ($(nproc) cores), $(date -u +%Y-%m-%d)"
run "bare net/http (ceiling)" http://127.0.0.1:18081/
run "GET /api/v1/roles/{slug}" http://127.0.0.1:18080/api/v1/roles/back-end-developer
run "GET /api/v1/roles/{slug} (gzip)" http://127.0.0.1:18080/api/v1/roles/back-end-developer -H "Accept-Encoding: gzip"
run "GET /roles/{slug} (gzip)" http://127.0.0.1:18080/roles/back-end-developer -H "Accept-Encoding: gzip"
run "GET /roles/{slug} (plain)" http://127.0.0.1:18080/roles/back-end-developer
run "GET /api/v1/titles/resolve" "http://127.0.0.1:18080/api/v1/titles/resolve?q=Sr.%20Desarrollador%20Backend%20(Remote)"
run "bare net/http (again)" http://127.0.0.1:18081/
