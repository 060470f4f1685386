import { readFileSync } from 'node:fs';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { parse } from 'yaml';
import { describe, expect, test } from 'vitest';
import { ruleSetJsonSchema } from '../../../src/core/rule-set/json-schema.js';

const shipped = JSON.parse(readFileSync(new URL('../../../schedules/rule-set.schema.json', import.meta.url), 'utf8'));
const builtIn = parse(readFileSync(new URL('../../../schedules/jtai-2018.yaml', import.meta.url), 'utf8'));

describe('the JSON Schema of rule sets', () => {
  test('the shipped file is the one the zod schema gives (run `npm run generate:schema` if not)', () => {
    expect(shipped).toEqual(ruleSetJsonSchema());
  });

  // ajv is an independent JSON Schema validator: this checks the schema editors use, not zod.
  const validate = new Ajv2020({ allErrors: true, strict: false }).compile(shipped);

  test('accepts the built-in rule set', () => {
    expect(validate(builtIn), JSON.stringify(validate.errors)).toBe(true);
  });

  test('accepts a rule set that extends another', () => {
    expect(
      validate({
        extends: 'jtai-2018',
        id: 'my-area',
        remove: ['child-level-data'],
        items: [{ id: 'yot-cases', at: '14:00' }],
      }),
    ).toBe(true);
    expect(
      validate({
        extends: 'jtai-2018',
        id: 'a',
        notes: null,
        times: { midday: null },
        items: [{ id: 'yot-cases', day: null, week: 2, weekday: 'monday' }],
      }),
    ).toBe(true);
    expect(validate({ extends: 'jtai-2018', id: 'a', items: [{ id: null }] })).toBe(false);
  });

  test('rejects a misspelt field, a bad time and a wrong kind', () => {
    expect(validate({ ...builtIn, titel: 'x' })).toBe(false);
    const items = structuredClone(builtIn.items);
    items[0].kind = 'deadline';
    expect(validate({ ...builtIn, items })).toBe(false);
    expect(validate({ ...builtIn, times: { eod: { time: '5pm', label: 'x' } } })).toBe(false);
  });
});
