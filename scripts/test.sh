#!/usr/bin/env bash
# Runs every test of Lapor: unit, integration (real SQLite files) and browser (Chromium over Kestrel).
# On a fresh Debian machine it first installs what the tests need that the .NET SDK lacks: Chromium,
# aiosmtpd, redis-server and nginx.
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
if [ -n "$missing" ]; then
  echo "Installing from Debian:$missing"
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  # shellcheck disable=SC2086
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq $missing >/dev/null
fi

# s3rver (an S3-protocol server for the S3 attachment store's tests) and Redocly CLI (the OpenAPI lint),
# pinned in tests/tools/package-lock.json.
if [ ! -x tests/tools/node_modules/.bin/s3rver ] || [ ! -x tests/tools/node_modules/.bin/redocly ]; then
  npm ci --prefix tests/tools --no-audit --no-fund --loglevel=error >/dev/null
fi

dotnet tool restore >/dev/null
dotnet test Lapor.sln --configuration Release
