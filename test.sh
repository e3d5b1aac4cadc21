#!/usr/bin/env bash
# MentorBot's whole test suite on a fresh Debian machine: installs what the tests need, then `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")"

# System packages: time-zone data (DST tests) and Debian's Chromium (playground browser test; browsers can't be downloaded).
need=()
[ -e /usr/share/zoneinfo/Europe/Amsterdam ] || need+=(tzdata)
command -v chromium >/dev/null 2>&1 || need+=(chromium fonts-noto-color-emoji)
if [ ${#need[@]} -gt 0 ]; then
  as_root() { if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi; }
  as_root apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${need[@]}"
fi

# Slack's Block Kit type definitions (pinned by the lockfile), compiled with tsc over every surface the tests capture.
npm ci --prefix tests/blockkit --no-audit --no-fund --loglevel=error

dotnet test MentorBot.sln "$@"
