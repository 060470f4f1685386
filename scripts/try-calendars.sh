#!/usr/bin/env bash
# Imports jtai's ICS into two real calendar programs from Debian (khal and calcurse) and lists
# what they show, with the machine in another time zone than London. Needs:
#   apt-get install -y khal calcurse
# Usage: scripts/try-calendars.sh [NOTIFIED]   (default 2019-03-26, across the March clock change)
set -euo pipefail
notified=${1:-2019-03-26}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
here=$(cd "$(dirname "$0")/.." && pwd)
"$here/bin/jtai.cjs" plan --notified "$notified" --out "$work/jtai.ics" 2>/dev/null
mkdir -p "$work/cal"
cat > "$work/khal.conf" <<CONF
[calendars]
[[jtai]]
path = $work/cal
type = calendar
[locale]
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
local_timezone = Europe/London
default_timezone = Europe/London
[sqlite]
path = $work/khal.db
CONF
echo "== khal (machine TZ America/New_York, khal's zone Europe/London)"
TZ=America/New_York khal -c "$work/khal.conf" import --batch -a jtai "$work/jtai.ics"
TZ=America/New_York khal -c "$work/khal.conf" list --format '{start} {title}' "$notified" 16d
echo "== calcurse (TZ=Europe/London)"
mkdir -p "$work/cc"
TZ=Europe/London calcurse -D "$work/cc" -i "$work/jtai.ics" | tail -1
from=$(date -d "$notified" +%m/%d/%Y)
TZ=Europe/London calcurse -D "$work/cc" -Q --from "$from" --days 16
