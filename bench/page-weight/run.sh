#!/usr/bin/env bash
# Page weight and first contentful paint of / and /lapor on an emulated slow-4G phone (bench/README.md).
#   bench/page-weight/run.sh                      publishes the portal, starts it on an empty database, measures
#   bench/page-weight/run.sh --url https://...    measures a portal that is already running
#   BENCH_PUBLISHED=/tmp/pub bench/page-weight/run.sh   uses that publish output instead of publishing
# Further arguments go to measure.mjs (e.g. --runs 5, --latency 562.5).
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1

if [ ! -d "$here/node_modules/playwright-core" ]; then
  (cd "$here" && npm ci --no-audit --no-fund >/dev/null)
fi

if [ "${1:-}" = "--url" ]; then
  exec node "$here/measure.mjs" "$@"
fi

port=${BENCH_PORT:-5191}
url="http://127.0.0.1:$port"
work=$(mktemp -d /tmp/lapor-page-weight.XXXXXX)
pid=
stop() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true; fi; rm -rf "$work"; }
trap stop EXIT

# Published, as deployed: publishing is what adds the Brotli copies of the static files.
# BENCH_PUBLISHED=/path/to/publish/output skips the publish step (e.g. to repeat a measurement).
if [ -n "${BENCH_PUBLISHED:-}" ]; then
  ln -s "$BENCH_PUBLISHED" "$work/app"
else
  echo "== Publish (Release) to $work/app"
  dotnet publish "$root/src/Lapor.Web" -c Release -o "$work/app" -v q -nologo >"$work/publish.log" 2>&1 || { tail -30 "$work/publish.log" >&2; exit 1; }
fi

echo "== Start the portal on $url (Production, empty database)"
(cd "$work/app" && exec env ASPNETCORE_ENVIRONMENT=Production ASPNETCORE_URLS="$url" \
  ConnectionStrings__Default="Data Source=$work/lapor.db" Database__MigrateOnStartup=true \
  Attachments__Path="$work/attachments" Mail__PickupDirectory="$work/mail" Mail__DispatchEnabled=false \
  Deadlines__JobEnabled=false Privacy__JobEnabled=false Security__SecureCookies=false Security__RequireTwoFactor=false \
  Serilog__MinimumLevel__Default=Warning dotnet Lapor.Web.dll >"$work/portal.log" 2>&1) &
pid=$!
for _ in $(seq 1 120); do
  if curl -fs "$url/health/ready" >/dev/null 2>&1; then break; fi
  if ! kill -0 "$pid" 2>/dev/null; then echo "The portal stopped:" >&2; tail -20 "$work/portal.log" >&2; exit 1; fi
  sleep 1
done
# Warm up (first requests compile views), so the figures are the network's, not the JIT's.
for path in / /lapor; do curl -fs -o /dev/null "$url$path"; curl -fs -o /dev/null "$url$path"; done

echo "== Measure"
node "$here/measure.mjs" --url "$url" "$@"
