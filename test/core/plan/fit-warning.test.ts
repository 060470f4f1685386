import { describe, expect, test } from 'vitest';
import { computePlan, fitMessage, fitOf } from '../../../src/core/plan/plan.js';
import { explainFit } from '../../../src/core/plan/explain.js';
import { acknowledgeFit } from '../../../src/core/progress/fit-checked.js';
import { untracked } from '../../../src/core/progress/progress.js';
import { renderJson } from '../../../src/render/json.js';
import { renderText } from '../../../src/render/text.js';
import { loadRuleSet } from '../../../src/io/load-rule-set.js';
import { calendar } from '../../helpers.js';

// The "may not fit" warning of issue 20: a sentence or two in plain words, and the reasons and
// their citations in the plan's notes. jtai-2018 fits notifications from Saturday 1 September
// 2018 to Tuesday 31 December 2019 (its "applies").

const jtai2018 = await loadRuleSet('jtai-2018');
const planOf = (notified: string) => untracked(computePlan(jtai2018, notified, calendar));
const fitWarningsOf = (notified: string) => planOf(notified).warnings.filter((w) => w.kind === 'guidance');

const AFTER =
  'This timetable follows the JTAI guidance published in July 2018; inspections notified after 31 December 2019 may follow later guidance, so check the timings against your notification letter.';
const BEFORE =
  'This timetable follows the JTAI guidance published in July 2018; inspections notified before 1 September 2018 may follow earlier guidance, so check the timings against your notification letter.';

describe('the warning says what to check, in a sentence', () => {
  test('Tuesday 1 December 2026, after the dates: the exact short text, and no command in it', () => {
    const warnings = fitWarningsOf('2026-12-01');
    expect(warnings).toEqual([{ kind: 'guidance', path: ['applies', 'until'], message: AFTER }]);
    expect(AFTER.length).toBeLessThanOrEqual(300);
    expect(AFTER).not.toMatch(/jtai |https?:/);
  });

  test('Tuesday 15 March 2016, before the dates: earlier guidance, at applies.from', () => {
    expect(fitWarningsOf('2016-03-15')).toEqual([{ kind: 'guidance', path: ['applies', 'from'], message: BEFORE }]);
  });

  test.each([
    // Fri 31 Aug 2018 is the last working day before; Tue 31 Dec 2019 the last inside; Tue 7 Jan 2020 after.
    ['2018-08-31', 'before'],
    ['2018-09-03', 'within'],
    ['2019-03-19', 'within'],
    ['2019-12-31', 'within'],
    ['2020-01-07', 'after'],
  ])('%s falls %s', (notified, falls) => {
    expect(fitOf(jtai2018.applies, notified)).toBe(falls);
    expect(fitWarningsOf(notified)).toHaveLength(falls === 'within' ? 0 : 1);
    expect(fitMessage(jtai2018, notified) === null).toBe(falls === 'within');
  });

  test('a rule set with no dates never warns', () => {
    const rest = { ...jtai2018, applies: undefined };
    expect(fitOf(undefined, '2026-12-01')).toBe('within');
    expect(computePlan(rest, '2026-12-01', calendar).warnings.filter((w) => w.kind === 'guidance')).toEqual([]);
  });
});

