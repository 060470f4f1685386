import type { IssuedEvent } from '../core/progress/issues.js';
import type { TrackedPlan } from '../core/progress/progress.js';
import { extname } from 'node:path';
import { UsageError } from '../errors.js';
import type { Style } from '../render/style.js';

export const FORMATS = ['text', 'json', 'md', 'csv', 'ics', 'html'] as const;
export type Format = (typeof FORMATS)[number];

const EXTENSIONS: Record<string, Format> = {
  '.txt': 'text',
  '.json': 'json',
  '.md': 'md',
  '.markdown': 'md',
  '.csv': 'csv',
  '.ics': 'ics',
  '.html': 'html',
  '.htm': 'html',
};

export const EXTENSION_OF: Record<Format, string> = {
  text: 'txt',
  json: 'json',
  md: 'md',
  csv: 'csv',
  ics: 'ics',
  html: 'html',
};

/** The format a file's extension implies, if any: impliedFormat("plan.ics") is "ics". */
function impliedFormat(path: string): Format | undefined {
  const ext = extname(path).toLowerCase();
  return Object.hasOwn(EXTENSIONS, ext) ? EXTENSIONS[ext] : undefined;
}

/** The format an --out file's extension implies: formatForFile("plan.ics") is "ics". */
function formatForFile(path: string): Format {
  const format = impliedFormat(path);
  if (!format) {
    throw new UsageError(
      `cannot tell the format of "${path}" from its extension; use .ics, .md, .csv, .json, .html or .txt, or give --format.`,
    );
  }
  return format;
}

const FORMAT_WORDS: Record<Format, string> = {
  text: 'the text agenda',
  json: 'JSON',
  md: 'Markdown',
  csv: 'CSV',
  ics: 'an ICS calendar',
  html: 'a printable HTML page',
};

/**
 * The format to write --out in: --format if given, else the extension's. A --format that
 * contradicts a known extension (Markdown into plan.ics) is refused unless forced; .txt takes any.
 */
export function formatForOut(path: string, format: Format | undefined, force: boolean): Format {
  if (format === undefined) return formatForFile(path);
  const implied = impliedFormat(path);
  if (implied === undefined || implied === format || implied === 'text' || force) return format;
  const better = `${path.slice(0, path.length - extname(path).length)}.${EXTENSION_OF[format]}`;
  throw new UsageError(
    `--out ${path} is named as ${FORMAT_WORDS[implied]} (${extname(path)}), but --format ${format} writes ${FORMAT_WORDS[format]}; write to ${better}, or add --force to write ${FORMAT_WORDS[format]} to ${path} anyway.`,
  );
}

export interface RenderSettings {
  style: Style;
  width: number;
  sources: boolean;
  mermaid: boolean;
  remindMinutes: readonly number[] | null;
  stamp: Date;
  version: string;
  /** Writing to a file (a CSV gets a byte order mark for Excel). */
  toFile: boolean;
  calendarName?: string;
  /** List the warnings at the end of the text agenda. */
  warnings: boolean;
  /** Add the focus lists to the text agenda. */
  focus: boolean;
  /** ICS that cancels the plan's events. */
  cancel: boolean;
  /** For an ICS issued again: each event's SEQUENCE, and the events to cancel. */
  issue?: { sequences: Readonly<Record<string, number>>; cancelled: readonly IssuedEvent[] };
}

type Renderer = (plan: TrackedPlan, s: RenderSettings) => string;

// Each renderer is imported only when its format is asked for.
const RENDERERS: Record<Format, () => Promise<Renderer>> = {
  text: async () => {
    const { renderText } = await import('../render/text.js');
    return (plan, s) =>
      renderText(plan, { style: s.style, width: s.width, sources: s.sources, warnings: s.warnings, focus: s.focus });
  },
  json: async () => {
    const { renderJson } = await import('../render/json.js');
    return (plan) => renderJson(plan);
  },
  md: async () => {
    const { renderMarkdown } = await import('../render/markdown.js');
    return (plan, s) => renderMarkdown(plan, { mermaid: s.mermaid });
  },
  csv: async () => {
    const { renderCsv } = await import('../render/csv.js');
    return (plan, s) => renderCsv(plan, { bom: s.toFile });
  },
  html: async () => {
    const { renderHtml } = await import('../render/html.js');
    return (plan, s) => renderHtml(plan, { version: s.version });
  },
  ics: async () => {
    const { renderIcs } = await import('../render/ics.js');
    return (plan, s) =>
      renderIcs(plan, {
        stamp: s.stamp,
        remindMinutes: s.remindMinutes,
        version: s.version,
        cancel: s.cancel,
        ...(s.calendarName !== undefined && { calendarName: s.calendarName }),
        ...(s.issue && { sequences: s.issue.sequences, cancelled: s.issue.cancelled }),
      });
  },
};

export function loadRenderer(format: Format): Promise<Renderer> {
  return RENDERERS[format]();
}
