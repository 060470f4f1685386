// What text jtai accepts, from every source (rule set, inspection file, command line,
// environment), and how a control character is shown when one must be shown. One rule for
// every way in: the renderers then escape for their format, and nothing else is needed.

/** An id (of an item, a party, a rule set): lower-case letters, digits and single hyphens. */
export const ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** Whether a text is a valid id: isId("case-lists") is true, isId("Case lists") false. */
export function isId(text: string): boolean {
  return ID_PATTERN.test(text);
}

/** Whether a value read from YAML or JSON is a mapping: isRecord({}) is true, isRecord([]) false. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The kinds of text: "text" is free text that may run over lines (a note, a detail), where a
 * tab and a line feed are kept; "line" is one line (a name, a title, a value on the command line).
 */
export type TextKind = 'text' | 'line';

// C0 controls but tab and line feed, DEL and C1 controls; a carriage return is refused too (a
// lone CR ends a calendar line in some parsers), as is a tab or line feed in a "line". So are
// the bidirectional overrides, embeddings and isolates (U+202A-U+202E, U+2066-U+2069), which
// make text display in another order than it is written ("Trojan Source"), and, in a line,
// the Unicode line and paragraph separators.
// The character classes, once; each rule below is made of them.
const C0_BUT_TAB_AND_LF = '\\u0000-\\u0008\\u000b-\\u001f';
const C0 = '\\u0000-\\u001f';
const DEL_AND_C1 = '\\u007f-\\u009f';
const SEPARATORS = '\\u2028\\u2029';
const DIRECTION = '\\u202a-\\u202e\\u2066-\\u2069';
const SURROGATE = '[\\ud800-\\udbff](?![\\udc00-\\udfff])|(?<![\\ud800-\\udbff])[\\udc00-\\udfff]';

const CONTROL_IN_TEXT = new RegExp(`[${C0_BUT_TAB_AND_LF}${DEL_AND_C1}${DIRECTION}]`);
const CONTROL_IN_LINE = new RegExp(`[${C0}${DEL_AND_C1}${SEPARATORS}${DIRECTION}]`);
const LONE_SURROGATE = new RegExp(SURROGATE);

const NAMES: Record<number, string> = {
  0x00: 'a NUL',
  0x07: 'a bell',
  0x08: 'a backspace',
  0x09: 'a tab',
  0x0a: 'a line break',
  0x0b: 'a vertical tab',
  0x0c: 'a form feed',
  0x0d: 'a carriage return',
  0x1b: 'an escape',
  0x7f: 'a delete',
  0x2028: 'a line separator',
  0x2029: 'a paragraph separator',
};

/** A character as a reader can see it: visibleChar("\u001b") is "\\x1b", visibleChar("\ud800") is "\\u{d800}". */
export function visibleChar(char: string): string {
  const code = char.codePointAt(0)!;
  return code < 0x100 ? `\\x${code.toString(16).padStart(2, '0')}` : `\\u{${code.toString(16)}}`;
}

/** What is wrong with a text, or undefined: textProblem("a\u001bb", "line") is "holds an escape (\\x1b) at character 2". */
export function textProblem(text: string, kind: TextKind): string | undefined {
  const control = (kind === 'line' ? CONTROL_IN_LINE : CONTROL_IN_TEXT).exec(text);
  const surrogate = LONE_SURROGATE.exec(text);
  const first = [control, surrogate].filter((m) => m !== null).sort((a, b) => a.index - b.index)[0];
  if (!first) return undefined;
  const code = first[0].codePointAt(0)!;
  const bidi = (code >= 0x202a && code <= 0x202e) || (code >= 0x2066 && code <= 0x2069);
  const name =
    surrogate === first
      ? 'half of a character (a lone surrogate)'
      : bidi
        ? 'a direction override'
        : (NAMES[code] ?? 'a control character');
  return `holds ${name} (${visibleChar(first[0])}) at character ${[...text.slice(0, first.index)].length + 1}`;
}

/** Whether a text is acceptable: isCleanText("Kim Lee", "line") is true. */
export function isCleanText(text: string, kind: TextKind): boolean {
  return textProblem(text, kind) === undefined;
}

// Everything a terminal could obey, or that would show text other than it is: C0 but tab and
// line feed, DEL, C1, the Unicode line separators, direction overrides and lone surrogates.
const UNSAFE_ON_TERMINAL = new RegExp(`[${C0_BUT_TAB_AND_LF}${DEL_AND_C1}${SEPARATORS}${DIRECTION}]|${SURROGATE}`, 'g');

/** Text safe to show on a terminal: each control character as a visible escape, never the byte: visible("a\u001b]0;x") is "a\\x1b]0;x". */
export function visible(text: string): string {
  return text.replace(UNSAFE_ON_TERMINAL, visibleChar);
}

// The colours jtai itself writes (chalk's SGR sequences: ESC [ numbers m) and nothing else.
const UNSAFE_BUT_COLOUR = new RegExp(
  `\\u001b\\[[0-9;]{0,20}m|[${C0_BUT_TAB_AND_LF}${DEL_AND_C1}${SEPARATORS}${DIRECTION}]|${SURROGATE}`,
  'g',
);

/** Like visible, but keeps the colour sequences jtai writes on a terminal: visibleKeepingColour("\u001b[1mA\u001b]0;x") is "\u001b[1mA\\x1b]0;x". */
export function visibleKeepingColour(text: string): string {
  return text.replace(UNSAFE_BUT_COLOUR, (m) => (m.length > 1 && m.charCodeAt(0) === 0x1b ? m : visibleChar(m)));
}

// What a value said back in a message must not hold: every control, a tab and a line break too.
const UNSAFE_IN_A_VALUE = new RegExp(`[${C0}${DEL_AND_C1}${SEPARATORS}${DIRECTION}]|${SURROGATE}`, 'g');

/** A typed value said back in a message, every control shown (a tab, a line break too): shownValue("a\\tb") is "a\\\\x09b". */
export function shownValue(text: string): string {
  return text.replace(UNSAFE_IN_A_VALUE, visibleChar);
}

// Every line break there is: CRLF, CR, LF, NEL, and the Unicode line and paragraph separators.
const LINE_BREAK = /\r\n|[\r\n\u0085\u2028\u2029]/g;

/** A value said back inside a one-line message, its line breaks shown: oneLine("a\nb") is "a\\x0ab". */
export function oneLine(text: string): string {
  return text.replace(LINE_BREAK, (m) => [...m].map(visibleChar).join(''));
}
