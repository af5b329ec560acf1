#!/usr/bin/env bash
# HTTP benchmark (issue 11): gotong serve over real sockets, driven by wrk, against references
# measured in the same run:
#   1. GET /api/v1/health: gotong (answered on its I/O threads) against bench/bare_server, a bare
#      Beast coroutine server answering the same bytes (target: gotong >= 0.5x of bare);
#   2. an authenticated list page of the Batu demo registry: gotong over HTTP against the same
#      request made in process by bench/list_throughput with as many threads as gotong has
#      workers (target: the server's own overhead <= 20%).
# Both backends: SQLite, and PostgreSQL when GOTONG_TEST_POSTGRES_URL is set.
#   bench/http_bench.sh   (run by scripts/bench.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
bin=build/release/gotong
work=$(mktemp -d /tmp/gotong-http-bench-XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  rm -rf "$work"
}
trap cleanup EXIT
export GOTONG_REGIONS_DIR="${GOTONG_REGIONS_DIR:-$PWD/node_modules/idn-area-data/data}"
seconds=${GOTONG_BENCH_HTTP_SECONDS:-10}
threads=${GOTONG_THREADS:-4}
workers=${GOTONG_DB_POOL:-8}
list_target="/api/v1/enterprises?region=35.79&limit=50"

# Starts CMD in the background with its output in FILE; waits for "listening on URL"; echoes URL.
start_server() {
  local file=$1
  shift
  "$@" >"$file" 2>"$file.err" &
  pids+=($!)
  for _ in $(seq 1 300); do
    if grep -q "listening on" "$file"; then
      grep -o 'http://[0-9.:]*' "$file" | head -n 1
      return 0
    fi
    sleep 0.1
  done
  echo "http_bench: $* did not start:" >&2
  cat "$file" "$file.err" >&2
  exit 1
}

rps() { awk '/^Requests\/sec:/ {print $2}'; }
ratio() { printf '%.2f' "$(echo "scale=6; $1 / $2" | bc)"; }

run_backend() {
  local name=$1 url=$2
  echo "== $name"
  "$bin" migrate --database "$url" >/dev/null
  "$bin" demo --database "$url" >/dev/null
  printf 'a long bench password\n' | "$bin" user add http-bench --role admin --database "$url" >/dev/null
  local token
  token=$("$bin" user token http-bench --name "http bench" --database "$url")

  local server
  server=$(start_server "$work/$name-serve.log" "$bin" serve --database "$url" --listen 127.0.0.1:0 \
             --threads "$threads" --db-pool "$workers" --web-root "")
  local health
  health=$(curl -sf "$server/api/v1/health")
  local bare
  bare=$(start_server "$work/$name-bare.log" build/release/bench/bare_server 0 "$threads" "$health")

  wrk -t2 -c64 -d"${seconds}s" "$server/api/v1/health" >/dev/null  # warm-up
  local gotong_health bare_health
  gotong_health=$(wrk -t2 -c64 -d"${seconds}s" "$server/api/v1/health" | rps)
  bare_health=$(wrk -t2 -c64 -d"${seconds}s" "$bare/" | rps)

  curl -sf -H "Authorization: Bearer $token" "$server$list_target" >/dev/null
  local http_list
  http_list=$(wrk -t2 -c"$workers" -d"${seconds}s" -H "Authorization: Bearer $token" \
                "$server$list_target" | rps)
  kill "${pids[@]}" 2>/dev/null || true
  wait 2>/dev/null || true
  pids=()
  local inprocess_list
  inprocess_list=$(build/release/bench/list_throughput "$url" "$list_target" "$workers" "$seconds")

  local health_ratio overhead
  health_ratio=$(ratio "$gotong_health" "$bare_health")
  overhead=$(printf '%.1f' "$(echo "scale=6; (1 - $http_list / $inprocess_list) * 100" | bc)")
  echo "| $name | health: gotong $gotong_health req/s, bare Beast $bare_health req/s | ${health_ratio}x (target >= 0.5x) |"
  echo "| $name | list $list_target: HTTP $http_list req/s, in process $inprocess_list req/s | overhead ${overhead}% (target <= 20%) |"
}

run_backend sqlite "sqlite:$work/http.db"
if [ -n "${GOTONG_TEST_POSTGRES_URL:-}" ]; then
  base=${GOTONG_TEST_POSTGRES_URL%/*}
  psql -q "$GOTONG_TEST_POSTGRES_URL" -c "DROP DATABASE IF EXISTS bench_http" -c "CREATE DATABASE bench_http" >/dev/null
  run_backend postgresql "$base/bench_http"
fi
