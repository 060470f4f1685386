import { resolve } from 'node:path';
import { findParties, partySuggestion } from '../../core/plan/agencies.js';
import { makeHolidayCalendar } from '../../core/dates/bank-holidays.js';
import { type IsoDate, formatLongDate, isoUtc } from '../../core/dates/calendar-date.js';
import { localDateTime, readDate, readInstant } from '../../core/dates/date-input.js';
import { type TrackedPlan, forAgencies } from '../../core/progress/progress.js';
import { trackInspection } from '../../core/progress/track.js';
import { EUROPE_LONDON } from '../../core/dates/london-zone.js';
import type { Party, RuleSet } from '../../core/rule-set/rule-set.js';
import { type Plan, computePlan } from '../../core/plan/plan.js';
import type { HolidayCalendar } from '../../core/dates/working-days.js';
import { type ZoneRules, coversInstant } from '../../core/dates/zone-rules.js';
import { zoneRulesFor } from '../../core/dates/zones.js';
import { InputError, UnknownYearError, UsageError } from '../../errors.js';
import type { LoadedInspection, LoadedProgress } from '../../io/inspection.js';
import { INSPECTION_FILE, findInspection } from '../../io/inspection-path.js';
import { loadRuleSet } from '../../io/load-rule-set.js';
import { builtInPath } from '../../io/read-rule-set-file.js';
import type { CliIo } from '../process-io.js';

/** Options every command that works out a plan takes. */
export interface PlanInput {
  notified?: string;
  rules?: string;
  quiet?: boolean;
  /** An inspection file to use (default: jtai-inspection.yaml in the working folder, if any). */
  inspection?: string;
  /** The moment progress is told from (default: SOURCE_DATE_EPOCH, else now). */
  now?: string;
}

/** Today in London: what "today" means on the command line. */
export function londonToday(nowMs: number = Date.now()): IsoDate {
  return localDateTime(EUROPE_LONDON, nowMs).slice(0, 10);
}

/**
 * The inspection to plan: the notification date from --notified as typed (2019-03-19,
 * 19/03/2019, 19 March 2019, today; said back as read unless --quiet), else from the inspection
 * file (named with --inspection, or jtai-inspection.yaml here); and the rule set.
 */
async function inspectionFor(
  command: string,
  input: PlanInput,
  io: CliIo,
): Promise<{ notified: IsoDate; typed: string; rules: string; loaded?: LoadedInspection }> {
  const say = (text: string) => {
    if (!input.quiet) io.writeErr(`jtai: ${text}\n`);
  };
  const path = findInspection(input.inspection);
  // The inspection file's code is loaded only when there is a file (and its parser only when its cache misses).
  let loaded = path ? await (await import('../../io/inspection.js')).loadInspection(path, io.env) : undefined;
  const typed = input.notified;
  const read = typed === undefined ? undefined : readDate('--notified', typed, () => londonToday());
  if (read && !read.iso) say(`--notified "${typed}" read as ${formatLongDate(read.date)} (${read.date}).`);
  if (loaded && read && input.inspection === undefined && read.date !== loaded.record.notified) {
    say(`not using ${INSPECTION_FILE} here (notified ${loaded.record.notified}): --notified gives another date.`);
    loaded = undefined;
  }
  const notified = read?.date ?? loaded?.record.notified;
  if (notified === undefined) {
    throw new UsageError(
      `--notified is missing: give the day the area was notified, for example: jtai ${command} --notified 2019-03-19 (or run "jtai start --notified DATE" once, here, to keep it in ${INSPECTION_FILE}).`,
    );
  }
  return {
    notified,
    typed: typed ?? notified,
    rules: input.rules ?? loaded?.record.rules ?? 'jtai-2018',
    ...(loaded && { loaded }),
  };
}

// The latest instant ISO 8601 and RFC 5545 write with a four-digit year: 9999-12-31T23:59:59Z.
const LAST_SECOND = 253_402_300_799;

/**
 * SOURCE_DATE_EPOCH (https://reproducible-builds.org/specs/source-date-epoch/) as milliseconds,
 * or undefined when it is not set: whole seconds since 1970, up to the end of the year 9999.
 */
export function sourceDateEpoch(env: CliIo['env']): number | undefined {
  const epoch = env.SOURCE_DATE_EPOCH;
  if (epoch === undefined || epoch === '') return undefined;
  if (!/^\d{1,12}$/.test(epoch) || Number(epoch) > LAST_SECOND) {
    throw new InputError(
      `SOURCE_DATE_EPOCH "${epoch}" is not a whole number of seconds from 1970 to the end of 9999; set it to one (for example ${Math.floor(Date.UTC(2019, 2, 19) / 1000)}) or unset it.`,
    );
  }
  return Number(epoch) * 1000;
}

/**
 * The moment "now" means: --now as typed, else SOURCE_DATE_EPOCH (for reproducible output),
 * else the clock. What --now leaves to be said (a time that happens twice) is said with `say`.
 */
