import { IANAZone } from 'luxon';
import { EUROPE_LONDON } from '../dates/london-zone.js';
import type { Problem } from '../../errors.js';
import { type OutlineItem, type RuleSetOutline, outlineOf } from './outline.js';
import { didYouMean } from '../text/suggest.js';
import { ALL_DAY, TIME_OF_DAY } from './rule-set.js';

// Checks that the schema alone cannot make: names that must refer to something, and fields
// that go together. Each check reads the outline of the data as written, so they all run even
// when the schema has found problems elsewhere; checkRuleSet runs them all.

type Check = (outline: RuleSetOutline) => Problem[];

function listOf(names: Iterable<string>): string {
  return [...names].map((n) => `"${n}"`).join(', ');
}

function nameOf(item: OutlineItem): string {
  return item.id === undefined ? `item ${item.index + 1}` : `item "${item.id}"`;
}

// Europe/London is known without asking ICU, which takes ~12 ms to start (jtai's own table).
const checkTimezone: Check = ({ timezone }) =>
  timezone === undefined || timezone === EUROPE_LONDON.name || IANAZone.isValidZone(timezone)
    ? []
    : [
        {
          path: ['timezone'],
          message: `unknown time zone "${timezone}"; expected an IANA name such as "Europe/London".`,
        },
      ];

const checkUniqueItemIds: Check = ({ items }) => {
  const seen = new Map<string, number>();
  return items.flatMap((item): Problem[] => {
    if (item.id === undefined) return [];
    const first = seen.get(item.id);
    if (first === undefined) {
      seen.set(item.id, item.index);
      return [];
    }
    return [
      {
        path: ['items', item.index, 'id'],
        message: `duplicate item id "${item.id}"; item ${first + 1} has it already.`,
      },
    ];
  });
};

const checkAnchors: Check = ({ items }) =>
  items.flatMap((item): Problem[] => {
    const path = ['items', item.index];
    const { day, week, weekday, from, offset, at } = item.has;
    const name = nameOf(item);
    if (from && (day || week))
      return [
        {
          path: [...path, day ? 'day' : 'week'],
          message: `${name} has "from" and "${day ? 'day' : 'week'}"; it is counted from one item, or from a day or week, not both.`,
        },
      ];
    if (from && weekday)
      return [
        {
          path: [...path, 'weekday'],
          message: `${name} is counted from another item, so "weekday" has no meaning; leave it out.`,
        },
      ];
    if (!from && offset)
      return [
        { path, message: `${name} has "days", "hours" or "minutes" but no "from"; they count from another item.` },
      ];
    if (day && week)
      return [{ path: [...path, 'week'], message: `${name} has both "day" and "week"; give one of them.` }];
    if (!day && !week && !from)
      return [
        {
          path,
          message: `${name} has neither "day", "week" nor "from"; give a working-day number, a week and weekday, or the item it is counted from.`,
        },
      ];
    if (week && !weekday)
      return [
        {
          path: [...path, 'week'],
          message: `${name} has "week" but no "weekday"; say which day of week ${item.week ?? 'it is'}.`,
        },
      ];
    if (!at && !from)
      return [{ path, message: `${name} has no "at"; give a clock time like "15:00", a named time or "all-day".` }];
    return [];
  });

