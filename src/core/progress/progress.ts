import type { Contact, DoneRecord, InspectionRecord } from './inspection-record.js';
import type { Party, RuleSet } from '../rule-set/rule-set.js';
import type { Plan, PlanItem } from '../plan/plan.js';
import { type ZoneRules, formatOffset, offsetAt, zonedInstant } from '../dates/zone-rules.js';
import { addDays, isoUtc } from '../dates/calendar-date.js';
import { type ChasedAgency, chasedFor, chasedOf } from '../plan/chased.js';
import { filterByAgency } from '../plan/agencies.js';

// Progress through the fortnight: which items are done (as a whole, or every agency's part),
// whether in time or late, and, of the rest, which are overdue, due today or still to come,
// from a given moment; and the same for each agency's own part.

/**
 * Where an item stands: a submission is done, overdue (its deadline passed and not done), due
 * today or upcoming; an inspector action is never overdue for the area: it has passed, or is to
 * come (or, if someone records it, done).
 */
export type ItemStatus = 'done' | 'overdue' | 'due-today' | 'upcoming' | 'passed';

/** Where one agency's own part of an item stands. */
export interface PartProgress {
  party: Party;
  status: Exclude<ItemStatus, 'passed'>;
  /** When its part was done: its own record, one of a group it belongs to on this item, or the whole item's. */
  doneAt: string | null;
  doneBy: string | null;
  note: string | null;
  /** How many minutes after the deadline it was done, or null: in time, or not done. */
  lateByMinutes: number | null;
}

export interface ItemProgress {
  status: ItemStatus;
  /** When it was done (the last part, for an item done in parts), or null. */
  doneAt: string | null;
  doneBy: string | null;
  note: string | null;
  /** Whether it was done after its deadline, and by how many minutes (null: not late). */
  late: boolean;
  lateByMinutes: number | null;
  /** The agencies (groups as their members) that still owe their part: none once done, none for an inspector action. */
  owing: Party[];
  /** Each agency's own part, groups as their members, in the order the item names them. */
  agencies: PartProgress[];
  /** The records counted so far, as the record holds them. */
  parts: DoneRecord[];
}

export interface Progress {
  /** The moment progress is told from, with its UTC offset. */
  now: string;
  /** Whether an inspection file recorded it (else nothing is done, and status is only by time). */
  recorded: boolean;
  items: Record<string, ItemProgress>;
}

/** What an inspection file adds to a plan: the area, whom to contact, and progress at a moment. */
export interface Tracking {
  /** The area inspected, from the inspection file, or null. */
  area: string | null;
  /** Whom to contact in each agency, by party id, from the inspection file. */
  contacts: Record<string, Contact[]>;
  /** Where each item stands at a moment (done, overdue...), or null when not asked. */
  progress: Progress | null;
}

/** A plan as the renderers show it: the timetable, and what the inspection file says of it. */
export type TrackedPlan = Plan & Tracking;

/** A plan with nothing from an inspection file: untracked(plan).progress is null. */
export function untracked(plan: Plan): TrackedPlan {
  return { ...plan, area: null, contacts: {}, progress: null };
}

const byTime = (a: DoneRecord, b: DoneRecord) => Date.parse(a.done) - Date.parse(b.done);

/** The moment an item is late after: its due instant, or the end of its day for an all-day item. */
function deadlineOf(item: PlanItem, zone: ZoneRules): number {
  return Date.parse(item.due ?? zonedInstant(zone, addDays(item.date, 1), '00:00'));
}

function lateBy(done: string, deadlineMs: number): number | null {
  const late = Date.parse(done) - deadlineMs;
  return late > 0 ? Math.ceil(late / 60_000) : null;
}

const earliest = (records: readonly DoneRecord[]) => [...records].sort(byTime)[0];

/**
 * Where one agency's own part stands: done by its own record, one of a group it was reached
 * through on this item, or the whole item's (the earliest of them); an agency in its own right
 * with members (the local authority) also when each of its members has done its part.
 */
