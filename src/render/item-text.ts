import { type TrackedPlan, contactsOf } from '../core/progress/progress.js';
import { formatShortDate, formatShortDateTime } from '../core/dates/calendar-date.js';
import { contactWords } from '../core/progress/inspection-words.js';
import type { Party } from '../core/rule-set/rule-set.js';
import type { PlanItem } from '../core/plan/plan.js';
import { tellLate } from './words.js';
import { filterWords, isInformational } from '../core/plan/agencies.js';

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

/**
 * What every format says beside an item of its timetable: kept only for information, moved
 * with the lead inspector ("Moved from Thu 21 Mar 2019 17:00: ..."), and, once an inspection
 * file records progress, where it stands ("✓ Done Wed 20 Mar 2019 14:52 by Jane Smith, late by
 * 20 min", "Overdue: still owed by Health, Schools (done: Police)"); undefined when there is
 * nothing to say.
 */
export function progressWords(item: PlanItem, plan: TrackedPlan): string | undefined {
  const info = isInformational(plan, item) ? `For information: not for ${filterWords(plan)} to do` : undefined;
  const words = [info, movedWords(item), info ? undefined : statusWords(item, plan)].filter((w) => w !== undefined);
  return words.length > 0 ? words.join('. ') : undefined;
}

/**
 * A deadline agreed with the lead inspector, beside the rule set's: movedWords(item) is "Moved
 * from Thu 21 Mar 2019 17:00: agreed with the lead inspector (Kim, Wed 20 Mar 2019 09:12)".
 */
export function movedWords(item: PlanItem): string | undefined {
  const m = item.moved;
  if (!m) return undefined;
  const from = `${formatShortDate(m.from.date)} ${m.from.time ?? 'all day'}`;
  const who = [m.by, formatShortDateTime(m.at)].filter(Boolean).join(', ');
  return `${m.with ? `Moved with ${m.with}, from` : 'Moved from'} ${from}: ${m.why} (${who})`;
}

function statusWords(item: PlanItem, plan: TrackedPlan): string | undefined {
  const p = plan.progress?.items[item.id];
  if (!p || !plan.progress?.recorded) return undefined;
  if (p.status === 'done' && p.doneAt) {
    const late = p.lateByMinutes !== null ? `, ${tellLate(p.lateByMinutes)}` : '';
    return `✓ Done ${formatShortDateTime(p.doneAt)}${p.doneBy ? ` by ${p.doneBy}` : ''}${late}${p.note ? ` (${p.note})` : ''}`;
  }
  const owed = owedWords(item, plan);
  if (owed && p.status === 'overdue') return `Overdue: ${owed}`;
  return owed?.startsWith('still') ? `Done so far: ${owed}` : undefined;
}

/**
 * Who still owes a submission not done, once progress is recorded: "owed by Local authority,
 * Police", or "still owed by Health, Schools (done: Police)" once some have delivered.
 */
export function owedWords(item: PlanItem, plan: TrackedPlan): string | undefined {
  const p = plan.progress?.items[item.id];
  if (!p || !plan.progress?.recorded || p.status === 'done' || item.kind !== 'submission') return undefined;
  const done = p.agencies.filter((a) => a.status === 'done').map((a) => a.party.name);
  const owing = p.owing.map((a) => a.name).join(', ');
  return done.length > 0 ? `still owed by ${owing} (done: ${done.join(', ')})` : `owed by ${owing}`;
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
