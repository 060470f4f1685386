import { makeHolidayCalendar } from '../../core/dates/bank-holidays.js';
import { moveNote } from '../../core/plan/moves.js';
import { formatShortDateTime } from '../../core/dates/calendar-date.js';
import { hasTimeOfDay, readInstant } from '../../core/dates/date-input.js';
import { MAX_BY, MAX_NOTE } from '../../core/progress/events.js';
import { instantIn } from '../../core/progress/progress.js';
import { computePlan } from '../../core/plan/plan.js';
import type { Plan } from '../../core/plan/plan.js';
import type { AgreedMove } from '../../core/plan/moves.js';
import { JtaiError, UsageError } from '../../errors.js';
import { tellWarnings } from '../../core/plan/warnings.js';
import { tellDue } from '../../render/words.js';
import { newEventId, recordEvent } from '../../io/progress-record.js';
import { moveBackEvent, moveEvent } from '../../core/progress/new-events.js';
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
  if (options.to !== undefined && !hasTimeOfDay(options.to))
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
  const { path, loaded, ruleSet, zone, record } = await openInspection(options, io);
  const say = (text: string) => void (!options.quiet && io.writeErr(`jtai: ${text}\n`));
  const nowMs = Date.now();
  const calendar = makeHolidayCalendar(ruleSet.closures);
  const planWith = (moves: Readonly<Record<string, AgreedMove>>) =>
    computePlan(ruleSet, loaded.record.notified, calendar, zone, moves);
  const typed = id.trim().toLowerCase();
  // A move the rule set no longer has an item for can still be taken back.
  const gone = !ruleSet.items.some((i) => i.id === typed) && Object.hasOwn(record.moves, typed);
  const itemId = gone ? typed : itemsNamed(ruleSet, [id])[0]!.id;
  const current = Object.hasOwn(record.moves, itemId) ? record.moves[itemId] : undefined;
  // Every other move, as the record holds them: a move that cannot be planned is the planner's to skip, not this one's.
  const others = Object.fromEntries(Object.entries(record.moves).filter(([other]) => other !== itemId));
  const by = recorder(options.by);
  // It names the move it replaces, so that it counts whichever computer's clock ran fast.
  const base = { id: newEventId(nowMs), recordedMs: nowMs, item: itemId, at: instantIn(zone, nowMs), by };
  if (options.back) {
    if (!current) {
      const item = planned(planWith, others)?.items.find((i) => i.id === itemId);
      say(`${itemId} was not moved; it stays ${item ? `at ${tellDue(item)}, ` : 'at '}the rule set's time.`);
      return;
    }
    const event = moveBackEvent({ ...base, current, note: options.why });
    recordEvent(record.folder, event, nowMs, path);
    const back = gone ? undefined : planned(planWith, others)?.items.find((i) => i.id === itemId);
    say(
      `moved ${itemId} back to the rule set's time${back ? `, ${tellDue(back)}` : ''} (it was ${formatShortDateTime(current.to)}).`,
    );
    return;
  }
  if (gone)
    throw new UsageError(
      `there is no item "${itemId}" in ${ruleSet.id} to move; "jtai move ${itemId} --back" takes its move back.`,
    );
  const notes: string[] = [];
  const toMs = readInstant('--to', options.to!, nowMs, zone, notes);
  for (const note of notes) say(note);
  const to = instantIn(zone, toMs);
  const moves = { ...others, [itemId]: { to, why: options.why!, by: by ?? null, at: base.at } };
  let after;
  try {
    after = planWith(moves); // a time whose plan cannot be worked out is refused before anything is written
  } catch (e) {
    if (!(e instanceof JtaiError)) throw e;
    throw new UsageError(`--to "${options.to}" cannot be planned: ${e.message.replace(/^./, (c) => c.toLowerCase())}`);
  }
  const event = moveEvent({ ...base, to, note: options.why!, current });
  recordEvent(record.folder, event, nowMs, path);
  // What the move breaks (a deadline now after something that depends on it) is said now, not
  // first at the next plan: each warning the plan has with it and did not have before, and each
  // that names the item moved (moved again, still wrong).
  const had = new Set(tellWarnings(planned(planWith, record.moves)?.warnings ?? []));
  const moved = after.items.find((i) => i.id === itemId)!;
  const warnings = tellWarnings(after.warnings).filter((w) => !had.has(w) || w.includes(`"${moved.title}"`));
  const from = moved.moved?.from;
  const rules = tellDue(from ?? moved);
  const chained = after.items.filter((i) => i.moved?.with === itemId);
  const dayOff = moveNote(moved.date, after.notified, calendar);
  say(
    `moved ${itemId} to ${tellDue(moved)} (the rule set's time: ${rules}).${chained.length > 0 ? ` Counted from it, and moved with it: ${chained.map((i) => `${i.id} (now ${tellDue(i)})`).join(', ')}.` : ''}${dayOff ? ` Note: ${dayOff}` : ''}`,
  );
  for (const w of warnings) say(`warning: ${w}`);
}

/** The plan with some moves, or undefined when it cannot be worked out. */
function planned(
  planWith: (moves: Readonly<Record<string, AgreedMove>>) => Plan,
  moves: Readonly<Record<string, AgreedMove>>,
) {
  try {
    return planWith(moves);
  } catch (e) {
    if (e instanceof JtaiError) return undefined;
    throw e;
  }
}