function nowFor(input: PlanInput, zone: ZoneRules, env: CliIo['env'], say: (text: string) => void = () => {}): number {
  if (input.now !== undefined) {
    const notes: string[] = [];
    const ms = readInstant('--now', input.now, Date.now(), zone, notes);
    for (const note of notes) say(note);
    return ms;
  }
  return sourceDateEpoch(env) ?? Date.now();
}

export interface Planned {
  ruleSet: RuleSet;
  calendar: HolidayCalendar;
  zone: ZoneRules;
  plan: TrackedPlan;
  /** The moment progress is told from. */
  nowMs: number;
  loaded?: LoadedInspection;
  /** The rule-set file read: the built-in one's, or the file named. */
  rules: string;
  /** The inspection's record (its events), with an inspection file. */
  record?: LoadedProgress;
}

/**
 * Loads the rule set and works out the plan of an inspection, with the inspection file's area,
 * contacts and progress (at --now) if there is one.
 */
export async function planFor(
  command: string,
  input: PlanInput,
  io: CliIo,
  options: { progress: 'always' | 'when-asked' } = { progress: 'when-asked' },
): Promise<Planned> {
  const { notified, typed, rules, loaded } = await inspectionFor(command, input, io);
  const ruleSet = await loadRuleSet(rules);
  const files = loaded ? await import('../../io/inspection.js') : undefined;
  await files?.checkInspection(loaded!, ruleSet);
  const record = loaded && files!.loadProgress(loaded, io.env);
  const calendar = makeHolidayCalendar(ruleSet.closures);
  const zone = await zoneRulesFor(ruleSet.timezone);
  let plan: Plan;
  try {
    plan = computePlan(ruleSet, notified, calendar, zone);
  } catch (e) {
    if (!(e instanceof UnknownYearError)) throw e;
    const shown = typed === notified ? notified : `"${typed}" (${notified})`;
    const known = `a year whose bank holidays jtai does not know (it knows ${e.firstYear} to ${e.lastYear}), so working days there cannot be counted`;
    const year = Number(notified.slice(0, 4));
    throw new InputError(
      e.year === year
        ? `the notification date ${shown} is in ${e.year}, ${known}.`
        : `the plan for a notification on ${shown} ${e.year > year ? 'runs into' : 'reaches back into'} ${e.year}, ${known}.`,
    );
  }
  const nowMs = nowFor(input, zone, io.env, (text) => void (!input.quiet && io.writeErr(`jtai: ${text}\n`)));
  // Progress depends on the moment: a plan carries it only when asked (an inspection file, or
  // --now), so that the same plan without them is the same bytes at any time.
  const asked = options.progress === 'always' || loaded !== undefined || input.now !== undefined;
  if (asked && !coversInstant(zone, nowMs)) {
    throw new InputError(
      `the moment to tell progress from, ${isoUtc(nowMs).slice(0, 16)}Z (SOURCE_DATE_EPOCH or the clock), is outside the years jtai knows the clock changes of ${zone.name} for (${zone.years[0]} to ${zone.years[1]}); give --now.`,
    );
  }
  const tracked = trackInspection({
    ruleSet,
    notified,
    calendar,
    zone,
    base: plan,
    ...(loaded && { record: loaded.record, folded: record! }),
    nowMs,
    progress: asked,
  });
  // jtai plan tells every warning itself; the other commands tell those of the record here.
  if (command !== 'plan' && !input.quiet) for (const w of tracked.warnings) io.writeErr(`jtai: warning: ${w}\n`);
  return {
    ruleSet,
    calendar,
    zone,
    nowMs,
    plan: tracked.plan,
    rules: builtInPath(rules) ?? resolve(rules),
    ...(loaded && { loaded }),
    ...(record && { record }),
  };
}

/** Every party of a rule set as a list for messages: "dcs (Director of Children's Services (DCS)), ...". */
function partyList(parties: Readonly<Record<string, Party>>): string {
  return Object.values(parties)
    .map((p) => (p.name.toLowerCase() === p.id ? p.id : `${p.id} (${p.name})`))
    .join(', ');
}

/** The parties --agency names, each name by id, name, short name or alias; an unknown one gets the closest and the list. */
export function partiesNamed(plan: TrackedPlan, names: readonly string[]): Party[] {
  const parties = plan.ruleSet.parties;
  const found = names.flatMap((name) => {
    const matches = findParties(parties, name);
    if (matches.length === 0) {
      const suggestion = partySuggestion(parties, name); // said as ids: they are what to type
      throw new UsageError(
        `--agency "${name}" is not a party of ${plan.ruleSet.id}.${suggestion} The parties are: ${partyList(parties)}.`,
      );
    }
    return matches;
  });
  return [...new Map(found.map((p) => [p.id, p])).values()];
}

/** Keeps only what the named agencies must do (--agency). */
export function selectAgencies(plan: TrackedPlan, names: readonly string[]): TrackedPlan {
  if (names.length === 0) return plan;
  return forAgencies(
    plan,
    partiesNamed(plan, names).map((p) => p.id),
  );
}
