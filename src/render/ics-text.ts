// RFC 5545 text rules: escaping of TEXT values and folding of long content lines.

/** Escapes a TEXT value: escapeText("a, b; c\nd") is "a\\, b\\; c\\nd". */
export function escapeText(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/;/g, '\\;').replace(/,/g, '\\,').replace(/\r?\n/g, '\\n');
}

const encoder = new TextEncoder();

/**
 * Folds a content line to at most 75 octets per line, continuation lines starting with one
 * space, never inside a UTF-8 character: foldLine("X".repeat(80)) is 75 X, CRLF, space, 5 X.
 */
export function foldLine(line: string): string {
  const parts: string[] = [];
  let current = '';
  let octets = 0;
  let limit = 75;
  for (const char of line) {
    const size = encoder.encode(char).length;
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
