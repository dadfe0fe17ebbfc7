#!/usr/bin/env bash
# Runs every test of Lapor: unit, integration (real SQLite files) and browser (Chromium over Kestrel).
# On a fresh Debian machine it first installs what the tests need that the .NET SDK lacks: Chromium.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x /usr/bin/chromium ]; then
  echo "Installing Chromium from Debian for the browser tests..."
  sudo=""
  if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq chromium >/dev/null
fi

dotnet tool restore >/dev/null
dotnet test Lapor.sln --configuration Release
