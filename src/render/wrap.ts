// Any run of white space (as \s: a tab, a line break, a no-break space...) where one space is not.
const LOOSE = /[^\S ]| {2}|^ | $/;

/**
 * Breaks text into lines of at most width characters at spaces, a word longer than width on a
 * line of its own: wrapText("a b c", 3) is ["a b", "c"]. Each line is cut out of the text, not
 * built word by word: a plan's text wrapped its titles and notes into some 150 KB of strings.
 */
export function wrapText(text: string, width: number): string[] {
  // A terminal too narrow for anything (a width of 0 or less) has a word a line, as word by
  // word it had; a width that is not a number, one line.
  if (!(width >= 1)) width = Number.isNaN(width) ? Infinity : 1;
  const words = LOOSE.test(text) ? text.split(/\s+/).filter(Boolean).join(' ') : text;
  const lines: string[] = [];
  let start = 0;
  while (start < words.length) {
    if (words.length - start <= width) {
      lines.push(start === 0 ? words : words.slice(start));
      break;
    }
    let cut = words.lastIndexOf(' ', start + width);
    if (cut <= start) cut = words.indexOf(' ', start + width); // a word longer than the line
    if (cut === -1) {
      lines.push(words.slice(start));
      break;
    }
    lines.push(words.slice(start, cut));
    start = cut + 1;
  }
  return lines;
}
