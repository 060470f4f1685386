import type { ScheduleItem } from '../core/schedule.js';

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
