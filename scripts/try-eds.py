"""Imports ICS files, one after another, into Evolution's data server (its built-in local
calendar, in a throwaway HOME) the way Evolution imports a calendar file: the whole VCALENDAR
goes to the calendar backend's receive_objects, which carries out its METHOD (PUBLISH, CANCEL).
After each file, prints how many events the calendar holds and, for each UID given with --uid,
its start, SEQUENCE and STATUS (or "absent"), and with --grep whether its description holds a text.
Run inside dbus-run-session with a throwaway HOME (scripts/try-updates.sh does):
  HOME=$(mktemp -d) dbus-run-session -- /usr/bin/python3 scripts/try-eds.py \
    --uid jtai-20190319-sign-off@jtai v1.ics v2.ics"""
import argparse

import gi

gi.require_version("EDataServer", "1.2")
gi.require_version("ECal", "2.0")
gi.require_version("ICalGLib", "3.0")
from gi.repository import ECal, EDataServer, ICalGLib  # noqa: E402


def describe(comp, grep):
    """Start, SEQUENCE and STATUS of one event: "20190322T100000Z seq 7 NONE"."""
    status = comp.get_status()
    told = f"{comp.get_dtstart().get_value().as_ical_string()} seq {comp.get_sequence()} {getattr(status, 'value_nick', str(status)).upper()}"
    if grep:
        description = comp.get_icalcomponent().get_description() or ""
        told += f", {grep!r} {'in' if grep in description else 'not in'} its description"
    return told


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--uid", action="append", default=[], help="a UID to show after each import")
    parser.add_argument("--grep", help="a text to look for in each shown event's description")
    parser.add_argument("files", nargs="+")
    args = parser.parse_args()
    registry = EDataServer.SourceRegistry.new_sync(None)
    client = ECal.Client.connect_sync(registry.ref_builtin_calendar(), ECal.ClientSourceType.EVENTS, 30, None)
    for name in args.files:
        with open(name, encoding="utf-8") as f:
            calendar = ICalGLib.Component.new_from_string(f.read())
        client.receive_objects_sync(calendar, ECal.OperationFlags.NONE, None)
        _, objects = client.get_object_list_as_comps_sync("#t", None)
        print(f"  {name}: {len(objects)} events")
        for uid in args.uid:
            held = [o for o in objects if o.get_uid() == uid]
            print(f"    {uid}: {' | '.join(describe(o, args.grep) for o in held) if held else 'absent'}")


main()
