import type { TrackedPlan } from '../core/progress/progress.js';
import type { NextView, TimedItem } from '../core/progress/next.js';
import { owedWords, tellWho } from './item-text.js';
import { capitalise } from '../core/dates/calendar-date.js';
import { partyJson } from './json.js';
import { PLAIN_STYLE, type Style, markKind } from './style.js';
import { WORDS, tellDateTime, tellNextDay, tellNow, tellTime, tellTimeLeft, tellTimetableOver } from './words.js';
import { wrapText } from './wrap.js';

export interface RenderNextOptions {
  style?: Style;
  /** Column to wrap at. */
  width?: number;
}

function entry(t: TimedItem, withDate: boolean, plan: TrackedPlan, s: Style, width: number): string[] {
  const when = (withDate ? tellDateTime(t.item) : tellTime(t.item)).padEnd(withDate ? 22 : 8);
  const progress = plan.progress?.items[t.item.id];
  const overdue = plan.progress?.recorded === true && progress?.status === 'overdue';
  const kind = overdue ? s.warning('OVERDUE   ') : markKind(t.item, s);
  const done = progress?.status === 'done';
  // Once progress is recorded, who still owes it says more than who had to act.
  const owed = owedWords(t.item, plan);
  const recipient = t.item.recipient ? ` → ${t.item.recipient.name}` : '';
  const inWords = tellTimeLeft(t.minutesLeft);
  const left = done ? ' ✓ done' : inWords && ` (${inWords})`;
  const indent = ' '.repeat(2 + when.length + 1 + 10 + 1);
  const [first = '', ...rest] = wrapText(`${t.item.title}${left}`, width - indent.length);
  const who = wrapText(
    `${owed ? `${capitalise(owed)}${recipient}` : tellWho(t.item)} · ${t.item.id}`,
    width - indent.length,
  );
  return [
    `  ${s.time(when)} ${kind} ${s.heading(first)}`,
    ...rest.map((l) => `${indent}${s.heading(l)}`),
    ...who.map((l) => `${indent}${s.dim(l)}`),
  ];
}

/** What is next, as the terminal shows it: passed, still due today, the next day with items; or that the timetable is over. */
export function renderNextText(view: NextView, plan: TrackedPlan, options: RenderNextOptions = {}): string {
  const s = options.style ?? PLAIN_STYLE;
  const width = options.width ?? 80;
  const lines = [s.heading(`Now: ${tellNow(view.now, plan.timezone)}`)];
  if (view.over) {
    lines.push('', ...wrapText(tellTimetableOver(plan, view.overdue.length), width));
    return `${lines.join('\n')}\n`;
  }
  const section = (title: string, items: TimedItem[], withDate: boolean) => {
    lines.push(
      '',
      s.day(title),
      ...(items.length === 0 ? [`  ${WORDS.nothingInList}`] : items.flatMap((t) => entry(t, withDate, plan, s, width))),
    );
  };
  section(plan.progress?.recorded ? WORDS.passedRecorded : WORDS.passed, view.overdue, true);
  section(WORDS.stillDueToday, view.today, false);
  if (view.next.length > 0) section(tellNextDay(view.next[0]!.item.date), view.next, false);
  else lines.push('', WORDS.nothingAfterToday);
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
    agencies: item.agencies.map(partyJson),
    status: plan.progress?.items[item.id]?.status ?? null,
    recipient: item.recipient && partyJson(item.recipient),
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
