#!/usr/bin/env bash
# Lapor benchmark (see bench/README.md): generates or reuses a data set, starts the portal in
# Release on it, measures pages, raw SQL, filing and memory, and checks DESIGN §11's targets,
# on SQLite and on PostgreSQL (a throw-away cluster this script starts and stops).
#   bench/run.sh           1,000,000 reports, 500 agencies, both providers
#   bench/run.sh --quick     100,000 reports, 500 agencies (about 5 minutes a provider)
#   bench/run.sh --national 5,000,000 reports, 650 agencies, PostgreSQL
#   bench/run.sh --provider sqlite|postgres [--quick | --national]   one provider only
#   bench/run.sh --inbox [--provider …] [--quick]   the officer inbox and a signed-in page's fixed cost only
#   bench/run.sh --page-weight   first visit of / and /lapor on an emulated slow-4G phone (bench/page-weight)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--page-weight" ]; then
  shift
  exec bench/page-weight/run.sh "$@"
fi

reports=1000000 agencies=500 samples=300 submit_seconds=30 mode=full providers="sqlite postgres" only=
while [ $# -gt 0 ]; do
  case "$1" in
    --quick) reports=100000 samples=200 submit_seconds=20 mode=quick ;;
    --inbox) only=inbox ;;
    --national) reports=5000000 agencies=650 mode=national providers=postgres ;;
    --provider)
      case "${2:-}" in sqlite | postgres) providers=$2 ;; *) echo "--provider takes sqlite or postgres" >&2; exit 2 ;; esac
      shift ;;
    *) echo "usage: bench/run.sh [--quick | --national] [--provider sqlite|postgres] [--inbox] | --page-weight" >&2; exit 2 ;;
  esac
  shift
done
samples=${BENCH_SAMPLES:-$samples} submit_seconds=${BENCH_SUBMIT_SECONDS:-$submit_seconds}
port=${BENCH_PORT:-5190}
url="http://127.0.0.1:$port"
data=$PWD/bench/data
app_dir=$PWD/src/Lapor.Web/bin/Release/net10.0
driver=$PWD/bench/Lapor.Bench/bin/Release/net10.0/Lapor.Bench.dll
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "== Build (Release)"
dotnet build src/Lapor.Web -c Release -v q -nologo | grep -E "error|Warn|Elapsed" || true
dotnet build bench/Lapor.Bench -c Release -v q -nologo | grep -E "error|Warn|Elapsed" || true

mkdir -p "$data"
pid=
pg_dir=
stop_all() {
  if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=; fi
  if [ -n "$pg_dir" ]; then
    if [ -f "$pg_dir/data/postmaster.pid" ]; then as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -m fast -w stop >/dev/null 2>&1 || true; fi
    rm -rf "$pg_dir"; pg_dir=
  fi
}
trap stop_all EXIT

# PostgreSQL: a throw-away cluster as scripts/test.sh starts one (a temporary folder, a Unix socket
# there only, no fsync), tuned a little for a data set of millions of rows. initdb refuses to run as root.
pg_bin=$(find /usr/lib/postgresql -mindepth 2 -maxdepth 2 -name bin -type d 2>/dev/null | sort -V | tail -n 1)
pg_port=${BENCH_PG_PORT:-5432}
as_postgres() { if [ "$(id -u)" -eq 0 ]; then (cd "$pg_dir" && runuser -u postgres -- "$@"); else "$@"; fi; }
start_postgres() {
  if [ -z "$pg_bin" ]; then echo "PostgreSQL is not installed (Debian: apt-get install postgresql; scripts/test.sh does it)" >&2; exit 1; fi
  pg_dir=$(mktemp -d /tmp/lapor-bench-pg.XXXXXX)
  if [ "$(id -u)" -eq 0 ]; then chown postgres: "$pg_dir"; fi
  as_postgres "$pg_bin/initdb" -D "$pg_dir/data" -A trust -U lapor -E UTF8 --locale=C.UTF-8 --no-sync >/dev/null
  as_postgres "$pg_bin/pg_ctl" -D "$pg_dir/data" -l "$pg_dir/server.log" -w -s -o "-k $pg_dir -c listen_addresses='' -c port=$pg_port \
    -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c shared_buffers=${BENCH_PG_SHARED_BUFFERS:-1GB} \
    -c maintenance_work_mem=512MB -c max_wal_size=8GB -c checkpoint_timeout=30min" start
  pg_connection="Host=$pg_dir;Port=$pg_port;Username=lapor;Database=lapor"
  "$pg_bin/psql" -h "$pg_dir" -p "$pg_port" -U lapor -d postgres -qc "CREATE DATABASE lapor"
}

