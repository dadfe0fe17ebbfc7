#!/usr/bin/env bash
# Scans a running Lapor with wapiti (Debian's package): SQL injection, XSS, command execution, CSRF,
# security headers and cookie flags, on every page an anonymous visitor can reach (the signed-in
# pages are covered by tests/Lapor.IntegrationTests/Security/EndpointMatrixTests.cs).
# The portal runs from a Release build on a throwaway SQLite file with the demo data.
# Findings land in artifacts/security/; docs/security.md explains each one.
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v wapiti >/dev/null; then
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq wapiti >/dev/null
fi

port="${LAPOR_SCAN_PORT:-5097}"
url="http://127.0.0.1:$port/"
out="artifacts/security"
data="$(mktemp -d)"
mkdir -p "$out"

dotnet build src/Lapor.Web --configuration Release -nologo -v quiet >/dev/null
ASPNETCORE_ENVIRONMENT=Development \
ConnectionStrings__Default="Data Source=$data/lapor.db" \
Attachments__Path="$data/attachments" \
Mail__PickupDirectory="$data/mail" \
Serilog__MinimumLevel__Default=Warning \
  dotnet run --project src/Lapor.Web --configuration Release --no-build --urls "$url" >"$out/portal.log" 2>&1 &
portal=$!
trap 'kill $portal 2>/dev/null || true; rm -rf "$data"' EXIT

for _ in $(seq 1 60); do
  curl -fsS "${url}health/ready" >/dev/null 2>&1 && break
  sleep 1
done

modules="sql,xss,exec,csrf,http_headers,cookieflags,redirect,file"
wapiti -u "$url" --flush-session -m "$modules" --max-scan-time 300 -f txt -o "$out/wapiti-anonymous.txt" >/dev/null 2>&1 || true

for report in "$out"/wapiti-*.txt; do
  echo "== $report"
  # The summary table: one line per category with its count.
  sed -n '/Summary of vulnerabilities/,/^\*\*\*\*/p' "$report" | grep -E "[0-9]+$" | grep -vE ":\s+0$" || true
done
