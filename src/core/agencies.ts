import type { Party } from './rule-set.js';
import type { Schedule, ScheduleItem } from './schedule.js';

type Parties = Readonly<Record<string, Party>>;

function reach(parties: Parties, start: string, next: (id: string) => string[]): Set<string> {
  const seen = new Set<string>([start]);
  const queue = [start];
  while (queue.length > 0) {
    for (const id of next(queue.pop()!)) {
      if (!seen.has(id)) {
        seen.add(id);
        queue.push(id);
      }
    }
  }
  return seen;
}

/**
 * The parties whose items a party must act on: itself, the groups it belongs to, and its own
 * members: relatedParties(p, "police") has "partner-agencies" and "local-agencies".
 */
export function relatedParties(parties: Parties, id: string): Set<string> {
  const down = reach(parties, id, (p) => parties[p]?.members ?? []);
  const up = reach(parties, id, (p) => Object.values(parties).filter((g) => g.members.includes(p)).map((g) => g.id));
  return new Set([...down, ...up]);
}

/** Whether a party must act on an item, directly or through a group. */
export function isForAgency(item: ScheduleItem, parties: Parties, id: string): boolean {
  const related = relatedParties(parties, id);
  return item.agencies.some((a) => related.has(a.id));
}

/** Keeps only the items that one of the parties must act on. */
export function filterByAgency(schedule: Schedule, ids: readonly string[]): Schedule {
  const parties = schedule.ruleSet.parties;
  return { ...schedule, items: schedule.items.filter((item) => ids.some((id) => isForAgency(item, parties, id))) };
}

/** Finds a party by id, name or the short name in brackets, ignoring case: "YOT" finds "yot". */
export function findParty(parties: Parties, text: string): Party | undefined {
  const t = text.trim().toLowerCase();
  return Object.values(parties).find(
    (p) => p.id === t || p.name.toLowerCase() === t || p.name.toLowerCase().match(/\(([^)]+)\)$/)?.[1] === t,
  );
}

/** The parties that must provide something: those named on a submission and their members, in rule-set order. */
export function submittingParties(schedule: Schedule): Party[] {
  const parties = schedule.ruleSet.parties;
  const named = schedule.items.filter((i) => i.kind === 'submission').flatMap((i) => i.agencies.map((a) => a.id));
  const all = new Set(named.flatMap((id) => [...reach(parties, id, (p) => parties[p]?.members ?? [])]));
  return Object.values(parties).filter((p) => all.has(p.id));
}
