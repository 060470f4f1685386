import type { Contact, DoneRecord, InspectionRecord } from './inspection-record.js';
import type { Party, RuleSet } from '../rule-set/rule-set.js';
import type { Plan, PlanItem } from '../plan/plan.js';
import { type ZoneRules, formatOffset, offsetAt } from '../dates/zone-rules.js';

// Progress through the fortnight: which items are done (as a whole, or every agency's part),
// and, of the rest, which are overdue, due today or still to come, from a given moment.

export type ItemStatus = 'done' | 'overdue' | 'due-today' | 'upcoming';

export interface ItemProgress {
  status: ItemStatus;
  /** When it was done (the last part, for an item done in parts), or null. */
  doneAt: string | null;
  doneBy: string | null;
  note: string | null;
  /** The agencies that must act and have not recorded their part: none once it is done. */
  owing: Party[];
  /** The parts recorded so far, for an item done agency by agency. */
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

function latest(records: DoneRecord[]): DoneRecord | undefined {
  return [...records].sort((a, b) => Date.parse(a.done) - Date.parse(b.done)).at(-1);
}

/**
 * Where one item stands at an instant: progressOf(item, [{ done: "2019-03-20T14:52:00Z" }], now, "2019-03-20")
 * has status "done". Without a record it is "overdue" once due, "due-today" on its day, else "upcoming".
 */
function progressOf(
  item: PlanItem,
  records: readonly DoneRecord[],
  nowMs: number,
  today: string,
  parties: Readonly<Record<string, Party>> = {},
): ItemProgress {
  const whole = latest(records.filter((r) => r.agency === undefined));
  const parts = records.filter((r) => r.agency !== undefined);
  // A party's part is done when recorded, or when every member of the group has done its own.
  const partDone = (id: string, seen: ReadonlySet<string> = new Set()): boolean => {
    if (parts.some((p) => p.agency === id)) return true;
    const members = (parties[id]?.members ?? []).filter((m) => !seen.has(m));
    return members.length > 0 && members.every((m) => partDone(m, new Set([...seen, id])));
  };
  const owing = whole ? [] : item.agencies.filter((a) => !partDone(a.id));
  const done = whole ?? (owing.length === 0 && parts.length > 0 ? latest(parts) : undefined);
  if (done)
    return { status: 'done', doneAt: done.done, doneBy: done.by ?? null, note: done.note ?? null, owing: [], parts };
  const passed = item.due === null ? item.date < today : Date.parse(item.due) <= nowMs;
  const status: ItemStatus = passed ? 'overdue' : item.date === today ? 'due-today' : 'upcoming';
  return { status, doneAt: null, doneBy: null, note: null, owing, parts };
}

/** Now in a zone, as an instant with its offset: "2019-03-20T14:10:00+00:00". */
export function instantIn(zone: ZoneRules, nowMs: number): string {
  const offset = offsetAt(zone, nowMs);
  return `${new Date(nowMs + offset * 60_000).toISOString().slice(0, 19)}${formatOffset(offset)}`;
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
  const asAt = (id: string) => (record?.progress[id] ?? []).filter((r) => Date.parse(r.done) <= nowMs);
  const items = Object.fromEntries(
    plan.items.map((item) => [item.id, progressOf(item, asAt(item.id), nowMs, today, plan.ruleSet.parties)]),
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
): string[] {
  const items = new Map(ruleSet.items.map((i) => [i.id, i]));
  const gone = Object.entries(progress).filter(([id]) => !items.has(id));
  const count = gone.reduce((n, [, records]) => n + records.length, 0);
  const warnings =
    gone.length === 0
      ? []
      : [
          `${count} record${count === 1 ? ' names an item' : 's name items'} no longer in ${ruleSet.id}: ${gone.map(([id]) => `"${id}"`).join(', ')}; they are kept, and "jtai undo" takes them back.`,
        ];
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