# The data set of a provider, generated once and kept in bench/data (SQLite: the file; PostgreSQL: a
# pg_dump of the database, restored into each run's cluster), then the run's own copy of it.
prepare_data() { # $1 provider; sets db_setting (the portal's connection string) and bench_database (the driver's --database)
  if [ "$1" = sqlite ]; then
    local base=$data/lapor-$reports.db
    if [ ! -f "$base" ]; then
      echo "== Generate $reports reports, $agencies agencies on SQLite (kept as $base for later runs)"
      rm -f "$base".tmp*
      # From the app's folder, so its appsettings.json is read as in a deployment.
      (cd "$app_dir" && ConnectionStrings__Default="Data Source=$base.tmp" ASPNETCORE_ENVIRONMENT=Production Serilog__MinimumLevel__Default=Warning \
        dotnet Lapor.Web.dll generate --reports "$reports" --agencies "$agencies")
      mv "$base.tmp" "$base"
    else
      echo "== Reuse $base"
    fi
    cp "$base" "$run/lapor.db"
    db_setting="Data Source=$run/lapor.db" bench_database=$run/lapor.db
  else
    local base=$data/lapor-$reports-$agencies.pgdump
    start_postgres
    if [ ! -f "$base" ]; then
      echo "== Generate $reports reports, $agencies agencies on PostgreSQL (kept as $base for later runs)"
      local started=$SECONDS
      (cd "$app_dir" && Database__Provider=PostgreSql ConnectionStrings__Default="$pg_connection" ASPNETCORE_ENVIRONMENT=Production \
        Serilog__MinimumLevel__Default=Warning dotnet Lapor.Web.dll generate --reports "$reports" --agencies "$agencies")
      echo "Generation on PostgreSQL (migrations included): $((SECONDS - started)) s"
      "$pg_bin/pg_dump" -h "$pg_dir" -p "$pg_port" -U lapor -d lapor -Fc -Z1 -f "$base.tmp"
      mv "$base.tmp" "$base"
    else
      echo "== Restore $base"
      "$pg_bin/pg_restore" -h "$pg_dir" -p "$pg_port" -U lapor -d lapor -j "$(nproc)" "$base"
      "$pg_bin/psql" -h "$pg_dir" -p "$pg_port" -U lapor -d lapor -qc "VACUUM (ANALYZE)"
    fi
    db_setting=$pg_connection bench_database=$pg_connection
  fi
}

start_portal() { # $1: log file; further arguments: extra settings NAME=VALUE
  local log=$1; shift
  # exec from the app's folder: its appsettings.json is read, and $! is the portal itself.
  # MALLOC_ARENA_MAX as the shipped systemd unit sets it (docs/deploy/lapor@.service).
  (cd "$app_dir" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$url" MALLOC_ARENA_MAX=2 \
    Database__Provider="$db_provider" ConnectionStrings__Default="$db_setting" Database__MigrateOnStartup=true \
    Attachments__Path="$run/attachments" Mail__PickupDirectory="$run/mail" \
    Mail__DispatchEnabled=false Deadlines__JobEnabled=false Privacy__JobEnabled=false Triage__JobEnabled=false \
    Security__SecureCookies=false Security__RequireTwoFactor=false \
    Security__RateLimits__SignInPerMinute=1000000 Security__RateLimits__RegistrationPerHour=1000000 \
    Security__RateLimits__FilingPerMinute=1000000 Security__RateLimits__FilingPerDay=1000000 \
    Security__RateLimits__FilingWithoutCookiePerMinute=1000000 Security__RateLimits__FilingWithoutCookiePerDay=1000000 \
    Security__RateLimits__FilingPerAddressPerDay=1000000 Security__RateLimits__FilingAttemptsPerMinute=1000000 \
    Security__RateLimits__TrackingCodePerMinute=1000000 Security__RateLimits__ExportsPerMinute=1000000 \
    Serilog__MinimumLevel__Default=Warning "$@" \
    dotnet Lapor.Web.dll >"$log" 2>&1) &
  pid=$!
  # Up to 20 minutes: a kept data set from an older release migrates first (SearchWords rewrites the tables: 2 minutes at 1M).
  for _ in $(seq 1 1200); do
    if curl -fs "$url/health/ready" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then echo "The portal stopped; see $log" >&2; tail -20 "$log" >&2; exit 1; fi
    sleep 1
  done
  echo "The portal did not become ready; see $log" >&2; exit 1
}
stop_portal() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; pid=; }

