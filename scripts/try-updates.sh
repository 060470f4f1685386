#!/usr/bin/env bash
# What real calendar programs do when a plan changes: each imports a plan, then the same plan
# with one deadline moved (same UIDs, higher SEQUENCE), then an older file again, then the
# cancelling file (jtai plan --cancel). Then a re-issue made with an inspection file: the first
# issue, and the next with one deadline moved (jtai move), one item added and one removed (the
# area's overlay) and one contact added. Prints what each program then shows.
# Needs: apt-get install -y khal calcurse   (and, for Evolution's data server:
#        evolution-data-server gir1.2-ecal-2.0 gir1.2-edataserver-1.2 python3-gi dbus)
# Usage: scripts/try-updates.sh
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
jtai() { node "$here/bin/jtai.cjs" "$@"; }
printf 'extends: jtai-2018\nid: jtai-2018\nitems:\n  - { id: cse-gangs-cases, at: "14:00" }\n' > moved.yaml
SOURCE_DATE_EPOCH=1553000000 jtai plan -n 2019-03-19 --out v1.ics -q
SOURCE_DATE_EPOCH=1553100000 jtai plan -n 2019-03-19 -r moved.yaml --out v2.ics -q
SOURCE_DATE_EPOCH=1553200000 jtai plan -n 2019-03-19 --cancel --out cancel.ics -q
title='JTAI day 1 by 1[45]:00: 10 cases where sexual'
mkdir reissue
(
  cd reissue
  jtai start -n 2019-03-19 --area "My Area" >/dev/null 2>&1
  SOURCE_DATE_EPOCH=1553000000 jtai plan --out jtai.ics -q && cp jtai.ics ../r1.ics
  jtai move multi-agency-meetings --to "22/03/2019 10:00" --why "agreed with the lead inspector" >/dev/null 2>&1
  printf 'extends: jtai-2018\nid: my-area\nremove: [joint-evaluations]\nitems:\n  - { id: sign-off, kind: submission, title: Internal sign-off, day: 1, at: "13:00", by: [local-authority], source: Our own. }\n' > area.yaml
  sed -i 's/^rules: .*$/rules: "area.yaml"/; s/^contacts: {}$/contacts:\n  yot: { name: Sam Patel }/' jtai-inspection.yaml
  SOURCE_DATE_EPOCH=1553100000 jtai plan --out jtai.ics && cp jtai.ics ../r2.ics
) 2>&1 | grep -v warning
reissued='multi-agency|sign-off|Joint evaluations|Youth Offending'

if command -v khal >/dev/null; then
  mkdir -p khal
  cat > khal.conf <<CONF
[calendars]
[[jtai]]
path = $work/khal
type = calendar
[locale]
local_timezone = Europe/London
default_timezone = Europe/London
timeformat = %H:%M
dateformat = %Y-%m-%d
longdateformat = %Y-%m-%d
datetimeformat = %Y-%m-%d %H:%M
longdatetimeformat = %Y-%m-%d %H:%M
[sqlite]
path = $work/khal.db
CONF
  k() { khal -c khal.conf "$@"; }
  show() { echo "  $1: $(ls khal | wc -l) events; $(k list --format '{start} {status}{title}' 2019-03-20 1d | grep -E "$title" | cut -c1-40 | paste -sd'|')"; }
  echo "== khal"
  k import --batch -a jtai v1.ics >/dev/null; show "v1"
  k import --batch -a jtai v2.ics >/dev/null; show "v2 (moved to 14:00)"
  k import --batch -a jtai v1.ics >/dev/null; show "v1 again (older SEQUENCE)"
  k import --batch -a jtai cancel.ics >/dev/null; show "cancel"
  echo "== khal, a re-issue"
  rm -f khal/* khal.db
  for f in r1.ics r2.ics; do
    k import --batch -a jtai $f >/dev/null
    echo "  $f: $(ls khal | wc -l) events; the YOT's contact in $(grep -l 'Sam Patel' khal/* | wc -l)"
    k list --format '{start} {status}{title}' 2019-03-19 14d | grep -E "$reissued" | cut -c1-70 | sed 's/^/    /'
  done
fi

if command -v calcurse >/dev/null; then
  mkdir -p cc
  c() { TZ=Europe/London calcurse -D "$work/cc" "$@"; }
  show() { echo "  $1: $(c -Q --from 03/20/2019 --days 1 | grep -Ec "$title") copies of the case-list event"; }
  echo "== calcurse"
  c -i v1.ics >/dev/null; show "v1"
  c -i v2.ics >/dev/null; show "v2 (moved to 14:00)"
  c -i cancel.ics >/dev/null; show "cancel"
fi

if python3 -c 'import gi; gi.require_version("ECal", "2.0")' 2>/dev/null || /usr/bin/python3 -c 'import gi; gi.require_version("ECal", "2.0")' 2>/dev/null; then
  echo "== Evolution's data server"
  mkdir -p "$work/home"
  HOME="$work/home" dbus-run-session -- /usr/bin/python3 "$here/scripts/try-eds.py" --uid jtai-20190319-cse-gangs-cases@jtai v1.ics v2.ics v1.ics cancel.ics 2> >(grep -v "^dbus-daemon" >&2)
  echo "== Evolution's data server, a re-issue"
  mkdir -p "$work/home2"
  HOME="$work/home2" dbus-run-session -- /usr/bin/python3 "$here/scripts/try-eds.py" --grep 'Sam Patel' \
    --uid jtai-20190319-multi-agency-meetings@jtai --uid jtai-20190319-sign-off@jtai \
    --uid jtai-20190319-joint-evaluations@jtai --uid jtai-20190319-yot-cases@jtai r1.ics r2.ics 2> >(grep -v "^dbus-daemon" >&2)
fi