function partProgress(
  { party, covers }: ChasedAgency,
  records: readonly DoneRecord[],
  deadline: number,
  status: PartProgress['status'],
): PartProgress {
  const of = (ids: ReadonlySet<string>) => earliest(records.filter((r) => r.agency === undefined || ids.has(r.agency)));
  let done = of(covers);
  if (!done && !party.group && party.members.length > 0) {
    const each = party.members.map((m) => of(new Set([m])));
    if (each.every(Boolean)) done = (each as DoneRecord[]).sort(byTime).at(-1);
  }
  if (!done) return { party, status, doneAt: null, doneBy: null, note: null, lateByMinutes: null };
  const { by, note } = done;
  return {
    party,
    status: 'done',
    doneAt: done.done,
    doneBy: by ?? null,
    note: note ?? null,
    lateByMinutes: lateBy(done.done, deadline),
  };
}

/**
 * Where one item stands at an instant: with a record of the whole item done at 14:52, status is
 * "done"; so it is once every agency it is owed by has done its part (then as of the last part).
 * Without, it is "overdue" once due (an inspector action: "passed"), "due-today" on its day,
 * else "upcoming".
 */
function progressOf(
  item: PlanItem,
  records: readonly DoneRecord[],
  nowMs: number,
  today: string,
  parties: Readonly<Record<string, Party>>,
  zone: ZoneRules,
): ItemProgress {
  const deadline = deadlineOf(item, zone);
  // Due at 15:00 is not overdue at 15:00: a delivery then is in time.
  const passed = item.due === null ? item.date < today : deadline < nowMs;
  const timeStatus = passed ? 'overdue' : item.date === today ? 'due-today' : 'upcoming';
  const chased = chasedOf(
    item.agencies.map((a) => a.id),
    parties,
  );
  const agencies = chased.map((c) => partProgress(c, records, deadline, timeStatus));
  const parts = [...records];
  const allDone = records.length > 0 && agencies.length > 0 && agencies.every((a) => a.status === 'done');
  const lastPart = allDone
    ? [...agencies].sort((a, b) => Date.parse(a.doneAt!) - Date.parse(b.doneAt!)).at(-1)
    : undefined;
  const whole = earliest(records.filter((r) => r.agency === undefined));
  const last =
    whole ?? (lastPart && records.find((r) => r.done === lastPart.doneAt && (r.by ?? null) === lastPart.doneBy));
  if (last) {
    const lateByMinutes = lateBy(last.done, deadline);
    const { by, note } = last;
    return {
      status: 'done',
      doneAt: last.done,
      doneBy: by ?? null,
      note: note ?? null,
      late: lateByMinutes !== null,
      lateByMinutes,
      owing: [],
      agencies,
      parts,
    };
  }
  const submission = item.kind === 'submission';
  const owing = submission ? agencies.filter((a) => a.status !== 'done').map((a) => a.party) : [];
  const status = !submission && passed ? 'passed' : timeStatus;
  return { status, doneAt: null, doneBy: null, note: null, late: false, lateByMinutes: null, owing, agencies, parts };
}

/** Now in a zone, as an instant with its offset: "2019-03-20T14:10:00+00:00". */
export function instantIn(zone: ZoneRules, nowMs: number): string {
  const offset = offsetAt(zone, nowMs);
  return `${isoUtc(nowMs + offset * 60_000).slice(0, 19)}${formatOffset(offset)}`;
}

/**
 * A plan with what the inspection file says: the area, the contacts and the progress of every
 * item at an instant (the record may be absent: then nothing is done).
 */
export function withProgress(
  plan: Plan & Partial<Tracking>,
  record: InspectionRecord | undefined,
  nowMs: number,
  zone: ZoneRules,
  recordWarnings: readonly string[] = [],
): TrackedPlan {
  const now = instantIn(zone, nowMs);
  const today = now.slice(0, 10);
  // As the record stood at that moment: what was done later (a status "as at" an earlier time) does not count yet.
  // Told in the zone's time whatever offset a record was written with (a hand-edited file, another machine's).
  const asAt = (id: string) =>
    (record?.progress[id] ?? [])
      .filter((r) => Date.parse(r.done) <= nowMs)
      .map((r) => ({ ...r, done: instantIn(zone, Date.parse(r.done)) }));
  const items = Object.fromEntries(
    plan.items.map((item) => [item.id, progressOf(item, asAt(item.id), nowMs, today, plan.ruleSet.parties, zone)]),
  );
  return {
    ...plan,
    warnings: [
      ...plan.warnings,
      ...recordWarnings.map((message) => ({ kind: 'record' as const, path: ['progress'], message })),
    ],
    area: record?.area ?? plan.area ?? null,
    contacts: record?.contacts ?? plan.contacts ?? {},
    progress: { now, recorded: record !== undefined, items },
  };
}

