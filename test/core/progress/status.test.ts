import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { chasedAgencies, chasedParties } from '../../../src/core/plan/chased.js';
import { computePlan } from '../../../src/core/plan/plan.js';
import { EUROPE_LONDON } from '../../../src/core/dates/london-zone.js';
import type { DoneRecord } from '../../../src/core/progress/inspection-record.js';
import { partiesOfItem, withProgress } from '../../../src/core/progress/progress.js';
import { statusOf } from '../../../src/core/progress/status.js';
import { loadRuleSet } from '../../../src/io/load-rule-set.js';
import { calendar } from '../../helpers.js';

// Issue 20: status by each agency's own part, as properties over any record of parts: an item
// is done exactly when every agency it is owed by has done its part (or it is done whole); its
// "still owed by" is exactly those that have not; each agency's figures add up; late is exactly
// "done after the deadline". Notified Tuesday 19 March 2019.

const ruleSet = await loadRuleSet('jtai-2018');
const plan = computePlan(ruleSet, '2019-03-19', calendar);
const submissions = plan.items.filter((i) => i.kind === 'submission');
const parties = ruleSet.parties;
const START = Date.parse('2019-03-19T09:00:00Z');
const END = Date.parse('2019-04-02T17:00:00Z');

const instant = (ms: number) => new Date(Math.floor(ms / 60_000) * 60_000).toISOString().replace('.000Z', '+00:00');

// A record: for some items, some parts (an agency, a group the item names, or the whole), each at some time.
const records = fc
  .array(
    fc.record({
      item: fc.constantFrom(...submissions),
      who: fc.option(fc.constantFrom(...Object.keys(parties)), { nil: undefined }),
      at: fc.integer({ min: START, max: END }),
    }),
    { maxLength: 40 },
  )
  .map((list) => {
    const progress: Record<string, DoneRecord[]> = {};
    for (const { item, who, at } of list)
      (progress[item.id] ??= []).push({ done: instant(at), ...(who && { agency: who }) });
    return progress;
  });

describe('status by parts, over any record', () => {
  test('the groups never have a row; the rows are the agencies a submission is owed by', () => {
    expect(chasedParties(plan).map((p) => p.id)).toEqual([
      'dcs',
      'local-authority',
      'police',
      'health',
      'schools',
      'yot',
      'nps',
      'crc',
    ]);
  });

  test('done exactly when every part is, owing exactly the rest, figures that add up, late exactly when after the deadline', () => {
    fc.assert(
      fc.property(records, fc.integer({ min: START, max: END }), (progress, nowMs) => {
        const tracked = withProgress(
          plan,
          { area: null, notified: '2019-03-19', rules: 'jtai-2018', contacts: {}, progress },
          nowMs,
          EUROPE_LONDON,
        );
        const view = statusOf(tracked);
        for (const item of submissions) {
          const p = tracked.progress!.items[item.id]!;
          const counted = (progress[item.id] ?? []).filter((r) => Date.parse(r.done) <= nowMs);
          const whole = counted.some((r) => r.agency === undefined);
          const owedBy = chasedAgencies(item, parties).map((a) => a.id);
          // Its own record, or one of a group the item names (or a member group of one) that reaches it;
          // an agency in its own right with members (the local authority) also when each member has one.
          const onItem = partiesOfItem(
            item.agencies.map((a) => a.id),
            parties,
          );
          const recorded = (id: string) => counted.some((r) => r.agency === id);
          const partDone = (id: string) =>
            recorded(id) ||
            counted.some(
              (r) =>
                r.agency !== undefined && onItem.has(r.agency) && parties[r.agency]!.group && reaches(r.agency, id),
            ) ||
            (!parties[id]!.group && parties[id]!.members.length > 0 && parties[id]!.members.every(recorded));
          const missing = owedBy.filter((id) => !whole && !partDone(id));
          expect(p.status === 'done').toBe(missing.length === 0);
          expect(p.owing.map((a) => a.id)).toEqual(p.status === 'done' ? [] : missing);
          if (p.status === 'done') {
            expect(p.late).toBe(Date.parse(p.doneAt!) > Date.parse(item.due!));
            expect(p.lateByMinutes === null).toBe(!p.late);
          }
        }
        for (const a of view.agencies) {
          const open = a.parts.filter((m) => m.part.status === 'due-today' || m.part.status === 'upcoming');
          expect(a.done.length + a.overdue.length + open.length).toBe(a.total);
          expect(a.late.every((m) => Date.parse(m.part.doneAt!) > Date.parse(m.item.due!))).toBe(true);
          expect(a.next?.item.id ?? null).toBe(open[0]?.item.id ?? null);
        }
      }),
      { numRuns: 300 },
    );
  });
});

/** Whether a group reaches a party through its members. */
function reaches(group: string, id: string): boolean {
  return parties[group]!.members.some((m) => m === id || (parties[m]!.group && reaches(m, id)));
}
