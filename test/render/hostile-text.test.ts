// @vitest-environment jsdom
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
import { untracked } from '../../src/core/progress/progress.js';
import { spawnSync } from 'node:child_process';
import ICAL from 'ical.js';
import MarkdownIt from 'markdown-it';
import mermaid from 'mermaid';
import { describe, expect, test } from 'vitest';
import { makeHolidayCalendar } from '../../src/core/dates/bank-holidays.js';
import { computePlan as computeBarePlan } from '../../src/core/plan/plan.js';
import { parseRuleSet } from '../../src/core/rule-set/analyse.js';
import { JtaiError } from '../../src/errors.js';
import { defuse, renderCsv } from '../../src/render/csv.js';
import { renderIcs } from '../../src/render/ics.js';
import { renderHtml } from '../../src/render/html.js';
import { renderJson } from '../../src/render/json.js';
import { noteOf } from '../../src/render/item-text.js';
import { renderMarkdown } from '../../src/render/markdown.js';
import { ganttLines } from '../../src/render/mermaid.js';
import { HOSTILE_PARTIES, HOSTILE_TITLES, hostileRuleSetYaml } from '../data/hostile-text.js';

// A plan as the renderers take it, with nothing from an inspection file.
const computePlan = (...args: Parameters<typeof computeBarePlan>) => untracked(computeBarePlan(...args));

// Rule-set text is data: every hostile text goes through every format and is read back by the
// format's own parser (mermaid, markdown-it, ical.js, python's csv), never by a regex of ours.

const noFiles = {
  locate: (ref: string) => ref,
  show: (file: string) => file,
  read: (file: string): string => {
    throw new JtaiError(`no file ${file}`);
  },
};
const ruleSet = parseRuleSet(hostileRuleSetYaml(), 'hostile.yaml', noFiles);
const plan = computePlan(ruleSet, '2019-04-16', makeHolidayCalendar([])); // Easter: two days off
const oneLine = (text: string) => text.replace(/\s+/g, ' ').trim();
type Token = ReturnType<InstanceType<typeof MarkdownIt>['parse']>[number];

describe('Mermaid gantt, parsed by mermaid itself', async () => {
  mermaid.initialize({ startOnLoad: false });
  const chart = `${ganttLines(plan).join('\n')}\n`;
  await mermaid.parse(chart); // throws on a parse error
  const { db } = (await mermaid.mermaidAPI.getDiagramFromText(chart)) as unknown as { db: GanttDb };
  // What Mermaid draws for a parsed name: the gantt renderer sets it as a text node
  // (.text(d.task)), the SVG is serialised (escaping & < >), mermaid's decodeEntities turns its
  // placeholders into "&#115;", and the browser reads the markup back.
  const drawn = (text: string) => {
    const serialised = text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
    const area = document.createElement('textarea');
    area.innerHTML = serialised.replace(/ﬂ°°/g, '&#').replace(/ﬂ°/g, '&').replace(/¶ß/g, ';');
    return area.value.trim();
  };
  const tasks = db.getTasks();

  test('has one task per item, named with its title, in the section of its kind', () => {
    expect(tasks.map((t) => drawn(t.task))).toEqual(
      [...plan.items.filter((i) => i.kind === 'submission'), ...plan.items.filter((i) => i.kind !== 'submission')].map(
        (i) => oneLine(i.title),
      ),
    );
    expect([...new Set(tasks.map((t) => t.section))]).toEqual(['The area provides', 'Inspectors act']);
  });

  test('keeps its title, and each task starts at its date and London time', () => {
    expect(drawn(db.getDiagramTitle())).toBe('JTAI notified 2019-04-16');
    const pad = (n: number) => String(n).padStart(2, '0');
    const byId = new Map(plan.items.map((i) => [i.id, i]));
    for (const t of tasks) {
      const item = byId.get(t.id)!;
      const s = t.startTime; // dayjs reads "2019-04-16 17:00" in the machine's zone
      expect(
        `${s.getFullYear()}-${pad(s.getMonth() + 1)}-${pad(s.getDate())} ${pad(s.getHours())}:${pad(s.getMinutes())}`,
      ).toBe(`${item.date} ${item.time ?? '00:00'}`);
      expect(Boolean(t.milestone)).toBe(item.time !== null);
    }
  });

  test('shades weekends and the bank holidays as excluded days', () => {
    expect(db.getExcludes()).toEqual(['weekends', '2019-04-19', '2019-04-22']);
  });
});

