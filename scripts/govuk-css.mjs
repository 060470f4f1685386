// Build step helper: the part of govuk-frontend's compiled CSS that the web page uses. The page
// is one offline file with a strict Content-Security-Policy, so it keeps only the rules whose
// govuk- classes all appear in the page's own sources, and drops the GDS Transport typeface
// (its @font-face and the font-family name: reserved for GOV.UK's own services) and every rule
// that points at an asset (url(...): the crown and the fonts, which the page never fetches).
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/** The compiled CSS and version of the installed govuk-frontend. */
export function readGovukCss() {
  const css = readFileSync(require.resolve('govuk-frontend/dist/govuk/govuk-frontend.min.css'), 'utf8');
  const { version } = JSON.parse(readFileSync(require.resolve('govuk-frontend/package.json'), 'utf8'));
  return { css, version };
}

/** Every govuk- class named in some texts (the page's HTML and code): a Set of "govuk-tag", ... */
export function classesIn(texts) {
  return new Set(texts.flatMap((t) => t.match(/govuk-[a-z0-9]+(?:[_-]{1,2}[a-z0-9]+)*/g) ?? []));
}

// At-rules whose block holds rules; every other block holds declarations.
const GROUPS = /^@(media|supports|layer|container|-moz-document)\b/;

// The CSS split into top-level blocks: { prelude, body } (body: the text between the braces).
function blocks(css) {
  const out = [];
  let i = 0;
  while (i < css.length) {
    let depth = 0;
    let start = i;
    let open = -1;
    for (; i < css.length; i++) {
      const c = css[i];
      if (c === '"' || c === "'") {
        const end = css.indexOf(c, i + 1);
        i = end < 0 ? css.length : end;
      } else if (c === '/' && css[i + 1] === '*') {
        i = css.indexOf('*/', i + 2) + 1;
        if (i === 0) i = css.length;
      } else if (c === ';' && depth === 0) {
        start = i + 1; // a statement (@charset, @import): dropped
      } else if (c === '{') {
        if (depth++ === 0) open = i;
      } else if (c === '}') {
        if (--depth === 0) {
          out.push({ prelude: css.slice(start, open).trim(), body: css.slice(open + 1, i) });
          i++;
          break;
        }
      }
    }
  }
  return out;
}

// A selector list split at its top-level commas (not those inside :not(...) or :is(...)).
function selectors(prelude) {
  const out = [];
  let depth = 0;
  let start = 0;
  for (let i = 0; i < prelude.length; i++) {
    if (prelude[i] === '(') depth++;
    else if (prelude[i] === ')') depth--;
    else if (prelude[i] === ',' && depth === 0) {
      out.push(prelude.slice(start, i));
      start = i + 1;
    }
  }
  return [...out, prelude.slice(start)].map((s) => s.trim()).filter(Boolean);
}

function pick(css, used) {
  let out = '';
  for (const { prelude, body } of blocks(css)) {
    if (prelude.startsWith('@font-face') || body.includes('url(')) continue;
    if (GROUPS.test(prelude)) {
      const inner = pick(body, used);
      if (inner) out += `${prelude}{${inner}}`;
      continue;
    }
    if (prelude.startsWith('@')) continue; // @keyframes and the like: no component the page uses needs them
    const kept = selectors(prelude).filter((s) =>
      (s.match(/\.govuk-[\w-]+/g) ?? []).every((c) => used.has(c.slice(1))),
    );
    if (kept.length > 0) out += `${kept.join(',')}{${body}}`;
  }
  return out;
}

/** govuk-frontend's CSS cut to the classes used, without its typeface and assets, with its licence line. */
export function govukCssFor(used) {
  const { css, version } = readGovukCss();
  const kept = pick(css, used).replace(/GDS Transport,\s*/g, '');
  return `/*! govuk-frontend ${version}, MIT licence, (c) Crown copyright; only the rules this page uses */${kept}`;
}
