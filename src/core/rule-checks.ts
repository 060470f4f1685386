import { IANAZone } from 'luxon';
import type { Problem } from '../errors.js';
import { ALL_DAY, TIME_OF_DAY, type Anchor, type At, type RuleItem, type RuleSet, type RuleSetFile } from './rule-set.js';

// Checks that the schema alone cannot make: names that must refer to something, and fields
// that go together. Each check returns its problems; resolveRuleSet runs them all.

type Check = (file: RuleSetFile) => Problem[];

function listOf(names: Iterable<string>): string {
  return [...names].map((n) => `"${n}"`).join(', ');
}

const checkTimezone: Check = (file) =>
  IANAZone.isValidZone(file.timezone)
    ? []
    : [{ path: ['timezone'], message: `unknown time zone "${file.timezone}"; expected an IANA name such as "Europe/London".` }];

const checkUniqueItemIds: Check = (file) => {
  const seen = new Map<string, number>();
  const problems: Problem[] = [];
  file.items.forEach((item, i) => {
    const first = seen.get(item.id);
    if (first === undefined) seen.set(item.id, i);
    else problems.push({ path: ['items', i, 'id'], message: `duplicate item id "${item.id}"; item ${first + 1} has it already.` });
  });
  return problems;
};

const checkAnchors: Check = (file) =>
  file.items.flatMap((item, i): Problem[] => {
    const path = ['items', i];
    if (item.day !== undefined && item.week !== undefined)
      return [{ path: [...path, 'week'], message: `item "${item.id}" has both "day" and "week"; give one of them.` }];
    if (item.day === undefined && item.week === undefined)
      return [{ path, message: `item "${item.id}" has neither "day" nor "week"; give a working-day number or a week and weekday.` }];
    if (item.week !== undefined && item.weekday === undefined)
      return [{ path: [...path, 'week'], message: `item "${item.id}" has "week" but no "weekday"; say which day of week ${item.week}.` }];
    return [];
  });

const checkTimes: Check = (file) =>
  file.items.flatMap((item, i): Problem[] => {
    if (item.at === ALL_DAY || TIME_OF_DAY.test(item.at) || item.at in file.times) return [];
    const names = [...Object.keys(file.times), ALL_DAY];
    return [{ path: ['items', i, 'at'], message: `unknown time "${item.at}"; expected a clock time like "15:00" or one of ${listOf(names)}.` }];
  });

const checkParties: Check = (file) => {
  const known = Object.keys(file.parties);
  const unknown = (id: string, path: Problem['path'], what: string): Problem[] =>
    id in file.parties ? [] : [{ path, message: `unknown party "${id}" in ${what}; expected one of ${listOf(known)}.` }];
  const inItems = file.items.flatMap((item, i) => [
    ...item.by.flatMap((id, j) => unknown(id, ['items', i, 'by', j], `item "${item.id}"`)),
    ...(item.to === undefined ? [] : unknown(item.to, ['items', i, 'to'], `item "${item.id}"`)),
  ]);
  const inGroups = Object.entries(file.parties).flatMap(([pid, party]) =>
    party.members.flatMap((id, j) => unknown(id, ['parties', pid, 'members', j], `party "${pid}"`)),
  );
  return [...inItems, ...inGroups];
};

const checkAfter: Check = (file) => {
  const ids = new Set(file.items.map((item) => item.id));
  return file.items.flatMap((item, i) =>
    item.after.flatMap((id, j): Problem[] => {
      if (id === item.id) return [{ path: ['items', i, 'after', j], message: `item "${item.id}" is declared to come after itself.` }];
      return ids.has(id) ? [] : [{ path: ['items', i, 'after', j], message: `item "${item.id}" comes after "${id}", but there is no item "${id}".` }];
    }),
  );
};

// "after" must not loop back: a -> b -> a can never be kept in order.
const checkAfterCycles: Check = (file) => {
  const index = new Map(file.items.map((item, i) => [item.id, i]));
  const state = new Map<string, 'visiting' | 'done'>();
  const problems: Problem[] = [];
  const visit = (id: string, trail: string[]): void => {
    if (state.get(id) === 'done' || !index.has(id)) return;
    if (state.get(id) === 'visiting') {
      const cycle = [...trail.slice(trail.indexOf(id)), id];
      problems.push({ path: ['items', index.get(id)!, 'after'], message: `"after" makes a cycle: ${cycle.join(' -> ')}; no order can keep it.` });
      return;
    }
    state.set(id, 'visiting');
    for (const next of file.items[index.get(id)!]!.after) visit(next, [...trail, id]);
    state.set(id, 'done');
  };
  for (const item of file.items) visit(item.id, []);
  return problems;
};

const CHECKS: readonly Check[] = [checkTimezone, checkUniqueItemIds, checkAnchors, checkTimes, checkParties, checkAfter, checkAfterCycles];

function resolveAnchor(item: RuleSetFile['items'][number]): Anchor {
  if (item.week !== undefined) return { type: 'week', week: item.week, weekday: item.weekday! };
  return { type: 'day', day: item.day!, ...(item.weekday && { weekday: item.weekday }) };
}

function resolveAt(at: string, file: RuleSetFile): At {
  if (at === ALL_DAY) return { type: 'all-day' };
  const named = file.times[at];
  if (!named) return { type: 'clock', time: at };
  return { type: 'clock', time: named.time, name: at, label: named.label, ...(named.note && { note: named.note }) };
}

function resolveItem(item: RuleSetFile['items'][number], file: RuleSetFile): RuleItem {
  return {
    id: item.id,
    kind: item.kind,
    title: item.title,
    anchor: resolveAnchor(item),
    at: resolveAt(item.at, file),
    by: item.by,
    ...(item.to !== undefined && { to: item.to }),
    details: item.details,
    source: item.source,
    ...(item.note !== undefined && { note: item.note }),
    after: item.after,
  };
}

/** Checks a schema-valid rule set and resolves its names: every problem is returned, none thrown. */
export function resolveRuleSet(file: RuleSetFile): { ruleSet?: RuleSet; problems: Problem[] } {
  const problems = CHECKS.flatMap((check) => check(file));
  if (problems.length > 0) return { problems };
  const parties = Object.fromEntries(
    Object.entries(file.parties).map(([id, p]) => [id, { id, name: p.name, members: p.members }]),
  );
  const ruleSet: RuleSet = {
    id: file.id,
    name: file.name,
    ...(file.description !== undefined && { description: file.description }),
    source: file.source,
    timezone: file.timezone,
    holidays: file.holidays,
    closures: file.closures,
    notification: file.notification,
    parties,
    notes: file.notes,
    items: file.items.map((item) => resolveItem(item, file)),
  };
  return { ruleSet, problems: [] };
}
