import { untracked } from '../../src/core/progress/progress.js';
import { describe, expect, test } from 'vitest';
import { computePlan as computeBarePlan } from '../../src/core/plan/plan.js';
import { loadRuleSet } from '../../src/io/load-rule-set.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { calendar } from '../helpers.js';

// A plan as the renderers take it, with nothing from an inspection file.
const computePlan = (...args: Parameters<typeof computeBarePlan>) => untracked(computeBarePlan(...args));

const jtai2018 = await loadRuleSet('jtai-2018');

describe('renderMarkdown', () => {
  const md = renderMarkdown(computePlan(jtai2018, '2019-04-16', calendar), { mermaid: true });
  const tableRows = md
    .split('\n')
    .filter((l) => l.startsWith('| ') && !l.startsWith('| Day') && !l.startsWith('| ---'));

  test('a heading with the rule set and the notification date', () => {
    expect(md.startsWith('# JTAI timetable (2018 guidance): notified Tuesday 16 April 2019\n')).toBe(true);
  });

  test('one table row per item, each with six cells', () => {
    expect(tableRows).toHaveLength(14);
    expect(tableRows[0]).toBe(
      "| 0 | Tue 16 Apr 2019 | 17:00 | **Due:** List of children in need and children on a child protection plan | Director of Children's Services (DCS) | Lead inspector |",
    );
    for (const row of tableRows) expect(row.replace(/\\\|/g, '').split(' | ')).toHaveLength(6);
  });

  test('the notes, the bank holidays skipped and the warnings', () => {
    expect(md).toContain(
      '## Bank holidays and closures skipped\n\n- Friday 19 April 2019: Good Friday (bank holiday)\n- Monday 22 April 2019: Easter Monday (bank holiday)',
    );
    expect(md).toContain('- "end of the day" is 17:00: The briefing says');
    // The four items Easter moves off the briefing's weekdays are told as one warning.
    expect(md).toContain(
      '## Warnings\n\n- 4 items fall on another weekday than the source gives, because Good Friday (bank holiday) on Fri 19 Apr 2019 and Easter Monday (bank holiday) on Mon 22 Apr 2019 are skipped: ' +
        '"Lead inspector selects five to eight cases for inspectors to track" (day 3, Tue 23 Apr 2019); "Key case-file documents for each child being evaluated" (day 5, Thu 25 Apr 2019); ' +
        '"Information to help inspectors understand the work of agencies in the area" (day 5, Thu 25 Apr 2019); "Joint evaluations of children\'s experiences" (day 7, Mon 29 Apr 2019).\n' +
        '- "Key case-file documents',
    );
  });

  test('the details of each item with its note and source quoted', () => {
    expect(md).toContain(
      '### Further lists of child-level data\n\n*day 0, Tue 16 Apr 2019 17:00.* Due: Local authority → Lead inspector.',
    );
    expect(md).toContain('> By 3pm on day one (Wednesday)');
  });

  test('a Mermaid gantt with a milestone per deadline', () => {
    expect(md).toContain('```mermaid\ngantt\n    title JTAI notified 2019-04-16\n    dateFormat YYYY-MM-DD HH:mm');
    expect(md).toContain(
      '    List of children in need and children on a child protection plan :milestone, children-list, 2019-04-16 17:00, 0m',
    );
    expect(md).toContain(
      '    CQC requests documents about the children being tracked :cqc-document-request, 2019-04-26 00:00, 1d',
    );
    expect(renderMarkdown(computePlan(jtai2018, '2019-04-16', calendar))).not.toContain('mermaid');
  });
});
