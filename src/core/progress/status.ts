import { minutesBetween } from '../dates/calendar-date.js';
import { InternalError } from '../../errors.js';
import type { TrackedPlan } from './progress.js';
import { isForAgency, submittingParties } from '../plan/agencies.js';
import type { ItemProgress } from './progress.js';
import type { Party } from '../rule-set/rule-set.js';
import type { PlanItem } from '../plan/plan.js';

// Who owes what at a moment: per agency, what it has done, what is overdue and its next
// deadline; per item not yet delivered, the agencies that still owe it. Only submissions are
// owed: inspectors' actions are the inspectors'.

export interface AgencyStatus {
  party: Party;
  /** The submissions this agency must act on, directly or through a group. */
  total: number;
  done: PlanItem[];
  overdue: PlanItem[];
  /** Its next deadline not yet done, with minutes left (null for an all-day item). */
  next: { item: PlanItem; minutesLeft: number | null } | null;
}

export interface StatusView {
  now: string;
  agencies: AgencyStatus[];
  /** Submissions not yet delivered, in date order, with who still owes them. */
  owing: Array<{ item: PlanItem; progress: ItemProgress }>;
}

/** Who owes what in a plan with progress: statusOf(plan).agencies[0] is the first agency's figures. */
export function statusOf(plan: TrackedPlan): StatusView {
  const progress = plan.progress;
  if (!progress) throw new InternalError('statusOf needs a plan with progress (withProgress)');
  const nowMs = Date.parse(progress.now);
  const of = (item: PlanItem) => progress.items[item.id]!;
  const submissions = plan.items.filter((i) => i.kind === 'submission');
  const parties = plan.filter?.agencies ?? submittingParties(plan);
  const agencies = parties.map((party): AgencyStatus => {
    const mine = submissions.filter((item) => isForAgency(item, plan.ruleSet.parties, party.id));
    const open = mine.filter((item) => of(item).status !== 'done');
    const next = open.find((item) => of(item).status !== 'overdue');
    return {
      party,
      total: mine.length,
      done: mine.filter((item) => of(item).status === 'done'),
      overdue: open.filter((item) => of(item).status === 'overdue'),
      next: next
        ? {
            item: next,
            minutesLeft: next.due === null ? null : minutesBetween(new Date(nowMs).toISOString(), next.due),
          }
        : null,
    };
  });
  const owing = submissions
    .filter(
      (item) =>
        of(item).status !== 'done' &&
        (plan.filter === null || parties.some((p) => isForAgency(item, plan.ruleSet.parties, p.id))),
    )
    .map((item) => ({ item, progress: of(item) }));
  return { now: progress.now, agencies, owing };
}
