import type { IsoDate } from '../core/dates/calendar-date.js';
import { readDate } from '../core/dates/date-input.js';
import { findParties, partySuggestion } from '../core/plan/agencies.js';
import { JtaiError } from '../errors.js';
import type { BuiltIn } from './data.js';
import type { Problem } from './problems.js';

// The page's address: the choices a link carries (?notified=2019-03-19&agency=police&rules=jtai-2018),
// read strictly (each at most once, each value known), and written back as the user changes them.
// "rules=file" says the plan came from a rule-set file of the user's own, which no link carries.

/** What an address chooses. */
export interface Choices {
  notified: IsoDate | null;
  /** A built-in rule set's id, or "file". */
  rules: string;
  agency: string;
  /** An agency the address names for a rule-set file not opened yet. */
  pendingAgency?: string;
}

/**
 * The choices in an address's query, and what in it cannot be read: readAddress("?notified=2019-02-30", ...)
 * is no date and the problem 'Notification date in the link must be a real date: "2019-02-30" is not (there is no 30 February 2019)'.
 */
export function readAddress(
  search: string,
  builtIns: readonly BuiltIn[],
  today: IsoDate,
): { choices: Choices; problems: Problem[] } {
  const params = new URLSearchParams(search);
  const choices: Choices = { notified: null, rules: builtIns[0]!.id, agency: '' };
  const problems: Problem[] = [];
  const once = (name: string, field: Problem['field'], what: string): string | undefined => {
    const all = params.getAll(name);
    if (all.length > 1)
      problems.push({ field, message: `The link gives more than one ${what} (${all.join(', ')}): it can give one` });
    return all.length === 1 ? all[0] : undefined;
  };
  const notified = once('notified', 'notified', 'notification date');
  if (notified !== undefined) {
    try {
      choices.notified = readDate('notified', notified, today).date;
    } catch (e) {
      if (!(e instanceof JtaiError)) throw e;
      const why = e.message.replace(/^notified "[^"]*": /, '').replace(/;.*$|\.$/, '');
      problems.push({
        field: 'notified',
        message: `Notification date in the link must be a real date: "${notified}" is not (${why})`,
      });
    }
  }
  const rules = once('rules', 'rules', 'rule set');
  if (rules === 'file' || builtIns.some((b) => b.id === rules)) choices.rules = rules!;
  else if (rules !== undefined)
    problems.push({
      field: 'rules',
      message: `The link names a rule set this page does not have ("${rules}"): choose one of ${builtIns.map((b) => b.name).join(', ')}`,
    });
  const agency = once('agency', 'agency', 'agency');
  const ruleSet = builtIns.find((b) => b.id === choices.rules)?.ruleSet;
  if (agency !== undefined && choices.rules === 'file') choices.pendingAgency = agency;
  else if (agency !== undefined && ruleSet) {
    const found = findParties(ruleSet.parties, agency);
    if (found.length > 0) choices.agency = found[0]!.id;
    else
      problems.push({
        field: 'agency',
        message: `The link names an agency that ${ruleSet.name} does not have ("${agency}").${partySuggestion(ruleSet.parties, agency)} Choose an agency`,
      });
  }
  return { choices, problems };
}

/** The query that carries some choices: queryOf({ notified: "2019-03-19", rules: "jtai-2018", agency: "police" }, "jtai-2018") is "?notified=2019-03-19&agency=police". */
export function queryOf(choices: Choices, defaultRules: string): string {
  const params = new URLSearchParams();
  if (choices.notified) params.set('notified', choices.notified);
  if (choices.rules !== defaultRules) params.set('rules', choices.rules);
  if (choices.agency) params.set('agency', choices.agency);
  const query = params.toString();
  return query ? `?${query}` : '';
}
