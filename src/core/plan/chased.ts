import type { Party } from '../rule-set/rule-set.js';
import type { Plan, PlanItem } from './plan.js';

// The agencies people chase: an item's parties with every group ("Partner agencies", "All
// local agencies") replaced by its members, since a group delivers nothing of its own; each
// member owes its own part.

type Parties = Readonly<Record<string, Party>>;

/** An agency owing a part of an item, and the ids whose record covers that part: its own and its groups' on the way. */
export interface ChasedAgency {
  party: Party;
  /** The agency's id and those of the groups it was reached through on this item. */
  covers: ReadonlySet<string>;
}

/**
 * The agencies owing a part of an item, each once, in the order the item names them:
 * chasedOf(["local-authority", "partner-agencies"], parties) is the local authority, then
 * police, health, schools, YOT, NPS and CRC.
 */
export function chasedOf(ids: readonly string[], parties: Parties): ChasedAgency[] {
  const found = new Map<string, Set<string>>();
  const visit = (id: string, path: readonly string[]) => {
    const party = parties[id];
    if (!party || path.includes(id)) return; // a cycle of members is the rule-set check's to report
    if (party.group && party.members.length > 0) {
      for (const m of party.members) visit(m, [...path, id]);
      return;
    }
    const covers = found.get(id) ?? new Set<string>();
    for (const p of [...path, id]) covers.add(p);
    found.set(id, covers);
  };
  for (const id of ids) visit(id, []);
  return [...found].map(([id, covers]) => ({ party: parties[id]!, covers }));
}

/** The agencies owing a part of an item, by party: chasedAgencies(item, parties)[0].name is "Local authority". */
export function chasedAgencies(item: Pick<PlanItem, 'agencies'>, parties: Parties): Party[] {
  return chasedOf(
    item.agencies.map((a) => a.id),
    parties,
  ).map((c) => c.party);
}

/**
 * The agencies a status has a row for: every agency owing a part of some submission, in
 * rule-set order (groups never: they appear as their members).
 */
export function chasedParties(plan: Pick<Plan, 'items' | 'ruleSet'>): Party[] {
  const parties = plan.ruleSet.parties;
  const owing = new Set(
    plan.items.filter((i) => i.kind === 'submission').flatMap((i) => chasedAgencies(i, parties).map((p) => p.id)),
  );
  return Object.values(parties).filter((p) => owing.has(p.id));
}

/**
 * The agencies that a list of parties asked for (--agency) stands for, as rows: a group its
 * members, an agency itself: chasedFor(["partner-agencies"], parties) is police to CRC.
 */
export function chasedFor(ids: readonly string[], parties: Parties): Party[] {
  return chasedOf(ids, parties).map((c) => c.party);
}
