import type { IsoDate } from '../dates/calendar-date.js';
import type { HolidayCalendar } from '../dates/working-days.js';
import type { ZoneRules } from '../dates/zone-rules.js';
import type { AgreedMove } from '../plan/moves.js';
import { type Plan, computePlan } from '../plan/plan.js';
import type { RuleSet } from '../rule-set/rule-set.js';
import { JtaiError } from '../../errors.js';
import { acknowledgeFit } from './fit-checked.js';
import type { MoveRecord } from './events.js';
import type { FoldedRecord } from './folder.js';
import type { InspectionRecord } from './inspection-record.js';
import { type TrackedPlan, recordWarnings, untracked, withProgress } from './progress.js';

// An inspection's plan as every face shows it (the CLI's plan, next and status; the web page
// with a folder opened): the rule set's timetable with the deadlines moved with the lead
// inspector, the area, the contacts, and what is done at a moment.

export interface TrackInput {
  ruleSet: RuleSet;
  notified: IsoDate;
  calendar: HolidayCalendar;
  zone: ZoneRules;
  /** The plan with no moves, when worked out already. */
  base?: Plan;
  /** The inspection file, its contacts keyed by party id; absent: no inspection file. */
  record?: InspectionRecord;
  /** Its progress folder, folded. */
  folded?: FoldedRecord;
  /** The moment progress is told from. */
  nowMs: number;
  /** Whether to tell progress: always with a record; without one, only when asked (a plan told at no moment is the same bytes at any time). */
  progress: boolean;
}

export interface Tracked {
  plan: TrackedPlan;
  /** What the record holds that cannot count (damaged files, moves that cannot be planned, items gone), in words. */
  warnings: string[];
}

/**
 * The plan of an inspection with its record at a moment: trackInspection({ ruleSet, notified:
 * "2019-03-19", calendar, zone, nowMs, progress: false }).plan.progress is null.
 */
export function trackInspection(input: TrackInput): Tracked {
  const { ruleSet, notified, calendar, zone, record, folded, nowMs } = input;
  const planWith = (moves: Readonly<Record<string, AgreedMove | MoveRecord>>) =>
    computePlan(ruleSet, notified, calendar, zone, moves);
  let plan = untracked(input.base ?? planWith({}));
  const moves = folded && plannableMoves<MoveRecord, Plan>(folded.moves, planWith);
  if (moves?.plan) plan = untracked(moves.plan);
  const skipped = (moves?.skipped ?? []).map(
    ([id, m]) =>
      `the move of "${id}" to ${m.to.slice(0, 16).replace('T', ' ')} (${folded!.folder}/${m.event}.json) cannot be planned, so it is skipped; "jtai move ${id} --back" takes it back.`,
  );
  const warnings = folded
    ? [...folded.problems, ...skipped, ...recordWarnings(ruleSet, folded.progress, folded.moves)]
    : [];
  const asked = input.progress || record !== undefined;
  const tracked = asked
    ? withProgress(plan, record && { ...record, progress: folded?.progress ?? record.progress }, nowMs, zone, warnings)
    : plan;
  return { plan: acknowledgeFit(tracked, record), warnings }; // a letter checked: "may not fit" is a note
}

/**
 * The plan with the moves it can be worked out with (undefined when there are none), and the
 * moves it cannot (a deadline put where working days cannot be counted, from a hand-made or
 * synced file): one bad move never stops a command.
 */
function plannableMoves<M, P>(
  moves: Readonly<Record<string, M>>,
  planWith: (moves: Readonly<Record<string, M>>) => P,
): { plan: P | undefined; skipped: Array<[string, M]> } {
  const tried = (m: Readonly<Record<string, M>>): P | undefined => {
    try {
      return planWith(m);
    } catch (e) {
      if (e instanceof JtaiError) return undefined;
      throw e;
    }
  };
  const entries = Object.entries(moves);
  if (entries.length === 0) return { plan: undefined, skipped: [] };
  const all = tried(moves);
  if (all) return { plan: all, skipped: [] };
  const kept = Object.fromEntries(entries.filter(([id, m]) => tried({ [id]: m }) !== undefined));
  const skipped = entries.filter(([id]) => !Object.hasOwn(kept, id));
  return { plan: Object.keys(kept).length > 0 ? planWith(kept) : undefined, skipped };
}
