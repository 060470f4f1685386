import type { TrackedPlan } from '../core/progress/progress.js';
import type { PlanItem } from '../core/plan/plan.js';
import { agenciesOf, movedWords, noteOf } from './item-text.js';

export interface RenderCsvOptions {
  /** Start with a UTF-8 byte order mark, so that Excel reads the file as UTF-8. */
  bom?: boolean;
}

const COLUMNS: ReadonlyArray<[string, (item: PlanItem) => string]> = [
  ['id', (i) => i.id],
  ['kind', (i) => i.kind],
  ['day', (i) => (i.day === null ? '' : String(i.day))],
  ['date', (i) => i.date],
  ['weekday', (i) => i.weekday],
  ['time', (i) => i.time ?? ''],
  ['due', (i) => i.due ?? ''],
  ['title', (i) => i.title],
  ['agencies', agenciesOf],
  ['recipient', (i) => i.recipient?.name ?? ''],
  ['details', (i) => i.details.join('\n')],
  ['note', (i) => noteOf(i) ?? ''],
  ['source', (i) => i.source],
];

// With an inspection file: each item's progress, and contacts beside the agencies.
const PROGRESS_COLUMNS: ReadonlyArray<[string, (item: PlanItem, plan: TrackedPlan) => string]> = [
  ['status', (i, s) => s.progress?.items[i.id]?.status ?? ''],
  ['done_at', (i, s) => s.progress?.items[i.id]?.doneAt ?? ''],
  ['done_by', (i, s) => s.progress?.items[i.id]?.doneBy ?? ''],
  ['late_by_minutes', (i, s) => String(s.progress?.items[i.id]?.lateByMinutes ?? '')],
  ['owed_by', (i, s) => (s.progress?.items[i.id]?.owing ?? []).map((p) => p.name).join('; ')],
  ['moved_from', (i) => (i.moved ? (i.moved.from.due ?? i.moved.from.date) : '')],
  ['moved_why', (i) => (i.moved ? movedWords(i)! : '')],
];

// A cell starting with = + - @ (or a tab or carriage return) is a formula to Excel and
// LibreOffice, and so is one starting with their full-width forms (＝ ＋ － ＠), which
// spreadsheets in East Asian locales read as the ASCII ones; a leading apostrophe makes it
// text (OWASP's advice on CSV injection).
const FORMULA_START = /^[=+\-@\t\r\uFF1D\uFF0B\uFF0D\uFF20]/;

/** A cell that no spreadsheet runs as a formula: defuse("=1+1") is "'=1+1". */
export function defuse(cell: string): string {
  return FORMULA_START.test(cell) ? `'${cell}` : cell;
}

/** Quotes a field when RFC 4180 needs it: quoteField('a "b", c') is '"a ""b"", c"'. */
export function quoteField(cell: string): string {
  // A semicolon or a tab is a separator to spreadsheets set for other locales: quoted too, so
  // that no part of a cell can start a formula in its own column.
  return /[",;\t\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell;
}

/** The plan as CSV (RFC 4180): a header row, one row per item, CRLF line ends. */
export function renderCsv(plan: TrackedPlan, options: RenderCsvOptions = {}): string {
  const columns: ReadonlyArray<[string, (item: PlanItem, plan: TrackedPlan) => string]> = [
    ...COLUMNS.map(([name, cell]): [string, (item: PlanItem, plan: TrackedPlan) => string] => [
      name,
      name === 'agencies' ? (i, s) => agenciesOf(i, s) : cell,
    ]),
    ...(plan.progress?.recorded ? PROGRESS_COLUMNS : []),
  ];
  const header = columns.map(([name]) => name).join(',');
  const rows = plan.items.map((item) => columns.map(([, cell]) => quoteField(defuse(cell(item, plan)))).join(','));
  return `${options.bom ? '\uFEFF' : ''}${[header, ...rows].map((r) => `${r}\r\n`).join('')}`;
}
