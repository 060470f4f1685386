import { filterWords } from '../core/agencies.js';
import { formatLongDate } from '../core/calendar-date.js';
import { tellWarnings } from '../core/warnings.js';
import type { Schedule, ScheduleItem } from '../core/schedule.js';
import { PLAIN_STYLE, type Style } from './style.js';
import { planNotes } from './item-text.js';
import { wrapText } from './wrap.js';

export interface RenderTextOptions {
  style?: Style;
  /** Column to wrap at. */
  width?: number;
  /** Show the source's own words under each item. */
  sources?: boolean;
  /** List the plan's warnings at the end (off when they go to stderr instead, or --quiet). */
  warnings?: boolean;
}

const INDENT = ' '.repeat(21); // lines under an item start below its title: 2 + time 7 + 1 + kind 10 + 1

function groupByDate(items: ScheduleItem[]): ScheduleItem[][] {
  const groups: ScheduleItem[][] = [];
  for (const item of items) {
    const last = groups.at(-1);
    if (last && last[0]!.date === item.date) last.push(item);
    else groups.push([item]);
  }
  return groups;
}

function dayHeading(group: ScheduleItem[], schedule: Schedule): string {
  const byDay = group.find((i) => i.day !== null);
  const label = byDay ? `Day ${byDay.day}` : group[0]!.anchor;
  const notified = group[0]!.date === schedule.notified ? ' (notification day)' : '';
  return `${label} · ${formatLongDate(group[0]!.date)}${notified}`;
}

function wrapped(prefix: string, text: string, width: number, style: (s: string) => string = (s) => s): string[] {
  return wrapText(text, width - INDENT.length - prefix.length).map(
    (line, i) => `${INDENT}${i === 0 ? prefix : ' '.repeat(prefix.length)}${style(line)}`,
  );
}

function itemLines(item: ScheduleItem, s: Style, o: Required<RenderTextOptions>): string[] {
  const time = (item.time ?? 'all day').padEnd(7);
  const kind = item.kind === 'submission' ? s.submission('DUE       ') : s.inspectorAction('INSPECTORS');
  const who = item.agencies.map((a) => a.name).join(', ');
  const to = item.recipient ? ` → ${item.recipient.name}` : '';
  const [first = '', ...rest] = wrapText(item.title, o.width - INDENT.length);
  const lines = [`  ${s.time(time)} ${kind} ${s.heading(first)}`, ...rest.map((l) => `${INDENT}${s.heading(l)}`)];
  if (item.timeLabel) lines.push(`${INDENT}${s.dim(`(${item.timeLabel})`)}`);
  lines.push(...wrapped('', `${who}${to}`, o.width), `${INDENT}${s.dim(item.id)}`);
  for (const d of item.details) lines.push(...wrapped('- ', d, o.width));
  if (item.note) lines.push(...wrapped('Note: ', item.note, o.width));
  if (o.sources) lines.push(...wrapped('Source: ', `“${item.source}”`, o.width, s.dim));
  return lines;
}

function footer(schedule: Schedule, s: Style, width: number, warnings: boolean): string[] {
  const lines: string[] = [];
  const section = (title: string, texts: string[], mark: (t: string) => string) => {
    if (texts.length === 0) return;
    lines.push('', s.heading(title));
    for (const t of texts) lines.push(...wrapText(t, width - 4).map((l, i) => `${i === 0 ? '  • ' : '    '}${mark(l)}`));
  };
  section('Notes', planNotes(schedule), (t) => t);
  section('Days off skipped', schedule.daysOff.map((d) => `${formatLongDate(d.date)}: ${d.reason}`), (t) => t);
  if (warnings) section('Warnings', tellWarnings(schedule.warnings), s.warning);
  return lines;
}

/** The plan as a terminal agenda, grouped by day: what is due, when, by whom and to whom. */
export function renderText(schedule: Schedule, options: RenderTextOptions = {}): string {
  const o = { style: PLAIN_STYLE, width: 80, sources: false, warnings: true, ...options };
  const s = o.style;
  const forWhom = filterWords(schedule);
  const lines = [
    s.heading(`${schedule.ruleSet.name}${forWhom ? `, for ${forWhom}` : ''}`),
    `Notified ${formatLongDate(schedule.notified)} · times are ${schedule.timezone}`,
    ...wrapText(`Source: ${schedule.ruleSet.source.title}`, o.width).map((l) => s.dim(l)),
  ];
  for (const group of groupByDate(schedule.items)) {
    lines.push('', s.day(dayHeading(group, schedule)));
    for (const item of group) lines.push(...itemLines(item, s, o));
  }
  if (schedule.items.length === 0) lines.push('', `Nothing to do in this plan${forWhom ? ` for ${forWhom}` : ''}.`);
  lines.push(...footer(schedule, s, o.width, o.warnings));
  return `${lines.join('\n')}\n`;
}
