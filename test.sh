#!/usr/bin/env bash
# Runs MentorBot's whole test suite on a fresh Debian machine: installs what the tests need, then `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")"

# Slack's Block Kit type definitions, compiled with tsc over every surface the tests capture.
npm ci --prefix tests/blockkit --no-audit --no-fund --loglevel=error

dotnet test MentorBot.sln "$@"
