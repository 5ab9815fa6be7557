#!/usr/bin/env bash
# Builds the Office add-in's pages into the service's static files (service/StrongChain.Docs.Api/wwwroot).
set -euo pipefail
cd "$(dirname "$0")/../addin"
if ! command -v npm >/dev/null 2>&1; then
  echo "npm is missing: the service runs without the add-in pages (install Node.js 20.19+ to build them)." >&2
  exit 1
fi
# npm ci only when the lock file changed since the last install.
if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.ci-lock; then
  npm ci --no-audit --no-fund
  cp package-lock.json node_modules/.ci-lock
fi
npm run build --silent
