import { untracked } from '../../../src/core/progress/progress.js';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import { describe, expect, test } from 'vitest';
import { makeHolidayCalendar } from '../../../src/core/dates/bank-holidays.js';
import { computePlan as computeBarePlan } from '../../../src/core/plan/plan.js';
import { loadRuleSet } from '../../../src/io/load-rule-set.js';
import { renderIcs } from '../../../src/render/ics.js';
import { runCli } from '../../helpers.js';

// A plan as the renderers take it, with nothing from an inspection file.
const computePlan = (...args: Parameters<typeof computeBarePlan>) => untracked(computeBarePlan(...args));

// Issue 12: the whole briefing, not only its timetable, checked by hand against the two
// sources shipped in schedules/sources/.

const read = (name: string) => readFileSync(new URL(`../../../schedules/sources/${name}`, import.meta.url), 'utf8');
const BRIEFING = read('jtai-briefing-2018.md');
const PRESENTATION = read('working-together-2019.md');
const ruleSet = await loadRuleSet('jtai-2018');
const words = (text: string) =>
  ` ${text
    .toLowerCase()
    .replace(/[’‘`]/g, "'")
    .replace(/[^a-z0-9']+/g, ' ')
    .trim()} `;
const list = (id: string) => ruleSet.focus.find((l) => l.id === id)!;

describe("every quotation is the source's own words", () => {
  // Each sentence or list entry of a quotation, compared as lower-case words, is in its document.
  const quoted = (text: string, document: string, what: string) => {
    for (const part of text.split(/[.:;](?:\s|$)/).filter((p) => p.trim()))
      expect(words(document), `${what}: "${part}"`).toContain(words(part));
  };
  const documentOf = (from: string | undefined) =>
    from === 'presentation-2019' ? PRESENTATION : from === undefined ? BRIEFING : '';

  test('the inspection, its themes and inspectorates, and when it applies', () => {
    const { inspection, applies } = ruleSet;
    quoted(inspection!.themesSource!.text, documentOf(inspection!.themesSource!.from), 'themes');
    expect(inspection!.inspectoratesSource!.from).toBe('presentation-2019');
    quoted(inspection!.inspectoratesSource!.text, PRESENTATION, 'inspectorates');
    for (const name of inspection!.inspectorates) expect(words(PRESENTATION)).toContain(words(name));
    for (const theme of inspection!.themes) expect(words(BRIEFING)).toContain(words(theme));
    quoted(applies!.source!.text, BRIEFING, 'applies');
  });

  test('every focus heading, intro and point', () => {
    for (const l of ruleSet.focus) {
      const document = documentOf(l.from);
      quoted(l.heading, document, `${l.id} heading`);
      if (l.intro) quoted(l.intro, document, `${l.id} intro`);
      for (const p of l.points) quoted(p.text, document, l.id);
    }
  });

  test('the 2019 presentation is shipped beside the briefing, as given', () => {
    // The SHA-256 of the copy as received (shared/sources/working-together-2019.md, 25 Nov 2026):
    // an edited copy could no longer prove a quotation.
    expect(
      createHash('sha256')
        .update(readFileSync(new URL('../../../schedules/sources/working-together-2019.md', import.meta.url)))
        .digest('hex'),
    ).toBe('81d888540c3201acc3b06ae96a9f36de128acb27135f93a7c5a9addcfe74ead7');
    expect(
      createHash('sha256')
        .update(readFileSync(new URL('../../../schedules/sources/jtai-briefing-2018.md', import.meta.url)))
        .digest('hex'),
    ).toBe('34d8dd085dd827f2c70148cf9773e17a092240989de235fa12c16db3b661e2eb');
    expect(ruleSet.sources['presentation-2019']).toMatchObject({
      title: 'Working Together to Safeguard Children',
      published: '19 March 2019',
      reference: 'schedules/sources/working-together-2019.md',
    });
  });
});

describe('the focus lists, checked by hand against the briefing', () => {
  test('themes and inspectorates', () => {
    expect(ruleSet.inspection!.themes).toEqual([
      'child sexual exploitation',
      'children associated with gangs and at risk of exploitation (including county lines)',
      'children missing from home, care or education',
    ]);
    expect(ruleSet.inspection!.inspectorates).toEqual([
      'Ofsted',
      'Care Quality Commission (CQC)',
      "Her Majesty's Inspectorate of Constabulary, Fire and Rescue Services (HMICFRS)",
      "Her Majesty's Inspectorate of Probation (HMI Probation)",
    ]);
    expect(ruleSet.applies).toMatchObject({ from: '2018-09-01', until: '2019-12-31' });
  });

  test('each list under its heading, with the parties it names and only those', () => {
    const shape = ruleSet.focus.map((l) => [l.id, l.heading, l.parties, l.points.map((p) => p.parties)]);
    expect(shape).toEqual([
      ['scope', 'Target Area Scope', [], [[], [], [], [], []]],
      [
        'missing-children',
        'Inspectors will look at responses /risk to missing children, particularly',
        [],
        [[], ['local-agencies'], [], ['local-agencies']],
      ],
      ['partners-show', 'Partners will need to show', ['partner-agencies'], [[], [], [], []]],
      ['schools', 'Schools', ['schools'], [[], [], []]],
      [
        'working-together',
        'Working together is paramount. Inspections will challenge',
        [],
        [['local-authority', 'police', 'health', 'nps', 'crc', 'yot'], [], [], [], ['police'], ['police']],
      ],
    ]);
    expect(list('schools').intro).toBe(
      'schools need to have effective systems in place to identify children in these key areas of risk, including:',
    );
    expect(list('working-together').points[4]!.text).toBe('Does the police force engage in preventative work');
    expect(list('working-together').points[5]!.text).toBe(
      'Do the police map patterns and profile the overview of cases, and the quality of the response from local services',
    );
  });

  test('every bullet the briefing lists under those headings is in the rule set once, under its heading', () => {
    // The briefing's own lists: the "- " lines after each heading, up to the next heading.
    const headings: Record<string, string> = {
      'Target Area Scope': 'scope',
      'Inspectors will look at responses /risk to missing children': 'missing-children',
      'Partners will need to show': 'partners-show',
      'Schools:': 'schools',
      'Inspections will challenge': 'working-together',
    };
    const lines = BRIEFING.split('\n');
    for (const [heading, id] of Object.entries(headings)) {
      const start = lines.findIndex((l) => l.includes(heading));
      const bullets: string[] = [];
      for (
        let i = start + 1;
        i < lines.length &&
        !/^#/.test(lines[i]!) &&
        !/^\*\*Schools/.test(lines[i]!) &&
        !(bullets.length > 0 && lines[i]!.trim() === '');
        i++
      ) {
        if (lines[i]!.startsWith('- ')) bullets.push(lines[i]!.slice(2));
      }
      const points = list(id).points.map((p) => words(p.text));
      expect(points, id).toHaveLength(bullets.length);
      for (const bullet of bullets)
        expect(
          points.filter((p) => p === words(bullet)),
          `${id}: ${bullet}`,
        ).toHaveLength(1);
    }
  });
});

describe('where it shows', () => {
  test("--agency schools puts the schools' list first, under what schools should be ready to show", async () => {
    const md = (await runCli(['plan', '-n', '2019-03-19', '-f', 'md', '-a', 'schools'])).stdout;
    expect(md).toMatch(
      /\n## What Schools should be ready to show\n\n### Schools\n\n\*Names: Schools\.\*\n\nschools need to have effective systems/,
    );
    expect(md.indexOf('## What Schools should be ready to show')).toBeLessThan(
      md.indexOf('## What the inspection looks at'),
    );
    const json = JSON.parse((await runCli(['plan', '-n', '2019-03-19', '-f', 'json', '-a', 'schools'])).stdout);
    expect(json.focus.map((l: { id: string; forFilter: boolean }) => [l.id, l.forFilter])).toEqual([
      ['schools', true],
      ['missing-children', true],
      ['partners-show', true],
      ['scope', false],
      ['working-together', false],
    ]);
  });

  test('--agency police: the lists that name the police or a group of theirs first', async () => {
    const json = JSON.parse((await runCli(['plan', '-n', '2019-03-19', '-f', 'json', '-a', 'police'])).stdout);
    expect(json.focus.map((l: { id: string }) => l.id)).toEqual([
      'working-together',
      'missing-children',
      'partners-show',
      'scope',
      'schools',
    ]);
    const points = json.focus[0].points.filter((p: { agencies: Array<{ id: string }> }) =>
      p.agencies.some((a) => a.id === 'police'),
    );
    expect(points).toHaveLength(3);
  });

  test('the whole plan: every list in rule-set order, "What the inspection looks at", in Markdown after the timetable', async () => {
    const md = (await runCli(['plan', '-n', '2019-03-19', '-f', 'md'])).stdout;
    const at = md.indexOf('\n## What the inspection looks at\n');
    expect(at).toBeGreaterThan(md.indexOf('| 7 | Thu 28 Mar 2019 |'));
    expect(
      md
        .slice(at)
        .match(/^### .*/gm)!
        .slice(0, 5),
    ).toEqual([
      '### Target Area Scope',
      '### Inspectors will look at responses /risk to missing children, particularly',
      '### Partners will need to show',
      '### Schools',
      '### Working together is paramount. Inspections will challenge',
    ]);
    const json = JSON.parse((await runCli(['plan', '-n', '2019-03-19', '-f', 'json'])).stdout);
    expect(json.focus.every((l: { forFilter: null }) => l.forFilter === null)).toBe(true);
  });

  test('the agenda has one line on the theme and inspectorates; --focus adds the lists', async () => {
    const text = (await runCli(['plan', '-n', '2019-03-19'])).stdout;
    expect(text).toContain(
      'Themes: child sexual exploitation; children associated with gangs and at risk of\nexploitation',
    );
    expect(text).not.toContain('What the inspection looks at');
    const focus = (await runCli(['plan', '-n', '2019-03-19', '--focus', '-a', 'schools'])).stdout;
    expect(focus).toContain(
      '\nWhat Schools should be ready to show\n\n  Schools\n  (Schools)\n  schools need to have effective systems',
    );
  });

  test('the calendar describes the inspection; no event links anything external', () => {
    const plan = computePlan(ruleSet, '2019-03-19', makeHolidayCalendar([]));
    const vcalendar = new ICAL.Component(
      ICAL.parse(renderIcs(plan, { stamp: new Date(0), remindMinutes: 60, version: 't' })),
    );
    const description = vcalendar.getFirstPropertyValue('x-wr-caldesc') as string;
    expect(description).toContain('Themes: child sexual exploitation; children associated with gangs');
    expect(description).toContain(
      "Inspectorates: Ofsted, Care Quality Commission (CQC), Her Majesty's Inspectorate of Constabulary, Fire and Rescue Services (HMICFRS), Her Majesty's Inspectorate of Probation (HMI Probation)",
    );
    for (const event of vcalendar.getAllSubcomponents('vevent')) {
      expect(event.getAllProperties().map((p) => p.name)).not.toEqual(expect.arrayContaining(['url']));
      expect(event.getAllProperties().map((p) => p.name)).not.toContain('attach');
      expect(event.toString()).not.toMatch(/https?:|www\./i);
    }
  });

  test("jtai list shows each rule set's themes, inspectorates and the years it fits", async () => {
    const text = (await runCli(['list'])).stdout;
    expect(text).toContain('    fits notifications from September 2018 to December 2019\n');
    expect(text).toContain('    themes: child sexual exploitation;');
    const json = JSON.parse((await runCli(['list', '-f', 'json'])).stdout);
    expect(json[0]).toMatchObject({
      id: 'jtai-2018',
      appliesFrom: '2018-09-01',
      appliesUntil: '2019-12-31',
      guidance: 'JTAI guidance published in July 2018',
    });
    expect(json[0].inspectorates).toHaveLength(4);
  });
});

describe('a plan outside the dates the rule set fits', () => {
  const fit = async (date: string) => {
    const { stdout, stderr } = await runCli(['plan', '-n', date, '-f', 'json']);
    return { fits: JSON.parse(stdout).inspection.fits as boolean, stderr };
  };

  test('2016 gets a one-sentence warning that says what to check, and never a refusal', async () => {
    const { fits, stderr } = await fit('2016-03-15');
    expect(fits).toBe(false);
    expect(stderr.split('\n')[0]).toBe(
      'jtai: warning: This timetable follows the JTAI guidance published in July 2018; inspections notified before 1 September 2018 may follow earlier guidance, so check the timings against your notification letter.',
    );
  });

  test('2025 gets the warning; what changed, and where it is written, is in the notes', async () => {
    const { stdout, stderr } = await runCli(['plan', '-n', '2025-06-03', '-f', 'json']);
    expect(stderr.split('\n')[0]).toBe(
      'jtai: warning: This timetable follows the JTAI guidance published in July 2018; inspections notified after 31 December 2019 may follow later guidance, so check the timings against your notification letter.',
    );
    expect(stderr).not.toContain('jtai init'); // no command in the warning
    const notes: string[] = JSON.parse(stdout).schedule.notes;
    const why = notes.find((n) => n.startsWith('Why this timetable may not fit'));
    expect(why).toContain(
      'https://www.gov.uk/government/publications/joint-inspections-of-arrangements-and-services-for-children-in-need-of-help-and-protection',
    );
  });

  test('2019 does not; at the edges, 1 September 2018 and 31 December 2019 do not either', async () => {
    for (const date of ['2019-03-19', '2018-09-04', '2019-12-31']) expect((await fit(date)).fits, date).toBe(true);
    expect((await fit('2020-01-07')).fits).toBe(false);
  });
});

describe('rule sets of your own', () => {
  const rules = (text: string) => {
    const file = join(mkdtempSync(join(tmpdir(), 'jtai-focus-')), 'area.yaml');
    writeFileSync(file, text);
    return file;
  };

  test('an area adds its own focus points as a list of its own, and changes a base list field by field', async () => {
    const file = rules(
      'extends: jtai-2018\nid: area\nfocus:\n  - id: our-points\n    heading: Our own points\n    parties: [police]\n    points: [How the MASH shares information]\n  - id: schools\n    heading: Schools and academies\n',
    );
    const json = JSON.parse((await runCli(['plan', '-n', '2019-03-19', '-f', 'json', '-r', file])).stdout);
    expect(json.focus.map((l: { id: string }) => l.id)).toEqual([
      'scope',
      'missing-children',
      'partners-show',
      'schools',
      'working-together',
      'our-points',
    ]);
    expect(json.focus[3]).toMatchObject({
      heading: 'Schools and academies',
      intro: list('schools').intro,
      points: list('schools').points.map((p) => ({ text: p.text, agencies: [], note: null })),
    });
  });

  test('unknown parties and documents in focus lists and quotes are errors at their line and column', async () => {
    const file = rules(
      'extends: jtai-2018\nid: area\nfocus:\n  - id: ours\n    heading: Ours\n    from: minutes\n    points:\n      - { text: A point, parties: [fire-service] }\ninspection:\n  themesSource: { text: x, from: nowhere }\n',
    );
    const { stdout } = await runCli(['check', file]);
    expect(stdout).toContain(
      `${file}:6:11: error: there is no document "minutes" under "sources"; expected one of "presentation-2019".`,
    );
    expect(stdout).toContain(
      `${file}:8:36: error: unknown party "fire-service" in focus list "ours"; expected one of "dcs",`,
    );
    expect(stdout).toContain(
      `${file}:10:34: error: there is no document "nowhere" under "sources"; expected one of "presentation-2019".`,
    );
  });

  test("jtai init's guide and the JSON Schema cover the new fields", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'jtai-init-'));
    await runCli(['init', join(dir, 'r.yaml')]);
    const text = readFileSync(join(dir, 'r.yaml'), 'utf8');
    for (const field of ['sources', 'inspection', 'applies', 'focus'])
      expect(text).toMatch(new RegExp(`^#   ${field} `, 'm'));
    const schema = JSON.parse((await runCli(['schema'])).stdout);
    expect(Object.keys(schema.anyOf[0].properties)).toEqual(
      expect.arrayContaining(['sources', 'inspection', 'applies', 'focus']),
    );
  });
});
