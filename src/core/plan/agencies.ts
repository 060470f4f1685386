import type { Party } from '../rule-set/rule-set.js';
import { didYouMean } from '../text/suggest.js';
import type { Plan, PlanItem } from './plan.js';
import { chasedAgencies } from './chased.js';

type Parties = Readonly<Record<string, Party>>;

function reach(start: string, next: (id: string) => string[]): Set<string> {
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
  const down = reach(id, (p) => parties[p]?.members ?? []);
  const up = reach(id, (p) =>
    Object.values(parties)
      .filter((g) => g.members.includes(p))
      .map((g) => g.id),
  );
  return new Set([...down, ...up]);
}

/**
 * Whether a party must act on an item: it, or one of its members, owes a part of it (a group
 * the item names owes through its members), or the item names it: isForAgency(cse, p, "police")
 * is true through the partner agencies; isForAgency(child-level-data, p, "dcs") is false, the
 * local authority being an agency in its own right.
 */
export function isForAgency(item: Pick<PlanItem, 'agencies'>, parties: Parties, id: string): boolean {
  const wanted = partyAndMembers(parties, id);
  const named = item.agencies.map((a) => a.id);
  return [...named, ...chasedAgencies(item, parties).map((p) => p.id)].some((p) => wanted.has(p));
}

/** A party and its members, and theirs: partyAndMembers(p, "local-authority") has the DCS. */
export function partyAndMembers(parties: Parties, id: string): Set<string> {
  return reach(id, (p) => parties[p]?.members ?? []);
}

/**
 * Keeps the items that one of the parties must act on, and says so in the plan's filter; and,
 * for information, what is addressed to them (the CQC's request to all local agencies) and the
 * inspector actions their deadlines follow (the lead inspector's selection before the 16:00
 * deadline for information on those children).
 */
export function filterByAgency<P extends Plan>(plan: P, ids: readonly string[]): P {
  const parties = plan.ruleSet.parties;
  const theirs = new Set(
    plan.items.filter((item) => ids.some((id) => isForAgency(item, parties, id))).map((i) => i.id),
  );
  const follows = new Set(plan.items.filter((i) => theirs.has(i.id)).flatMap((i) => i.after));
  const addressed = (item: PlanItem) =>
    item.recipient !== null && ids.some((id) => isForAgency({ agencies: [item.recipient!] }, parties, id));
  // Only beside something of their own to do: a plan for the inspectors stays empty.
  const informational =
    theirs.size === 0
      ? []
      : plan.items
          .filter((i) => !theirs.has(i.id) && (addressed(i) || (i.kind === 'inspector-action' && follows.has(i.id))))
          .map((i) => i.id);
  const kept = new Set([...theirs, ...informational]);
  const items = plan.items.filter((i) => kept.has(i.id));
  return { ...plan, items, filter: { agencies: ids.map((id) => parties[id]!), informational } };
}

/** Whether a plan limited to some agencies keeps an item only for their information. */
export function isInformational(plan: Pick<Plan, 'filter'>, item: Pick<PlanItem, 'id'>): boolean {
  return plan.filter?.informational?.includes(item.id) ?? false;
}

// Apostrophes, straight or curly, join a word ("children’s" is "childrens"); any other mark
// between words is a space.
const APOSTROPHES = /['\u2018\u2019\u02bc`]/g;

/**
 * A name as compared: lower case, accents off, words only, apostrophes dropped, a leading "the"
 * ignored: normalName("The Children’s  Services") is "childrens services".
 */
export function normalName(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(APOSTROPHES, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim()
    .replace(/^the /, '');
}

/** Every name a party answers to: its id, its name, the short name in brackets, its aliases. */
export function namesOf(party: Party): string[] {
  const short = /\(([^)]+)\)$/.exec(party.name)?.[1];
  return [party.id, party.name, ...(short ? [short] : []), ...(party.aliases ?? [])];
}

/**
 * The parties a name means, by id, name, short name in brackets or alias, compared as
 * normalName does; an id wins over another party's alias: findParties(p, "the CSC") is
 * [local-authority]; an alias may mean several ("probation": nps, crc).
 */
export function findParties(parties: Parties, text: string): Party[] {
  const t = normalName(text);
  if (t === '') return [];
  const all = Object.values(parties);
  const byId = all.filter((p) => normalName(p.id) === t);
  if (byId.length > 0) return byId;
  return all.filter((p) => namesOf(p).some((n) => normalName(n) === t));
}

/** The one party a name means, if exactly one: findParty(p, "Police")?.id is "police". */
export function findParty(parties: Parties, text: string): Party | undefined {
  const found = findParties(parties, text);
  return found.length === 1 ? found[0] : undefined;
}

/**
 * The parties closest to a name that means none, by id, as ' Did you mean "x"?' (or ''); an
 * alias several share is said as the first: partySuggestion(p, "helth") is ' Did you mean "health"?'.
 */
export function partySuggestion(parties: Parties, text: string): string {
  const named = Object.values(parties).flatMap((p) => namesOf(p).map((n) => [normalName(n), p.id] as const));
  const idOf = new Map(named.reverse()); // a name several parties share is said as the first of them
  return didYouMean(normalName(text), idOf.keys(), (n) => idOf.get(n) ?? n);
}

/** The parties that must provide something: those named on a submission and their members, in rule-set order. */
export function submittingParties(plan: Plan): Party[] {
  const parties = plan.ruleSet.parties;
  const named = plan.items.filter((i) => i.kind === 'submission').flatMap((i) => i.agencies.map((a) => a.id));
  const all = new Set(named.flatMap((id) => [...reach(id, (p) => parties[p]?.members ?? [])]));
  return Object.values(parties).filter((p) => all.has(p.id));
}

/** Who a plan limited with --agency is for: "Police", "Police and Health"; undefined for the whole plan. */
export function filterWords(plan: Pick<Plan, 'filter'>): string | undefined {
  const names = plan.filter?.agencies.map((p) => p.name);
  if (!names || names.length === 0) return undefined;
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}
