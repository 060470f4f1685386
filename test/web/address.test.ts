import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { queryOf, readAddress } from '../../src/web/address.js';
import type { BuiltIn } from '../../src/web/data.js';

// The page's address, read strictly and without a browser: each choice at most once, each value
// known, and every problem in the words the error summary shows (error text is part of the
// interface). The built-in rule set is the one the build compiled.

const compiled = JSON.parse(readFileSync(new URL('../../dist/schedules/jtai-2018.json', import.meta.url), 'utf8'));
const builtIns: BuiltIn[] = [
  { id: 'jtai-2018', name: compiled.ruleSet.name, yaml: compiled.yaml, ruleSet: compiled.ruleSet },
];
const read = (search: string) => readAddress(search, builtIns, '2019-03-20');
const messages = (search: string) => read(search).problems.map((p) => `${p.field}: ${p.message}`);

describe('readAddress', () => {
  test('good choices: the date as people write it, an agency by any of its names', () => {
    expect(read('?notified=19/03/2019&agency=Police').choices).toEqual({
      notified: '2019-03-19',
      rules: 'jtai-2018',
      agency: 'police',
    });
    expect(read('').choices).toEqual({ notified: null, rules: 'jtai-2018', agency: '' });
    expect(read('?notified=2019-03-19&rules=file&agency=police').choices).toEqual({
      notified: '2019-03-19',
      rules: 'file',
      agency: '',
      pendingAgency: 'police',
    });
    expect(read('?notified=2019-03-19').problems).toEqual([]);
  });

  test('every value it cannot read is a problem on its field', () => {
    expect(messages('?notified=2019-02-30')).toMatchInlineSnapshot(`
      [
        "notified: Notification date in the link must be a real date: "2019-02-30" is not (there is no 30 February 2019)",
      ]
    `);
    expect(messages('?notified=2019-03-19&notified=2019-03-20&agency=police&agency=schools')).toMatchInlineSnapshot(`
      [
        "notified: The link gives more than one notification date (2019-03-19, 2019-03-20): it can give one",
        "agency: The link gives more than one agency (police, schools): it can give one",
      ]
    `);
    expect(messages('?notified=2019-03-19&rules=nope&agency=polise')).toMatchInlineSnapshot(`
      [
        "rules: The link names a rule set this page does not have ("nope"): choose one of JTAI timetable (2018 guidance)",
        "agency: The link names an agency that JTAI timetable (2018 guidance) does not have ("polise"). Did you mean "police"? Choose an agency",
      ]
    `);
  });
});

test('queryOf writes only what differs from the defaults', () => {
  expect(queryOf({ notified: '2019-03-19', rules: 'jtai-2018', agency: 'police' }, 'jtai-2018')).toBe(
    '?notified=2019-03-19&agency=police',
  );
  expect(queryOf({ notified: '2019-03-19', rules: 'file', agency: '' }, 'jtai-2018')).toBe(
    '?notified=2019-03-19&rules=file',
  );
  expect(queryOf({ notified: null, rules: 'jtai-2018', agency: '' }, 'jtai-2018')).toBe('');
});