results=$data/results-$mode${only:+-$only}.txt
: >"$results"
for provider in $providers; do
  run=$data/run-$mode-$provider
  rm -rf "$run" && mkdir -p "$run"
  db_provider=$([ "$provider" = postgres ] && echo PostgreSql || echo Sqlite)
  prepare_data "$provider"
  # Every figure of this provider's run gets its name as a suffix: RESULT inbox_p95_ms.postgres=…
  suffix() { sed -u -E "s/^RESULT ([A-Za-z0-9_]+)=/RESULT \1.$provider=/" | tee -a "$results"; }

  echo "== [$provider] Queries per page (the portal logs each command it sends)"
  start_portal "$run/portal-queries.log" "Serilog__MinimumLevel__Override__Microsoft.EntityFrameworkCore.Database.Command=Information"
  dotnet "$driver" --phase queries --url "$url" --provider "$provider" --database "$bench_database" --log "$run/portal-queries.log" | suffix
  stop_portal

  if [ "$only" = inbox ]; then
    echo "== [$provider] Inbox timings and a signed-in page's fixed cost ($samples requests per page, one at a time)"
    start_portal "$run/portal.log"
    dotnet "$driver" --phase inbox --url "$url" --provider "$provider" --database "$bench_database" --samples "$samples" --portal-pid "$pid" | suffix
    stop_all
    continue
  fi

  echo "== [$provider] Timings, filing, memory ($samples requests per page, one at a time; filing for $submit_seconds s)"
  start_portal "$run/portal.log"
  dotnet "$driver" --phase load --url "$url" --provider "$provider" --database "$bench_database" --portal-pid "$pid" \
    --samples "$samples" --submit-seconds "$submit_seconds" --submit-workers 8 | suffix
  stop_portal
  locked=$(cat "$run"/portal*.log | grep -ci "database is locked" || true)
  echo "RESULT database_locked=$locked" | suffix

  echo "== [$provider] Suggestion model (trained as the nightly job does, on the most recent routed reports; the newest tenth held out)"
  (cd "$app_dir" && Database__Provider="$db_provider" ConnectionStrings__Default="$db_setting" ASPNETCORE_ENVIRONMENT=Production Serilog__MinimumLevel__Default=Warning \
    Triage__JobEnabled=false dotnet Lapor.Web.dll triage-eval) | grep '^RESULT' | suffix
  stop_all
done

echo "== Targets (DESIGN §11)"
missed=0
check() { # key operator limit
  local value
  value=$(grep -E "^RESULT $1=" "$results" | tail -1 | cut -d= -f2)
  if [ -z "$value" ]; then echo "MISSING $1"; missed=1; return; fi
  if awk -v v="$value" -v l="$3" -v op="$2" 'BEGIN { exit !((op == "<=" && v <= l) || (op == ">=" && v >= l)) }'; then
    printf 'PASS    %-32s %10s  (target %s %s)\n' "$1" "$value" "$2" "$3"
  else
    printf 'MISS    %-32s %10s  (target %s %s)\n' "$1" "$value" "$2" "$3"; missed=1
  fi
}
for provider in $providers; do
  if [ "$only" = inbox ]; then
    check "inbox_p95_ms.$provider" "<=" 150; check "inbox_vs_raw.$provider" "<=" 3; check "deep_page_vs_first.$provider" "<=" 1.5
    check "queries_per_page.$provider" "<=" 5; continue
  fi
  check "inbox_p95_ms.$provider" "<=" 150
  check "inbox_vs_raw.$provider" "<=" 3
  check "deep_page_vs_first.$provider" "<=" 1.5
  check "queries_per_page.$provider" "<=" 5
  check "dashboard_p95_ms.$provider" "<=" 300
  check "who_is_late_p95_ms.$provider" "<=" 300
  check "submissions_per_s.$provider" ">=" 50
  check "submission_failures.$provider" "<=" 0
  check "database_locked.$provider" "<=" 0
  check "peak_rss_mb.$provider" "<=" 400
  check "triage_peak_working_set_mb.$provider" "<=" 400
done
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo), $(uname -sr), load average $(cut -d' ' -f1-3 /proc/loadavg); data set $reports reports, $agencies agencies; $(date -u +%Y-%m-%d)"
exit $missed
