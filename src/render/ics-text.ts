// RFC 5545 text rules: escaping of TEXT values and folding of long content lines.

/** Escapes a TEXT value: escapeText("a, b; c\nd") is "a\\, b\\; c\\nd". */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
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
  if (line.length <= 75 && /^[\x20-\x7e]*$/.test(line)) return line; // short ASCII: nothing to fold
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

/** Joins content lines with CRLF, each folded, the last one ended too. */
export function joinLines(lines: readonly string[]): string {
  return lines.map((l) => `${foldLine(l)}\r\n`).join('');
}
