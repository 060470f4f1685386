import type { Party } from '../core/rule-set.js';
import { type FocusListView, focusLists } from '../core/focus.js';
import { contactsOf } from '../core/progress.js';
import type { Schedule, ScheduleItem } from '../core/schedule.js';
import { noteOf } from './item-text.js';

/** The version of the JSON shape; it changes only when a field changes meaning or goes away. */
export const JSON_FORMAT_VERSION = 1;

function party(p: Party): { id: string; name: string } {
  return { id: p.id, name: p.name };
}

function itemJson(item: ScheduleItem, schedule: Schedule) {
  const progress = schedule.progress?.items[item.id];
  const withContacts = (p: Party) => ({ ...party(p), contacts: contactsOf(schedule, p.id) });
  return {
    id: item.id,
    kind: item.kind,
    title: item.title,
    day: item.day,
    anchor: item.anchor,
    from: item.from,
    date: item.date,
    weekday: item.weekday,
    time: item.time,
    timeLabel: item.timeLabel,
    due: item.due,
    agencies: item.agencies.map(withContacts),
    recipient: item.recipient && withContacts(item.recipient),
    details: item.details,
    source: item.source,
    note: noteOf(item),
    after: item.after,
    skipped: item.skipped,
    status: progress?.status ?? null,
    doneAt: progress?.doneAt ?? null,
    doneBy: progress?.doneBy ?? null,
    owing: progress ? progress.owing.map(party) : null,
  };
}

function inspectionJson(schedule: Schedule) {
  const { inspection, applies } = schedule.ruleSet;
  if (!inspection && !applies) return null;
  return {
    guidance: inspection?.guidance ?? null,
    themes: inspection?.themes ?? [],
    inspectorates: inspection?.inspectorates ?? [],
    note: inspection?.note ?? null,
    appliesFrom: applies?.from ?? null,
    appliesUntil: applies?.until ?? null,
    fits: !schedule.warnings.some((w) => w.kind === 'guidance'),
  };
}

function focusJson(list: FocusListView) {
  return {
    id: list.id,
    heading: list.heading,
    intro: list.intro,
    agencies: list.parties.map(party),
    points: list.points.map((p) => ({ text: p.text, agencies: p.parties.map(party), note: p.note })),
    note: list.note,
    source: list.source,
    forFilter: list.forFilter,
  };
}

/** The plan as the documented JSON object (see README, "JSON output"), two-space indented. */
export function renderJson(schedule: Schedule): string {
  const { ruleSet } = schedule;
  const json = {
    formatVersion: JSON_FORMAT_VERSION,
    notified: schedule.notified,
    timezone: schedule.timezone,
    area: schedule.area,
    now: schedule.progress?.now ?? null,
    schedule: { id: ruleSet.id, name: ruleSet.name, source: ruleSet.source, holidays: ruleSet.holidays, notes: ruleSet.notes },
    filter: schedule.filter && { agencies: schedule.filter.agencies.map(party) },
    inspection: inspectionJson(schedule),
    items: schedule.items.map((item) => itemJson(item, schedule)),
    focus: focusLists(schedule).map(focusJson),
    daysOff: schedule.daysOff,
    warnings: schedule.warnings.map((w) => w.message),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
