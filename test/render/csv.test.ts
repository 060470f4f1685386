import { untracked } from '../../src/core/progress/progress.js';
import { describe, expect, test } from 'vitest';
import { computePlan as computeBarePlan } from '../../src/core/plan/plan.js';
import { loadRuleSet } from '../../src/io/load-rule-set.js';
import { parseRuleSet } from '../../src/io/analyse-rule-set-file.js';
import { quoteField, renderCsv } from '../../src/render/csv.js';
import { calendar } from '../helpers.js';

// A plan as the renderers take it, with nothing from an inspection file.
const computePlan = (...args: Parameters<typeof computeBarePlan>) => untracked(computeBarePlan(...args));

/** A small RFC 4180 reader, written apart from the writer: quoted fields, doubled quotes, CRLF. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  const endField = () => {
    row.push(field);
    field = '';
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') endField();
    else if (c === '\r' && text[i + 1] === '\n') {
      endField();
      rows.push(row);
      row = [];
      i++;
    } else field += c;
  }
  return rows;
}

const plan = computePlan(await loadRuleSet('jtai-2018'), '2019-03-26', calendar);

describe('renderCsv', () => {
  const rows = parseCsv(renderCsv(plan));

  test('a header and one row per item, with ISO dates and offsets', () => {
    expect(rows[0]).toEqual([
      'id',
      'kind',
      'day',
      'date',
      'weekday',
      'time',
      'due',
      'title',
      'agencies',
      'recipient',
      'details',
      'note',
      'source',
    ]);
    expect(rows).toHaveLength(15);
    const docs = rows.find((r) => r[0] === 'key-case-file-documents')!;
    expect(docs.slice(0, 7)).toEqual([
      'key-case-file-documents',
      'submission',
      '5',
      '2019-04-02',
      'tuesday',
      '17:00',
      '2019-04-02T17:00:00+01:00',
    ]);
    const allDay = rows.find((r) => r[0] === 'cqc-document-request')!;
    expect(allDay.slice(2, 7)).toEqual(['', '2019-04-05', 'friday', '', '']);
  });

  test('lists in one cell, one line each', () => {
    const meetings = rows.find((r) => r[0] === 'multi-agency-meetings')!;
    expect(meetings[10]!.split('\n')).toHaveLength(4);
  });

  test('a byte order mark only when asked (files, for Excel)', () => {
    expect(renderCsv(plan).charCodeAt(0)).not.toBe(0xfeff);
    expect(renderCsv(plan, { bom: true }).charCodeAt(0)).toBe(0xfeff);
  });

  test('cells Excel would run as formulas are made text', () => {
    const risky = parseRuleSet(
      `id: risky
name: r
source: { title: t }
timezone: Europe/London
holidays: england-and-wales
parties: { la: { name: "=HYPERLINK(1)" } }
items:
  - { id: one, kind: submission, title: "+SUM(A1)", day: 0, at: "09:00", by: [la], source: "@cmd", details: ["-1", 'say "hi", then go'] }
`,
      'risky.yaml',
    );
    const [, row] = parseCsv(renderCsv(computePlan(risky, '2019-03-19', calendar)));
    expect(row![7]).toBe("'+SUM(A1)");
    expect(row![8]).toBe("'=HYPERLINK(1)");
    expect(row![10]).toBe('\'-1\nsay "hi", then go');
    expect(row![12]).toBe("'@cmd");
  });

  test('quoteField follows RFC 4180', () => {
    expect(quoteField('plain')).toBe('plain');
    expect(quoteField('a "b", c')).toBe('"a ""b"", c"');
    expect(quoteField('two\nlines')).toBe('"two\nlines"');
  });
});