describe("the reasons and where they are written are the plan's notes", () => {
  const why = (notified: string) => planOf(notified).ruleSet.notes.filter((n) => n.startsWith('Why'));

  test("after: the dates, the briefing's words and title, and the rule set's reason with its gov.uk citations", () => {
    const [note, ...more] = why('2026-12-01');
    expect(more).toEqual([]);
    expect(note).toMatch(
      /^Why this timetable may not fit: jtai-2018 is written for notifications from 1 September 2018 to 31 December 2019\. Its source: "The next round of inspections will start in September 2018\." \(Children's Safeguarding Briefing No\.1, August 2018: Joint Targeted Area Inspections \(JTAI\) summary briefing\)\. A notification after 31 December 2019 may not fit because the briefing gives this round no end date/,
    );
    expect(note).toContain(
      'https://www.gov.uk/government/publications/joint-inspections-of-arrangements-and-services-for-children-in-need-of-help-and-protection',
    );
    expect(note).toContain('the notification day became day 1, not day 0');
    expect(note!.endsWith(jtai2018.applies!.after!)).toBe(true);
  });

  test("before: the rule set's reason for that side", () => {
    expect(why('2016-03-15')).toEqual([
      expect.stringMatching(
        /A notification before 1 September 2018 may not fit because the JTAIs before this round looked at other deep-dive themes, as the inspectorates' presentation of 19 March 2019 lists them\.$/,
      ),
    ]);
  });

  test("within the dates the notes are the rule set's own", () => {
    expect(planOf('2019-03-19').ruleSet.notes).toEqual(jtai2018.notes);
  });
});

describe('an inspection file that records the letter was checked', () => {
  const checked = { letterChecked: { by: 'Sam Smith', on: '2026-12-02' } };

  test('the warning becomes a note, with who checked it and when (Wed 2 Dec 2026)', () => {
    const plan = acknowledgeFit(planOf('2026-12-01'), checked);
    expect(plan.warnings.filter((w) => w.kind === 'guidance')).toEqual([]);
    expect(plan.warnings).toHaveLength(planOf('2026-12-01').warnings.length - 1);
    expect(plan.ruleSet.notes.at(-1)).toBe(
      `${AFTER} Checked against the notification letter by Sam Smith on Wednesday 2 December 2026.`,
    );
    expect(plan.fitChecked).toEqual({ by: 'Sam Smith', on: '2026-12-02' });
  });

  test('"letterChecked: true" says neither who nor when', () => {
    const plan = acknowledgeFit(planOf('2026-12-01'), { letterChecked: { by: null, on: null } });
    expect(plan.ruleSet.notes.at(-1)).toBe(`${AFTER} Checked against the notification letter.`);
  });

  test('without a check, or a record, the plan is as it was', () => {
    const plan = planOf('2026-12-01');
    expect(acknowledgeFit(plan, undefined)).toBe(plan);
    expect(acknowledgeFit(plan, {})).toBe(plan);
  });

  test('the agenda: at the top before; in the notes, and not at the top, after', () => {
    const before = renderText(planOf('2026-12-01'));
    const after = renderText(acknowledgeFit(planOf('2026-12-01'), checked));
    const top = (text: string) => text.slice(0, text.indexOf('Day 0'));
    expect(top(before)).toContain('Note: This timetable follows the JTAI guidance');
    expect(top(after)).not.toContain('This timetable follows');
    const notes = after.slice(after.indexOf('\nNotes\n'), after.indexOf('\nWarnings\n')).replace(/\s+/g, ' ');
    expect(notes).toContain(
      `• ${AFTER} Checked against the notification letter by Sam Smith on Wednesday 2 December 2026.`,
    );
  });
});

describe('the JSON', () => {
  interface Quoted {
    text: string;
    from: string | null;
    document: { title: string };
  }
  const json = (plan: ReturnType<typeof planOf>) =>
    JSON.parse(renderJson(plan)) as {
      inspection: Record<'themesSource' | 'inspectoratesSource' | 'appliesSource', Quoted> & Record<string, unknown>;
    };

  test("inspection carries the rule set's source words, with the legal basis of the inspectorates", () => {
    const { inspection } = json(planOf('2019-03-19'));
    expect(inspection.inspectoratesSource.text).toMatch(
      /^Joint targeted area inspections \(JTAI\) are carried out by: Ofsted, .* Under section 20 of the Children Act 2004\.$/,
    );
    expect(inspection.inspectoratesSource.from).toBe('presentation-2019');
    expect(inspection.inspectoratesSource.document.title).toBe('Working Together to Safeguard Children');
    expect(inspection.themesSource.text).toMatch(/^In July 2018 guidance about to the next round of Joint Targeted/);
    expect(inspection.themesSource.from).toBeNull();
    expect(inspection.appliesSource).toEqual({
      text: 'The next round of inspections will start in September 2018.',
      from: null,
      document: jtai2018.source,
    });
    expect(inspection.appliesAfter).toBe(jtai2018.applies!.after);
    expect(inspection).toMatchObject({ fits: true, fitChecked: false });
  });

  test('fits stays false once the letter is checked; fitChecked says it was', () => {
    expect(json(planOf('2026-12-01')).inspection).toMatchObject({ fits: false, fitChecked: false });
    const checked = acknowledgeFit(planOf('2026-12-01'), { letterChecked: { by: null, on: '2026-12-02' } });
    expect(json(checked).inspection).toMatchObject({ fits: false, fitChecked: true });
  });
});

describe('explainFit', () => {
  test('the dates, the words they rest on, and both reasons; with a plan, where it falls', () => {
    const e = explainFit(jtai2018, planOf('2026-12-01'));
    expect(e).toMatchObject({
      ruleSet: 'jtai-2018',
      from: '2018-09-01',
      until: '2019-12-31',
      source: { text: 'The next round of inspections will start in September 2018.', from: null },
      notified: '2026-12-01',
      falls: 'after',
      message: AFTER,
      checked: null,
    });
    expect(e.before).toBe(jtai2018.applies!.before);
    expect(explainFit(jtai2018)).toMatchObject({ notified: null, falls: null, message: null });
  });
});
