import { filterByAgency, findParty, submittingParties } from '../../core/agencies.js';
import { makeHolidayCalendar } from '../../core/bank-holidays.js';
import { isIsoDate } from '../../core/calendar-date.js';
import type { RuleSet } from '../../core/rule-set.js';
import { type Schedule, computeSchedule } from '../../core/schedule.js';
import type { HolidayCalendar } from '../../core/working-days.js';
import type { ZoneRules } from '../../core/zone-rules.js';
import { zoneRulesFor } from '../../core/zones.js';
import { UsageError } from '../../errors.js';
import { loadRuleSet } from '../../io/load-rule-set.js';

export function checkNotified(value: string): string {
  if (!isIsoDate(value)) {
    throw new UsageError(`--notified "${value}" is not a real date; give it as YYYY-MM-DD, for example --notified 2019-03-19.`);
  }
  return value;
}

export interface Planned {
  ruleSet: RuleSet;
  calendar: HolidayCalendar;
  zone: ZoneRules;
  schedule: Schedule;
}

/** Loads a rule set and works out its plan for a notification date. */
export async function planFor(rules: string, notified: string): Promise<Planned> {
  const date = checkNotified(notified);
  const ruleSet = await loadRuleSet(rules);
  const calendar = makeHolidayCalendar(ruleSet.closures);
  const zone = await zoneRulesFor(ruleSet.timezone);
  return { ruleSet, calendar, zone, schedule: computeSchedule(ruleSet, date, calendar, zone) };
}

/** Keeps only what the named agencies must do (--agency); an unknown name lists the known ones. */
export function selectAgencies(schedule: Schedule, names: readonly string[]): Schedule {
  if (names.length === 0) return schedule;
  const ids = names.map((name) => {
    const party = findParty(schedule.ruleSet.parties, name);
    if (!party) {
      const known = submittingParties(schedule).map((p) => p.id).join(', ');
      throw new UsageError(`--agency "${name}" is not a party of ${schedule.ruleSet.id}; expected one of: ${known}.`);
    }
    return party.id;
  });
  return filterByAgency(schedule, ids);
}
