#!/usr/bin/env bash
# Runs every test of Lapor: unit, integration (real SQLite files, then again on PostgreSQL) and browser
# (Chromium over Kestrel). On a fresh Debian machine it first installs what the tests need that the .NET
# SDK lacks: Chromium, aiosmtpd, redis-server, nginx and PostgreSQL.
set -euo pipefail
cd "$(dirname "$0")/.."

# Chromium for the browser tests; aiosmtpd as the real SMTP server the outbox tests deliver to;
# redis-server as the cache two portal instances share in the scale-out tests; nginx to run the
# shipped reverse-proxy configuration (docs/deploy) in front of two portal processes.
missing=""
[ -x /usr/bin/chromium ] || missing="$missing chromium"
/usr/bin/python3 -c "import aiosmtpd" 2>/dev/null || missing="$missing python3-aiosmtpd"
command -v redis-server >/dev/null || missing="$missing redis-server"
command -v npm >/dev/null || missing="$missing nodejs npm"
[ -x /usr/sbin/nginx ] || missing="$missing nginx"
# PostgreSQL's server binaries live in /usr/lib/postgresql/<version>/bin, not on PATH.
pg_bin() { find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1; }
install_postgres=""
[ -n "$(pg_bin)" ] && [ -x "$(pg_bin)/initdb" ] || { missing="$missing postgresql"; install_postgres=1; }
if [ -n "$missing" ]; then
  echo "Installing from Debian:$missing"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
  if [ -n "$install_postgres" ]; then
    # The package creates and starts a "main" cluster; the tests bring their own, so nothing stays running.
    { $sudo pg_lsclusters -h 2>/dev/null || true; } | while read -r version name _; do $sudo pg_dropcluster --stop "$version" "$name" || true; done
  fi
fi

# s3rver (an S3-protocol server for the S3 attachment store's tests) and Redocly CLI (the OpenAPI lint),
# pinned in tests/tools/package-lock.json.
if [ ! -x tests/tools/node_modules/.bin/s3rver ] || [ ! -x tests/tools/node_modules/.bin/redocly ]; then
  npm ci --prefix tests/tools --no-audit --no-fund --loglevel=error >/dev/null
fi

dotnet tool restore >/dev/null

# A throw-away PostgreSQL cluster for the second integration run: in a temporary folder, listening on a
# Unix socket there only (no TCP port), without fsync (nothing in it needs to survive a crash), stopped
# and deleted when this script ends, however it ends. initdb and postgres refuse to run as root.
PG_BIN="$(pg_bin)"
PG_DIR="$(mktemp -d /tmp/lapor-pg.XXXXXX)"
as_postgres() {
  # From the cluster's folder: the postgres user may not be allowed into the clone's.
  if [ "$(id -u)" -eq 0 ]; then (cd "$PG_DIR" && runuser -u postgres -- "$@"); else "$@"; fi
}
stop_postgres() {
  if [ -f "$PG_DIR/data/postmaster.pid" ]; then
    as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
  fi
  rm -rf "$PG_DIR"
}
trap stop_postgres EXIT
if [ "$(id -u)" -eq 0 ]; then chown postgres: "$PG_DIR"; fi
as_postgres "$PG_BIN/initdb" -D "$PG_DIR/data" -A trust -U lapor -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
as_postgres "$PG_BIN/pg_ctl" -D "$PG_DIR/data" -l "$PG_DIR/server.log" -w -s \
  -o "-k $PG_DIR -c listen_addresses='' -c port=5432 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=300" start

# Unit, integration and browser tests on SQLite; then the integration tests again, each test class on a
# PostgreSQL database of its own (tests/Lapor.TestSupport/TestDatabase.cs). Both runs always run.
status=0
started=$SECONDS
dotnet test Lapor.sln --configuration Release || status=$?
echo "All tests on SQLite: $((SECONDS - started)) s"
started=$SECONDS
LAPOR_TEST_POSTGRES="Host=$PG_DIR;Port=5432;Username=lapor" \
  dotnet test tests/Lapor.IntegrationTests --configuration Release --no-build || status=$?
echo "Integration tests on PostgreSQL: $((SECONDS - started)) s"
exit $status
