import { stringify } from 'yaml';

// Text people really write in rule sets, and text an attacker would: Mermaid keywords at the
// start of a title, Markdown and HTML, entities, directives, CSV formula starters, calendar
// separators. Every format must carry each one through unchanged in meaning.

export const HOSTILE_TITLES = [
  'Section 11 audit returns',
  'Call with the lead inspector',
  'Title page of the self-evaluation',
  'section 2: the second section',
  'title Retitled chart',
  'excludes weekends',
  'includes 2019-03-23',
  'click here',
  'call back()',
  'dateFormat YYYY',
  'axisFormat %d',
  'todayMarker off',
  'tickInterval 1day',
  'weekday monday',
  'weekend friday',
  '%% not a comment',
  '%%{init: {"theme": "dark"}}%% a directive',
  '2019-03-19 is a date',
  'gantt chart',
  'accTitle: hidden',
  '<b>bold</b> <script>alert(1)</script> <img src=x onerror=alert(1)>',
  '*star* _under_ **strong** `code` ~~strike~~',
  '[text](http://example.com) ![img](x.png) <http://example.com>',
  'pipe | in | the | middle',
  '&amp; &#35; #35; #quot; entities',
  '# hash heading',
  '> a quote',
  '1. numbered',
  '- dash',
  '+ plus',
  '=SUM(A1:A2)',
  '@mention',
  '＝full-width equals',
  'a: b; c # d, e \\ f "quoted" \'single\'',
  '``` fence',
  'Café réunion 🚸 “curly”',
] as const;

export const HOSTILE_PARTIES = {
  welsh: 'Heddlu Gogledd Cymru; North Wales Police',
  schools: 'Schools, academies',
  markup: '<i>Health</i> *board* | trust',
  formula: '-Probation',
} as const;

/** A whole rule set whose every text is hostile, as YAML written by the yaml library. */
export function hostileRuleSetYaml(): string {
  const parties = Object.fromEntries(Object.entries(HOSTILE_PARTIES).map(([id, name]) => [id, { name }]));
  const ids = Object.keys(HOSTILE_PARTIES);
  return stringify({
    id: 'hostile',
    name: 'Title: *hostile*, <b>rule</b>; set #1',
    source: { title: '[A](http://x) source; with, commas' },
    timezone: 'Europe/London',
    holidays: 'england-and-wales',
    notification: { day: 0, weekday: 'tuesday' },
    times: { eod: { time: '17:00', label: 'end | of *the* day', note: 'A note: with <b>markup</b> & #35; things' } },
    parties,
    notes: ['- a note that looks like a list', '=1+1 a note that looks like a formula'],
    items: HOSTILE_TITLES.map((title, i) => ({
      id: `item-${i}`,
      kind: i % 5 === 4 ? 'inspector-action' : 'submission',
      title,
      day: i % 8,
      at: i % 7 === 6 ? 'all-day' : i % 3 === 0 ? 'eod' : `${String(9 + (i % 8)).padStart(2, '0')}:${i % 2 ? '30' : '00'}`,
      by: [ids[i % ids.length]!, ids[(i + 1) % ids.length]!],
      to: ids[(i + 2) % ids.length],
      details: [HOSTILE_TITLES[(i + 1) % HOSTILE_TITLES.length], HOSTILE_TITLES[(i + 2) % HOSTILE_TITLES.length]],
      source: HOSTILE_TITLES[(i + 3) % HOSTILE_TITLES.length],
      note: HOSTILE_TITLES[(i + 4) % HOSTILE_TITLES.length],
    })),
  });
}
