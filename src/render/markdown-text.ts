// Rule-set text inside Markdown is data, never markup: every character that CommonMark or
// GFM could read as markup is escaped with a backslash (which CommonMark allows before any
// ASCII punctuation), line breaks become spaces, and a line start that would open a block
// (a list, a heading, a quote, a rule) is escaped too.

// Inline markup: emphasis, code, links and images, HTML and autolinks, tables, strikethrough,
// headings' closing #s, and backslash itself.
const INLINE = /[\\`*_[\]<>|~#]/g;
// An entity reference (&amp; &#35;) would be decoded; a lone & is left as it is.
const ENTITY = /&(?=#?[A-Za-z0-9]+;)/g;
// What opens a block at the start of a line: - + = (lists, setext underlines, rules) and "1." "1)".
const BLOCK_START = /^([-+=])|^(\d{1,9})([.)])/;

/**
 * Text for an inline place in Markdown (a cell, a heading, a list item, a paragraph):
 * markdownText("*Section 11* | [x](y)") is "\\*Section 11\\* \\| \\[x\\](y)".
 */
export function markdownText(text: string): string {
  const oneLine = text.replace(/\s*[\r\n\u2028\u2029]+\s*/g, ' ');
  const escaped = oneLine.replace(INLINE, '\\$&').replace(ENTITY, '\\&');
  return escaped.replace(BLOCK_START, (_m, sign: string | undefined, digits: string, mark: string) =>
    sign ? `\\${sign}` : `${digits}\\${mark}`,
  );
}
