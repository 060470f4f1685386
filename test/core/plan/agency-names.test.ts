import { describe, expect, test } from 'vitest';
import { findParties, findParty, namesOf, normalName, partySuggestion } from '../../../src/core/plan/agencies.js';
import type { Party } from '../../../src/core/rule-set/rule-set.js';
import { didYouMean } from '../../../src/core/text/suggest.js';
import { loadRuleSet } from '../../../src/io/load-rule-set.js';

// Issue 20: the names people use for agencies, one matcher for every place a person types one
// (--agency on plan, done, undo, status and log; the web page; the inspection file's contacts).

const parties = (await loadRuleSet('jtai-2018')).parties;
const ids = (text: string) => findParties(parties, text).map((p) => p.id);

describe('the names people use', () => {
  test.each([
    ['CSC', 'local-authority'],
    ['csc', 'local-authority'],
    ["children's social care", 'local-authority'],
    ["Children's Social Care", 'local-authority'],
    ["local authority children's services", 'local-authority'],
    ['LA', 'local-authority'],
    ['the council', 'local-authority'],
    ['CAMHS', 'health'],
    ['GP', 'health'],
    ['GPs', 'health'],
    ["GP's", 'health'],
    ['ICB', 'health'],
    ['NHS trust', 'health'],
    ['clinical commissioning group', 'health'],
    ['school nurses', 'health'],
    ['school nursing', 'health'],
    ['Probation Service', 'nps'],
    ['the Probation Service', 'nps'],
    ['National Probation Service', 'nps'],
    ['the police', 'police'],
    ['The Police', 'police'],
    ['police service', 'police'],
    ['police force', 'police'],
    ['the YOT', 'yot'],
    ['Care Quality Commission', 'cqc'],
    ['CQC', 'cqc'],
  ])('%s is %s', (name, id) => {
    expect(ids(name)).toEqual([id]);
    expect(findParty(parties, name)?.id).toBe(id);
  });

  test('"CSC" is the local authority, never the CQC, not even as a "did you mean"', () => {
    for (const name of ['CSC', 'csc', ' CSC ', 'the CSC', 'CSC.']) expect(ids(name)).toEqual(['local-authority']);
    expect(partySuggestion(parties, 'CSC')).toBe(' Did you mean "local-authority"?');
    expect(partySuggestion(parties, 'csc')).toBe(' Did you mean "local-authority"?');
    // As the command line asks for its suggestions: every name, lower case, said as its party's id.
    const idOf = new Map(
      Object.values(parties).flatMap((p) => namesOf(p).map((n) => [n.toLowerCase(), p.id] as const)),
    );
    for (const typed of ['CSC', 'csc'])
      expect(didYouMean(typed, idOf.keys(), (n) => idOf.get(n) ?? n)).toBe(' Did you mean "local-authority"?');
  });

  test('a name written exactly is the only suggestion; a near miss still gets its neighbours', () => {
    expect(didYouMean('csc', ['cqc', 'csc'])).toBe(' Did you mean "csc"?');
    expect(didYouMean('CSC', ['cqc', 'CSC'])).toBe(' Did you mean "CSC"?');
    expect(didYouMean('cqx', ['cqc', 'csc'])).toBe(' Did you mean "cqc"?');
    expect(didYouMean('polise', ['police', 'schools'])).toBe(' Did you mean "police"?');
  });

  test('suggestions ignore apostrophes, straight or curly, and spacing', () => {
    expect(didYouMean('gps', ["gp's", 'gpa'])).toBe(` Did you mean "gp's"?`);
    expect(didYouMean('children’s  services', ["children's services", 'childrens service'])).toBe(
      ` Did you mean "children's services"?`,
    );
    expect(partySuggestion(parties, 'Childrens Socail Care')).toBe(' Did you mean "local-authority"?');
    expect(partySuggestion(parties, 'fire and rescue')).toBe('');
  });

  test('punctuation, case and a leading "the" are ignored: childrens services is children\'s services', () => {
    expect(normalName('childrens services')).toBe('childrens services');
    expect(normalName("children's services")).toBe('childrens services');
    expect(normalName('Children’s Services')).toBe('childrens services');
    expect(normalName('The  Youth-Offending Team')).toBe('youth offending team');
    expect(normalName('the')).toBe('the');
    for (const name of ['childrens services', "children's services", 'Children’s Services', 'CHILDRENS SERVICES'])
      expect(ids(name)).toEqual(['local-authority']);
    expect(ids('the')).toEqual([]);
    expect(ids('')).toEqual([]);
    expect(ids('theology')).toEqual([]);
  });

  test('"probation" still means both services; nothing else of jtai-2018 means two parties', () => {
    expect(ids('probation')).toEqual(['nps', 'crc']);
    expect(findParty(parties, 'probation')).toBeUndefined();
    const meaning = new Map<string, Set<string>>();
    for (const p of Object.values(parties))
      for (const n of namesOf(p)) meaning.set(normalName(n), (meaning.get(normalName(n)) ?? new Set()).add(p.id));
    const shared = [...meaning].filter(([, owners]) => owners.size > 1).map(([name, owners]) => [name, [...owners]]);
    expect(shared).toEqual([['probation', ['nps', 'crc']]]);
  });

  test("an id wins over another party's alias", () => {
    const made = (id: string, aliases: string[]): Party => ({
      ...parties.schools!,
      id,
      name: id.toUpperCase(),
      aliases,
    });
    const mixed = { police: made('police', []), pcc: made('pcc', ['police']) };
    expect(findParties(mixed, 'The Police').map((p) => p.id)).toEqual(['police']);
    expect(findParties(mixed, 'PCC').map((p) => p.id)).toEqual(['pcc']);
  });
});
