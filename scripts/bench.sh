#!/usr/bin/env bash
# Runs the benchmarks (never part of make test). Record what you measured in bench/README.md.
set -euo pipefail
cd "$(dirname "$0")/.."
export GOTONG_REGIONS_DIR="${GOTONG_REGIONS_DIR:-$PWD/node_modules/idn-area-data/data}"
build/release/bench/gotong_bench --benchmark_min_time=1
# Mentor matching (issue 14): 100,000 mentees to 5,000 mentors, the full solve against LEMON's
# bare NetworkSimplex run on the same pruned network, three times each (about half a minute).
build/release/bench/matching_bench "${GOTONG_BENCH_MENTEES:-100000}" "${GOTONG_BENCH_MENTORS:-5000}" 20 3
# Import against sqlite3 .import and psql \copy (1,000,000 rows; several minutes). The server
# gets the shared buffers a registry server would have (PostgreSQL's default of 128 MB is
# for small machines; the million-row registry and its indexes take about 1 GB).
GOTONG_PG_SETTINGS="${GOTONG_PG_SETTINGS:--c shared_buffers=1GB}" scripts/with-postgres.sh bench/import_bench.sh "${GOTONG_BENCH_IMPORT_ROWS:-1000000}"
# A group's pages and a province's compliance table (40,000 groups).
scripts/with-postgres.sh bench/groups_bench.sh "${GOTONG_BENCH_GROUPS:-40000}"
# The equity and helix dashboards (issue 15): 1,000,000 enterprises and 2,000,000 assistance
# records, loaded and counted once per backend (several minutes each).
GOTONG_PG_SETTINGS="${GOTONG_PG_SETTINGS:--c shared_buffers=1GB}" scripts/with-postgres.sh bench/dashboards_bench.sh "${GOTONG_BENCH_IMPORT_ROWS:-1000000}" "${GOTONG_BENCH_ASSISTANCE:-2000000}"
# HTTP over real sockets with wrk: health against a bare Beast server, list reads against the
# same requests in process (the server's own overhead).
scripts/with-postgres.sh bench/http_bench.sh
