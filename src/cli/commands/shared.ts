import { filterByAgency, findParties, namesOf } from '../../core/agencies.js';
import { makeHolidayCalendar } from '../../core/bank-holidays.js';
import { type IsoDate, formatLongDate } from '../../core/calendar-date.js';
import { localDateTime, readDate } from '../../core/date-input.js';
import { EUROPE_LONDON } from '../../core/london-zone.js';
import type { Party, RuleSet } from '../../core/rule-set.js';
import { type Schedule, computeSchedule } from '../../core/schedule.js';
import { didYouMean } from '../../core/suggest.js';
import type { HolidayCalendar } from '../../core/working-days.js';
import type { ZoneRules } from '../../core/zone-rules.js';
import { zoneRulesFor } from '../../core/zones.js';
import { InputError, UnknownYearError, UsageError } from '../../errors.js';
import { loadRuleSet } from '../../io/load-rule-set.js';
import type { CliIo } from '../io.js';

/** Options every command that works out a plan takes. */
export interface PlanInput {
  notified?: string;
  rules: string;
  quiet?: boolean;
}

/** Today in London: what "today" means on the command line. */
export function londonToday(nowMs: number = Date.now()): IsoDate {
  return localDateTime(EUROPE_LONDON, nowMs).slice(0, 10);
}

/**
 * The notification date from --notified as typed (2019-03-19, 19/03/2019, 19 March 2019,
 * today); a date typed in another form than ISO is said back as read, unless --quiet.
 */
export function readNotified(command: string, input: PlanInput, io: CliIo): IsoDate {
  if (input.notified === undefined) {
    throw new UsageError(`--notified is missing: give the day the area was notified, for example: jtai ${command} --notified 2019-03-19.`);
  }
  const { date, iso } = readDate('--notified', input.notified, londonToday());
  if (!iso && !input.quiet) io.writeErr(`jtai: --notified "${input.notified}" read as ${formatLongDate(date)} (${date}).\n`);
  return date;
}

export interface Planned {
  ruleSet: RuleSet;
  calendar: HolidayCalendar;
  zone: ZoneRules;
  schedule: Schedule;
}

/** Loads a rule set and works out its plan for a notification date. */
export async function planFor(input: PlanInput, date: IsoDate, typed: string = date): Promise<Planned> {
  const ruleSet = await loadRuleSet(input.rules);
  const calendar = makeHolidayCalendar(ruleSet.closures);
  const zone = await zoneRulesFor(ruleSet.timezone);
  try {
    return { ruleSet, calendar, zone, schedule: computeSchedule(ruleSet, date, calendar, zone) };
  } catch (e) {
    if (!(e instanceof UnknownYearError)) throw e;
    const shown = typed === date ? date : `"${typed}" (${date})`;
    const known = `a year whose bank holidays jtai does not know (it knows ${e.firstYear} to ${e.lastYear}), so working days there cannot be counted`;
    const year = Number(date.slice(0, 4));
    throw new InputError(
      e.year === year
        ? `the notification date ${shown} is in ${e.year}, ${known}.`
        : `the plan for a notification on ${shown} ${e.year > year ? 'runs into' : 'reaches back into'} ${e.year}, ${known}.`,
    );
  }
}

/** Every party of a rule set as a list for messages: "dcs (Director of Children's Services (DCS)), ...". */
export function partyList(parties: Readonly<Record<string, Party>>): string {
  return Object.values(parties).map((p) => (p.name.toLowerCase() === p.id ? p.id : `${p.id} (${p.name})`)).join(', ');
}

/** The parties --agency names, each name by id, name, short name or alias; an unknown one gets the closest and the list. */
export function partiesNamed(schedule: Schedule, names: readonly string[]): Party[] {
  const parties = schedule.ruleSet.parties;
  const found = names.flatMap((name) => {
    const matches = findParties(parties, name);
    if (matches.length === 0) {
      const idOf = new Map(Object.values(parties).flatMap((p) => namesOf(p).map((n) => [n.toLowerCase(), p.id] as const)));
      const suggestion = didYouMean(name, idOf.keys(), (n) => idOf.get(n) ?? n); // said as ids: they are what to type
      throw new UsageError(`--agency "${name}" is not a party of ${schedule.ruleSet.id}.${suggestion} The parties are: ${partyList(parties)}.`);
    }
    return matches;
  });
  return [...new Map(found.map((p) => [p.id, p])).values()];
}

/** Keeps only what the named agencies must do (--agency). */
export function selectAgencies(schedule: Schedule, names: readonly string[]): Schedule {
  if (names.length === 0) return schedule;
  return filterByAgency(schedule, partiesNamed(schedule, names).map((p) => p.id));
}

