#!/usr/bin/env bash
# Runs every test: unit, integration (each test process starts its own private
# PostGIS cluster under /tmp) and browser (Playwright driving Debian chromium).
# Installs what is missing first. Screenshots land in
# tests/MapDashboard.BrowserTests/bin/Debug/net10.0/screenshots/.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

bash src/scripts/prerequisites.sh test
bash src/scripts/build-web.sh
# The live tests drive the real npm SignalR client from node.
bash src/scripts/npm-install.sh src/MapDashboard.Tools/LiveClient
dotnet restore MapDashboard.sln -v quiet
dotnet build MapDashboard.sln --no-restore -v quiet -nologo

log="$(mktemp)"
set +e
dotnet test MapDashboard.sln --no-build -v quiet -nologo 2>&1 | tee "$log"
status=${PIPESTATUS[0]}
set -e

# One closing line for the whole run, summed over the test assemblies.
awk '/(Passed|Failed)! +- +Failed: /{
       for (i = 1; i <= NF; i++) { if ($i == "Failed:") f += $(i+1); if ($i == "Passed:") p += $(i+1); if ($i == "Skipped:") s += $(i+1) }
     }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit "$status"
