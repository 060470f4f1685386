import type { TrackedPlan } from '../core/progress/progress.js';
import { formatLongDate } from '../core/dates/calendar-date.js';
import { type FocusListView, inspectionLine } from '../core/plan/focus.js';
import { tellWarnings } from '../core/plan/warnings.js';
import type { PlanItem } from '../core/plan/plan.js';
import { PLAIN_STYLE, type Style, markKind } from './style.js';
import { contactLines, progressWords, planNotes, tellWho } from './item-text.js';
import {
  WORDS,
  groupDays,
  groupFocus,
  tellDayOff,
  tellNames,
  tellNothingToDo,
  tellPlanTitle,
  tellTime,
} from './words.js';
import { wrapText } from './wrap.js';

export interface RenderTextOptions {
  style?: Style;
  /** Column to wrap at. */
  width?: number;
  /** Show the source's own words under each item. */
  sources?: boolean;
  /** List the plan's warnings at the end (off when they go to stderr instead, or --quiet). */
  warnings?: boolean;
  /** Add what the inspection looks at: the rule set's focus lists (--focus). */
  focus?: boolean;
}

const INDENT = ' '.repeat(21); // lines under an item start below its title: 2 + time 7 + 1 + kind 10 + 1

function wrapped(prefix: string, text: string, width: number, style: (s: string) => string = (s) => s): string[] {
  return wrapText(text, width - INDENT.length - prefix.length).map(
    (line, i) => `${INDENT}${i === 0 ? prefix : ' '.repeat(prefix.length)}${style(line)}`,
  );
}

function itemLines(item: PlanItem, plan: TrackedPlan, s: Style, o: Required<RenderTextOptions>): string[] {
  const time = tellTime(item).padEnd(7);
  const kind = markKind(item, s);
  const done = progressWords(item, plan);
  const [first = '', ...rest] = wrapText(item.title, o.width - INDENT.length);
  const lines = [`  ${s.time(time)} ${kind} ${s.heading(first)}`, ...rest.map((l) => `${INDENT}${s.heading(l)}`)];
  if (item.timeLabel) lines.push(`${INDENT}${s.dim(`(${item.timeLabel})`)}`);
  lines.push(...wrapped('', tellWho(item, plan), o.width), `${INDENT}${s.dim(item.id)}`);
  if (done) lines.push(...wrapped('', done, o.width, s.heading));
  for (const d of item.details) lines.push(...wrapped('- ', d, o.width));
  if (item.note) lines.push(...wrapped('Note: ', item.note, o.width));
  if (o.sources) lines.push(...wrapped('Source: ', `“${item.source}”`, o.width, s.dim));
  return lines;
}

function focusLines(plan: TrackedPlan, s: Style, width: number): string[] {
  const list = (l: FocusListView) => [
    '',
    ...wrapText(l.heading, width - 2).map((t) => `  ${s.heading(t)}`),
    ...(l.parties.length > 0 ? wrapText(`(${tellNames(l.parties)})`, width - 2).map((t) => `  ${s.dim(t)}`) : []),
    ...(l.intro ? wrapText(l.intro, width - 2).map((t) => `  ${t}`) : []),
    ...l.points.flatMap((p) =>
      wrapText(`${p.text}${p.parties.length > 0 ? ` (${tellNames(p.parties)})` : ''}`, width - 6).map(
        (t, i) => `${i === 0 ? '    • ' : '      '}${t}`,
      ),
    ),
    ...(l.note ? wrapText(`Note: ${l.note}`, width - 4).map((t) => `    ${t}`) : []),
  ];
  return groupFocus(plan).flatMap((g) => ['', s.day(g.heading), ...g.lists.flatMap(list)]);
}

function footer(plan: TrackedPlan, s: Style, width: number, warnings: boolean): string[] {
  const lines: string[] = [];
  const section = (title: string, texts: string[], mark: (t: string) => string) => {
    if (texts.length === 0) return;
    lines.push('', s.heading(title));
    for (const t of texts)
      lines.push(...wrapText(t, width - 4).map((l, i) => `${i === 0 ? '  • ' : '    '}${mark(l)}`));
  };
  section('Contacts', contactLines(plan), (t) => t);
  section('Notes', planNotes(plan), (t) => t);
  section(WORDS.daysOff, plan.daysOff.map(tellDayOff), (t) => t);
  // A plan that may not fit its guidance says so at the top; the other warnings close it.
  if (warnings) section('Warnings', tellWarnings(plan.warnings.filter((w) => w.kind !== 'guidance')), s.warning);
  return lines;
}

/** The plan as a terminal agenda, grouped by day: what is due, when, by whom and to whom. */
export function renderText(plan: TrackedPlan, options: RenderTextOptions = {}): string {
  const o = { style: PLAIN_STYLE, width: 80, sources: false, warnings: true, focus: false, ...options };
  const s = o.style;
  const lines = [
    s.heading(tellPlanTitle(plan, 'agenda')),
    `Notified ${formatLongDate(plan.notified)} · times are ${plan.timezone}`,
    ...wrapText(`Source: ${plan.ruleSet.source.title}`, o.width).map((l) => s.dim(l)),
    ...wrapText(inspectionLine(plan) ?? '', o.width).map((l) => s.dim(l)),
    ...(o.warnings
      ? plan.warnings
          .filter((w) => w.kind === 'guidance')
          .flatMap((w) => ['', ...wrapText(`Note: ${w.message}`, o.width).map(s.warning)])
      : []),
  ];
  for (const day of groupDays(plan)) {
    lines.push('', s.day(day.heading));
    for (const item of day.items) lines.push(...itemLines(item, plan, s, o));
  }
  if (plan.items.length === 0) lines.push('', tellNothingToDo(plan));
  if (o.focus) lines.push(...focusLines(plan, s, o.width));
  lines.push(...footer(plan, s, o.width, o.warnings));
  return `${lines.join('\n')}\n`;
}
