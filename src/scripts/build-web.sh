#!/usr/bin/env bash
# Builds the browser client (TypeScript + OpenLayers, Vite) into the server's wwwroot/.
set -euo pipefail
web="$(cd "$(dirname "$0")/../MapDashboard.Web" && pwd)"
cd "$web"
# npm ci wipes and reinstalls; skip it when node_modules already matches the lock file.
if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.mapdashboard-lock; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.mapdashboard-lock
fi
npm run build --silent
