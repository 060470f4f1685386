import { formatLongDate, formatShortDate } from '../../core/calendar-date.js';
import { type NextView, type TimedItem, formatMinutes, whatIsNext } from '../../core/next.js';
import { zonedInstant } from '../../core/zone-rules.js';
import { UsageError } from '../../errors.js';
import type { CliIo } from '../io.js';
import { planFor, selectAgencies } from './shared.js';

export interface NextOptions {
  notified: string;
  rules: string;
  now?: string;
  agency?: string[];
  format: 'text' | 'json';
}

function parseNow(text: string | undefined, zone: Parameters<typeof zonedInstant>[0]): number {
  if (text === undefined) return Date.now();
  const local = /^(\d{4}-\d{2}-\d{2})[T ](\d{2}:\d{2})$/.exec(text);
  const ms = local ? Date.parse(zonedInstant(zone, local[1]!, local[2]!)) : /[zZ]|[+-]\d{2}:\d{2}$/.test(text) ? Date.parse(text) : NaN;
  if (Number.isNaN(ms)) {
    throw new UsageError(`--now "${text}" is not a date and time; give it as 2019-03-20T14:10 (London time) or with an offset, 2019-03-20T14:10+00:00.`);
  }
  return ms;
}

function entry(t: TimedItem, withDate: boolean): string {
  const when = `${withDate ? `${formatShortDate(t.item.date)} ` : ''}${t.item.time ?? 'all day'}`;
  const kind = t.item.kind === 'submission' ? 'DUE       ' : 'INSPECTORS';
  const left = t.minutesLeft === null ? '' : t.minutesLeft >= 0 ? `  (in ${formatMinutes(t.minutesLeft)})` : `  (${formatMinutes(t.minutesLeft)} ago)`;
  return `  ${when.padEnd(withDate ? 22 : 8)} ${kind} ${t.item.title}${left}\n`;
}

function renderText(view: NextView, timezone: string): string {
  const [date, time] = view.now.split('T');
  let out = `Now: ${formatLongDate(date!)}, ${time} (${timezone})\n`;
  const section = (title: string, items: TimedItem[], withDate: boolean) => {
    out += `\n${title}\n`;
    out += items.length === 0 ? '  nothing\n' : items.map((t) => entry(t, withDate)).join('');
  };
  section('Passed (overdue unless done)', view.overdue, true);
  section('Still due today', view.today, false);
  if (view.next.length > 0) section(`Next: ${formatLongDate(view.next[0]!.item.date)}`, view.next, false);
  else out += '\nNothing after today.\n';
  return out;
}

const json = (items: TimedItem[]) =>
  items.map(({ item, minutesLeft }) => ({ id: item.id, kind: item.kind, title: item.title, date: item.date, time: item.time, due: item.due, minutesLeft }));

/** jtai next: what has passed, what is still due today and what comes next. */
export async function runNext(options: NextOptions, io: CliIo): Promise<void> {
  const { zone, schedule: full } = await planFor(options.rules, options.notified);
  const schedule = selectAgencies(full, options.agency ?? []);
  const view = whatIsNext(schedule, parseNow(options.now, zone), zone);
  if (options.format === 'json') {
    const out = { now: view.now, timezone: schedule.timezone, overdue: json(view.overdue), today: json(view.today), next: json(view.next) };
    io.writeOut(`${JSON.stringify(out, null, 2)}\n`);
  } else {
    io.writeOut(renderText(view, schedule.timezone));
  }
}
