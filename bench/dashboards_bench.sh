#!/usr/bin/env bash
# Equity and helix dashboards benchmark (issue 15): imports ENTERPRISES generated enterprises of
# East Java (bench/make_enterprise_csv, through `gotong import`), then loads groups, stakeholders,
# programmes and RECORDS assistance records (bench/make_assistance_csv) with the equity triggers
# set aside, counts the tallies of V031 and the records of V035 from scratch once (timed: that is
# also what the migrations cost at this size), and measures the dashboards with
# bench/dashboards_bench, then targeting's candidates and round freezing with
# bench/targeting_bench over the same data. SQLite, then
# PostgreSQL when GOTONG_TEST_POSTGRES_URL is set (scripts/with-postgres.sh); the records reach
# PostgreSQL by COPY (psql \copy).
#   bench/dashboards_bench.sh [ENTERPRISES] [RECORDS]   (run by scripts/bench.sh)
# GOTONG_BENCH_BACKENDS=postgresql skips SQLite (and sqlite the other), e.g. to measure one again.
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
recount="DELETE FROM equity_assistance_tallies; DELETE FROM equity_served_tallies; DELETE FROM equity_records;
INSERT INTO equity_records (given_on, id, kind, helix, programme_id, recipient, recipient_id, village_code, sector,
    scale, gender, value)
  SELECT given_on, id, kind, helix, programme_id, recipient, recipient_id, village_code, sector, scale, gender, value
  FROM equity_records_recount;
INSERT INTO equity_assistance_tallies (dim, value, month, kind, helix, records, total)
  SELECT dim, value, month, kind, helix, records, total FROM equity_assistance_recount;
INSERT INTO equity_served_tallies (dim, scope, value, recipient, n)
  SELECT dim, scope, value, recipient, n FROM equity_served_recount;"
columns="provider_id, enterprise_id, group_id, programme_id, kind, value, given_on, created_at, updated_at"
# Targeting (bench/targeting_bench): what the ledger's writes keep per recipient, counted once; the
# households of one owner in twenty marked poor and one in fifty zakat recipients; programme 9001
# for the micro businesses of the whole province, 9002 for those of its first regency.
targeting="DELETE FROM assistance_received;
INSERT INTO assistance_received (enterprise_id, group_id, assistance_count, assistance_value, providers, last_on)
  SELECT enterprise_id, NULL, COUNT(*), SUM(value), COUNT(DISTINCT provider_id), MAX(given_on)
  FROM assistance WHERE enterprise_id IS NOT NULL GROUP BY enterprise_id;
INSERT INTO assistance_received (enterprise_id, group_id, assistance_count, assistance_value, providers, last_on)
  SELECT NULL, group_id, COUNT(*), SUM(value), COUNT(DISTINCT provider_id), MAX(given_on)
  FROM assistance WHERE group_id IS NOT NULL GROUP BY group_id;
INSERT INTO household_categories (person_id, category, source, created_at)
  SELECT id, 'poor', 'DTKS', '2024-01-01T00:00:00Z' FROM people WHERE id % 20 = 3;
INSERT INTO household_categories (person_id, category, source, created_at)
  SELECT id, 'zakat_recipient', 'BAZNAS', '2024-01-01T00:00:00Z' FROM people WHERE id % 50 = 7;
INSERT INTO programmes (id, name, search_name, owner_id, status, starts_on, ends_on, capital_access, human_resources,
  partnership, market_strengthening, sop_meetings_per_month, sop_reports_per_year, budget, follow_up_months,
  created_at, updated_at) VALUES
  (9001, 'Bench targeting province', 'bench targeting province', 1, 'active', '2024-01-01', '2025-12-31', 1, 0, 0, 0,
   1, 0, 0, '', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z'),
  (9002, 'Bench targeting regency', 'bench targeting regency', 1, 'active', '2024-01-01', '2025-12-31', 1, 0, 0, 0,
   1, 0, 0, '', '2024-01-01T00:00:00Z', '2024-01-01T00:00:00Z');
INSERT INTO programme_partners (programme_id, stakeholder_id, role, helix, position) VALUES
  (9001, 1, 'owner', 'government', 0), (9002, 1, 'owner', 'government', 0);
INSERT INTO programme_criteria (programme_id, kind, value) VALUES (9001, 'region', '$province'), (9001, 'scale', 'micro'),
  (9002, 'region', (SELECT MIN(SUBSTR(village_code, 1, 5)) FROM enterprises)), (9002, 'scale', 'micro');"
targeting_requests=${GOTONG_BENCH_TARGETING_REQUESTS:-50}

backends=${GOTONG_BENCH_BACKENDS:-sqlite postgresql}

db="$work/dash.db"
if [[ " $backends " == *" sqlite "* ]]; then
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
  start=$(now)
  sqlite3 "$db" "BEGIN; $targeting COMMIT;"
  echo "sqlite: targeting's per-recipient summary counted and its programmes added: $(took "$start")"
  sqlite3 "$db" "ANALYZE"
  sqlite3 "$db" "SELECT 'tallies: ' || (SELECT COUNT(*) FROM equity_enterprise_tallies) || ' enterprise, ' ||
    (SELECT COUNT(*) FROM equity_assistance_tallies) || ' assistance, ' || (SELECT COUNT(*) FROM equity_served_tallies) || ' served rows'"
  echo "sqlite:"
  build/release/bench/dashboards_bench "sqlite:$db" "$province" "$requests"
  build/release/bench/targeting_bench "sqlite:$db" "$targeting_requests"
  rm -f "$db"
fi

if [ -n "${GOTONG_TEST_POSTGRES_URL:-}" ] && [[ " $backends " == *" postgresql "* ]]; then
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
  start=$(now)
  psql -q -v ON_ERROR_STOP=1 "$pg" -c "BEGIN; $targeting COMMIT;" >/dev/null
  echo "postgresql: targeting's per-recipient summary counted and its programmes added: $(took "$start")"
  psql -q "$pg" -c "VACUUM ANALYZE" >/dev/null
  echo "postgresql:"
  build/release/bench/dashboards_bench "$pg" "$province" "$requests"
  build/release/bench/targeting_bench "$pg" "$targeting_requests"
fi
