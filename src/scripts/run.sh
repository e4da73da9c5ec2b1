#!/usr/bin/env bash
# Starts the dashboard on the demo district: installs what is missing, starts
# (or reuses) the private PostGIS cluster in .local/pg, applies the schema,
# loads the demo district into an empty database, builds the web client and
# serves it. Extra arguments go to the server, e.g.
#   bash src/scripts/run.sh --ConnectionStrings:MapDashboard="Host=…;Database=…"
#   bash src/scripts/run.sh --urls http://0.0.0.0:5080
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
url="${MAPDASHBOARD_URL:-http://127.0.0.1:5080}"

bash "$root/src/scripts/prerequisites.sh" run
bash "$root/src/scripts/build-web.sh"
dotnet build "$root/src/MapDashboard.Server" -c Release -v quiet -nologo

echo "MapDashboard: $url/wall (wall display), $url/lead (leaders), $url/plan (planners)"
cd "$root/src/MapDashboard.Server"
exec dotnet bin/Release/net10.0/MapDashboard.Server.dll \
  --contentRoot "$root/src/MapDashboard.Server" \
  --urls "$url" \
  --Database:EmbeddedDirectory="$root/.local/pg" \
  --Demo:DataDirectory="$root/data/demo" \
  "$@"