/**
 * What a record says that its rule set no longer has, as warnings (the record is kept, and
 * counts again if the item comes back): recordWarnings(ruleSet, { gone: [...] })[0] is
 * '1 record names an item no longer in jtai-2018: "gone".'
 */
export function recordWarnings(
  ruleSet: Pick<RuleSet, 'id' | 'items' | 'parties'>,
  progress: Readonly<Record<string, readonly DoneRecord[]>>,
  moves: Readonly<Record<string, unknown>> = {},
): string[] {
  const items = new Map(ruleSet.items.map((i) => [i.id, i]));
  const gone = Object.entries(progress).filter(([id]) => !items.has(id));
  const count = gone.reduce((n, [, records]) => n + records.length, 0);
  const warnings =
    gone.length === 0
      ? []
      : [
          `${count} record${count === 1 ? ' names an item' : 's name items'} no longer in ${ruleSet.id}: ${gone.map(([id]) => `"${id}"`).join(', ')}; ${count === 1 ? 'it is kept, and "jtai undo" takes it back' : 'they are kept, and "jtai undo" takes them back'}.`,
        ];
  const goneMoves = Object.keys(moves).filter((id) => !items.has(id));
  if (goneMoves.length > 0)
    warnings.push(
      `${goneMoves.length === 1 ? 'a deadline was' : 'deadlines were'} moved for ${goneMoves.map((id) => `"${id}"`).join(', ')}, no longer in ${ruleSet.id}; the move is kept, and counts again if the item comes back ("jtai move ID --back" takes it back).`,
    );
  for (const [id, records] of Object.entries(progress)) {
    const item = items.get(id);
    if (!item) continue;
    const allowed = partiesOfItem(item.by, ruleSet.parties);
    for (const agency of new Set(
      records.flatMap((r) => (r.agency === undefined || allowed.has(r.agency) ? [] : [r.agency])),
    )) {
      warnings.push(
        `a record of "${id}" names "${agency}", which is not one of the agencies that must act on it; it does not count.`,
      );
    }
  }
  return warnings;
}

/** The parties that may record a part of an item: those that must act, and the members of those that are groups. */
export function partiesOfItem(by: readonly string[], parties: Readonly<Record<string, Party>>): Set<string> {
  const found = new Set<string>();
  const visit = (id: string) => {
    if (found.has(id)) return;
    found.add(id);
    for (const m of parties[id]?.members ?? []) visit(m);
  };
  by.forEach(visit);
  return found;
}

/** The contacts of a party in a plan, if the inspection file names any. */
export function contactsOf(plan: Pick<Tracking, 'contacts'>, partyId: string): Contact[] {
  return Object.hasOwn(plan.contacts, partyId) ? plan.contacts[partyId]! : [];
}

/**
 * A plan limited to some agencies (--agency), each item's progress told by their own parts:
 * in the police's plan an item is done once the police's part is, and "still owed by" names
 * only those asked for: forAgencies(plan, ["police"]).
 */
export function forAgencies(plan: TrackedPlan, ids: readonly string[]): TrackedPlan {
  const filtered = filterByAgency(plan, ids);
  const progress = filtered.progress;
  if (!progress) return filtered;
  const asked = new Set(chasedFor(ids, plan.ruleSet.parties).map((p) => p.id));
  const narrow = (item: PlanItem, p: ItemProgress): ItemProgress => {
    const mine = p.agencies.filter((a) => asked.has(a.party.id));
    if (p.status === 'done' || item.kind !== 'submission' || mine.length === 0) return p;
    if (!mine.every((a) => a.status === 'done')) return { ...p, owing: p.owing.filter((a) => asked.has(a.id)) };
    const last = [...mine].sort((a, b) => Date.parse(a.doneAt!) - Date.parse(b.doneAt!)).at(-1)!;
    const { doneAt, doneBy, note, lateByMinutes } = last;
    return { ...p, status: 'done', doneAt, doneBy, note, late: lateByMinutes !== null, lateByMinutes, owing: [] };
  };
  const items = Object.fromEntries(filtered.items.map((i) => [i.id, narrow(i, progress.items[i.id]!)]));
  return { ...filtered, progress: { ...progress, items } };
}
