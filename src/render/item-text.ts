import type { Schedule, ScheduleItem } from '../core/schedule.js';

// Words about an item that several formats share.

/** The item's own note and the note of the named time it uses, as one text. */
export function noteOf(item: ScheduleItem): string | null {
  const notes = [item.note, item.timeNote].filter((n): n is string => n !== null);
  return notes.length > 0 ? notes.join(' ') : null;
}

/** Who must act, by name: "Local authority, Partner agencies". */
export function agenciesOf(item: ScheduleItem): string {
  return item.agencies.map((a) => a.name).join(', ');
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
