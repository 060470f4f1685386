import { type TrackedPlan, contactsOf } from '../core/progress/progress.js';
import { formatShortDateTime } from '../core/dates/calendar-date.js';
import { contactWords } from '../core/progress/inspection-words.js';
import type { Party } from '../core/rule-set/rule-set.js';
import type { PlanItem } from '../core/plan/plan.js';

// Words about an item that several formats share.

/** The item's own note and the note of the named time it uses, as one text. */
export function noteOf(item: PlanItem): string | null {
  const notes = [item.note, item.timeNote].filter((n): n is string => n !== null);
  return notes.length > 0 ? notes.join(' ') : null;
}

/** A party by name, with the inspection file's contact for it: "Police (DI Jane Smith)". */
export function partyWords(party: Party, plan?: Pick<TrackedPlan, 'contacts'>): string {
  const names = plan ? contactsOf(plan, party.id).map((c) => c.name) : [];
  return names.length > 0 ? `${party.name} (${names.join(', ')})` : party.name;
}

/** Who must act, by name: "Local authority, Partner agencies", with contacts where the inspection file has them. */
export function agenciesOf(item: PlanItem, plan?: Pick<TrackedPlan, 'contacts'>): string {
  return item.agencies.map((a) => partyWords(a, plan)).join(', ');
}

/** Who must act and to whom: tellWho(item, plan) is "Police (DI Jane Smith) → Inspectors"; names only without a plan. */
export function tellWho(item: PlanItem, plan?: Pick<TrackedPlan, 'contacts'>): string {
  return `${agenciesOf(item, plan)}${item.recipient ? ` → ${partyWords(item.recipient, plan)}` : ''}`;
}

/** "✓ Done Wed 20 Mar 2019 14:52 by Jane Smith", or undefined if not done. */
export function doneWords(item: PlanItem, plan: TrackedPlan): string | undefined {
  const p = plan.progress?.items[item.id];
  if (!p || p.status !== 'done' || !p.doneAt) return undefined;
  return `✓ Done ${formatShortDateTime(p.doneAt)}${p.doneBy ? ` by ${p.doneBy}` : ''}${p.note ? ` (${p.note})` : ''}`;
}

/** Every contact the inspection file gives, as "Police: DI Jane Smith, MASH, jane@..., 01234". */
export function contactLines(plan: TrackedPlan): string[] {
  return Object.entries(plan.contacts).flatMap(([id, contacts]) =>
    contacts.map((c) => `${plan.ruleSet.parties[id]?.name ?? id}: ${contactWords(c)}`),
  );
}

/** "Due" for a submission, "Inspectors" for an inspector action. */
export function kindWord(item: PlanItem): string {
  return item.kind === 'submission' ? 'Due' : 'Inspectors';
}

/** The notes a plan ends with: each named time's note once, then the rule set's own notes. */
export function planNotes(plan: TrackedPlan): string[] {
  const timeNotes = new Map<string, string>();
  for (const i of plan.items) if (i.timeNote && i.time) timeNotes.set(`"${i.timeLabel}" is ${i.time}`, i.timeNote);
  return [...[...timeNotes].map(([k, v]) => `${k}: ${v}`), ...plan.ruleSet.notes];
}
