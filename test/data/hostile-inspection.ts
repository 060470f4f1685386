import type { TrackedPlan } from '../../src/core/progress/progress.js';
import { untracked } from '../../src/core/progress/progress.js';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { makeHolidayCalendar } from '../../src/core/dates/bank-holidays.js';
import type { InspectionRecord } from '../../src/core/progress/inspection-record.js';
import { EUROPE_LONDON } from '../../src/core/dates/london-zone.js';
import { withProgress } from '../../src/core/progress/progress.js';
import { computePlan as computeBarePlan } from '../../src/core/plan/plan.js';
import { parseRuleSet } from '../../src/io/analyse-rule-set-file.js';

// A plan as the renderers take it, with nothing from an inspection file.
const computePlan = (...args: Parameters<typeof computeBarePlan>) => untracked(computeBarePlan(...args));

// Control characters and calendar injections in every text of a plan. The input refuses them
// (text-rules.ts), so these plans are built in code, past the input checks: the renderers must
// be safe on their own.

export interface Payload {
  name: string;
  text: string;
}

const hex = (cp: number) => `U+${cp.toString(16).toUpperCase().padStart(4, '0')}`;
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const injection = (eol: string) =>
  ['ok', 'END:VEVENT', 'BEGIN:VEVENT', 'UID:evil@x', 'DTSTART:20190320T090000Z', 'SUMMARY:FAKE', 'END:VEVENT', 'BEGIN:VEVENT', 'X:'].join(eol);

/** Every C0 control, DEL, every C1 control, line breaks and whole injected events. */
export const HOSTILE_PAYLOADS: readonly Payload[] = [
  ...[...range(0x00, 0x1f), 0x7f, ...range(0x80, 0x9f)].map((cp) => ({ name: hex(cp), text: String.fromCharCode(cp) })),
  { name: 'a lone CR', text: '\r' },
  { name: 'a lone LF', text: '\n' },
  { name: 'CRLF', text: '\r\n' },
  { name: 'an event injected with CR', text: injection('\r') },
  { name: 'an event injected with LF', text: injection('\n') },
  { name: 'an event injected with CRLF', text: injection('\r\n') },
  { name: 'END:VCALENDAR', text: 'END:VCALENDAR' },
  { name: 'BEGIN:VALARM', text: 'BEGIN:VALARM' },
  { name: 'END:VCALENDAR after a CR', text: '\rEND:VCALENDAR\r' },
  { name: 'an alarm injected with LF', text: '\nBEGIN:VALARM\nACTION:DISPLAY\nTRIGGER:-PT1M\nEND:VALARM\n' },
];

/** What an injected event would be called. */
export const INJECTED = { uid: 'evil@x', summary: 'FAKE' } as const;

/** The CSS break-out seen in the wild, with each way out of a CSS string in place of `sep`. */
export const cssBreakOut = (sep: string) => `Area${sep}}} body{background:url(http://127.0.0.1:8999/t.png)} table{display:none} x{`;
export const CSS_SEPARATORS: ReadonlyArray<readonly [string, string]> = [
  ['form feed', '\f'],
  ['LF', '\n'],
  ['CR', '\r'],
  ['backslash', '\\'],
  ['double quote', '"'],
  ['single quote', "'"],
  ['</style>', '</style>'],
  ['U+2028', '\u2028'],
];

export const NOTIFIED = '2019-04-16'; // Easter: days off and warnings carry text too
export const NOW_MS = Date.UTC(2019, 3, 30, 12);
const RULES = fileURLToPath(new URL('../../schedules/jtai-2018.yaml', import.meta.url));

/** The built-in rule set's plan, as computed: plain text. */
export function plainPlan(): TrackedPlan {
  return computePlan(parseRuleSet(readFileSync(RULES, 'utf8'), RULES), NOTIFIED, makeHolidayCalendar([]));
}

// Strings that are ids, dates, times or kinds: structure, not text. Every other string is text.
const STRUCTURE = new Set(['id', 'kind', 'date', 'weekday', 'time', 'due', 'notified', 'timezone', 'holidays', 'from', 'until', 'members', 'path']);

/** A copy of a value with the payload inside every text: "Police" becomes "Police<payload>Police". */
function poison(value: unknown, payload: string, key = ''): unknown {
  if (typeof value === 'string') return STRUCTURE.has(key) ? value : `${value}${payload}${value}`;
  if (Array.isArray(value)) {
    const ids = (key === 'after' || key === 'parties') && value.every((v) => typeof v === 'string'); // item ids, party ids
    return ids ? [...value] : value.map((v) => poison(v, payload, key));
  }
  if (value && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, poison(v, payload, k)]));
  return value;
}

/**
 * The built-in plan with the payload inside every text that reaches a document: each item's
 * title, details, notes, source, anchor, time label and party names; the rule set's name,
 * sources, notes, inspection and focus lists; days off and warnings (a "may not fit" one too);
 * and an inspection record's area, contacts (name, role, email, phone) and progress (by, note),
 * every item done.
 */
export function hostilePlan(payload: string, area = `Area${payload}Area`): TrackedPlan {
  const plan = poison(plainPlan(), payload) as TrackedPlan;
  const text = (t: string) => `${t}${payload}${t}`;
  for (const item of plan.items) {
    item.note ??= text('An added note');
    item.timeNote ??= text('An added time note');
    item.timeLabel ??= text('all day');
  }
  plan.warnings.push({ kind: 'guidance', path: [], message: text('This plan may not fit the guidance.') });
  const contact = { name: text('DI Jane Smith'), role: text('MASH'), email: text('jane@example.org'), phone: text('01234 567890') };
  const record: InspectionRecord = {
    area,
    notified: NOTIFIED,
    rules: 'jtai-2018',
    contacts: Object.fromEntries(Object.keys(plan.ruleSet.parties).map((id) => [id, [contact, { name: text('Sam Jones') }]])),
    progress: Object.fromEntries(plan.items.map((i) => [i.id, [{ done: `${i.date}T08:00:00+01:00`, by: text('Jane Smith'), note: text('sent by email') }]])),
  };
  return withProgress(plan, record, NOW_MS, EUROPE_LONDON);
}
