import { formatShortDate, formatShortDateTime } from '../core/dates/calendar-date.js';
import type { CalendarChanges, ContentPart, IssuedEvent } from '../core/progress/issues.js';
import { tellDue } from './words.js';

// What changed in a calendar since it was last issued, for the coordinator's email to partners
// that goes with the new calendars: "moved: 1, removed: 1, changed: 1" (what happened only), then each.

// What changed in an event whose time and title stayed the same, in the coordinator's words.
const PART_WORDS: Record<ContentPart, string> = {
  event: 'its content',
  who: 'who must act',
  contact: 'the contact',
  details: 'the details',
  moves: 'the reason for its move',
  reminders: 'the reminders',
};

// A removed event: taken out of the plan, or (in an agency's calendar) now for other agencies.
function removedLine(was: IssuedEvent): string {
  const why = was.why?.kind === 'reassigned' ? `; no longer yours, now for ${was.why.to.join(', ')}` : '';
  return `  removed: ${was.title} (${was.item}), was ${tellDue(was)}${why}; sent as cancelled`;
}

/**
 * The changes as lines: renderChanges("jtai.ics", changes, 14) starts "jtai.ics: since it was
 * issued on Tue 19 Mar 2019 09:10, moved: 1, ...". For an agency's calendar with nothing left
 * in it (`emptiedFor`, whom it is for), "police.ics: nothing left for Police; its 3 events are
 * sent as cancelled.", then why each went.
 */
export function renderChanges(calendar: string, c: CalendarChanges, count: number, emptiedFor?: string): string {
  if (!c.since) return `${calendar}: issued for the first time, ${count} event${count === 1 ? '' : 's'}.\n`;
  if (emptiedFor !== undefined) {
    const n = c.cancelled.length;
    return [
      `${calendar}: nothing left for ${emptiedFor}; its ${n === 1 ? 'event is' : `${n} events are`} sent as cancelled.`,
      ...c.removed.map(removedLine),
      '',
    ].join('\n');
  }
  const since = `${calendar}: since it was issued on ${formatShortDateTime(c.since.at)}`;
  if (c.renotified) {
    const { from, to, cancelled: n } = c.renotified;
    return `${since}, the notification date changed from ${formatShortDate(from)} to ${formatShortDate(to)}: every event is new, and the ${n === 1 ? 'old one is' : `${n} old ones are`} sent as cancelled.\n`;
  }
  const total = c.moved.length + c.added.length + c.removed.length + c.renamed.length + c.changed.length;
  // Only what happened is counted: "moved: 1, removed: 1" reads in an email; a row of zeros does not.
  const counts = (
    [
      ['moved', c.moved.length],
      ['added', c.added.length],
      ['removed', c.removed.length],
      ['renamed', c.renamed.length],
      ['changed', c.changed.length],
    ] as const
  )
    .filter(([, n]) => n > 0)
    .map(([what, n]) => `${what}: ${n}`)
    .join(', ');
  const head = `${since}, ${total === 0 ? 'nothing changed' : counts}.`;
  const lines = [
    head,
    ...c.moved.map(({ item, was }) => `  moved: ${item.title} (${item.id}), ${tellDue(was)} → ${tellDue(item)}`),
    ...c.added.map((item) => `  added: ${item.title} (${item.id}), ${tellDue(item)}`),
    ...c.removed.map(removedLine),
    ...c.renamed.map(({ item, was }) => `  renamed: ${was.title} → ${item.title} (${item.id})`),
    ...c.changed.map(
      ({ item, parts }) => `  changed: ${item.title} (${item.id}): ${parts.map((p) => PART_WORDS[p]).join(', ')}`,
    ),
  ];
  return `${lines.join('\n')}\n`;
}
