#!/usr/bin/env bash
# npm ci in a folder, skipped when its node_modules already matches the lock file.
set -euo pipefail
cd "$1"
if [ ! -f node_modules/.package-lock.json ] || ! cmp -s package-lock.json node_modules/.mapdashboard-lock; then
  npm ci --no-audit --no-fund --loglevel=error
  cp package-lock.json node_modules/.mapdashboard-lock
fi
