import { formatShortDate } from '../core/calendar-date.js';
import { contactWords } from '../core/inspection-words.js';
import { contactsOf } from '../core/progress.js';
import type { Party } from '../core/rule-set.js';
import type { Schedule, ScheduleItem } from '../core/schedule.js';

// Words about an item that several formats share.

/** The item's own note and the note of the named time it uses, as one text. */
export function noteOf(item: ScheduleItem): string | null {
  const notes = [item.note, item.timeNote].filter((n): n is string => n !== null);
  return notes.length > 0 ? notes.join(' ') : null;
}

/** A party by name, with the inspection file's contact for it: "Police (DI Jane Smith)". */
export function partyWords(party: Party, schedule?: Pick<Schedule, 'contacts'>): string {
  const names = schedule ? contactsOf(schedule, party.id).map((c) => c.name) : [];
  return names.length > 0 ? `${party.name} (${names.join(', ')})` : party.name;
}

/** Who must act, by name: "Local authority, Partner agencies", with contacts where the inspection file has them. */
export function agenciesOf(item: ScheduleItem, schedule?: Pick<Schedule, 'contacts'>): string {
  return item.agencies.map((a) => partyWords(a, schedule)).join(', ');
}

/** "✓ Done Wed 20 Mar 2019 14:52 by Jane Smith", or undefined if not done. */
export function doneWords(item: ScheduleItem, schedule: Schedule): string | undefined {
  const p = schedule.progress?.items[item.id];
  if (!p || p.status !== 'done' || !p.doneAt) return undefined;
  return `✓ Done ${formatShortDate(p.doneAt.slice(0, 10))} ${p.doneAt.slice(11, 16)}${p.doneBy ? ` by ${p.doneBy}` : ''}${p.note ? ` (${p.note})` : ''}`;
}

/** Every contact the inspection file gives, as "Police: DI Jane Smith, MASH, jane@..., 01234". */
export function contactLines(schedule: Schedule): string[] {
  return Object.entries(schedule.contacts).flatMap(([id, contacts]) =>
    contacts.map((c) => `${schedule.ruleSet.parties[id]?.name ?? id}: ${contactWords(c)}`),
  );
}

/** "Due" for a submission, "Inspectors" for an inspector action. */
export function kindWord(item: ScheduleItem): string {
  return item.kind === 'submission' ? 'Due' : 'Inspectors';
}

/** The notes a plan ends with: each named time's note once, then the rule set's own notes. */
export function planNotes(schedule: Schedule): string[] {
  const timeNotes = new Map<string, string>();
  for (const i of schedule.items) if (i.timeNote && i.time) timeNotes.set(`"${i.timeLabel}" is ${i.time}`, i.timeNote);
  return [...[...timeNotes].map(([k, v]) => `${k}: ${v}`), ...schedule.ruleSet.notes];
}
