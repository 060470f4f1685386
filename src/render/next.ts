import type { TrackedPlan } from '../core/progress/progress.js';
import { formatLongDate, formatShortDate } from '../core/dates/calendar-date.js';
import { type NextView, type TimedItem, formatMinutes } from '../core/progress/next.js';
import { agenciesOf } from './item-text.js';
import { PLAIN_STYLE, type Style } from './style.js';
import { wrapText } from './wrap.js';

export interface RenderNextOptions {
  style?: Style;
  /** Column to wrap at. */
  width?: number;
}

function entry(t: TimedItem, withDate: boolean, plan: TrackedPlan, s: Style, width: number): string[] {
  const when = `${withDate ? `${formatShortDate(t.item.date)} ` : ''}${t.item.time ?? 'all day'}`.padEnd(withDate ? 22 : 8);
  const kind = t.item.kind === 'submission' ? s.submission('DUE       ') : s.inspectorAction('INSPECTORS');
  const done = plan.progress?.items[t.item.id]?.status === 'done';
  const left = done ? ' ✓ done' : t.minutesLeft === null ? '' : t.minutesLeft >= 0 ? ` (in ${formatMinutes(t.minutesLeft)})` : ` (${formatMinutes(t.minutesLeft)} ago)`;
  const indent = ' '.repeat(2 + when.length + 1 + 10 + 1);
  const [first = '', ...rest] = wrapText(`${t.item.title}${left}`, width - indent.length);
  const who = wrapText(`${agenciesOf(t.item)}${t.item.recipient ? ` → ${t.item.recipient.name}` : ''} · ${t.item.id}`, width - indent.length);
  return [`  ${s.time(when)} ${kind} ${s.heading(first)}`, ...rest.map((l) => `${indent}${s.heading(l)}`), ...who.map((l) => `${indent}${s.dim(l)}`)];
}

/** What is next, as the terminal shows it: passed, still due today, the next day with items; or that the timetable is over. */
export function renderNextText(view: NextView, plan: TrackedPlan, options: RenderNextOptions = {}): string {
  const s = options.style ?? PLAIN_STYLE;
  const width = options.width ?? 80;
  const [date, time] = view.now.split('T');
  const lines = [s.heading(`Now: ${formatLongDate(date!)}, ${time} (${plan.timezone})`)];
  if (view.over) {
    const last = plan.items.at(-1)!;
    const when = `${formatLongDate(last.date)}${last.time ? ` at ${last.time}` : ''}`;
    const open = plan.progress?.recorded && view.overdue.length > 0 ? ` ${view.overdue.length} ${view.overdue.length === 1 ? 'was' : 'were'} not marked done.` : '';
    lines.push('', ...wrapText(`The timetable is over: all ${plan.items.length} items of this plan have passed, the last on ${when}. Nothing more is due.${open}`, width));
    return `${lines.join('\n')}\n`;
  }
  const section = (title: string, items: TimedItem[], withDate: boolean) => {
    lines.push('', s.day(title), ...(items.length === 0 ? ['  nothing'] : items.flatMap((t) => entry(t, withDate, plan, s, width))));
  };
  section('Passed (overdue unless done)', view.overdue, true);
  section('Still due today', view.today, false);
  if (view.next.length > 0) section(`Next: ${formatLongDate(view.next[0]!.item.date)}`, view.next, false);
  else lines.push('', 'Nothing after today.');
  return `${lines.join('\n')}\n`;
}

const itemsJson = (items: TimedItem[], plan: TrackedPlan) =>
  items.map(({ item, minutesLeft }) => ({
    id: item.id,
    kind: item.kind,
    title: item.title,
    date: item.date,
    time: item.time,
    due: item.due,
    minutesLeft,
    agencies: item.agencies.map((a) => ({ id: a.id, name: a.name })),
    status: plan.progress?.items[item.id]?.status ?? null,
    recipient: item.recipient && { id: item.recipient.id, name: item.recipient.name },
  }));

/** What is next, as JSON: now with its offset, whether the timetable is over, and each item with who must act. */
export function renderNextJson(view: NextView, plan: TrackedPlan): string {
  const json = {
    now: view.nowInstant,
    timezone: plan.timezone,
    notified: plan.notified,
    over: view.over,
    overdue: itemsJson(view.overdue, plan),
    today: itemsJson(view.today, plan),
    next: itemsJson(view.next, plan),
  };
  return `${JSON.stringify(json, null, 2)}\n`;
}
