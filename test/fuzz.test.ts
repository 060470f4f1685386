import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fc from 'fast-check';
import { stringify } from 'yaml';
import { describe, expect, test } from 'vitest';
import { makeHolidayCalendar } from '../src/core/dates/bank-holidays.js';
import { computePlan } from '../src/core/plan/plan.js';
import { JtaiError, RuleSetError } from '../src/errors.js';
import { BUILT_IN_DIR } from '../src/io/load-rule-set.js';
import { parseRuleSet } from '../src/io/analyse-rule-set-file.js';
import { runCli, said } from './helpers.js';

// Bounded fuzzing of the rule-set loader and the command line: every input ends in a result
// or a clear JtaiError, within a time bound; never another exception, a stack trace or a hang.
// JTAI_FUZZ_RUNS=20000 npm test -- test/fuzz.test.ts runs it longer.
const RUNS = Number(process.env.JTAI_FUZZ_RUNS ?? 200);
const TIMEOUT = 10_000 + RUNS * 20; // each run takes a few milliseconds
const BUILT_IN = readFileSync(join(BUILT_IN_DIR, 'jtai-2018.yaml'), 'utf8');

/** Parses and, if the rule set is valid, plans: anything but a JtaiError is a failure. */
function parseAndPlan(text: string): void {
  const start = performance.now();
  try {
    const ruleSet = parseRuleSet(text, 'fuzz.yaml');
    computePlan(ruleSet, '2019-03-19', makeHolidayCalendar(ruleSet.closures));
  } catch (e) {
    if (!(e instanceof JtaiError)) throw e;
    expect(e.message).not.toMatch(/\n\s+at /);
    if (e instanceof RuleSetError) expect(e.problems.length).toBeGreaterThan(0);
  }
  expect(performance.now() - start).toBeLessThan(2000);
}

const oddText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    '',
    '\u0000',
    '\uFEFF',
    '\u202E',
    '𝔍𝔗𝔄𝔍',
    'é\u0301',
    '\r\n',
    '"',
    "'",
    '\\',
    ':',
    '- ',
    '&a',
    '*a',
    '!!binary',
    '{',
    '[',
    '#',
  ),
);