interface GanttDb {
  getTasks(): Array<{ id: string; task: string; section: string; startTime: Date; milestone: boolean }>;
  getDiagramTitle(): string;
  getExcludes(): string[];
}

describe('Markdown, parsed by markdown-it (CommonMark with GFM tables and strikethrough)', () => {
  const tokens = new MarkdownIt().parse(renderMarkdown(plan, { mermaid: true }), {});
  /** The text of an inline token, failing on anything but text: no link, emphasis, code or HTML came from the data. */
  const plain = (inline: Token) => {
    for (const child of inline.children ?? []) expect(child.type, `${child.type} in "${inline.content}"`).toBe('text');
    return (inline.children ?? []).map((c) => c.content).join('');
  };
  const inlinesAfter = (open: (t: Token) => boolean) => tokens.flatMap((t, i) => (open(t) ? [tokens[i + 1]!] : []));
  /** jtai's own "**Due:**" or "**Note:**" at the start of an inline, and what follows it (the data). */
  const label = (inline: Token) => {
    const children = (inline.children ?? []).filter((c) => !(c.type === 'text' && c.content === ''));
    if (children[0]?.type !== 'strong_open') return { label: undefined, data: inline };
    return { label: children[1]!.content, data: { ...inline, children: children.slice(3) } as Token };
  };

  test('item headings read exactly as the titles', () => {
    const headings = inlinesAfter((t) => t.type === 'heading_open' && t.tag === 'h3');
    expect(headings.map(plain)).toEqual(plan.items.map((i) => oneLine(i.title)));
    expect(plain(inlinesAfter((t) => t.type === 'heading_open' && t.tag === 'h1')[0]!)).toBe(
      `${ruleSet.name}: notified Tuesday 16 April 2019`,
    );
  });

  test('the table has six cells per row, with the title, who acts and who receives as plain text', () => {
    const rows: string[][] = [];
    tokens.forEach((t, i) => {
      if (t.type === 'tr_open' && tokens[i - 1]?.type === 'tbody_open') rows.push([]);
      else if (t.type === 'tr_open') rows.push([]);
      // The "What" cell starts with jtai's own **Due:** or **Inspectors:**; the rest is data.
      if (t.type === 'td_open') rows.at(-1)!.push(plain(label(tokens[i + 1]!).data));
    });
    const body = rows.filter((r) => r.length > 0);
    expect(body).toHaveLength(plan.items.length);
    for (const [i, item] of plan.items.entries()) {
      expect(body[i]).toEqual([
        item.day === null ? '' : String(item.day),
        expect.any(String),
        item.time ?? 'all day',
        ` ${item.title}`,
        item.agencies.map((a) => a.name).join(', '),
        item.recipient?.name ?? '',
      ]);
    }
  });

  test('details are list items, sources quotes and notes paragraphs, each with the text as written', () => {
    const listed = inlinesAfter((t) => t.type === 'paragraph_open' && t.hidden).map(plain);
    for (const item of plan.items) for (const d of item.details) expect(listed).toContain(d);
    const quoted = tokens.flatMap((t, i) => (t.type === 'blockquote_open' ? [plain(tokens[i + 2]!)] : []));
    expect(quoted).toEqual(plan.items.map((i) => i.source));
    const notes = inlinesAfter((t) => t.type === 'paragraph_open')
      .map(label)
      .filter((l) => l.label === 'Note:');
    expect(notes.map((l) => plain(l.data).trim())).toEqual(plan.items.map((i) => noteOf(i)));
  });

  test("the only markup is jtai's own, and the chart stays one fenced block", () => {
    const types = new Set(tokens.flatMap((t) => [t.type, ...(t.children ?? []).map((c) => c.type)]));
    for (const type of [
      'html_block',
      'html_inline',
      'link_open',
      'image',
      's_open',
      'ordered_list_open',
      'hr',
      'code_block',
    ])
      expect(types.has(type), type).toBe(false);
    const code = tokens.flatMap((t) =>
      (t.children ?? []).filter((c) => c.type === 'code_inline').map((c) => c.content),
    );
    expect(code).toEqual([ruleSet.id, ...plan.items.map((i) => i.id)]); // the rule set's id, then each item's id in its details
    expect(tokens.filter((t) => t.type === 'fence').map((t) => t.info)).toEqual(['mermaid']);
    const h2 = inlinesAfter((t) => t.type === 'heading_open' && t.tag === 'h2').map(plain);
    expect(h2).toEqual([
      ...(plan.warnings.length > 0 ? ['Warnings'] : []),
      'Notes',
      'Bank holidays and closures skipped',
      'Details',
    ]);
    expect(tokens.filter((t) => t.type === 'heading_open').map((t) => t.tag)).toEqual([
      'h1',
      ...h2.map(() => 'h2'),
      ...plan.items.map(() => 'h3'),
    ]);
  });
});

