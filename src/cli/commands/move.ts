import { makeHolidayCalendar } from '../../core/dates/bank-holidays.js';
import { formatShortDateTime } from '../../core/dates/calendar-date.js';
import { readInstant } from '../../core/dates/date-input.js';
import type { ProgressEvent } from '../../core/progress/events.js';
import { MAX_BY, MAX_NOTE } from '../../core/progress/events.js';
import { instantIn } from '../../core/progress/progress.js';
import { computePlan } from '../../core/plan/plan.js';
import type { PlanItem } from '../../core/plan/plan.js';
import type { AgreedMove } from '../../core/plan/moves.js';
import { UsageError } from '../../errors.js';
import { newEventId, recordEvent } from '../../io/progress-record.js';
import type { CliIo } from '../process-io.js';
import { itemsNamed, openInspection, recorder } from './progress.js';

// jtai move: a deadline agreed with the lead inspector ("send the meeting details by 10am
// Friday"), recorded as an event of the progress record, so that every output shows the new
// time beside the rule set's and why; --back returns the item to the rule set's time.

export interface MoveOptions {
  to?: string;
  why?: string;
  by?: string;
  back?: boolean;
  inspection?: string;
  quiet?: boolean;
}

const when = (item: PlanItem) => (item.due ? formatShortDateTime(item.due) : `${item.date} all day`);

function checkOptions(options: MoveOptions): void {
  if (options.back && options.to !== undefined) throw new UsageError('give --to TIME or --back, not both.');
  if (!options.back && options.to === undefined)
    throw new UsageError(
      'give the new deadline with --to, for example: jtai move multi-agency-meetings --to "22/03/2019 10:00" --why "agreed with the lead inspector" (or --back to return to the rule set\'s time).',
    );
  if (!options.back && (options.why === undefined || options.why.trim() === ''))
    throw new UsageError(
      '--why is missing: say why the deadline moved (for example --why "agreed with the lead inspector, Kim"); every output shows it beside the new time.',
    );
  if (options.to !== undefined && !/\d[:.]\d{2}|\d\s*(am|pm)\b|T\d{2}/i.test(options.to))
    throw new UsageError(
      `--to "${options.to}" has no time of day; give the new deadline with its time, for example --to "${options.to} 10:00".`,
    );
  if (options.by !== undefined && options.by.length > MAX_BY)
    throw new UsageError(`--by is ${options.by.length} characters long; give a name of at most ${MAX_BY}.`);
  if (options.why !== undefined && options.why.length > MAX_NOTE)
    throw new UsageError(`--why is ${options.why.length} characters long; give at most ${MAX_NOTE}.`);
}

/** jtai move: records a deadline agreed with the lead inspector, or (--back) returns to the rule set's. */
export async function runMove(id: string, options: MoveOptions, io: CliIo): Promise<void> {
  checkOptions(options);
  const { path, loaded, ruleSet, zone, record } = await openInspection(options, io.env);
  const [rule] = itemsNamed(ruleSet, [id]);
  const say = (text: string) => void (!options.quiet && io.writeErr(`jtai: ${text}\n`));
  const nowMs = Date.now();
  const calendar = makeHolidayCalendar(ruleSet.closures);
  const planWith = (moves: Readonly<Record<string, AgreedMove>>) =>
    computePlan(ruleSet, loaded.record.notified, calendar, zone, moves);
  const before = planWith(record.moves);
  const item = before.items.find((i) => i.id === rule!.id)!;
  const by = recorder(options.by);
  const base = {
    id: newEventId(nowMs),
    item: item.id,
    at: instantIn(zone, nowMs),
    recorded: new Date(nowMs).toISOString(),
  };
  if (options.back) {
    if (!Object.hasOwn(record.moves, item.id)) {
      say(`${item.id} was not moved; it stays at ${when(item)}, the rule set's time.`);
      return;
    }
    const event: ProgressEvent = {
      ...base,
      type: 'move-back',
      ...(by && { by }),
      ...(options.why && { note: options.why }),
    };
    recordEvent(record.folder, event, nowMs, path);
    const rest = Object.fromEntries(Object.entries(record.moves).filter(([id]) => id !== item.id));
    const back = planWith(rest).items.find((i) => i.id === item.id)!;
    say(`moved ${item.id} back to the rule set's time, ${when(back)} (it was ${when(item)}).`);
    return;
  }
  const notes: string[] = [];
  const toMs = readInstant('--to', options.to!, nowMs, zone, notes);
  for (const note of notes) say(note);
  const to = instantIn(zone, toMs);
  const event: ProgressEvent = { ...base, type: 'move', to, ...(by && { by }), note: options.why! };
  recordEvent(record.folder, event, nowMs, path);
  const after = planWith({ ...record.moves, [item.id]: { to, why: options.why!, by: by ?? null, at: base.at } });
  const moved = after.items.find((i) => i.id === item.id)!;
  const from = moved.moved?.from;
  const rules = from ? (from.due ? formatShortDateTime(from.due) : `${from.date} all day`) : when(item);
  const chained = after.items.filter((i) => i.moved?.with === item.id);
  say(
    `moved ${item.id} to ${when(moved)} (the rule set's time: ${rules}).${chained.length > 0 ? ` Counted from it, and moved with it: ${chained.map((i) => `${i.id} (now ${when(i)})`).join(', ')}.` : ''}`,
  );
}
