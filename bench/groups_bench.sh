#!/usr/bin/env bash
# Groups benchmark (issue 4): a group with 50 members and five years of weekly meetings and
# ledger entries, and 40,000 groups of East Java with a year of meetings, loaded as SQL into
# SQLite and (with GOTONG_TEST_POSTGRES_URL) PostgreSQL; then bench/groups_bench measures a
# group's pages (target p95 <= 50 ms) and the province's compliance table (<= 1 s).
#   bench/groups_bench.sh [GROUPS]   (run by scripts/bench.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
groups=${1:-40000}
province=35
bin=build/release/gotong
work=$(mktemp -d /tmp/gotong-groups-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
export GOTONG_REGIONS_DIR="${GOTONG_REGIONS_DIR:-$PWD/node_modules/idn-area-data/data}"
requests=${GOTONG_BENCH_REQUESTS:-100}

build/release/bench/make_groups_sql "$GOTONG_REGIONS_DIR/villages.csv" "$province" "$groups" "$work/groups.sql"

"$bin" migrate --database "sqlite:$work/groups.db" >/dev/null
sqlite3 "$work/groups.db" < "$work/groups.sql"
sqlite3 "$work/groups.db" "ANALYZE"
echo "sqlite:"
build/release/bench/groups_bench "sqlite:$work/groups.db" "$province" "$requests"

if [ -n "${GOTONG_TEST_POSTGRES_URL:-}" ]; then
  url=$GOTONG_TEST_POSTGRES_URL
  psql -q "$url" -c "DROP DATABASE IF EXISTS bench_groups" -c "CREATE DATABASE bench_groups" >/dev/null
  base=${url%/*}
  "$bin" migrate --database "$base/bench_groups" >/dev/null
  psql -q -v ON_ERROR_STOP=1 "$base/bench_groups" -f "$work/groups.sql" >/dev/null
  psql -q "$base/bench_groups" -c "VACUUM ANALYZE" >/dev/null
  echo "postgresql:"
  build/release/bench/groups_bench "$base/bench_groups" "$province" "$requests"
fi
