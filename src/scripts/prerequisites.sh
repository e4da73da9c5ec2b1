#!/usr/bin/env bash
# Installs the Debian packages MapDashboard needs, only those that are missing.
#   prerequisites.sh run   — PostGIS for the private cluster
#   prerequisites.sh test  — also chromium (browser tests), CJK fonts (Chinese in
#                            screenshots) and GDAL (ogrinfo decodes tiles as a real client)
set -euo pipefail

packages=(postgresql-15 postgresql-15-postgis-3)
if [ "${1:-run}" = "test" ]; then
  packages+=(chromium fonts-noto-cjk gdal-bin)
fi

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

echo "Installing: ${missing[*]}"
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
# The Debian package starts a system cluster on 5432; MapDashboard runs its own and needs none.
