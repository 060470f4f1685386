import { describe, expect, test } from 'vitest';
import {
  isCleanText,
  oneLine,
  textProblem,
  visible,
  visibleChar,
  visibleKeepingColour,
} from '../../../src/core/text/text-rules.js';
import { slugOf } from '../../../src/core/progress/inspection-words.js';

// The one rule for text on the way in, and the one way a control character is shown.

const C0 = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(i));
const C1 = Array.from({ length: 0x20 }, (_, i) => String.fromCharCode(0x80 + i));

describe('textProblem: what text may hold', () => {
  test('free text keeps a tab and a line feed, and nothing else below U+0020', () => {
    for (const c of C0)
      expect(isCleanText(`a${c}b`, 'text'), `U+${c.charCodeAt(0).toString(16)}`).toBe(c === '\t' || c === '\n');
  });

  test('one line keeps nothing below U+0020: no tab, no line break, no carriage return', () => {
    for (const c of C0) expect(isCleanText(`a${c}b`, 'line')).toBe(false);
  });

  test('DEL, every C1 control and a lone surrogate are refused in both', () => {
    for (const c of ['\u007f', ...C1, '\ud800', '\udfff', 'x\ud83d']) {
      expect(isCleanText(`a${c}`, 'text')).toBe(false);
      expect(isCleanText(`a${c}`, 'line')).toBe(false);
    }
  });

  test('direction overrides and isolates are refused everywhere; line separators in a line', () => {
    for (const c of ['\u202a', '\u202b', '\u202c', '\u202d', '\u202e', '\u2066', '\u2067', '\u2068', '\u2069']) {
      expect(textProblem(`Leeds${c}`, 'line')).toBe(`holds a direction override (${visibleChar(c)}) at character 6`);
      expect(isCleanText(`Leeds${c}`, 'text')).toBe(false);
    }
    expect(textProblem('a\u2028b', 'line')).toBe('holds a line separator (\\u{2028}) at character 2');
    expect(isCleanText('a\u2028b', 'text')).toBe(true);
    expect(isCleanText('שלום \u200f(RLM) Leeds', 'line')).toBe(true); // a direction mark is no override
  });

  test('names people write are accepted: accents, Welsh, emoji (a surrogate pair), right-to-left script', () => {
    for (const t of ['Café réunion', 'Ynys Môn', 'Road safety 🚸', 'مجلس', 'O’Brien — “quoted”'])
      expect(isCleanText(t, 'line')).toBe(true);
  });

  test('says what the character is, as a visible escape, and where it is, counting characters not code units', () => {
    expect(textProblem('ok\rEND:VEVENT', 'text')).toBe('holds a carriage return (\\x0d) at character 3');
    expect(textProblem('🚸\u001b]0;x', 'line')).toBe('holds an escape (\\x1b) at character 2');
    expect(textProblem('a\u009bb', 'line')).toBe('holds a control character (\\x9b) at character 2');
    expect(textProblem('a\ud800', 'line')).toBe(
      'holds half of a character (a lone surrogate) (\\u{d800}) at character 2',
    );
    expect(textProblem('two\nlines', 'line')).toBe('holds a line break (\\x0a) at character 4');
    expect(textProblem('two\nlines', 'text')).toBeUndefined();
  });
});

describe('visible: a control character shown, never obeyed', () => {
  test('escape sequences, C1 and DEL become their visible escapes; tab and line feed stay', () => {
    expect(visible('a\u001b]0;pwned\u0007b\u009b2J\u007f\tc\nd')).toBe('a\\x1b]0;pwned\\x07b\\x9b2J\\x7f\tc\nd');
  });

  test('direction overrides and line separators are shown as escapes too; oneLine shows every line break', () => {
    expect(visible('Evil\u202eroot\u2028x')).toBe('Evil\\u{202e}root\\u{2028}x');
    expect(oneLine('nofile\nrules.yaml: valid\r\nx\u2028y')).toBe('nofile\\x0arules.yaml: valid\\x0d\\x0ax\\u{2028}y');
  });

  test('keeping colour keeps only SGR sequences (ESC [ digits m), and shows every other ESC', () => {
    expect(visibleKeepingColour('\u001b[1;4mDay\u001b[22;24m \u001b]8;;http://x\u0007link\u001b[2J')).toBe(
      '\u001b[1;4mDay\u001b[22;24m \\x1b]8;;http://x\\x07link\\x1b[2J',
    );
  });
});

describe('slugOf: readable, and unique for distinct names', () => {
  test('a plain Latin name is its words, as before', () => {
    expect(slugOf('Barking & Dagenham')).toBe('barking-dagenham');
    expect(slugOf('My Area')).toBe('my-area');
  });

  test('names that lose letters or accents keep the readable part and add a hash of the whole name', () => {
    expect(slugOf('Ynys Môn')).toMatch(/^ynys-mon--[0-9a-f]{12}$/);
    expect(slugOf(`Ynys Mon ${slugOf('Ynys Môn').slice(10)}`)).not.toBe(slugOf('Ynys Môn')); // a plain name never looks like a hashed one
    expect(slugOf('Ynys Môn')).not.toBe(slugOf('Ynys Mon'));
    expect(slugOf('東京')).toMatch(/^area--[0-9a-f]{12}$/);
    expect(slugOf('東京')).not.toBe(slugOf('大阪'));
  });

  test('names cut at 40 characters stay apart, and no slug is longer than 40', () => {
    const a = `${'x'.repeat(45)}a`;
    const b = `${'x'.repeat(45)}b`;
    expect(slugOf(a)).not.toBe(slugOf(b));
    for (const n of [a, b, 'é'.repeat(100), '東'.repeat(100)]) expect(slugOf(n).length).toBeLessThanOrEqual(40);
  });
});
