import { type TrackedPlan, contactsOf } from '../core/progress/progress.js';
import type { Party, Quote } from '../core/rule-set/rule-set.js';
import { type FocusListView, focusLists } from '../core/plan/focus.js';
import { type PlanItem, fitOf, quotedSource } from '../core/plan/plan.js';
import { noteOf } from './item-text.js';
import { isInformational } from '../core/plan/agencies.js';

/** The version of the JSON shape; it changes only when a field changes meaning or goes away. */
export const JSON_FORMAT_VERSION = 1;

/** A party as every JSON output writes it: partyJson(police) is { id: "police", name: "Police" }. */
export function partyJson(p: Pick<Party, 'id' | 'name'>): { id: string; name: string } {
  return { id: p.id, name: p.name };
}

function itemJson(item: PlanItem, plan: TrackedPlan) {
  const progress = plan.progress?.items[item.id];
  const withContacts = (p: Party) => ({ ...partyJson(p), contacts: contactsOf(plan, p.id) });
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
    moved: item.moved,
    forInformation: isInformational(plan, item),
    status: progress?.status ?? null,
    doneAt: progress?.doneAt ?? null,
    doneBy: progress?.doneBy ?? null,
    late: progress ? progress.late : null,
    lateByMinutes: progress?.lateByMinutes ?? null,
    owing: progress ? progress.owing.map(partyJson) : null,
  };
}

function inspectionJson(plan: TrackedPlan) {
  const { inspection, applies } = plan.ruleSet;
  if (!inspection && !applies) return null;
  // Quoted words as the rule set holds them, with the document they come from.
  const quoted = (q: Quote | undefined) => (q ? quotedSource(plan.ruleSet, q) : null);
  return {
    guidance: inspection?.guidance ?? null,
    themes: inspection?.themes ?? [],
    themesSource: quoted(inspection?.themesSource),
    inspectorates: inspection?.inspectorates ?? [],
    inspectoratesSource: quoted(inspection?.inspectoratesSource),
    note: inspection?.note ?? null,
    appliesFrom: applies?.from ?? null,
    appliesUntil: applies?.until ?? null,
    appliesSource: quoted(applies?.source),
    appliesBefore: applies?.before ?? null,
    appliesAfter: applies?.after ?? null,
    fits: fitOf(applies, plan.notified) === 'within',
    fitChecked: Boolean(plan.fitChecked),
  };
}

function focusJson(list: FocusListView) {
  return {
    id: list.id,
    heading: list.heading,
    intro: list.intro,
    agencies: list.parties.map(partyJson),
    points: list.points.map((p) => ({ text: p.text, agencies: p.parties.map(partyJson), note: p.note })),
    note: list.note,
    source: list.source,
    forFilter: list.forFilter,
  };
}

/** The plan as the documented JSON object (see README, "JSON output"), two-space indented. */
export function renderJson(plan: TrackedPlan): string {
  const { ruleSet } = plan;
  const json = {
    formatVersion: JSON_FORMAT_VERSION,
    notified: plan.notified,
    timezone: plan.timezone,
    area: plan.area,
    now: plan.progress?.now ?? null,
    schedule: {
      id: ruleSet.id,
      name: ruleSet.name,
      source: ruleSet.source,
      holidays: ruleSet.holidays,
      notes: ruleSet.notes,
    },
    filter: plan.filter && { agencies: plan.filter.agencies.map(partyJson) },
    inspection: inspectionJson(plan),
    items: plan.items.map((item) => itemJson(item, plan)),
    focus: focusLists(plan).map(focusJson),
    daysOff: plan.daysOff,
    warnings: plan.warnings.map((w) => w.message),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
