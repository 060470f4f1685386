// "Did you mean": the known names closest to one that is not known.

/**
 * Edits (insert, delete, change, swap two neighbours) from one text to another:
 * editDistance("notifed", "notified") is 1.
 */
function editDistance(a: string, b: string): number {
  const rows: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array<number>(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) rows[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let d = Math.min(rows[i - 1]![j]! + 1, rows[i]![j - 1]! + 1, rows[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) d = Math.min(d, rows[i - 2]![j - 2]! + 1);
      rows[i]![j] = d;
    }
  }
  return rows[a.length]![b.length]!;
}

/**
 * The known names a text most likely meant, best first, ignoring case, apostrophes and spacing:
 * the name itself when it is known, else those a few edits away, or one containing the other:
 * closestNames("cse-gang-cases", ["cse-gangs-cases", "children-list"]) is ["cse-gangs-cases"].
 */
function closestNames(text: string, names: Iterable<string>, max = 3): string[] {
  const t = comparable(text);
  if (t === '') return [];
  const unique = [...new Map([...names].reverse().map((n) => [comparable(n), n])).values()].reverse(); // one per spelling, the first kept
  // A name written as typed is the one meant: "csc" is not also a near miss of "cqc".
  const exact = unique.find((name) => comparable(name) === t);
  if (exact !== undefined) return [exact];
  const scored = unique.flatMap((name) => {
    const n = comparable(name);
    const distance = editDistance(t, n);
    const near = distance <= Math.max(1, Math.min(3, Math.floor(Math.max(t.length, n.length) / 4)));
    const within = t.length >= 3 && n.length >= 3 && (n.includes(t) || t.includes(n));
    const core = (x: string) => x.replace(/^-+/, ''); // "--notify" and "--notified" share "notif"
    const prefix = commonPrefix(core(t), core(n));
    const started = prefix >= 4 && prefix >= 0.6 * Math.min(core(t).length, core(n).length);
    return near || within || started ? [{ name, score: near ? distance : 10 + Math.abs(n.length - t.length) }] : [];
  });
  return scored
    .sort((a, b) => a.score - b.score || (a.name < b.name ? -1 : 1))
    .slice(0, max)
    .map((s) => s.name);
}

/** A name as compared: lower case, apostrophes (straight or curly) dropped, one space between words. */
function comparable(text: string): string {
  return text
    .toLowerCase()
    .replace(/['\u2018\u2019\u02bc`]/g, '')
    .replace(/\s+/g, ' ')
    .trim();
}

function commonPrefix(a: string, b: string): number {
  let n = 0;
  while (n < a.length && n < b.length && a[n] === b[n]) n++;
  return n;
}

/**
 * ' Did you mean "x"?' or ' Did you mean "x" or "y"?', or '' when nothing is close. With
 * answer, each close name is said as what it stands for (a party's id for its alias), once.
 */
export function didYouMean(text: string, names: Iterable<string>, answer: (name: string) => string = (n) => n): string {
  const close = [...new Set(closestNames(text, names, 10).map(answer))].slice(0, 3);
  if (close.length === 0) return '';
  const quoted = close.map((n) => `"${n}"`);
  return ` Did you mean ${quoted.length === 1 ? quoted[0] : `${quoted.slice(0, -1).join(', ')} or ${quoted.at(-1)}`}?`;
}
