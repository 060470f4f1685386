import { extname } from 'node:path';
import type { Schedule } from '../core/schedule.js';
import { UsageError } from '../errors.js';
import type { Style } from '../render/style.js';

export const FORMATS = ['text', 'json', 'md', 'csv', 'ics'] as const;
export type Format = (typeof FORMATS)[number];

const EXTENSIONS: Record<string, Format> = {
  '.txt': 'text',
  '.json': 'json',
  '.md': 'md',
  '.markdown': 'md',
  '.csv': 'csv',
  '.ics': 'ics',
};

export const EXTENSION_OF: Record<Format, string> = { text: 'txt', json: 'json', md: 'md', csv: 'csv', ics: 'ics' };

/** The format an --out file's extension implies: formatForFile("plan.ics") is "ics". */
export function formatForFile(path: string): Format {
  const format = EXTENSIONS[extname(path).toLowerCase()];
  if (!format) {
    throw new UsageError(
      `cannot tell the format of "${path}" from its extension; use .ics, .md, .csv, .json or .txt, or give --format.`,
    );
  }
  return format;
}

export interface RenderSettings {
  style: Style;
  width: number;
  sources: boolean;
  mermaid: boolean;
  remindMinutes: number | null;
  stamp: Date;
  version: string;
  /** Writing to a file (a CSV gets a byte order mark for Excel). */
  toFile: boolean;
  calendarName?: string;
}

type Renderer = (schedule: Schedule, s: RenderSettings) => string;

// Each renderer is imported only when its format is asked for.
const RENDERERS: Record<Format, () => Promise<Renderer>> = {
  text: async () => {
    const { renderText } = await import('../render/text.js');
    return (schedule, s) => renderText(schedule, { style: s.style, width: s.width, sources: s.sources });
  },
  json: async () => {
    const { renderJson } = await import('../render/json.js');
    return (schedule) => renderJson(schedule);
  },
  md: async () => {
    const { renderMarkdown } = await import('../render/markdown.js');
    return (schedule, s) => renderMarkdown(schedule, { mermaid: s.mermaid });
  },
  csv: async () => {
    const { renderCsv } = await import('../render/csv.js');
    return (schedule, s) => renderCsv(schedule, { bom: s.toFile });
  },
  ics: async () => {
    const { renderIcs } = await import('../render/ics.js');
    return (schedule, s) =>
      renderIcs(schedule, {
        stamp: s.stamp,
        remindMinutes: s.remindMinutes,
        version: s.version,
        ...(s.calendarName !== undefined && { calendarName: s.calendarName }),
      });
  },
};

export function loadRenderer(format: Format): Promise<Renderer> {
  return RENDERERS[format]();
}
