#!/usr/bin/env bash
# Load benchmark (not a test): builds Release, runs MentorBot (temp database, fake Slack) and a minimal Bolt for
# JavaScript app on loopback, fires signed slash commands at full speed (default 10 s per scenario, 10 connections) at
# one and then the other, scenario by scenario, checks every acknowledged goal is in the database, prints both side by side.
# Usage: bench/load/run.sh [--seconds 10] [--connections 10] [--shape one|many|both] [--only "/goal add,/goal list"] [--no-bolt]
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
out="$root/artifacts/bench"

dotnet publish "$root/src/MentorBot/MentorBot.csproj" -c Release -o "$out/mentorbot" --nologo -v q
dotnet build "$root/tests/MentorBot.LoadBench/MentorBot.LoadBench.csproj" -c Release -o "$out/loadbench" --nologo -v q
# The Bolt app's dependencies, exactly as pinned by its package-lock.json.
npm ci --prefix "$root/bench/load/bolt" --no-audit --no-fund --loglevel=error

exec dotnet "$out/loadbench/MentorBot.LoadBench.dll" --mentorbot "$out/mentorbot/MentorBot.dll" --bolt "$root/bench/load/bolt" "$@"
