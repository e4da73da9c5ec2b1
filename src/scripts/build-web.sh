#!/usr/bin/env bash
# Builds the browser client (TypeScript + OpenLayers, Vite) into the server's wwwroot/.
# MAPDASHBOARD_TEST_HOOK=1 builds in the browser tests' hook (window.mapDashboard); the run command's
# build leaves it out.
set -euo pipefail
scripts="$(cd "$(dirname "$0")" && pwd)"
bash "$scripts/npm-install.sh" "$scripts/../MapDashboard.Web"
cd "$scripts/../MapDashboard.Web"
npm run build --silent
