#!/usr/bin/env bash
# Runs every test suite once: C++ unit, storage and API suites against SQLite and a throwaway
# PostgreSQL server, the socket-level server tests, the OpenAPI lint, clang-tidy over src/, the
# web lint (which first checks that the generated web/src/lib/api/schema.d.ts matches the spec),
# the web unit tests and the browser end-to-end tests. Expects `make build` to have
# run. The API suites record every response they get, and check:api-contract then checks each
# against docs/openapi.yaml.
set -euo pipefail
cd "$(dirname "$0")/.."
export GOTONG_REGIONS_DIR="${GOTONG_REGIONS_DIR:-$PWD/node_modules/idn-area-data/data}"

passed=0
failed=0
run() {
  echo "== $*"
  if "$@"; then
    passed=$((passed + 1))
  else
    echo "FAILED: $*"
    failed=$((failed + 1))
  fi
}

run npm run lint:api --silent
run scripts/tidy.sh
run npm run lint:web --silent
run npm run test:web --silent
record_dir=$(mktemp -d "${TMPDIR:-/tmp}/gotong-api-record.XXXXXX")
trap 'rm -rf "$record_dir"' EXIT
run env GOTONG_API_RECORD_DIR="$record_dir" \
  scripts/with-postgres.sh ctest --test-dir build/release --output-on-failure
run npm run check:api-contract --silent -- "$record_dir" --backends sqlite,postgresql
run npm run e2e --silent

echo "suites: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