describe('ICS, read back by ical.js', () => {
  const vcalendar = new ICAL.Component(
    ICAL.parse(
      renderIcs(plan, { stamp: new Date(0), remindMinutes: 60, version: 't', calendarName: 'JTAI, My Area; North' }),
    ),
  );
  const events = vcalendar.getAllSubcomponents('vevent');

  test('summaries, categories and descriptions carry the text exactly', () => {
    expect(events).toHaveLength(plan.items.length);
    for (const [i, item] of plan.items.entries()) {
      const event = events[i]!;
      expect(event.getFirstPropertyValue('summary')).toBe(
        `JTAI day ${item.day}${item.time === null ? '' : item.kind === 'submission' ? ` by ${item.time}` : ` at ${item.time}`}: ${item.title}${item.kind === 'submission' ? '' : ' (inspectors)'}`,
      );
      expect(event.getFirstProperty('categories')!.getValues()).toEqual([
        'JTAI',
        item.kind === 'submission' ? 'Submission' : 'Inspector action',
        ...item.agencies.map((a) => a.name),
      ]);
      const description = event.getFirstPropertyValue('description') as string;
      for (const text of [item.source, ...item.details, noteOf(item)!]) expect(description).toContain(text);
    }
  });

  test('the calendar name with a comma and a semicolon reads back without a backslash', () => {
    expect(vcalendar.getFirstPropertyValue('x-wr-calname')).toBe('JTAI, My Area; North');
  });

  test('a party name with a semicolon or a comma is one category', () => {
    const all = events.flatMap((e) => e.getFirstProperty('categories')!.getValues() as string[]);
    expect(all).toContain(HOSTILE_PARTIES.welsh);
    expect(all).toContain(HOSTILE_PARTIES.schools);
  });
});

