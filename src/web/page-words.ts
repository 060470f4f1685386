import type { TrackedPlan } from '../core/progress/progress.js';
/// <reference lib="dom" />
import { formatLongDate } from '../core/dates/calendar-date.js';
import { filterWords } from '../core/plan/agencies.js';
import type { PlanItem } from '../core/plan/plan.js';
import { el } from './dom.js';

// The page's own words, for people who never see a terminal: "UK time" rather than a zone's
// name, item titles rather than ids, no instants, no commands. The CLI keeps its words
// (src/render/words.ts); these are the page's alone.

/** The plan's times: tellZone("Europe/London") is "UK time"; another zone is named. */
export function tellZone(timezone: string): string {
  return timezone === 'Europe/London' ? 'UK time' : `${timezone} time`;
}

/** How an item is anchored, with the title of the item it is counted from in place of its id: 'day 1', '1 working day before "10 cases ..."'. */
export function tellAnchorWords(item: PlanItem, plan: TrackedPlan): string {
  const from = item.from ? plan.items.find((i) => i.id === item.from) : undefined;
  const anchor = from ? item.anchor.replace(from.id, `"${from.title}"`) : item.anchor;
  return item.moved ? `moved; in the rule set, ${anchor}` : anchor;
}

/** How an item's time was read: 'Time: 17:00, which jtai takes for "end of the day".' */
export function tellTimeWords(item: PlanItem): string {
  if (item.time === null) return 'Time: all day; the briefing gives no time.';
  if (item.timeLabel) return `Time: ${item.time}, which jtai takes for "${item.timeLabel}".`;
  return `Time: ${item.time}, as the briefing gives it.`;
}

/** An item's deadline in words: "Due: Wednesday 20 March 2019 at 17:00 UK time." */
export function tellDueWords(item: PlanItem, timezone: string): string {
  if (item.due === null) return `Date: ${formatLongDate(item.date)}, all day.`;
  return `Due: ${formatLongDate(item.date)} at ${item.time} ${tellZone(timezone)}.`;
}

/** The tab's title: "JTAI timetable: notified Tuesday 19 March 2019 – Police", "Error: " first when there is an error. */
export function tellTabTitle(plan: TrackedPlan | undefined, error: boolean): string {
  const filter = plan ? filterWords(plan) : undefined;
  const title = plan
    ? `JTAI timetable: notified ${formatLongDate(plan.notified)}${filter ? ` – ${filter}` : ''}`
    : 'JTAI timetable';
  return `${error ? 'Error: ' : ''}${title}`;
}

/** What the status line says when a plan is shown: "Timetable shown for Tuesday 19 March 2019, for Police: 9 items." */
export function tellShown(plan: TrackedPlan): string {
  const filter = filterWords(plan);
  const n = plan.items.length;
  return `Timetable shown for ${formatLongDate(plan.notified)}${filter ? `, for ${filter}` : ''}: ${n} item${n === 1 ? '' : 's'}.`;
}

/** Whether a plan note is the one saying why this date may not fit the rule set (shown with the warning). */
export function isFitNote(note: string): boolean {
  return note.startsWith('Why this timetable may not fit');
}

/** A text with its web addresses as links: linked("see https://x.org/a.") is ["see ", <a>https://x.org/a</a>, "."]. */
export function linked(text: string): Array<Node | string> {
  const out: Array<Node | string> = [];
  let at = 0;
  for (const m of text.matchAll(/https?:\/\/[^\s"<>]+/g)) {
    const url = m[0].replace(/[).,;:]+$/, '');
    out.push(text.slice(at, m.index), el('a', { class: 'govuk-link', href: url, rel: 'noreferrer noopener' }, url));
    at = m.index + url.length;
  }
  out.push(text.slice(at));
  return out.filter((p) => p !== '');
}
