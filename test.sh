#!/usr/bin/env bash
# MentorBot's whole test suite: installs Slack's Block Kit type definitions (pinned by the lockfile), then `dotnet test`.
set -euo pipefail
cd "$(dirname "$0")"

npm ci --prefix tests/blockkit --no-audit --no-fund --loglevel=error
dotnet test MentorBot.sln "$@"
