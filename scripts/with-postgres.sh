#!/usr/bin/env bash
# Runs CMD with a throwaway PostgreSQL 15 cluster and exits with CMD's status.
#
#   scripts/with-postgres.sh ctest --output-on-failure
#
# The cluster lives in a fresh temporary folder, listens only on 127.0.0.1 (on a free port) and on
# a unix socket inside that folder, trusts every local connection and skips fsync: it is for tests
# only. GOTONG_PG_SETTINGS adds server settings (e.g. "-c shared_buffers=1GB"). CMD sees
# GOTONG_TEST_POSTGRES_URL=postgresql://postgres@127.0.0.1:PORT/postgres, the
# maintenance database from which the test suites create their own databases. The cluster is
# stopped and its folder removed when this script exits, whatever CMD did.
#
# Needs Debian's postgresql-15 (initdb and pg_ctl under /usr/lib/postgresql/15/bin, or set
# GOTONG_PG_BIN). As root the server runs as the `postgres` user through runuser.
set -euo pipefail

if [[ $# -eq 0 ]]; then
  echo "usage: $0 CMD [ARG...]" >&2
  exit 2
fi

pg_bin=${GOTONG_PG_BIN:-/usr/lib/postgresql/15/bin}
for tool in initdb pg_ctl; do
  if [[ ! -x "$pg_bin/$tool" ]]; then
    echo "with-postgres: $pg_bin/$tool not found; install PostgreSQL 15 (apt-get install postgresql)" \
         "or set GOTONG_PG_BIN" >&2
    exit 2
  fi
done

if [[ $(id -u) -eq 0 ]]; then
  pg_user=postgres
  as_pg() { runuser -u "$pg_user" -- "$@"; }
else
  pg_user=$(id -un)
  as_pg() { "$@"; }
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/gotong-pg.XXXXXX")
data="$work/data"
log="$work/server.log"
started=0

cleanup() {
  local status=$?
  trap - EXIT INT TERM
  if [[ $started -eq 1 ]]; then
    as_pg "$pg_bin/pg_ctl" -D "$data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$work"
  exit "$status"
}
trap cleanup EXIT
trap 'exit 130' INT   # until CMD starts; then the signal is passed on to CMD
trap 'exit 143' TERM

chmod 700 "$work"
if [[ $(id -u) -eq 0 ]]; then chown "$pg_user:" "$work"; fi

as_pg "$pg_bin/initdb" -D "$data" -U postgres -A trust -E UTF8 --locale=C --no-sync \
  >"$work/initdb.log" 2>&1 || {
  echo "with-postgres: initdb failed:" >&2
  cat "$work/initdb.log" >&2
  exit 1
}

free_port() {
  python3 -c 'import socket
s = socket.socket()
s.bind(("127.0.0.1", 0))
print(s.getsockname()[1])
s.close()'
}

# Another process may take the port between choosing and binding it: try a few.
for attempt in 1 2 3 4 5; do
  port=$(free_port)
  if as_pg "$pg_bin/pg_ctl" -D "$data" -l "$log" -w -t 60 -o \
      "-c listen_addresses=127.0.0.1 -c port=$port -c unix_socket_directories=$work \
       -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200 \
       ${GOTONG_PG_SETTINGS:-}" \
      start >/dev/null 2>&1; then
    started=1
    break
  fi
  if [[ $attempt -eq 5 ]]; then
    echo "with-postgres: the server did not start; its log:" >&2
    cat "$log" >&2 || true
    exit 1
  fi
done

export GOTONG_TEST_POSTGRES_URL="postgresql://postgres@127.0.0.1:$port/postgres"
echo "with-postgres: PostgreSQL 15 on 127.0.0.1:$port ($work)" >&2

# CMD runs in the background so that a TERM or INT sent to this script is handled at once (bash
# runs traps only between commands, and `wait` is interruptible): the signal is passed on to CMD,
# and the cluster is removed when CMD has ended. stdin stays CMD's stdin.
"$@" <&0 &
child=$!
trap 'kill -TERM "$child" 2>/dev/null || true' TERM
trap 'kill -INT "$child" 2>/dev/null || true' INT
status=0
while true; do
  set +e
  wait "$child"
  status=$?
  set -e
  kill -0 "$child" 2>/dev/null || break  # ended; otherwise wait was interrupted by a signal
done
exit "$status"
