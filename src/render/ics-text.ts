import { visible } from '../core/text/text-rules.js';
import { InternalError } from '../errors.js';

// RFC 5545 text rules: escaping of TEXT values and folding of long content lines.

/**
 * Escapes a TEXT value (RFC 5545 3.3.11): escapeText("a, b; c\nd") is "a\\, b\\; c\\nd". Every
 * line break (CRLF, a lone CR or LF) becomes "\\n", and any other control character, which TEXT
 * may not hold, is written as a visible escape (the four characters "\x1b"), so that no text
 * can end a calendar line or start another.
 */
export function escapeText(text: string): string {
  return visible(text.replace(/\r\n?/g, '\n'))
    .replace(/\\/g, '\\\\')
    .replace(/;/g, '\\;')
    .replace(/,/g, '\\,')
    .replace(/\n/g, '\\n');
}

function utf8Length(char: string): number {
  const cp = char.codePointAt(0)!;
  return cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
}

/**
 * Folds a content line to at most 75 octets per line, continuation lines starting with one
 * space, never inside a UTF-8 character: foldLine("X".repeat(80)) is 75 X, CRLF, space, 5 X.
 */
export function foldLine(line: string): string {
  // Printable ASCII, as nearly every line is: one octet a character, so the line is cut by length; going
  // character by character is most of the time an ICS takes (docs/performance.md).
  if (!/[^\x20-\x7e]/.test(line)) return foldAscii(line);
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = utf8Length(char);
    if (octets + size > limit) {
      parts.push(current);
      current = '';
      octets = 0;
      limit = 74; // the leading space of a continuation line counts
    }
    current += char;
    octets += size;
  }
  parts.push(current);
  return parts.join('\r\n ');
}

function foldAscii(line: string): string {
  if (line.length <= 75) return line;
  const parts = [line.slice(0, 75)];
  for (let at = 75; at < line.length; at += 74) parts.push(line.slice(at, at + 74));
  return parts.join('\r\n ');
}

// A content line holds no control character but a tab (RFC 5545 3.1): whatever went into it.
// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u0008\u000a-\u001f\u007f]/;

/** Joins content lines with CRLF, each folded, the last one ended too; a line that holds a line break or a control character is a bug. */
export function joinLines(lines: readonly string[]): string {
  const bad = lines.find((l) => CONTROL.test(l));
  if (bad !== undefined)
    throw new InternalError(`a calendar line holds a control character: ${JSON.stringify(bad.slice(0, 60))}`);
  return lines.map((l) => `${foldLine(l)}\r\n`).join('');
}
