import { type Document, LineCounter, isMap, isNode, isScalar, parseDocument } from 'yaml';
import type { Problem, SourcePosition } from '../../errors.js';

// Parsing YAML while keeping where each value was written, so that every problem found later
// can be reported as file:line:column.

export interface ParsedYaml {
  data: unknown;
  /** The position of the value at a path, or of its nearest written parent. */
  positionOf(path: ReadonlyArray<string | number>, key?: string): SourcePosition;
}

const MAX_ALIASES = 100; // refuses "billion laughs" alias bombs quickly

/** Parses YAML text; syntax errors come back as problems with their positions. */
export function parseYaml(text: string, file: string): { parsed?: ParsedYaml; problems: Problem[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  const at = (offset: number): SourcePosition => {
    const { line, col } = lineCounter.linePos(offset);
    return { file, line, column: col };
  };
  if (doc.errors.length > 0) {
    return {
      problems: doc.errors.map((e) => ({
        path: [],
        message: `${firstSentence(e.message)} (YAML syntax).`,
        position: at(e.pos[0]),
      })),
    };
  }
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: MAX_ALIASES });
  } catch (e) {
    return { problems: [{ path: [], message: `${firstSentence((e as Error).message)}.`, position: at(0) }] };
  }
  return { parsed: { data, positionOf: (path, key) => at(offsetOf(doc, path, key)) }, problems: [] };
}

function firstSentence(message: string): string {
  if (message.includes('Maximum call stack')) return 'the YAML is nested too deeply to read';
  return message.split('\n')[0]!.replace(/[.:]\s*$/, '');
}

function offsetOf(doc: Document, path: ReadonlyArray<string | number>, key?: string): number {
  for (let n = path.length; n >= 0; n--) {
    const node = n === 0 ? doc.contents : doc.getIn(path.slice(0, n), true);
    if (!isNode(node) || !node.range) continue;
    if (key !== undefined && n === path.length && isMap(node)) {
      const pair = node.items.find((p) => isScalar(p.key) && p.key.value === key);
      if (pair && isNode(pair.key) && pair.key.range) return pair.key.range[0];
    }
    return node.range[0];
  }
  return 0;
}
