import { isoUtc, minutesBetween } from '../dates/calendar-date.js';
import { InternalError } from '../../errors.js';
import { type ItemProgress, type PartProgress, type TrackedPlan, instantIn } from './progress.js';
import { localDateTime } from '../dates/date-input.js';
import { type ZoneRules, zonedInstant } from '../dates/zone-rules.js';
import { chasedFor, chasedParties } from '../plan/chased.js';
import type { Party } from '../rule-set/rule-set.js';
import type { PlanItem } from '../plan/plan.js';

// Who owes what at a moment, each agency judged by its own part: per agency (groups as their
// members), what it has done (and how late), what is overdue and its next deadline; per item
// not yet delivered, the agencies that still owe it; and what was delivered since a moment.
// Only submissions are owed: inspectors' actions are the inspectors'.

/** One agency's part of one item. */
export interface AgencyPart {
  item: PlanItem;
  part: PartProgress;
}

export interface AgencyStatus {
  party: Party;
  /** The submissions this agency owes a part of, directly or through a group. */
  total: number;
  /** Its part of each of them, in date order. */
  parts: AgencyPart[];
  done: AgencyPart[];
  /** Of those done, the ones done after their deadline. */
  late: AgencyPart[];
  overdue: AgencyPart[];
  /** Its next deadline not yet done, with minutes left (null for an all-day item). */
  next: { item: PlanItem; minutesLeft: number | null } | null;
}

/** A delivery recorded: an agency's part, or the whole item (party null). */
export interface Delivery {
  item: PlanItem;
  party: Party | null;
  at: string;
  by: string | null;
  note: string | null;
  lateByMinutes: number | null;
}

export interface StatusView {
  now: string;
  agencies: AgencyStatus[];
  /** Submissions not yet delivered, in date order, with who still owes them. */
  owing: Array<{ item: PlanItem; progress: ItemProgress }>;
  /** Deliveries recorded at or after `since` and by now, oldest first (none when no since is given). */
  delivered: Delivery[];
  since: string | null;
}

export interface StatusViewOptions {
  /** Deliveries after this instant (with its offset) are listed. */
  since?: string;
}

function partOf(progress: ItemProgress, party: Party): PartProgress | undefined {
  return progress.agencies.find((a) => a.party.id === party.id);
}

function agencyStatus(
  party: Party,
  submissions: PlanItem[],
  nowIso: string,
  of: (i: PlanItem) => ItemProgress,
): AgencyStatus {
  const mine = submissions.flatMap((item) => {
    const part = partOf(of(item), party);
    return part ? [{ item, part }] : [];
  });
  const done = mine.filter((m) => m.part.status === 'done');
  const next = mine.find((m) => m.part.status === 'due-today' || m.part.status === 'upcoming')?.item;
  return {
    party,
    total: mine.length,
    parts: mine,
    done,
    late: done.filter((m) => m.part.lateByMinutes !== null),
    overdue: mine.filter((m) => m.part.status === 'overdue'),
    next: next ? { item: next, minutesLeft: next.due === null ? null : minutesBetween(nowIso, next.due) } : null,
  };
}

// Every record counted between since and now, as a delivery: a part (its agency) or the whole.
function deliveriesSince(plan: TrackedPlan, sinceMs: number, of: (i: PlanItem) => ItemProgress): Delivery[] {
  const parties = plan.ruleSet.parties;
  return plan.items
    .flatMap((item) => {
      const progress = of(item);
      return progress.parts
        .filter((r) => Date.parse(r.done) >= sinceMs)
        .map((r) => {
          const party = r.agency === undefined ? null : (parties[r.agency] ?? null);
          const part = party && partOf(progress, party);
          const lateByMinutes = party
            ? (part?.lateByMinutes ?? null)
            : progress.doneAt === r.done
              ? progress.lateByMinutes
              : null;
          return { item, party, at: r.done, by: r.by ?? null, note: r.note ?? null, lateByMinutes };
        });
    })
    .sort((a, b) => Date.parse(a.at) - Date.parse(b.at));
}

/** Who owes what in a plan with progress: statusOf(plan).agencies[0] is the first agency's figures, by its own parts. */
export function statusOf(plan: TrackedPlan, options: StatusViewOptions = {}): StatusView {
  const progress = plan.progress;
  if (!progress) throw new InternalError('statusOf needs a plan with progress (withProgress)');
  const of = (item: PlanItem) => progress.items[item.id]!;
  const nowIso = isoUtc(Date.parse(progress.now));
  const submissions = plan.items.filter((i) => i.kind === 'submission');
  const all = chasedParties(plan);
  const asked =
    plan.filter &&
    new Set(
      chasedFor(
        plan.filter.agencies.map((p) => p.id),
        plan.ruleSet.parties,
      ).map((p) => p.id),
    );
  const rows = asked ? all.filter((p) => asked.has(p.id)) : all;
  const agencies = rows.map((party) => agencyStatus(party, submissions, nowIso, of));
  const owing = submissions
    .filter((item) => of(item).status !== 'done' && (asked === null || of(item).owing.some((p) => asked.has(p.id))))
    .map((item) => ({ item, progress: of(item) }));
  const sinceMs = options.since === undefined ? undefined : Date.parse(options.since);
  const delivered =
    sinceMs === undefined
      ? []
      : deliveriesSince(plan, sinceMs, of).filter((d) => asked === null || d.party === null || asked.has(d.party.id));
  return { now: progress.now, agencies, owing, delivered, since: options.since ?? null };
}

/**
 * The start of the day a moment falls on, in the zone: what a daily status lists deliveries
 * since. startOfDay(EUROPE_LONDON, Date.UTC(2019, 2, 31, 12)) is "2019-03-31T00:00:00+00:00".
 */
export function startOfDay(zone: ZoneRules, nowMs: number): string {
  return instantIn(zone, Date.parse(zonedInstant(zone, localDateTime(zone, nowMs).slice(0, 10), '00:00')));
}
