"""Imports ICS files, one after another, into Evolution's data server (a fresh local calendar)
the way Evolution imports a calendar file: the whole VCALENDAR goes to the calendar backend's
receive_objects, which carries out its METHOD (PUBLISH, CANCEL). Prints what is then there.
Run by scripts/try-updates.sh inside dbus-run-session, with a throwaway HOME."""
import sys

import gi

gi.require_version("EDataServer", "1.2")
gi.require_version("ECal", "2.0")
gi.require_version("ICalGLib", "3.0")
from gi.repository import ECal, EDataServer, ICalGLib  # noqa: E402

registry = EDataServer.SourceRegistry.new_sync(None)
source = registry.ref_builtin_calendar()
client = ECal.Client.connect_sync(source, ECal.ClientSourceType.EVENTS, 30, None)
TITLE = "JTAI day 1: 10 cases where sexual"

for name in sys.argv[1:]:
    with open(name, encoding="utf-8") as f:
        calendar = ICalGLib.Component.new_from_string(f.read())
    client.receive_objects_sync(calendar, ECal.OperationFlags.NONE, None)
    ok, objects = client.get_object_list_as_comps_sync("#t", None)
    events = [o for o in objects if (o.get_summary() and TITLE in (o.get_summary().get_value() or ""))]
    shown = "|".join(
        f"{e.get_dtstart().get_value().as_ical_string()} {e.get_status().value_nick if hasattr(e.get_status(), 'value_nick') else e.get_status()}"
        for e in events
    )
    print(f"  {name}: {len(objects)} events; case-list event: {shown or 'gone'}")
