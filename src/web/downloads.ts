import type { TrackedPlan } from '../core/progress/progress.js';
/// <reference lib="dom" />
import { renderCsv } from '../render/csv.js';
import { renderHtml } from '../render/html.js';
import { renderIcs } from '../render/ics.js';
import { renderJson } from '../render/json.js';
import { renderMarkdown } from '../render/markdown.js';
import { el } from './dom.js';

// The page's downloads, made by the same renderers as "jtai plan --out", byte for byte.

const FILES: Record<string, { ext: string; type: string; make: (s: TrackedPlan, version: string) => string }> = {
  ics: {
    ext: 'ics',
    type: 'text/calendar',
    make: (s, version) => renderIcs(s, { stamp: new Date(), remindMinutes: 60, version }),
  },
  csv: { ext: 'csv', type: 'text/csv', make: (s) => renderCsv(s, { bom: true }) },
  md: { ext: 'md', type: 'text/markdown', make: (s) => renderMarkdown(s) },
  json: { ext: 'json', type: 'application/json', make: (s) => renderJson(s) },
  html: { ext: 'html', type: 'text/html', make: (s, version) => renderHtml(s, { version }) },
};

/** Saves a text as a file the browser downloads: saveText("jtai-status-2019-03-20.txt", "text/plain", text). */
export function saveText(name: string, type: string, text: string): void {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const a = el('a', { href: url, download: name });
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** A download's name: fileName(plan, "ics") is "jtai-2019-03-19.ics", or "jtai-2019-03-19-police.ics" for one agency. */
export function fileName(plan: TrackedPlan, ext: string): string {
  const agency = plan.filter ? `-${plan.filter.agencies.map((a) => a.id).join('-')}` : '';
  return `jtai-${plan.notified}${agency}.${ext}`;
}

/** Saves a plan in a format ("ics", "csv", "md", "json", "html") as jtai-2019-03-19-police.ics. */
export function download(format: string, plan: TrackedPlan, version: string): void {
  const file = FILES[format];
  if (!file) return;
  saveText(fileName(plan, file.ext), file.type, file.make(plan, version));
}
