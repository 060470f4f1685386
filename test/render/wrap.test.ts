import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { wrapText } from '../../src/render/wrap.js';

// The wrapping every text output uses, as it was first written (word by word): the oracle.
function wordByWord(text: string, width: number): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter(Boolean)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line ? `${line} ${word}` : word;
  }
  if (line) lines.push(line);
  return lines;
}

describe('wrapText', () => {
  test('lines of at most the width, broken at spaces, a longer word alone', () => {
    expect(wrapText('a b c', 3)).toEqual(['a b', 'c']);
    expect(wrapText('List of children in need', 10)).toEqual(['List of', 'children', 'in need']);
    expect(wrapText('a verylongword b', 5)).toEqual(['a', 'verylongword', 'b']);
    expect(wrapText('exactly10c next', 10)).toEqual(['exactly10c', 'next']);
    expect(wrapText('  spaced \t out\nlines\u00a0here  ', 11)).toEqual(['spaced out', 'lines here']);
    expect(wrapText('', 10)).toEqual([]);
    expect(wrapText(' \n ', 10)).toEqual([]);
  });

  test('says what wrapping word by word says, for any text and width', () => {
    const piece = fc.constantFrom(
      'a',
      'bb',
      'word',
      'longerword',
      'x'.repeat(30),
      ' ',
      '  ',
      '\t',
      '\n',
      '\u00a0',
      '\u2028',
      'é',
      '😀',
    );
    fc.assert(
      fc.property(
        fc.array(piece, { maxLength: 40 }),
        fc.oneof(fc.integer({ min: -5, max: 40 }), fc.constantFrom(NaN, Infinity, -Infinity, 0.5, 7.5)),
        (pieces, width) => {
          const text = pieces.join('');
          expect(wrapText(text, width)).toEqual(wordByWord(text, width));
        },
      ),
      { numRuns: 2000 },
    );
  });
});
