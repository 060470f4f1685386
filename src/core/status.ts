import { isForAgency, submittingParties } from './agencies.js';
import type { ItemProgress } from './progress.js';
import type { Party } from './rule-set.js';
import type { Schedule, ScheduleItem } from './schedule.js';

// Who owes what at a moment: per agency, what it has done, what is overdue and its next
// deadline; per item not yet delivered, the agencies that still owe it. Only submissions are
// owed: inspectors' actions are the inspectors'.

export interface AgencyStatus {
  party: Party;
  /** The submissions this agency must act on, directly or through a group. */
  total: number;
  done: ScheduleItem[];
  overdue: ScheduleItem[];
  /** Its next deadline not yet done, with minutes left (null for an all-day item). */
  next: { item: ScheduleItem; minutesLeft: number | null } | null;
}

export interface StatusView {
  now: string;
  agencies: AgencyStatus[];
  /** Submissions not yet delivered, in date order, with who still owes them. */
  owing: Array<{ item: ScheduleItem; progress: ItemProgress }>;
}

/** Who owes what in a plan with progress: statusOf(plan).agencies[0] is the first agency's figures. */
export function statusOf(schedule: Schedule): StatusView {
  const progress = schedule.progress;
  if (!progress) throw new Error('statusOf needs a plan with progress (withProgress)');
  const nowMs = Date.parse(progress.now);
  const of = (item: ScheduleItem) => progress.items[item.id]!;
  const submissions = schedule.items.filter((i) => i.kind === 'submission');
  const parties = schedule.filter?.agencies ?? submittingParties(schedule);
  const agencies = parties.map((party): AgencyStatus => {
    const mine = submissions.filter((item) => isForAgency(item, schedule.ruleSet.parties, party.id));
    const open = mine.filter((item) => of(item).status !== 'done');
    const next = open.find((item) => of(item).status !== 'overdue');
    return {
      party,
      total: mine.length,
      done: mine.filter((item) => of(item).status === 'done'),
      overdue: open.filter((item) => of(item).status === 'overdue'),
      next: next ? { item: next, minutesLeft: next.due === null ? null : Math.round((Date.parse(next.due) - nowMs) / 60_000) } : null,
    };
  });
  const owing = submissions
    .filter((item) => of(item).status !== 'done' && (schedule.filter === null || parties.some((p) => isForAgency(item, schedule.ruleSet.parties, p.id))))
    .map((item) => ({ item, progress: of(item) }));
  return { now: progress.now, agencies, owing };
}