// "from" must name another item, and chains of "from" must end at a day or a week. Each item
// is walked once: a chain met again while it is being walked is a cycle, one already walked
// is known to end (linear in the number of items, however long the chains).
const checkFrom: Check = ({ items }) => {
  const byId = new Map(items.flatMap((item) => (item.id === undefined ? [] : [[item.id, item] as const])));
  const ends = new Set<string>();
  return items.flatMap((item): Problem[] => {
    if (item.from === undefined) return [];
    const path = ['items', item.index, 'from'];
    if (item.from === item.id) return [{ path, message: `${nameOf(item)} is counted from itself.` }];
    if (!byId.has(item.from))
      return [
        {
          path,
          message: `${nameOf(item)} is counted from "${item.from}", but there is no item "${item.from}".${didYouMean(
            item.from,
            [...byId.keys()].filter((id) => id !== item.id),
          )}`,
        },
      ];
    const chain = [item.id ?? '?'];
    const onChain = new Set(chain);
    for (
      let at = byId.get(item.from);
      at && !ends.has(at.id ?? '');
      at = at.from === undefined ? undefined : byId.get(at.from)
    ) {
      if (onChain.has(at.id ?? '')) {
        // Reported once, at the item the cycle starts from; the items that lead into it are not cycles themselves.
        return at.id === item.id
          ? [
              {
                path,
                message: `"from" makes a cycle: ${[...chain, at.id].join(' -> ')}; a chain must end at an item with a day or a week.`,
              },
            ]
          : [];
      }
      chain.push(at.id ?? '?');
      onChain.add(at.id ?? '');
    }
    for (const id of chain) ends.add(id);
    return [];
  });
};

// An item counted from another by hours or minutes needs a clock time to count from: the
// item's own "at", or the one its chain ends at. "All day" plus two hours is no time.
const checkClockOffsets: Check = ({ items }) => {
  const byId = new Map(items.flatMap((item) => (item.id === undefined ? [] : [[item.id, item] as const])));
  const known = new Map<OutlineItem, boolean>(); // each item's answer, once: linear in chain length
  const allDay = (item: OutlineItem | undefined): boolean => {
    if (!item) return false;
    if (known.has(item)) return known.get(item)!;
    known.set(item, false); // a cycle (reported by checkFrom) ends here
    const answer = item.at !== undefined ? item.at === ALL_DAY : item.from === undefined || allDay(byId.get(item.from));
    known.set(item, answer);
    return answer;
  };
  return items.flatMap((item): Problem[] => {
    if (item.from === undefined || item.clockOffset === 0) return [];
    if (item.at === ALL_DAY)
      return [
        {
          path: ['items', item.index, 'at'],
          message: `${nameOf(item)} moves hours or minutes from "${item.from}" but is all day itself; give it a clock time with "at", or leave out hours and minutes.`,
        },
      ];
    if (item.at !== undefined || !allDay(byId.get(item.from))) return [];
    return [
      {
        path: ['items', item.index, 'from'],
        message: `${nameOf(item)} moves hours or minutes from "${item.from}", which is all day; give it a clock time with "at".`,
      },
    ];
  });
};

const checkTimes: Check = ({ items, times }) =>
  items.flatMap((item): Problem[] => {
    const at = item.at;
    if (at === undefined || at === ALL_DAY || TIME_OF_DAY.test(at) || times.has(at)) return [];
    return [
      {
        path: ['items', item.index, 'at'],
        message: `unknown time ${JSON.stringify(at)}; expected a clock time like "15:00" or one of ${listOf([...times, ALL_DAY])}.`,
      },
    ];
  });

const checkParties: Check = ({ items, parties }) => {
  const unknown = (id: string, path: Problem['path'], what: string): Problem[] =>
    parties.has(id)
      ? []
      : [{ path, message: `unknown party "${id}" in ${what}; expected one of ${listOf(parties.keys())}.` }];
  const inItems = items.flatMap((item) => [
    ...item.by.flatMap((r) => unknown(r.id, ['items', item.index, 'by', r.index], nameOf(item))),
    ...(item.to === undefined ? [] : unknown(item.to, ['items', item.index, 'to'], nameOf(item))),
  ]);
  const inGroups = [...parties].flatMap(([pid, party]) =>
    party.members.flatMap((r) => unknown(r.id, ['parties', pid, 'members', r.index], `party "${pid}"`)),
  );
  return [...inItems, ...inGroups];
};