describe('rule-set loader', () => {
  test(
    'random YAML values',
    () => {
      fc.assert(
        fc.property(fc.anything({ maxDepth: 4 }), (value) => parseAndPlan(stringify(value) ?? '')),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  test(
    'random text',
    () => {
      fc.assert(fc.property(fc.string({ unit: 'binary', maxLength: 400 }), parseAndPlan), { numRuns: RUNS });
    },
    TIMEOUT,
  );

  test(
    'the built-in rule set with random edits',
    () => {
      const edit = fc.tuple(fc.nat({ max: BUILT_IN.length }), fc.nat({ max: 30 }), oddText);
      fc.assert(
        fc.property(fc.array(edit, { minLength: 1, maxLength: 4 }), (edits) => {
          let text = BUILT_IN;
          for (const [at, cut, insert] of edits) text = text.slice(0, at) + insert + text.slice(at + cut);
          parseAndPlan(text);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  test(
    'fields of the wrong type anywhere in the built-in rule set',
    () => {
      const paths = ['id', 'name', 'timezone', 'holidays', 'notification', 'times', 'parties', 'items', 'closures'];
      fc.assert(
        fc.property(fc.constantFrom(...paths), fc.anything({ maxDepth: 2 }), (key, value) => {
          const lines = BUILT_IN.split('\n').filter((l) => !l.startsWith(`${key}:`));
          parseAndPlan(`${lines.join('\n')}\n${stringify({ [key]: value })}`);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  test(
    'overlays of random fields with random values (nulls, wrong types, prototype names) on the built-in rule set',
    () => {
      const itemIds = [
        'cse-gangs-cases',
        'children-list',
        'select-children-to-track',
        'cqc-document-request',
        'new-item',
        '__proto__',
        'constructor',
      ];
      const fields = [
        'kind',
        'title',
        'day',
        'week',
        'weekday',
        'at',
        'by',
        'to',
        'details',
        'source',
        'note',
        'after',
        'toString',
      ];
      const value = fc.oneof(
        fc.constant(null),
        fc.anything({ maxDepth: 2 }),
        fc.constantFrom('constructor', '__proto__', 'midday', 'all-day', ['dcs'], ['constructor'], 'tuesday', 3, -1, 2),
      );
      const overlayItem = fc.tuple(
        fc.constantFrom(...itemIds),
        fc.dictionary(fc.constantFrom(...fields), value, { maxKeys: 4 }),
      );
      const section = fc.dictionary(
        fc.constantFrom(
          'times',
          'parties',
          'notification',
          'source',
          'notes',
          'closures',
          'remove',
          'description',
          'timezone',
          '__proto__',
        ),
        value,
        { maxKeys: 3 },
      );
      fc.assert(
        fc.property(fc.array(overlayItem, { maxLength: 3 }), section, (items, rest) => {
          const overlay = { extends: 'jtai-2018', id: 'fuzz', ...rest, items: items.map(([id, f]) => ({ ...f, id })) };
          parseAndPlan(stringify(overlay) ?? '');
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );

  test('deep nesting, huge strings and alias bombs are refused quickly', () => {
    /** Refused with a RuleSetError that says where, within the time bound. */
    const refused = (text: string, problem: RegExp) => {
      const start = performance.now();
      let error: unknown;
      try {
        parseRuleSet(text, 'fuzz.yaml');
      } catch (e) {
        error = e;
      }
      expect(error).toBeInstanceOf(RuleSetError);
      expect((error as RuleSetError).message).toMatch(problem);
      expect(performance.now() - start).toBeLessThan(2000);
    };
    refused('['.repeat(20_000) + ']'.repeat(20_000), /fuzz\.yaml:1:\d+: the YAML is nested too deeply to read/);
    refused(`${BUILT_IN}\nextra: "${'x'.repeat(900_000)}"\n`, /: the file: unknown field "extra"/);
    const bomb = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]'];
    for (const [i, c] of [...'bcdefghi'].entries())
      bomb.push(`${c}: &${c} [${Array(9).fill(`*${'abcdefghi'[i]}`).join(',')}]`);
    refused(bomb.join('\n'), /fuzz\.yaml:1:1: .*[Aa]lias/);
  });

  test('an oversized file is refused before it is read', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'jtai-fuzz-')), 'big.yaml');
    writeFileSync(file, `# ${'x'.repeat(2 * 1024 * 1024)}\n`);
    const { code, stderr } = await runCli(['plan', '-n', '2019-03-19', '--rules', file]);
    expect(code).toBe(1);
    expect(said(stderr)).toMatch(/^jtai: rule set .*big\.yaml is 2097155 bytes; rule sets are limited to 1 MiB\.\n$/);
  });
});

describe('command line', () => {
  const word = fc.oneof(
    fc.constantFrom(
      'plan',
      '--notified',
      '-n',
      '--format',
      '-f',
      '--out',
      '--agency',
      '-a',
      '--split',
      '--out-dir',
      '--remind',
      '--rules',
      '--mermaid',
      '--sources',
      '--no-color',
      '--help',
      '--version',
      '-h',
    ),
    fc.constantFrom(
      '2019-03-19',
      '2019-02-30',
      '2019-03-23',
      '1999-01-01',
      'json',
      'ics',
      'csv',
      'md',
      'text',
      'agency',
      'police',
      'none',
      '2h',
      'jtai-2018',
    ),
    oddText,
  );

  test(
    'random argument vectors end with exit 0, 1 or 2 and no stack trace',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'jtai-argv-'));
      await fc.assert(
        fc.asyncProperty(fc.array(word, { maxLength: 8 }), async (args) => {
          // Keep files the fuzzer asks for inside a scratch folder.
          const safe = args.map((a, i) =>
            ['--out', '--out-dir', '-o'].includes(args[i - 1] ?? '')
              ? join(dir, a.replace(/[^a-z0-9.]/gi, '_') || 'x')
              : a,
          );
          const start = performance.now();
          const { code, stderr } = await runCli(safe);
          expect([0, 1, 2]).toContain(code);
          expect(stderr).not.toMatch(/\n\s+at .*:\d+:\d+/);
          expect(stderr).not.toContain('internal error');
          if (code !== 0) expect(stderr).toMatch(/^jtai: /);
          expect(performance.now() - start).toBeLessThan(5000);
        }),
        { numRuns: RUNS },
      );
    },
    TIMEOUT,
  );
});
