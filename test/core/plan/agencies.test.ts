import { describe, expect, test } from 'vitest';
import {
  filterByAgency,
  findParty,
  isInformational,
  relatedParties,
  submittingParties,
} from '../../../src/core/plan/agencies.js';
import { computePlan } from '../../../src/core/plan/plan.js';
import { loadRuleSet } from '../../../src/io/load-rule-set.js';
import { calendar } from '../../helpers.js';

const plan = computePlan(await loadRuleSet('jtai-2018'), '2019-03-19', calendar);
const parties = plan.ruleSet.parties;
// What an agency must do; what is kept only for its information is told apart (filter.informational).
const ids = (ids: string[]) => {
  const filtered = filterByAgency(plan, ids);
  return filtered.items.filter((i) => !isInformational(filtered, i)).map((i) => i.id);
};
const info = (ids: string[]) => filterByAgency(plan, ids).filter!.informational;

describe('agencies', () => {
  test('police do what partner agencies and all local agencies must do', () => {
    expect([...relatedParties(parties, 'police')].sort()).toEqual(['local-agencies', 'partner-agencies', 'police']);
    expect(ids(['police'])).toEqual([
      'cse-gangs-cases',
      'positive-intervention-cases',
      'information-on-20-children',
      'key-case-file-documents',
      'agency-information',
      'joint-evaluations',
    ]);
  });

  test('for information: the selections its deadlines follow, and the request addressed to all local agencies', () => {
    expect(info(['police'])).toEqual(['select-20-children', 'select-children-to-track', 'cqc-document-request']);
    expect(info(['dcs'])).toEqual([]);
  });

  test('the YOT also has its own cases; probation has its own', () => {
    expect(ids(['yot'])).toContain('yot-cases');
    expect(ids(['yot'])).not.toContain('probation-cases');
    expect(ids(['nps'])).toContain('probation-cases');
  });

  test("the local authority includes the DCS's list", () => {
    expect(ids(['local-authority']).slice(0, 2)).toEqual(['children-list', 'child-level-data']);
  });

  test('several agencies keep what any of them must do; inspectors must provide nothing', () => {
    expect(ids(['yot', 'nps'])).toEqual(expect.arrayContaining(['yot-cases', 'probation-cases']));
    expect(ids(['cqc'])).toEqual(['cqc-document-request']);
    expect(ids(['inspectors'])).toEqual([]);
    expect(info(['inspectors'])).toEqual([]); // nothing of their own to do: nothing for information either
  });

  test('finds a party by id, name or short name', () => {
    expect(findParty(parties, 'YOT')?.id).toBe('yot');
    expect(findParty(parties, 'Police')?.id).toBe('police');
    expect(findParty(parties, 'National Probation Service (NPS)')?.id).toBe('nps');
    expect(findParty(parties, 'fire service')).toBeUndefined();
  });

  test('the parties that get their own file', () => {
    expect(submittingParties(plan).map((p) => p.id)).toEqual([
      'dcs',
      'local-authority',
      'partner-agencies',
      'local-agencies',
      'police',
      'health',
      'schools',
      'yot',
      'nps',
      'crc',
    ]);
  });
});