const checkFocus: Check = ({ focus, parties }) => {
  const seen = new Map<string, number>();
  const listed = (ids: Iterable<string>) => [...ids].map((n) => `"${n}"`).join(', ');
  return focus.flatMap((list) => {
    const name = list.id === undefined ? `focus list ${list.index + 1}` : `focus list "${list.id}"`;
    const duplicate: Problem[] = [];
    if (list.id !== undefined) {
      const first = seen.get(list.id);
      if (first === undefined) seen.set(list.id, list.index);
      else
        duplicate.push({
          path: ['focus', list.index, 'id'],
          message: `duplicate focus list id "${list.id}"; list ${first + 1} has it already.`,
        });
    }
    const unknown = (r: { index: number; id: string }, path: Array<string | number>): Problem[] =>
      parties.has(r.id)
        ? []
        : [
            {
              path: [...path, r.index],
              message: `unknown party "${r.id}" in ${name}; expected one of ${listed(parties.keys())}.`,
            },
          ];
    return [
      ...duplicate,
      ...list.parties.flatMap((r) => unknown(r, ['focus', list.index, 'parties'])),
      ...list.points.flatMap((p) =>
        p.parties.flatMap((r) => unknown(r, ['focus', list.index, 'points', p.index, 'parties'])),
      ),
    ];
  });
};

const checkCitations: Check = ({ citations, sources }) =>
  citations.flatMap((c): Problem[] =>
    sources.has(c.id)
      ? []
      : [
          {
            path: c.path,
            message: `there is no document "${c.id}" under "sources"; ${sources.size > 0 ? `expected one of ${[...sources].map((n) => `"${n}"`).join(', ')}` : 'name it under "sources" first'}.`,
          },
        ],
  );

const checkAfter: Check = ({ items }) => {
  const ids = new Set(items.flatMap((item) => item.id ?? []));
  return items.flatMap((item) =>
    item.after.flatMap((r): Problem[] => {
      const path = ['items', item.index, 'after', r.index];
      if (r.id === item.id) return [{ path, message: `${nameOf(item)} is declared to come after itself.` }];
      return ids.has(r.id)
        ? []
        : [{ path, message: `${nameOf(item)} comes after "${r.id}", but there is no item "${r.id}".` }];
    }),
  );
};

// "after" must not loop back: a -> b -> a can never be kept in order. Depth-first without
// recursion, so that a long chain of "after" cannot exhaust the stack.
const checkAfterCycles: Check = ({ items }) => {
  const byId = new Map(items.flatMap((item) => (item.id === undefined ? [] : [[item.id, item] as const])));
  const state = new Map<string, 'visiting' | 'done'>();
  const problems: Problem[] = [];
  for (const start of byId.keys()) {
    if (state.has(start)) continue;
    const trail: string[] = [start];
    const next: number[] = [0];
    state.set(start, 'visiting');
    while (trail.length > 0) {
      const id = trail.at(-1)!;
      const after = byId.get(id)!.after;
      const j = next[next.length - 1]!;
      if (j >= after.length) {
        state.set(id, 'done');
        trail.pop();
        next.pop();
        continue;
      }
      next[next.length - 1] = j + 1;
      const to = after[j]!.id;
      if (!byId.has(to) || state.get(to) === 'done') continue;
      if (state.get(to) === 'visiting') {
        const cycle = [...trail.slice(trail.indexOf(to)), to];
        problems.push({
          path: ['items', byId.get(to)!.index, 'after'],
          message: `"after" makes a cycle: ${cycle.join(' -> ')}; no order can keep it.`,
        });
        continue;
      }
      state.set(to, 'visiting');
      trail.push(to);
      next.push(0);
    }
  }
  return problems;
};

const CHECKS: readonly Check[] = [
  checkTimezone,
  checkUniqueItemIds,
  checkAnchors,
  checkFrom,
  checkClockOffsets,
  checkTimes,
  checkParties,
  checkAfter,
  checkAfterCycles,
  checkFocus,
  checkCitations,
];

/** The cross-field problems of rule-set data as written, whatever its shape: checkRuleSet({ items: [{ id: "a", after: ["a"] }] }) names the self-reference. */
export function checkRuleSet(data: unknown): Problem[] {
  const outline = outlineOf(data);
  return CHECKS.flatMap((check) => check(outline));
}
