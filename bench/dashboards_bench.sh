#!/usr/bin/env bash
# Equity and helix dashboards benchmark (issue 15): imports ENTERPRISES generated enterprises of
# East Java (bench/make_enterprise_csv, through `gotong import`), then loads groups, stakeholders,
# programmes and RECORDS assistance records (bench/make_assistance_csv) with the equity triggers
# set aside, counts the tallies of V031 from scratch once (timed: that is also what the migration
# costs at this size), and measures the dashboards with bench/dashboards_bench. SQLite, then
# PostgreSQL when GOTONG_TEST_POSTGRES_URL is set (scripts/with-postgres.sh); the records reach
# PostgreSQL by COPY (psql \copy).
#   bench/dashboards_bench.sh [ENTERPRISES] [RECORDS]   (run by scripts/bench.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
enterprises=${1:-1000000}
records=${2:-2000000}
groups=${GOTONG_BENCH_GROUPS:-5000}
province=35
bin=build/release/gotong
work=$(mktemp -d /tmp/gotong-dashboards-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
export GOTONG_REGIONS_DIR="${GOTONG_REGIONS_DIR:-$PWD/node_modules/idn-area-data/data}"
requests=${GOTONG_BENCH_REQUESTS:-200}
now() { date +%s.%N; }
took() { echo "$(echo "$(now) - $1" | bc | cut -c1-6) s"; }

build/release/bench/make_enterprise_csv "$enterprises" "$GOTONG_REGIONS_DIR/villages.csv" "$work/e.csv"
build/release/bench/make_assistance_csv "$GOTONG_REGIONS_DIR/villages.csv" "$province" "$enterprises" \
  "$records" "$groups" "$work/setup.sql" "$work/a.csv"
recount="DELETE FROM equity_assistance_tallies; DELETE FROM equity_served_tallies;
INSERT INTO equity_assistance_tallies (dim, value, month, kind, helix, records, total)
  SELECT dim, value, month, kind, helix, records, total FROM equity_assistance_recount;
INSERT INTO equity_served_tallies (dim, scope, value, recipient, n)
  SELECT dim, scope, value, recipient, n FROM equity_served_recount;"
columns="provider_id, enterprise_id, group_id, programme_id, kind, value, given_on, created_at, updated_at"

db="$work/dash.db"
"$bin" migrate --database "sqlite:$db" >/dev/null
start=$(now)
"$bin" import enterprises "$work/e.csv" --database "sqlite:$db" >/dev/null
echo "sqlite: import of $enterprises enterprises (with the equity tallies counted at its end): $(took "$start")"
sqlite3 "$db" < "$work/setup.sql"
# The triggers on assistance are set aside for the load and put back after it.
sqlite3 "$db" "SELECT sql || ';' FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'assistance'" > "$work/triggers.sql"
sqlite3 "$db" "SELECT 'DROP TRIGGER ' || name || ';' FROM sqlite_master WHERE type = 'trigger' AND tbl_name = 'assistance'" | sqlite3 "$db"
start=$(now)
sqlite3 "$db" -cmd ".mode csv" \
  "CREATE TABLE staged (provider, enterprise, grp, programme, kind, value, given_on, created_at, updated_at)" \
  ".import $work/a.csv staged" \
  "INSERT INTO assistance ($columns) SELECT provider, NULLIF(enterprise, ''), NULLIF(grp, ''), NULLIF(programme, ''),
     kind, CAST(value AS INTEGER), given_on, created_at, updated_at FROM staged; DROP TABLE staged;"
echo "sqlite: load of $records assistance records: $(took "$start")"
sqlite3 "$db" < "$work/triggers.sql"
start=$(now)
sqlite3 "$db" "BEGIN; $recount COMMIT;"
echo "sqlite: the equity tallies counted from scratch: $(took "$start")"
sqlite3 "$db" "ANALYZE"
sqlite3 "$db" "SELECT 'tallies: ' || (SELECT COUNT(*) FROM equity_enterprise_tallies) || ' enterprise, ' ||
  (SELECT COUNT(*) FROM equity_assistance_tallies) || ' assistance, ' || (SELECT COUNT(*) FROM equity_served_tallies) || ' served rows'"
echo "sqlite:"
build/release/bench/dashboards_bench "sqlite:$db" "$province" "$requests"
rm -f "$db"

if [ -n "${GOTONG_TEST_POSTGRES_URL:-}" ]; then
  url=$GOTONG_TEST_POSTGRES_URL
  psql -q "$url" -c "DROP DATABASE IF EXISTS bench_dashboards" -c "CREATE DATABASE bench_dashboards" >/dev/null
  base=${url%/*}
  pg="$base/bench_dashboards"
  "$bin" migrate --database "$pg" >/dev/null
  start=$(now)
  "$bin" import enterprises "$work/e.csv" --database "$pg" >/dev/null
  echo "postgresql: import of $enterprises enterprises: $(took "$start")"
  psql -q -v ON_ERROR_STOP=1 "$pg" -f "$work/setup.sql" >/dev/null
  start=$(now)
  psql -q -v ON_ERROR_STOP=1 "$pg" -c "ALTER TABLE assistance DISABLE TRIGGER USER" \
    -c "\\copy assistance ($columns) FROM '$work/a.csv' WITH (FORMAT csv)" \
    -c "ALTER TABLE assistance ENABLE TRIGGER USER" >/dev/null
  echo "postgresql: COPY of $records assistance records: $(took "$start")"
  start=$(now)
  psql -q -v ON_ERROR_STOP=1 "$pg" -c "BEGIN; $recount COMMIT;" >/dev/null
  echo "postgresql: the equity tallies counted from scratch: $(took "$start")"
  psql -q "$pg" -c "VACUUM ANALYZE" >/dev/null
  echo "postgresql:"
  build/release/bench/dashboards_bench "$pg" "$province" "$requests"
fi
