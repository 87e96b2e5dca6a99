#!/usr/bin/env bash
# One-time setup on a fresh Debian/Ubuntu machine with Node 20: dependencies, .env, redis-server, build.
set -euo pipefail
cd "$(dirname "$0")/.."

npm ci --no-audit --no-fund
[ -f .env ] || { cp .env.example .env; echo "setup: created .env from .env.example — fill in GITEA_URL, GITEA_TOKEN, WEBHOOK_SECRET, PROGRAM_REPO"; }

if ! command -v redis-server >/dev/null; then
  if command -v apt-get >/dev/null && { [ "$(id -u)" = 0 ] || sudo -n true 2>/dev/null; }; then
    as_root() { if [ "$(id -u)" = 0 ]; then "$@"; else sudo "$@"; fi; }
    as_root apt-get update -qq && DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq redis-server >/dev/null
    echo "setup: installed redis-server"
  else
    echo "setup: redis-server is missing — run: sudo apt-get install -y redis-server (or set REDIS_URL in .env)"
  fi
fi
npm run build
echo "setup: done — start the bot with: npm start"
