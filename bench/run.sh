#!/usr/bin/env bash
# Lapor benchmark (see bench/README.md): generates or reuses a data set, starts the portal in
# Release on it, measures pages, raw SQL, filing and memory, and checks DESIGN §11's targets.
#   bench/run.sh           1,000,000 reports, 500 agencies
#   bench/run.sh --quick     100,000 reports, 500 agencies (about 5 minutes)
#   bench/run.sh --page-weight   first visit of / and /lapor on an emulated slow-4G phone (bench/page-weight)
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--page-weight" ]; then
  shift
  exec bench/page-weight/run.sh "$@"
fi

reports=1000000 samples=300 submit_seconds=30 mode=full
case "${1:-}" in
  --quick) reports=100000 samples=200 submit_seconds=20 mode=quick ;;
  "") ;;
  *) echo "usage: bench/run.sh [--quick | --page-weight]" >&2; exit 2 ;;
esac
samples=${BENCH_SAMPLES:-$samples} submit_seconds=${BENCH_SUBMIT_SECONDS:-$submit_seconds}
agencies=500
port=${BENCH_PORT:-5190}
url="http://127.0.0.1:$port"
data=$PWD/bench/data
base=$data/lapor-$reports.db
run=$data/run-$mode
app_dir=$PWD/src/Lapor.Web/bin/Release/net10.0
driver=bench/Lapor.Bench/bin/Release/net10.0/Lapor.Bench.dll
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

echo "== Build (Release)"
dotnet build src/Lapor.Web -c Release -v q -nologo | grep -E "error|Warn|Elapsed" || true
dotnet build bench/Lapor.Bench -c Release -v q -nologo | grep -E "error|Warn|Elapsed" || true

mkdir -p "$data"
if [ ! -f "$base" ]; then
  echo "== Generate $reports reports, $agencies agencies (kept as $base for later runs)"
  rm -f "$base".tmp*
  # From the app's folder, so its appsettings.json is read as in a deployment.
  (cd "$app_dir" && ConnectionStrings__Default="Data Source=$base.tmp" ASPNETCORE_ENVIRONMENT=Production Serilog__MinimumLevel__Default=Warning \
    dotnet Lapor.Web.dll generate --reports "$reports" --agencies "$agencies")
  mv "$base.tmp" "$base"
else
  echo "== Reuse $base"
fi
rm -rf "$run" && mkdir -p "$run" && cp "$base" "$run/lapor.db"

pid=
start_portal() { # $1: log file; further arguments: extra settings NAME=VALUE
  local log=$1; shift
  # exec from the app's folder: its appsettings.json is read, and $! is the portal itself.
  (cd "$app_dir" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$url" \
    ConnectionStrings__Default="Data Source=$run/lapor.db" Database__MigrateOnStartup=true \
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
  for _ in $(seq 1 120); do
    if curl -fs "$url/health/ready" >/dev/null 2>&1; then return 0; fi
    if ! kill -0 "$pid" 2>/dev/null; then echo "The portal stopped; see $log" >&2; tail -20 "$log" >&2; exit 1; fi
    sleep 1
  done
  echo "The portal did not become ready; see $log" >&2; exit 1
}
stop_portal() { kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; }
trap stop_portal EXIT

results=$run/results.txt
echo "== Queries per page (the portal logs each command it sends)"
start_portal "$run/portal-queries.log" "Serilog__MinimumLevel__Override__Microsoft.EntityFrameworkCore.Database.Command=Information"
dotnet "$driver" --phase queries --url "$url" --database "$run/lapor.db" --log "$run/portal-queries.log" | tee "$results"
stop_portal

echo "== Timings, filing, memory ($samples requests per page, one at a time; filing for $submit_seconds s)"
start_portal "$run/portal.log"
dotnet "$driver" --phase load --url "$url" --database "$run/lapor.db" --portal-pid "$pid" \
  --samples "$samples" --submit-seconds "$submit_seconds" --submit-workers 8 | tee -a "$results"
stop_portal
locked=$(cat "$run"/portal*.log | grep -ci "database is locked" || true)
echo "RESULT database_locked=$locked" | tee -a "$results"

echo "== Suggestion model (trained as the nightly job does, on the most recent routed reports; the newest tenth held out)"
(cd "$app_dir" && ConnectionStrings__Default="Data Source=$run/lapor.db" ASPNETCORE_ENVIRONMENT=Production Serilog__MinimumLevel__Default=Warning \
  Triage__JobEnabled=false dotnet Lapor.Web.dll triage-eval) | grep '^RESULT' | tee -a "$results"

echo "== Targets (DESIGN §11)"
missed=0
check() { # key operator limit
  local value
  value=$(grep -E "^RESULT $1=" "$results" | tail -1 | cut -d= -f2)
  if [ -z "$value" ]; then echo "MISSING $1"; missed=1; return; fi
  if awk -v v="$value" -v l="$3" -v op="$2" 'BEGIN { exit !((op == "<=" && v <= l) || (op == ">=" && v >= l)) }'; then
    printf 'PASS    %-22s %10s  (target %s %s)\n' "$1" "$value" "$2" "$3"
  else
    printf 'MISS    %-22s %10s  (target %s %s)\n' "$1" "$value" "$2" "$3"; missed=1
  fi
}
check inbox_p95_ms "<=" 150
check inbox_vs_raw "<=" 3
check deep_page_vs_first "<=" 1.5
check queries_per_page "<=" 5
check dashboard_p95_ms "<=" 300
check who_is_late_p95_ms "<=" 300
check submissions_per_s ">=" 50
check submission_failures "<=" 0
check database_locked "<=" 0
check peak_rss_mb "<=" 400
check triage_peak_working_set_mb "<=" 400
echo "Machine: $(nproc) cores, $(awk '/MemTotal/ {printf "%.1f GB", $2/1048576}' /proc/meminfo), $(uname -sr); data set $reports reports; $(date -u +%Y-%m-%d)"
exit $missed
