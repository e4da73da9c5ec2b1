#!/usr/bin/env bash
# Runs every test: unit, integration (each test process starts its own private
# PostGIS cluster under /tmp) and browser (Playwright driving Debian chromium).
# Installs what is missing first. Screenshots land in
# tests/MapDashboard.BrowserTests/bin/Debug/net10.0/screenshots/.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
cd "$root"

bash src/scripts/prerequisites.sh test
# The browser tests read the map through window.mapDashboard, which only a test build carries.
MAPDASHBOARD_TEST_HOOK=1 bash src/scripts/build-web.sh
dotnet restore MapDashboard.sln -v quiet
dotnet build MapDashboard.sln --no-restore -v quiet -nologo

# One project at a time, fastest first: the fault and browser tests start
# servers, clusters and chromium, and on 2 cores they should not race each other.
projects=(
  tests/MapDashboard.Domain.Tests
  tests/MapDashboard.Generator.Tests
  tests/MapDashboard.IntegrationTests
  tests/MapDashboard.BrowserTests
)
for dir in tests/*Tests; do
  [[ " ${projects[*]} " == *" $dir "* ]] || { echo "test.sh: $dir is not in the list of test projects" >&2; exit 1; }
done
log="$(mktemp)"
status=0
for project in "${projects[@]}"; do
  # Normal verbosity prints each test with its duration: where the suite's minutes go.
  dotnet test "$project" --no-build -nologo --logger "console;verbosity=normal" 2>&1 | tee -a "$log" || status=1
done

# One closing line for the whole run, summed over the test projects (from each project's "Total tests:" block,
# which normal verbosity prints as "Passed: n", "Failed: n", "Skipped: n" lines).
awk '/^Total tests:/ { block = 1; next }
     block && /^ +(Passed|Failed|Skipped): +[0-9]+ *$/ { n = $2 + 0; if ($1 == "Passed:") p += n; if ($1 == "Failed:") f += n; if ($1 == "Skipped:") s += n; next }
     block && /Total time/ { block = 0 }
     END { printf "tests: %d passed, %d failed, %d skipped\n", p, f, s }' "$log"
rm -f "$log"
exit "$status"
