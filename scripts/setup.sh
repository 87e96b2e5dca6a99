#!/usr/bin/env bash
# One-time setup on a fresh Debian/Ubuntu machine with Node 20: dependencies, .env, the system
# programs the bot and its tests run (redis-server, faketime, a C compiler), build.
set -euo pipefail
cd "$(dirname "$0")/.."

npm ci --no-audit --no-fund
[ -f .env ] || { cp .env.example .env; echo "setup: created .env from .env.example — fill in GITEA_TOKEN and WEBHOOK_SECRET (and GITEA_URL, PROGRAM_REPO) before npm start"; }

# redis-server: the bot's embedded Redis when REDIS_URL is unset, and every test's real Redis.
# faketime: the tests move a running process's clock across a month end.
# gcc: a fault test builds a small library that makes Redis's disk slow (test/support/native).
missing=()
command -v redis-server >/dev/null || missing+=(redis-server)
command -v faketime >/dev/null || missing+=(faketime)
command -v cc >/dev/null || missing+=(gcc)
if [ ${#missing[@]} -gt 0 ]; then
  if command -v apt-get >/dev/null && { [ "$(id -u)" = 0 ] || sudo -n true 2>/dev/null; }; then
    as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
    as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
    echo "setup: installed ${missing[*]}"
  else
    echo "setup: missing ${missing[*]} — run: sudo apt-get install -y ${missing[*]} (redis-server is not needed to run the bot when REDIS_URL is set)"
  fi
fi
npm run build
echo "setup: done — fill in .env, then start the bot with: npm start   (tests: npm test)"