describe("CSV, read back by python's csv module", () => {
  const python = spawnSync('python3', ['--version']);
  const readCsv = (csv: string): string[][] => {
    const run = spawnSync(
      'python3',
      [
        '-c',
        'import csv, io, json, sys; print(json.dumps(list(csv.reader(io.StringIO(sys.stdin.read(), newline="")))))',
      ],
      { input: csv, encoding: 'utf8' },
    );
    expect(run.stderr).toBe('');
    return JSON.parse(run.stdout) as string[][];
  };

  test.skipIf(python.status !== 0)('every cell reads back as written, formula starters made text', () => {
    const rows = readCsv(renderCsv(plan));
    expect(rows).toHaveLength(plan.items.length + 1);
    for (const [i, item] of plan.items.entries()) {
      const row = Object.fromEntries(rows[0]!.map((name, j) => [name, rows[i + 1]![j]!]));
      expect(row.title).toBe(defuse(item.title));
      expect(row.agencies).toBe(defuse(item.agencies.map((a) => a.name).join(', ')));
      expect(row.details).toBe(defuse(item.details.join('\n')));
      expect(row.source).toBe(defuse(item.source));
    }
  });

  test.skipIf(python.status !== 0)(
    'a cell starting with any formula starter gets an apostrophe; others are untouched',
    () => {
      const starters = ['=', '+', '-', '@', '\t', '\r', '＝', '＋', '－', '＠'];
      const item = plan.items[0]!;
      const items = [...starters.map((s) => `${s}1+1`), 'ok =1', ' =not first'].map((title, n) => ({
        ...item,
        id: `x${n}`,
        title,
      }));
      const rows = readCsv(renderCsv({ ...plan, items }));
      const titles = rows.slice(1).map((r) => r[rows[0]!.indexOf('title')]);
      expect(titles).toEqual([...starters.map((s) => `'${s}1+1`), 'ok =1', ' =not first']);
    },
  );
});

describe('JSON', () => {
  test('carries every text exactly', () => {
    const json = JSON.parse(renderJson(plan));
    expect(json.items.map((i: { title: string }) => i.title).sort()).toEqual([...HOSTILE_TITLES].sort());
    expect(json.schedule.name).toBe(ruleSet.name);
  });
});

describe("printable HTML, parsed by an HTML parser (jsdom's)", () => {
  const nasty = {
    ...plan,
    ruleSet: { ...plan.ruleSet, name: 'Name </style><script>alert(1)</script> "quoted" \\ back' },
  };
  const doc = new DOMParser().parseFromString(renderHtml(nasty, { version: 't' }), 'text/html');

  test('one table row per item, the title and who acts as plain text, and data attributes for scripts', () => {
    const rows = [...doc.querySelectorAll('table.timetable tbody tr')] as HTMLElement[];
    expect(rows.map((r) => r.dataset.id)).toEqual(plan.items.map((i) => i.id));
    expect(rows.map((r) => r.dataset.date)).toEqual(plan.items.map((i) => i.date));
    for (const [i, row] of rows.entries()) {
      const item = plan.items[i]!;
      const cells = [...row.querySelectorAll('td')].map((td) => td.textContent);
      expect(cells[3]).toBe(`${item.kind === 'submission' ? 'Due' : 'Inspectors'}: ${item.title}`);
      expect(cells[4]).toBe(item.agencies.map((a) => a.name).join(', '));
      expect(row.dataset.due ?? null).toBe(item.due);
    }
  });

  test('no element or attribute comes from the data: no script, no link, no image, no event handler', () => {
    expect(doc.querySelectorAll('script, img, iframe, object, a, link, form, input').length).toBe(0);
    for (const node of doc.querySelectorAll('*'))
      for (const attr of node.getAttributeNames()) expect(attr).not.toMatch(/^on/);
    expect(doc.querySelectorAll('style')).toHaveLength(1);
    expect(doc.title).toBe(`${nasty.ruleSet.name}: notified Tuesday 16 April 2019`);
    expect(doc.querySelector('h1')!.textContent).toBe(doc.title);
  });

  test('details, sources and notes read as written', () => {
    const quotes = [...doc.querySelectorAll('.item blockquote')].map((q) => q.textContent);
    expect(quotes).toEqual(plan.items.map((i) => i.source));
    const details = [...doc.querySelectorAll('.item ul li')].map((li) => li.textContent);
    for (const item of plan.items) for (const d of item.details) expect(details).toContain(d);
  });
});
