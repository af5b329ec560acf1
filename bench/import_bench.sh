#!/usr/bin/env bash
# Import benchmark (issue 3): a generated 1,000,000-row enterprise CSV into SQLite against
# `sqlite3 .import` of the same file into a bare table, and into PostgreSQL against psql's
# `\copy`, measured in the same run and printed as ratios, with gotong's peak memory. Each
# registry so filled is then measured by bench/registry_bench (list, search, drill-down p95).
#   bench/import_bench.sh [ROWS]   (run by scripts/bench.sh; PostgreSQL part needs GOTONG_TEST_POSTGRES_URL)
set -euo pipefail
cd "$(dirname "$0")/.."
rows=${1:-1000000}
bin=build/release/gotong
work=$(mktemp -d /tmp/gotong-import-bench-XXXXXX)
trap 'rm -rf "$work"' EXIT
export GOTONG_REGIONS_DIR="${GOTONG_REGIONS_DIR:-$PWD/node_modules/idn-area-data/data}"

build/release/bench/make_enterprise_csv "$rows" "$GOTONG_REGIONS_DIR/villages.csv" "$work/e.csv"
echo "input: $rows rows, $(du -m "$work/e.csv" | cut -f1) MB"

seconds() { local start=$1 end=$2; echo "scale=2; ($end - $start) / 1000000000" | bc; }

# Starts gotong's bulk import of the file into database $1 and kills it once the first batch is
# written: the registry's secondary indexes, triggers (and, on PostgreSQL, foreign keys) are
# then set aside and the statements that restore them wait in suspended_indexes.
suspend_only() {
  "$bin" import enterprises "$work/e.csv" --database "$1" >"$work/suspend.log" 2>&1 &
  local pid=$!
  until grep -q "%" "$work/suspend.log" 2>/dev/null; do sleep 0.05; done
  kill -9 "$pid"
  wait "$pid" 2>/dev/null || true
}
floor_note() { [ "$1" -gt 0 ] || echo " (not a floor: the file is below the bulk-load size, nothing was set aside)"; }

start=$(date +%s%N)
sqlite3 "$work/ref.db" -cmd ".mode csv" -cmd ".separator ;" ".import $work/e.csv t"
ref=$(seconds "$start" "$(date +%s%N)")

# A second reference: the same bare table given indexes like the registry's (its area, name,
# match key, owner, turnover, NIB, the people's village and name, and a full-text index), built
# by sqlite3 itself after the import. What that costs is no part of gotong's code.
indexes="CREATE INDEX r_area ON t (kode_desa, status, sektor, tahun_berdiri);
CREATE INDEX r_name ON t (nama_usaha);
CREATE INDEX r_match ON t (nama_pemilik, nama_usaha, kode_desa);
CREATE INDEX r_owner ON t (nama_pemilik, tahun_lahir);
CREATE INDEX r_turnover ON t (omzet);
CREATE INDEX r_nib ON t (nib);
CREATE INDEX r_people_village ON t (kode_desa, nama_pemilik);
CREATE INDEX r_people_name ON t (nama_pemilik, telepon);
CREATE INDEX r_phone ON t (telepon);"
start=$(date +%s%N)
sqlite3 "$work/ref2.db" -cmd ".mode csv" -cmd ".separator ;" ".import $work/e.csv t" "$indexes" \
  "CREATE VIRTUAL TABLE s USING fts5(nama_usaha, nama_pemilik, nib, content = 't');" \
  "INSERT INTO s (s) VALUES ('rebuild');"
ref_indexed=$(seconds "$start" "$(date +%s%N)")
rm -f "$work/ref2.db"

"$bin" migrate --database "sqlite:$work/ours.db" >/dev/null
start=$(date +%s%N)
/usr/bin/time -f "%M" -o "$work/rss" "$bin" import enterprises "$work/e.csv" --database "sqlite:$work/ours.db" >/dev/null 2>"$work/log" || { cat "$work/log"; exit 1; }
ours=$(seconds "$start" "$(date +%s%N)")
echo "sqlite: sqlite3 .import ${ref}s, gotong import ${ours}s, ratio $(echo "scale=2; $ours / $ref" | bc) (target <= 2.0), peak RSS $(( $(cat "$work/rss") / 1024 )) MB (target < 200)"
echo "sqlite: sqlite3 .import with like indexes ${ref_indexed}s ($(echo "scale=2; $ref_indexed / $ref" | bc)x the bare import); gotong $(echo "scale=2; $ours / $ref_indexed" | bc)x that"
# A third reference, the database's own floor for the registry's schema: the rows gotong wrote
# (two tables, derived columns), copied row by row from the finished import into a registry
# whose indexes and triggers are set aside, then restored by the very statements gotong's
# import runs at its end. No CSV is read and nothing is checked: what is left over is gotong's.
"$bin" migrate --database "sqlite:$work/floor.db" >/dev/null
suspend_only "sqlite:$work/floor.db"
sqlite3 "$work/floor.db" "DELETE FROM enterprises" "DELETE FROM people"
set_aside=$(sqlite3 "$work/floor.db" "SELECT COUNT(*) FROM suspended_indexes")
start=$(date +%s%N)
{
  echo "PRAGMA foreign_keys = ON;"
  echo "ATTACH '$work/ours.db' AS o;"
  echo "BEGIN;"
  echo "INSERT INTO people SELECT * FROM o.people WHERE id > 0;"  # (WHERE: row by row, as gotong)
  echo "INSERT INTO enterprises SELECT * FROM o.enterprises WHERE id > 0;"
  echo "COMMIT;"
  echo "PRAGMA threads = 2; PRAGMA cache_size = -32768; PRAGMA mmap_size = 0;"
  sqlite3 "$work/floor.db" "SELECT definition || ';' FROM suspended_indexes ORDER BY name"
  echo "DELETE FROM suspended_indexes;"
  echo "PRAGMA analysis_limit = 400; ANALYZE people; ANALYZE enterprises;"
} | sqlite3 "$work/floor.db" >/dev/null
floor=$(seconds "$start" "$(date +%s%N)")
rm -f "$work/floor.db"*
echo "sqlite: the schema's floor (gotong's rows and restore, no gotong code) ${floor}s; gotong $(echo "scale=2; $ours / $floor" | bc)x that$(floor_note "$set_aside")"
requests=${GOTONG_BENCH_REQUESTS:-200}
build/release/bench/registry_bench "sqlite:$work/ours.db" "$requests"

