#!/usr/bin/env bash
# Builds the browser client (TypeScript + OpenLayers, Vite) into the server's wwwroot/.
set -euo pipefail
scripts="$(cd "$(dirname "$0")" && pwd)"
bash "$scripts/npm-install.sh" "$scripts/../MapDashboard.Web"
cd "$scripts/../MapDashboard.Web"
npm run build --silent