if [ -n "${GOTONG_TEST_POSTGRES_URL:-}" ]; then
  url=$GOTONG_TEST_POSTGRES_URL
  psql -q "$url" -c "DROP DATABASE IF EXISTS bench_ref" -c "DROP DATABASE IF EXISTS bench_ours" \
    -c "CREATE DATABASE bench_ref" -c "CREATE DATABASE bench_ours" >/dev/null
  base=${url%/*}
  cols=$(head -1 "$work/e.csv" | sed 's/^\xEF\xBB\xBF//; s/\r//; s/;/ text, /g')
  psql -q "$base/bench_ref" -c "CREATE TABLE t ($cols text)" >/dev/null
  start=$(date +%s%N)
  psql -q "$base/bench_ref" -c "\\copy t FROM '$work/e.csv' WITH (FORMAT csv, DELIMITER ';', HEADER true)" >/dev/null
  ref=$(seconds "$start" "$(date +%s%N)")
  # The second reference, as for SQLite: those indexes built by PostgreSQL after the \copy,
  # the full-text one a GIN over to_tsvector (as the registry had before V012).
  psql -q "$base/bench_ref" -c "DROP TABLE t" -c "CREATE TABLE t ($cols text)" >/dev/null
  start=$(date +%s%N)
  psql -q "$base/bench_ref" -c "\\copy t FROM '$work/e.csv' WITH (FORMAT csv, DELIMITER ';', HEADER true)" \
    -c "SET maintenance_work_mem = '256MB'" -c "$indexes" \
    -c "CREATE INDEX r_search ON t USING gin (to_tsvector('simple', nama_usaha || ' ' || nama_pemilik || ' ' || coalesce(nib, '')))" >/dev/null
  ref_indexed=$(seconds "$start" "$(date +%s%N)")
  "$bin" migrate --database "$base/bench_ours" >/dev/null
  start=$(date +%s%N)
  /usr/bin/time -f "%M" -o "$work/rss" "$bin" import enterprises "$work/e.csv" --database "$base/bench_ours" >/dev/null 2>"$work/log" || { cat "$work/log"; exit 1; }
  ours=$(seconds "$start" "$(date +%s%N)")
  echo "postgresql: psql \\copy ${ref}s, gotong import ${ours}s, ratio $(echo "scale=2; $ours / $ref" | bc) (target <= 1.5), peak RSS $(( $(cat "$work/rss") / 1024 )) MB"
  echo "postgresql: psql \\copy with like indexes ${ref_indexed}s ($(echo "scale=2; $ref_indexed / $ref" | bc)x the bare copy); gotong $(echo "scale=2; $ours / $ref_indexed" | bc)x that"
  # The schema's floor, as for SQLite: gotong's rows copied with psql into a registry whose
  # indexes, foreign keys and triggers are set aside, restored by gotong's own statements.
  psql -q "$base/bench_ours" -c "\\copy people TO '$work/people.tsv'" \
    -c "\\copy enterprises TO '$work/enterprises.tsv'" >/dev/null
  psql -q "$url" -c "DROP DATABASE IF EXISTS bench_floor" -c "CREATE DATABASE bench_floor" >/dev/null
  "$bin" migrate --database "$base/bench_floor" >/dev/null
  suspend_only "$base/bench_floor"
  psql -q "$base/bench_floor" -c "DELETE FROM enterprises" -c "DELETE FROM people" >/dev/null
  set_aside=$(psql -qAt "$base/bench_floor" -c "SELECT COUNT(*) FROM suspended_indexes")
  start=$(date +%s%N)
  psql -q -v ON_ERROR_STOP=1 "$base/bench_floor" >/dev/null <<SQL
BEGIN;
\\copy people FROM '$work/people.tsv'
\\copy enterprises FROM '$work/enterprises.tsv'
COMMIT;
BEGIN;
SET LOCAL maintenance_work_mem = '256MB';
SELECT definition FROM suspended_indexes ORDER BY name \\gexec
DELETE FROM suspended_indexes;
ANALYZE people, enterprises, enterprise_words;
COMMIT;
SQL
  floor=$(seconds "$start" "$(date +%s%N)")
  rm -f "$work/people.tsv" "$work/enterprises.tsv"
  psql -q "$url" -c "DROP DATABASE bench_floor" >/dev/null
  echo "postgresql: the schema's floor (gotong's rows and restore, no gotong code) ${floor}s; gotong $(echo "scale=2; $ours / $floor" | bc)x that$(floor_note "$set_aside")"
  # Autovacuum visits a table after this many inserts within a minute or so; until then
  # PostgreSQL cannot answer counts from the indexes alone. Measure the settled state.
  # (A second VACUUM: right after the load, the first left a quarter of the word table's pages
  # not marked all-visible, and index-only scans then read the heap.)
  psql -q "$base/bench_ours" -c "VACUUM ANALYZE people" -c "VACUUM ANALYZE enterprises" \
    -c "VACUUM ANALYZE enterprise_words" -c "VACUUM enterprise_words"
  build/release/bench/registry_bench "$base/bench_ours" "$requests"
fi
